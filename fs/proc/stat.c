// SPDX-License-Identifier: GPL-2.0
/* /proc/stat: the CPU's time by kind, and the system's counts. */
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/timekeeping.h>
#include "internal.h"

#define NSEC_PER_USER_HZ	10000000ULL	/* USER_HZ 100 */

/* procs_blocked - tasks in an uninterruptible sleep now. */
static unsigned long procs_blocked(void)
{
	struct task_struct *p;
	unsigned long flags, n = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &tasklist, tasks)
		if (!p->exit_state && (READ_ONCE(p->__state) & TASK_UNINTERRUPTIBLE) &&
		    !(READ_ONCE(p->__state) & __TASK_STOPPED))
			n++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return n;
}

/* show_cpu - "NAME user nice system idle iowait irq softirq steal guest
 * guest_nice", in USER_HZ ticks. */
static void show_cpu(struct seq_buf *s, const char *name, const u64 *t)
{
	static const int order[] = {
		CPUTIME_USER, CPUTIME_NICE, CPUTIME_SYSTEM, CPUTIME_IDLE,
		CPUTIME_IOWAIT, CPUTIME_IRQ, CPUTIME_SOFTIRQ, CPUTIME_STEAL,
		CPUTIME_GUEST, CPUTIME_GUEST_NICE,
	};

	seq_printf(s, "%s", name);
	for (unsigned int i = 0; i < ARRAY_SIZE(order); i++)
		seq_printf(s, " %llu", (unsigned long long)(t[order[i]] / NSEC_PER_USER_HZ));
	seq_printf(s, "\n");
}

/*
 * stat_proc_show - Linux's format: "cpu" (the sum) and "cpu0", intr (the
 * total first: mmos counts its timer interrupts only), ctxt, btime (the
 * wall clock at boot, seconds), processes (forks), procs_running,
 * procs_blocked, softirq.
 */
int stat_proc_show(struct seq_buf *s, struct task_struct *task)
{
	u64 t[NR_STATS];
	u64 btime = (ktime_get_real_ns() - ktime_get_boottime_ns()) / 1000000000ULL;
	unsigned long ticks = READ_ONCE(kcpustat.ticks);

	for (int i = 0; i < NR_STATS; i++)
		t[i] = READ_ONCE(kcpustat.cpustat[i]);
	show_cpu(s, "cpu ", t);
	show_cpu(s, "cpu0", t);
	seq_printf(s, "intr %lu %lu\nctxt %llu\nbtime %llu\nprocesses %lu\n",
		   ticks, ticks, nr_context_switches(), (unsigned long long)btime,
		   nr_total_forks());
	seq_printf(s, "procs_running %lu\nprocs_blocked %lu\nsoftirq 0 0 0 0 0 0 0 0 0 0 0\n",
		   nr_running() + 1, procs_blocked());
	return 0;
}
