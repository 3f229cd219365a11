/* SPDX-License-Identifier: GPL-2.0 */
/* A futex wait with a timeout never ends before it (LTP's
 * futex_wait_bitset01: Linux's hrtimer does not wake early): relative
 * FUTEX_WAIT, and FUTEX_WAIT_BITSET with an absolute CLOCK_MONOTONIC or
 * (FUTEX_CLOCK_REALTIME) CLOCK_REALTIME deadline; ETIMEDOUT after it,
 * EINVAL for a bad timespec, EAGAIN for a changed value. */
#include "t.h"
/* <linux/futex.h>'s, which musl's headers lack */
#define FUTEX_WAIT_PRIVATE		128
#define FUTEX_WAIT_BITSET_PRIVATE	(9 | 128)
#define FUTEX_CLOCK_REALTIME		256
#define FUTEX_BITSET_MATCH_ANY		0xffffffff
#include <time.h>

static long long ns_of(clockid_t c)
{
	struct timespec ts;

	clock_gettime(c, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static struct timespec ts_of(long long ns)
{
	return (struct timespec){ ns / 1000000000LL, ns % 1000000000LL };
}

int main(void)
{
	static const long ms[] = { 1, 7, 13, 25, 50, 100 };
	static int word;
	struct timespec ts;
	long long t0, dt, want;

	for (unsigned i = 0; i < sizeof(ms) / sizeof(ms[0]); i++) {
		want = ms[i] * 1000000LL;
		ts = ts_of(want);
		t0 = ns_of(CLOCK_MONOTONIC);
		CHECK(RAW(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 0, &ts, NULL, 0) == -ETIMEDOUT,
		      "relative %ld ms: ETIMEDOUT", ms[i]);
		dt = ns_of(CLOCK_MONOTONIC) - t0;
		CHECK(dt >= want, "relative %ld ms took %lld ns", ms[i], dt);

		t0 = ns_of(CLOCK_MONOTONIC);
		ts = ts_of(t0 + want);
		CHECK(RAW(SYS_futex, &word, FUTEX_WAIT_BITSET_PRIVATE, 0, &ts, NULL,
			  FUTEX_BITSET_MATCH_ANY) == -ETIMEDOUT, "monotonic %ld ms", ms[i]);
		dt = ns_of(CLOCK_MONOTONIC) - t0;
		CHECK(dt >= want, "absolute monotonic %ld ms took %lld ns", ms[i], dt);

		t0 = ns_of(CLOCK_REALTIME);
		ts = ts_of(t0 + want);
		CHECK(RAW(SYS_futex, &word, FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME, 0,
			  &ts, NULL, FUTEX_BITSET_MATCH_ANY) == -ETIMEDOUT, "realtime %ld ms", ms[i]);
		dt = ns_of(CLOCK_REALTIME) - t0;
		CHECK(dt >= want, "absolute realtime %ld ms took %lld ns", ms[i], dt);
	}
	ts = ts_of(ns_of(CLOCK_MONOTONIC) - 1000000);
	CHECK(RAW(SYS_futex, &word, FUTEX_WAIT_BITSET_PRIVATE, 0, &ts, NULL,
		  FUTEX_BITSET_MATCH_ANY) == -ETIMEDOUT, "a past deadline: at once");
	ts = (struct timespec){ 0, 1000000000L };
	CHECK(RAW(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 0, &ts, NULL, 0) == -EINVAL, "bad tv_nsec");
	ts = (struct timespec){ 1, 0 };
	CHECK(RAW(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 1, &ts, NULL, 0) == -EAGAIN, "changed value");
	return t_done("futex_timeout");
}
