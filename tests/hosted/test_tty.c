// SPDX-License-Identifier: GPL-2.0
/*
 * N_TTY and poll on the hosted target, under AddressSanitizer: a fake
 * tty driver records what the line discipline writes (echoes and
 * output), tty_receive_buf() types at it as the serial interrupt would,
 * and a real process reads, writes, ioctls and polls through the
 * syscalls. The files are O_NONBLOCK: on one host thread nothing may
 * sleep.
 */
#include "harness.h"
#include "tasks.h"
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/mman.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/unistd.h>

static char out[16384];		/* what the driver was given */
static int out_len;

static int fake_write(struct tty_struct *tty, const u8 *buf, int n)
{
	if (n > (int)sizeof(out) - out_len)
		n = sizeof(out) - out_len;
	memcpy(out + out_len, buf, n);
	out_len += n;
	return n;
}

static unsigned int fake_write_room(struct tty_struct *tty)
{
	return sizeof(out) - out_len;
}

static const struct tty_operations fake_ops = {
	.write = fake_write,
	.write_room = fake_write_room,
};

static struct tty_driver fake_driver = {
	.name = "ttyF", .major = 4, .minor_start = 64, .ops = &fake_ops,
};

static struct tty_struct *tty;
static int fd;
static unsigned long ubuf;	/* a user page for the syscalls' buffers */

static void type(const char *s)
{
	tty_receive_buf(tty, (const u8 *)s, strlen(s));
}

/* echoed - whether the driver got exactly @want since the last call */
static bool echoed(const char *want)
{
	bool same = out_len == (int)strlen(want) && !memcmp(out, want, out_len);

	if (!same)
		fprintf(stderr, "  driver got %d bytes: \"%.*s\"\n", out_len, out_len, out);
	out_len = 0;
	return same;
}

/* rd - read(2) of up to @n bytes into @buf (NUL-terminated). */
static long rd(char *buf, long n)
{
	long r = sys(__NR_read, fd, ubuf, n, 0, 0, 0);

	if (r > 0)
		uread(ubuf, buf, r);
	buf[r > 0 ? r : 0] = 0;
	return r;
}

static long wr(const char *s)
{
	uwrite(ubuf, s, strlen(s));
	return sys(__NR_write, fd, ubuf, strlen(s), 0, 0, 0);
}

static int fionread(void)
{
	int n = -1;

	if (sys(__NR_ioctl, fd, FIONREAD, ubuf, 0, 0, 0))
		return -1;
	uread(ubuf, &n, sizeof(n));
	return n;
}

/* set_termios - change @t's flags and c_cc through TCGETS/TCSETS */
static void set_lflag(tcflag_t clear, tcflag_t set, int vmin, int vtime)
{
	struct termios t;

	sys(__NR_ioctl, fd, TCGETS, ubuf, 0, 0, 0);
	uread(ubuf, &t, sizeof(t));
	t.c_lflag = (t.c_lflag & ~clear) | set;
	t.c_cc[VMIN] = vmin;
	t.c_cc[VTIME] = vtime;
	uwrite(ubuf, &t, sizeof(t));
	sys(__NR_ioctl, fd, TCSETS, ubuf, 0, 0, 0);
}

static void cooked(void)
{
	set_lflag(0, ICANON | ECHO | ISIG | IEXTEN, 1, 0);
	sys(__NR_ioctl, fd, TCFLSH, TCIOFLUSH, 0, 0, 0);
	out_len = 0;
}

static int test_canonical_line_and_echo(void)
{
	char buf[64];

	cooked();
	type("hi");
	CHECK(echoed("hi"));
	CHECK(rd(buf, 64) == -EAGAIN, "no line yet");
	type("\r");
	CHECK(echoed("\r\n"), "Enter: ICRNL then ONLCR");
	CHECK(fionread() == 3);
	CHECK(rd(buf, 64) == 3 && !strcmp(buf, "hi\n"), "got \"%s\"", buf);
	type("one\ntwo\n");
	out_len = 0;
	CHECK(rd(buf, 64) == 4 && !strcmp(buf, "one\n"), "one line per read");
	CHECK(rd(buf, 2) == 2 && !strcmp(buf, "tw"), "part of a line");
	CHECK(rd(buf, 64) == 2 && !strcmp(buf, "o\n"), "its rest");
	type("ab\x04");
	CHECK(rd(buf, 64) == 2 && !strcmp(buf, "ab"), "^D ends a line unechoed");
	type("\x04");
	CHECK(rd(buf, 64) == 0, "^D at the start: EOF");
	CHECK(echoed("ab"));
	return check_result();
}

static int test_editing(void)
{
	char buf[64];

	cooked();
	type("abx\x7f" "c\r");
	CHECK(echoed("abx\b \bc\r\n"));
	CHECK(rd(buf, 64) == 4 && !strcmp(buf, "abc\n"));
	type("junk\x15ok\n");
	CHECK(echoed("junk\b \b\b \b\b \b\b \bok\r\n"), "kill under ECHOKE");
	CHECK(rd(buf, 64) == 3 && !strcmp(buf, "ok\n"));
	type("one two\x17three\n");
	CHECK(echoed("one two\b \b\b \b\b \bthree\r\n"), "werase");
	CHECK(rd(buf, 64) == 10 && !strcmp(buf, "one three\n"));
	type("a\x16\x03" "b\n");
	CHECK(echoed("a^\b^Cb\r\n"), "lnext");
	CHECK(rd(buf, 64) == 4 && !memcmp(buf, "a\x03" "b\n", 4));
	type("x\t\x7fy\n");
	CHECK(echoed("x\t\b\b\b\b\b\b\by\r\n"), "erase of a tab after x");
	CHECK(rd(buf, 64) == 3);
	type("\x7f\x15\x17q\n");
	CHECK(echoed("q\r\n"), "erasing nothing echoes nothing");
	CHECK(rd(buf, 64) == 2);
	set_lflag(ECHOKE, 0, 1, 0);
	type("zz\x15y\n");
	CHECK(echoed("zz^U\r\ny\r\n"), "kill without ECHOKE: ^U and a newline");
	CHECK(rd(buf, 64) == 2 && !strcmp(buf, "y\n"));
	set_lflag(0, ECHOKE, 1, 0);
	type("ab\x12");
	CHECK(echoed("ab^R\r\nab"), "reprint");
	type("\n");
	rd(buf, 64);
	return check_result();
}

/* tiocgpgrp - TIOCGPGRP's answer (the group, or -errno). */
static long tiocgpgrp(void)
{
	pid_t pgrp = -1;
	long r = sys(__NR_ioctl, fd, TIOCGPGRP, ubuf, 0, 0, 0);

	if (r)
		return r;
	uread(ubuf, &pgrp, sizeof(pgrp));
	return pgrp;
}

/*
 * test_isig - the signal characters go to the foreground group of the
 * tty's session: nobody's before the process takes it as its
 * controlling terminal (setsid, TIOCSCTTY), its own group then.
 */
static int test_isig(void)
{
	char buf[64];
	long sid;

	cooked();
	/* blocked, so that SIGINT stays pending to be looked at: its
	 * default would end the process at once (complete_signal()) */
	current->blocked |= sigmask(SIGINT);
	CHECK(tiocgpgrp() == -ENOTTY, "not the controlling terminal yet");
	type("\x03");
	CHECK(echoed("^C"));
	CHECK(!(current->signal->shared_pending.signal & sigmask(SIGINT)), "no session: no foreground group");
	sid = sys(__NR_setsid, 0, 0, 0, 0, 0, 0);
	CHECK(sid > 0 && sys(__NR_ioctl, fd, TIOCSCTTY, 0, 0, 0, 0) == 0, "TIOCSCTTY");
	CHECK(tiocgpgrp() == sid, "the leader's group is the foreground");
	CHECK(sys(__NR_ioctl, fd, TIOCSCTTY, 0, 0, 0, 0) == 0, "again: nothing to do");
	CHECK(tty->ctrl.session == task_session(current) && tty->ctrl.pgrp == task_pgrp(current));
	uwrite(ubuf, &(pid_t){ -1 }, sizeof(pid_t));
	CHECK(sys(__NR_ioctl, fd, TIOCSPGRP, ubuf, 0, 0, 0) == -EINVAL, "negative group");
	uwrite(ubuf, &(pid_t){ 0x7fff0000 }, sizeof(pid_t));
	CHECK(sys(__NR_ioctl, fd, TIOCSPGRP, ubuf, 0, 0, 0) == -ESRCH, "no such group");
	uwrite(ubuf, &(pid_t){ (pid_t)sid }, sizeof(pid_t));
	CHECK(sys(__NR_ioctl, fd, TIOCSPGRP, ubuf, 0, 0, 0) == 0, "its own group");
	CHECK(sys(__NR_ioctl, fd, TIOCSPGRP, 1, 0, 0, 0) == -EFAULT, "a bad pointer");
	type("abc\x03");
	CHECK(echoed("abc^C"), "^C echoed after the flush");
	CHECK(current->signal->shared_pending.signal & sigmask(SIGINT), "SIGINT for the foreground");
	CHECK(fionread() == 0 && rd(buf, 64) == -EAGAIN, "the input is flushed");
	current->signal->shared_pending.signal &= ~sigmask(SIGINT);
	set_lflag(ISIG, 0, 1, 0);
	type("\x03\n");
	CHECK(!(current->signal->shared_pending.signal & sigmask(SIGINT)), "no ISIG: no signal");
	CHECK(rd(buf, 64) == 2 && buf[0] == 3, "no ISIG: ^C is data");
	current->blocked &= ~sigmask(SIGINT);
	out_len = 0;
	return check_result();
}

static int test_noncanonical(void)
{
	char buf[64];
	static char big[5001];

	cooked();
	set_lflag(ICANON | ECHO, 0, 0, 0);
	CHECK(rd(buf, 64) == 0, "MIN 0 TIME 0, nothing: 0, not EAGAIN");
	type("xyz\r");
	CHECK(echoed(""), "no echo");
	CHECK(fionread() == 4);
	CHECK(rd(buf, 2) == 2 && !strcmp(buf, "xy"));
	CHECK(rd(buf, 64) == 2 && !strcmp(buf, "z\n"), "got \"%s\"", buf);
	set_lflag(0, 0, 1, 0);
	CHECK(rd(buf, 64) == -EAGAIN, "MIN 1, O_NONBLOCK: EAGAIN");
	memset(big, 'b', sizeof(big) - 1);
	type(big);
	CHECK(fionread() == 4096, "the ring holds 4096: %d", fionread());
	sys(__NR_ioctl, fd, TCFLSH, TCIFLUSH, 0, 0, 0);
	CHECK(fionread() == 0, "TCFLSH");
	type("pq");
	set_lflag(0, ICANON, 1, 0);
	CHECK(rd(buf, 64) == 2 && !strcmp(buf, "pq"), "raw bytes become a line");
	cooked();
	return check_result();
}

static int test_output(void)
{
	struct termios t;

	cooked();
	CHECK(wr("a\nb\tc") == 5);
	CHECK(echoed("a\r\nb\tc"), "ONLCR");
	sys(__NR_ioctl, fd, TCGETS, ubuf, 0, 0, 0);
	uread(ubuf, &t, sizeof(t));
	t.c_oflag &= ~OPOST;
	uwrite(ubuf, &t, sizeof(t));
	CHECK(sys(__NR_ioctl, fd, TCSETSW, ubuf, 0, 0, 0) == 0, "TCSETSW");
	CHECK(wr("a\nb") == 3 && echoed("a\nb"), "no OPOST: as it is");
	t.c_oflag |= OPOST | XTABS | OCRNL;
	uwrite(ubuf, &t, sizeof(t));
	sys(__NR_ioctl, fd, TCSETS, ubuf, 0, 0, 0);
	/* the column: raw output was not counted, a newline resets it */
	CHECK(wr("\nab\tc\r") == 6 && echoed("\r\nab      c\n"), "XTABS, OCRNL");
	t.c_oflag &= ~(XTABS | OCRNL);
	uwrite(ubuf, &t, sizeof(t));
	sys(__NR_ioctl, fd, TCSETS, ubuf, 0, 0, 0);
	CHECK(sys(__NR_ioctl, fd, TCSETS, 8, 0, 0, 0) == -EFAULT, "TCSETS(bad)");
	CHECK(sys(__NR_ioctl, fd, 0x54aa, 0, 0, 0, 0) == -ENOTTY, "unknown ioctl");
	CHECK(sys(__NR_ioctl, fd, TCFLSH, 3, 0, 0, 0) == -EINVAL, "TCFLSH(3)");
	return check_result();
}

struct k_pollfd {
	int fd;
	short events, revents;
};

static short poll1(int pfd, short events)
{
	struct k_pollfd p = { pfd, events, 0 };
	long r;

	uwrite(ubuf, &p, sizeof(p));
	r = sys(__NR_poll, ubuf, 1, 0, 0, 0, 0);
	uread(ubuf, &p, sizeof(p));
	return r < 0 ? r : p.revents;
}

static int test_poll(void)
{
	char buf[64];
	int p[2];

	cooked();
	CHECK(poll1(fd, POLLIN | POLLOUT) == POLLOUT, "no line: writable only");
	type("ab");
	CHECK(poll1(fd, POLLIN) == 0, "half a line is not readable");
	type("\n");
	CHECK(poll1(fd, POLLIN) == POLLIN, "a line");
	rd(buf, 64);
	set_lflag(ICANON, 0, 3, 0);
	type("xy");
	CHECK(poll1(fd, POLLIN) == 0, "MIN 3, TIME 0: 2 bytes are not enough for poll");
	type("z");
	CHECK(poll1(fd, POLLIN) == POLLIN, "3 bytes");
	rd(buf, 64);
	CHECK(sys(__NR_pipe2, ubuf, 0, 0, 0, 0, 0) == 0, "pipe2");
	uread(ubuf, p, sizeof(p));
	CHECK(poll1(p[0], POLLIN) == 0 && poll1(p[1], POLLOUT) == POLLOUT);
	uwrite(ubuf, "x", 1);
	sys(__NR_write, p[1], ubuf, 1, 0, 0, 0);
	CHECK(poll1(p[0], POLLIN) == POLLIN, "pipe data");
	sys(__NR_close, p[1], 0, 0, 0, 0, 0);
	CHECK(poll1(p[0], POLLIN) == (POLLIN | POLLHUP), "pipe: no writer");
	sys(__NR_close, p[0], 0, 0, 0, 0, 0);
	CHECK(poll1(p[0], POLLIN) == POLLNVAL, "closed");
	cooked();
	out_len = 0;
	return check_result();
}

/* open_ttyf - a second file on the tty, through its device number
 * (ttyF0, 4,64) as a device node would open it: not the console, so a
 * hangup kills it. Returns its fd, or -errno. */
static int open_ttyf(void)
{
	static struct inode node = {
		.i_mode = S_IFCHR | 0600, .i_nlink = 1, .i_rdev = MKDEV(4, 64),
	};
	struct file *f = alloc_file(&node, &def_chr_fops, O_RDWR | O_NONBLOCK | O_NOCTTY);
	int err;

	if (!f)
		return -ENOMEM;
	err = f->f_op->open(&node, f);
	if (err) {
		kfree(f);
		return err;
	}
	return fd_install_new(f, 0, 0);
}

/*
 * test_hangup - vhangup(2) of the controlling terminal (test_isig made
 * it the process's): the ttyF0 file turns into a hung-up one, the
 * console's file does not; the leader gets SIGHUP (and SIGCONT) and its
 * session loses the terminal; a second vhangup with no open since does
 * nothing; a new open is an ordinary file again.
 */
static int test_hangup(void)
{
	int f2 = open_ttyf(), f3;
	char buf[8];

	/* blocked, so that SIGHUP stays pending to be looked at: its default
	 * would end the process at once (complete_signal()) */
	current->blocked |= sigmask(SIGHUP);
	CHECK(f2 >= 0, "open ttyF0: %d", f2);
	CHECK(tiocgpgrp() == pid_nr(task_pgrp(current)), "the terminal is ours");
	current->signal->shared_pending.signal &= ~(sigmask(SIGHUP) | sigmask(SIGCONT));
	CHECK(sys(__NR_vhangup, 0, 0, 0, 0, 0, 0) == 0, "vhangup");
	/* SIGCONT too, but with no handler it is discarded when sent */
	CHECK(current->signal->shared_pending.signal & sigmask(SIGHUP), "the leader's SIGHUP");
	current->signal->shared_pending.signal &= ~(sigmask(SIGHUP) | sigmask(SIGCONT));
	CHECK(!current->signal->tty && !tty->ctrl.session && !tty->ctrl.pgrp,
	      "the session lost the terminal");
	CHECK(tiocgpgrp() == -ENOTTY, "the console's file: not the terminal now");
	CHECK(sys(__NR_read, f2, ubuf, 8, 0, 0, 0) == 0, "hung up: read 0");
	uwrite(ubuf, "x", 1);
	CHECK(sys(__NR_write, f2, ubuf, 1, 0, 0, 0) == -EIO, "hung up: write EIO");
	CHECK(sys(__NR_ioctl, f2, TCGETS, ubuf, 0, 0, 0) == -EIO, "hung up: ioctl EIO");
	CHECK(sys(__NR_ioctl, f2, TIOCSPGRP, ubuf, 0, 0, 0) == -ENOTTY, "TIOCSPGRP: ENOTTY");
	CHECK(poll1(f2, POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM) ==
	      (POLLIN | POLLOUT | POLLERR | POLLHUP | POLLRDNORM | POLLWRNORM), "poll");
	CHECK(wr("ok") == 2 && echoed("ok"), "the console's file still writes");
	type("a\n");
	CHECK(rd(buf, 8) == 2, "and reads: %s", buf);

	/* TIOCSCTTY through the console makes it ours again, with no open:
	 * a second hangup does nothing (Linux's TTY_HUPPED) */
	CHECK(sys(__NR_ioctl, fd, TIOCSCTTY, 0, 0, 0, 0) == 0, "TIOCSCTTY");
	CHECK(sys(__NR_vhangup, 0, 0, 0, 0, 0, 0) == 0 && !(current->signal->shared_pending.signal & sigmask(SIGHUP)) &&
	      tiocgpgrp() == pid_nr(task_pgrp(current)), "hung up, not opened since: nothing");
	f3 = open_ttyf();
	CHECK(f3 >= 0 && sys(__NR_ioctl, f3, TCGETS, ubuf, 0, 0, 0) == 0, "a new open works");
	CHECK(sys(__NR_vhangup, 0, 0, 0, 0, 0, 0) == 0 && (current->signal->shared_pending.signal & sigmask(SIGHUP)),
	      "after an open, a hangup again");
	current->signal->shared_pending.signal &= ~(sigmask(SIGHUP) | sigmask(SIGCONT));
	CHECK(sys(__NR_read, f3, ubuf, 8, 0, 0, 0) == 0, "the new file hung up too");
	sys(__NR_close, f2, 0, 0, 0, 0, 0);
	sys(__NR_close, f3, 0, 0, 0, 0, 0);
	CHECK(list_empty(&tty->tty_files) == false, "the console's file is still on the list");
	out_len = 0;
	current->blocked &= ~sigmask(SIGHUP);
	return check_result();
}

static void setup(void)
{
	struct task_struct *proc = spawn(false);
	struct file *f;

	run(proc);
	if (become_process())
		panic("cannot make the test process");
	current->files = files_alloc();
	fake_driver.init_termios = tty_std_termios;
	if (!current->files || tty_init() || tty_register_driver(&fake_driver))
		panic("cannot make the tty");
	tty = fake_driver.tty;
	f = tty_open_console(O_RDWR | O_NONBLOCK);
	if (IS_ERR(f))
		panic("cannot open the tty");
	fd = fd_install_new(f, 0, 0);
	ubuf = sys(__NR_mmap, 0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		   -1, 0);
	uwrite(ubuf, "", 1);	/* fault it in before the tests count pages */
}

static const struct htest tests[] = {
	HTEST(test_canonical_line_and_echo), HTEST(test_editing), HTEST(test_isig),
	HTEST(test_noncanonical), HTEST(test_output), HTEST(test_poll), HTEST(test_hangup),
};

int main(void)
{
	return hosted_main_setup(tests, sizeof(tests) / sizeof(tests[0]), 32UL << 20, setup);
}
