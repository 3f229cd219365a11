/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/types.h>

struct task_struct;

/*
 * kthread_create - a new kernel thread (mm == NULL) that will run
 * @fn(@data) once woken with wake_up_process(). kthreadd (PID 2) makes
 * it, as in Linux. Returns the task or NULL when memory is out.
 */
struct task_struct *kthread_create(int (*fn)(void *data), void *data,
				   const char *name);
struct task_struct *kthread_run(int (*fn)(void *data), void *data,
				const char *name);
int kthread_stop(struct task_struct *k);
int kthread_stop_put(struct task_struct *k);
bool kthread_should_stop(void);
int kthreadd(void *unused);
void free_kthread_struct(struct task_struct *p);
bool kthread_uses_mm(const struct task_struct *tsk);

extern struct task_struct *kthreadd_task;	/* PID 2 */

#endif
