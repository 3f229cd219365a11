/* SPDX-License-Identifier: GPL-2.0 */
/* waitid: WEXITED/WSTOPPED/WCONTINUED/WNOHANG/WNOWAIT, P_PID/P_PGID/
 * P_ALL, the siginfo it fills, and its errors; wait4's option checks. */
#include "t.h"
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>

#ifndef P_PIDFD
#define P_PIDFD 3
#endif

/* child - a child in its own process group that waits for the pipe
 * @fds to close, then exits with @code. */
static pid_t child(const int *fds, int code)
{
	pid_t c = fork();
	char ch;

	if (c == 0) {
		setpgid(0, 0);
		close(fds[1]);
		read(fds[0], &ch, 1);
		_exit(code);
	}
	setpgid(c, c);
	return c;
}

static void checks(void)
{
	int fds[2], status;
	siginfo_t si;
	pid_t c, d;

	CHECK(pipe(fds) == 0, "pipe");
	c = child(fds, 5);

	/* errors first */
	CHECK(waitid(P_PID, c, &si, 0) == -1 && errno == EINVAL, "no event asked: EINVAL");
	CHECK(waitid(P_PID, c, &si, WEXITED | 0x1000) == -1 && errno == EINVAL, "bad option");
	CHECK(waitid(P_PID, 0, &si, WEXITED) == -1 && errno == EINVAL, "P_PID 0: EINVAL");
	CHECK(waitid(P_PGID, -1, &si, WEXITED) == -1 && errno == EINVAL, "P_PGID -1: EINVAL");
	CHECK(waitid(7, 1, &si, WEXITED) == -1 && errno == EINVAL, "bad idtype: EINVAL");
	CHECK(waitid(P_PIDFD, 0, &si, WEXITED) == -1 && errno == EBADF, "P_PIDFD, not a pidfd: EBADF");
	CHECK(waitid(P_PID, 99999, &si, WEXITED) == -1 && errno == ECHILD, "not a child: ECHILD");
	CHECK(RAW(SYS_wait4, c, &status, WNOWAIT, NULL) == -EINVAL, "wait4 takes no WNOWAIT");

	/* WNOHANG, nothing to say: 0 and si_pid 0 */
	memset(&si, 0x55, sizeof(si));
	CHECK(waitid(P_PID, c, &si, WEXITED | WSTOPPED | WNOHANG) == 0, "WNOHANG");
	CHECK(si.si_pid == 0 && si.si_signo == 0, "WNOHANG clears si_pid: %d %d", si.si_pid, si.si_signo);

	/* stopped, with WNOWAIT first */
	kill(c, SIGSTOP);
	CHECK(waitid(P_PID, c, &si, WSTOPPED | WNOWAIT) == 0 && si.si_pid == c &&
	      si.si_signo == SIGCHLD && si.si_code == CLD_STOPPED && si.si_status == SIGSTOP,
	      "WSTOPPED|WNOWAIT: code %d status %d", si.si_code, si.si_status);
	CHECK(waitid(P_PGID, c, &si, WSTOPPED) == 0 && si.si_pid == c && si.si_code == CLD_STOPPED,
	      "P_PGID WSTOPPED: the same stop again");
	CHECK(waitid(P_PID, c, &si, WSTOPPED | WNOHANG) == 0 && si.si_pid == 0, "used up");
	kill(c, SIGCONT);
	CHECK(waitid(P_ALL, 0, &si, WCONTINUED) == 0 && si.si_pid == c &&
	      si.si_code == CLD_CONTINUED && si.si_status == SIGCONT, "WCONTINUED: %d %d",
	      si.si_code, si.si_status);
	CHECK(waitid(P_ALL, 0, &si, WCONTINUED | WNOHANG) == 0 && si.si_pid == 0, "used up");

	/* exit, WNOWAIT keeps it waitable */
	d = child(fds, 6);
	close(fds[1]);
	CHECK(waitid(P_PID, c, &si, WEXITED | WNOWAIT) == 0 && si.si_pid == c &&
	      si.si_code == CLD_EXITED && si.si_status == 5, "WNOWAIT exit: %d %d", si.si_code,
	      si.si_status);
	CHECK(waitpid(c, &status, 0) == c && WIFEXITED(status) && WEXITSTATUS(status) == 5,
	      "then reaped by waitpid");
	CHECK(waitid(P_PGID, d, &si, WEXITED) == 0 && si.si_pid == d && si.si_status == 6,
	      "P_PGID exit");
	close(fds[0]);

	/* killed */
	c = fork();
	if (c == 0)
		for (;;)
			pause();
	kill(c, SIGUSR2);
	CHECK(waitid(P_ALL, 0, &si, WEXITED) == 0 && si.si_pid == c && si.si_code == CLD_KILLED &&
	      si.si_status == SIGUSR2, "killed: %d %d", si.si_code, si.si_status);

	/* ECHILD still writes a zeroed siginfo; a bad one is EFAULT */
	memset(&si, 0x55, sizeof(si));
	CHECK(waitid(P_ALL, 0, &si, WEXITED) == -1 && errno == ECHILD, "ECHILD");
	CHECK(si.si_pid == 0 && si.si_signo == 0, "... with si_pid 0");
	c = fork();
	if (c == 0)
		_exit(0);
	CHECK(RAW(SYS_waitid, P_PID, c, (void *)8, WEXITED, NULL) == -EFAULT, "bad infop: EFAULT");
	CHECK(waitpid(c, &status, WNOHANG) == -1 && errno == ECHILD, "... the child is reaped anyway");
}

int main(void)
{
	pid_t m;
	int status;

	setvbuf(stdout, NULL, _IONBF, 0);
	m = fork();
	if (m == 0) {
		setsid();	/* the children's groups: not orphaned */
		checks();
		_exit(t_failed);
	}
	CHECK(waitpid(m, &status, 0) == m && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "checks");
	return t_done("waitid");
}
