/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The system clocks (kernel/time/timekeeping.c), in nanoseconds:
 *   monotonic    local_clock(): since boot, never set, never jumps
 *   boot         monotonic plus the time suspended (mmos never suspends)
 *   real         monotonic plus offs_real, the wall-clock offset that
 *                the RTC gives at boot and settimeofday() changes
 *   coarse       the same clocks as they read at the last tick
 * See Documentation/time.md.
 */
#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H

#include <linux/types.h>
#include <linux/time64.h>

u64 ktime_get_ns(void);
u64 ktime_get_boottime_ns(void);
u64 ktime_get_real_ns(void);
u64 ktime_get_coarse_ns(void);
u64 ktime_get_coarse_real_ns(void);
u64 ktime_get_real_offset(void);
s64 ktime_get_real_seconds(void);
int do_settimeofday64(const struct timespec64 *ts);
void timekeeping_init(void);
void update_wall_time(void);

/* Provided by each target (<linux/arch.h>): the battery-backed clock,
 * read once at boot; tv_sec 0 if there is none. */
void read_persistent_clock64(struct timespec64 *ts);

/* kernel/time/time.c */
struct timezone;
int do_sys_settimeofday64(const struct timespec64 *tv, const struct timezone *tz);
s64 mktime64(unsigned int year, unsigned int mon, unsigned int day,
	     unsigned int hour, unsigned int min, unsigned int sec);

#endif
