/* SPDX-License-Identifier: GPL-2.0 */
/* The load averages (kernel/sched/loadavg.c), Linux's fixed point. */
#ifndef _LINUX_SCHED_LOADAVG_H
#define _LINUX_SCHED_LOADAVG_H

#include <linux/jiffies.h>

#define FSHIFT		11		/* bits of precision */
#define FIXED_1		(1 << FSHIFT)	/* 1.0 */
#define LOAD_FREQ	(5 * HZ + 1)	/* every 5 s */
#define EXP_1		1884		/* 1/exp(5s/1min) */
#define EXP_5		2014		/* 1/exp(5s/5min) */
#define EXP_15		2037		/* 1/exp(5s/15min) */

void get_avenrun(unsigned long *loads, unsigned long offset, int shift);
void calc_global_load_tick(unsigned long nr_active);

#endif
