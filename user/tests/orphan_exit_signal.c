/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An orphan's exit signal, and init's protection (the fuzzer's panic).
 *
 * A forks B; B clone()s C with exit signal SIGUSR1 and exits. C is
 * reparented to the reaper (this test: PID 1 in mmos, a subreaper
 * natively) and exits later. Linux resets a reparented child's exit
 * signal to SIGCHLD, so the reaper is not hit by SIGUSR1 and a plain
 * waitpid() (no __WCLONE) reaps C. Then, as PID 1 (in mmos, or natively
 * in a new PID namespace when allowed), signals with no handler do not
 * kill init: SIGUSR1, SIGTERM, even SIGKILL sent by itself.
 */
#include "t.h"
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>

/* The grandchild's part: live a while after its parent, then exit. */
static void grandchild(void)
{
	t_sleep_ms(300);
	_exit(5);
}

/* B: start C with SIGUSR1 as its exit signal, tell its PID, exit. */
static void middle(int wfd)
{
	long pid = syscall(SYS_clone, SIGUSR1, 0, 0, 0, 0);

	if (pid == 0)
		grandchild();
	write(wfd, &pid, sizeof(pid));
	_exit(pid > 0 ? 0 : 1);
}

static void orphan_exit_signal(void)
{
	int fds[2], status = -1;
	long gpid = -1;
	pid_t b;

	CHECK(pipe(fds) == 0, "pipe");
	b = fork();
	if (b == 0)
		middle(fds[1]);
	CHECK(read(fds[0], &gpid, sizeof(gpid)) == sizeof(gpid) && gpid > 0,
	      "grandchild pid %ld", gpid);
	CHECK(waitpid(b, &status, 0) == b && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0, "B's status %#x", status);
	/* C is ours now, with SIGCHLD as its exit signal: plain waitpid */
	status = -1;
	CHECK(waitpid(gpid, &status, 0) == gpid, "reap the orphan: %s", strerror(errno));
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 5, "C's status %#x", status);
	close(fds[0]);
	close(fds[1]);
}

/* As PID 1: default-action signals sent to itself are ignored. */
static void init_unkillable(void)
{
	CHECK(kill(1, SIGUSR1) == 0, "kill SIGUSR1");
	CHECK(kill(1, SIGTERM) == 0, "kill SIGTERM");
	CHECK(kill(1, SIGKILL) == 0, "kill SIGKILL");
	CHECK(raise(SIGHUP) == 0, "raise SIGHUP");
	t_sleep_ms(20);		/* any delivery has happened by now */
	CHECK(getpid() == 1, "still init");
}

int main(void)
{
	pid_t pid;
	int status;

	CHECK(t_become_reaper(), "become the orphans' reaper");
	orphan_exit_signal();
	if (getpid() == 1) {
		init_unkillable();
		return t_done("orphan_exit_signal");
	}
	/* natively: the same as PID 1 of a new PID namespace, if allowed */
	if (unshare(CLONE_NEWPID) != 0) {
		printf("orphan_exit_signal: no PID namespace (%s): init part skipped\n",
		       strerror(errno));
		return t_done("orphan_exit_signal");
	}
	pid = fork();
	if (pid == 0) {
		orphan_exit_signal();
		init_unkillable();
		_exit(t_done("orphan_exit_signal (as PID 1)"));
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0, "PID 1 of the namespace: status %#x", status);
	return t_done("orphan_exit_signal");
}
