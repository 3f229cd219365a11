/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel preemption. The timer may switch tasks when it interrupts
 * kernel code, unless that code holds a spinlock (or otherwise disabled
 * preemption): preempt_count counts those sections. Leaving the last
 * one with a reschedule pending schedules at once.
 *
 * The count and the reschedule flag belong to the CPU, as in Linux, not
 * to the task: a task is switched only with a count of 0 (__schedule
 * panics otherwise), so there is nothing per task to save. With one CPU
 * they are plain variables, read inline on every lock and unlock.
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <linux/types.h>
#include <linux/compiler.h>

extern int __preempt_count;	/* this CPU's */
extern bool __need_resched;	/* this CPU's: set by the tick and wake-ups */

void preempt_schedule(void);

static inline int preempt_count(void)
{
	return READ_ONCE(__preempt_count);
}

/* need_resched - should this CPU schedule at the next chance? */
static inline bool need_resched(void)
{
	return READ_ONCE(__need_resched);
}

static inline void preempt_disable(void)
{
	__preempt_count++;
	barrier();
}

static inline void preempt_enable_no_resched(void)
{
	barrier();
	__preempt_count--;
}

static inline void preempt_enable(void)
{
	preempt_enable_no_resched();
	if (unlikely(!preempt_count() && need_resched()))
		preempt_schedule();
}

#endif
