/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The CPU's time by kind and the system-wide counts /proc/stat shows
 * (Linux's <linux/kernel_stat.h>). One CPU: one kernel_cpustat.
 */
#ifndef _LINUX_KERNEL_STAT_H
#define _LINUX_KERNEL_STAT_H

#include <linux/types.h>

enum cpu_usage_stat {
	CPUTIME_USER,
	CPUTIME_NICE,
	CPUTIME_SYSTEM,
	CPUTIME_SOFTIRQ,
	CPUTIME_IRQ,
	CPUTIME_IDLE,
	CPUTIME_IOWAIT,
	CPUTIME_STEAL,
	CPUTIME_GUEST,
	CPUTIME_GUEST_NICE,
	NR_STATS,
};

/* Written only by the tick (interrupts off); read without a lock, as
 * Linux's kcpustat_cpu(): a reader may see one tick's worth stale. */
struct kernel_cpustat {
	u64 cpustat[NR_STATS];		/* ns */
	unsigned long ticks;		/* timer interrupts taken */
};

extern struct kernel_cpustat kcpustat;

/* kernel/sched/cputime.c: context switches since boot */
unsigned long long nr_context_switches(void);
/* kernel/fork.c: tasks made since boot */
unsigned long nr_total_forks(void);
/* kernel/sched/core.c: runnable tasks now */
unsigned long nr_running(void);

#endif
