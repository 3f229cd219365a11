/* SPDX-License-Identifier: GPL-2.0 */
/* wait4/waitid statuses: exit codes, SIGSEGV deaths, SIGKILL, WNOHANG. */
#include "t.h"
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>

int main(void)
{
	int status, fds[2];
	siginfo_t si;
	pid_t pid;
	char c;

	pid = fork();
	if (pid == 0)
		_exit(42);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 42,
	      "exit 42: %#x", status);

	pid = fork();
	if (pid == 0) {
		*(volatile int *)mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) = 1;
		_exit(0);
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	      "write to PROT_READ: %#x", status);

	pid = fork();
	if (pid == 0) {
		volatile int *null = NULL;

		_exit(*null);
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	      "NULL read: %#x", status);

	CHECK(pipe(fds) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		close(fds[1]);
		read(fds[0], &c, 1);	/* until killed */
		_exit(0);
	}
	CHECK(waitpid(pid, &status, WNOHANG) == 0, "WNOHANG while it runs");
	CHECK(kill(pid, SIGKILL) == 0, "kill");
	CHECK(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	      "SIGKILL: %#x", status);

	pid = fork();
	if (pid == 0) {
		for (;;)
			pause();
	}
	kill(pid, SIGTERM);
	CHECK(waitid(P_PID, pid, &si, WEXITED) == 0 && si.si_pid == pid &&
	      si.si_code == CLD_KILLED && si.si_status == SIGTERM, "waitid SIGTERM");
	CHECK(waitpid(-1, &status, 0) == -1 && errno == ECHILD, "ECHILD");
	CHECK(waitpid(-1, &status, WNOHANG) == -1 && errno == ECHILD, "ECHILD with WNOHANG");
	CHECK(RAW(SYS_wait4, -1, &status, 0x1000, NULL) == -EINVAL, "bad options");
	return t_done("wait_status");
}
