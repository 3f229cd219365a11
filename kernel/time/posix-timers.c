// SPDX-License-Identifier: GPL-2.0
/*
 * clock_gettime, clock_settime, clock_getres and clock_nanosleep over
 * the clocks of <linux/timekeeping.h> and the CPU clocks
 * (posix-cpu-timers.c), as Linux's kernel/time/posix-timers.c. POSIX
 * interval timers (timer_create) are not there: -ENOSYS.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/hrtimer.h>
#include <linux/posix-timers.h>
#include <linux/syscalls.h>
#include <linux/timekeeping.h>

/* The resolutions: the monotonic clock counts nanoseconds (Linux's
 * hrtimer_resolution with high resolution on); the coarse clocks move
 * at the tick (LOW_RES_NSEC). */
#define HRTIMER_RES_NSEC	1
#define LOW_RES_NSEC		TICK_NSEC

static int posix_get_hrtimer_res(clockid_t which, struct timespec64 *tp)
{
	*tp = ns_to_timespec64(HRTIMER_RES_NSEC);
	return 0;
}

static int posix_get_coarse_res(clockid_t which, struct timespec64 *tp)
{
	*tp = ns_to_timespec64(LOW_RES_NSEC);
	return 0;
}

static int posix_get_realtime_timespec(clockid_t which, struct timespec64 *tp)
{
	*tp = ns_to_timespec64(ktime_get_real_ns());
	return 0;
}

static int posix_get_monotonic_timespec(clockid_t which, struct timespec64 *tp)
{
	*tp = ns_to_timespec64(ktime_get_ns());
	return 0;
}

static int posix_get_boottime_timespec(clockid_t which, struct timespec64 *tp)
{
	*tp = ns_to_timespec64(ktime_get_boottime_ns());
	return 0;
}

/* CLOCK_TAI: the wall clock plus the TAI offset, which is 0 until
 * adjtimex sets it (mmos has no adjtimex). */
static int posix_get_tai_timespec(clockid_t which, struct timespec64 *tp)
{
	*tp = ns_to_timespec64(ktime_get_real_ns());
	return 0;
}

static int posix_get_realtime_coarse(clockid_t which, struct timespec64 *tp)
{
	*tp = ns_to_timespec64(ktime_get_coarse_real_ns());
	return 0;
}

static int posix_get_monotonic_coarse(clockid_t which, struct timespec64 *tp)
{
	*tp = ns_to_timespec64(ktime_get_coarse_ns());
	return 0;
}

static int posix_clock_realtime_set(clockid_t which, const struct timespec64 *tp)
{
	return do_sys_settimeofday64(tp, NULL);
}

/*
 * common_nsleep - sleep on a clock that runs with the monotonic one:
 * *@t from now, or (TIMER_ABSTIME) until the clock reads *@t. An
 * absolute sleep on CLOCK_REALTIME is converted to the monotonic clock
 * once, at its start: a clock_settime() during it does not move it
 * (Linux's would; Documentation/time.md). An absolute sleep leaves
 * @rmtp alone.
 */
static long common_nsleep(clockid_t which, int flags, const struct timespec64 *t,
			  struct timespec64 __user *rmtp)
{
	u64 offset = 0, target, left;

	if (!(flags & TIMER_ABSTIME))
		return hrtimer_nanosleep(t, rmtp);
	if (which == CLOCK_REALTIME || which == CLOCK_TAI)
		offset = ktime_get_real_offset();
	target = timespec64_to_ns(t);
	if (target <= offset)	/* before the clock's boot value: now */
		return 0;
	return hrtimer_sleep_until(target - offset, &left);
}

static const struct k_clock clock_realtime = {
	.clock_getres = posix_get_hrtimer_res,
	.clock_get_timespec = posix_get_realtime_timespec,
	.clock_set = posix_clock_realtime_set,
	.nsleep = common_nsleep,
};

static const struct k_clock clock_monotonic = {
	.clock_getres = posix_get_hrtimer_res,
	.clock_get_timespec = posix_get_monotonic_timespec,
	.nsleep = common_nsleep,
};

static const struct k_clock clock_monotonic_raw = {
	.clock_getres = posix_get_hrtimer_res,
	.clock_get_timespec = posix_get_monotonic_timespec,
};

static const struct k_clock clock_realtime_coarse = {
	.clock_getres = posix_get_coarse_res,
	.clock_get_timespec = posix_get_realtime_coarse,
};

static const struct k_clock clock_monotonic_coarse = {
	.clock_getres = posix_get_coarse_res,
	.clock_get_timespec = posix_get_monotonic_coarse,
};

static const struct k_clock clock_tai = {
	.clock_getres = posix_get_hrtimer_res,
	.clock_get_timespec = posix_get_tai_timespec,
	.nsleep = common_nsleep,
};

static const struct k_clock clock_boottime = {
	.clock_getres = posix_get_hrtimer_res,
	.clock_get_timespec = posix_get_boottime_timespec,
	.nsleep = common_nsleep,
};

/* The alarm clocks (8, 9) need the RTC's alarm; with none, Linux
 * rejects them with -EINVAL as any unknown clock. */
static const struct k_clock *const posix_clocks[MAX_CLOCKS] = {
	[CLOCK_REALTIME]		= &clock_realtime,
	[CLOCK_MONOTONIC]		= &clock_monotonic,
	[CLOCK_PROCESS_CPUTIME_ID]	= &clock_process,
	[CLOCK_THREAD_CPUTIME_ID]	= &clock_thread,
	[CLOCK_MONOTONIC_RAW]		= &clock_monotonic_raw,
	[CLOCK_REALTIME_COARSE]		= &clock_realtime_coarse,
	[CLOCK_MONOTONIC_COARSE]	= &clock_monotonic_coarse,
	[CLOCK_BOOTTIME]		= &clock_boottime,
	[CLOCK_TAI]			= &clock_tai,
};

/* clockid_to_kclock - the clock of @id, or NULL: a negative id is a
 * CPU clock of some task, or (low bits CLOCKFD) a clock device's fd,
 * which mmos has none of. */
static const struct k_clock *clockid_to_kclock(const clockid_t id)
{
	if (id < 0)
		return (id & CLOCKFD_MASK) == CLOCKFD ? NULL : &clock_posix_cpu;
	if (id >= MAX_CLOCKS)
		return NULL;
	return posix_clocks[id];
}

SYSCALL_DEFINE2(clock_gettime, const clockid_t, which, struct timespec64 __user *, tp)
{
	const struct k_clock *kc = clockid_to_kclock(which);
	struct timespec64 ts;
	int err;

	if (!kc)
		return -EINVAL;
	err = kc->clock_get_timespec(which, &ts);
	if (!err && copy_to_user(tp, &ts, sizeof(ts)))
		err = -EFAULT;
	return err;
}

/* clock_settime - only CLOCK_REALTIME can be set (-EINVAL for the
 * others, -EPERM for the CPU clocks, as Linux); the time is read
 * before the permission is checked. */
SYSCALL_DEFINE2(clock_settime, const clockid_t, which, const struct timespec64 __user *, tp)
{
	const struct k_clock *kc = clockid_to_kclock(which);
	struct timespec64 ts;

	if (!kc || !kc->clock_set)
		return -EINVAL;
	if (copy_from_user(&ts, tp, sizeof(ts)))
		return -EFAULT;
	return kc->clock_set(which, &ts);
}

/* clock_getres - the clock's resolution; a NULL @tp only asks whether
 * the clock exists. */
SYSCALL_DEFINE2(clock_getres, const clockid_t, which, struct timespec64 __user *, tp)
{
	const struct k_clock *kc = clockid_to_kclock(which);
	struct timespec64 ts;
	int err;

	if (!kc)
		return -EINVAL;
	err = kc->clock_getres(which, &ts);
	if (!err && tp && copy_to_user(tp, &ts, sizeof(ts)))
		err = -EFAULT;
	return err;
}

/* clock_nanosleep - Linux's checks in Linux's order; flags other than
 * TIMER_ABSTIME are ignored, as there. */
SYSCALL_DEFINE4(clock_nanosleep, const clockid_t, which, int, flags,
		const struct timespec64 __user *, rqtp, struct timespec64 __user *, rmtp)
{
	const struct k_clock *kc = clockid_to_kclock(which);
	struct timespec64 t;

	if (!kc)
		return -EINVAL;
	if (!kc->nsleep)
		return -EOPNOTSUPP;
	if (copy_from_user(&t, rqtp, sizeof(t)))
		return -EFAULT;
	if (!timespec64_valid(&t))
		return -EINVAL;
	if (flags & TIMER_ABSTIME)
		rmtp = NULL;
	return kc->nsleep(which, flags, &t, rmtp);
}
