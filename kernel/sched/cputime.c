// SPDX-License-Identifier: GPL-2.0
/*
 * CPU time accounting, as Linux's tick-based accounting
 * (CONFIG_TICK_CPU_ACCOUNTING): each tick charges TICK_NSEC to the
 * interrupted task, as user time if it was in user mode and as system
 * time otherwise (the idle task is charged nothing); each context
 * switch adds the exact time run to sum_exec_runtime. Reports split
 * that exact time in the ratio of the samples (cputime_adjust()).
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/kernel_stat.h>
#include <linux/sched/cputime.h>
#include <linux/spinlock.h>
#include <linux/time64.h>
#include <asm/irqflags.h>

struct kernel_cpustat kcpustat;
/* written by __schedule() with interrupts off; one CPU */
static unsigned long long nr_switches;

/* account_process_tick - from the tick (interrupts off): charge @p, the
 * task that was interrupted, one tick of user or system time. */
void account_process_tick(struct task_struct *p, int user_tick)
{
	kcpustat.ticks++;
	if (is_idle_task(p)) {
		kcpustat.cpustat[CPUTIME_IDLE] += TICK_NSEC;
		return;
	}
	if (user_tick) {
		p->utime += TICK_NSEC;
		kcpustat.cpustat[task_nice(p) > 0 ? CPUTIME_NICE : CPUTIME_USER] += TICK_NSEC;
	} else {
		p->stime += TICK_NSEC;
		kcpustat.cpustat[CPUTIME_SYSTEM] += TICK_NSEC;
	}
}

/* nr_context_switches - every switch since boot (/proc/stat's ctxt). */
unsigned long long nr_context_switches(void)
{
	return READ_ONCE(nr_switches);
}

/*
 * account_switch - from __schedule() (interrupts off), @prev gives the
 * CPU to @next: prev's run since its exec_start is added to its
 * sum_exec_runtime, next's starts now, and prev's switch is counted as
 * voluntary (it blocked) or involuntary (preempted, or yielded while
 * runnable), as Linux's nvcsw/nivcsw.
 */
void account_switch(struct task_struct *prev, struct task_struct *next, bool voluntary)
{
	u64 now = local_clock();

	lockdep_assert_irqs_disabled();
	prev->sum_exec_runtime += now - prev->exec_start;
	nr_switches++;
	next->exec_start = now;
	if (voluntary)
		prev->nvcsw++;
	else
		prev->nivcsw++;
}

/* task_sched_runtime - @p's exact CPU time, including the run in
 * progress if @p is the running task. */
u64 task_sched_runtime(struct task_struct *p)
{
	unsigned long flags = arch_local_irq_save();
	u64 ns = p->sum_exec_runtime;

	if (p == current && !is_idle_task(p))
		ns += local_clock() - p->exec_start;
	arch_local_irq_restore(flags);
	return ns;
}

/* scale_stime - @stime * @rtime / @total without overflowing 64 bits:
 * the larger factor and the divisor lose low bits together, which
 * keeps the quotient to within a part in 2^32. */
static u64 scale_stime(u64 stime, u64 rtime, u64 total)
{
	for (;;) {
		if (stime > rtime) {
			u64 t = stime;

			stime = rtime;
			rtime = t;
		}
		if (rtime <= 0xffffffffULL)
			break;
		rtime >>= 1;
		total >>= 1;
	}
	return total ? stime * rtime / total : 0;
}

/*
 * cputime_adjust - the exact time of @curr split as its samples are:
 * stime = sum * stime / (utime + stime), utime the rest; then, as
 * Linux's, neither part may fall below what @prev last reported (the
 * other gives way), and if the sum has not grown the last report
 * stands. Returns the split in *@ut, *@st.
 */
void cputime_adjust(const struct task_cputime *curr, struct prev_cputime *prev,
		    u64 *ut, u64 *st)
{
	u64 rtime = curr->sum_exec_runtime, stime, utime;
	unsigned long flags;

	spin_lock_irqsave(&prev->lock, flags);
	if (prev->stime + prev->utime >= rtime)
		goto out;
	if (!curr->stime)
		stime = 0;
	else if (!curr->utime)
		stime = rtime;
	else
		stime = scale_stime(curr->stime, rtime, curr->stime + curr->utime);
	if (stime < prev->stime)
		stime = prev->stime;
	utime = rtime - stime;
	if (utime < prev->utime) {
		utime = prev->utime;
		stime = rtime - utime;
	}
	prev->stime = stime;
	prev->utime = utime;
out:
	*ut = prev->utime;
	*st = prev->stime;
	spin_unlock_irqrestore(&prev->lock, flags);
}

/* task_cputime_adjusted - @p's own user and system time (ns). */
void task_cputime_adjusted(struct task_struct *p, u64 *ut, u64 *st)
{
	struct task_cputime c;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	c.utime = p->utime;
	c.stime = p->stime;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	c.sum_exec_runtime = task_sched_runtime(p);
	cputime_adjust(&c, &p->prev_cputime, ut, st);
}

/*
 * thread_group_cputime - the CPU time of @tsk's whole process: the
 * threads already released (kept in signal_struct) and every live one.
 * tasklist_lock held (the thread list and the signal totals).
 */
void thread_group_cputime(struct task_struct *tsk, struct task_cputime *times)
{
	struct signal_struct *sig = tsk->signal;
	struct task_struct *t;

	lockdep_assert_held(&tasklist_lock);
	times->utime = sig->utime;
	times->stime = sig->stime;
	times->sum_exec_runtime = sig->sum_sched_runtime;
	list_for_each_entry(t, &sig->thread_head, thread_node) {
		times->utime += t->utime;
		times->stime += t->stime;
		times->sum_exec_runtime += task_sched_runtime(t);
	}
}

/* thread_group_cputime_adjusted - the process's user and system time. */
void thread_group_cputime_adjusted(struct task_struct *tsk, u64 *ut, u64 *st)
{
	struct task_cputime c;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	thread_group_cputime(tsk, &c);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	cputime_adjust(&c, &tsk->signal->prev_cputime, ut, st);
}
