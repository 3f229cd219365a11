// SPDX-License-Identifier: GPL-2.0
/* The end of a task: exit_mm(), exit_notify(), the final schedule. */
#include <linux/kernel.h>
#include <linux/mmu_context.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <asm/irqflags.h>

extern spinlock_t tasklist_lock;
extern struct task_struct *kthreadd_task;
struct task_struct *child_reaper;	/* PID 1 */

/*
 * exit_mm - give up the task's mm (DESIGN.md §2, "exit_mm"). The task
 * keeps running on it, lazily, to its last switch: the mmgrab() here is
 * that lazy reference, which the switch away moves on or drops. Then
 * mmput(): the last user tears the user half down.
 */
static void exit_mm(void)
{
	struct mm_struct *mm = current->mm;
	unsigned long flags;

	if (!mm)
		return;
	mmgrab(mm);
	BUG_ON(mm != current->active_mm);
	flags = arch_local_irq_save();
	current->mm = NULL;
	enter_lazy_tlb(mm, current);
	arch_local_irq_restore(flags);
	mmput(mm);
}

/*
 * exit_notify - hand children to the reaper (PID 1), then decide who
 * reaps this task: kernel threads and children of kthreadd are reaped
 * at once (Linux's kthreadd ignores SIGCHLD); others stay zombies for
 * their parent's wait (the fork issue adds wait4).
 */
static void exit_notify(struct task_struct *tsk)
{
	struct task_struct *c, *n;
	unsigned long flags;
	bool autoreap;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry_safe(c, n, &tsk->children, sibling) {
		c->real_parent = c->parent = child_reaper;
		list_del(&c->sibling);
		list_add_tail(&c->sibling, &child_reaper->children);
	}
	autoreap = (tsk->flags & PF_KTHREAD) || tsk->parent == kthreadd_task;
	tsk->exit_state = autoreap ? EXIT_DEAD : EXIT_ZOMBIE;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (autoreap)
		release_task(tsk);
}

/* do_task_dead - the final schedule; finish_task_switch() drops the
 * task's reference on itself. */
static __attribute__((noreturn)) void do_task_dead(void)
{
	arch_local_irq_disable();
	current->__state = TASK_DEAD;
	schedule();
	BUG();
}

void do_exit(long code)
{
	struct task_struct *tsk = current;

	if (unlikely(tsk->flags & PF_EXITING))
		panic("recursive do_exit in %s/%d", tsk->comm, tsk->pid);
	if (unlikely(tsk == child_reaper))
		panic("Attempted to kill init! exitcode=%#lx", code);
	tsk->flags |= PF_EXITING;
	tsk->exit_code = code;
	exit_mm();
	exit_notify(tsk);
	do_task_dead();
}
