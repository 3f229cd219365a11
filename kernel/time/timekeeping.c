// SPDX-License-Identifier: GPL-2.0
/*
 * Timekeeping: the clocks every time syscall reads
 * (<linux/timekeeping.h>, Documentation/time.md). The monotonic clock is
 * the target's local_clock(); the wall clock is that plus an offset set
 * once from the persistent clock (the CMOS RTC on x86) and changed only
 * by settimeofday()/clock_settime(). The tick records both at each
 * update_wall_time(), which is what the coarse clocks return.
 */
#include <linux/kernel.h>
#include <linux/arch.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>

/*
 * struct timekeeper - Linux's name; far smaller. timekeeper_lock
 * (irqsave: the tick takes it) must be held when using these:
 */
static struct timekeeper {
	u64 offs_real;		/* CLOCK_REALTIME - CLOCK_MONOTONIC, ns */
	u64 coarse_mono;	/* CLOCK_MONOTONIC at the last tick */
} tk_core;
static DEFINE_SPINLOCK(timekeeper_lock);

/* ktime_get_ns - CLOCK_MONOTONIC: nanoseconds since boot. */
u64 ktime_get_ns(void)
{
	return local_clock();
}

/* ktime_get_boottime_ns - CLOCK_BOOTTIME: monotonic plus time spent
 * suspended, which on mmos is always none. */
u64 ktime_get_boottime_ns(void)
{
	return local_clock();
}

/* ktime_get_real_offset - the wall clock's offset from the monotonic. */
u64 ktime_get_real_offset(void)
{
	unsigned long flags;
	u64 off;

	spin_lock_irqsave(&timekeeper_lock, flags);
	off = tk_core.offs_real;
	spin_unlock_irqrestore(&timekeeper_lock, flags);
	return off;
}

/* ktime_get_real_ns - CLOCK_REALTIME: nanoseconds since the epoch. */
u64 ktime_get_real_ns(void)
{
	unsigned long flags;
	u64 ns;

	/* read under the lock, so a concurrent settimeofday() is seen
	 * whole: the offset and the clock belong to the same instant */
	spin_lock_irqsave(&timekeeper_lock, flags);
	ns = local_clock() + tk_core.offs_real;
	spin_unlock_irqrestore(&timekeeper_lock, flags);
	return ns;
}

/* ktime_get_real_seconds - CLOCK_REALTIME's seconds (time(2)). */
s64 ktime_get_real_seconds(void)
{
	return ktime_get_real_ns() / NSEC_PER_SEC;
}

/* ktime_get_coarse_ns - CLOCK_MONOTONIC_COARSE: as of the last tick. */
u64 ktime_get_coarse_ns(void)
{
	unsigned long flags;
	u64 ns;

	spin_lock_irqsave(&timekeeper_lock, flags);
	ns = tk_core.coarse_mono;
	spin_unlock_irqrestore(&timekeeper_lock, flags);
	return ns;
}

/* ktime_get_coarse_real_ns - CLOCK_REALTIME_COARSE: the last tick's
 * wall time (with the offset as it is now, as Linux's xtime is). */
u64 ktime_get_coarse_real_ns(void)
{
	unsigned long flags;
	u64 ns;

	spin_lock_irqsave(&timekeeper_lock, flags);
	ns = tk_core.coarse_mono + tk_core.offs_real;
	spin_unlock_irqrestore(&timekeeper_lock, flags);
	return ns;
}

/*
 * do_settimeofday64 - set CLOCK_REALTIME to @ts (valid, checked by the
 * caller). The monotonic clocks do not move. Returns 0, or -EINVAL for
 * a time before boot would be (the offset cannot be negative; Linux
 * refuses times that make wall_to_monotonic positive the same way).
 */
int do_settimeofday64(const struct timespec64 *ts)
{
	u64 want = timespec64_to_ns(ts);
	unsigned long flags;
	u64 now;

	spin_lock_irqsave(&timekeeper_lock, flags);
	now = local_clock();
	if (want < now) {
		spin_unlock_irqrestore(&timekeeper_lock, flags);
		return -EINVAL;
	}
	tk_core.offs_real = want - now;
	spin_unlock_irqrestore(&timekeeper_lock, flags);
	return 0;
}

/* update_wall_time - from the tick: the coarse clocks move on. */
void update_wall_time(void)
{
	unsigned long flags;

	spin_lock_irqsave(&timekeeper_lock, flags);
	tk_core.coarse_mono = local_clock();
	spin_unlock_irqrestore(&timekeeper_lock, flags);
}

/* timekeeping_init - at boot, before the tick starts: the wall clock
 * from the persistent clock, and a first coarse reading. */
void timekeeping_init(void)
{
	struct timespec64 ts;

	read_persistent_clock64(&ts);
	if (ts.tv_sec < 0 || !timespec64_valid(&ts))
		ts.tv_sec = ts.tv_nsec = 0;
	tk_core.coarse_mono = local_clock();
	tk_core.offs_real = ktime_add_safe(timespec64_to_ns(&ts), 0);
	if (tk_core.offs_real >= tk_core.coarse_mono)
		tk_core.offs_real -= tk_core.coarse_mono;
	else
		tk_core.offs_real = 0;
}
