/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tasks for hosted tests, on the kernel's own code paths: kernel_clone
 * makes them, schedule() switches to them (the real context_switch),
 * exec_mmap gives one an address space, do_exit ends it, wait4 reaps.
 * The host runs one of them at a time: whichever is current.
 */
#ifndef _TESTS_HOSTED_TASKS_H
#define _TESTS_HOSTED_TASKS_H

#include <linux/sched.h>

struct task_struct *spawn(bool kthread);
struct task_struct *fork_task(void);
void run(struct task_struct *t);
int become_process(void);
void task_exit(struct task_struct *t, long code);
long reap(struct task_struct *parent, int *status);
long sys(long nr, long a0, long a1, long a2, long a3, long a4, long a5);
int uread(unsigned long va, void *buf, unsigned long n);
int uwrite(unsigned long va, const void *buf, unsigned long n);

#endif
