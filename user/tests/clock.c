/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The clocks: CLOCK_REALTIME comes from the RTC (a date after 2020, the
 * same as time() and gettimeofday()); the monotonic, boot and coarse
 * clocks agree with each other; resolutions are Linux's; the CPU-time
 * clocks count CPU time, not sleep, for this thread, this process and
 * another process; clock_settime/settimeofday refuse what Linux
 * refuses (EINVAL, EPERM without CAP_SYS_TIME in an unprivileged child,
 * EFAULT), and in mmos really set the wall clock; clock_nanosleep with
 * TIMER_ABSTIME and its errors.
 */
#include "t.h"
#include <signal.h>
#include <sys/time.h>
#include <sys/wait.h>

#define MS	1000000LL

static long long ts_ns(const struct timespec *ts)
{
	return ts->tv_sec * 1000000000LL + ts->tv_nsec;
}

static long long clock_ns(clockid_t c)
{
	struct timespec ts = { -1, -1 };

	CHECK(RAW(SYS_clock_gettime, c, &ts) == 0, "clock %d", (int)c);
	return ts_ns(&ts);
}

static long res_ns(clockid_t c)
{
	struct timespec ts = { -1, -1 };
	long r = RAW(SYS_clock_getres, c, &ts);

	return r ? r : ts.tv_sec * 1000000000L + ts.tv_nsec;
}

/* spin_cpu - use @ns of CPU time (at most 20 s of wall time). */
static void spin_cpu(long long ns)
{
	struct timespec ts;
	long long start, wall = t_now_ns();

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	start = ts_ns(&ts);
	do
		clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	while (ts_ns(&ts) - start < ns && t_now_ns() - wall < 20000 * MS);
}

static void test_wall_clock(void)
{
	long long rt = clock_ns(CLOCK_REALTIME);
	struct timeval tv;
	struct timezone tz = { 12345, 678 };
	time_t t = 0, r;

	time_t secs = rt / 1000000000LL;
	struct tm tm;
	char date[32];

	/* tests/run.sh's rtc_base boot looks for this line */
	strftime(date, sizeof(date), "%Y-%m-%d", gmtime_r(&secs, &tm));
	printf("clock: wall clock %s\n", date);
	CHECK(rt / 1000000000LL > 1577836800LL && rt / 1000000000LL < 4102444800LL,
	      "realtime %lld s is not between 2020 and 2100", rt / 1000000000LL);
	r = time(&t);
	CHECK(r == t && r >= rt / 1000000000LL && r - rt / 1000000000LL <= 2, "time %ld", (long)r);
	CHECK(RAW(SYS_time, (void *)8) == -EFAULT, "time(bad)");
	CHECK(RAW(SYS_gettimeofday, &tv, &tz) == 0, "gettimeofday");
	CHECK(tv.tv_sec - rt / 1000000000LL <= 2 && tv.tv_usec < 1000000, "%ld.%ld", (long)tv.tv_sec, (long)tv.tv_usec);
	CHECK(tz.tz_minuteswest != 12345, "the time zone was not written");
	CHECK(RAW(SYS_gettimeofday, (void *)8, NULL) == -EFAULT, "gettimeofday(bad)");
	CHECK(RAW(SYS_gettimeofday, NULL, (void *)8) == -EFAULT, "gettimeofday(, bad)");
	CHECK(RAW(SYS_gettimeofday, NULL, NULL) == 0, "gettimeofday(NULL, NULL)");
}

static void test_monotonic_clocks(void)
{
	long long m0 = clock_ns(CLOCK_MONOTONIC), raw = clock_ns(CLOCK_MONOTONIC_RAW);
	long long boot = clock_ns(CLOCK_BOOTTIME), m1 = clock_ns(CLOCK_MONOTONIC);
	long long cm = clock_ns(CLOCK_MONOTONIC_COARSE), m2 = clock_ns(CLOCK_MONOTONIC);
	long long cr = clock_ns(CLOCK_REALTIME_COARSE), rt = clock_ns(CLOCK_REALTIME);
	long long tai = clock_ns(CLOCK_TAI);

	CHECK(m0 > 0 && m1 >= m0 && boot >= m0, "mono %lld %lld boot %lld", m0, m1, boot);
	CHECK(raw > 0 && raw - m1 < 1000 * MS && m1 - raw < 1000 * MS, "raw %lld mono %lld", raw, m1);
	CHECK(cm <= m2 && m2 - cm < 50 * MS, "coarse %lld mono %lld", cm, m2);
	CHECK(cr <= rt && rt - cr < 50 * MS, "coarse real %lld real %lld", cr, rt);
	CHECK(tai >= rt && tai - rt < 100LL * 1000000000LL, "tai %lld real %lld", tai, rt);
	t_sleep_ms(30);
	CHECK(clock_ns(CLOCK_MONOTONIC_COARSE) > cm, "the coarse clock did not move in 30 ms");
}

static void test_resolutions(void)
{
	clockid_t fine[] = { CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW, CLOCK_BOOTTIME,
			     CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID, CLOCK_TAI };
	long coarse = res_ns(CLOCK_MONOTONIC_COARSE);

	for (unsigned i = 0; i < sizeof(fine) / sizeof(fine[0]); i++)
		CHECK(res_ns(fine[i]) == 1, "clock %d res %ld", (int)fine[i], res_ns(fine[i]));
	CHECK(coarse >= 1000000 && coarse <= 10000000, "coarse res %ld", coarse);
	CHECK(res_ns(CLOCK_REALTIME_COARSE) == coarse, "realtime coarse res");
	CHECK(RAW(SYS_clock_getres, CLOCK_MONOTONIC, NULL) == 0, "getres(NULL)");
	CHECK(RAW(SYS_clock_getres, CLOCK_MONOTONIC, (void *)8) == -EFAULT, "getres(bad)");
	CHECK(res_ns(-8) == 10000000 || res_ns(-8) == 4000000 || res_ns(-8) == 1000000 ||
	      res_ns(-8) == 3333334, "PROF clock res %ld", res_ns(-8));
	for (int c = 10; c <= 16; c += 2)
		CHECK(res_ns(c) == -EINVAL, "getres(%d)", c);
	CHECK(res_ns(-5) == -EINVAL, "getres of a clock fd that is not open");
}

static void test_bad_clocks(void)
{
	struct timespec ts;

	CHECK(RAW(SYS_clock_gettime, 10, &ts) == -EINVAL, "clock 10");
	CHECK(RAW(SYS_clock_gettime, 16, &ts) == -EINVAL, "clock 16");
	CHECK(RAW(SYS_clock_gettime, 1000, &ts) == -EINVAL, "clock 1000");
	CHECK(RAW(SYS_clock_gettime, -5, &ts) == -EINVAL, "clock fd -5");
	CHECK(RAW(SYS_clock_gettime, CLOCK_MONOTONIC, NULL) == -EFAULT, "NULL");
	CHECK(RAW(SYS_clock_gettime, CLOCK_REALTIME, (void *)8) == -EFAULT, "bad");
	CHECK(RAW(SYS_clock_gettime, CLOCK_THREAD_CPUTIME_ID, (void *)8) == -EFAULT, "bad");
}

/* CPU time counts running, not sleeping; the process's includes the
 * thread's; another process's clock can be read by its pid. */
static void test_cpu_clocks(void)
{
	long long w0 = t_now_ns(), pr0 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
	long long th0 = clock_ns(CLOCK_THREAD_CPUTIME_ID), th1, pr1, w1;
	clockid_t cid;
	struct timespec ts;
	pid_t child;
	int st;

	spin_cpu(100 * MS);
	th1 = clock_ns(CLOCK_THREAD_CPUTIME_ID);
	pr1 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
	w1 = t_now_ns();
	CHECK(th1 - th0 >= 100 * MS, "thread CPU %lld ns", th1 - th0);
	CHECK(pr1 >= th1 && pr1 - pr0 >= th1 - th0, "process %lld thread %lld", pr1, th1);
	CHECK(th1 - th0 <= w1 - w0 + 10 * MS, "more CPU (%lld) than wall time (%lld)", th1 - th0, w1 - w0);
	t_sleep_ms(200);
	CHECK(clock_ns(CLOCK_THREAD_CPUTIME_ID) - th1 < 50 * MS, "a sleep counted as CPU time");
	CHECK(clock_getcpuclockid(getpid(), &cid) == 0 && clock_ns(cid) >= pr1, "own pid's clock");
	CHECK(RAW(SYS_clock_gettime, (~0 << 3) | 6, &ts) == 0, "own thread clock by pid 0");
	child = fork();
	if (child == 0) {
		spin_cpu(400 * MS);
		_exit(0);
	}
	t_sleep_ms(50);
	CHECK(clock_getcpuclockid(child, &cid) == 0, "child's clock id");
	ts.tv_sec = 0;
	ts.tv_nsec = 50 * MS;
	/* sleep until the child has used another 50 ms of CPU */
	{
		long long c0 = clock_ns(cid);

		CHECK(clock_nanosleep(cid, 0, &ts, NULL) == 0, "sleep on the child's CPU clock");
		CHECK(clock_ns(cid) - c0 >= 50 * MS, "woke after %lld ns of child CPU", clock_ns(cid) - c0);
	}
	CHECK(RAW(SYS_clock_gettime, (~child << 3) | 6, &ts) == -EINVAL, "another process's thread clock");
	CHECK(RAW(SYS_clock_gettime, (~99999 << 3) | 2, &ts) == -EINVAL, "no such pid");
	CHECK(RAW(SYS_clock_gettime, (~0 << 3) | 3, &ts) == -EINVAL, "CPU clock 3");
	waitpid(child, &st, 0);
}

/* settimeofday/clock_settime: errors everywhere; success only in mmos
 * (never the host's clock). */
static void test_settime(void)
{
	struct timespec ts = { 1700000000, 0 }, bad = { 1700000000, 1000000000 };
	struct timeval tv = { 1700000000, 1000001 };
	struct timezone tz = { 16 * 60, 0 };
	pid_t child;
	int st;

	CHECK(RAW(SYS_clock_settime, CLOCK_MONOTONIC, &ts) == -EINVAL, "set MONOTONIC");
	CHECK(RAW(SYS_clock_settime, CLOCK_BOOTTIME, &ts) == -EINVAL, "set BOOTTIME");
	CHECK(RAW(SYS_clock_settime, CLOCK_PROCESS_CPUTIME_ID, &ts) == -EINVAL, "set PROCESS");
	CHECK(RAW(SYS_clock_settime, 10, &ts) == -EINVAL, "set 10");
	CHECK(RAW(SYS_clock_settime, (~0 << 3) | 2, &ts) == -EPERM, "set a CPU clock by pid");
	CHECK(RAW(SYS_clock_settime, CLOCK_REALTIME, (void *)8) == -EFAULT, "set bad");
	CHECK(RAW(SYS_clock_settime, CLOCK_REALTIME, &bad) == -EINVAL, "set tv_nsec 1e9");
	bad.tv_sec = -1;
	bad.tv_nsec = 0;
	CHECK(RAW(SYS_clock_settime, CLOCK_REALTIME, &bad) == -EINVAL, "set -1 s");
	CHECK(RAW(SYS_settimeofday, &tv, NULL) == -EINVAL, "tv_usec 1000001");
	CHECK(RAW(SYS_settimeofday, (void *)8, NULL) == -EFAULT, "settimeofday(bad)");
	CHECK(RAW(SYS_settimeofday, NULL, (void *)8) == -EFAULT, "settimeofday(, bad)");
	CHECK(RAW(SYS_settimeofday, NULL, &tz) == -EINVAL, "a zone 16 h west");
	child = fork();
	if (child == 0) {
		tv.tv_usec = 0;
		if (setuid(65534))
			_exit(2);
		_exit(RAW(SYS_settimeofday, &tv, NULL) == -EPERM &&
		      RAW(SYS_clock_settime, CLOCK_REALTIME, &ts) == -EPERM &&
		      RAW(SYS_clock_settime, CLOCK_REALTIME, &bad) == -EINVAL &&
		      RAW(SYS_settimeofday, NULL, &tz) == -EPERM ? 0 : 1);
	}
	CHECK(waitpid(child, &st, 0) == child && st == 0, "unprivileged set: status %#x", st);
	if (t_free_pages() >= 0) {	/* mmos: the success path */
		long long before = clock_ns(CLOCK_REALTIME), mono = clock_ns(CLOCK_MONOTONIC);
		struct timespec back;

		ts.tv_sec = 1900000000;
		CHECK(RAW(SYS_clock_settime, CLOCK_REALTIME, &ts) == 0, "set 2030");
		CHECK(clock_ns(CLOCK_REALTIME) / 1000000000LL == 1900000000LL, "did not set");
		CHECK(time(NULL) == 1900000000, "time() after the set");
		CHECK(clock_ns(CLOCK_MONOTONIC) - mono < 1000 * MS, "monotonic jumped");
		tv.tv_sec = 1800000000;
		tv.tv_usec = 500000;
		CHECK(RAW(SYS_settimeofday, &tv, NULL) == 0, "settimeofday");
		CHECK(clock_ns(CLOCK_REALTIME) / 100000000LL == 18000000005LL, "settimeofday did not set");
		back.tv_sec = before / 1000000000LL + 1;
		back.tv_nsec = 0;
		CHECK(RAW(SYS_clock_settime, CLOCK_REALTIME, &back) == 0, "set back");
	}
}

static void test_nanosleep(void)
{
	struct timespec ts, bad = { 0, 1000000000 };
	long long t0, t1;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	t0 = ts_ns(&ts);
	ts.tv_nsec += 20 * MS;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	CHECK(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == 0, "abs mono");
	t1 = clock_ns(CLOCK_MONOTONIC);
	CHECK(t1 >= ts_ns(&ts) && t1 - t0 >= 20 * MS, "woke early: %lld", t1 - t0);
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += 0;
	ts.tv_nsec = ts.tv_nsec < 980 * MS ? ts.tv_nsec + 20 * MS : 999 * MS;
	CHECK(clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &ts, NULL) == 0, "abs real");
	CHECK(clock_ns(CLOCK_REALTIME) >= ts_ns(&ts), "abs real woke early");
	ts.tv_sec = 1;
	ts.tv_nsec = 0;
	CHECK(clock_nanosleep(CLOCK_BOOTTIME, TIMER_ABSTIME, &ts, NULL) == 0, "abs in the past");
	ts.tv_sec = 0;
	ts.tv_nsec = 1;
	CHECK(clock_nanosleep(CLOCK_PROCESS_CPUTIME_ID, TIMER_ABSTIME, &ts, NULL) == 0,
	      "abs CPU time in the past");
	ts.tv_sec = 0;
	ts.tv_nsec = MS;
	CHECK(RAW(SYS_clock_nanosleep, CLOCK_MONOTONIC, 6, &ts, NULL) == 0, "unknown flags ignored");
	CHECK(RAW(SYS_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0, &ts, NULL) == -EOPNOTSUPP, "thread clock");
	CHECK(RAW(SYS_clock_nanosleep, CLOCK_MONOTONIC_RAW, 0, &ts, NULL) == -EOPNOTSUPP, "raw");
	CHECK(RAW(SYS_clock_nanosleep, CLOCK_REALTIME_COARSE, 0, &ts, NULL) == -EOPNOTSUPP, "coarse");
	CHECK(RAW(SYS_clock_nanosleep, 10, 0, &ts, NULL) == -EINVAL, "clock 10");
	CHECK(RAW(SYS_clock_nanosleep, (~0 << 3) | 6, 0, &ts, NULL) == -EINVAL, "own thread by pid");
	CHECK(RAW(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &bad, NULL) == -EINVAL, "tv_nsec 1e9");
	CHECK(RAW(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, (void *)8, NULL) == -EFAULT, "bad");
}

int main(void)
{
	test_wall_clock();
	test_monotonic_clocks();
	test_resolutions();
	test_bad_clocks();
	test_cpu_clocks();
	test_settime();
	test_nanosleep();
	return t_done("clock");
}
