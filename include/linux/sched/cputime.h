/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU time of tasks and thread groups (kernel/sched/cputime.c), in
 * nanoseconds. utime/stime are sampled at the tick; sum_exec_runtime is
 * exact. The *_adjusted forms split sum_exec_runtime in the sampled
 * ratio, which is what times(), getrusage() and /proc report, as Linux.
 */
#ifndef _LINUX_SCHED_CPUTIME_H
#define _LINUX_SCHED_CPUTIME_H

#include <linux/types.h>

struct task_struct;

struct task_cputime {
	u64 stime, utime, sum_exec_runtime;
};

void account_process_tick(struct task_struct *p, int user_tick);
void account_switch(struct task_struct *prev, struct task_struct *next, bool voluntary);
u64 task_sched_runtime(struct task_struct *p);
void task_cputime_adjusted(struct task_struct *p, u64 *ut, u64 *st);
void thread_group_cputime(struct task_struct *tsk, struct task_cputime *times);
void thread_group_cputime_adjusted(struct task_struct *tsk, u64 *ut, u64 *st);
struct prev_cputime;
void cputime_adjust(const struct task_cputime *curr, struct prev_cputime *prev,
		    u64 *ut, u64 *st);

#endif
