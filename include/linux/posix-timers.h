/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The POSIX clocks behind clock_gettime/getres/settime/nanosleep
 * (kernel/time/posix-timers.c, posix-cpu-timers.c): one struct k_clock
 * per clock id, as Linux's; a missing operation is what the clock does
 * not support (-EINVAL to set, -EOPNOTSUPP to sleep on).
 */
#ifndef _LINUX_POSIX_TIMERS_H
#define _LINUX_POSIX_TIMERS_H

#include <linux/types.h>
#include <linux/time64.h>
#include <linux/uaccess.h>

typedef int clockid_t;

#define CLOCK_REALTIME			0
#define CLOCK_MONOTONIC			1
#define CLOCK_PROCESS_CPUTIME_ID	2
#define CLOCK_THREAD_CPUTIME_ID		3
#define CLOCK_MONOTONIC_RAW		4
#define CLOCK_REALTIME_COARSE		5
#define CLOCK_MONOTONIC_COARSE		6
#define CLOCK_BOOTTIME			7
#define CLOCK_REALTIME_ALARM		8
#define CLOCK_BOOTTIME_ALARM		9
#define CLOCK_TAI			11
#define MAX_CLOCKS			16

#define TIMER_ABSTIME			0x01

/* A CPU clock id of another task: ~pid << 3 | per-thread bit | which. */
#define CPUCLOCK_PID(clock)		((pid_t)~((clock) >> 3))
#define CPUCLOCK_PERTHREAD(clock)	(((clock) & (clockid_t)CPUCLOCK_PERTHREAD_MASK) != 0)
#define CPUCLOCK_PERTHREAD_MASK		4
#define CPUCLOCK_WHICH(clock)		((clock) & (clockid_t)CPUCLOCK_CLOCK_MASK)
#define CPUCLOCK_CLOCK_MASK		3
#define CPUCLOCK_PROF			0
#define CPUCLOCK_VIRT			1
#define CPUCLOCK_SCHED			2
#define CPUCLOCK_MAX			3
#define CLOCKFD				CPUCLOCK_MAX
#define CLOCKFD_MASK			(CPUCLOCK_PERTHREAD_MASK | CPUCLOCK_CLOCK_MASK)

struct k_clock {
	int (*clock_getres)(const clockid_t which, struct timespec64 *tp);
	int (*clock_set)(const clockid_t which, const struct timespec64 *tp);
	int (*clock_get_timespec)(const clockid_t which, struct timespec64 *tp);
	long (*nsleep)(const clockid_t which, int flags, const struct timespec64 *t,
		       struct timespec64 __user *rmtp);
};

extern const struct k_clock clock_posix_cpu, clock_process, clock_thread;

#endif
