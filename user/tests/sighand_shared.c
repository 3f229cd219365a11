/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The signal actions are one sighand_struct shared by CLONE_SIGHAND
 * tasks: a sigaction() in one thread is what another thread's delivery
 * runs; a CLONE_VM|CLONE_SIGHAND process shares them too, until it
 * execs (exec gives it a private copy, handlers back to SIG_DFL, the
 * ignored kept); exec from a thread that is not the leader resets the
 * handlers and keeps the ignored signals. And rt_sigaction's order of
 * checks, as Linux's.
 */
#include "t.h"
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>

static char *self;
static volatile pid_t handled_by;
static volatile int handled_sig;

static void on_sig(int sig)
{
	handled_by = syscall(SYS_gettid);
	handled_sig = sig;
}

/* The kernel's struct sigaction, for raw rt_sigaction. */
struct ksa {
	void *handler;
	unsigned long flags;
	void *restorer;
	unsigned long mask;
};

static long raw_sigaction(int sig, const struct ksa *act, struct ksa *oact)
{
	return RAW(SYS_rt_sigaction, sig, act, oact, 8);
}

static void *set_handler_thread(void *arg)
{
	struct sigaction sa = { .sa_handler = on_sig };

	sigaction(SIGUSR1, &sa, NULL);
	signal(SIGUSR2, SIG_IGN);
	return NULL;
}

/* A thread's sigaction, made after the main thread exists, is the main
 * thread's: a signal to the main thread runs that handler there. */
static void test_thread_sees_sigaction(void)
{
	struct sigaction old;
	pthread_t t;

	signal(SIGUSR1, SIG_DFL);
	pthread_create(&t, NULL, set_handler_thread, NULL);
	pthread_join(t, NULL);
	CHECK(sigaction(SIGUSR1, NULL, &old) == 0 && old.sa_handler == on_sig,
	      "the thread's handler is not seen by the main thread");
	handled_by = 0;
	syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), SIGUSR1);
	CHECK(handled_by == syscall(SYS_gettid) && handled_sig == SIGUSR1,
	      "handler ran in %d for %d", (int)handled_by, handled_sig);
	/* the thread's SIG_IGN too: this would kill us otherwise */
	syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), SIGUSR2);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
}

static char stack[65536] __attribute__((aligned(16)));

static int clone_sets_handler(void *arg)
{
	struct ksa sa = { .handler = SIG_IGN };

	raw_sigaction(SIGTERM, &sa, NULL);
	return 0;
}

static int clone_execs(void *arg)
{
	char *args[] = { self, "vmexec", NULL };

	execv(self, args);
	return 90;
}

/* CLONE_VM|CLONE_SIGHAND without CLONE_THREAD: a process of its own
 * sharing the actions; its exec leaves the parent's handlers alone. */
static void test_clone_sighand_process(void)
{
	struct sigaction sa = { .sa_handler = on_sig }, old;
	int status = -1;
	pid_t pid;

	pid = clone(clone_sets_handler, stack + sizeof(stack),
		    CLONE_VM | CLONE_SIGHAND | SIGCHLD, NULL);
	CHECK(pid > 0, "clone: %s", strerror(errno));
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status), "status %#x", status);
	CHECK(sigaction(SIGTERM, NULL, &old) == 0 && old.sa_handler == SIG_IGN,
	      "the CLONE_SIGHAND child's SIG_IGN is not the parent's");
	signal(SIGTERM, SIG_DFL);

	sigaction(SIGUSR1, &sa, NULL);
	signal(SIGUSR2, SIG_IGN);
	pid = clone(clone_execs, stack + sizeof(stack),
		    CLONE_VM | CLONE_SIGHAND | CLONE_VFORK | SIGCHLD, NULL);
	CHECK(pid > 0, "clone: %s", strerror(errno));
	CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "vmexec image: status %#x", status);
	CHECK(sigaction(SIGUSR1, NULL, &old) == 0 && old.sa_handler == on_sig,
	      "the child's exec reset the parent's handler");
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
}

/* After exec: SIGUSR1 (handled before) is SIG_DFL with no flags or
 * mask, SIGUSR2 (ignored before) still SIG_IGN, with no flags. */
static int check_new_image(const char *name)
{
	struct ksa a, b;
	const char *st = t_read_file("/proc/self/status");

	CHECK(raw_sigaction(SIGUSR1, NULL, &a) == 0, "rt_sigaction");
	CHECK(a.handler == SIG_DFL && a.flags == 0 && a.mask == 0 && !a.restorer,
	      "SIGUSR1 after exec: %p %#lx %#lx", a.handler, a.flags, a.mask);
	CHECK(raw_sigaction(SIGUSR2, NULL, &b) == 0, "rt_sigaction");
	CHECK(b.handler == SIG_IGN && b.flags == 0 && b.mask == 0,
	      "SIGUSR2 after exec: %p %#lx %#lx", b.handler, b.flags, b.mask);
	/* what the runner ignores stays ignored too: look at our two bits */
	CHECK(st && strstr(st, "SigIgn:\t") && strstr(st, "SigCgt:\t"), "status: %s", st ? st : "(none)");
	CHECK(st && (strtoull(strstr(st, "SigIgn:\t") + 8, NULL, 16) & 0xa00) == 0x800 &&
	      !(strtoull(strstr(st, "SigCgt:\t") + 8, NULL, 16) & 0xa00), "status: %s", st ? st : "(none)");
	return t_done(name);
}

static void *thread_execs(void *arg)
{
	char *args[] = { self, "threadexec", NULL };

	execv(self, args);
	_exit(91);
}

/* exec from a thread that is not the leader: the handlers are reset for
 * the new image, the ignored signals stay ignored. */
static void test_exec_from_thread(void)
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		struct sigaction sa = { .sa_handler = on_sig, .sa_flags = SA_RESTART };
		pthread_t t;

		sigemptyset(&sa.sa_mask);
		sigaddset(&sa.sa_mask, SIGINT);
		sigaction(SIGUSR1, &sa, NULL);
		sa.sa_handler = SIG_IGN;
		sigaction(SIGUSR2, &sa, NULL);
		pthread_create(&t, NULL, thread_execs, NULL);
		for (;;)
			pause();
	}
	CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "threadexec image: status %#x",
	      status);
}

/* rt_sigaction checks in Linux's order: the set size, reading act, the
 * number, then writing oact (after the new action is in place). */
static void test_sigaction_errors(void)
{
	struct ksa sa = { .handler = on_sig }, old;

	CHECK(RAW(SYS_rt_sigaction, SIGUSR1, &sa, NULL, 4) == -EINVAL, "sigsetsize");
	CHECK(raw_sigaction(0, (void *)8, NULL) == -EFAULT, "bad act before bad number");
	CHECK(raw_sigaction(65, &sa, NULL) == -EINVAL, "65");
	CHECK(raw_sigaction(0, NULL, &old) == -EINVAL, "0");
	CHECK(raw_sigaction(SIGKILL, &sa, NULL) == -EINVAL, "SIGKILL");
	CHECK(raw_sigaction(SIGSTOP, &sa, NULL) == -EINVAL, "SIGSTOP");
	CHECK(raw_sigaction(SIGKILL, NULL, &old) == 0 && old.handler == SIG_DFL, "read SIGKILL");
	sa.mask = ~0UL;
	CHECK(raw_sigaction(SIGUSR1, &sa, (void *)8) == -EFAULT, "bad oact");
	CHECK(raw_sigaction(SIGUSR1, NULL, &old) == 0 && old.handler == on_sig,
	      "the action is set even though oact faulted");
	CHECK(old.mask == (~0UL & ~((1UL << (SIGKILL - 1)) | (1UL << (SIGSTOP - 1)))),
	      "mask %#lx: SIGKILL and SIGSTOP are dropped", old.mask);
	signal(SIGUSR1, SIG_DFL);
}

int main(int argc, char **argv)
{
	self = argv[0];
	if (argc == 2 && !strcmp(argv[1], "threadexec"))
		return check_new_image("sighand_shared (exec from a thread)");
	if (argc == 2 && !strcmp(argv[1], "vmexec"))
		return check_new_image("sighand_shared (exec from a CLONE_SIGHAND process)");
	test_thread_sees_sigaction();
	test_clone_sighand_process();
	test_exec_from_thread();
	test_sigaction_errors();
	return t_done("sighand_shared");
}
