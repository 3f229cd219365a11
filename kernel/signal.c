// SPDX-License-Identifier: GPL-2.0
/* Signals: sending, recording actions, default actions (<linux/signal.h>). */
#include <linux/arch.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/irqflags.h>
#include <asm/ptrace.h>

#define SIG_KERNEL_IGNORE_MASK	(sigmask(SIGCHLD) | sigmask(SIGURG) | \
				 sigmask(SIGWINCH) | sigmask(SIGCONT))
#define SIG_KERNEL_STOP_MASK	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | \
				 sigmask(SIGTTIN) | sigmask(SIGTTOU))

#define SIG_KERNEL_ONLY_MASK	(sigmask(SIGKILL) | sigmask(SIGSTOP))

#define SA_NOCLDSTOP	0x00000001

/* si_code of SIGCHLD and waitid (Linux's values) */
#define CLD_STOPPED	5
#define CLD_CONTINUED	6

/*
 * sig_ignored - would @p ignore @sig right now? Then it is dropped at
 * once, as in Linux, and interrupts no sleep (SIGCHLD, by default).
 * init (SIGNAL_UNKILLABLE) ignores every signal it has no handler for,
 * SIGKILL included, unless the kernel itself (@force) sends SIGKILL or
 * SIGSTOP: a stray signal must not end the system. A blocked signal, or
 * one that rt_sigtimedwait waits for (real_blocked), is kept.
 */
static bool sig_ignored(struct task_struct *p, int sig, bool force)
{
	void *h = p->sighand[sig - 1].handler;

	if ((p->signal->flags & SIGNAL_UNKILLABLE) && h == SIG_DFL &&
	    !(force && (sigmask(sig) & SIG_KERNEL_ONLY_MASK)))
		return true;
	if (sig == SIGKILL || ((p->blocked | p->real_blocked) & sigmask(sig)))
		return false;
	return h == SIG_IGN ||
	       (h == SIG_DFL && (sigmask(sig) & SIG_KERNEL_IGNORE_MASK));
}

/*
 * signal_wake_up - @p has something to act on: end an interruptible
 * sleep, and with @fatal (SIGKILL) a killable one or a stop
 * (TASK_WAKEKILL is in both).
 */
static void signal_wake_up(struct task_struct *p, bool fatal)
{
	wake_up_state(p, TASK_INTERRUPTIBLE | (fatal ? TASK_WAKEKILL : 0));
}

/* signal_add - make @sig pending for @p and wake it from a sleep the
 * signal ends. Any context: siglock is taken with interrupts off. */
static void signal_add(int sig, struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&p->signal->siglock, flags);
	p->pending |= sigmask(sig);
	spin_unlock_irqrestore(&p->signal->siglock, flags);
	signal_wake_up(p, sig == SIGKILL);
}

/*
 * prepare_signal - what @sig does to @p's whole process before it is
 * queued, as Linux's prepare_signal: a stop signal discards every
 * pending SIGCONT; SIGCONT discards every pending stop signal, ends a
 * group stop (done or under way) and wakes the stopped threads, and
 * records for the parent that the process continued. Then: is the
 * signal still to be queued (not ignored, the process not exiting)?
 * tasklist_lock held (the thread list).
 */
static bool prepare_signal(int sig, struct task_struct *p, bool force)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t;
	unsigned long flags;

	lockdep_assert_held(&tasklist_lock);
	if (signal->group_exit)
		return false;	/* all that is left is dying */
	spin_lock_irqsave(&signal->siglock, flags);
	if (sigmask(sig) & SIG_KERNEL_STOP_MASK) {
		list_for_each_entry(t, &signal->thread_head, thread_node)
			t->pending &= ~sigmask(SIGCONT);
	} else if (sig == SIGCONT) {
		unsigned int why = 0;

		list_for_each_entry(t, &signal->thread_head, thread_node) {
			t->pending &= ~SIG_KERNEL_STOP_MASK;
			t->jobctl &= ~(JOBCTL_STOP_PENDING | JOBCTL_STOPPED);
			wake_up_state(t, __TASK_STOPPED);
		}
		if (signal->stop_flags & SIGNAL_STOP_STOPPED)
			why = SIGNAL_CLD_CONTINUED;
		else if (signal->group_stop_count)
			why = SIGNAL_CLD_STOPPED;
		if (why) {
			signal->stop_flags = why | SIGNAL_STOP_CONTINUED;
			signal->group_stop_count = 0;
			signal->group_stop_code = 0;
		}
	}
	spin_unlock_irqrestore(&signal->siglock, flags);
	return !sig_ignored(p, sig, force);
}

/*
 * __send_sig - @sig for thread @p, after prepare_signal(). tasklist_lock
 * held.
 */
static void __send_sig(int sig, struct task_struct *p, bool force)
{
	if (prepare_signal(sig, p, force))
		signal_add(sig, p);
}

/*
 * send_sig - make @sig pending for thread @p and wake it if it sleeps.
 * @priv says the kernel sends it (not a user's kill()), as in Linux; it
 * matters only for init. Any context. Returns 0 or -EINVAL for a bad
 * number.
 */
int send_sig(int sig, struct task_struct *p, int priv)
{
	unsigned long flags;

	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	__send_sig(sig, p, priv);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return 0;
}

/*
 * complete_signal_target - the thread of @p's process to take a
 * process-wide @sig: the first live one that does not block it, else the
 * first live one (mmos keeps no shared pending set: Linux would queue
 * it there). NULL if every thread is gone. tasklist_lock held.
 */
static struct task_struct *complete_signal_target(int sig, struct task_struct *p)
{
	struct task_struct *t, *any = NULL;

	list_for_each_entry(t, &p->signal->thread_head, thread_node) {
		if (t->exit_state || (t->flags & PF_EXITING))
			continue;
		if (!(t->blocked & sigmask(sig)))
			return t;
		if (!any)
			any = t;
	}
	return any;
}

/*
 * __group_send_sig_info - a process-wide @sig (0: only the checks) to
 * @p's process, as kill() sends it: EINVAL for a bad number, EPERM for a
 * kernel thread; SIGKILL goes to every thread, another signal to one
 * (complete_signal_target). A zombie takes it and nothing happens, as in
 * Linux. tasklist_lock held. Returns 0 or -errno.
 */
int __group_send_sig_info(int sig, struct task_struct *p, int priv)
{
	struct task_struct *t;

	lockdep_assert_held(&tasklist_lock);
	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (p->flags & PF_KTHREAD)
		return -EPERM;
	if (!sig || !prepare_signal(sig, p, priv))
		return 0;
	if (sig == SIGKILL) {
		list_for_each_entry(t, &p->signal->thread_head, thread_node)
			if (!t->exit_state)
				signal_add(SIGKILL, t);
		return 0;
	}
	t = complete_signal_target(sig, p);
	if (t)
		signal_add(sig, t);
	return 0;
}

/*
 * __kill_pgrp_info - @sig to every process of process group @pgrp.
 * Returns 0 if it reached at least one, else the last error (-ESRCH for
 * an empty or missing group), as Linux's. tasklist_lock held.
 */
int __kill_pgrp_info(int sig, int priv, struct pid *pgrp)
{
	struct task_struct *p;
	int err, retval = -ESRCH;
	bool success = false;

	lockdep_assert_held(&tasklist_lock);
	if (!pgrp)
		return -ESRCH;
	for_each_pid_task(pgrp, PIDTYPE_PGID, p) {
		err = __group_send_sig_info(sig, p, priv);
		success |= !err;
		retval = err;
	}
	return success ? 0 : retval;
}

/*
 * kill_pgrp - @sig to every process of @pgrp: what a terminal sends its
 * foreground group (SIGINT, SIGQUIT, SIGTSTP, SIGWINCH) and a hung-up
 * terminal its session (SIGHUP). @priv: sent by the kernel (1) or for a
 * user (0). Any context. Returns 0 or -errno as __kill_pgrp_info.
 */
int kill_pgrp(struct pid *pgrp, int sig, int priv)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	ret = __kill_pgrp_info(sig, priv, pgrp);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/*
 * kill_something_info - kill()'s targets, Linux's rule: pid > 0 that
 * process; 0 the caller's process group; -1 every process but PID 1 and
 * the caller's own (ESRCH if there is none; an EPERM alone does not
 * count as the result); < -1 the group -pid. tasklist_lock held.
 */
static long kill_something_info(int sig, pid_t pid)
{
	struct task_struct *p;
	int err, retval = 0, count = 0;

	lockdep_assert_held(&tasklist_lock);
	if (pid > 0) {
		p = pid_task(find_vpid(pid), PIDTYPE_TGID);
		return p ? __group_send_sig_info(sig, p, 0) : -ESRCH;
	}
	if (pid == INT_MIN)
		return -ESRCH;	/* -INT_MIN is no number */
	if (pid != -1)
		return __kill_pgrp_info(sig, 0, pid ? find_vpid(-pid) : task_pgrp(current));
	list_for_each_entry(p, &tasklist, tasks) {
		if (!thread_group_leader(p) || p->pid <= 1 || p->signal == current->signal)
			continue;
		err = __group_send_sig_info(sig, p, 0);
		count++;
		if (err != -EPERM)
			retval = err;
	}
	return count ? retval : -ESRCH;
}

/*
 * zap_other_threads - SIGKILL to every other thread of current's group,
 * for exit_group and exec's de_thread. Nothing ignores it, not even
 * init's threads: the group is going, one way or the other.
 * tasklist_lock held (the thread list).
 */
void zap_other_threads(void)
{
	struct task_struct *t;

	lockdep_assert_held(&tasklist_lock);
	list_for_each_entry(t, &current->signal->thread_head, thread_node)
		if (t != current && !t->exit_state)
			signal_add(SIGKILL, t);
}

/*
 * force_sig_fault - a fault's signal for current, with the si_code and
 * address its handler will find in siginfo: unblocked and not ignored,
 * as Linux's force_sig_info_to_task() makes sure. A blocked one means
 * its handler is running and faulted itself: running it again would
 * only fault again, frame after frame, so the default action takes it.
 * A signal forced on init with no handler makes init killable (its
 * fault is fatal).
 */
void force_sig_fault(int sig, int code, unsigned long addr)
{
	struct k_sigaction *ka = &current->sighand[sig - 1];

	current->fault_sig = sig;
	current->fault_code = code;
	current->fault_addr = addr;
	if ((current->blocked & sigmask(sig)) || ka->handler == SIG_IGN)
		ka->handler = SIG_DFL;
	current->blocked &= ~sigmask(sig);
	if (ka->handler == SIG_DFL)
		current->signal->flags &= ~SIGNAL_UNKILLABLE;
	send_sig(sig, current, 1);
}

/* force_sig - a signal the kernel forces on current with no fault
 * details: siginfo says SI_KERNEL, as Linux's force_sig(). */
void force_sig(int sig)
{
	force_sig_fault(sig, SI_KERNEL, 0);
}

/* fatal_signal_pending - SIGKILL is on its way to @p. */
bool fatal_signal_pending(struct task_struct *p)
{
	return READ_ONCE(p->pending) & sigmask(SIGKILL);
}

/* signal_pending - @p has something to do on its way to user mode: a
 * deliverable signal, or its part in a group stop (Linux's
 * TIF_SIGPENDING covers both). */
bool signal_pending(struct task_struct *p)
{
	return (READ_ONCE(p->pending) & ~p->blocked) ||
	       (READ_ONCE(p->jobctl) & JOBCTL_STOP_PENDING);
}

/* signal_pending_state - would a signal end a sleep in @state now? Any
 * deliverable one an interruptible sleep, SIGKILL a killable one. */
bool signal_pending_state(long state, struct task_struct *p)
{
	if (!(state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)) || !signal_pending(p))
		return false;
	return (state & TASK_INTERRUPTIBLE) || fatal_signal_pending(p);
}

void flush_signal_handlers(struct task_struct *t)
{
	for (int i = 0; i < _NSIG; i++)
		if (t->sighand[i].handler != SIG_IGN)
			memset(&t->sighand[i], 0, sizeof(t->sighand[i]));
}

#define SA_NODEFER	0x40000000
#define SA_RESETHAND	0x80000000

/* ---- job control: the group stop ------------------------------------- */

/*
 * do_notify_parent_cldstop - tell the parent of @tsk's process that it
 * stopped or continued (@why: CLD_STOPPED, CLD_CONTINUED): SIGCHLD
 * unless the parent ignores it or asked SA_NOCLDSTOP, and in any case a
 * wake-up for its wait (WUNTRACED, WCONTINUED). tasklist_lock held.
 */
static void do_notify_parent_cldstop(struct task_struct *tsk, int why)
{
	struct task_struct *parent = tsk->group_leader->real_parent;
	const struct k_sigaction *ka = &parent->sighand[SIGCHLD - 1];

	lockdep_assert_held(&tasklist_lock);
	if (ka->handler != SIG_IGN && !(ka->flags & SA_NOCLDSTOP))
		__group_send_sig_info(SIGCHLD, parent, 1);
	wake_up(&parent->signal->wait_chldexit);
}

/*
 * task_participate_group_stop - @task does its part in a pending group
 * stop (it stops, or exits): the last one makes the group stopped.
 * siglock held. Returns whether the parent is now to hear CLD_STOPPED.
 */
static bool task_participate_group_stop(struct task_struct *task)
{
	struct signal_struct *sig = task->signal;

	lockdep_assert_held(&sig->siglock);
	if (!(task->jobctl & JOBCTL_STOP_PENDING))
		return false;
	task->jobctl &= ~JOBCTL_STOP_PENDING;
	if (sig->group_stop_count > 0)
		sig->group_stop_count--;
	if (!sig->group_stop_count && !(sig->stop_flags & SIGNAL_STOP_STOPPED)) {
		sig->stop_flags = SIGNAL_STOP_STOPPED;
		return true;
	}
	return false;
}

/*
 * start_group_stop - current took stop signal @signr with the default
 * action: every live thread of the process is to stop, and the group
 * counts them down (task_participate_group_stop). Nothing starts while
 * the process exits or execs. tasklist_lock and siglock held. Returns
 * whether a stop is pending for current now.
 */
static bool start_group_stop(int signr)
{
	struct signal_struct *sig = current->signal;
	struct task_struct *t;

	if (current->jobctl & JOBCTL_STOP_PENDING)
		return true;
	if (sig->group_exit || sig->group_exec_task)
		return false;
	if (!(sig->stop_flags & SIGNAL_STOP_STOPPED))
		sig->group_stop_code = signr;
	sig->group_stop_count = 0;
	list_for_each_entry(t, &sig->thread_head, thread_node) {
		if (t->exit_state || (t->flags & PF_EXITING) ||
		    ((t->jobctl & JOBCTL_STOPPED) && t != current))
			continue;
		t->jobctl |= JOBCTL_STOP_PENDING;
		sig->group_stop_count++;
		if (t != current)
			signal_wake_up(t, false);
	}
	return true;
}

/*
 * do_signal_stop - current stops, for stop signal @signr (0: its part in
 * a group stop another thread started), and sleeps in TASK_STOPPED until
 * SIGCONT (prepare_signal clears JOBCTL_STOPPED) or SIGKILL wakes it.
 * The thread that completes the group stop tells the parent.
 */
static void do_signal_stop(int signr)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;
	bool notify;

	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&sig->siglock);
	if ((signr && !start_group_stop(signr)) ||
	    !(current->jobctl & JOBCTL_STOP_PENDING)) {
		spin_unlock(&sig->siglock);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return;
	}
	notify = task_participate_group_stop(current);
	current->jobctl |= JOBCTL_STOPPED;
	set_current_state(TASK_STOPPED);
	spin_unlock(&sig->siglock);
	if (notify)
		do_notify_parent_cldstop(current, CLD_STOPPED);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	while ((READ_ONCE(current->jobctl) & JOBCTL_STOPPED) &&
	       !fatal_signal_pending(current)) {
		schedule();
		set_current_state(TASK_STOPPED);
	}
	__set_current_state(TASK_RUNNING);
}

/*
 * do_jobctl_notify - a SIGCONT (prepare_signal) left word for the parent
 * that the process continued, or stopped if the stop was still under
 * way: the first of its threads to come here tells it (Linux does this
 * in get_signal). Returns whether it did.
 */
static bool do_jobctl_notify(void)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;
	unsigned int why;

	if (!(READ_ONCE(sig->stop_flags) & SIGNAL_CLD_MASK))
		return false;
	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&sig->siglock);
	why = sig->stop_flags & SIGNAL_CLD_MASK;
	sig->stop_flags &= ~SIGNAL_CLD_MASK;
	spin_unlock(&sig->siglock);
	if (why)
		do_notify_parent_cldstop(current, why & SIGNAL_CLD_CONTINUED ?
					 CLD_CONTINUED : CLD_STOPPED);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return why;
}

/*
 * exit_signals - @tsk (current) is exiting: if a group stop waits for
 * it, it counts as stopped, and if it was the last the parent hears the
 * group stopped, unless the whole process is exiting anyway.
 */
void exit_signals(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	unsigned long flags;
	bool notify;

	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&sig->siglock);
	notify = task_participate_group_stop(tsk) && !sig->group_exit;
	spin_unlock(&sig->siglock);
	if (notify)
		do_notify_parent_cldstop(tsk, CLD_STOPPED);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/*
 * dequeue_signal - take the lowest-numbered pending signal that is not
 * blocked (0 if none) off current's pending set.
 */
static int dequeue_signal(void)
{
	struct task_struct *t = current;
	unsigned long flags;
	sigset_t ready;
	int sig = 0;

	spin_lock_irqsave(&t->signal->siglock, flags);
	ready = t->pending & ~t->blocked;
	if (ready) {
		sig = __builtin_ctzll(ready) + 1;
		t->pending &= ~sigmask(sig);
	}
	spin_unlock_irqrestore(&t->signal->siglock, flags);
	return sig;
}

/*
 * do_signal_exit_check - on the way to user mode with @regs: act on the
 * deliverable signals and on a pending group stop. A handler gets a
 * frame (one handler per return: the rest wait until it runs);
 * otherwise the default action: ignore, stop the process (a stop signal
 * to an orphaned process group other than SIGSTOP is discarded, as
 * POSIX says), or end the whole process with the signal as its status
 * (no core dumps).
 */
void do_signal_exit_check(struct pt_regs *regs)
{
	struct task_struct *t = current;

	for (;;) {
		struct k_sigaction *ka;
		int sig;

		if (do_jobctl_notify())
			continue;
		if (READ_ONCE(t->jobctl) & JOBCTL_STOP_PENDING) {
			do_signal_stop(0);
			continue;
		}
		sig = dequeue_signal();
		if (!sig)
			break;
		ka = &t->sighand[sig - 1];
		if (t->signal->group_exit)
			do_group_exit(SIGKILL);
		if (ka->handler == SIG_IGN && sig != SIGKILL)
			continue;
		if (ka->handler != SIG_DFL && sig != SIGKILL) {
			syscall_restart(regs, ka);
			if (setup_rt_frame(sig, ka, regs)) {
				/* no room for the frame: a SIGSEGV that no
				 * handler can catch (Linux's force_sigsegv) */
				t->sighand[SIGSEGV - 1].handler = SIG_DFL;
				force_sig(SIGSEGV);
				continue;
			}
			t->blocked |= ka->mask | (ka->flags & SA_NODEFER ? 0 : sigmask(sig));
			if (ka->flags & SA_RESETHAND)
				ka->handler = SIG_DFL;
			t->fault_sig = 0;
			return;
		}
		if (sigmask(sig) & SIG_KERNEL_IGNORE_MASK)
			continue;
		/* init dies only of what the kernel forces (a fault) */
		if ((t->signal->flags & SIGNAL_UNKILLABLE) &&
		    !(sigmask(sig) & SIG_KERNEL_ONLY_MASK))
			continue;
		if (sigmask(sig) & SIG_KERNEL_STOP_MASK) {
			if (sig == SIGSTOP || !is_current_pgrp_orphaned())
				do_signal_stop(sig);
			continue;
		}
		do_group_exit(sig);	/* a group exit's SIGKILL takes its code */
	}
	syscall_restart(regs, NULL);	/* no handler ran: just run it again */
}

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct k_sigaction __user *, act,
		struct k_sigaction __user *, oact, size_t, sigsetsize)
{
	struct k_sigaction new;

	if (sigsetsize != sizeof(sigset_t) || sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (act && (sig == SIGKILL || sig == SIGSTOP))
		return -EINVAL;
	if (act && copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	if (oact && copy_to_user(oact, &current->sighand[sig - 1], sizeof(*oact)))
		return -EFAULT;
	if (act) {
		new.mask &= ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
		current->sighand[sig - 1] = new;
	}
	return 0;
}

#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

SYSCALL_DEFINE4(rt_sigprocmask, int, how, const sigset_t __user *, nset,
		sigset_t __user *, oset, size_t, sigsetsize)
{
	sigset_t old = current->blocked, set;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&set, nset, sizeof(set)))
			return -EFAULT;
		set &= ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
		switch (how) {
		case SIG_BLOCK: current->blocked |= set; break;
		case SIG_UNBLOCK: current->blocked &= ~set; break;
		case SIG_SETMASK: current->blocked = set; break;
		default: return -EINVAL;
		}
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(kill, int, pid, int, sig)
{
	unsigned long flags;
	long ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	ret = kill_something_info(sig, pid);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* tgkill/tkill - a signal to one thread. */
static long do_tkill(pid_t tgid, pid_t pid, int sig)
{
	struct task_struct *p;
	unsigned long flags;
	long ret = -ESRCH;

	if (pid <= 0 || sig < 0 || sig > _NSIG)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid_locked(pid);
	if (p && !p->exit_state && (tgid <= 0 || p->tgid == tgid))
		ret = sig ? (__send_sig(sig, p, false), 0) : 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

SYSCALL_DEFINE3(tgkill, pid_t, tgid, pid_t, pid, int, sig)
{
	if (tgid <= 0)
		return -EINVAL;
	return do_tkill(tgid, pid, sig);
}

SYSCALL_DEFINE2(tkill, pid_t, pid, int, sig)
{
	return do_tkill(0, pid, sig);
}
