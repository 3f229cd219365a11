/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What arch/hosted offers its tests beyond <linux/arch.h>: booting the
 * kernel's memory code over simulated RAM, user accesses through the
 * software MMU (with its TLB), and ending a task as a test step.
 */
#ifndef _ASM_HOSTED_HOSTED_H
#define _ASM_HOSTED_HOSTED_H

#include <linux/types.h>

/* hosted_boot - memblock, the buddy allocator, slab, vmalloc, init_mm
 * and the first tasks over @size bytes of simulated RAM. */
void hosted_boot(unsigned long size);

/* hosted_user_access - copy @n bytes between @buf and user address @va
 * of the loaded mm as the CPU would (faults and all). Returns 0 or
 * -EFAULT. */
int hosted_user_access(unsigned long va, void *buf, unsigned long n, bool write);

/* hosted_task_exit - current calls do_exit(@code); the test goes on as
 * the task that runs next. */
void hosted_task_exit(long code);

#endif
