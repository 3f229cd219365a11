// SPDX-License-Identifier: GPL-2.0
/*
 * The load averages, as Linux's kernel/sched/loadavg.c on one CPU:
 * every LOAD_FREQ ticks the number of runnable tasks is folded into
 * three exponentially decaying averages (1, 5, 15 minutes). Linux also
 * counts tasks in uninterruptible sleep; mmos does not track those, so
 * its averages count runnable tasks only (Documentation/time.md).
 */
#include <linux/kernel.h>
#include <linux/sched/loadavg.h>
#include <asm/irqflags.h>

/* avenrun[] and the next update: written only by the tick, so read
 * with interrupts off to see the three from one update. */
static unsigned long avenrun[3];
static unsigned long calc_load_update = LOAD_FREQ;

/* calc_load - one step of the decay: @load * e + @active * (1 - e),
 * rounded up while the load rises (Linux's). */
static unsigned long calc_load(unsigned long load, unsigned long exp, unsigned long active)
{
	unsigned long newload = load * exp + active * (FIXED_1 - exp);

	if (active >= load)
		newload += FIXED_1 - 1;
	return newload / FIXED_1;
}

/* get_avenrun - the three averages, plus @offset, shifted left by
 * @shift (sysinfo wants them in 16-bit fixed point). */
void get_avenrun(unsigned long *loads, unsigned long offset, int shift)
{
	unsigned long flags = arch_local_irq_save();

	loads[0] = (avenrun[0] + offset) << shift;
	loads[1] = (avenrun[1] + offset) << shift;
	loads[2] = (avenrun[2] + offset) << shift;
	arch_local_irq_restore(flags);
}

/* calc_global_load_tick - from the tick, with @nr_active runnable
 * tasks: fold them in once every LOAD_FREQ. */
void calc_global_load_tick(unsigned long nr_active)
{
	unsigned long active = nr_active * FIXED_1;

	if ((long)(jiffies - calc_load_update) < 0)
		return;
	avenrun[0] = calc_load(avenrun[0], EXP_1, active);
	avenrun[1] = calc_load(avenrun[1], EXP_5, active);
	avenrun[2] = calc_load(avenrun[2], EXP_15, active);
	calc_load_update += LOAD_FREQ;
}
