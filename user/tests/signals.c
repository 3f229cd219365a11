/* SPDX-License-Identifier: GPL-2.0 */
/* Signal handlers: delivery, siginfo, masks, FPU state, siglongjmp out of
 * SIGSEGV, SIGCHLD. */
#include "t.h"
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>

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

	/* A blocking read interrupted by a handler: restarted with
	 * SA_RESTART, -EINTR without. */
	for (int restart = 0; restart < 2; restart++) {
		int p[2], q[2];
		char c;

		pipe(p);
		pipe(q);
		sa.sa_sigaction = on_usr1;
		sa.sa_flags = SA_SIGINFO | (restart ? SA_RESTART : 0);
		sigaction(SIGUSR1, &sa, NULL);
		usr1 = 0;
		pid_t parent = getpid(), kid = fork();
		if (kid == 0) {
			struct timespec ts = { 0, 1000 * 1000 };
			char path[64];

			/* signal only once the parent sleeps in its read */
			snprintf(path, sizeof(path), "/proc/%d/status", (int)parent);
			for (int i = 0; i < 5000; i++) {
				const char *st = t_read_file(path);

				if (st && strstr(st, "State:\tS"))
					break;
				nanosleep(&ts, NULL);
			}
			kill(parent, SIGUSR1);
			ts.tv_nsec = 50 * 1000 * 1000;
			nanosleep(&ts, NULL);
			write(p[1], "x", 1);
			_exit(0);
		}
		long r = read(p[0], &c, 1);
		if (restart)
			CHECK(r == 1 && c == 'x' && usr1 == 1, "SA_RESTART read: %ld errno %d", r, errno);
		else
			CHECK(r == -1 && errno == EINTR && usr1 == 1, "read without SA_RESTART: %ld", r);
		waitpid(kid, NULL, 0);
		close(p[0]); close(p[1]); close(q[0]); close(q[1]);
	}

	signal(SIGCHLD, on_chld);
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
		;
	CHECK(chld == 1, "SIGCHLD handler ran %d times", chld);
	return t_done("signals");
}
