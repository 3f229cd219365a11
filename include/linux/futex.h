/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FUTEX_H
#define _LINUX_FUTEX_H

#include <linux/types.h>

#ifndef __user
#define __user
#endif

struct mm_struct;
struct task_struct;

/*
 * The robust futex ABI (Linux's, set_robust_list(2)): a thread keeps a
 * list of the robust locks it holds in its own memory; each entry is a
 * robust_list inside the lock, whose futex word lies futex_offset bytes
 * from it. The low bit of a next pointer marks a PI futex.
 */
struct robust_list {
	struct robust_list __user *next;
};

struct robust_list_head {
	struct robust_list list;	/* circular: ends back at the head */
	long futex_offset;
	struct robust_list __user *list_op_pending;	/* being locked/unlocked */
};

#define FUTEX_WAITERS		0x80000000
#define FUTEX_OWNER_DIED	0x40000000
#define FUTEX_TID_MASK		0x3fffffff
#define ROBUST_LIST_LIMIT	2048	/* entries walked at most */

void futex_exit_release(struct task_struct *tsk);
void futex_exec_release(struct task_struct *tsk);

/* futex_wake_addr - wake up to @nr waiters on the futex word at @uaddr
 * of @mm (CLONE_CHILD_CLEARTID at exit). Returns how many woke. */
int futex_wake_addr(struct mm_struct *mm, unsigned long uaddr, int nr);

#endif
