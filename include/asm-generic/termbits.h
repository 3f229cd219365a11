/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The terminal's settings as user space sees them: struct termios and
 * termios2 with Linux's x86-64 layout and bit values (Linux's
 * include/uapi/asm-generic/termbits.h), and struct ktermios, the
 * kernel's copy (termios2's layout).
 */
#ifndef _ASM_GENERIC_TERMBITS_H
#define _ASM_GENERIC_TERMBITS_H

#include <linux/types.h>

typedef unsigned char cc_t;
typedef unsigned int speed_t;
typedef unsigned int tcflag_t;

#define NCCS 19

/* TCGETS/TCSETS*: no speed fields (they live in c_cflag's CBAUD) */
struct termios {
	tcflag_t c_iflag;
	tcflag_t c_oflag;
	tcflag_t c_cflag;
	tcflag_t c_lflag;
	cc_t c_line;
	cc_t c_cc[NCCS];
};

/* TCGETS2/TCSETS2*: termios with the speeds */
struct termios2 {
	tcflag_t c_iflag;
	tcflag_t c_oflag;
	tcflag_t c_cflag;
	tcflag_t c_lflag;
	cc_t c_line;
	cc_t c_cc[NCCS];
	speed_t c_ispeed;
	speed_t c_ospeed;
};

struct ktermios {
	tcflag_t c_iflag;
	tcflag_t c_oflag;
	tcflag_t c_cflag;
	tcflag_t c_lflag;
	cc_t c_line;
	cc_t c_cc[NCCS];
	speed_t c_ispeed;
	speed_t c_ospeed;
};

struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};

/* c_cc characters */
#define VINTR		0
#define VQUIT		1
#define VERASE		2
#define VKILL		3
#define VEOF		4
#define VTIME		5
#define VMIN		6
#define VSWTC		7
#define VSTART		8
#define VSTOP		9
#define VSUSP		10
#define VEOL		11
#define VREPRINT	12
#define VDISCARD	13
#define VWERASE		14
#define VLNEXT		15
#define VEOL2		16

/* c_iflag bits */
#define IGNBRK	0x001
#define BRKINT	0x002
#define IGNPAR	0x004
#define PARMRK	0x008
#define INPCK	0x010
#define ISTRIP	0x020
#define INLCR	0x040
#define IGNCR	0x080
#define ICRNL	0x100
#define IUCLC	0x0200
#define IXON	0x0400
#define IXANY	0x0800
#define IXOFF	0x1000
#define IMAXBEL	0x2000
#define IUTF8	0x4000

/* c_oflag bits */
#define OPOST	0x01
#define OLCUC	0x02
#define ONLCR	0x04
#define OCRNL	0x08
#define ONOCR	0x10
#define ONLRET	0x20
#define OFILL	0x40
#define OFDEL	0x80
#define TABDLY	0x1800
#define XTABS	0x1800

/* c_cflag bits */
#define CBAUD	0x0000100f
#define B0	0x00000000
#define B9600	0x0000000d
#define B38400	0x0000000f
#define B115200	0x00001002
#define CSIZE	0x00000030
#define CS8	0x00000030
#define CSTOPB	0x00000040
#define CREAD	0x00000080
#define PARENB	0x00000100
#define PARODD	0x00000200
#define HUPCL	0x00000400
#define CLOCAL	0x00000800
#define CBAUDEX	0x00001000
#define BOTHER	0x00001000
#define CIBAUD	0x100f0000
#define IBSHIFT	16

/* c_lflag bits */
#define ISIG	0x00001
#define ICANON	0x00002
#define XCASE	0x00004
#define ECHO	0x00008
#define ECHOE	0x00010
#define ECHOK	0x00020
#define ECHONL	0x00040
#define NOFLSH	0x00080
#define TOSTOP	0x00100
#define ECHOCTL	0x00200
#define ECHOPRT	0x00400
#define ECHOKE	0x00800
#define FLUSHO	0x01000
#define PENDIN	0x04000
#define IEXTEN	0x08000
#define EXTPROC	0x10000

/* tcflow() and TCXONC */
#define TCOOFF		0
#define TCOON		1
#define TCIOFF		2
#define TCION		3

/* tcflush() and TCFLSH */
#define TCIFLUSH	0
#define TCOFLUSH	1
#define TCIOFLUSH	2

#endif
