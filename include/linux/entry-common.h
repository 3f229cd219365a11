/* SPDX-License-Identifier: GPL-2.0 */
/* The generic parts of entering and leaving the kernel (kernel/entry.c),
 * called from the architecture's entry code. */
#ifndef _LINUX_ENTRY_COMMON_H
#define _LINUX_ENTRY_COMMON_H

struct pt_regs;

/* exit_to_user_mode - last work before user mode: reschedule if asked,
 * act on pending signals. Interrupts off. */
void exit_to_user_mode(struct pt_regs *regs);

/* kernel_thread_returned - a kernel thread's function returned @ret: 0
 * after an exec means "run the user program in @regs", anything else
 * ends the task (from ret_from_fork). */
void kernel_thread_returned(struct pt_regs *regs, long ret);

#endif
