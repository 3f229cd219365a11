/* SPDX-License-Identifier: GPL-2.0 */
/* Signal handlers: delivery, siginfo, masks, FPU state, siglongjmp out of
 * SIGSEGV, SIGCHLD. */
#include "t.h"
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>

static volatile int usr1, chld, usr1_blocked_inside;
static volatile void *fault_addr;
static volatile int fault_code;
static sigjmp_buf env;

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
	sigset_t now;

	sigprocmask(SIG_SETMASK, NULL, &now);
	usr1_blocked_inside = sigismember(&now, SIGUSR1);
	if (sig == SIGUSR1 && si->si_signo == SIGUSR1)
		usr1++;
}

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	fault_addr = si->si_addr;
	fault_code = si->si_code;
	siglongjmp(env, 1);
}

static void on_chld(int sig)
{
	chld++;
}

int main(void)
{
	struct sigaction sa = { .sa_sigaction = on_usr1, .sa_flags = SA_SIGINFO };
	volatile double x = 1.5;
	sigset_t now;
	char *ro;

	sigaction(SIGUSR1, &sa, NULL);
	CHECK(kill(getpid(), SIGUSR1) == 0, "kill");
	CHECK(usr1 == 1, "handler ran %d times", usr1);
	CHECK(usr1_blocked_inside, "SIGUSR1 not blocked inside its handler");
	sigprocmask(SIG_SETMASK, NULL, &now);
	CHECK(!sigismember(&now, SIGUSR1), "mask not restored after the handler");
	x = x * 3.0;
	raise(SIGUSR1);
	CHECK(usr1 == 2 && x == 4.5, "FPU state across a handler: %f", x);

	sa.sa_sigaction = on_segv;
	sigaction(SIGSEGV, &sa, NULL);
	if (!sigsetjmp(env, 1))
		*(volatile int *)16 = 1;
	CHECK(fault_addr == (void *)16 && fault_code == SEGV_MAPERR, "NULL page: %p code %d",
	      fault_addr, fault_code);
	ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!sigsetjmp(env, 1))
		ro[8] = 1;
	CHECK(fault_addr == ro + 8 && fault_code == SEGV_ACCERR, "read-only: %p code %d",
	      fault_addr, fault_code);

	signal(SIGCHLD, on_chld);
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
		;
	CHECK(chld == 1, "SIGCHLD handler ran %d times", chld);
	return t_done("signals");
}
