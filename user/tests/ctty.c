/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Controlling terminals and terminal job control, as Linux has them:
 * acquiring one (open without O_NOCTTY, TIOCSCTTY, its steal rule),
 * /dev/tty, TIOCGPGRP/TIOCSPGRP/TIOCGSID and their errors, TIOCNOTTY,
 * setsid leaving the terminal, SIGTTOU/SIGTTIN for a background group
 * (and EIO when they are ignored, blocked or the group is orphaned),
 * TOSTOP, and the disassociation when the session leader exits.
 *
 * Every case runs in a child that leads a new session (setsid), so the
 * test's own terminal (if any) is never touched. The terminal is a new
 * pty's slave natively; in mmos, which has no ptys, /dev/ttyS0 (or
 * argv[1]): the console's tty, whose files opened as /dev/console never
 * stop for job control (nor are hung up), so the test's own output is
 * not affected. A session leader's exit hangs up a terminal that is not
 * a pty, as in Linux: in mmos the files of the first session die when
 * the session that stole its terminal exits.
 */
#include "t.h"
#include <fcntl.h>
#include <signal.h>
#include <termios.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/wait.h>

static char tty_path[64] = "/dev/ttyS0";
static int master = -1;		/* natively: the pty's master, to type at */

/* find_tty - a new pty's slave natively (the master is kept open for
 * good), else argv's terminal or /dev/ttyS0 when there are no ptys. */
static void find_tty(int argc, char **argv)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY);

	if (m >= 0 && grantpt(m) == 0 && unlockpt(m) == 0) {
		snprintf(tty_path, sizeof(tty_path), "%s", ptsname(m));
		master = m;
		return;
	}
	CHECK(m >= 0 || errno == ENOENT || errno == ENODEV || errno == ENOSYS,
	      "posix_openpt: %s", strerror(errno));
	if (argc > 1)
		snprintf(tty_path, sizeof(tty_path), "%s", argv[1]);
}

/* done - a child's end: 0 if all its checks held. */
static void done(void)
{
	_exit(t_failed ? 1 : 0);
}

/* wait_status - waitpid(@pid) with @flags; the status, or -1. */
static int wait_status(pid_t pid, int flags)
{
	int status;

	return waitpid(pid, &status, flags) == pid ? status : -1;
}

/* in_session - run @fn in a child that leads a new session; CHECK it
 * ended with 0. */
static void in_session(const char *what, void (*fn)(void))
{
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		t_checks = t_failed = 0;	/* its own count */
		CHECK(setsid() == getpid(), "setsid");
		fn();
		printf("ctty %s: %d checks, %d failed\n", what, t_checks, t_failed);
		done();
	}
	status = wait_status(pid, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s: status %#x", what, status);
}

/* take_tty - open the terminal; the caller, a session leader without
 * one, acquires it by that open (no O_NOCTTY). Returns the fd. */
static int take_tty(void)
{
	int fd = open(tty_path, O_RDWR);

	CHECK(fd >= 0, "open %s: %s", tty_path, strerror(errno));
	CHECK(tcgetpgrp(fd) == getpid(), "the open made it ours: %d", tcgetpgrp(fd));
	return fd;
}

static int gsid(int fd)
{
	pid_t sid = -1;

	return ioctl(fd, TIOCGSID, &sid) ? -errno : sid;
}

/* bg_child - fork a child in a process group of its own, run @fn in
 * it; returns its pid (the group is made on both sides, as shells do). */
static pid_t bg_child(int (*fn)(int), int fd)
{
	pid_t pid = fork();

	if (pid == 0) {
		setpgid(0, 0);
		_exit(fn(fd));
	}
	setpgid(pid, pid);
	return pid;
}

/* ---- acquiring, the ioctls ------------------------------------------ */

static int tty_fd;

/* steal - a second session: the terminal is not its own until taken by
 * TIOCSCTTY with arg 1 (root only); then the first session has lost it. */
static void steal(void)
{
	int fd = tty_fd;

	CHECK(open("/dev/tty", O_RDWR) < 0 && errno == ENXIO, "setsid left no terminal");
	CHECK(tcgetpgrp(fd) < 0 && errno == ENOTTY, "not ours: TIOCGPGRP ENOTTY");
	CHECK(gsid(fd) == -ENOTTY, "not ours: TIOCGSID ENOTTY");
	CHECK(ioctl(fd, TIOCNOTTY) < 0 && errno == ENOTTY, "not ours: TIOCNOTTY ENOTTY");
	CHECK(tcsetpgrp(fd, getpid()) < 0 && errno == ENOTTY, "not ours: TIOCSPGRP ENOTTY");
	CHECK(ioctl(fd, TIOCSCTTY, 0) < 0 && errno == EPERM, "another session's: EPERM");
	if (geteuid() == 0) {
		CHECK(ioctl(fd, TIOCSCTTY, 1) == 0, "root steals it: %s", strerror(errno));
		CHECK(tcgetpgrp(fd) == getpid() && gsid(fd) == getpid(), "ours now");
	} else {
		CHECK(ioctl(fd, TIOCSCTTY, 1) < 0 && errno == EPERM, "only root steals");
	}
}

/* not_leader - a process of the session that leads none: it has the
 * terminal by inheritance, and TIOCSCTTY is EPERM. */
static int not_leader(int fd)
{
	int fd2 = open("/dev/tty", O_RDWR);

	CHECK(fd2 >= 0, "a child has the terminal: %s", strerror(errno));
	CHECK(ioctl(fd, TIOCSCTTY, 0) < 0 && errno == EPERM, "not a leader: EPERM");
	close(fd2);
	return t_failed != 0;
}

static int do_pause(int fd)
{
	pause();
	return 0;
}

static volatile int winches;

static void on_winch(int sig)
{
	winches++;
}

/* winch - a new window size sends SIGWINCH to the foreground group
 * (ours), none when the size stays; the old size is put back. */
static void winch(int fd)
{
	struct winsize old, ws;

	signal(SIGWINCH, on_winch);
	CHECK(ioctl(fd, TIOCGWINSZ, &old) == 0, "TIOCGWINSZ");
	ws = old;
	ws.ws_row = old.ws_row + 7;
	CHECK(ioctl(fd, TIOCSWINSZ, &ws) == 0 && winches == 1, "SIGWINCH: %d", winches);
	CHECK(ioctl(fd, TIOCSWINSZ, &ws) == 0 && winches == 1, "the same size: none");
	CHECK(ioctl(fd, TIOCSWINSZ, &old) == 0 && winches == 2, "back: %d", winches);
	signal(SIGWINCH, SIG_DFL);
}

static volatile int intrs;

static void on_int(int sig)
{
	intrs++;
}

/* typed_intr - natively, ^C typed at the master: SIGINT for the
 * foreground group, ours (mmos has no pty: tests/tty-harness.py types
 * at its console instead). */
static void typed_intr(void)
{
	if (master < 0)
		return;
	signal(SIGINT, on_int);
	CHECK(write(master, "\x03", 1) == 1, "type ^C");
	for (int i = 0; i < 1000 && !intrs; i++)
		usleep(1000);
	CHECK(intrs == 1, "^C: SIGINT for the foreground group: %d", intrs);
	signal(SIGINT, SIG_DFL);
}

static void ioctls(void)
{
	pid_t me = getpid(), c;
	int fd, fd2, status;

	fd = open(tty_path, O_RDWR | O_NOCTTY);
	CHECK(fd >= 0, "open O_NOCTTY: %s", strerror(errno));
	CHECK(tcgetpgrp(fd) < 0 && errno == ENOTTY, "O_NOCTTY: not acquired");
	CHECK(open("/dev/tty", O_RDWR) < 0 && errno == ENXIO, "no terminal: /dev/tty ENXIO");
	CHECK(ioctl(fd, TIOCSCTTY, 0) == 0, "TIOCSCTTY: %s", strerror(errno));
	CHECK(ioctl(fd, TIOCSCTTY, 0) == 0, "TIOCSCTTY again: nothing to do");
	CHECK(tcgetpgrp(fd) == me, "the leader's group in front: %d", tcgetpgrp(fd));
	CHECK(gsid(fd) == me, "TIOCGSID: %d", gsid(fd));
	CHECK(tcgetsid(fd) == me, "tcgetsid");
	fd2 = open("/dev/tty", O_RDWR);
	CHECK(fd2 >= 0, "/dev/tty opens: %s", strerror(errno));
	CHECK(tcgetpgrp(fd2) == me, "/dev/tty is the same terminal");
	close(fd2);

	CHECK(tcsetpgrp(fd, -1) < 0 && errno == EINVAL, "negative: EINVAL");
	CHECK(tcsetpgrp(fd, 0) < 0 && errno == ESRCH, "0: ESRCH");
	CHECK(tcsetpgrp(fd, 0x3ffffff) < 0 && errno == ESRCH, "no such group: ESRCH");
	CHECK(tcsetpgrp(fd, getppid()) < 0 && errno == EPERM, "another session: EPERM");
	CHECK(ioctl(fd, TIOCSPGRP, (void *)8) < 0 && errno == EFAULT, "EFAULT");
	CHECK(ioctl(fd, TIOCGPGRP, (void *)8) < 0 && errno == EFAULT, "EFAULT");

	winch(fd);
	typed_intr();

	c = bg_child(not_leader, fd);
	status = wait_status(c, 0);
	CHECK(status == 0, "not_leader: %#x", status);

	c = bg_child(do_pause, fd);
	CHECK(tcsetpgrp(fd, c) == 0 && tcgetpgrp(fd) == c, "another group in front");
	signal(SIGTTOU, SIG_IGN);	/* a shell takes it back from behind */
	CHECK(tcsetpgrp(fd, me) == 0 && tcgetpgrp(fd) == me, "and back: %s", strerror(errno));
	signal(SIGTTOU, SIG_DFL);
	kill(c, SIGKILL);
	wait_status(c, 0);

	tty_fd = fd;
	in_session("steal", steal);
	if (geteuid() == 0 && master >= 0) {
		CHECK(tcgetpgrp(fd) < 0 && errno == ENOTTY, "stolen from us");
		/* the thief led its session and exited: the tty is free */
		CHECK(ioctl(fd, TIOCSCTTY, 0) == 0, "free again: %s", strerror(errno));
	} else if (geteuid() == 0) {
		/* the thief's exit hung the terminal up (Linux spares only a
		 * pty): our file is dead, a new open takes the tty again */
		CHECK(tcgetpgrp(fd) < 0 && errno == EIO, "hung up: %s", strerror(errno));
		close(fd);
		fd = open(tty_path, O_RDWR);
		CHECK(fd >= 0, "reopen: %s", strerror(errno));
	}
	CHECK(tcgetpgrp(fd) == me, "ours");
}

/* ---- background groups ---------------------------------------------- */

static int bg_tcsetattr(int fd)
{
	struct termios t;

	tcgetattr(fd, &t);
	return tcsetattr(fd, TCSANOW, &t) ? errno : 0;
}

static int bg_read(int fd)
{
	char c;

	return read(fd, &c, 1) < 0 ? errno : 0;
}

static int bg_write(int fd)
{
	return write(fd, "\n", 1) < 0 ? errno : 0;
}

static int ign_ttin_read(int fd)
{
	signal(SIGTTIN, SIG_IGN);
	return bg_read(fd);
}

static int block_ttin_read(int fd)
{
	sigset_t s;

	sigemptyset(&s);
	sigaddset(&s, SIGTTIN);
	sigprocmask(SIG_BLOCK, &s, NULL);
	return bg_read(fd);
}

static int ign_ttou_tcsetattr(int fd)
{
	signal(SIGTTOU, SIG_IGN);
	return bg_tcsetattr(fd);
}

static int block_ttou_tcsetattr(int fd)
{
	sigset_t s;

	sigemptyset(&s);
	sigaddset(&s, SIGTTOU);
	sigprocmask(SIG_BLOCK, &s, NULL);
	return bg_tcsetattr(fd);
}

/* expect_stop - @fn in a background child stops it with @sig; then it
 * is given the terminal and continued, and its call (run again) gives
 * @then (an errno, 0 for success) as its exit status. */
static void expect_stop(const char *what, int fd, int (*fn)(int), int sig)
{
	pid_t c = bg_child(fn, fd), me = getpid();
	int status = wait_status(c, WUNTRACED);

	CHECK(WIFSTOPPED(status) && WSTOPSIG(status) == sig, "%s: status %#x", what, status);
	if (!WIFSTOPPED(status))
		return;
	if (sig == SIGTTIN) {	/* a foreground read would wait: end it */
		kill(c, SIGKILL);
		wait_status(c, 0);
		return;
	}
	CHECK(tcsetpgrp(fd, c) == 0, "fg");
	kill(c, SIGCONT);
	status = wait_status(c, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s in front: %#x", what, status);
	signal(SIGTTOU, SIG_IGN);
	CHECK(tcsetpgrp(fd, me) == 0, "back");
	signal(SIGTTOU, SIG_DFL);
}

/* expect_exit - @fn in a background child returns @want (an errno). */
static void expect_exit(const char *what, int fd, int (*fn)(int), int want)
{
	int status = wait_status(bg_child(fn, fd), 0);

	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == want, "%s: status %#x, want %d",
	      what, status, want);
}

/* orphan - the group of a child whose parent has exited is orphaned
 * (its new parent, the subreaper or init, is in another session): the
 * grandchild's read and tcsetattr are EIO, no stop. The grandchild's
 * status goes to main, which reaps it; the session leader waits until
 * it is done (the end of orphan_pipe), as the terminal is its. */
static int orphan_pipe[2];	/* the session leader waits for its EOF */

static int orphan(int fd)
{
	pid_t parent = getpid();

	if (fork() == 0) {
		struct termios t;
		char c;
		int r1, r2;

		alarm(10);	/* a read that does not fail would wait for good */
		while (getppid() == parent)	/* until the parent is gone */
			usleep(10000);
		r1 = read(fd, &c, 1) < 0 ? errno : 0;
		tcgetattr(fd, &t);
		r2 = tcsetattr(fd, TCSANOW, &t) ? errno : 0;
		_exit(r1 == EIO && r2 == EIO ? 0 : 100 + r1);
	}
	return 0;
}

static void background(void)
{
	int fd = take_tty();
	struct termios t;

	expect_stop("tcsetattr in the background", fd, bg_tcsetattr, SIGTTOU);
	expect_stop("read in the background", fd, bg_read, SIGTTIN);
	expect_exit("SIGTTIN ignored: EIO", fd, ign_ttin_read, EIO);
	expect_exit("SIGTTIN blocked: EIO", fd, block_ttin_read, EIO);
	expect_exit("SIGTTOU ignored: allowed", fd, ign_ttou_tcsetattr, 0);
	expect_exit("SIGTTOU blocked: allowed", fd, block_ttou_tcsetattr, 0);
	expect_exit("write without TOSTOP", fd, bg_write, 0);
	tcgetattr(fd, &t);
	t.c_lflag |= TOSTOP;
	CHECK(tcsetattr(fd, TCSANOW, &t) == 0, "TOSTOP");
	expect_stop("write under TOSTOP", fd, bg_write, SIGTTOU);
	t.c_lflag &= ~TOSTOP;
	CHECK(tcsetattr(fd, TCSANOW, &t) == 0, "TOSTOP off");
	pipe(orphan_pipe);
	expect_exit("orphan's parent", fd, orphan, 0);
	close(orphan_pipe[1]);
	read(orphan_pipe[0], &t, 1);	/* EOF: the orphan is done */
}

/* ---- giving the terminal up ----------------------------------------- */

/* notty - TIOCNOTTY by a process that leads no session: it alone loses
 * the terminal. */
static int notty(int fd)
{
	CHECK(ioctl(fd, TIOCNOTTY) == 0, "TIOCNOTTY: %s", strerror(errno));
	CHECK(open("/dev/tty", O_RDWR) < 0 && errno == ENXIO, "gone for it");
	CHECK(ioctl(fd, TIOCNOTTY) < 0 && errno == ENOTTY, "twice: ENOTTY");
	return t_failed != 0;
}

static void give_up(void)
{
	int fd = take_tty(), status;
	pid_t c;

	expect_exit("TIOCNOTTY of a member", fd, notty, 0);
	CHECK(tcgetpgrp(fd) == getpid(), "the leader keeps it");

	/* the leader's TIOCNOTTY: SIGHUP (and SIGCONT) to the foreground */
	c = bg_child(do_pause, fd);
	CHECK(tcsetpgrp(fd, c) == 0, "fg");
	CHECK(ioctl(fd, TIOCNOTTY) == 0, "TIOCNOTTY: %s", strerror(errno));
	status = wait_status(c, 0);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGHUP, "SIGHUP: %#x", status);
	CHECK(tcgetpgrp(fd) < 0 && errno == ENOTTY, "not ours now");
	CHECK(open("/dev/tty", O_RDWR) < 0 && errno == ENXIO, "no /dev/tty");
	CHECK(ioctl(fd, TIOCSCTTY, 0) == 0, "and free to take again: %s", strerror(errno));
	CHECK(tcgetpgrp(fd) == getpid(), "ours again");

	/* a stopped foreground group is continued after the SIGHUP */
	c = bg_child(do_pause, fd);
	CHECK(tcsetpgrp(fd, c) == 0, "fg");
	kill(c, SIGSTOP);
	status = wait_status(c, WUNTRACED);
	CHECK(WIFSTOPPED(status), "stopped: %#x", status);
	CHECK(ioctl(fd, TIOCNOTTY) == 0, "TIOCNOTTY: %s", strerror(errno));
	status = wait_status(c, 0);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGHUP, "continued, SIGHUP: %#x", status);
}

/* leader_exits - a session leader with a foreground child exits: the
 * child's group gets SIGHUP, and the terminal is free (no session). */
static void leader_exits(void)
{
	int fd = take_tty();
	pid_t c = bg_child(do_pause, fd);

	CHECK(tcsetpgrp(fd, c) == 0, "fg");
	if (t_failed)
		kill(c, SIGKILL);
	printf("%d\n", c);
}

/* take_tty_check - a new session leader acquires the terminal, not by
 * a write-only open (and by TIOCSCTTY on one only with CAP_SYS_ADMIN). */
static void take_tty_check(void)
{
	int w = open(tty_path, O_WRONLY);

	CHECK(w >= 0, "open O_WRONLY: %s", strerror(errno));
	CHECK(tcgetpgrp(w) < 0 && errno == ENOTTY, "a write-only open: not acquired");
	if (geteuid() == 0)
		CHECK(ioctl(w, TIOCSCTTY, 0) == 0, "root: write-only TIOCSCTTY: %s",
		      strerror(errno));
	else
		CHECK(ioctl(w, TIOCSCTTY, 0) < 0 && errno == EPERM, "write-only: EPERM");
	close(w);
	close(take_tty());
}

int main(int argc, char **argv)
{
	int status, p[2];
	pid_t s, c;

	setvbuf(stdout, NULL, _IONBF, 0);
	prctl(PR_SET_CHILD_SUBREAPER, 1);	/* orphans come here natively */
	find_tty(argc, argv);
	in_session("ioctls", ioctls);
	in_session("background", background);
	in_session("give_up", give_up);

	/* the leader's exit: its foreground child (now ours) gets SIGHUP */
	pipe(p);
	s = fork();
	if (s == 0) {
		dup2(p[1], 1);
		CHECK(setsid() == getpid(), "setsid");
		leader_exits();
		done();
	}
	close(p[1]);
	status = wait_status(s, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "leader: %#x", status);
	{
		char buf[32] = "";

		read(p[0], buf, sizeof(buf) - 1);
		c = atoi(buf);
	}
	CHECK(c > 0, "child pid");
	status = c > 0 ? wait_status(c, 0) : -1;
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGHUP, "SIGHUP at the leader's exit: %#x",
	      status);
	in_session("free after the exit", take_tty_check);
	while ((c = wait(&status)) > 0)	/* the orphan of background() */
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "orphan %d: %#x", c, status);
	return t_done("ctty");
}
