// SPDX-License-Identifier: GPL-2.0
/* The part of exec that swaps address spaces (seed 003, step 3). */
#include <linux/kernel.h>
#include <linux/mmu_context.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <asm/irqflags.h>

/*
 * exec_mmap - make @mm (fresh from mm_alloc) current's mm and active_mm
 * and load it. What the task had goes: an old mm of its own is
 * mmput(); the mm a kernel thread borrowed (kernel_init's first exec)
 * is mmdrop()ed. The task is no longer a kernel thread: Linux clears
 * PF_KTHREAD in begin_new_exec() right after this.
 */
int exec_mmap(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *old_mm = tsk->mm, *active_mm;
	unsigned long flags;

	flags = arch_local_irq_save();
	active_mm = tsk->active_mm;
	tsk->active_mm = mm;
	tsk->mm = mm;
	activate_mm(active_mm, mm);
	tsk->flags &= ~PF_KTHREAD;
	arch_local_irq_restore(flags);
	if (old_mm) {
		mmput(old_mm);
		return 0;
	}
	mmdrop(active_mm);
	return 0;
}
