// SPDX-License-Identifier: GPL-2.0
/* /proc/loadavg: the three load averages, runnable/all tasks, last pid. */
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/sched/loadavg.h>
#include <linux/sched/mm.h>
#include "internal.h"

#define LOAD_INT(x)	((x) >> FSHIFT)
#define LOAD_FRAC(x)	LOAD_INT(((x) & (FIXED_1 - 1)) * 100)

/* last_pid - the highest pid in use (mmos gives pids in order, so the
 * last one given while it lives; Linux shows the last one given). */
static pid_t last_pid(void)
{
	struct task_struct *p;
	unsigned long flags;
	pid_t last = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &tasklist, tasks)
		last = max(last, p->pid);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return last;
}

/* loadavg_proc_show - "1.00 0.50 0.25 R/N LAST", as Linux's (the
 * running count includes the reader). */
int loadavg_proc_show(struct seq_buf *s, struct task_struct *task)
{
	unsigned long avnrun[3];

	get_avenrun(avnrun, FIXED_1 / 200, 0);
	seq_printf(s, "%lu.%02lu %lu.%02lu %lu.%02lu %lu/%lu %d\n",
		   LOAD_INT(avnrun[0]), LOAD_FRAC(avnrun[0]),
		   LOAD_INT(avnrun[1]), LOAD_FRAC(avnrun[1]),
		   LOAD_INT(avnrun[2]), LOAD_FRAC(avnrun[2]),
		   nr_running() + 1, nr_tasks(), last_pid());
	return 0;
}
