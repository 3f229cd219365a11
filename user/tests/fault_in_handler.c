/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A SIGSEGV handler that itself faults, while SIGSEGV is blocked (no
 * SA_NODEFER): as Linux's force_sig_info_to_task() does, the blocked
 * fault signal takes its default action and the process dies of SIGSEGV
 * at once. The handler must run exactly once, not again and again down
 * the stack until no frame fits (the fuzzer found mmos doing that: one
 * "segfault" line per frame, thousands a process).
 */
#include "t.h"
#include <signal.h>
#include <sys/wait.h>

static int count_fd;

/* Say "entered" on the pipe, then fault again. */
static void handler(int sig)
{
	volatile int *p;

	(void)sig;
	write(count_fd, "x", 1);
	__asm__ volatile("" : "=r"(p) : "0"(0L));
	*p = 1;
}

/* The child: the handler above for SIGSEGV, then a NULL write. */
static void child(void)
{
	struct sigaction sa = { .sa_handler = handler };
	volatile int *p;

	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, NULL);
	__asm__ volatile("" : "=r"(p) : "0"(0L));
	*p = 1;
	_exit(3);
}

int main(void)
{
	int fds[2], status = 0;
	char buf[256];
	long n, entered = 0;
	pid_t pid;

	CHECK(pipe(fds) == 0, "pipe: %s", strerror(errno));
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		count_fd = fds[1];
		child();
	}
	close(fds[1]);
	while ((n = read(fds[0], buf, sizeof(buf))) > 0)
		entered += n;
	CHECK(waitpid(pid, &status, 0) == pid, "waitpid: %s", strerror(errno));
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	      "status %#x, expected death by SIGSEGV", status);
	CHECK(entered == 1, "the handler ran %ld times, expected once", entered);
	return t_done("fault_in_handler");
}
