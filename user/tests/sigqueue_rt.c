/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Real-time signals are queued: each send is one delivery, in order,
 * with its own siglinfo (si_value from sigqueue(3)), while a standard
 * signal sent twice merges; the standard ones are taken first, then the
 * real-time ones lowest number first. rt_sigqueueinfo and
 * rt_tgsigqueueinfo check as Linux's: EFAULT, EINVAL for bad ids, EPERM
 * for an si_code >= 0 or SI_TKILL to anyone but oneself (one's own
 * thread id), ESRCH.
 */
#include "t.h"
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <sys/wait.h>

#define RT1 (SIGRTMIN + 1)
#define RT3 (SIGRTMIN + 3)

static volatile int got_sig[16], got_val[16], got_code[16], ngot;

static void on_info(int sig, siginfo_t *si, void *uc)
{
	if (ngot < 16) {
		got_sig[ngot] = sig;
		got_val[ngot] = si->si_value.sival_int;
		got_code[ngot] = si->si_code;
		ngot++;
	}
}

/* on_info for @sig, every signal blocked while it runs: one handler
 * after the other, in the order they were taken. */
static void catch(int sig)
{
	struct sigaction sa = { .sa_sigaction = on_info, .sa_flags = SA_SIGINFO };

	sigfillset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static sigset_t block_all(void)
{
	sigset_t s, old;

	sigfillset(&s);
	sigprocmask(SIG_BLOCK, &s, &old);
	return old;
}

static int queue(pid_t pid, int sig, int val)
{
	union sigval v = { .sival_int = val };

	return sigqueue(pid, sig, v);
}

/* Two sigqueue()s of one real-time signal are two deliveries with their
 * values, in order; two kill()s of SIGUSR1 are one; two kill()s of a
 * real-time signal are two. */
static void test_queued_twice_merged_once(void)
{
	sigset_t old = block_all();

	catch(SIGUSR1);
	catch(RT1);
	ngot = 0;
	CHECK(queue(getpid(), RT1, 11) == 0, "sigqueue: %s", strerror(errno));
	CHECK(queue(getpid(), RT1, 22) == 0, "sigqueue: %s", strerror(errno));
	kill(getpid(), SIGUSR1);
	kill(getpid(), SIGUSR1);
	sigprocmask(SIG_SETMASK, &old, NULL);
	CHECK(ngot == 3, "%d deliveries, not 3", ngot);
	CHECK(got_sig[0] == SIGUSR1 && got_code[0] == SI_USER, "first %d code %d",
	      got_sig[0], got_code[0]);
	CHECK(got_sig[1] == RT1 && got_val[1] == 11 && got_code[1] == SI_QUEUE,
	      "second %d value %d code %d", got_sig[1], got_val[1], got_code[1]);
	CHECK(got_sig[2] == RT1 && got_val[2] == 22 && got_code[2] == SI_QUEUE,
	      "third %d value %d code %d", got_sig[2], got_val[2], got_code[2]);

	old = block_all();
	ngot = 0;
	kill(getpid(), RT1);
	kill(getpid(), RT1);
	sigprocmask(SIG_SETMASK, &old, NULL);
	CHECK(ngot == 2 && got_sig[0] == RT1 && got_sig[1] == RT1 && got_code[1] == SI_USER,
	      "two kill()s of a real-time signal: %d deliveries", ngot);
	signal(SIGUSR1, SIG_DFL);
	signal(RT1, SIG_DFL);
}

/* The standard signals first, then the real-time ones by number. */
static void test_order(void)
{
	sigset_t old = block_all();

	catch(SIGUSR2);
	catch(RT1);
	catch(RT3);
	ngot = 0;
	queue(getpid(), RT3, 3);
	queue(getpid(), RT1, 1);
	queue(getpid(), RT3, 33);
	kill(getpid(), SIGUSR2);
	sigprocmask(SIG_SETMASK, &old, NULL);
	CHECK(ngot == 4, "%d deliveries", ngot);
	CHECK(got_sig[0] == SIGUSR2 && got_sig[1] == RT1 && got_sig[2] == RT3 &&
	      got_sig[3] == RT3 && got_val[2] == 3 && got_val[3] == 33,
	      "order %d %d %d(%d) %d(%d)", got_sig[0], got_sig[1], got_sig[2], got_val[2],
	      got_sig[3], got_val[3]);
	signal(SIGUSR2, SIG_DFL);
	signal(RT1, SIG_DFL);
	signal(RT3, SIG_DFL);
}

/* sigwaitinfo takes them one by one, each with its value. */
static void test_sigwaitinfo_one_by_one(void)
{
	struct timespec zero = { 0, 0 };
	sigset_t old = block_all(), s;
	siginfo_t si;

	sigemptyset(&s);
	sigaddset(&s, RT1);
	for (int i = 1; i <= 3; i++)
		queue(getpid(), RT1, i);
	for (int i = 1; i <= 3; i++) {
		int r = sigwaitinfo(&s, &si);

		CHECK(r == RT1 && si.si_value.sival_int == i && si.si_code == SI_QUEUE &&
		      si.si_pid == getpid() && si.si_uid == getuid(),
		      "take %d: %d value %d code %d pid %d", i, r, si.si_value.sival_int,
		      si.si_code, (int)si.si_pid);
	}
	CHECK(sigtimedwait(&s, &si, &zero) < 0 && errno == EAGAIN, "a fourth");
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static long raw_sigqueueinfo(pid_t pid, int sig, int code, int val)
{
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	si.si_signo = sig;
	si.si_code = code;
	si.si_pid = getpid();
	si.si_uid = getuid();
	si.si_value.sival_int = val;
	return RAW(SYS_rt_sigqueueinfo, pid, sig, &si);
}

static long raw_tgsigqueueinfo(pid_t tgid, pid_t tid, int sig, int code, int val)
{
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	si.si_code = code;
	si.si_value.sival_int = val;
	return RAW(SYS_rt_tgsigqueueinfo, tgid, tid, sig, &si);
}

static volatile long thread_ret = 1;

static void *forge_from_thread(void *arg)
{
	/* the process's pid is not this thread's id: EPERM, as Linux's */
	thread_ret = raw_sigqueueinfo(getpid(), RT1, SI_USER, 0);
	return NULL;
}

/* The checks of rt_sigqueueinfo and rt_tgsigqueueinfo. */
static void test_sigqueueinfo_checks(void)
{
	sigset_t old = block_all(), s;
	pid_t tid = syscall(SYS_gettid), parent = getpid(), child;
	struct timespec zero = { 0, 0 };
	siginfo_t si;
	pthread_t t;
	int status = -1;

	CHECK(RAW(SYS_rt_sigqueueinfo, getpid(), RT1, (void *)8) == -EFAULT, "EFAULT");
	CHECK(RAW(SYS_rt_tgsigqueueinfo, 0, 0, RT1, (void *)8) == -EFAULT, "EFAULT first");
	CHECK(raw_tgsigqueueinfo(0, tid, RT1, SI_QUEUE, 0) == -EINVAL, "tgid 0");
	CHECK(raw_tgsigqueueinfo(getpid(), 0, RT1, SI_QUEUE, 0) == -EINVAL, "tid 0");
	CHECK(raw_sigqueueinfo(0x3fffffff, RT1, SI_QUEUE, 0) == -ESRCH, "no such process");
	CHECK(raw_tgsigqueueinfo(getpid(), 0x3fffffff, RT1, SI_QUEUE, 0) == -ESRCH, "no such thread");
	CHECK(raw_sigqueueinfo(getpid(), 65, SI_QUEUE, 0) == -EINVAL, "signal 65");
	/* to oneself any si_code goes */
	CHECK(raw_sigqueueinfo(getpid(), RT1, SI_USER, 1) == 0, "SI_USER to self");
	CHECK(raw_tgsigqueueinfo(getpid(), tid, RT1, SI_TKILL, 2) == 0, "SI_TKILL to self");
	CHECK(raw_tgsigqueueinfo(getpid(), tid, RT1, SI_QUEUE, 3) == 0, "SI_QUEUE to self");
	pthread_create(&t, NULL, forge_from_thread, NULL);
	pthread_join(t, NULL);
	CHECK(thread_ret == -EPERM, "SI_USER from another thread: %ld", thread_ret);
	child = fork();
	if (child == 0) {
		int bad = 0;

		bad |= raw_sigqueueinfo(parent, RT1, SI_USER, 0) != -EPERM;
		bad |= raw_sigqueueinfo(parent, RT1, 0x80 /* SI_KERNEL */, 0) != -EPERM;
		bad |= raw_sigqueueinfo(parent, RT1, SI_TKILL, 0) != -EPERM;
		bad |= raw_tgsigqueueinfo(parent, parent, RT1, SI_USER, 0) != -EPERM;
		bad |= raw_sigqueueinfo(parent, RT1, SI_QUEUE, 4) != 0;
		bad |= raw_tgsigqueueinfo(parent, parent, RT1, SI_QUEUE, 5) != 0;
		_exit(bad);
	}
	CHECK(waitpid(child, &status, 0) == child && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0, "the child's sends: status %#x", status);
	/* the thread's own (2, 3, 5: rt_tgsigqueueinfo) before the
	 * process's (1, 4), each in the order sent */
	sigemptyset(&s);
	sigaddset(&s, RT1);
	for (int i = 0; i < 5; i++) {
		static const int want[] = { 2, 3, 5, 1, 4 };
		long r = RAW(SYS_rt_sigtimedwait, &s, &si, &zero, 8);

		CHECK(r == RT1 && si.si_value.sival_int == want[i], "take %d: %ld value %d", i, r,
		      si.si_value.sival_int);
	}
	CHECK(RAW(SYS_rt_sigtimedwait, &s, &si, &zero, 8) == -EAGAIN, "a sixth");
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* make_timer - a one-shot timer signalling @sig with value @val to the
 * process in @ms milliseconds. */
static timer_t make_timer(int sig, int val, long ms)
{
	struct sigevent ev = { .sigev_notify = SIGEV_SIGNAL, .sigev_signo = sig };
	struct itimerspec its = { .it_value = { 0, ms * 1000000L } };
	timer_t id = 0;

	ev.sigev_value.sival_int = val;
	CHECK(timer_create(CLOCK_MONOTONIC, &ev, &id) == 0, "timer_create: %s", strerror(errno));
	CHECK(timer_settime(id, 0, &its, NULL) == 0, "timer_settime: %s", strerror(errno));
	return id;
}

/* Each POSIX timer queues its own signal (its own sigqueue, as Linux's):
 * two timers on one real-time signal are two deliveries with their
 * values, and a timer's standard signal comes beside a pending kill()
 * of the same signal, not merged into it. */
static void test_timers_queue_their_own(void)
{
	struct timespec zero = { 0, 0 };
	sigset_t old = block_all(), s;
	timer_t a, b, c;
	siginfo_t si;

	a = make_timer(RT1, 100, 10);
	b = make_timer(RT1, 200, 20);
	kill(getpid(), SIGUSR1);
	c = make_timer(SIGUSR1, 300, 10);
	t_sleep_ms(60);
	sigemptyset(&s);
	sigaddset(&s, RT1);
	sigaddset(&s, SIGUSR1);
	CHECK(sigtimedwait(&s, &si, &zero) == SIGUSR1 && si.si_code == SI_USER,
	      "the kill() first: code %d", si.si_code);
	CHECK(sigtimedwait(&s, &si, &zero) == SIGUSR1 && si.si_code == SI_TIMER &&
	      si.si_value.sival_int == 300, "then the timer's SIGUSR1: code %d value %d",
	      si.si_code, si.si_value.sival_int);
	CHECK(sigtimedwait(&s, &si, &zero) == RT1 && si.si_code == SI_TIMER &&
	      si.si_value.sival_int == 100, "timer a: code %d value %d", si.si_code,
	      si.si_value.sival_int);
	CHECK(sigtimedwait(&s, &si, &zero) == RT1 && si.si_code == SI_TIMER &&
	      si.si_value.sival_int == 200, "timer b: code %d value %d", si.si_code,
	      si.si_value.sival_int);
	CHECK(sigtimedwait(&s, &si, &zero) < 0 && errno == EAGAIN, "a fifth");
	/* (what becomes of a deleted timer's pending signal changed in
	 * Linux 6.13: not looked at) */
	timer_delete(a);
	timer_delete(b);
	timer_delete(c);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

int main(void)
{
	test_queued_twice_merged_once();
	test_order();
	test_sigwaitinfo_one_by_one();
	test_sigqueueinfo_checks();
	test_timers_queue_their_own();
	return t_done("sigqueue_rt");
}
