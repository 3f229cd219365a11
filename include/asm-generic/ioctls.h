/* SPDX-License-Identifier: GPL-2.0 */
/* The terminal ioctls, Linux's numbers (include/uapi/asm-generic/ioctls.h). */
#ifndef _ASM_GENERIC_IOCTLS_H
#define _ASM_GENERIC_IOCTLS_H

#define TCGETS		0x5401
#define TCSETS		0x5402
#define TCSETSW		0x5403
#define TCSETSF		0x5404
#define TCGETA		0x5405
#define TCSETA		0x5406
#define TCSETAW		0x5407
#define TCSETAF		0x5408
#define TCSBRK		0x5409
#define TCXONC		0x540A
#define TCFLSH		0x540B
#define TIOCEXCL	0x540C
#define TIOCNXCL	0x540D
#define TIOCSCTTY	0x540E
#define TIOCGPGRP	0x540F
#define TIOCSPGRP	0x5410
#define TIOCOUTQ	0x5411
#define TIOCSTI		0x5412
#define TIOCGWINSZ	0x5413
#define TIOCSWINSZ	0x5414
#define FIONREAD	0x541B
#define TIOCINQ		FIONREAD
#define TIOCNOTTY	0x5422
#define TIOCGSID	0x5429
#define TCGETS2		0x802c542a	/* _IOR('T', 0x2A, struct termios2) */
#define TCSETS2		0x402c542b	/* _IOW('T', 0x2B, struct termios2) */
#define TCSETSW2	0x402c542c
#define TCSETSF2	0x402c542d
#define FIONBIO		0x5421
#define FIONCLEX	0x5450
#define FIOCLEX		0x5451

#endif
