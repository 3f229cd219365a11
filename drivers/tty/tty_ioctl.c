// SPDX-License-Identifier: GPL-2.0
/*
 * The termios ioctls (Linux's drivers/tty/tty_ioctl.c): TCGETS/TCSETS*
 * (struct termios) and TCGETS2/TCSETS2* (struct termios2, with the
 * speeds), TCSBRK (tcdrain), and the line discipline's helpers TCFLSH
 * and TCXONC.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/uaccess.h>

#define TERMIOS_FLUSH	1	/* TCSETSF: drop the input first */
#define TERMIOS_WAIT	2	/* TCSETSW: let the output drain first */
#define TERMIOS_OLD	8	/* struct termios, not termios2 */

/* Linux's baud_table: the speed of each CBAUD code (B0 .. B4000000). */
static const speed_t baud_table[] = {
	0, 50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800,
	9600, 19200, 38400, 57600, 115200, 230400, 460800, 500000, 576000,
	921600, 1000000, 1152000, 1500000, 2000000, 2500000, 3000000,
	3500000, 4000000,
};

/* baud_of - the speed a CBAUD code means, @other (BOTHER) if it says
 * "the number in c_[io]speed". */
static speed_t baud_of(tcflag_t cbaud, speed_t other)
{
	if (cbaud == BOTHER)
		return other;
	if (cbaud & CBAUDEX) {
		cbaud &= ~CBAUDEX;
		cbaud += 15;
		if (cbaud >= ARRAY_SIZE(baud_table))
			return 0;
	}
	return baud_table[cbaud];
}

/* tty_termios_baud_rate - the output speed @t sets (Linux's). */
static speed_t tty_termios_baud_rate(const struct ktermios *t)
{
	return baud_of(t->c_cflag & CBAUD, t->c_ospeed);
}

/* tty_termios_input_baud_rate - the input speed: CIBAUD's, or the
 * output speed when CIBAUD is B0 (Linux's). */
static speed_t tty_termios_input_baud_rate(const struct ktermios *t)
{
	tcflag_t cbaud = (t->c_cflag >> IBSHIFT) & CBAUD;

	if (cbaud == B0)
		return tty_termios_baud_rate(t);
	return baud_of(cbaud, t->c_ispeed);
}

/*
 * tty_set_termios - install @new and tell the line discipline, which
 * rearranges its input for a change of ICANON. The driver (a QEMU
 * UART) takes every c_cflag as it is.
 */
static void tty_set_termios(struct tty_struct *tty, const struct ktermios *new)
{
	struct ktermios old;
	unsigned long flags;

	spin_lock_irqsave(&tty->termios_lock, flags);
	old = tty->termios;
	tty->termios = *new;
	tty->ldisc->set_termios(tty, &old);
	spin_unlock_irqrestore(&tty->termios_lock, flags);
}

/*
 * set_termios - TCSETS* and TCSETS2*, in Linux's order: the job-control
 * check, the copy from the user (-EFAULT), the speeds recomputed from
 * CBAUD, then for FLUSH and WAIT the output drained (-ERESTARTSYS if
 * a signal comes) and for FLUSH the input dropped, then the change.
 */
static int set_termios(struct tty_struct *tty, void __user *arg, int opt)
{
	struct ktermios tmp;
	unsigned long flags;
	int ret = tty_check_change(tty);

	if (ret)
		return ret;
	spin_lock_irqsave(&tty->termios_lock, flags);
	tmp = tty->termios;
	spin_unlock_irqrestore(&tty->termios_lock, flags);
	if (copy_from_user(&tmp, arg, opt & TERMIOS_OLD ?
			   sizeof(struct termios) : sizeof(struct termios2)))
		return -EFAULT;
	tmp.c_ispeed = tty_termios_input_baud_rate(&tmp);
	tmp.c_ospeed = tty_termios_baud_rate(&tmp);
	if (opt & (TERMIOS_FLUSH | TERMIOS_WAIT)) {
		ret = tty_wait_until_sent(tty, 0);
		if (ret)
			return ret;
		if (opt & TERMIOS_FLUSH) {
			spin_lock_irqsave(&tty->termios_lock, flags);
			tty->ldisc->flush_buffer(tty);
			spin_unlock_irqrestore(&tty->termios_lock, flags);
		}
	}
	tty_set_termios(tty, &tmp);
	return 0;
}

/* get_termios - TCGETS (@size: struct termios) or TCGETS2 (termios2). */
static int get_termios(struct tty_struct *tty, void __user *arg, size_t size)
{
	struct ktermios t;
	unsigned long flags;

	spin_lock_irqsave(&tty->termios_lock, flags);
	t = tty->termios;
	spin_unlock_irqrestore(&tty->termios_lock, flags);
	return copy_to_user(arg, &t, size) ? -EFAULT : 0;
}

/*
 * tty_mode_ioctl - the termios ioctls and TCSBRK. TCSBRK waits for the
 * output to drain; its break (arg 0) is not sent because the driver has
 * no break_ctl, and Linux then returns 0 too (-EINTR if a signal
 * ends the wait). -ENOIOCTLCMD for any
 * other command.
 */
int tty_mode_ioctl(struct tty_struct *tty, unsigned int cmd, unsigned long arg)
{
	void __user *p = (void __user *)arg;
	int ret;

	switch (cmd) {
	case TCGETS:
		return get_termios(tty, p, sizeof(struct termios));
	case TCGETS2:
		return get_termios(tty, p, sizeof(struct termios2));
	case TCSETSF:
		return set_termios(tty, p, TERMIOS_FLUSH | TERMIOS_WAIT | TERMIOS_OLD);
	case TCSETSW:
		return set_termios(tty, p, TERMIOS_WAIT | TERMIOS_OLD);
	case TCSETS:
		return set_termios(tty, p, TERMIOS_OLD);
	case TCSETSF2:
		return set_termios(tty, p, TERMIOS_FLUSH | TERMIOS_WAIT);
	case TCSETSW2:
		return set_termios(tty, p, TERMIOS_WAIT);
	case TCSETS2:
		return set_termios(tty, p, 0);
	case TCSBRK:	/* Linux: -EINTR, not a restart, if a signal comes */
		ret = tty_check_change(tty);
		if (ret)
			return ret;
		return tty_wait_until_sent(tty, 0) ? -EINTR : 0;
	}
	return -ENOIOCTLCMD;
}

/* tty_perform_flush - TCFLSH: drop input, output or both. -EINVAL for
 * another @arg. */
static int tty_perform_flush(struct tty_struct *tty, unsigned long arg)
{
	unsigned long flags;

	if (arg > TCIOFLUSH)
		return -EINVAL;
	if (arg == TCIFLUSH || arg == TCIOFLUSH) {
		spin_lock_irqsave(&tty->termios_lock, flags);
		tty->ldisc->flush_buffer(tty);
		spin_unlock_irqrestore(&tty->termios_lock, flags);
	}
	if (arg == TCOFLUSH || arg == TCIOFLUSH)
		tty_driver_flush_buffer(tty);
	return 0;
}

/* tty_send_xchar - TCIOFF/TCION: send the STOP or START character
 * (nothing if it is disabled). */
static int tty_send_xchar(struct tty_struct *tty, u8 ch)
{
	if (ch != 0)	/* __DISABLED_CHAR */
		tty->ops->write(tty, &ch, 1);
	return 0;
}

/*
 * n_tty_ioctl_helper - TCXONC (tcflow: stop or restart output, send
 * STOP or START) and TCFLSH (tcflush), after the job-control check;
 * then tty_mode_ioctl().
 */
int n_tty_ioctl_helper(struct tty_struct *tty, unsigned int cmd, unsigned long arg)
{
	unsigned long flags;
	int ret;

	switch (cmd) {
	case TCXONC:
		ret = tty_check_change(tty);
		if (ret)
			return ret;
		switch (arg) {
		case TCOOFF:
		case TCOON:
			spin_lock_irqsave(&tty->termios_lock, flags);
			if (arg == TCOOFF)
				stop_tty(tty);
			else
				start_tty(tty);
			spin_unlock_irqrestore(&tty->termios_lock, flags);
			return 0;
		case TCIOFF:
			return tty_send_xchar(tty, C_CHAR(tty, VSTOP));
		case TCION:
			return tty_send_xchar(tty, C_CHAR(tty, VSTART));
		}
		return -EINVAL;
	case TCFLSH:
		ret = tty_check_change(tty);
		return ret ? ret : tty_perform_flush(tty, arg);
	}
	return tty_mode_ioctl(tty, cmd, arg);
}
