// SPDX-License-Identifier: GPL-2.0
/*
 * The old time syscalls, as Linux's kernel/time/time.c: time,
 * gettimeofday, settimeofday (and the time zone it keeps, sys_tz), and
 * mktime64() for the clock drivers.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/timekeeping.h>

struct __kernel_old_timeval {
	long tv_sec, tv_usec;
};

struct timezone {
	int tz_minuteswest, tz_dsttime;
};

#define USEC_PER_SEC	1000000L
#define NSEC_PER_USEC	1000L
/* settimeofday leaves room for 30 years of uptime before KTIME_MAX */
#define TIME_UPTIME_SEC_MAX	(30LL * 365 * 24 * 3600)
#define TIME_SETTOD_SEC_MAX	(KTIME_SEC_MAX - TIME_UPTIME_SEC_MAX)

/* The time zone settimeofday() was given, which gettimeofday() reports
 * back: nothing in the kernel uses it (as in Linux, where it is only
 * for FAT and the RTC). Written only by settimeofday. */
static struct timezone sys_tz;

/*
 * mktime64 - seconds since 1970-01-01 00:00:00 UTC of a date and time
 * (Gauss's algorithm, as Linux's: March is month 1 of the shifted year
 * so that the leap day falls last). @mon is 1..12.
 */
s64 mktime64(unsigned int year, unsigned int mon, unsigned int day,
	     unsigned int hour, unsigned int min, unsigned int sec)
{
	if (0 >= (int)(mon -= 2)) {	/* 1..12 -> 11,12,1..10 */
		mon += 12;
		year -= 1;
	}
	return ((((s64)(year / 4 - year / 100 + year / 400 + 367 * mon / 12 + day) +
		  year * 365 - 719499) * 24 + hour) * 60 + min) * 60 + sec;
}

SYSCALL_DEFINE1(time, s64 __user *, tloc)
{
	s64 i = ktime_get_real_seconds();

	if (tloc && put_user(i, tloc))
		return -EFAULT;
	return i;
}

SYSCALL_DEFINE2(gettimeofday, struct __kernel_old_timeval __user *, tv,
		struct timezone __user *, tz)
{
	if (tv) {
		u64 ns = ktime_get_real_ns();
		struct __kernel_old_timeval v = {
			ns / NSEC_PER_SEC, (ns % NSEC_PER_SEC) / NSEC_PER_USEC
		};

		if (copy_to_user(tv, &v, sizeof(v)))
			return -EFAULT;
	}
	if (tz && copy_to_user(tz, &sys_tz, sizeof(sys_tz)))
		return -EFAULT;
	return 0;
}

/* timespec64_valid_settod - a time settimeofday() accepts. */
static bool timespec64_valid_settod(const struct timespec64 *ts)
{
	return timespec64_valid(ts) && ts->tv_sec < TIME_SETTOD_SEC_MAX;
}

/*
 * do_sys_settimeofday64 - set the wall clock and/or the time zone, in
 * Linux's order: an invalid time is -EINVAL, then without CAP_SYS_TIME
 * -EPERM, then a zone beyond +-15 hours -EINVAL.
 */
int do_sys_settimeofday64(const struct timespec64 *tv, const struct timezone *tz)
{
	if (tv && !timespec64_valid_settod(tv))
		return -EINVAL;
	if (!capable(CAP_SYS_TIME))
		return -EPERM;
	if (tz) {
		if (tz->tz_minuteswest > 15 * 60 || tz->tz_minuteswest < -15 * 60)
			return -EINVAL;
		sys_tz = *tz;
	}
	return tv ? do_settimeofday64(tv) : 0;
}

SYSCALL_DEFINE2(settimeofday, struct __kernel_old_timeval __user *, tv,
		struct timezone __user *, tz)
{
	struct timespec64 new_ts;
	struct timezone new_tz;

	if (tv) {
		if (get_user(new_ts.tv_sec, &tv->tv_sec) ||
		    get_user(new_ts.tv_nsec, &tv->tv_usec))
			return -EFAULT;
		if (new_ts.tv_nsec > USEC_PER_SEC || new_ts.tv_nsec < 0)
			return -EINVAL;
		new_ts.tv_nsec *= NSEC_PER_USEC;
	}
	if (tz && copy_from_user(&new_tz, tz, sizeof(*tz)))
		return -EFAULT;
	return do_sys_settimeofday64(tv ? &new_ts : NULL, tz ? &new_tz : NULL);
}
