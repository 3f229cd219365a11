// SPDX-License-Identifier: GPL-2.0
/* The end of a task: exit_mm(), exit_notify(), the final schedule. */
#include <linux/kernel.h>
#include <linux/mmu_context.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/mm.h>
#include <linux/syscalls.h>
#include <asm/irqflags.h>
#include <asm/uaccess.h>

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

void exit_files(struct task_struct *tsk);
void drop_lazy_mm(void);
extern unsigned long init_free_pages_before_exec;

/*
 * init_died - PID 1 is gone: Linux panics, and so does mmos. Its mm is
 * already torn down, so the message can say whether the run gave back
 * every page it took (the test runner checks this line).
 */
static void init_died(long code)
{
	drop_lazy_mm();
	pr_info("init: exit status %#lx; free pages before exec %lu, now %lu\n",
		code, init_free_pages_before_exec, nr_free_pages());
	panic("Attempted to kill init! exitcode=0x%08lx", code);
}

/* do_exit - end current with wait status @code (exit(n): n << 8; a
 * fatal signal: its number). */
void do_exit(long code)
{
	struct task_struct *tsk = current;

	if (unlikely(tsk->flags & PF_EXITING))
		panic("recursive do_exit in %s/%d", tsk->comm, tsk->pid);
	tsk->flags |= PF_EXITING;
	tsk->exit_code = code;
	if (tsk->clear_child_tid) {
		int zero = 0;

		copy_to_user(tsk->clear_child_tid, &zero, sizeof(zero));
	}
	exit_mm();
	exit_files(tsk);
	if (unlikely(tsk == child_reaper))
		init_died(code);
	exit_notify(tsk);
	do_task_dead();
}

/* do_group_exit - end the whole thread group (one task per process in
 * this kernel until threads arrive) with status @code. */
void do_group_exit(int code)
{
	do_exit(code);
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}
