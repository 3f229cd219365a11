// SPDX-License-Identifier: GPL-2.0
/*
 * N_TTY, Linux's line discipline (drivers/tty/n_tty.c there): the
 * input ring the driver's receive interrupt fills (with ISIG's signals,
 * IXON's flow control, ICRNL/INLCR/IGNCR, canonical editing and echo),
 * the reads that take lines or (non-canonical) VMIN/VTIME runs of bytes
 * from it, and the output processing of OPOST (ONLCR, OCRNL, ONOCR,
 * ONLRET, OLCUC, XTABS) for writes and echoes alike.
 *
 * Everything in struct n_tty_data is guarded by tty->termios_lock,
 * taken with interrupts off: the receive path runs in the interrupt.
 * Echoes are written to the driver at once, from the interrupt; if the
 * driver has no room they are dropped (Linux keeps them in an echo
 * buffer until it has). See Documentation/tty.md.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fdtable.h>
#include <linux/jiffies.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time64.h>
#include <linux/tty.h>
#include <linux/uaccess.h>

#define N_TTY_BUF_SIZE	4096
#define WAKEUP_CHARS	256
#define __DISABLED_CHAR	'\0'	/* an EOF in the ring; c_cc value "off" */
#define BITS_PER_LONG	64

struct n_tty_data {
	/* tty->termios_lock must be held when using these: */
	size_t read_head;	/* next free slot (free-running index) */
	size_t read_tail;	/* next byte to read */
	size_t canon_head;	/* end of the last complete line */
	size_t line_start;	/* start of the line being read (eof_push) */
	bool push;		/* ICANON turned on with bytes waiting */
	bool icanon;		/* the ICANON the ring is arranged for */
	bool lnext;		/* the next byte is literal (^V) */
	bool erasing;		/* inside an ECHOPRT "\...\/" run */
	bool reader_busy;	/* one reader copies at a time */
	unsigned int column;	/* output column, for tabs and erase */
	unsigned int canon_column;	/* column where the line began */
	unsigned long read_flags[N_TTY_BUF_SIZE / BITS_PER_LONG];	/* line ends */
	u8 read_buf[N_TTY_BUF_SIZE];
};

static inline u8 read_buf(struct n_tty_data *ld, size_t i)
{
	return ld->read_buf[i & (N_TTY_BUF_SIZE - 1)];
}

static inline bool line_end_at(struct n_tty_data *ld, size_t i)
{
	i &= N_TTY_BUF_SIZE - 1;
	return ld->read_flags[i / BITS_PER_LONG] & (1UL << (i % BITS_PER_LONG));
}

static inline void mark_line_end(struct n_tty_data *ld, size_t i, bool on)
{
	unsigned long bit;

	i &= N_TTY_BUF_SIZE - 1;
	bit = 1UL << (i % BITS_PER_LONG);
	if (on)
		ld->read_flags[i / BITS_PER_LONG] |= bit;
	else
		ld->read_flags[i / BITS_PER_LONG] &= ~bit;
}

static inline size_t read_cnt(struct n_tty_data *ld)
{
	return ld->read_head - ld->read_tail;
}

static bool is_cntrl(u8 c)
{
	return c < 32 || c == 0x7f;
}

static bool is_alnum(u8 c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* is_continuation - a UTF-8 continuation byte, under IUTF8 only. */
static bool is_continuation(u8 c, struct tty_struct *tty)
{
	return I_FLAG(tty, IUTF8) && (c & 0xc0) == 0x80;
}

/* --- output ---------------------------------------------------------- */

static unsigned int tty_write_room(struct tty_struct *tty)
{
	return tty->ops->write_room ? tty->ops->write_room(tty) : 2048;
}

static void tty_put_char(struct tty_struct *tty, u8 c)
{
	tty->ops->write(tty, &c, 1);
}

/*
 * do_output_char - one byte of output through OPOST (Linux's
 * do_output_char): ONLCR, OCRNL, ONOCR, ONLRET, XTABS, OLCUC, and the
 * column. termios_lock held. Returns the bytes it took of @space, or -1
 * if it needs more than @space.
 */
static int do_output_char(u8 c, struct tty_struct *tty, int space)
{
	struct n_tty_data *ld = tty->disc_data;
	int spaces;

	if (!space)
		return -1;
	switch (c) {
	case '\n':
		if (O_ONLRET(tty))
			ld->column = 0;
		if (O_ONLCR(tty)) {
			if (space < 2)
				return -1;
			ld->canon_column = ld->column = 0;
			tty->ops->write(tty, (const u8 *)"\r\n", 2);
			return 2;
		}
		ld->canon_column = ld->column;
		break;
	case '\r':
		if (O_ONOCR(tty) && ld->column == 0)
			return 0;
		if (O_OCRNL(tty)) {
			c = '\n';
			if (O_ONLRET(tty))
				ld->canon_column = ld->column = 0;
			break;
		}
		ld->canon_column = ld->column = 0;
		break;
	case '\t':
		spaces = 8 - (ld->column & 7);
		if ((tty->termios.c_oflag & TABDLY) == XTABS) {
			if (space < spaces)
				return -1;
			ld->column += spaces;
			tty->ops->write(tty, (const u8 *)"        ", spaces);
			return spaces;
		}
		ld->column += spaces;
		break;
	case '\b':
		if (ld->column > 0)
			ld->column--;
		break;
	default:
		if (!is_cntrl(c)) {
			if (O_OLCUC(tty) && c >= 'a' && c <= 'z')
				c -= 'a' - 'A';
			if (!is_continuation(c, tty))
				ld->column++;
		}
		break;
	}
	tty_put_char(tty, c);
	return 1;
}

/* output_char - a byte of output or echo, processed if OPOST is on;
 * dropped if the driver has no room. termios_lock held. */
static void output_char(u8 c, struct tty_struct *tty)
{
	int space = tty_write_room(tty);

	if (O_OPOST(tty))
		do_output_char(c, tty, space);
	else if (space)
		tty_put_char(tty, c);
}

/* --- echo ------------------------------------------------------------ */

/* echo_char_raw - echo @c as it is (through OPOST). */
static void echo_char_raw(u8 c, struct tty_struct *tty)
{
	output_char(c, tty);
}

/*
 * echo_char - echo a typed byte: a control character other than tab
 * (and newline, which callers echo raw) as ^X under ECHOCTL, taking two
 * columns, as Linux's echo_char and process_echoes do.
 */
static void echo_char(u8 c, struct tty_struct *tty)
{
	struct n_tty_data *ld = tty->disc_data;

	if (L_ECHOCTL(tty) && is_cntrl(c) && c != '\t') {
		if (tty_write_room(tty) < 2)
			return;
		tty_put_char(tty, '^');
		tty_put_char(tty, c ^ 0100);
		ld->column += 2;
		return;
	}
	echo_char_raw(c, tty);
}

/* finish_erasing - close an ECHOPRT erase run with '/'. */
static void finish_erasing(struct tty_struct *tty)
{
	struct n_tty_data *ld = tty->disc_data;

	if (ld->erasing) {
		echo_char_raw('/', tty);
		ld->erasing = false;
	}
}

/*
 * echo_erase_tab - back over an erased tab: @num_chars columns were
 * used after the previous tab (@after_tab) or since the line began,
 * so the tab took up to the next multiple of 8 (Linux's
 * echo_erase_tab and its processing in __process_echoes).
 */
static void echo_erase_tab(unsigned int num_chars, bool after_tab,
			   struct tty_struct *tty)
{
	struct n_tty_data *ld = tty->disc_data;
	unsigned int num_bs;

	if (!after_tab)
		num_chars += ld->canon_column;
	num_bs = 8 - (num_chars & 7);
	if (num_bs > ld->column)
		num_bs = ld->column;
	ld->column -= num_bs;
	while (num_bs--)
		tty_put_char(tty, '\b');
}

/* --- input ----------------------------------------------------------- */

/* put_tty_queue - append @c to the ring. There is always room: the
 * callers check n_tty_room() first. */
static void put_tty_queue(u8 c, struct n_tty_data *ld)
{
	ld->read_buf[ld->read_head & (N_TTY_BUF_SIZE - 1)] = c;
	mark_line_end(ld, ld->read_head, false);
	ld->read_head++;
}

/*
 * n_tty_room - may @line_end (or, if false, an ordinary byte) be added?
 * The last slot is kept for a line end in canonical mode, so that a
 * full line can still be ended; a full ring drops bytes, as Linux's
 * does when its reader does not keep up.
 */
static bool n_tty_room(struct n_tty_data *ld, bool line_end)
{
	size_t left = N_TTY_BUF_SIZE - read_cnt(ld);

	return ld->icanon && !line_end ? left > 1 : left > 0;
}

/* reset_buffer_flags - empty the input ring (a flush). */
static void reset_buffer_flags(struct n_tty_data *ld)
{
	ld->read_head = ld->canon_head = ld->read_tail = ld->line_start = 0;
	ld->lnext = ld->erasing = ld->push = false;
	memset(ld->read_flags, 0, sizeof(ld->read_flags));
}

/*
 * eraser - ERASE, WERASE or KILL in canonical mode: take bytes back off
 * the line being edited and echo their erasure, Linux's eraser():
 * "\b \b" per column under ECHOE (two for a ^X), the KILL character and
 * a newline under ECHOK without ECHOKE, a tab by its width.
 */
static void eraser(u8 c, struct tty_struct *tty)
{
	struct n_tty_data *ld = tty->disc_data;
	enum { ERASE, WERASE, KILL } kill_type;
	int seen_alnums = 0;

	if (ld->read_head == ld->canon_head)
		return;		/* nothing to erase (Linux: no bell either) */
	if (c == C_CHAR(tty, VERASE)) {
		kill_type = ERASE;
	} else if (c == C_CHAR(tty, VWERASE)) {
		kill_type = WERASE;
	} else {
		if (!L_ECHO(tty)) {
			ld->read_head = ld->canon_head;
			return;
		}
		if (!L_ECHOK(tty) || !L_ECHOKE(tty) || !L_ECHOE(tty)) {
			ld->read_head = ld->canon_head;
			finish_erasing(tty);
			echo_char(C_CHAR(tty, VKILL), tty);
			if (L_ECHOK(tty))
				echo_char_raw('\n', tty);
			return;
		}
		kill_type = KILL;
	}

	while (ld->read_head != ld->canon_head) {
		size_t head = ld->read_head;
		size_t cnt;

		/* one character, which under IUTF8 may be several bytes */
		do {
			head--;
			c = read_buf(ld, head);
		} while (is_continuation(c, tty) && head != ld->canon_head);
		if (is_continuation(c, tty))
			break;	/* a stray continuation: Linux stops too */
		if (kill_type == WERASE) {
			if (is_alnum(c) || c == '_')
				seen_alnums++;
			else if (seen_alnums)
				break;
		}
		cnt = ld->read_head - head;
		ld->read_head = head;
		if (L_ECHO(tty)) {
			if (L_ECHOPRT(tty)) {
				if (!ld->erasing) {
					echo_char_raw('\\', tty);
					ld->erasing = true;
				}
				echo_char(c, tty);
				while (--cnt > 0)
					echo_char_raw(read_buf(ld, ++head), tty);
			} else if (kill_type == ERASE && !L_ECHOE(tty)) {
				echo_char(C_CHAR(tty, VERASE), tty);
			} else if (c == '\t') {
				unsigned int num_chars = 0;
				bool after_tab = false;
				size_t tail = ld->read_head;

				while (tail != ld->canon_head) {
					tail--;
					c = read_buf(ld, tail);
					if (c == '\t') {
						after_tab = true;
						break;
					} else if (is_cntrl(c)) {
						if (L_ECHOCTL(tty))
							num_chars += 2;
					} else if (!is_continuation(c, tty)) {
						num_chars++;
					}
				}
				echo_erase_tab(num_chars, after_tab, tty);
			} else {
				if (is_cntrl(c) && L_ECHOCTL(tty)) {
					echo_char_raw('\b', tty);
					echo_char_raw(' ', tty);
					echo_char_raw('\b', tty);
				}
				if (!is_cntrl(c) || L_ECHOCTL(tty)) {
					echo_char_raw('\b', tty);
					echo_char_raw(' ', tty);
					echo_char_raw('\b', tty);
				}
			}
		}
		if (kill_type == ERASE)
			break;
	}
	if (ld->read_head == ld->canon_head && L_ECHO(tty))
		finish_erasing(tty);
}

/*
 * isig - an INTR, QUIT or SUSP character under ISIG: signal the
 * foreground process group and, unless NOFLSH, drop the input and the
 * queued output, in Linux's order (isig() there).
 */
static void isig(int sig, struct tty_struct *tty)
{
	tty_signal_pgrp(tty, sig);
	if (L_NOFLSH(tty))
		return;
	tty_driver_flush_buffer(tty);
	reset_buffer_flags(tty->disc_data);
}

static void n_tty_receive_signal_char(int sig, u8 c, struct tty_struct *tty)
{
	isig(sig, tty);
	if (I_IXON(tty))
		start_tty(tty);
	if (L_ECHO(tty))
		echo_char(c, tty);
}

/* handle_newline - @c ends the line being edited: mark it, make the
 * line readable, wake the readers. */
static void handle_newline(u8 c, struct tty_struct *tty)
{
	struct n_tty_data *ld = tty->disc_data;

	if (!n_tty_room(ld, true))
		return;
	mark_line_end(ld, ld->read_head, true);
	ld->read_buf[ld->read_head & (N_TTY_BUF_SIZE - 1)] = c;
	ld->read_head++;
	ld->canon_head = ld->read_head;
	wake_up(&tty->read_wait);
}

/* reprint - ^R: the line being edited again, on a new line. */
static void reprint(u8 c, struct tty_struct *tty)
{
	struct n_tty_data *ld = tty->disc_data;

	finish_erasing(tty);
	echo_char(c, tty);
	echo_char_raw('\n', tty);
	for (size_t t = ld->canon_head; t != ld->read_head; t++)
		echo_char(read_buf(ld, t), tty);
}

/*
 * n_tty_receive_char_special - the characters that have a meaning of
 * their own under the current termios. Returns true if @c was one of
 * them and is dealt with.
 */
static bool n_tty_receive_char_special(u8 c, struct tty_struct *tty)
{
	struct n_tty_data *ld = tty->disc_data;

	if (I_IXON(tty)) {
		if (c == C_CHAR(tty, VSTART)) {
			start_tty(tty);
			return true;
		}
		if (c == C_CHAR(tty, VSTOP)) {
			stop_tty(tty);
			return true;
		}
	}
	if (L_ISIG(tty)) {
		int sig = c == C_CHAR(tty, VINTR) ? SIGINT :
			  c == C_CHAR(tty, VQUIT) ? SIGQUIT :
			  c == C_CHAR(tty, VSUSP) ? SIGTSTP : 0;

		if (sig) {
			n_tty_receive_signal_char(sig, c, tty);
			return true;
		}
	}
	if (tty->stopped && I_IXON(tty) && I_IXANY(tty))
		start_tty(tty);
	if (!ld->icanon)
		return false;
	if (c == C_CHAR(tty, VERASE) || c == C_CHAR(tty, VKILL) ||
	    (c == C_CHAR(tty, VWERASE) && L_IEXTEN(tty))) {
		eraser(c, tty);
		return true;
	}
	if (c == C_CHAR(tty, VLNEXT) && L_IEXTEN(tty)) {
		ld->lnext = true;
		if (L_ECHO(tty)) {
			finish_erasing(tty);
			if (L_ECHOCTL(tty) && tty_write_room(tty) >= 2) {
				tty_put_char(tty, '^');
				tty_put_char(tty, '\b');
			}
		}
		return true;
	}
	if (c == C_CHAR(tty, VREPRINT) && L_ECHO(tty) && L_IEXTEN(tty)) {
		reprint(c, tty);
		return true;
	}
	if (c == '\n') {
		if (L_ECHO(tty) || L_ECHONL(tty))
			echo_char_raw('\n', tty);
		handle_newline(c, tty);
		return true;
	}
	if (c == C_CHAR(tty, VEOF)) {
		handle_newline(__DISABLED_CHAR, tty);	/* not echoed */
		return true;
	}
	if (c == C_CHAR(tty, VEOL) ||
	    (c == C_CHAR(tty, VEOL2) && L_IEXTEN(tty))) {
		if (L_ECHO(tty)) {
			if (ld->canon_head == ld->read_head)
				ld->canon_column = ld->column;
			echo_char(c, tty);
		}
		handle_newline(c, tty);
		return true;
	}
	return false;
}

/* n_tty_receive_char - an ordinary byte: echo it and queue it. */
static void n_tty_receive_char(u8 c, struct tty_struct *tty)
{
	struct n_tty_data *ld = tty->disc_data;

	if (!n_tty_room(ld, false))
		return;
	if (L_ECHO(tty)) {
		finish_erasing(tty);
		if (c == '\n') {
			echo_char_raw('\n', tty);
		} else {
			if (ld->canon_head == ld->read_head)
				ld->canon_column = ld->column;
			echo_char(c, tty);
		}
	}
	put_tty_queue(c, ld);
	if (!ld->icanon)
		ld->canon_head = ld->read_head;
}

/*
 * n_tty_receive_buf - the driver's received bytes (its interrupt,
 * tty->termios_lock held): each through the input flags, the special
 * characters and the ring; readers are woken once for the lot.
 */
static void n_tty_receive_buf(struct tty_struct *tty, const u8 *cp, int count)
{
	struct n_tty_data *ld = tty->disc_data;
	size_t before = ld->read_head;

	for (int i = 0; i < count; i++) {
		u8 c = cp[i];

		if (I_ISTRIP(tty))
			c &= 0x7f;
		if (I_IUCLC(tty) && L_IEXTEN(tty) && c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (ld->lnext) {
			ld->lnext = false;
			n_tty_receive_char(c, tty);
			continue;
		}
		if (c == '\r') {
			if (I_IGNCR(tty))
				continue;
			if (I_ICRNL(tty))
				c = '\n';
		} else if (c == '\n' && I_INLCR(tty)) {
			c = '\r';
		}
		if (n_tty_receive_char_special(c, tty))
			continue;
		n_tty_receive_char(c, tty);
	}
	if (!ld->icanon && ld->read_head != before)
		wake_up(&tty->read_wait);
}

/* --- reading --------------------------------------------------------- */

/*
 * input_available_p - is there something for a read (@poll: for poll,
 * which under VMIN > 0, VTIME 0 wants VMIN bytes)? termios_lock held.
 */
static bool input_available_p(struct tty_struct *tty, bool poll)
{
	struct n_tty_data *ld = tty->disc_data;
	size_t amt = poll && !C_CHAR(tty, VTIME) && C_CHAR(tty, VMIN) ?
		     C_CHAR(tty, VMIN) : 1;

	if (ld->icanon)
		return ld->canon_head != ld->read_tail;
	return read_cnt(ld) >= amt;
}

/* copy_from_read_buf - non-canonical: up to @nr bytes off the ring into
 * @kb. termios_lock held. Returns the number taken. */
static size_t copy_from_read_buf(struct n_tty_data *ld, u8 *kb, size_t nr)
{
	size_t n = min(read_cnt(ld), nr);

	for (size_t i = 0; i < n; i++)
		kb[i] = read_buf(ld, ld->read_tail + i);
	ld->read_tail += n;
	return n;
}

/*
 * canon_copy_from_read_buf - canonical: the current line, up to @nr
 * bytes, into @kb, without its EOF mark (Linux's
 * canon_copy_from_read_buf). termios_lock held. Sets *@found if the
 * line's end was taken too; returns the bytes copied (0: an EOF).
 */
static size_t canon_copy_from_read_buf(struct n_tty_data *ld, u8 *kb, size_t nr,
				       bool *found)
{
	size_t tail = ld->read_tail, n = min(nr, ld->canon_head - tail), i, c;

	*found = false;
	for (i = 0; i < n; i++)
		if (line_end_at(ld, tail + i)) {
			*found = true;
			break;
		}
	c = i + *found;		/* taken off the ring */
	if (*found && read_buf(ld, tail + i) != __DISABLED_CHAR)
		i = c;		/* copied: the line end too, unless an EOF */
	for (size_t j = 0; j < i; j++)
		kb[j] = read_buf(ld, tail + j);
	ld->read_tail += c;
	if (*found) {
		if (!ld->push)
			ld->line_start = ld->read_tail;
		else
			ld->push = false;
	}
	return i;
}

/*
 * n_tty_take_reader - become the one reader copying from the ring; a
 * second one waits (interruptibly), or with O_NONBLOCK gets -EAGAIN.
 * Returns 0, -EAGAIN or -ERESTARTSYS.
 */
static int n_tty_take_reader(struct tty_struct *tty, struct file *file)
{
	struct n_tty_data *ld = tty->disc_data;
	struct wait_queue_entry w = { .task = NULL };
	unsigned long flags;
	int ret = 0;

	for (;;) {
		prepare_to_wait(&tty->read_wait, &w, TASK_INTERRUPTIBLE);
		spin_lock_irqsave(&tty->termios_lock, flags);
		if (!ld->reader_busy) {
			ld->reader_busy = true;
			spin_unlock_irqrestore(&tty->termios_lock, flags);
			break;
		}
		spin_unlock_irqrestore(&tty->termios_lock, flags);
		if (file->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&tty->read_wait, &w);
	return ret;
}

static void n_tty_give_reader(struct tty_struct *tty)
{
	struct n_tty_data *ld = tty->disc_data;
	unsigned long flags;

	spin_lock_irqsave(&tty->termios_lock, flags);
	ld->reader_busy = false;
	spin_unlock_irqrestore(&tty->termios_lock, flags);
	wake_up(&tty->read_wait);
}

#define READ_CHUNK	256	/* bytes copied per lock hold */

/*
 * n_tty_read_chunk - one pass of the read loop with termios_lock held:
 * is there input, and if so take up to @nr bytes of it into @kb.
 * Returns the bytes taken (a canonical 0: an EOF), or -EAGAIN if there
 * is no input yet (the caller waits). *@line_done says a canonical
 * read took its line's end.
 */
static ssize_t n_tty_read_chunk(struct tty_struct *tty, u8 *kb, size_t nr,
				bool *line_done)
{
	struct n_tty_data *ld = tty->disc_data;

	if (!input_available_p(tty, false))
		return -EAGAIN;
	if (!ld->icanon)
		return copy_from_read_buf(ld, kb, nr);
	return canon_copy_from_read_buf(ld, kb, nr, line_done);
}

/*
 * job_control - may current read @tty through @file? A background
 * process group reading its controlling terminal gets SIGTTIN, or -EIO
 * (__tty_check_change()); files opened through /dev/console never stop,
 * as in Linux. Returns 0 or that error.
 */
static int job_control(struct tty_struct *tty, struct file *file)
{
	if (tty_file_is_console(file))
		return 0;
	return __tty_check_change(tty, SIGTTIN);
}

/*
 * n_tty_read - read(2) on the tty (Linux's n_tty_read): canonical mode
 * returns at most one line (0 for an EOF at its start); otherwise VMIN
 * and VTIME decide, exactly as there: MIN > 0 waits for MIN bytes,
 * with TIME > 0 also ending TIME tenths after the last byte once one
 * came; MIN 0 returns what there is, waiting up to TIME tenths for a
 * first byte. No input with O_NONBLOCK: -EAGAIN, unless the wait was 0.
 * A hangup while it waits ends it as end of file (what it has, or 0).
 * The tenths are measured by the clock (schedule_until()), where Linux
 * counts jiffies; at mmos's HZ of 100 that is what keeps them exact.
 * Job control goes first (job_control()).
 */
static ssize_t n_tty_read(struct tty_struct *tty, struct file *file,
			  u8 __user *buf, size_t nr)
{
	struct n_tty_data *ld = tty->disc_data;
	struct wait_queue_entry w = { .task = NULL };
	size_t minimum = 0, done = 0;
	u64 end = 0, time = 0;		/* the deadline; the inter-byte time */
	bool timing = false, expired = false;
	bool line_done = false;
	unsigned long flags;
	ssize_t ret = 0;
	u8 kb[READ_CHUNK];

	ret = job_control(tty, file);
	if (ret)
		return ret;
	ret = n_tty_take_reader(tty, file);
	if (ret)
		return ret;
	spin_lock_irqsave(&tty->termios_lock, flags);
	if (!ld->icanon) {
		minimum = C_CHAR(tty, VMIN);
		if (minimum) {
			time = C_CHAR(tty, VTIME) * (NSEC_PER_SEC / 10);
		} else {
			timing = true;
			end = local_clock() + C_CHAR(tty, VTIME) * (NSEC_PER_SEC / 10);
			expired = !C_CHAR(tty, VTIME);
			minimum = 1;
		}
	}
	spin_unlock_irqrestore(&tty->termios_lock, flags);

	while (done < nr) {
		ssize_t n;

		prepare_to_wait(&tty->read_wait, &w, TASK_INTERRUPTIBLE);
		spin_lock_irqsave(&tty->termios_lock, flags);
		n = n_tty_read_chunk(tty, kb, min(nr - done, sizeof(kb)), &line_done);
		spin_unlock_irqrestore(&tty->termios_lock, flags);
		if (n == -EAGAIN) {
			if (tty_hung_up_p(file))
				break;	/* end of file, as Linux's */
			if (expired)
				break;
			if (file->f_flags & O_NONBLOCK) {
				ret = -EAGAIN;
				break;
			}
			if (signal_pending(current)) {
				ret = -ERESTARTSYS;
				break;
			}
			if (!timing)
				schedule();
			else if (!schedule_until(end))
				expired = true;
			continue;
		}
		__set_current_state(TASK_RUNNING);
		if (n && copy_to_user(buf + done, kb, n)) {
			ret = -EFAULT;
			break;
		}
		done += n;
		if (ld->icanon) {
			if (line_done || !n)
				break;
			continue;
		}
		if (done >= minimum)
			break;
		if (time) {	/* the inter-byte timer starts again */
			timing = true;
			end = local_clock() + time;
		}
	}
	finish_wait(&tty->read_wait, &w);
	n_tty_give_reader(tty);
	return done ? (ssize_t)done : ret;
}

/* --- writing --------------------------------------------------------- */

/*
 * n_tty_write - write(2) on the tty: the bytes through OPOST (or raw),
 * waiting for room in the driver (and for ^Q when ^S stopped it).
 * Returns the bytes taken, or -EAGAIN / -ERESTARTSYS / -EFAULT if none,
 * -EIO if the tty was hung up under @file meanwhile.
 * Under TOSTOP a background writer is stopped first (tty_check_change()),
 * unless the file was opened through /dev/console.
 */
static ssize_t n_tty_write(struct tty_struct *tty, struct file *file,
			   const u8 __user *buf, size_t nr)
{
	struct wait_queue_entry w = { .task = NULL };
	size_t done = 0;
	ssize_t ret = 0;
	u8 kb[READ_CHUNK];

	if (L_TOSTOP(tty) && !tty_file_is_console(file)) {
		ret = tty_check_change(tty);
		if (ret)
			return ret;
	}

	while (done < nr) {
		size_t n = min(nr - done, sizeof(kb)), i = 0;
		unsigned long flags;

		if (copy_from_user(kb, buf + done, n)) {
			ret = -EFAULT;
			break;
		}
		for (;;) {
			prepare_to_wait(&tty->write_wait, &w, TASK_INTERRUPTIBLE);
			if (tty_hung_up_p(file)) {
				ret = -EIO;
				break;
			}
			spin_lock_irqsave(&tty->termios_lock, flags);
			while (!tty->stopped && i < n) {
				int space = tty_write_room(tty), used;

				if (!O_OPOST(tty)) {
					used = tty->ops->write(tty, kb + i, n - i);
					if (used <= 0)
						break;
					i += used;
					continue;
				}
				used = do_output_char(kb[i], tty, space);
				if (used < 0)
					break;
				i++;
			}
			spin_unlock_irqrestore(&tty->termios_lock, flags);
			if (i == n)
				break;
			if (file->f_flags & O_NONBLOCK) {
				ret = -EAGAIN;
				break;
			}
			if (signal_pending(current)) {
				ret = -ERESTARTSYS;
				break;
			}
			schedule();
		}
		finish_wait(&tty->write_wait, &w);
		done += i;
		if (i < n)
			break;
	}
	return done ? (ssize_t)done : ret;
}

/* --- the rest -------------------------------------------------------- */

/* n_tty_poll - readable as a read would find it, writable while the
 * driver has room and little queued (Linux's n_tty_poll). */
static __poll_t n_tty_poll(struct tty_struct *tty, struct file *file,
			   poll_table *wait)
{
	unsigned long flags;
	__poll_t mask = 0;

	poll_wait(file, &tty->read_wait, wait);
	poll_wait(file, &tty->write_wait, wait);
	spin_lock_irqsave(&tty->termios_lock, flags);
	if (input_available_p(tty, true))
		mask |= POLLIN | POLLRDNORM;
	if ((!tty->ops->chars_in_buffer ||
	     tty->ops->chars_in_buffer(tty) < WAKEUP_CHARS) &&
	    tty_write_room(tty) > 0)
		mask |= POLLOUT | POLLWRNORM;
	spin_unlock_irqrestore(&tty->termios_lock, flags);
	if (tty_hung_up_p(file))
		mask |= POLLHUP;
	return mask;
}

/* n_tty_flush_buffer - TCIFLUSH and the like: drop the input. Called
 * with termios_lock held. */
static void n_tty_flush_buffer(struct tty_struct *tty)
{
	reset_buffer_flags(tty->disc_data);
}

/* inq_canon - FIONREAD in canonical mode: the complete lines' bytes,
 * less their EOF marks. termios_lock held. */
static unsigned int inq_canon(struct n_tty_data *ld)
{
	unsigned int nr = ld->canon_head - ld->read_tail;

	for (size_t t = ld->read_tail; t != ld->canon_head; t++)
		if (line_end_at(ld, t) && read_buf(ld, t) == __DISABLED_CHAR)
			nr--;
	return nr;
}

/* n_tty_chars_in_buffer - FIONREAD. termios_lock held. */
static unsigned int n_tty_chars_in_buffer(struct tty_struct *tty)
{
	struct n_tty_data *ld = tty->disc_data;

	return L_ICANON(tty) ? inq_canon(ld) : read_cnt(ld);
}

/* n_tty_ioctl - the line discipline's ioctls: FIONREAD (what a read
 * could take now) and TIOCOUTQ (output not yet sent); the rest go on
 * to n_tty_ioctl_helper(). */
static int n_tty_ioctl(struct tty_struct *tty, unsigned int cmd,
		       unsigned long arg)
{
	unsigned long flags;
	int n;

	switch (cmd) {
	case TIOCOUTQ:
		n = tty->ops->chars_in_buffer ? tty->ops->chars_in_buffer(tty) : 0;
		break;
	case FIONREAD:
		spin_lock_irqsave(&tty->termios_lock, flags);
		n = n_tty_chars_in_buffer(tty);
		spin_unlock_irqrestore(&tty->termios_lock, flags);
		break;
	default:
		return n_tty_ioctl_helper(tty, cmd, arg);
	}
	return put_user(n, (int __user *)arg) ? -EFAULT : 0;
}

/*
 * n_tty_set_termios - the termios changed (@old: what it was); with
 * termios_lock held. A change of ICANON rearranges the ring as Linux's
 * n_tty_set_termios: to raw, all waiting bytes are readable; to
 * canonical, they become one pushed line.
 */
static void n_tty_set_termios(struct tty_struct *tty, const struct ktermios *old)
{
	struct n_tty_data *ld = tty->disc_data;

	if (!old || ((old->c_lflag ^ tty->termios.c_lflag) & ICANON)) {
		memset(ld->read_flags, 0, sizeof(ld->read_flags));
		ld->line_start = ld->read_tail;
		if (!L_ICANON(tty) || !read_cnt(ld)) {
			ld->canon_head = ld->read_tail;
			ld->push = false;
		} else {
			mark_line_end(ld, ld->read_head - 1, true);
			ld->canon_head = ld->read_head;
			ld->push = true;
		}
		ld->erasing = ld->lnext = false;
	}
	ld->icanon = L_ICANON(tty);
	if (!ld->icanon)
		ld->canon_head = ld->read_head;
	if (!I_IXON(tty) && old && (old->c_iflag & IXON))
		start_tty(tty);
	wake_up(&tty->read_wait);
	wake_up(&tty->write_wait);
}

/* n_tty_open - the line discipline's state for @tty. -ENOMEM. */
static int n_tty_open(struct tty_struct *tty)
{
	struct n_tty_data *ld = kzalloc(sizeof(*ld), GFP_KERNEL);
	unsigned long flags;

	if (!ld)
		return -ENOMEM;
	spin_lock_irqsave(&tty->termios_lock, flags);
	tty->disc_data = ld;
	n_tty_set_termios(tty, NULL);
	spin_unlock_irqrestore(&tty->termios_lock, flags);
	return 0;
}

static void n_tty_close(struct tty_struct *tty)
{
	unsigned long flags;
	void *ld;

	spin_lock_irqsave(&tty->termios_lock, flags);
	ld = tty->disc_data;
	tty->disc_data = NULL;
	spin_unlock_irqrestore(&tty->termios_lock, flags);
	kfree(ld);
}

const struct tty_ldisc_ops n_tty_ops = {
	.name = "n_tty",
	.num = N_TTY,
	.open = n_tty_open,
	.close = n_tty_close,
	.read = n_tty_read,
	.write = n_tty_write,
	.poll = n_tty_poll,
	.ioctl = n_tty_ioctl,
	.receive_buf = n_tty_receive_buf,
	.flush_buffer = n_tty_flush_buffer,
	.set_termios = n_tty_set_termios,
};
