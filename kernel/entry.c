// SPDX-License-Identifier: GPL-2.0
/* The way back to user mode, shared by syscalls, interrupts and faults. */
#include <linux/kernel.h>
#include <linux/entry-common.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <asm/irqflags.h>
#include <asm/ptrace.h>

/*
 * exit_to_user_mode - before returning to user mode: reschedule if asked
 * to, act on pending signals. Returns with interrupts off, so nothing
 * new can become pending before the return itself.
 */
void exit_to_user_mode(struct pt_regs *regs)
{
	for (;;) {
		arch_local_irq_disable();
		if (need_resched()) {
			arch_local_irq_enable();
			schedule();
			continue;
		}
		if (signal_pending(current) || current->restore_sigmask) {
			arch_local_irq_enable();
			do_signal_exit_check(regs);
			continue;
		}
		return;
	}
}

/*
 * kernel_thread_returned - a task's kernel function returned @ret (see
 * ret_from_fork). 0 after a successful exec (kernel_init) means "now run
 * the user program", whose registers exec put in @regs; anything else
 * ends the task.
 */
void kernel_thread_returned(struct pt_regs *regs, long ret)
{
	if (ret == 0 && current->mm && user_mode(regs))
		return;
	do_exit(ret);
}
