/* SPDX-License-Identifier: GPL-2.0 */
/* clone() lets a child pick any exit signal, SIGSTOP and SIGKILL too.
 * Sent to init on the child's behalf, they are not forced: init, which
 * has no handler for them, ignores them, as Linux's init does. (mmos
 * once forced them, and a fuzzer child stopped PID 1 for good.) Runs as
 * init in mmos, and natively as PID 1 of a new PID namespace. */
#include "t.h"
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>

/* child_with_exit_signal - a child that exits at once and whose exit
 * signal is @sig; reaped with __WALL. */
static void child_with_exit_signal(int sig)
{
	int status;
	long pid = syscall(SYS_clone, (unsigned long)sig, 0, 0, 0, 0);

	if (pid == 0)
		syscall(SYS_exit, 7);
	CHECK(pid > 0, "clone with exit signal %d", sig);
	CHECK(waitpid(pid, &status, __WALL) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 7, "reaped (status %#x)", status);
}

static void as_init(void)
{
	child_with_exit_signal(SIGSTOP);
	child_with_exit_signal(SIGKILL);
	child_with_exit_signal(SIGTSTP);
	/* still running, not stopped: the checks after this are reached */
	CHECK(getpid() == 1, "init is still running");
}

int main(void)
{
	pid_t pid;
	int status;

	if (getpid() == 1) {
		as_init();
		return t_done("init_exit_signal_stop");
	}
	if (unshare(CLONE_NEWPID) != 0) {
		printf("init_exit_signal_stop: no PID namespace (%s): skipped\n", strerror(errno));
		return t_done("init_exit_signal_stop");
	}
	pid = fork();
	if (pid == 0) {
		as_init();
		_exit(t_done("init_exit_signal_stop (as PID 1)"));
	}
	CHECK(waitpid(pid, &status, WUNTRACED) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0, "PID 1 of the namespace: status %#x", status);
	return t_done("init_exit_signal_stop");
}
