/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel preemption. The timer may switch tasks when it interrupts
 * kernel code, unless that code holds a spinlock (or otherwise disabled
 * preemption): preempt_count counts those sections, per task. Leaving
 * the last one with a reschedule pending schedules at once.
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <linux/types.h>
#include <linux/compiler.h>

int *preempt_count_ptr(void);
bool need_resched(void);
void preempt_schedule(void);

static inline int preempt_count(void)
{
	return READ_ONCE(*preempt_count_ptr());
}

static inline void preempt_disable(void)
{
	(*preempt_count_ptr())++;
	barrier();
}

static inline void preempt_enable_no_resched(void)
{
	barrier();
	(*preempt_count_ptr())--;
}

static inline void preempt_enable(void)
{
	preempt_enable_no_resched();
	if (unlikely(!preempt_count() && need_resched()))
		preempt_schedule();
}

#endif
