/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vhangup(2) and Linux's tty hangup: EPERM without CAP_SYS_TTY_CONFIG,
 * 0 and nothing done without a controlling terminal; and a real hangup
 * of a terminal that a child leads a session on: the session leader
 * gets SIGHUP and SIGCONT, the session loses the terminal (/dev/tty is
 * ENXIO), every file open on it turns into a hung-up one (read 0, write
 * and ioctl EIO, TIOCSPGRP ENOTTY, poll all six events), a reader, a
 * poller and a writer sleeping on it are woken to see that, and a new
 * open works normally (and makes it the leader's terminal again, which
 * a second vhangup then hangs up again). A second vhangup with no open
 * in between does nothing. When the leader exits afterwards, the group
 * that was in front at the hangup gets SIGHUP and SIGCONT
 * (tty_old_pgrp); a leader's exit with its terminal hangs it up (but a
 * pty: natively the member's file works on, in mmos it is hung up).
 *
 * The terminal is a new pty's slave natively; in mmos, which has no
 * ptys, /dev/ttyS0: the console's tty, whose files opened as
 * /dev/console (this test's stdout) are never hung up, as in Linux.
 * A hangup drops the output still queued, so the child waits for its
 * own output to drain (tcdrain) before each vhangup.
 *
 * `vhangup ctty` is the hangup of the caller's own terminal from a
 * shell (hangup_own_ctty()), for tests/tty-harness.py; its checks are
 * those the pty case makes natively.
 */
#include "t.h"
#include <poll.h>
#include <stdbool.h>
#include <signal.h>
#include <termios.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/wait.h>

static char tty_path[64] = "/dev/ttyS0";
static int master = -1;		/* natively: the pty's master, kept open */

/* find_tty - a new pty's slave natively (the master stays open), else
 * /dev/ttyS0 when there are no ptys. */
static void find_tty(void)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY);

	if (m >= 0 && grantpt(m) == 0 && unlockpt(m) == 0) {
		snprintf(tty_path, sizeof(tty_path), "%s", ptsname(m));
		master = m;
		return;
	}
	CHECK(m >= 0 || errno == ENOENT || errno == ENODEV || errno == ENOSYS,
	      "posix_openpt: %s", strerror(errno));
}

/* in_child - run @fn in a child; CHECK that it exited 0. */
static void in_child(const char *what, void (*fn)(void))
{
	int status = -1;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		fn();
		fflush(stdout);
		_exit(t_failed ? 1 : 0);
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0, "%s: status %#x", what, status);
}

static void unprivileged(void)
{
	if (geteuid() == 0)
		CHECK(setuid(65534) == 0, "setuid: %s", strerror(errno));
	CHECK(RAW(SYS_vhangup) == -EPERM, "vhangup without CAP_SYS_TTY_CONFIG");
}

static void no_ctty(void)
{
	CHECK(setsid() == getpid(), "setsid: %s", strerror(errno));
	CHECK(open("/dev/tty", O_RDWR) < 0 && errno == ENXIO, "no controlling tty");
	CHECK(RAW(SYS_vhangup) == 0, "vhangup with no controlling tty: 0");
}

static volatile sig_atomic_t nr_hup, nr_cont;

static void on_hup(int sig) { nr_hup++; }
static void on_cont(int sig) { nr_cont++; }

/* wait_asleep - wait until process @pid sleeps (S in /proc/PID/stat),
 * so that it is inside its read, poll or write when the hangup comes. */
static void wait_asleep(pid_t pid)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	for (int i = 0; i < 2000; i++) {
		const char *s = t_read_file(path);
		const char *p = s ? strrchr(s, ')') : NULL;

		if (p && p[1] == ' ' && p[2] == 'S')
			return;
		usleep(5000);
	}
	CHECK(0, "process %d never slept", pid);
}

/* sleeper - fork a child that sleeps on @fd in @what ("read", "poll",
 * "write") and exits 0 iff the hangup ended it as Linux does. */
static pid_t sleeper(int fd, const char *what)
{
	pid_t pid = fork();

	if (pid == 0) {
		char c;
		int ok;

		if (what[0] == 'r') {
			ok = read(fd, &c, 1) == 0;
		} else if (what[0] == 'p') {
			struct pollfd p = { .fd = fd, .events = POLLIN };

			ok = poll(&p, 1, -1) == 1 &&
			     p.revents == (POLLIN | POLLERR | POLLHUP);
		} else {
			ok = write(fd, "w", 1) < 0 && errno == EIO;
		}
		_exit(ok ? 0 : 1);
	}
	wait_asleep(pid);
	return pid;
}

/* reaped_ok - sleeper @pid woke and saw what it should. */
static bool reaped_ok(pid_t pid)
{
	int status = -1;

	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0;
}

/* drained_vhangup - vhangup(), once this process's output is out (a
 * hangup flushes what is queued on the terminal). */
static long drained_vhangup(void)
{
	fflush(stdout);
	tcdrain(1);
	return RAW(SYS_vhangup);
}

/* check_hung_up - @fd, opened on the terminal before the hangup, is a
 * hung-up file now. */
static void check_hung_up(int fd)
{
	struct pollfd p = { .fd = fd,
		.events = POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM };
	struct termios t;
	pid_t pgrp = getpgrp();
	char c;

	CHECK(read(fd, &c, 1) == 0, "read after hangup: 0");
	CHECK(write(fd, "x", 1) < 0 && errno == EIO, "write after hangup: EIO");
	CHECK(ioctl(fd, TCGETS, &t) < 0 && errno == EIO, "TCGETS: EIO");
	CHECK(ioctl(fd, TIOCGPGRP, &pgrp) < 0 && errno == EIO, "TIOCGPGRP: EIO");
	CHECK(ioctl(fd, TIOCSPGRP, &pgrp) < 0 && errno == ENOTTY, "TIOCSPGRP: ENOTTY");
	CHECK(poll(&p, 1, 0) == 1 && p.revents == (POLLIN | POLLOUT | POLLERR |
	      POLLHUP | POLLRDNORM | POLLWRNORM), "poll: %#x", p.revents);
}

/*
 * hangup_writer - a writer sleeping on @fd (output held by TCOOFF) gets
 * EIO from a hangup. Nothing is printed while the output is held (in
 * mmos it is the console's too): the results are checked once a new
 * file has let it go again. Returns that new file.
 */
static int hangup_writer(int fd)
{
	long hung;
	bool woke;
	pid_t writer;
	int fd3;

	fflush(stdout);
	tcdrain(1);
	CHECK(tcflow(fd, TCOOFF) == 0, "TCOOFF: %s", strerror(errno));
	writer = sleeper(fd, "write");
	hung = RAW(SYS_vhangup);
	woke = reaped_ok(writer);
	fd3 = open(tty_path, O_RDWR | O_NONBLOCK | O_NOCTTY);
	if (fd3 >= 0)
		tcflow(fd3, TCOON);
	CHECK(fd3 >= 0, "reopen %s: %s", tty_path, strerror(errno));
	CHECK(hung == 0 && nr_hup == 2 && nr_cont == 2,
	      "vhangup after the reopen: %ld, SIGHUP %d", hung, (int)nr_hup);
	CHECK(woke, "a sleeping writer gets EIO");
	return fd3;
}

static void hangup(void)
{
	pid_t reader, poller;
	int fd, fd2, fd3, old;

	signal(SIGHUP, on_hup);
	signal(SIGCONT, on_cont);
	CHECK(setsid() == getpid(), "setsid: %s", strerror(errno));
	fd = open(tty_path, O_RDWR);	/* a session leader's first: its ctty */
	CHECK(fd >= 0, "open %s: %s", tty_path, strerror(errno));
	if (fd < 0)
		return;
	CHECK(tcgetsid(fd) == getpid(), "the terminal is the session's");
	reader = sleeper(fd, "read");
	poller = sleeper(fd, "poll");

	CHECK(drained_vhangup() == 0, "vhangup");
	CHECK(nr_hup == 1 && nr_cont == 1, "the leader's SIGHUP %d, SIGCONT %d",
	      (int)nr_hup, (int)nr_cont);
	check_hung_up(fd);
	CHECK(reaped_ok(reader), "a sleeping reader reads 0");
	CHECK(reaped_ok(poller), "a sleeping poller sees POLLIN|POLLERR|POLLHUP");
	old = open("/dev/tty", O_RDWR);
	CHECK(old < 0 && errno == ENXIO, "the session lost its terminal: %d %s",
	      old, strerror(errno));

	/* nothing was opened since: a second hangup does nothing */
	CHECK(drained_vhangup() == 0 && nr_hup == 1, "second vhangup: SIGHUP %d",
	      (int)nr_hup);

	/* a new open is an ordinary file, and the leader's terminal again */
	fd2 = open(tty_path, O_RDWR);
	CHECK(fd2 >= 0, "reopen %s: %s", tty_path, strerror(errno));
	if (fd2 < 0)
		return;
	CHECK(tcgetsid(fd2) == getpid(), "reacquired: sid %d", tcgetsid(fd2));
	fcntl(fd2, F_SETFL, O_NONBLOCK);
	CHECK(read(fd2, &(char){0}, 1) < 0 && errno == EAGAIN, "new file reads: EAGAIN");
	CHECK(write(fd2, "\n", 1) == 1, "new file writes: %s", strerror(errno));
	fcntl(fd2, F_SETFL, 0);
	check_hung_up(fd);		/* the old file stays hung up */

	/* hung up again, with a writer asleep on it */
	fd3 = hangup_writer(fd2);
	check_hung_up(fd2);
	if (fd3 >= 0) {
		CHECK(write(fd3, "\n", 1) == 1, "a file opened after: %s", strerror(errno));
		close(fd3);
	}
	close(fd2);
	close(fd);
}

static int result_pipe[2];	/* a member's verdict, to main: 'k' or 'f' */
static int gone_pipe[2];	/* its EOF: the session leader has exited */

/* wait_signals - wait (up to 10 s) until SIGHUP and, if @cont, SIGCONT
 * came: the leader's exit sends them after its files are closed, so
 * after gone_pipe's EOF. */
static void wait_signals(bool cont)
{
	char c;

	while (read(gone_pipe[0], &c, 1) > 0)
		;
	for (int i = 0; i < 1000 && !(nr_hup && (nr_cont || !cont)); i++)
		usleep(10000);
	usleep(50000);		/* and nothing more comes */
}

/* report - a member of the leader's session tells main how it went. */
static void report(void)
{
	write(result_pipe[1], t_failed ? "f" : "k", 1);
	_exit(0);
}

/* member - fork a process of current's session that runs @fn, in a
 * process group of its own if @own_group; it is made the foreground
 * group of @fd. Returns its pid. */
static pid_t member(int fd, bool own_group, void (*fn)(int))
{
	pid_t pid;

	signal(SIGHUP, on_hup);		/* before the fork: the leader may */
	signal(SIGCONT, on_cont);	/* exit before the child runs */
	pid = fork();
	if (pid == 0) {
		close(gone_pipe[1]);
		if (own_group)
			setpgid(0, 0);
		fn(fd);
		report();
	}
	if (own_group) {
		setpgid(pid, pid);
		CHECK(tcsetpgrp(fd, pid) == 0, "tcsetpgrp: %s", strerror(errno));
	}
	return pid;
}

/* old_pgrp_member - the group in front when vhangup took the terminal
 * gets SIGHUP and SIGCONT when the session leader exits (tty_old_pgrp). */
static void old_pgrp_member(int fd)
{
	wait_signals(true);
	CHECK(nr_hup == 1 && nr_cont == 1, "at the leader's exit: SIGHUP %d, SIGCONT %d",
	      (int)nr_hup, (int)nr_cont);
}

static void old_pgrp_leader(void)
{
	int fd;

	signal(SIGHUP, on_hup);
	signal(SIGCONT, on_cont);
	CHECK(setsid() == getpid(), "setsid: %s", strerror(errno));
	fd = open(tty_path, O_RDWR);
	CHECK(fd >= 0, "open %s: %s", tty_path, strerror(errno));
	if (fd < 0)
		return;
	member(fd, true, old_pgrp_member);
	CHECK(drained_vhangup() == 0 && nr_hup == 1, "vhangup: SIGHUP %d", (int)nr_hup);
}

/*
 * exit_member - the leader of the session, the foreground group's own,
 * exited: the group got SIGHUP (no SIGCONT) and the session lost the
 * terminal. Linux hangs the terminal up then, unless it is a pty
 * (disassociate_ctty()): natively the file works on, on mmos's ttyS0
 * it is hung up.
 */
static void exit_member(int fd)
{
	int old;

	wait_signals(false);
	CHECK(nr_hup == 1 && nr_cont == 0, "at the leader's exit: SIGHUP %d, SIGCONT %d",
	      (int)nr_hup, (int)nr_cont);
	old = open("/dev/tty", O_RDWR);
	CHECK(old < 0 && errno == ENXIO, "the session lost its terminal: %d %s",
	      old, strerror(errno));
	if (master >= 0)
		CHECK(write(fd, "\n", 1) == 1, "a pty is not hung up: %s", strerror(errno));
	else
		check_hung_up(fd);
}

static void exit_leader(void)
{
	int fd;

	CHECK(setsid() == getpid(), "setsid: %s", strerror(errno));
	fd = open(tty_path, O_RDWR);
	CHECK(fd >= 0, "open %s: %s", tty_path, strerror(errno));
	if (fd < 0)
		return;
	member(fd, false, exit_member);
	fflush(stdout);
	tcdrain(1);		/* the hangup at the exit flushes the output */
}

/* at_leader_exit - run @leader in a child that leads a new session and
 * exits; its member's verdict comes through result_pipe. */
static void at_leader_exit(const char *what, void (*leader)(void))
{
	char verdict = 0;

	CHECK(pipe(result_pipe) == 0 && pipe(gone_pipe) == 0, "pipe");
	in_child(what, leader);
	close(gone_pipe[1]);
	close(result_pipe[1]);
	CHECK(read(result_pipe[0], &verdict, 1) == 1 && verdict == 'k',
	      "%s: the member says %c", what, verdict ? verdict : '-');
	close(result_pipe[0]);
	close(gone_pipe[0]);
	while (waitpid(-1, NULL, 0) > 0)	/* the member, ours now */
		;
}

/*
 * hangup_own_ctty - `vhangup ctty`, from a shell on the terminal
 * (tests/tty-harness.py runs it from make run's busybox shell): hang up
 * the terminal of the caller's session, which the caller does not lead.
 * Its file on /dev/tty (and a reader asleep on it) are hung up; its
 * stdout, /dev/console, is not; the session loses the terminal (and the
 * shell, its leader, dies of the SIGHUP); a new open works. SIGHUP is
 * ignored here: in Linux the shell's exit sends it to this group too
 * (tty_old_pgrp).
 */
static void hangup_own_ctty(void)
{
	int fd, fd2, old;
	pid_t reader;

	signal(SIGHUP, SIG_IGN);
	fd = open("/dev/tty", O_RDWR);
	CHECK(fd >= 0, "open /dev/tty: %s", strerror(errno));
	if (fd < 0)
		return;
	reader = sleeper(fd, "read");
	CHECK(drained_vhangup() == 0, "vhangup");
	check_hung_up(fd);
	CHECK(reaped_ok(reader), "a sleeping reader reads 0");
	old = open("/dev/tty", O_RDWR);
	CHECK(old < 0 && errno == ENXIO, "the session lost its terminal: %d %s",
	      old, strerror(errno));
	fd2 = open(tty_path, O_RDWR | O_NOCTTY | O_NONBLOCK);
	CHECK(fd2 >= 0, "reopen %s: %s", tty_path, strerror(errno));
	if (fd2 >= 0) {
		CHECK(read(fd2, &(char){0}, 1) < 0 && errno == EAGAIN,
		      "new file reads: EAGAIN");
		CHECK(write(fd2, "\n", 1) == 1, "new file writes: %s", strerror(errno));
		close(fd2);
	}
	close(fd);
	printf("vhangup: the console still writes\n");
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "ctty")) {
		hangup_own_ctty();
		return t_done("vhangup ctty");
	}
	find_tty();
	in_child("unprivileged", unprivileged);
	if (geteuid() == 0) {
		in_child("no_ctty", no_ctty);
		in_child("hangup", hangup);
		prctl(PR_SET_CHILD_SUBREAPER, 1);	/* orphans come to main */
		at_leader_exit("old_pgrp", old_pgrp_leader);
		at_leader_exit("leader_exit", exit_leader);
	}
	return t_done("vhangup");
}
