// SPDX-License-Identifier: GPL-2.0
/*
 * Sleeps on the monotonic clock, and nanosleep(2). mmos has no
 * high-resolution timer interrupt; what Linux's hrtimers give a sleep
 * is made here of the tick and, within the last tick, of polling the
 * clock (see hrtimer_sleep_until()).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/hrtimer.h>
#include <linux/posix-timers.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/timekeeping.h>

/*
 * hrtimer_sleep_until - sleep until the monotonic clock reads @end
 * (saturated, never wrapped). Whole ticks are slept on a timer; the
 * last part of a tick polls the clock, yielding the CPU to anyone
 * runnable, since the tick is the only timer interrupt (so a 1 us sleep
 * takes microseconds, not a tick). The clock is read once per round, so
 * "not yet" and "how long still" agree. Returns 0, or -EINTR with *left
 * set if a signal came.
 */
long hrtimer_sleep_until(u64 end, u64 *left)
{
	u64 now;

	while ((now = ktime_get_ns()) < end) {
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

/*
 * do_nanosleep - sleep until the monotonic clock reads @restart's
 * deadline. If a signal comes first, the time left goes to its rmtp (if
 * any: -EFAULT if that write faults), and the sleep is to go on where it
 * was if no handler runs (Linux's do_nanosleep): -ERESTART_RESTARTBLOCK
 * with @restart set to hrtimer_nanosleep_restart. Returns 0 at the end.
 */
static long do_nanosleep(struct restart_block *restart)
{
	struct timespec64 rem;
	u64 left;

	if (!hrtimer_sleep_until(restart->nanosleep.expires, &left))
		return 0;
	if (restart->nanosleep.rmtp) {
		rem = ns_to_timespec64(left);
		if (copy_to_user(restart->nanosleep.rmtp, &rem, sizeof(rem)))
			return -EFAULT;
	}
	return set_restart_fn(restart, hrtimer_nanosleep_restart);
}

/* hrtimer_nanosleep_restart - restart_syscall(2) of an interrupted
 * relative sleep: on to the same deadline. */
long hrtimer_nanosleep_restart(struct restart_block *restart)
{
	return do_nanosleep(restart);
}

/* hrtimer_nanosleep - a relative sleep of *@t (valid) on @clockid (one
 * that runs with the monotonic clock); after a signal the time left goes
 * to @rmtp (if given), as Linux's nanosleep reports it, and if no
 * handler runs the sleep goes on to the same deadline. Returns 0,
 * -ERESTART_RESTARTBLOCK (-EINTR to a handler), or -EFAULT if @rmtp is
 * bad. */
long hrtimer_nanosleep(const struct timespec64 *t, struct timespec64 __user *rmtp,
		       int clockid)
{
	struct restart_block *restart = &current->restart_block;

	restart->nanosleep.clockid = clockid;
	restart->nanosleep.rmtp = rmtp;
	restart->nanosleep.expires = ktime_add_safe(ktime_get_ns(), timespec64_to_ns(t));
	return do_nanosleep(restart);
}

SYSCALL_DEFINE2(nanosleep, const struct timespec64 __user *, rqtp,
		struct timespec64 __user *, rmtp)
{
	struct timespec64 t;

	if (copy_from_user(&t, rqtp, sizeof(t)))
		return -EFAULT;
	if (!timespec64_valid(&t))
		return -EINVAL;
	return hrtimer_nanosleep(&t, rmtp, CLOCK_MONOTONIC);
}
