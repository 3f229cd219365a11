/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sleeps that end (the fuzzer's "sleeps practically forever"): 20,000
 * relative sleeps of 1 us (nanosleep and clock_nanosleep) finish in
 * seconds; 1 ms sleeps beside a spinning process finish and are never
 * short; a sleep cut by a signal reports the time it had left; huge
 * timeouts are not wrapped into short ones; bad ones are EINVAL.
 */
#include "t.h"
#include <limits.h>
#include <signal.h>
#include <sys/wait.h>

#define MS	1000000LL

static void on_usr1(int sig)
{
}

/* Every one of @n sleeps of @ns returns 0 and none is short; all of
 * them take less than @limit ns. */
static void sleep_loop(int n, long ns, long long limit, int use_clock)
{
	long long start = t_now_ns(), shortest = LLONG_MAX;
	int fails = 0;

	for (int i = 0; i < n; i++) {
		struct timespec ts = { 0, ns };
		long long t0 = t_now_ns();
		int r = use_clock ? clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, NULL) :
				    nanosleep(&ts, NULL);

		fails += r != 0;
		if (t_now_ns() - t0 < shortest)
			shortest = t_now_ns() - t0;
		if (t_now_ns() - start > limit)
			break;
	}
	CHECK(t_now_ns() - start <= limit, "%d sleeps of %ld ns (%s): over %lld ms",
	      n, ns, use_clock ? "clock_nanosleep" : "nanosleep", limit / MS);
	CHECK(fails == 0, "%d sleeps failed", fails);
	CHECK(shortest >= ns, "a sleep of %ld ns took only %lld ns", ns, shortest);
}

/* A sibling spins all the time: 1 ms sleeps still end. */
static void sleep_beside_spinner(void)
{
	pid_t spinner = fork();

	if (spinner == 0)
		for (;;)
			;
	sleep_loop(20, MS, 20000 * MS, 0);
	kill(spinner, SIGKILL);
	waitpid(spinner, NULL, 0);
}

/* Sleep @secs.@nsec s; a child sends SIGUSR1 after 100 ms. Returns the
 * nanosleep result, with the time left in *rem and the time slept in
 * *slept. */
static int interrupted_sleep(time_t secs, long nsec, struct timespec *rem,
			     long long *slept)
{
	struct timespec ts = { secs, nsec };
	pid_t parent = getpid(), kid = fork();
	long long t0;
	int r;

	if (kid == 0) {
		t_sleep_ms(100);
		kill(parent, SIGUSR1);
		_exit(0);
	}
	t0 = t_now_ns();
	r = nanosleep(&ts, rem);
	*slept = t_now_ns() - t0;
	waitpid(kid, NULL, 0);
	return r;
}

static void sleep_interrupted(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 };	/* no SA_RESTART */
	struct timespec rem = { -1, -1 };
	long long slept, left;
	int r;

	sigaction(SIGUSR1, &sa, NULL);
	r = interrupted_sleep(2, 0, &rem, &slept);
	left = rem.tv_sec * 1000000000LL + rem.tv_nsec;
	CHECK(r == -1 && errno == EINTR, "nanosleep: %d %s", r, strerror(errno));
	CHECK(left > 0 && left < 2000 * MS, "time left %lld ns", left);
	CHECK(slept + left >= 2000 * MS - MS && slept + left <= 2000 * MS + 500 * MS,
	      "slept %lld + left %lld ns is not the 2 s asked", slept, left);

	/* the largest timeout: still a sleep, and what is left is huge */
	r = interrupted_sleep(LONG_MAX, 999999999, &rem, &slept);
	CHECK(r == -1 && errno == EINTR, "LONG_MAX sleep: %d %s", r, strerror(errno));
	CHECK(rem.tv_sec > 1000000000L, "LONG_MAX sleep: %ld s left", (long)rem.tv_sec);
	signal(SIGUSR1, SIG_DFL);
}

static void bad_timeouts(void)
{
	struct timespec neg = { -1, 0 }, big_ns = { 0, 1000000000 }, minus_ns = { 0, -1 };

	CHECK(RAW(SYS_nanosleep, &neg, NULL) == -EINVAL, "tv_sec -1");
	CHECK(RAW(SYS_nanosleep, &big_ns, NULL) == -EINVAL, "tv_nsec 1e9");
	CHECK(RAW(SYS_nanosleep, &minus_ns, NULL) == -EINVAL, "tv_nsec -1");
	CHECK(RAW(SYS_nanosleep, (void *)16, NULL) == -EFAULT, "bad pointer");
	CHECK(RAW(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &neg, NULL) == -EINVAL,
	      "clock_nanosleep tv_sec -1");
	CHECK(RAW(SYS_clock_nanosleep, CLOCK_MONOTONIC, 2, &big_ns, NULL) == -EINVAL,
	      "clock_nanosleep flags 2");
}

/* An absolute sleep to a time already past returns at once. */
static void abs_past(void)
{
	struct timespec past = { 0, 1 };
	long long t0 = t_now_ns();

	CHECK(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &past, NULL) == 0, "abs");
	CHECK(t_now_ns() - t0 < 100 * MS, "a past absolute time slept %lld ns",
	      t_now_ns() - t0);
}

int main(void)
{
	sleep_loop(20000, 1000, 60000 * MS, 0);
	sleep_loop(20000, 1000, 60000 * MS, 1);
	sleep_beside_spinner();
	sleep_interrupted();
	bad_timeouts();
	abs_past();
	return t_done("nanosleep_tiny");
}
