/* SPDX-License-Identifier: GPL-2.0 */
/* sigaltstack: SA_ONSTACK handlers run on it, the frame's uc_stack, EPERM
 * while on it, ENOMEM below MINSIGSTKSZ, EINVAL, SS_DISABLE,
 * SS_AUTODISARM; kept at fork, gone at exec and in a new thread. */
#include "t.h"
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <ucontext.h>

#ifndef SS_AUTODISARM
#define SS_AUTODISARM (1U << 31)
#endif

#define STK_SIZE 65536
static char stk[STK_SIZE] __attribute__((aligned(16)));
static volatile char *where;		/* the handler's frame */
static volatile char *nested_where;
static stack_t seen, uc_stack;	/* sigaltstack() in the handler; the frame's */
static int eperm, probe = 1;	/* probe: try to change it in the handler */

static int on_stk(volatile char *p)
{
	return p >= stk && p < stk + STK_SIZE;
}

static void nested(int sig)
{
	nested_where = __builtin_frame_address(0);
}

static void handler(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	stack_t try = { .ss_sp = stk, .ss_size = STK_SIZE };

	where = __builtin_frame_address(0);
	uc_stack = uc->uc_stack;
	sigaltstack(NULL, &seen);
	if (probe)
		eperm = sigaltstack(&try, NULL) == -1 && errno == EPERM;
	raise(SIGUSR2);		/* SA_ONSTACK too: further down the same stack */
}

static void install(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa = { .sa_sigaction = fn, .sa_flags = SA_SIGINFO | flags };

	sigaction(sig, &sa, NULL);
}

static void *thread_fn(void *arg)
{
	stack_t o;

	sigaltstack(NULL, &o);
	return (void *)(long)(o.ss_flags == SS_DISABLE);
}

int main(int argc, char **argv)
{
	stack_t ss = { .ss_sp = stk, .ss_size = STK_SIZE }, old;
	struct sigaction sa = { .sa_handler = nested, .sa_flags = SA_ONSTACK };
	pthread_t th;
	void *ret;
	int status;
	pid_t c;

	if (argc > 1) {		/* after exec: no altstack */
		sigaltstack(NULL, &old);
		return old.ss_flags == SS_DISABLE && old.ss_size == 0 ? 0 : 1;
	}
	CHECK(sigaltstack(NULL, &old) == 0 && old.ss_flags == SS_DISABLE, "none at first: %d",
	      old.ss_flags);
	ss.ss_size = 1024;
	CHECK(sigaltstack(&ss, NULL) == -1 && errno == ENOMEM, "below MINSIGSTKSZ: ENOMEM");
	ss.ss_size = STK_SIZE;
	ss.ss_flags = 5;
	CHECK(sigaltstack(&ss, NULL) == -1 && errno == EINVAL, "bad flags: EINVAL");
	ss.ss_flags = 0;
	CHECK(RAW(SYS_sigaltstack, (void *)8, NULL) == -EFAULT, "bad pointer: EFAULT");
	CHECK(sigaltstack(&ss, NULL) == 0, "set");
	CHECK(sigaltstack(NULL, &old) == 0 && old.ss_sp == stk && old.ss_size == STK_SIZE &&
	      old.ss_flags == 0, "read back: %p %zu %d", old.ss_sp, old.ss_size, old.ss_flags);

	sigaction(SIGUSR2, &sa, NULL);
	install(SIGUSR1, handler, SA_ONSTACK);
	raise(SIGUSR1);
	CHECK(on_stk(where), "SA_ONSTACK handler on the altstack: %p", where);
	CHECK(seen.ss_flags == SS_ONSTACK, "SS_ONSTACK inside: %d", seen.ss_flags);
	CHECK(eperm, "changing it while on it: EPERM");
	CHECK(uc_stack.ss_sp == stk && uc_stack.ss_size == STK_SIZE && uc_stack.ss_flags == 0,
	      "uc_stack: %p %zu %d", uc_stack.ss_sp, uc_stack.ss_size, uc_stack.ss_flags);
	CHECK(on_stk(nested_where) && nested_where < where, "nested handler below it on the altstack");
	CHECK(sigaltstack(NULL, &old) == 0 && old.ss_flags == 0, "off it after the handler");

	install(SIGUSR1, handler, 0);
	raise(SIGUSR1);
	CHECK(!on_stk(where), "without SA_ONSTACK: the normal stack");

	/* kept by fork, gone at exec, not in a new thread */
	c = fork();
	if (c == 0) {
		sigaltstack(NULL, &old);
		if (old.ss_sp != stk || old.ss_size != STK_SIZE)
			_exit(1);
		execl(argv[0], argv[0], "exec", NULL);
		_exit(2);
	}
	CHECK(waitpid(c, &status, 0) == c && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "fork keeps it, exec drops it: %#x", status);
	CHECK(pthread_create(&th, NULL, thread_fn, NULL) == 0 && pthread_join(th, &ret) == 0 &&
	      ret, "a new thread has none");

	/* SS_AUTODISARM: disarmed while the handler runs, back after */
	ss.ss_flags = SS_AUTODISARM;
	CHECK(sigaltstack(&ss, NULL) == 0, "SS_AUTODISARM");
	install(SIGUSR1, handler, SA_ONSTACK);
	probe = 0;
	raise(SIGUSR1);
	CHECK(on_stk(where) && seen.ss_flags == SS_DISABLE, "disarmed inside: %d", seen.ss_flags);
	CHECK(sigaltstack(NULL, &old) == 0 && old.ss_sp == stk && old.ss_flags == SS_AUTODISARM,
	      "back after: %d", old.ss_flags);

	ss.ss_flags = SS_DISABLE;
	CHECK(sigaltstack(&ss, NULL) == 0 && sigaltstack(NULL, &old) == 0 &&
	      old.ss_flags == SS_DISABLE && old.ss_size == 0, "SS_DISABLE");
	raise(SIGUSR1);
	CHECK(!on_stk(where), "disabled: the normal stack");
	return t_done("sigaltstack");
}
