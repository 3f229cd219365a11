// SPDX-License-Identifier: GPL-2.0
/* clock_gettime, nanosleep, clock_nanosleep. */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/syscalls.h>

struct timespec64 {
	long tv_sec, tv_nsec;
};

#define CLOCK_REALTIME		0
#define CLOCK_MONOTONIC		1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID	3
#define CLOCK_MONOTONIC_RAW	4
#define CLOCK_REALTIME_COARSE	5
#define CLOCK_MONOTONIC_COARSE	6
#define CLOCK_BOOTTIME		7
#define NSEC_PER_SEC		1000000000ULL

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

static long do_nanosleep(const struct timespec64 __user *rqtp,
			 struct timespec64 __user *rmtp)
{
	struct timespec64 t;
	u64 ns, end;
	long ticks;

	if (copy_from_user(&t, rqtp, sizeof(t)))
		return -EFAULT;
	if (t.tv_sec < 0 || t.tv_nsec < 0 || t.tv_nsec >= (long)NSEC_PER_SEC)
		return -EINVAL;
	ns = t.tv_sec * NSEC_PER_SEC + t.tv_nsec;
	end = local_clock() + ns;
	while (local_clock() < end) {
		if (signal_pending(current)) {
			u64 left = end - local_clock();

			t.tv_sec = left / NSEC_PER_SEC;
			t.tv_nsec = left % NSEC_PER_SEC;
			if (rmtp && copy_to_user(rmtp, &t, sizeof(t)))
				return -EFAULT;
			return -EINTR;
		}
		ticks = (end - local_clock()) / (NSEC_PER_SEC / HZ) + 1;
		set_current_state(TASK_INTERRUPTIBLE);
		schedule_timeout(ticks);
	}
	return 0;
}

SYSCALL_DEFINE2(nanosleep, const struct timespec64 __user *, rqtp,
		struct timespec64 __user *, rmtp)
{
	return do_nanosleep(rqtp, rmtp);
}

SYSCALL_DEFINE4(clock_nanosleep, int, which, int, flags,
		const struct timespec64 __user *, rqtp, struct timespec64 __user *, rmtp)
{
	if (which != CLOCK_REALTIME && which != CLOCK_MONOTONIC && which != CLOCK_BOOTTIME)
		return -EINVAL;
	if (flags & ~1)
		return -EINVAL;
	if (flags) {	/* TIMER_ABSTIME: sleep until the clock reads *rqtp */
		struct timespec64 t;
		u64 now = local_clock(), target;

		if (copy_from_user(&t, rqtp, sizeof(t)))
			return -EFAULT;
		if (t.tv_sec < 0 || t.tv_nsec < 0 || t.tv_nsec >= (long)NSEC_PER_SEC)
			return -EINVAL;
		if (which == CLOCK_REALTIME)
			now += boot_wall_seconds * NSEC_PER_SEC;
		target = t.tv_sec * NSEC_PER_SEC + t.tv_nsec;
		while (local_clock() + (which == CLOCK_REALTIME ?
			boot_wall_seconds * NSEC_PER_SEC : 0) < target) {
			if (signal_pending(current))
				return -EINTR;
			set_current_state(TASK_INTERRUPTIBLE);
			schedule_timeout(1);
		}
		(void)now;
		return 0;
	}
	return do_nanosleep(rqtp, rmtp);
}
