/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The two counts of an mm_struct
 * (Documentation/mm/process-address-space.md, "Lifetimes"):
 *   mm_users  users of the address space (tasks, temporary users);
 *             mmget()/mmput(); the last mmput() tears the user half down
 *   mm_count  references to the struct itself; all users together hold
 *             one; a lazy active_mm holds one; mmgrab()/mmdrop(); the
 *             last mmdrop() frees the pgd and the struct
 */
#ifndef _LINUX_SCHED_MM_H
#define _LINUX_SCHED_MM_H

#include <linux/mm_types.h>
#include <linux/atomic.h>

struct task_struct;

void __mmdrop(struct mm_struct *mm);

static inline void mmgrab(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_count);
}

static inline void mmdrop(struct mm_struct *mm)
{
	if (unlikely(atomic_dec_and_test(&mm->mm_count)))
		__mmdrop(mm);
}

static inline void mmget(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_users);
}

/* mmget_not_zero - become a user of @mm, which the caller holds by
 * mm_count only, unless its last user is gone (its user half is torn
 * down or going): false then. */
static inline bool mmget_not_zero(struct mm_struct *mm)
{
	return atomic_inc_not_zero(&mm->mm_users);
}

struct mm_struct *mm_alloc(void);
void mmput(struct mm_struct *mm);
unsigned long nr_live_mms(void);
struct mm_struct *get_task_mm(struct task_struct *task);
struct mm_struct *mm_access(struct task_struct *task, unsigned int mode);

/* kthread_use_mm/unuse_mm: how a kernel thread works on a user mm. */
void kthread_use_mm(struct mm_struct *mm);
void kthread_unuse_mm(struct mm_struct *mm);

/* fs/exec.c, kernel/exit.c */
int exec_mmap(struct mm_struct *mm);
void mm_release(struct task_struct *tsk, struct mm_struct *mm);

#endif
