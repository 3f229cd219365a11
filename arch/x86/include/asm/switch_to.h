/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_SWITCH_TO_H
#define _ASM_X86_SWITCH_TO_H

struct task_struct;

/*
 * __switch_to_asm - save prev's callee-saved registers on its stack,
 * load next's stack and registers, and return there (or, for a new
 * task, to ret_from_fork). Returns the task switched away from, as seen
 * in next's context.
 */
struct task_struct *__switch_to_asm(struct task_struct *prev,
				    struct task_struct *next);

/* __switch_to - its C part, on next's stack (arch/x86/kernel/process.c). */
struct task_struct *__switch_to(struct task_struct *prev,
				struct task_struct *next);

#define switch_to(prev, next, last)	((last) = __switch_to_asm((prev), (next)))

/* The frame __switch_to_asm leaves on a sleeping task's stack. */
struct inactive_task_frame {
	unsigned long r15, r14, r13, r12, bx, bp;
	unsigned long ret_addr;
};

#endif
