/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A process's pending signals (kill) and a thread's own (tgkill) are two
 * sets, as Linux's shared_pending and pending: kill() goes to a thread
 * that does not block it; while every thread blocks it, it stays pending
 * for the process (every thread's rt_sigpending sees it, /proc shows it
 * in ShdPnd, any thread's sigwaitinfo takes it); a tgkill is pending for
 * that thread alone (SigPnd); a thread takes its own signals before its
 * process's; setting SIG_IGN discards a pending one; a fatal signal ends
 * every thread.
 */
#include "t.h"
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>

static volatile pid_t handled_by;
static volatile int order[8], norder;
static pid_t main_tid;

static void on_sig(int sig)
{
	handled_by = syscall(SYS_gettid);
	if (norder < 8)
		order[norder++] = sig;
}

/* on_sig for @sig, with every other signal blocked while it runs: so
 * each handler runs after the one before returned (Linux would stack a
 * second frame on the first otherwise), and the order is the order the
 * signals were taken in. */
static void catch_in_order(int sig)
{
	struct sigaction sa = { .sa_handler = on_sig };

	sigfillset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static pid_t gettid_(void)
{
	return syscall(SYS_gettid);
}

static void block(int sig, int how)
{
	sigset_t s;

	sigemptyset(&s);
	sigaddset(&s, sig);
	pthread_sigmask(how, &s, NULL);
}

static int is_pending(int sig)
{
	sigset_t s;

	sigpending(&s);
	return sigismember(&s, sig);
}

/* The SigPnd or ShdPnd line of /proc/self/task/@tid/status. */
static unsigned long long status_set(pid_t tid, const char *field)
{
	char path[64];
	const char *st, *f;

	snprintf(path, sizeof(path), "/proc/self/task/%d/status", (int)tid);
	st = t_read_file(path);
	f = st ? strstr(st, field) : NULL;
	return f ? strtoull(f + strlen(field), NULL, 16) : ~0ULL;
}

static volatile int stop_waiting;

/* A thread that takes SIGUSR1 (it does not block it) until told. */
static void *unblocked_thread(void *arg)
{
	block(SIGUSR1, SIG_UNBLOCK);
	*(pid_t *)arg = gettid_();
	while (!stop_waiting)
		t_sleep_ms(5);
	return NULL;
}

/* kill() to the process while the main thread blocks it: the thread
 * that does not block it runs the handler. */
static void test_kill_goes_to_unblocking_thread(void)
{
	volatile pid_t tid = 0;
	pthread_t t;

	signal(SIGUSR1, on_sig);
	block(SIGUSR1, SIG_BLOCK);
	stop_waiting = 0;
	handled_by = 0;
	pthread_create(&t, NULL, unblocked_thread, (void *)&tid);
	while (!tid)
		t_sleep_ms(1);
	kill(getpid(), SIGUSR1);
	for (int i = 0; i < 200 && !handled_by; i++)
		t_sleep_ms(5);
	CHECK(handled_by == tid, "SIGUSR1 handled by %d, not the thread %d",
	      (int)handled_by, (int)tid);
	CHECK(!is_pending(SIGUSR1), "still pending for the main thread");
	stop_waiting = 1;
	pthread_join(t, NULL);
	block(SIGUSR1, SIG_UNBLOCK);
	signal(SIGUSR1, SIG_DFL);
}

static volatile int step;
static volatile int thread_saw_pending, thread_took;
static siginfo_t thread_info;

/* Blocks everything the main thread does; looks at what is pending for
 * it when told, then takes SIGUSR2 with sigwaitinfo. */
static void *blocked_thread(void *arg)
{
	sigset_t s;

	*(pid_t *)arg = gettid_();
	while (step < 1)
		t_sleep_ms(1);
	thread_saw_pending = is_pending(SIGUSR2);
	sigemptyset(&s);
	sigaddset(&s, SIGUSR2);
	thread_took = sigwaitinfo(&s, &thread_info);
	return NULL;
}

/* kill() while every thread blocks it: pending for the process, seen by
 * every thread, taken by the thread that waits for it. */
static void test_kill_all_blocked_stays_shared(void)
{
	volatile pid_t tid = 0;
	pthread_t t;

	block(SIGUSR2, SIG_BLOCK);
	step = 0;
	pthread_create(&t, NULL, blocked_thread, (void *)&tid);
	while (!tid)
		t_sleep_ms(1);
	kill(getpid(), SIGUSR2);
	CHECK(is_pending(SIGUSR2), "not pending for the main thread");
	CHECK(status_set(main_tid, "ShdPnd:\t") & (1ULL << (SIGUSR2 - 1)),
	      "ShdPnd %llx", status_set(main_tid, "ShdPnd:\t"));
	CHECK(status_set(tid, "ShdPnd:\t") & (1ULL << (SIGUSR2 - 1)),
	      "the thread's ShdPnd %llx", status_set(tid, "ShdPnd:\t"));
	CHECK(!(status_set(main_tid, "SigPnd:\t") & (1ULL << (SIGUSR2 - 1))) &&
	      !(status_set(tid, "SigPnd:\t") & (1ULL << (SIGUSR2 - 1))),
	      "in a thread's own set (SigPnd)");
	step = 1;
	pthread_join(t, NULL);
	CHECK(thread_saw_pending, "the other thread's rt_sigpending does not see it");
	CHECK(thread_took == SIGUSR2, "sigwaitinfo in the thread: %d", thread_took);
	CHECK(thread_info.si_code == SI_USER && thread_info.si_pid == getpid(),
	      "si_code %d si_pid %d", thread_info.si_code, (int)thread_info.si_pid);
	CHECK(!is_pending(SIGUSR2), "still pending after the thread took it");
	block(SIGUSR2, SIG_UNBLOCK);
}

static volatile int tgkill_thread_pending = -1, tgkill_thread_wait = 0;

static void *peek_thread(void *arg)
{
	struct timespec zero = { 0, 0 };
	sigset_t s;

	tgkill_thread_pending = is_pending(SIGUSR2);
	sigemptyset(&s);
	sigaddset(&s, SIGUSR2);
	tgkill_thread_wait = sigtimedwait(&s, NULL, &zero) < 0 ? -errno : 0;
	return NULL;
}

/* tgkill to one thread: pending for it alone. */
static void test_tgkill_pending_only_there(void)
{
	siginfo_t si;
	sigset_t s;
	pthread_t t;

	block(SIGUSR2, SIG_BLOCK);
	syscall(SYS_tgkill, getpid(), main_tid, SIGUSR2);
	CHECK(is_pending(SIGUSR2), "not pending for the thread it was sent to");
	CHECK(status_set(main_tid, "SigPnd:\t") & (1ULL << (SIGUSR2 - 1)), "SigPnd %llx",
	      status_set(main_tid, "SigPnd:\t"));
	CHECK(!(status_set(main_tid, "ShdPnd:\t") & (1ULL << (SIGUSR2 - 1))), "ShdPnd %llx",
	      status_set(main_tid, "ShdPnd:\t"));
	pthread_create(&t, NULL, peek_thread, NULL);
	pthread_join(t, NULL);
	CHECK(tgkill_thread_pending == 0, "another thread sees it pending");
	CHECK(tgkill_thread_wait == -EAGAIN, "another thread's sigtimedwait took it: %d",
	      tgkill_thread_wait);
	sigemptyset(&s);
	sigaddset(&s, SIGUSR2);
	/* raw: glibc's sigwaitinfo reports SI_TKILL as SI_USER */
	CHECK(syscall(SYS_rt_sigtimedwait, &s, &si, NULL, 8) == SIGUSR2 && si.si_code == SI_TKILL &&
	      si.si_pid == getpid(), "sigwaitinfo: code %d pid %d", si.si_code, (int)si.si_pid);
	block(SIGUSR2, SIG_UNBLOCK);
}

/* The thread's own signals come before its process's, whatever their
 * numbers; and setting SIG_IGN discards a pending signal. */
static void test_own_before_shared_and_ign(void)
{
	sigset_t s, old;

	catch_in_order(SIGUSR1);
	catch_in_order(SIGUSR2);
	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	sigaddset(&s, SIGUSR2);
	sigprocmask(SIG_BLOCK, &s, &old);
	kill(getpid(), SIGUSR1);			/* the process's */
	syscall(SYS_tgkill, getpid(), main_tid, SIGUSR2);	/* this thread's */
	norder = 0;
	sigprocmask(SIG_SETMASK, &old, NULL);
	CHECK(norder == 2 && order[0] == SIGUSR2 && order[1] == SIGUSR1,
	      "order: %d signals, %d then %d", norder, order[0], order[1]);

	sigprocmask(SIG_BLOCK, &s, &old);
	kill(getpid(), SIGUSR1);
	syscall(SYS_tgkill, getpid(), main_tid, SIGUSR1);
	CHECK(is_pending(SIGUSR1), "not pending");
	signal(SIGUSR1, SIG_IGN);
	CHECK(!is_pending(SIGUSR1), "SIG_IGN left it pending");
	signal(SIGUSR1, on_sig);
	norder = 0;
	sigprocmask(SIG_SETMASK, &old, NULL);
	CHECK(norder == 0, "%d signals delivered after SIG_IGN discarded them", norder);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
}

static void *sleeper(void *arg)
{
	for (;;)
		pause();
	return NULL;
}

/* A fatal signal to the process ends every thread, even when the thread
 * that takes it is not the one that blocks it not. */
static void test_fatal_kills_all(void)
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		pthread_t t;

		pthread_create(&t, NULL, sleeper, NULL);
		pthread_create(&t, NULL, sleeper, NULL);
		block(SIGTERM, SIG_BLOCK);	/* the main thread blocks it */
		for (;;)
			pause();
	}
	t_sleep_ms(50);
	kill(pid, SIGTERM);
	CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM, "status %#x", status);
}

int main(void)
{
	main_tid = gettid_();
	test_kill_goes_to_unblocking_thread();
	test_kill_all_blocked_stays_shared();
	test_tgkill_pending_only_there();
	test_own_before_shared_and_ign();
	test_fatal_kills_all();
	return t_done("sigpending_shared");
}
