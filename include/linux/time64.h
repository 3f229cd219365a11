/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Time in nanoseconds, as the syscalls take it (struct timespec64), with
 * conversions that saturate instead of wrapping: a timeout a user makes
 * as large as they like becomes "practically forever", never a small
 * or negative number (Linux's KTIME_MAX rule).
 */
#ifndef _LINUX_TIME64_H
#define _LINUX_TIME64_H

#include <linux/types.h>
#include <linux/jiffies.h>

struct timespec64 {
	long tv_sec, tv_nsec;
};

#define NSEC_PER_SEC	1000000000LL
#define TICK_NSEC	(NSEC_PER_SEC / HZ)
#define KTIME_MAX	((s64)(~0ULL >> 1))
#define KTIME_SEC_MAX	(KTIME_MAX / NSEC_PER_SEC)

/* The most ticks a timer may be set ahead: expiry comparisons are
 * signed differences of jiffies, so half the range (Linux's value). */
#define MAX_JIFFY_OFFSET	((long)((~0UL >> 1) >> 1) - 1)

/* timespec64_valid - a time a syscall accepts: tv_sec >= 0, tv_nsec in
 * [0, 1 s). */
static inline bool timespec64_valid(const struct timespec64 *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 && ts->tv_nsec < NSEC_PER_SEC;
}

/* timespec64_to_ns - @ts (valid) in nanoseconds, KTIME_MAX at most. */
/* timespec64_compare - <0, 0 or >0 as @a is before, at or after @b. */
static inline int timespec64_compare(const struct timespec64 *a,
				     const struct timespec64 *b)
{
	if (a->tv_sec != b->tv_sec)
		return a->tv_sec < b->tv_sec ? -1 : 1;
	return a->tv_nsec < b->tv_nsec ? -1 : a->tv_nsec > b->tv_nsec;
}

static inline s64 timespec64_to_ns(const struct timespec64 *ts)
{
	if (ts->tv_sec >= KTIME_SEC_MAX)
		return KTIME_MAX;
	return ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

static inline struct timespec64 ns_to_timespec64(u64 ns)
{
	return (struct timespec64){ ns / NSEC_PER_SEC, ns % NSEC_PER_SEC };
}

/* ktime_add_safe - @a + @b (both >= 0) without wrapping past KTIME_MAX. */
static inline u64 ktime_add_safe(u64 a, u64 b)
{
	return b > (u64)KTIME_MAX - a ? (u64)KTIME_MAX : a + b;
}

/* nsecs_to_jiffies_timeout - ticks that cover @ns (rounded up), capped
 * at MAX_JIFFY_OFFSET. */
static inline long nsecs_to_jiffies_timeout(u64 ns)
{
	u64 ticks = ns / TICK_NSEC + (ns % TICK_NSEC != 0);

	return ticks > (u64)MAX_JIFFY_OFFSET ? MAX_JIFFY_OFFSET : (long)ticks;
}

#endif
