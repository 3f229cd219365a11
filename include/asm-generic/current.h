/* SPDX-License-Identifier: GPL-2.0 */
/*
 * current: the task running on this CPU. mmos runs one CPU, so it is a
 * single variable; with SMP it becomes per-CPU data reached through %gs.
 */
#ifndef _ASM_GENERIC_CURRENT_H
#define _ASM_GENERIC_CURRENT_H

struct task_struct;
extern struct task_struct *current_task;

static inline struct task_struct *get_current(void)
{
	return current_task;
}

#define current get_current()

#endif
