// SPDX-License-Identifier: GPL-2.0
/* clock_gettime, nanosleep, clock_nanosleep. */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/time64.h>

#define CLOCK_REALTIME		0
#define CLOCK_MONOTONIC		1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID	3
#define CLOCK_MONOTONIC_RAW	4
#define CLOCK_REALTIME_COARSE	5
#define CLOCK_MONOTONIC_COARSE	6
#define CLOCK_BOOTTIME		7

u64 boot_wall_seconds;	/* set from the RTC at boot */

SYSCALL_DEFINE2(clock_gettime, int, which, struct timespec64 __user *, tp)
{
	u64 ns = local_clock();
	struct timespec64 ts;

	switch (which) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		ns += boot_wall_seconds * NSEC_PER_SEC;
		break;
	case CLOCK_MONOTONIC: case CLOCK_MONOTONIC_RAW: case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME: case CLOCK_PROCESS_CPUTIME_ID: case CLOCK_THREAD_CPUTIME_ID:
		break;
	default:
		return -EINVAL;
	}
	ts.tv_sec = ns / NSEC_PER_SEC;
	ts.tv_nsec = ns % NSEC_PER_SEC;
	return copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

/*
 * sleep_until - sleep until local_clock() reads @end (saturated, never
 * wrapped). Whole ticks are slept on a timer; the last part of a tick
 * polls the clock, yielding the CPU to anyone runnable, since the tick
 * is the only timer interrupt (so a 1 us sleep takes microseconds, not
 * a tick). The clock is read once per round, so "not yet" and "how long
 * still" agree. Returns 0, or -EINTR with *left set if a signal came.
 */
static long sleep_until(u64 end, u64 *left)
{
	u64 now;

	while ((now = local_clock()) < end) {
		if (signal_pending(current)) {
			*left = end - now;
			return -EINTR;
		}
		if (end - now >= TICK_NSEC) {
			set_current_state(TASK_INTERRUPTIBLE);
			schedule_timeout(nsecs_to_jiffies_timeout(end - now) - 1);
		} else {
			schedule();	/* TASK_RUNNING: a yield */
		}
	}
	return 0;
}

/* do_nanosleep - a relative sleep of *@rqtp; after a signal the time
 * left goes to @rmtp (if given), as Linux's nanosleep reports it. */
static long do_nanosleep(const struct timespec64 __user *rqtp,
			 struct timespec64 __user *rmtp)
{
	struct timespec64 t;
	u64 left;
	long ret;

	if (copy_from_user(&t, rqtp, sizeof(t)))
		return -EFAULT;
	if (!timespec64_valid(&t))
		return -EINVAL;
	ret = sleep_until(ktime_add_safe(local_clock(), timespec64_to_ns(&t)), &left);
	if (ret == -EINTR && rmtp) {
		t = ns_to_timespec64(left);
		if (copy_to_user(rmtp, &t, sizeof(t)))
			return -EFAULT;
	}
	return ret;
}

SYSCALL_DEFINE2(nanosleep, const struct timespec64 __user *, rqtp,
		struct timespec64 __user *, rmtp)
{
	return do_nanosleep(rqtp, rmtp);
}

#define TIMER_ABSTIME	1

/* clock_nanosleep - a relative sleep, or (TIMER_ABSTIME) one until
 * clock @which reads *@rqtp; an absolute sleep reports no time left. */
SYSCALL_DEFINE4(clock_nanosleep, int, which, int, flags,
		const struct timespec64 __user *, rqtp, struct timespec64 __user *, rmtp)
{
	struct timespec64 t;
	u64 offset = 0, target, left;

	if (which != CLOCK_REALTIME && which != CLOCK_MONOTONIC && which != CLOCK_BOOTTIME)
		return -EINVAL;
	if (flags & ~TIMER_ABSTIME)
		return -EINVAL;
	if (!(flags & TIMER_ABSTIME))
		return do_nanosleep(rqtp, rmtp);
	if (copy_from_user(&t, rqtp, sizeof(t)))
		return -EFAULT;
	if (!timespec64_valid(&t))
		return -EINVAL;
	if (which == CLOCK_REALTIME)
		offset = boot_wall_seconds * NSEC_PER_SEC;
	target = timespec64_to_ns(&t);
	if (target <= offset)	/* before the clock's boot value: now */
		return 0;
	return sleep_until(target - offset, &left);
}
