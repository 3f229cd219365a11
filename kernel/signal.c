// SPDX-License-Identifier: GPL-2.0
/* Signals: sending, recording actions, default actions (<linux/signal.h>). */
#include <linux/arch.h>
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/irqflags.h>
#include <asm/ptrace.h>

#define SIG_KERNEL_IGNORE_MASK	(sigmask(SIGCHLD) | sigmask(SIGURG) | \
				 sigmask(SIGWINCH) | sigmask(SIGCONT))
#define SIG_KERNEL_STOP_MASK	(sigmask(SIGSTOP) | sigmask(SIGTSTP))

#define SIG_KERNEL_ONLY_MASK	(sigmask(SIGKILL) | sigmask(SIGSTOP))

/*
 * sig_ignored - would @p ignore @sig right now? Then it is dropped at
 * once, as in Linux, and interrupts no sleep (SIGCHLD, by default).
 * init (SIGNAL_UNKILLABLE) ignores every signal it has no handler for,
 * SIGKILL included, unless the kernel itself (@force) sends SIGKILL or
 * SIGSTOP: a stray signal must not end the system.
 */
static bool sig_ignored(struct task_struct *p, int sig, bool force)
{
	void *h = p->sighand[sig - 1].handler;

	if ((p->signal->flags & SIGNAL_UNKILLABLE) && h == SIG_DFL &&
	    !(force && (sigmask(sig) & SIG_KERNEL_ONLY_MASK)))
		return true;
	if (sig == SIGKILL || (p->blocked & sigmask(sig)))
		return false;
	return h == SIG_IGN ||
	       (h == SIG_DFL && (sigmask(sig) & SIG_KERNEL_IGNORE_MASK));
}

/*
 * signal_wake_up - @p has a new signal: end an interruptible sleep, and
 * a killable one (TASK_WAKEKILL) when the signal is SIGKILL.
 */
static void signal_wake_up(struct task_struct *p, int sig)
{
	long state = READ_ONCE(p->__state);

	if ((state & TASK_INTERRUPTIBLE) ||
	    (sig == SIGKILL && (state & TASK_WAKEKILL)))
		wake_up_process(p);
}

/* signal_add - make @sig pending for @p (irqs off: senders may run in
 * interrupts) and wake it from a sleep the signal ends. */
static void signal_add(int sig, struct task_struct *p)
{
	unsigned long flags = arch_local_irq_save();

	p->pending |= sigmask(sig);
	arch_local_irq_restore(flags);
	signal_wake_up(p, sig);
}

/* __send_sig - make @sig pending for @p, unless it is ignored. */
static void __send_sig(int sig, struct task_struct *p, bool force)
{
	if (!sig_ignored(p, sig, force))
		signal_add(sig, p);
}

/*
 * send_sig - make @sig pending for @p and wake it if it sleeps. @priv
 * says the kernel sends it (not a user's kill()), as in Linux; it
 * matters only for init. Returns 0 or -EINVAL for a bad number.
 */
int send_sig(int sig, struct task_struct *p, int priv)
{
	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	__send_sig(sig, p, priv);
	return 0;
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
	__send_sig(sig, current, true);
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

bool signal_pending(struct task_struct *p)
{
	return READ_ONCE(p->pending) & ~p->blocked;
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



/*
 * do_signal_exit_check - on the way to user mode with @regs: act on the
 * deliverable signals. A handler gets a frame (one handler per return:
 * the rest wait until it runs); otherwise the default action: ignore, or
 * end the whole process with the signal as its status (no core dumps).
 */
void do_signal_exit_check(struct pt_regs *regs)
{
	struct task_struct *t = current;

	while (signal_pending(t)) {
		sigset_t ready = t->pending & ~t->blocked;
		int sig = __builtin_ctzll(ready) + 1;
		struct k_sigaction *ka = &t->sighand[sig - 1];
		void *h = ka->handler;

		t->pending &= ~sigmask(sig);
		if (t->signal->group_exit)
			do_group_exit(SIGKILL);
		if (h == SIG_IGN && sig != SIGKILL)
			continue;
		if (h != SIG_DFL && sig != SIGKILL) {
			syscall_restart(regs, ka);
			if (setup_rt_frame(sig, ka, regs)) {
				/* no room for the frame: a SIGSEGV that no
				 * handler can catch (Linux's force_sigsegv) */
				t->sighand[SIGSEGV - 1].handler = SIG_DFL;
				force_sig(SIGSEGV);
				continue;
			}
			/* the frame saved the mask to go back to; the
			 * handler runs under the current one, as Linux's */
			clear_restore_sigmask();
			t->blocked |= ka->mask | (ka->flags & SA_NODEFER ? 0 : sigmask(sig));
			if (ka->flags & SA_RESETHAND)
				ka->handler = SIG_DFL;
			t->fault_sig = 0;
			return;
		}
		if (sigmask(sig) & (SIG_KERNEL_IGNORE_MASK | SIG_KERNEL_STOP_MASK))
			continue;
		/* init dies only of what the kernel forces (a fault) */
		if ((t->signal->flags & SIGNAL_UNKILLABLE) &&
		    !(sigmask(sig) & SIG_KERNEL_ONLY_MASK))
			continue;
		do_group_exit(sig);	/* a group exit's SIGKILL takes its code */
	}
	syscall_restart(regs, NULL);	/* no handler ran: just run it again */
	restore_saved_sigmask();
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

/*
 * kill_ok_by_cred - may current signal @t by their credentials: its
 * real or effective uid is @t's real or saved uid, or it has CAP_KILL
 * (Linux's rule). tasklist_lock held, so @t is not freed meanwhile.
 */
static bool kill_ok_by_cred(struct task_struct *t)
{
	const struct cred *cred = current_cred(), *tcred;
	bool ok;

	task_lock(t);
	tcred = t->real_cred;
	ok = uid_eq(cred->euid, tcred->suid) || uid_eq(cred->euid, tcred->uid) ||
	     uid_eq(cred->uid, tcred->suid) || uid_eq(cred->uid, tcred->uid);
	task_unlock(t);
	return ok || capable(CAP_KILL);
}

/*
 * check_kill_permission - 0 if current may send @sig (0: only asking)
 * to @t, else -EPERM: a thread of one's own process always, another
 * process by kill_ok_by_cred(). SIGCONT passes within a session, and
 * mmos keeps no sessions (everything is in init's), so it always
 * passes. tasklist_lock held.
 */
static int check_kill_permission(int sig, struct task_struct *t)
{
	if (t->signal == current->signal || kill_ok_by_cred(t))
		return 0;
	return sig == SIGCONT ? 0 : -EPERM;
}

/*
 * kill_pid - a process-wide signal to process @pid, all under
 * tasklist_lock so that no thread can be freed meanwhile: SIGKILL ends
 * every thread, other signals go to one live thread (mmos keeps no
 * shared pending set), the leader if it still runs.
 */
static long kill_pid(pid_t pid, int sig)
{
	struct task_struct *p, *t, *target = NULL;
	unsigned long flags;
	long ret = -ESRCH;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid_locked(pid);
	if (p && p == p->group_leader && p->signal->nr_threads > 0) {
		ret = p->flags & PF_KTHREAD ? -EPERM : check_kill_permission(sig, p);
		list_for_each_entry(t, &p->signal->thread_head, thread_node) {
			if (ret || !sig || t->exit_state)
				continue;
			if (sig == SIGKILL)
				send_sig(SIGKILL, t, 0);
			else if (!target)
				target = t;
		}
		if (target)
			send_sig(sig, target, 0);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

SYSCALL_DEFINE2(kill, int, pid, int, sig)
{
	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (pid <= 0)
		pid = current->tgid;	/* process groups are not kept: own group */
	return kill_pid(pid, sig);
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
	if (p && !p->exit_state && (tgid <= 0 || p->tgid == tgid)) {
		ret = check_kill_permission(sig, p);
		if (!ret && sig)
			ret = send_sig(sig, p, 0);
	}
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
