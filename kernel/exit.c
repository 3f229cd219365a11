// SPDX-License-Identifier: GPL-2.0
/* The end of a task: exit_mm(), exit_notify(), the final schedule. */
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/futex.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
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
#include <linux/time64.h>
#include <linux/wait.h>
#include <asm/irqflags.h>
#include <linux/uaccess.h>
#include <linux/tty.h>

struct task_struct *child_reaper;	/* PID 1 */

/* si_code of SIGCHLD and waitid (Linux's values) */
#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3	/* killed, and a core was written (status 0x80) */
#define CLD_STOPPED	5
#define CLD_CONTINUED	6

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
	futex_exit_release(current);	/* the robust locks it holds */
	mm_release(current, mm);
	mmgrab(mm);
	BUG_ON(mm != current->active_mm);
	flags = arch_local_irq_save();
	current->mm = NULL;
	enter_lazy_tlb(mm, current);
	arch_local_irq_restore(flags);
	mmput(mm);
}

/* Are @tsk's kind reaped at once, whatever the parent does: kernel
 * threads, kthreadd's children (kthreadd ignores SIGCHLD), and threads
 * (no exit signal)? */
static bool autoreaped_kind(struct task_struct *tsk)
{
	return (tsk->flags & PF_KTHREAD) || tsk->real_parent == kthreadd_task ||
	       tsk->exit_signal < 0;
}

/* child_exit_cause - the si_code of a child that ended with wait
 * status @status: exited, killed, or killed with a core dump. */
static int child_exit_cause(int status)
{
	if (!(status & 0x7f))
		return CLD_EXITED;
	return (status & 0x80) ? CLD_DUMPED : CLD_KILLED;
}

/*
 * do_notify_parent - tell the parent of @leader's process that it is
 * gone (its last thread exited): its exit signal, and a wake-up for
 * wait4, as Linux's. A parent that ignores SIGCHLD, or set SA_NOCLDWAIT,
 * for a child whose exit signal is SIGCHLD, leaves no zombie (POSIX):
 * the child is reaped at once, and SIG_IGN means no signal either; the
 * wake-up comes all the same, so that a wait() blocked meanwhile sees
 * the last child gone and returns ECHILD. tasklist_lock held. Returns
 * whether nobody will wait, so the caller reaps it.
 */
static bool do_notify_parent(struct task_struct *leader)
{
	struct task_struct *parent = leader->real_parent;
	struct signal_struct *sig = leader->signal;
	struct k_sigaction ka = sigaction_of(parent, SIGCHLD);
	int status = sig->group_exit ? sig->group_exit_code : leader->exit_code;
	int exit_signal = leader->exit_signal;
	struct kernel_siginfo info = {
		.si_signo = exit_signal,
		.si_code = child_exit_cause(status),
		.chld = { .pid = leader->tgid,
			  .status = (status & 0x7f) ? (status & 0x7f) : (status >> 8) & 0xff },
	};
	bool autoreap = false;

	lockdep_assert_held(&tasklist_lock);
	if (autoreaped_kind(leader))
		return true;
	if (exit_signal == SIGCHLD &&
	    (ka.handler == SIG_IGN || (ka.flags & SA_NOCLDWAIT))) {
		autoreap = true;
		if (ka.handler == SIG_IGN)
			exit_signal = 0;
	}
	if (exit_signal > 0)
		__group_send_sig_info(exit_signal, &info, parent);
	wake_up(&parent->signal->wait_chldexit);
	return autoreap;
}

/* find_alive_thread - a thread of @p's process that is not exiting, or
 * NULL. tasklist_lock held. */
static struct task_struct *find_alive_thread(struct task_struct *p)
{
	struct task_struct *t;

	list_for_each_entry(t, &p->signal->thread_head, thread_node)
		if (!(t->flags & PF_EXITING))
			return t;
	return NULL;
}

/*
 * find_new_reaper - the new parent of an exiting task's children, as
 * Linux's: a live thread of its own process if there is one, else a live
 * thread of the nearest ancestor that is a child subreaper
 * (PR_SET_CHILD_SUBREAPER), else PID 1. tasklist_lock held.
 */
static struct task_struct *find_new_reaper(struct task_struct *tsk)
{
	struct task_struct *t, *reaper;

	lockdep_assert_held(&tasklist_lock);
	list_for_each_entry(t, &tsk->signal->thread_head, thread_node)
		if (t != tsk && !(t->flags & PF_EXITING))
			return t;
	for (reaper = tsk->real_parent; reaper != &init_task && reaper != child_reaper;
	     reaper = reaper->real_parent) {
		if (!reaper->signal->is_child_subreaper)
			continue;
		t = find_alive_thread(reaper);
		if (t)
			return t;
	}
	return child_reaper;
}

/* ---- orphaned process groups ---------------------------------------- */

/*
 * will_become_orphaned_pgrp - would process group @pgrp be orphaned
 * without @ignored_task (NULL: as it is)? POSIX's definition, Linux's
 * code: a group is orphaned when no member (but gone ones, and children
 * of PID 1) has a parent in another group of the same session, the
 * parent that could resume it by job control. tasklist_lock held.
 */
bool will_become_orphaned_pgrp(struct pid *pgrp, struct task_struct *ignored_task)
{
	struct task_struct *p;

	lockdep_assert_held(&tasklist_lock);
	for_each_pid_task(pgrp, PIDTYPE_PGID, p) {
		if (p == ignored_task || (p->exit_state && !p->signal->nr_threads) ||
		    is_global_init(p->real_parent))
			continue;
		if (task_pgrp(p->real_parent) != pgrp &&
		    task_session(p->real_parent) == task_session(p))
			return false;
	}
	return true;
}

/* is_current_pgrp_orphaned - is current's process group orphaned? (A
 * terminal's SIGTTIN/SIGTTOU and the stop signals ask.) */
bool is_current_pgrp_orphaned(void)
{
	unsigned long flags;
	bool ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	ret = will_become_orphaned_pgrp(task_pgrp(current), NULL);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* has_stopped_jobs - is a process of @pgrp stopped? tasklist_lock held. */
static bool has_stopped_jobs(struct pid *pgrp)
{
	struct task_struct *p;

	for_each_pid_task(pgrp, PIDTYPE_PGID, p)
		if (READ_ONCE(p->signal->stop_flags) & SIGNAL_STOP_STOPPED)
			return true;
	return false;
}

/*
 * kill_orphaned_pgrp - POSIX 3.2.2.2: a process group that becomes
 * orphaned with a stopped member gets SIGHUP and then SIGCONT. Called
 * for @tsk's group when its process exits (@parent NULL: its parent was
 * the link), and for each child @tsk of an exiting @parent (the link was
 * the child's to @parent). tasklist_lock held.
 */
static void kill_orphaned_pgrp(struct task_struct *tsk, struct task_struct *parent)
{
	struct pid *pgrp = task_pgrp(tsk);
	struct task_struct *ignored_task = tsk;

	if (!parent)
		parent = tsk->real_parent;
	else
		ignored_task = NULL;
	if (task_pgrp(parent) != pgrp && task_session(parent) == task_session(tsk) &&
	    will_become_orphaned_pgrp(pgrp, ignored_task) && has_stopped_jobs(pgrp)) {
		__kill_pgrp_info(SIGHUP, 1, pgrp);
		__kill_pgrp_info(SIGCONT, 1, pgrp);
	}
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
		if (c->pdeath_signal)	/* its parent thread is gone (prctl) */
			__group_send_sig_info(c->pdeath_signal, SEND_SIG_NOINFO, c);
		list_del(&c->sibling);
		list_add_tail(&c->sibling, &reaper->children);
		/* a new parent outside the old one's process hears of
		 * the child's end as of any other: SIGCHLD (Linux's
		 * reparent_leader; clone()'s signal was for the old one) */
		if (c == c->group_leader && reaper->signal != tsk->signal)
			c->exit_signal = SIGCHLD;
		orphans_dead |= c->exit_state == EXIT_ZOMBIE;
		if (c == c->group_leader && reaper->signal != tsk->signal &&
		    c->exit_state != EXIT_DEAD)
			kill_orphaned_pgrp(c, tsk);
	}
	group_dead = --tsk->signal->nr_threads == 0;
	if (group_dead)
		kill_orphaned_pgrp(leader, NULL);
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

/* Tasks between do_exit() and their final switch (finish_task_switch()
 * counts them off): a reaped child preempted before its last switch
 * still holds its stack, which init_died()'s page count must not see. */
atomic_t nr_exiting_tasks;

/*
 * init_died - PID 1 is gone: Linux panics, and so does mmos. Its mm is
 * already torn down, so the message can say whether the run gave back
 * every page it took (the test runner checks this line), once the tasks
 * still exiting have made their last switch.
 */
static void init_died(long code)
{
	u64 end = local_clock() + NSEC_PER_SEC;

	/* let the children that are still on their way out finish (a
	 * yield: current is running), for a second at most */
	while (atomic_read(&nr_exiting_tasks) > 1 && local_clock() < end)
		schedule();
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
	bool group_dead;

	if (unlikely(tsk->flags & PF_EXITING))
		panic("recursive do_exit in %s/%d", tsk->comm, tsk->pid);
	tsk->flags |= PF_EXITING;
	atomic_inc(&nr_exiting_tasks);
	exit_signals(tsk);	/* a group stop no longer waits for it */
	group_dead = atomic_dec_and_test(&tsk->signal->live);
	if (group_dead) {
		/* the last thread: the process's timers go (Linux's group_dead) */
		del_timer(&tsk->signal->real_timer);
		exit_itimers(tsk->signal);
	}
	tsk->exit_code = code;
	if (tsk->mm) {	/* the image's RSS counts for ru_maxrss */
		unsigned long flags;

		spin_lock_irqsave(&tasklist_lock, flags);
		setmax_mm_hiwater_rss(&tsk->signal->maxrss, tsk->mm);
		spin_unlock_irqrestore(&tasklist_lock, flags);
	}
	exit_mm();	/* clears clear_child_tid's word (mm_release) */
	exit_files(tsk);
	exit_fs(tsk);
	if (group_dead)	/* a session leader's terminal is given up */
		disassociate_ctty(1);
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
#define WSTOPPED	0x00000002	/* WUNTRACED */
#define WEXITED		0x00000004
#define WCONTINUED	0x00000008
#define WNOWAIT		0x01000000
#define __WNOTHREAD	0x20000000
#define __WALL		0x40000000
#define __WCLONE	0x80000000

#define P_ALL	0
#define P_PID	1
#define P_PGID	2
#define P_PIDFD	3


/* What wait asks (wo_type/wo_pid: PIDTYPE_MAX for any child; a NULL
 * wo_pid matches nothing) and, once a child is found, what it says. */
struct wait_opts {
	enum pid_type wo_type;
	struct pid *wo_pid;		/* a reference, put by the caller */
	int wo_flags;
	/* the answer: */
	pid_t pid;
	int status;			/* wait4's status word */
	int cause, si_status;		/* waitid's si_code and si_status */
	struct task_struct *reap;	/* a zombie to release_task() */
	struct rusage *wo_rusage;	/* if asked: the reaped child's usage */
};

/* eligible_pid - is child @p (a process) one that @wo asks about? */
static bool eligible_pid(const struct wait_opts *wo, struct task_struct *p)
{
	return wo->wo_type == PIDTYPE_MAX ||
	       (wo->wo_type == PIDTYPE_PID ? task_pid(p) : p->signal->pids[wo->wo_type]) ==
	       wo->wo_pid;
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

/* wait_task_zombie - @p is gone: its status, and unless WNOWAIT it is to
 * be reaped (EXIT_DEAD now, release_task() by the caller once
 * tasklist_lock is dropped). A group exit's code is the process's,
 * whichever thread exited last (Linux: signal->group_exit_code). */
static pid_t wait_task_zombie(struct wait_opts *wo, struct task_struct *p)
{
	int status = p->signal->group_exit ? p->signal->group_exit_code : p->exit_code;

	wo->status = status;
	wo->cause = child_exit_cause(status);
	wo->si_status = (status & 0x7f) ? (status & 0x7f) : (status >> 8) & 0xff;
	if (!(wo->wo_flags & WNOWAIT)) {
		p->exit_state = EXIT_DEAD;
		wait_account_zombie(p);
		wo->reap = p;
	}
	return p->pid;
}

/* wait_task_stopped - @p's process stopped and its parent has not been
 * told by wait: status (sig << 8) | 0x7f; the news is used up unless
 * WNOWAIT. Returns its pid or 0. */
static pid_t wait_task_stopped(struct wait_opts *wo, struct task_struct *p)
{
	struct signal_struct *sig = p->signal;
	int code = 0;

	spin_lock(&sig->siglock);
	if ((sig->stop_flags & SIGNAL_STOP_STOPPED) && sig->group_stop_code) {
		code = sig->group_stop_code;
		if (!(wo->wo_flags & WNOWAIT))
			sig->group_stop_code = 0;
	}
	spin_unlock(&sig->siglock);
	if (!code)
		return 0;
	wo->status = (code << 8) | 0x7f;
	wo->cause = CLD_STOPPED;
	wo->si_status = code;
	return p->pid;
}

/* wait_task_continued - @p's process continued since wait last looked:
 * status 0xffff, the news used up unless WNOWAIT. Returns pid or 0. */
static pid_t wait_task_continued(struct wait_opts *wo, struct task_struct *p)
{
	struct signal_struct *sig = p->signal;
	bool cont;

	spin_lock(&sig->siglock);
	cont = sig->stop_flags & SIGNAL_STOP_CONTINUED;
	if (cont && !(wo->wo_flags & WNOWAIT))
		sig->stop_flags &= ~SIGNAL_STOP_CONTINUED;
	spin_unlock(&sig->siglock);
	if (!cont)
		return 0;
	wo->status = 0xffff;
	wo->cause = CLD_CONTINUED;
	wo->si_status = SIGCONT;
	return p->pid;
}

/*
 * wait_consider_task - does child @p answer @wo? Exits first (WEXITED),
 * then stops (WSTOPPED), then continues (WCONTINUED), as in Linux.
 * Returns its pid with the answer in @wo, 0 if it matches but has
 * nothing to say (*@any set), -1 if it is not asked about.
 * tasklist_lock held.
 */
static pid_t wait_consider_task(struct wait_opts *wo, struct task_struct *p, bool *any)
{
	pid_t ret;

	if (!thread_group_leader(p) || p->exit_state == EXIT_DEAD || !eligible_pid(wo, p))
		return -1;
	*any = true;
	if (p->exit_state == EXIT_ZOMBIE && !p->signal->nr_threads)
		return (wo->wo_flags & WEXITED) ? wait_task_zombie(wo, p) : 0;
	if ((wo->wo_flags & WSTOPPED) && (ret = wait_task_stopped(wo, p)))
		return ret;
	if ((wo->wo_flags & WCONTINUED) && (ret = wait_task_continued(wo, p)))
		return ret;
	return 0;
}

/* find_waitable - the first child of current's process (of any of its
 * threads) that answers @wo, or 0; *@any says whether one matched at
 * all. tasklist_lock held. */
static pid_t find_waitable(struct wait_opts *wo, bool *any)
{
	struct task_struct *p, *t;
	pid_t ret;

	lockdep_assert_held(&tasklist_lock);
	*any = false;
	list_for_each_entry(t, &current->signal->thread_head, thread_node)
		list_for_each_entry(p, &t->children, sibling)
			if ((ret = wait_consider_task(wo, p, any)) > 0)
				return ret;
	return 0;
}

/* wait_fill_rusage - wo->wo_rusage for the answer just found: the
 * reaped child's usage with its children's (Linux's RUSAGE_BOTH); zeros
 * for a stop, a continue or WNOWAIT, where mmos keeps no such report
 * (Linux gives the live child's usage there). */
static void wait_fill_rusage(struct wait_opts *wo)
{
	if (wo->reap)
		getrusage(wo->reap, RUSAGE_BOTH, wo->wo_rusage);
	else
		memset(wo->wo_rusage, 0, sizeof(*wo->wo_rusage));
}

/*
 * do_wait - wait until a child answers @wo (it exited, stopped or
 * continued, as wo_flags ask) and reap it if it exited (unless
 * WNOWAIT). Returns its pid with the answer in @wo, 0 with WNOHANG if
 * none has anything to say yet, -ECHILD if no child matches,
 * -ERESTARTSYS if a signal came first.
 */
static long do_wait(struct wait_opts *wo)
{
	struct wait_queue_entry w = { .task = NULL };
	struct wait_queue_head *wq = &current->signal->wait_chldexit;
	unsigned long flags;
	bool any;
	long ret;

	for (;;) {
		prepare_to_wait(wq, &w, TASK_INTERRUPTIBLE);
		wo->reap = NULL;
		spin_lock_irqsave(&tasklist_lock, flags);
		ret = find_waitable(wo, &any);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (ret > 0 && wo->wo_rusage)
			wait_fill_rusage(wo);
		if (wo->reap)
			release_task(wo->reap);
		if (ret)
			break;
		ret = !any ? -ECHILD : (wo->wo_flags & WNOHANG) ? 0 : -ERESTARTSYS;
		if (ret != -ERESTARTSYS || signal_pending(current))
			break;
		schedule();
	}
	finish_wait(wq, &w);
	return ret;
}

/* find_get_pid - the struct pid of number @nr with a reference, or NULL. */
static struct pid *find_get_pid(pid_t nr)
{
	unsigned long flags;
	struct pid *pid;

	spin_lock_irqsave(&tasklist_lock, flags);
	pid = get_pid(find_vpid(nr));
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return pid;
}

/* get_task_pgrp - current's process group, with a reference. */
static struct pid *get_current_pgrp(void)
{
	unsigned long flags;
	struct pid *pid;

	spin_lock_irqsave(&tasklist_lock, flags);
	pid = get_pid(task_pgrp(current));
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return pid;
}

/*
 * wait4 - Linux's kernel_wait4: pid > 0 that child, 0 any child in the
 * caller's process group, -1 any child, < -1 any in group -pid; always
 * WEXITED, with WUNTRACED and WCONTINUED if asked.
 */
SYSCALL_DEFINE4(wait4, pid_t, upid, int __user *, stat_addr, int, options,
		struct rusage __user *, ru)
{
	struct wait_opts wo = { .wo_type = PIDTYPE_MAX };
	struct rusage r;
	long ret;

	if (options & ~(WNOHANG | WSTOPPED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (upid == INT_MIN)
		return -ESRCH;	/* -INT_MIN is no number */
	if (upid < -1) {
		wo.wo_type = PIDTYPE_PGID;
		wo.wo_pid = find_get_pid(-upid);
	} else if (upid == 0) {
		wo.wo_type = PIDTYPE_PGID;
		wo.wo_pid = get_current_pgrp();
	} else if (upid > 0) {
		wo.wo_type = PIDTYPE_PID;
		wo.wo_pid = find_get_pid(upid);
	}
	wo.wo_flags = options | WEXITED;
	wo.wo_rusage = ru ? &r : NULL;
	ret = do_wait(&wo);
	put_pid(wo.wo_pid);
	if (ret > 0 && stat_addr && put_user(wo.status, stat_addr))
		return -EFAULT;
	if (ret > 0 && ru && copy_to_user(ru, &r, sizeof(r)))
		return -EFAULT;
	return ret;
}

/* The part of siginfo_t waitid fills (the rest is left as it was). */
struct siginfo_chld {
	int si_signo, si_errno, si_code, __pad;
	int si_pid, si_uid, si_status;
};

/*
 * waitid_to_user - waitid's answer into *@infop as Linux writes it:
 * si_signo SIGCHLD when a child answered, else every field 0 (WNOHANG
 * with nothing to say, and errors too). Returns 0 or -EFAULT.
 */
static int waitid_to_user(struct siginfo_chld __user *infop, const struct wait_opts *wo,
			  long ret)
{
	struct siginfo_chld info = { 0 };

	if (ret > 0) {
		info.si_signo = SIGCHLD;
		info.si_code = wo->cause;
		info.si_pid = ret;
		info.si_status = wo->si_status;
	}
	if (!access_ok(infop, 128))	/* the whole siginfo_t must be there */
		return -EFAULT;
	return copy_to_user(infop, &info, sizeof(info)) ? -EFAULT : 0;
}

/*
 * waitid - Linux's kernel_waitid: P_ALL, P_PID (upid > 0), P_PGID (upid
 * >= 0; 0 is the caller's group); at least one of WEXITED, WSTOPPED,
 * WCONTINUED. mmos has no pidfds, so for P_PIDFD every fd is "not a
 * pidfd": EBADF, as Linux says for one.
 */
SYSCALL_DEFINE5(waitid, int, which, pid_t, upid, struct siginfo_chld __user *, infop,
		int, options, struct rusage __user *, ru)
{
	struct wait_opts wo = { .wo_type = PIDTYPE_MAX };
	struct rusage r;
	long ret;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED |
			__WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	switch (which) {
	case P_ALL:
		break;
	case P_PID:
		if (upid <= 0)
			return -EINVAL;
		wo.wo_type = PIDTYPE_PID;
		wo.wo_pid = find_get_pid(upid);
		break;
	case P_PGID:
		if (upid < 0)
			return -EINVAL;
		wo.wo_type = PIDTYPE_PGID;
		wo.wo_pid = upid ? find_get_pid(upid) : get_current_pgrp();
		break;
	case P_PIDFD:
		return upid < 0 ? -EINVAL : -EBADF;
	default:
		return -EINVAL;
	}
	wo.wo_flags = options;
	wo.wo_rusage = ru ? &r : NULL;
	ret = do_wait(&wo);
	put_pid(wo.wo_pid);
	if (ret > 0 && ru && copy_to_user(ru, &r, sizeof(r)))
		return -EFAULT;
	if (!infop)
		return ret > 0 ? 0 : ret;
	if (waitid_to_user(infop, &wo, ret))
		return -EFAULT;
	return ret > 0 ? 0 : ret;
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}
