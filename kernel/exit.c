// SPDX-License-Identifier: GPL-2.0
/* The end of a task: exit_mm(), exit_notify(), the final schedule. */
#include <linux/fdtable.h>
#include <linux/futex.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/kthread.h>
#include <linux/mmu_context.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/mm.h>
#include <linux/resource.h>
#include <linux/sched/cputime.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/wait.h>
#include <asm/irqflags.h>
#include <linux/uaccess.h>

struct task_struct *child_reaper;	/* PID 1 */

/*
 * complete_vfork_done - release a vfork parent waiting for @tsk, if it
 * still waits: a parent killed meanwhile cleared vfork_done under the
 * same lock, since its completion lived on its stack.
 */
static void complete_vfork_done(struct task_struct *tsk)
{
	task_lock(tsk);
	if (tsk->vfork_done) {
		complete(tsk->vfork_done);
		tsk->vfork_done = NULL;
	}
	task_unlock(tsk);
}

/*
 * mm_release - the task lets go of its mm (exit, or exec replacing it):
 * CLONE_CHILD_CLEARTID's word is cleared and its futex woken (that is
 * how pthread_join learns a thread is gone), and a vfork parent waiting
 * for this child to stop using its mm is released.
 */
void mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	if (tsk->clear_child_tid) {
		if (atomic_read(&mm->mm_users) > 1) {
			put_user(0, tsk->clear_child_tid);
			futex_wake_addr(mm, (unsigned long)tsk->clear_child_tid, 1);
		}
		tsk->clear_child_tid = NULL;
	}
	complete_vfork_done(tsk);
}

/*
 * exit_mm - give up the task's mm
 * (Documentation/mm/process-address-space.md, "Lifetimes"). The task
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
	mm_release(current, mm);
	mmgrab(mm);
	BUG_ON(mm != current->active_mm);
	flags = arch_local_irq_save();
	current->mm = NULL;
	enter_lazy_tlb(mm, current);
	arch_local_irq_restore(flags);
	mmput(mm);
}

/* Does @parent reap its children itself (wait), or are they reaped at
 * once: kernel threads and kthreadd's children (kthreadd ignores
 * SIGCHLD), and children of a parent that set SIGCHLD to SIG_IGN or
 * SA_NOCLDWAIT, as POSIX says. */
static bool parent_autoreaps(struct task_struct *tsk)
{
	struct task_struct *parent = tsk->real_parent;
	const struct k_sigaction *ka = &parent->sighand[SIGCHLD - 1];

	return (tsk->flags & PF_KTHREAD) || parent == kthreadd_task ||
	       tsk->exit_signal < 0 || ka->handler == SIG_IGN ||
	       (ka->flags & 2 /* SA_NOCLDWAIT */);
}

/* Tell the parent of @leader's process that it is gone (its last thread
 * exited): SIGCHLD and a wake-up for wait4. tasklist_lock held. Returns
 * whether nobody will wait, so the caller reaps it. */
static bool do_notify_parent(struct task_struct *leader)
{
	struct task_struct *parent = leader->real_parent;

	lockdep_assert_held(&tasklist_lock);
	if (parent_autoreaps(leader))
		return true;
	if (leader->exit_signal > 0)
		send_sig(leader->exit_signal, parent, 0);
	wake_up(&parent->signal->wait_chldexit);
	return false;
}

/* The new parent of an exiting task's children: a live thread of its
 * own process if there is one, else PID 1. tasklist_lock held. */
static struct task_struct *find_new_reaper(struct task_struct *tsk)
{
	struct task_struct *t;

	lockdep_assert_held(&tasklist_lock);
	list_for_each_entry(t, &tsk->signal->thread_head, thread_node)
		if (t != tsk && !(t->flags & PF_EXITING))
			return t;
	return child_reaper;
}

/*
 * exit_notify - hand the children to their new parent, then decide who
 * reaps this task: a thread other than the leader is reaped at once; a
 * process's leader waits as a zombie for its parent's wait4 once the
 * whole thread group is gone (or is reaped at once, see above).
 */
static void exit_notify(struct task_struct *tsk)
{
	struct task_struct *c, *n, *leader = tsk->group_leader, *reap_leader = NULL;
	struct task_struct *reaper;
	bool autoreap, orphans_dead = false, group_dead;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	reaper = find_new_reaper(tsk);
	list_for_each_entry_safe(c, n, &tsk->children, sibling) {
		c->real_parent = c->parent = reaper;
		list_del(&c->sibling);
		list_add_tail(&c->sibling, &reaper->children);
		/* a new parent outside the old one's process hears of
		 * the child's end as of any other: SIGCHLD (Linux's
		 * reparent_leader; clone()'s signal was for the old one) */
		if (c == c->group_leader && reaper->signal != tsk->signal)
			c->exit_signal = SIGCHLD;
		orphans_dead |= c->exit_state == EXIT_ZOMBIE;
	}
	group_dead = --tsk->signal->nr_threads == 0;
	if (tsk->signal->group_exec_task)	/* de_thread() waits for this */
		wake_up_process(tsk->signal->group_exec_task);
	if (tsk != leader) {
		autoreap = true;
		if (group_dead && leader->exit_state == EXIT_ZOMBIE &&
		    do_notify_parent(leader))
			reap_leader = leader;
	} else {
		autoreap = group_dead && do_notify_parent(tsk);
	}
	tsk->exit_state = autoreap ? EXIT_DEAD : EXIT_ZOMBIE;
	if (reap_leader)
		reap_leader->exit_state = EXIT_DEAD;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (orphans_dead)
		wake_up(&reaper->signal->wait_chldexit);
	if (autoreap)
		release_task(tsk);
	if (reap_leader)
		release_task(reap_leader);
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

unsigned long init_free_pages_before_exec;	/* set by kernel_init */

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

/* Is @tsk the last live thread of init's group? tasklist_lock makes two
 * exiting threads see different counts. */
static bool init_group_dying(struct task_struct *tsk)
{
	unsigned long flags;
	bool last;

	spin_lock_irqsave(&tasklist_lock, flags);
	last = tsk->signal->nr_threads == 1;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return last;
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
	if (tsk->mm) {	/* the image's RSS counts for ru_maxrss */
		unsigned long flags;

		spin_lock_irqsave(&tasklist_lock, flags);
		setmax_mm_hiwater_rss(&tsk->signal->maxrss, tsk->mm);
		spin_unlock_irqrestore(&tasklist_lock, flags);
	}
	exit_mm();	/* clears clear_child_tid's word (mm_release) */
	exit_files(tsk);
	/* As in Linux, init's death panics once its last thread is gone. */
	if (unlikely(tsk->signal == child_reaper->signal && init_group_dying(tsk)))
		init_died(tsk->signal->group_exit ? tsk->signal->group_exit_code : code);
	exit_notify(tsk);
	do_task_dead();
}

/*
 * do_group_exit - end the whole thread group with status @code: the
 * first thread to get here sets the group's code and sends SIGKILL to
 * the others, which then exit with that code too.
 */
void do_group_exit(int code)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (sig->group_exit) {
		code = sig->group_exit_code;
	} else if (sig->group_exec_task && sig->group_exec_task != current) {
		code = 0;	/* killed by another thread's exec */
	} else {
		sig->group_exit = true;
		sig->group_exit_code = code;
		zap_other_threads();
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	do_exit(code);
}

/* ---- wait4 / waitid ----------------------------------------------------- */

#define WNOHANG		0x00000001
#define WEXITED		0x00000004
#define __WALL		0x40000000
#define __WCLONE	0x80000000

/* Is @p, a child, the one wait(@pid) asks about? Process groups are not
 * kept: every pid <= 0 means "any child". */
static bool wait_matches(const struct task_struct *p, pid_t pid)
{
	return p == p->group_leader && (pid <= 0 || p->pid == pid);
}

/* Find a child for wait: a reapable zombie (*zombie set), or just one
 * that matches. tasklist_lock held. */
static struct task_struct *find_waitable(pid_t pid, struct task_struct **zombie)
{
	struct task_struct *p, *leader = current->group_leader, *any = NULL, *t;

	lockdep_assert_held(&tasklist_lock);
	*zombie = NULL;
	list_for_each_entry(t, &leader->signal->thread_head, thread_node)
		list_for_each_entry(p, &t->children, sibling) {
			if (!wait_matches(p, pid))
				continue;
			any = p;
			if (p->exit_state == EXIT_ZOMBIE && p->signal->nr_threads == 0) {
				*zombie = p;
				return p;
			}
		}
	return any;
}

/*
 * wait_account_zombie - the reaped process @p's CPU time and counts
 * (its own threads' and its reaped children's) go to current's process
 * c* totals, as Linux's wait_task_zombie(). tasklist_lock held.
 */
static void wait_account_zombie(struct task_struct *p)
{
	struct signal_struct *psig = current->signal, *sig = p->signal;
	struct task_cputime c;
	u64 ut, st;

	lockdep_assert_held(&tasklist_lock);
	thread_group_cputime(p, &c);
	cputime_adjust(&c, &sig->prev_cputime, &ut, &st);
	psig->cutime += ut + sig->cutime;
	psig->cstime += st + sig->cstime;
	psig->cmin_flt += p->min_flt + sig->min_flt + sig->cmin_flt;
	psig->cmaj_flt += p->maj_flt + sig->maj_flt + sig->cmaj_flt;
	psig->cnvcsw += p->nvcsw + sig->nvcsw + sig->cnvcsw;
	psig->cnivcsw += p->nivcsw + sig->nivcsw + sig->cnivcsw;
	psig->cmaxrss = max(psig->cmaxrss, max(sig->maxrss, sig->cmaxrss));
}

/*
 * do_wait - wait for a child matching @pid to be gone and reap it.
 * Returns its pid (with *status and, for waitid, the signal that ended
 * it through *sig), 0 with WNOHANG if none is done, -ECHILD if there is
 * no such child, -ERESTARTSYS if a signal came first. With @ru, the
 * child's resource usage (its own and its children's) goes there.
 */
static long do_wait(pid_t pid, int options, int *status, struct rusage *ru)
{
	struct wait_queue_entry w = { .task = NULL };
	struct wait_queue_head *wq = &current->signal->wait_chldexit;
	struct task_struct *any, *zombie;
	unsigned long flags;
	long ret;

	for (;;) {
		prepare_to_wait(wq, &w, TASK_INTERRUPTIBLE);
		spin_lock_irqsave(&tasklist_lock, flags);
		any = find_waitable(pid, &zombie);
		if (zombie) {
			zombie->exit_state = EXIT_DEAD;
			wait_account_zombie(zombie);
		}
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (zombie) {
			if (ru)
				getrusage(zombie, RUSAGE_BOTH, ru);
			/* a group exit's code is the process's, whichever
			 * thread exited last (Linux: signal->group_exit_code) */
			*status = zombie->signal->group_exit ?
				  zombie->signal->group_exit_code : zombie->exit_code;
			ret = zombie->pid;
			release_task(zombie);
			break;
		}
		ret = !any ? -ECHILD : (options & WNOHANG) ? 0 : -ERESTARTSYS;
		if (ret != -ERESTARTSYS || signal_pending(current))
			break;
		schedule();
	}
	finish_wait(wq, &w);
	return ret;
}

SYSCALL_DEFINE4(wait4, pid_t, pid, int __user *, stat_addr, int, options,
		struct rusage __user *, ru)
{
	struct rusage r;
	int status = 0;
	long ret;

	if (options & ~(WNOHANG | 2 /* WUNTRACED */ | 8 /* WCONTINUED */ | __WALL | __WCLONE))
		return -EINVAL;
	ret = do_wait(pid, options, &status, ru ? &r : NULL);
	if (ret > 0 && stat_addr && put_user(status, stat_addr))
		return -EFAULT;
	if (ret > 0 && ru && copy_to_user(ru, &r, sizeof(r)))
		return -EFAULT;
	return ret;
}

#define P_ALL	0
#define P_PID	1
#define CLD_EXITED	1
#define CLD_KILLED	2

struct siginfo_chld {
	int si_signo, si_errno, si_code, __pad;
	int si_pid, si_uid, si_status;
	int __rest[128 / 4 - 7];
};

SYSCALL_DEFINE5(waitid, int, which, pid_t, upid, struct siginfo_chld __user *, infop,
		int, options, struct rusage __user *, ru)
{
	struct siginfo_chld info;
	struct rusage r;
	int status = 0;
	long ret;

	if (which != P_ALL && which != P_PID)
		return which < 0 || which > 3 ? -EINVAL : -ENOSYS;
	if (!(options & WEXITED) || (options & ~(WNOHANG | WEXITED | 2 | 8 | __WALL)))
		return -EINVAL;
	ret = do_wait(which == P_ALL ? -1 : upid, options, &status, ru ? &r : NULL);
	if (ret < 0)
		return ret;
	if (ret > 0 && ru && copy_to_user(ru, &r, sizeof(r)))
		return -EFAULT;
	memset(&info, 0, sizeof(info));
	if (ret > 0) {
		info.si_signo = SIGCHLD;
		info.si_pid = ret;
		info.si_code = (status & 0x7f) ? CLD_KILLED : CLD_EXITED;
		info.si_status = (status & 0x7f) ? (status & 0x7f) : (status >> 8) & 0xff;
	}
	if (infop && copy_to_user(infop, &info, sizeof(info)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}
