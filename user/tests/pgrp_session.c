/* SPDX-License-Identifier: GPL-2.0 */
/* Process groups and sessions: setpgid, getpgid, getpgrp, setsid, getsid
 * and their errors, inheritance at fork, and wait for a process group. */
#include "t.h"
#include <signal.h>
#include <sys/wait.h>

/* Wait for @pid and return its exit code (or 128 + signal). */
static int reap(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* The checks run in a child that made itself a session leader, so the
 * groups and sessions are known the same way natively and as PID 1. */
static const char *self;	/* argv[0]: this program, to exec */

static void in_new_session(void)
{
	pid_t me = getpid(), c, c2;
	int fds[2];
	char ch;

	CHECK(setsid() == me, "setsid: %s", strerror(errno));
	CHECK(getsid(0) == me && getpgrp() == me && getpgid(0) == me, "sid/pgid = pid");
	CHECK(getsid(me) == me && getpgid(me) == me, "by pid");
	CHECK(setsid() == -1 && errno == EPERM, "setsid again: EPERM");
	CHECK(setpgid(0, 0) == -1 && errno == EPERM, "session leader cannot move: EPERM");
	CHECK(setpgid(0, -1) == -1 && errno == EINVAL, "negative pgid: EINVAL");
	CHECK(setpgid(99999, 0) == -1 && errno == ESRCH, "no such process: ESRCH");
	CHECK(getpgid(99999) == -1 && errno == ESRCH, "getpgid: ESRCH");
	CHECK(getsid(99999) == -1 && errno == ESRCH, "getsid: ESRCH");
	CHECK(setpgid(getppid(), 0) == -1 && errno == ESRCH, "parent: not ours: ESRCH");

	/* a child inherits group and session, and may be moved */
	CHECK(pipe(fds) == 0, "pipe");
	c = fork();
	if (c == 0) {
		close(fds[1]);
		read(fds[0], &ch, 1);	/* until the parent is done with us */
		_exit(getpgrp() == getpid() && getsid(0) == me ? 0 : 1);
	}
	CHECK(getpgid(c) == me && getsid(c) == me, "inherited: %d %d", getpgid(c), getsid(c));
	CHECK(setpgid(c, c) == 0 && getpgid(c) == c, "child to its own group");
	CHECK(setpgid(c, me) == 0 && getpgid(c) == me, "and back");
	CHECK(setpgid(c, 0) == 0 && getpgid(c) == c, "pgid 0 is its pid");
	CHECK(setpgid(c, 99999) == -1 && errno == EPERM, "no such group: EPERM");

	/* a second child joins the first one's group */
	c2 = fork();
	if (c2 == 0) {
		close(fds[1]);
		read(fds[0], &ch, 1);
		_exit(getpgrp() == c ? 0 : 1);
	}
	CHECK(setpgid(c2, c) == 0 && getpgid(c2) == c, "join an existing group");
	/* wait for the group: -pgid; nobody in it has exited yet */
	CHECK(waitpid(-c, NULL, WNOHANG) == 0, "WNOHANG on the group");
	CHECK(waitpid(-me, NULL, WNOHANG) == -1 && errno == ECHILD, "own group has no children now");
	CHECK(waitpid(0, NULL, WNOHANG) == -1 && errno == ECHILD, "pid 0: own group");
	close(fds[1]);
	close(fds[0]);
	CHECK(reap(c2) == 0, "second child saw the group");
	CHECK(reap(c) == 0, "first child saw its group");

	/* a child that exec'd cannot be moved: EACCES */
	c = fork();
	if (c == 0) {
		execl(self, "pgrp_session", "sleep", NULL);
		_exit(127);
	}
	t_sleep_ms(200);
	CHECK(setpgid(c, c) == -1 && errno == EACCES, "after exec: EACCES (%s)", strerror(errno));
	kill(c, SIGKILL);
	CHECK(reap(c) == 128 + SIGKILL, "exec'd child killed");

	/* a child in another session: EPERM */
	CHECK(pipe(fds) == 0, "pipe");
	c = fork();
	if (c == 0) {
		close(fds[0]);
		setsid();
		write(fds[1], "x", 1);
		for (;;)
			t_sleep_ms(1000);
	}
	close(fds[1]);
	CHECK(read(fds[0], &ch, 1) == 1, "child's setsid");
	CHECK(getsid(c) == c, "child leads its session");
	CHECK(setpgid(c, me) == -1 && errno == EPERM, "other session: EPERM");
	close(fds[0]);
	kill(c, SIGKILL);
	reap(c);

	/* setsid fails for a group leader even if not a session leader */
	c = fork();
	if (c == 0) {
		pid_t g = fork();

		if (g == 0) {
			int ok = setpgid(0, 0) == 0 && setsid() == -1 && errno == EPERM;

			_exit(ok ? 0 : 1);
		}
		_exit(reap(g));
	}
	CHECK(reap(c) == 0, "setsid of a group leader: EPERM");
	exit(t_done("pgrp_session"));
}

int main(int argc, char **argv)
{
	pid_t c;

	if (argc > 1 && !strcmp(argv[1], "sleep")) {
		for (;;)
			t_sleep_ms(1000);
	}
	self = argv[0];
	c = fork();
	if (c == 0)
		in_new_session();
	CHECK(reap(c) == 0, "the checks in a new session passed");
	CHECK(getpgid(0) == getpgrp(), "getpgid(0) is getpgrp()");
	return t_done("pgrp_session");
}
