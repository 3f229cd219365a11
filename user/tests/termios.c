/* SPDX-License-Identifier: GPL-2.0 */
/*
 * termios on a terminal: Linux's defaults, TCGETS, TCSETS* and TCGETS2 round
 * trips and their errors, the window size, FIONREAD, TCFLSH, TCXONC,
 * tcdrain, VMIN/VTIME reads with nothing typed, O_NONBLOCK, poll.
 * Natively the terminal is a new pty (posix_openpt), whose master also
 * types at it to check canonical editing as the serial harness does in
 * mmos; in mmos, which has no ptys, it is the console on fd 0.
 */
#include "t.h"
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <termios.h>
#include <time.h>
#include <sys/ioctl.h>

#define BAD ((void *)8)

/* Linux's struct termios2 and its ioctls (asm/termbits.h, which clashes
 * with <termios.h>) */
struct k_termios2 {
	tcflag_t c_iflag, c_oflag, c_cflag, c_lflag;
	cc_t c_line;
	cc_t c_cc[19];
	speed_t c_ispeed, c_ospeed;
};
#define K_TCGETS2	0x802c542a
#define K_TCSETS2	0x402c542b

/* The kernel's struct termios: glibc's has room for more c_cc and the
 * speeds, so the raw ioctls take this one. */
struct k_termios {
	tcflag_t c_iflag, c_oflag, c_cflag, c_lflag;
	cc_t c_line;
	cc_t c_cc[19];
};

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int master = -1;

/* open_tty - a new pty's slave natively, else the console on fd 0. */
static int open_tty(void)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY), s;

	if (m >= 0 && grantpt(m) == 0 && unlockpt(m) == 0) {
		s = open(ptsname(m), O_RDWR | O_NOCTTY);
		if (s >= 0) {
			master = m;
			return s;
		}
	}
	if (m >= 0)
		close(m);
	return isatty(0) ? 0 : -1;
}

static void check_defaults(int fd)
{
	struct k_termios t;
	static const cc_t cc[17] = { 003, 034, 0177, 025, 004, 0, 1, 0, 021, 023,
				     032, 0, 022, 017, 027, 026, 0 };

	CHECK(RAW(SYS_ioctl, fd, TCGETS, &t) == 0, "TCGETS");
	CHECK(t.c_iflag == (ICRNL | IXON), "c_iflag %#x", t.c_iflag);
	CHECK(t.c_oflag == (OPOST | ONLCR), "c_oflag %#x", t.c_oflag);
	CHECK(t.c_lflag == (ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN),
	      "c_lflag %#x", t.c_lflag);
	CHECK((t.c_cflag & (CSIZE | CREAD)) == (CS8 | CREAD), "c_cflag %#x", t.c_cflag);
	CHECK(t.c_line == 0, "c_line %d", t.c_line);
	CHECK(!memcmp(t.c_cc, cc, sizeof(cc)), "c_cc differ from Linux's defaults");
}

static void check_round_trips(int fd)
{
	struct k_termios t, u;
	struct k_termios2 t2;

	RAW(SYS_ioctl, fd, TCGETS, &t);
	u = t;
	u.c_lflag &= ~(ECHO | ICANON);
	u.c_iflag &= ~ICRNL;
	u.c_cc[VMIN] = 5;
	u.c_cc[VTIME] = 7;
	u.c_cc[VINTR] = 'x';
	CHECK(RAW(SYS_ioctl, fd, TCSETS, &u) == 0, "TCSETS");
	memset(&t2, 0, sizeof(t2));
	CHECK(RAW(SYS_ioctl, fd, K_TCGETS2, &t2) == 0, "TCGETS2");
	CHECK(t2.c_lflag == u.c_lflag && t2.c_iflag == u.c_iflag &&
	      t2.c_cc[VMIN] == 5 && t2.c_cc[VTIME] == 7 && t2.c_cc[VINTR] == 'x',
	      "TCGETS2 after TCSETS: lflag %#x", t2.c_lflag);
	/* a pty's 38400, or mmos's console's 115200 */
	CHECK(t2.c_ospeed == 38400 || t2.c_ospeed == 115200, "c_ospeed %u", t2.c_ospeed);
	CHECK(t2.c_ispeed == t2.c_ospeed, "c_ispeed %u", t2.c_ispeed);
	t2.c_cc[VMIN] = 2;
	CHECK(RAW(SYS_ioctl, fd, K_TCSETS2, &t2) == 0, "TCSETS2");
	CHECK(RAW(SYS_ioctl, fd, TCGETS, &u) == 0 && u.c_cc[VMIN] == 2, "TCSETS2 kept");
	CHECK(RAW(SYS_ioctl, fd, TCSETSW, &t) == 0, "TCSETSW");
	CHECK(RAW(SYS_ioctl, fd, TCSETSF, &t) == 0, "TCSETSF");
	CHECK(RAW(SYS_ioctl, fd, TCGETS, &u) == 0 && u.c_lflag == t.c_lflag &&
	      u.c_cc[VINTR] == 003, "TCSETSF restored");
	CHECK(RAW(SYS_ioctl, fd, TCGETS, BAD) == -EFAULT, "TCGETS(bad)");
	CHECK(RAW(SYS_ioctl, fd, TCSETS, BAD) == -EFAULT, "TCSETS(bad)");
	CHECK(RAW(SYS_ioctl, fd, TCSETSW, BAD) == -EFAULT, "TCSETSW(bad)");
	CHECK(RAW(SYS_ioctl, fd, TCGETS, &u) == 0 && u.c_lflag == t.c_lflag,
	      "a failed TCSETS changed nothing");
}

static void check_other_ioctls(int fd)
{
	struct winsize ws = { 0 }, w2;
	int n = -1;

	CHECK(RAW(SYS_ioctl, fd, TIOCGWINSZ, &ws) == 0, "TIOCGWINSZ");
	w2 = ws;
	w2.ws_row = 33;
	w2.ws_col = 101;
	CHECK(RAW(SYS_ioctl, fd, TIOCSWINSZ, &w2) == 0, "TIOCSWINSZ");
	memset(&w2, 0, sizeof(w2));
	CHECK(RAW(SYS_ioctl, fd, TIOCGWINSZ, &w2) == 0 && w2.ws_row == 33 &&
	      w2.ws_col == 101, "winsize %dx%d", w2.ws_row, w2.ws_col);
	CHECK(RAW(SYS_ioctl, fd, TIOCSWINSZ, &ws) == 0, "TIOCSWINSZ back");
	CHECK(RAW(SYS_ioctl, fd, TIOCSWINSZ, BAD) == -EFAULT, "TIOCSWINSZ(bad)");
	CHECK(RAW(SYS_ioctl, fd, FIONREAD, &n) == 0 && n == 0, "FIONREAD %d", n);
	CHECK(RAW(SYS_ioctl, fd, FIONREAD, BAD) == -EFAULT, "FIONREAD(bad)");
	CHECK(RAW(SYS_ioctl, fd, TCFLSH, TCIFLUSH) == 0, "TCFLSH");
	CHECK(RAW(SYS_ioctl, fd, TCFLSH, 3) == -EINVAL, "TCFLSH(3)");
	CHECK(RAW(SYS_ioctl, fd, TCXONC, 9) == -EINVAL, "TCXONC(9)");
	CHECK(RAW(SYS_ioctl, fd, TCXONC, TCOON) == 0, "TCXONC(TCOON)");
	CHECK(tcdrain(fd) == 0, "tcdrain");
	CHECK(RAW(SYS_ioctl, fd, TIOCGPGRP, &n) == -ENOTTY, "TIOCGPGRP: not our ctty");
	n = 1;
	CHECK(RAW(SYS_ioctl, fd, FIONBIO, &n) == 0 && (fcntl(fd, F_GETFL) & O_NONBLOCK),
	      "FIONBIO on");
	CHECK(RAW(SYS_read, fd, &n, 1) == -EAGAIN, "FIONBIO: a read does not wait");
	n = 0;
	CHECK(RAW(SYS_ioctl, fd, FIONBIO, &n) == 0 && !(fcntl(fd, F_GETFL) & O_NONBLOCK),
	      "FIONBIO off");
	CHECK(RAW(SYS_ioctl, fd, FIONBIO, BAD) == -EFAULT, "FIONBIO(bad)");
	CHECK(RAW(SYS_ioctl, fd, FIOCLEX) == 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC, "FIOCLEX");
	CHECK(RAW(SYS_ioctl, fd, FIONCLEX) == 0 && fcntl(fd, F_GETFD) == 0, "FIONCLEX");
	CHECK(RAW(SYS_ioctl, fd, 0x54aa, 0) == -ENOTTY, "unknown ioctl");
	CHECK(isatty(fd), "isatty");
}

/* set_raw - cfmakeraw with VMIN/VTIME; returns the settings before. */
static struct termios set_raw(int fd, int vmin, int vtime)
{
	struct termios old, t;

	tcgetattr(fd, &old);
	t = old;
	cfmakeraw(&t);
	t.c_cc[VMIN] = vmin;
	t.c_cc[VTIME] = vtime;
	tcsetattr(fd, TCSANOW, &t);
	return old;
}

static void check_reads_without_input(int fd)
{
	struct termios old = set_raw(fd, 0, 0);
	struct pollfd p = { .fd = fd, .events = POLLIN | POLLOUT };
	char c;
	long t0, dt;
	int fl;

	CHECK(RAW(SYS_read, fd, &c, 1) == 0, "VMIN 0 VTIME 0: 0 at once");
	set_raw(fd, 0, 2);
	t0 = now_ms();
	CHECK(RAW(SYS_read, fd, &c, 1) == 0, "VMIN 0 VTIME 2: 0");
	dt = now_ms() - t0;
	CHECK(dt >= 180 && dt < 2000, "VMIN 0 VTIME 2 took %ld ms", dt);
	fl = fcntl(fd, F_GETFL);
	fcntl(fd, F_SETFL, fl | O_NONBLOCK);
	set_raw(fd, 1, 0);
	CHECK(RAW(SYS_read, fd, &c, 1) == -EAGAIN, "VMIN 1 O_NONBLOCK: EAGAIN");
	set_raw(fd, 0, 0);
	CHECK(RAW(SYS_read, fd, &c, 1) == 0, "VMIN 0 VTIME 0 O_NONBLOCK: 0, not EAGAIN");
	tcsetattr(fd, TCSANOW, &old);
	CHECK(RAW(SYS_read, fd, &c, 1) == -EAGAIN, "canonical O_NONBLOCK: EAGAIN");
	fcntl(fd, F_SETFL, fl);
	CHECK(poll(&p, 1, 0) == 1 && p.revents == POLLOUT, "poll: revents %#x", p.revents);
	t0 = now_ms();
	p.events = POLLIN;
	CHECK(poll(&p, 1, 100) == 0, "poll 100 ms: nothing typed");
	dt = now_ms() - t0;
	CHECK(dt >= 100 && dt < 2000, "poll 100 ms took %ld ms", dt);
	CHECK(RAW(SYS_read, fd, &c, 0) == 0, "read of 0 bytes");
}

/* feed - natively: type @s at the pty, give it time to arrive. */
static void feed(const char *s)
{
	write(master, s, strlen(s));
	usleep(20000);
}

/* slurp - what the pty's master has received (the echo), as a string */
static const char *slurp(void)
{
	static char buf[512];
	struct pollfd p = { .fd = master, .events = POLLIN };
	long n = 0, r;

	while (poll(&p, 1, 50) == 1 && (r = read(master, buf + n, sizeof(buf) - 1 - n)) > 0)
		n += r;
	buf[n] = 0;
	return buf;
}

/* Natively only: the line discipline's editing, as tests/tty-harness.py
 * checks it on mmos's console (the same keys, the same echo). */
static void check_editing(int fd)
{
	char buf[64];
	int n = -1;

	feed("abx\x7f" "c\r");
	CHECK(!strcmp(slurp(), "abx\b \bc\r\n"), "erase echo");
	CHECK(RAW(SYS_ioctl, fd, FIONREAD, &n) == 0 && n == 4, "FIONREAD %d", n);
	CHECK(read(fd, buf, sizeof(buf)) == 4 && !memcmp(buf, "abc\n", 4), "erase line");
	feed("junk\x15ok\r");
	CHECK(!strcmp(slurp(), "junk\b \b\b \b\b \b\b \bok\r\n"), "kill echo");
	CHECK(read(fd, buf, sizeof(buf)) == 3 && !memcmp(buf, "ok\n", 3), "kill line");
	feed("one two\x17three\r");
	CHECK(!strcmp(slurp(), "one two\b \b\b \b\b \bthree\r\n"), "werase echo");
	CHECK(read(fd, buf, sizeof(buf)) == 10 && !memcmp(buf, "one three\n", 10), "werase");
	feed("a\x16\x03" "b\r");
	CHECK(!strcmp(slurp(), "a^\b^Cb\r\n"), "lnext echo");
	CHECK(read(fd, buf, sizeof(buf)) == 4 && !memcmp(buf, "a\x03" "b\n", 4), "lnext");
	feed("a\x01\x7f" "b\r");
	CHECK(!strcmp(slurp(), "a^A\b \b\b \bb\r\n"), "erase of ^A");
	CHECK(read(fd, buf, sizeof(buf)) == 3, "erase of ^A line");
	feed("ab\x04");
	CHECK(read(fd, buf, sizeof(buf)) == 2 && !memcmp(buf, "ab", 2), "^D mid-line");
	feed("\x04");
	CHECK(read(fd, buf, sizeof(buf)) == 0, "^D at line start: EOF");
	feed("long line\n");
	CHECK(read(fd, buf, 4) == 4 && !memcmp(buf, "long", 4), "a line in parts");
	CHECK(read(fd, buf, sizeof(buf)) == 6 && !memcmp(buf, " line\n", 6), "the rest");
	slurp();
	feed("\t\x7fq\r");
	CHECK(!strcmp(slurp(), "\t\b\b\b\b\b\b\b\bq\r\n"), "erase of a tab");
	read(fd, buf, sizeof(buf));
}

/* Natively only: VMIN/VTIME with bytes arriving. */
static void check_vmin_vtime(int fd)
{
	struct termios old = set_raw(fd, 3, 0);
	char buf[16];
	long t0, dt;

	feed("xy");
	feed("z12");
	CHECK(read(fd, buf, sizeof(buf)) == 5, "VMIN 3: all 5 waiting");
	set_raw(fd, 4, 2);
	feed("ab");
	t0 = now_ms();
	CHECK(read(fd, buf, sizeof(buf)) == 2, "VMIN 4 VTIME 2: 2 after the gap");
	dt = now_ms() - t0;
	CHECK(dt >= 150 && dt < 2000, "the inter-byte timer took %ld ms", dt);
	tcsetattr(fd, TCSAFLUSH, &old);
}

int main(void)
{
	int fd = open_tty();
	struct termios saved;

	if (fd < 0) {
		printf("termios: no terminal (no pty, fd 0 not a tty)\n");
		return 1;
	}
	tcgetattr(fd, &saved);
	check_defaults(fd);
	check_round_trips(fd);
	check_other_ioctls(fd);
	check_reads_without_input(fd);
	if (master >= 0) {
		check_editing(fd);
		check_vmin_vtime(fd);
	}
	tcsetattr(fd, TCSANOW, &saved);
	CHECK(RAW(SYS_ioctl, 99, TCGETS, BAD) == -EBADF, "TCGETS(bad fd)");
	return t_done("termios");
}
