/* SPDX-License-Identifier: GPL-2.0 */
/* Children of a parent that ignores SIGCHLD are reaped at once (no
 * zombie), and a wait() blocked meanwhile returns ECHILD once the last
 * one is gone (LTP's kill02 hung here); SA_NOCLDWAIT with a handler
 * reaps too and still sends SIGCHLD; a child whose exit signal is not
 * SIGCHLD is not reaped by SIGCHLD's SIG_IGN. */
#include "t.h"
#include <signal.h>
#include <sched.h>
#include <time.h>
#include <sys/wait.h>

static volatile int chld;

static void on_chld(int sig)
{
	(void)sig;
	chld++;
}

/* child_sleeping - a child that sleeps @ms then exits 0. */
static pid_t child_sleeping(long ms)
{
	pid_t pid = fork();

	if (pid == 0) {
		t_sleep_ms(ms);
		_exit(0);
	}
	return pid;
}

static int exit_now(void *arg)
{
	(void)arg;
	return 0;
}

int main(void)
{
	static char stack[16384];
	struct sigaction sa = { .sa_handler = SIG_IGN };
	long long t0;
	int status;
	pid_t pid;

	sigaction(SIGCHLD, &sa, NULL);
	child_sleeping(100);
	child_sleeping(200);
	t0 = t_now_ns();
	errno = 0;
	CHECK(wait(&status) == -1 && errno == ECHILD, "wait: ECHILD: %s", strerror(errno));
	CHECK(t_now_ns() - t0 >= 150000000LL, "only once both were gone: %lld ms",
	      (t_now_ns() - t0) / 1000000);
	pid = child_sleeping(0);
	t_sleep_ms(100);
	CHECK(waitpid(pid, &status, WNOHANG) == -1 && errno == ECHILD, "no zombie left");

	/* SA_NOCLDWAIT with a handler: reaped, and the signal still comes */
	sa = (struct sigaction){ .sa_handler = on_chld, .sa_flags = SA_NOCLDWAIT };
	sigaction(SIGCHLD, &sa, NULL);
	child_sleeping(50);
	CHECK(wait(&status) == -1 && errno == ECHILD, "SA_NOCLDWAIT: ECHILD");
	CHECK(chld == 1, "SA_NOCLDWAIT: SIGCHLD still sent: %d", chld);

	/* SIG_IGN of SIGCHLD does not reap a child with another exit signal */
	sa = (struct sigaction){ .sa_handler = SIG_IGN };
	sigaction(SIGCHLD, &sa, NULL);
	sa.sa_handler = on_chld;
	sigaction(SIGUSR1, &sa, NULL);
	pid = clone(exit_now, stack + sizeof(stack), SIGUSR1, NULL);
	CHECK(pid > 0, "clone: %s", strerror(errno));
	CHECK(waitpid(pid, &status, __WALL) == pid && WIFEXITED(status), "a zombie to reap");
	return t_done("sigchld_ign");
}
