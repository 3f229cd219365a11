/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FUTEX_H
#define _LINUX_FUTEX_H

struct mm_struct;

/* futex_wake_addr - wake up to @nr waiters on the futex word at @uaddr
 * of @mm (CLONE_CHILD_CLEARTID at exit). Returns how many woke. */
int futex_wake_addr(struct mm_struct *mm, unsigned long uaddr, int nr);

#endif
