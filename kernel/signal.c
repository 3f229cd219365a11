// SPDX-License-Identifier: GPL-2.0
/* Signals: sending, recording actions, default actions (<linux/signal.h>). */
#include <linux/arch.h>
#include <linux/kernel.h>
#include <linux/coredump.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/timer.h>
#include <asm/irqflags.h>
#include <asm/ptrace.h>

#define SIG_KERNEL_IGNORE_MASK	(sigmask(SIGCHLD) | sigmask(SIGURG) | \
				 sigmask(SIGWINCH) | sigmask(SIGCONT))
#define SIG_KERNEL_STOP_MASK	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | \
				 sigmask(SIGTTIN) | sigmask(SIGTTOU))

#define SIG_KERNEL_ONLY_MASK	(sigmask(SIGKILL) | sigmask(SIGSTOP))

/* The signals whose default is a core dump (Linux's): the thread that
 * takes one writes it (do_coredump()) before the group exits, so, as in
 * Linux, their group exit is left to it (no short cut in
 * complete_signal()). */
#define SIG_KERNEL_COREDUMP_MASK (sigmask(SIGQUIT) | sigmask(SIGILL) | \
				  sigmask(SIGTRAP) | sigmask(SIGABRT) | \
				  sigmask(SIGFPE) | sigmask(SIGSEGV) | \
				  sigmask(SIGBUS) | sigmask(SIGSYS) | \
				  sigmask(SIGXCPU) | sigmask(SIGXFSZ))

/* The signals a thread's own fault sends: taken first (next_signal()),
 * as Linux's, so a handler sees its fault before anything else. */
#define SYNCHRONOUS_MASK	(sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGILL) | \
				 sigmask(SIGTRAP) | sigmask(SIGFPE) | sigmask(SIGSYS))


/* si_code of SIGCHLD and waitid (Linux's values) */
#define CLD_STOPPED	5
#define CLD_CONTINUED	6

/*
 * sigaction_of - a copy of @p's action for @sig, read under its
 * sighand's siglock (another thread may be changing it). Any context.
 */
struct k_sigaction sigaction_of(struct task_struct *p, int sig)
{
	struct sighand_struct *sighand = p->sighand;
	struct k_sigaction ka;
	unsigned long flags;

	spin_lock_irqsave(&sighand->siglock, flags);
	ka = sighand->action[sig - 1];
	spin_unlock_irqrestore(&sighand->siglock, flags);
	return ka;
}

/* sig_handler - @p's handler for @sig (SIG_DFL, SIG_IGN or a function),
 * as sigaction_of() reads it. */
static void *sig_handler(struct task_struct *p, int sig)
{
	return sigaction_of(p, sig).handler;
}

/*
 * sig_ignored - would @p ignore @sig right now? Then it is dropped at
 * once, as in Linux, and interrupts no sleep (SIGCHLD, by default).
 * init (SIGNAL_UNKILLABLE) ignores every signal it has no handler for,
 * SIGKILL included, unless the kernel itself (@force) sends SIGKILL or
 * SIGSTOP: a stray signal must not end the system. A blocked signal, or
 * one that rt_sigtimedwait waits for (real_blocked), is never ignored,
 * not even by init, as in Linux: the handler may change before it is
 * unblocked (or rt_sigtimedwait takes it).
 */
static bool sig_ignored(struct task_struct *p, int sig, bool force)
{
	void *h = sig_handler(p, sig);

	if ((p->blocked | p->real_blocked) & sigmask(sig))
		return false;
	if ((p->signal->flags & SIGNAL_UNKILLABLE) && h == SIG_DFL &&
	    !(force && (sigmask(sig) & SIG_KERNEL_ONLY_MASK)))
		return true;
	if (sig == SIGKILL)
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

/* fill_siginfo - the info @sig carries: @info's own, or for
 * SEND_SIG_NOINFO a user's kill() from current (SI_USER and its pid),
 * for SEND_SIG_PRIV the kernel (SI_KERNEL). */
static void fill_siginfo(struct kernel_siginfo *to, int sig, const struct kernel_siginfo *info)
{
	memset(to, 0, sizeof(*to));
	if (info == SEND_SIG_NOINFO) {
		to->si_code = SI_USER;
		to->kill.pid = current->tgid;
	} else if (info == SEND_SIG_PRIV) {
		to->si_code = SI_KERNEL;
	} else {
		*to = *info;
	}
	to->si_signo = sig;
}

/* si_fromkernel - @info says the kernel sent it, not a user's kill (no
 * permission check): SEND_SIG_PRIV, or a positive si_code (SI_KERNEL, a
 * fault's, a child's CLD_*). */
static bool si_fromkernel(const struct kernel_siginfo *info)
{
	return info == SEND_SIG_PRIV || (info != SEND_SIG_NOINFO && info->si_code > 0);
}

/*
 * si_force - may @info's SIGKILL or SIGSTOP reach init (Linux's force
 * in send_signal_locked)? Only what the kernel itself generates:
 * SEND_SIG_PRIV or SI_KERNEL. A child's exit signal (CLD_EXITED, and
 * clone lets a child pick SIGSTOP or SIGKILL as its exit signal) is
 * sent on the child's behalf and is not forced, so init ignores it as
 * Linux's init does: before this, a fuzzer child whose exit signal was
 * SIGSTOP stopped PID 1 for good.
 */
static bool si_force(const struct kernel_siginfo *info)
{
	return info == SEND_SIG_PRIV ||
	       (info != SEND_SIG_NOINFO && info->si_code == SI_KERNEL);
}

/* init_sigpending - @pending holds no signal. */
void init_sigpending(struct sigpending *pending)
{
	INIT_LIST_HEAD(&pending->list);
	pending->signal = 0;
	for (int i = 0; i < _NSIG; i++)
		pending->info[i].si_signo = 0;
}

/* __sigqueue_free - @q, taken off its list (or never on one), is
 * freed, unless a timer owns it (SIGQUEUE_PREALLOC). NULL is nothing. */
static void __sigqueue_free(struct sigqueue *q)
{
	if (q && !(q->flags & SIGQUEUE_PREALLOC))
		kfree(q);
}

/* __sigqueue_alloc - a sigqueue for a send of @sig, made before any lock
 * is taken: only a real-time signal is queued. NULL otherwise, or when
 * memory ran out (the send then fails or loses its info, as Linux's
 * does when its queue is full). */
static struct sigqueue *__sigqueue_alloc(int sig)
{
	if (sig < SIGRTMIN || sig > SIGRTMAX)
		return NULL;
	return kzalloc(sizeof(struct sigqueue), GFP_KERNEL);
}

/* flush_sigqueue_mask - the signals of @mask are no longer pending in
 * @pending; their queued entries are freed (freeing takes no sleep).
 * siglock held, or @pending unreachable. */
static void flush_sigqueue_mask(sigset_t mask, struct sigpending *pending)
{
	struct sigqueue *q, *n;

	pending->signal &= ~mask;
	for (int i = 1; i <= _NSIG; i++)
		if (mask & sigmask(i))
			pending->info[i - 1].si_signo = 0;
	list_for_each_entry_safe(q, n, &pending->list, list) {
		if (mask & sigmask(q->info.si_signo)) {
			list_del_init(&q->list);
			__sigqueue_free(q);
		}
	}
}

/* flush_sigqueue - @pending, of process @sig, is to go (its task or
 * process freed): every queued entry is freed, or left to its timer.
 * Under siglock: a timer being deleted looks at its entry. */
void flush_sigqueue(struct sigpending *pending, struct signal_struct *sig)
{
	unsigned long flags;

	spin_lock_irqsave(&sig->siglock, flags);
	flush_sigqueue_mask(~0ULL, pending);
	spin_unlock_irqrestore(&sig->siglock, flags);
}

/* sigqueue_alloc - a POSIX timer's own sigqueue (SIGQUEUE_PREALLOC),
 * made with the timer: each expiry queues it again (send_sigqueue()),
 * and taking the signal leaves it to the timer. NULL without memory. */
struct sigqueue *sigqueue_alloc(void)
{
	struct sigqueue *q = kzalloc(sizeof(*q), GFP_KERNEL);

	if (q) {
		INIT_LIST_HEAD(&q->list);
		q->flags = SIGQUEUE_PREALLOC;
	}
	return q;
}

/* sigqueue_free - the timer of @q (of process @sig) is deleted: @q is
 * freed, or if it is still queued, freed by whoever takes or discards
 * it, as Linux's. */
void sigqueue_free(struct sigqueue *q, struct signal_struct *sig)
{
	unsigned long flags;

	spin_lock_irqsave(&sig->siglock, flags);
	q->flags &= ~SIGQUEUE_PREALLOC;
	if (!list_empty(&q->list))
		q = NULL;
	spin_unlock_irqrestore(&sig->siglock, flags);
	kfree(q);
}

/* flush_group_mask - the signals of @mask are no longer pending for
 * @p's process: in its shared set nor in any thread's own.
 * tasklist_lock (the thread list) and siglock held. */
static void flush_group_mask(sigset_t mask, struct task_struct *p)
{
	struct task_struct *t;

	lockdep_assert_held(&tasklist_lock);
	lockdep_assert_held(&p->signal->siglock);
	flush_sigqueue_mask(mask, &p->signal->shared_pending);
	list_for_each_entry(t, &p->signal->thread_head, thread_node)
		flush_sigqueue_mask(mask, &t->pending);
}

/* pending_except - what @p would find to take now but @sig: its own
 * and its process's pending signals that it does not block (Linux's
 * TIF_SIGPENDING before @sig came). siglock held. */
static bool pending_except(struct task_struct *p, int sig)
{
	sigset_t set = p->pending.signal | p->signal->shared_pending.signal;

	return set & ~p->blocked & ~sigmask(sig);
}

/*
 * wants_signal - may thread @p take process-wide @sig now, as Linux's:
 * it does not block it and is not exiting; for any but SIGKILL, it is
 * not stopped, and is running or has nothing else to do. siglock held.
 */
static bool wants_signal(int sig, struct task_struct *p)
{
	if ((p->blocked & sigmask(sig)) || p->exit_state || (p->flags & PF_EXITING))
		return false;
	if (sig == SIGKILL)
		return true;
	if (p->jobctl & JOBCTL_STOPPED)
		return false;
	return p == current || !pending_except(p, sig);
}

/* sig_fatal - does @sig's action end @p's process: the default action,
 * and a default that is neither ignore nor stop. */
static bool sig_fatal(struct task_struct *p, int sig)
{
	return !(sigmask(sig) & (SIG_KERNEL_IGNORE_MASK | SIG_KERNEL_STOP_MASK)) &&
	       sig_handler(p, sig) == SIG_DFL;
}

/*
 * complete_signal - @sig was just made pending for @p (@type
 * PIDTYPE_PID: for that thread alone; else for its process): wake the
 * thread to take it, as Linux's. @p itself if it wants it (a
 * thread-directed one waits for @p otherwise); else the first thread
 * that does (none: it stays pending until one unblocks it). A fatal
 * signal, no thread waiting for it in rt_sigtimedwait, ends the whole
 * process at once: the group exits with it, every thread gets SIGKILL.
 * tasklist_lock (the thread list, group_exit) and siglock held.
 */
static void complete_signal(int sig, struct task_struct *p, enum pid_type type)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t = NULL, *i;

	lockdep_assert_held(&tasklist_lock);
	lockdep_assert_held(&signal->siglock);
	if (wants_signal(sig, p)) {
		t = p;
	} else if (type == PIDTYPE_PID) {
		return;
	} else {
		list_for_each_entry(i, &signal->thread_head, thread_node)
			if (wants_signal(sig, i)) {
				t = i;
				break;
			}
		if (!t)
			return;
	}
	if (sig_fatal(p, sig) && !signal->group_exit &&
	    !(signal->flags & SIGNAL_UNKILLABLE) && !(t->real_blocked & sigmask(sig)) &&
	    !(sigmask(sig) & SIG_KERNEL_COREDUMP_MASK)) {
		signal->group_exit = true;
		signal->group_exit_code = sig;
		signal->group_stop_count = 0;
		list_for_each_entry(i, &signal->thread_head, thread_node) {
			if (i->exit_state)
				continue;
			i->jobctl &= ~JOBCTL_STOP_PENDING;
			i->pending.signal |= sigmask(SIGKILL);
			signal_wake_up(i, true);
		}
		return;
	}
	signal_wake_up(t, sig == SIGKILL);
}

/*
 * queue_rt_signal - record a real-time @sig in @pending. With a sender's
 * sigqueue (*@q, which is then used up) it is queued after the others;
 * a sender that could not get one (@q set, *@q NULL) fails with -EAGAIN
 * if it gave its own info with an si_code other than SI_USER
 * (sigqueue(3)), or else the signal goes without its info, as Linux's
 * does when its queue is full; a sender with no sigqueue at all (@q
 * NULL) merges it into info[] like a standard signal. Returns 0 when it
 * is now pending, 1 when it merged, or -EAGAIN. siglock held.
 */
static int queue_rt_signal(int sig, const struct kernel_siginfo *info,
			   struct sigpending *pending, struct sigqueue **q)
{
	bool special = info == SEND_SIG_NOINFO || info == SEND_SIG_PRIV;

	if (q && *q) {
		fill_siginfo(&(*q)->info, sig, info);
		list_add_tail(&(*q)->list, &pending->list);
		*q = NULL;
	} else if (q && !special && info->si_code != SI_USER) {
		return -EAGAIN;
	} else if (pending->signal & sigmask(sig)) {
		return 1;
	} else if (!q) {
		fill_siginfo(&pending->info[sig - 1], sig, info);
	}
	pending->signal |= sigmask(sig);
	return 0;
}

/*
 * signal_add - make @sig pending for thread @p (@type PIDTYPE_PID) or
 * its process (any other @type), with @info, and complete_signal(). A
 * standard signal already pending in that set merges with it: nothing
 * more happens, as in Linux; a real-time one is queued with the
 * sender's sigqueue @q (queue_rt_signal()). tasklist_lock held; siglock
 * is taken with interrupts off (any context). Returns 0 or -EAGAIN.
 */
static int signal_add(int sig, const struct kernel_siginfo *info, struct task_struct *p,
		      enum pid_type type, struct sigqueue **q)
{
	struct sigpending *pending;
	unsigned long flags;
	int ret = 0;

	lockdep_assert_held(&tasklist_lock);
	spin_lock_irqsave(&p->signal->siglock, flags);
	pending = type == PIDTYPE_PID ? &p->pending : &p->signal->shared_pending;
	if (sig >= SIGRTMIN) {
		ret = queue_rt_signal(sig, info, pending, q);
	} else if (pending->signal & sigmask(sig)) {
		ret = 1;
	} else {
		fill_siginfo(&pending->info[sig - 1], sig, info);
		pending->signal |= sigmask(sig);
	}
	if (!ret)
		complete_signal(sig, p, type);
	spin_unlock_irqrestore(&p->signal->siglock, flags);
	return ret < 0 ? ret : 0;
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
		flush_group_mask(sigmask(SIGCONT), p);
	} else if (sig == SIGCONT) {
		unsigned int why = 0;

		flush_group_mask(SIG_KERNEL_STOP_MASK, p);
		list_for_each_entry(t, &signal->thread_head, thread_node) {
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
 * send_sigqueue - a POSIX timer's signal, its own sigqueue @q (info
 * filled by the timer), to the thread (@type PIDTYPE_PID) or process
 * @pid names, as Linux's: if @q is still queued from the last expiry,
 * this one and the @missed before it count as its overruns; else it is
 * queued (after prepare_signal(), even beside a pending kill() of the
 * same standard signal) with @missed overruns. Any context. Returns 0,
 * 1 if the signal is ignored, -1 if the target is gone.
 */
int send_sigqueue(struct sigqueue *q, struct pid *pid, enum pid_type type, int missed)
{
	int sig = q->info.si_signo, ret = -1;
	struct sigpending *pending;
	struct task_struct *t;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	t = pid_task(pid, type);
	if (!t)
		goto out;
	ret = 1;
	if (!prepare_signal(sig, t, false))
		goto out;
	ret = 0;
	spin_lock(&t->signal->siglock);
	if (!list_empty(&q->list)) {
		q->info.timer.overrun += 1 + missed;
	} else {
		q->info.timer.overrun = missed;
		pending = type == PIDTYPE_PID ? &t->pending : &t->signal->shared_pending;
		list_add_tail(&q->list, &pending->list);
		pending->signal |= sigmask(sig);
		complete_signal(sig, t, type);
	}
	spin_unlock(&t->signal->siglock);
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/*
 * __send_sig - @sig with @info for thread @p, after prepare_signal();
 * @q: the sender's sigqueue for a real-time signal (signal_add()), or
 * NULL. tasklist_lock held. Returns 0 or -EAGAIN.
 */
static int __send_sig(int sig, const struct kernel_siginfo *info, struct task_struct *p,
		      struct sigqueue **q)
{
	if (!prepare_signal(sig, p, si_force(info)))
		return 0;
	return signal_add(sig, info, p, PIDTYPE_PID, q);
}

/* send_signal_locked - __send_sig() for the kernel's other files: @sig
 * with @info to thread @p. tasklist_lock held. */
void send_signal_locked(int sig, const struct kernel_siginfo *info, struct task_struct *p)
{
	lockdep_assert_held(&tasklist_lock);
	__send_sig(sig, info, p, NULL);
}

/*
 * send_sig_info - make @sig pending for thread @p with @info (or
 * SEND_SIG_NOINFO, SEND_SIG_PRIV) and wake it if it sleeps. Any
 * context. Returns 0 or -EINVAL for a bad number.
 */
int send_sig_info(int sig, const struct kernel_siginfo *info, struct task_struct *p)
{
	unsigned long flags;

	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	__send_sig(sig, info, p, NULL);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return 0;
}

/* send_sig - send_sig_info() from the kernel (@priv) or as current's
 * kill(), as Linux's. */
int send_sig(int sig, struct task_struct *p, int priv)
{
	return send_sig_info(sig, priv ? SEND_SIG_PRIV : SEND_SIG_NOINFO, p);
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
 * process by kill_ok_by_cred(), and SIGCONT anything in the caller's
 * session (Linux's rule). tasklist_lock held.
 */
static int check_kill_permission(int sig, struct task_struct *t)
{
	struct pid *sid;

	lockdep_assert_held(&tasklist_lock);
	if (t->signal == current->signal || kill_ok_by_cred(t))
		return 0;
	if (sig != SIGCONT)
		return -EPERM;
	sid = task_session(t);
	return !sid || sid == task_session(current) ? 0 : -EPERM;
}

/*
 * group_send_sig_queue - a process-wide @sig (0: only the checks) to
 * @p's process, as kill() sends it: EINVAL for a bad number, EPERM for a
 * kernel thread; then it is pending for the process (its shared set),
 * and complete_signal() wakes a thread to take it (SIGKILL, or another
 * fatal signal, kills them all). A zombie takes it and nothing happens,
 * as in Linux. @q: the sender's sigqueue for a real-time signal, or
 * NULL (signal_add()). tasklist_lock held. Returns 0 or -errno.
 */
static int group_send_sig_queue(int sig, const struct kernel_siginfo *info,
				struct task_struct *p, struct sigqueue **q)
{
	lockdep_assert_held(&tasklist_lock);
	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (p->flags & PF_KTHREAD)
		return -EPERM;
	if (!si_fromkernel(info)) {
		int err = check_kill_permission(sig, p);

		if (err)
			return err;
	}
	if (!sig || !prepare_signal(sig, p, si_force(info)))
		return 0;
	return signal_add(sig, info, p, PIDTYPE_TGID, q);
}

/* __group_send_sig_info - group_send_sig_queue() for a sender with no
 * sigqueue (a real-time signal merges). tasklist_lock held. */
int __group_send_sig_info(int sig, const struct kernel_siginfo *info, struct task_struct *p)
{
	return group_send_sig_queue(sig, info, p, NULL);
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
		err = __group_send_sig_info(sig, priv ? SEND_SIG_PRIV : SEND_SIG_NOINFO, p);
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
 * kill_pid_info - @sig with @info to the process of the task @pid
 * numbers, e.g. SIGALRM from its timer. Any context. Returns 0 or
 * -errno (-ESRCH if it is gone).
 */
int kill_pid_info(int sig, const struct kernel_siginfo *info, struct pid *pid)
{
	struct task_struct *p;
	unsigned long flags;
	int ret = -ESRCH;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = pid_task(pid, PIDTYPE_PID);
	if (p)
		ret = __group_send_sig_info(sig, info, p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/*
 * kill_something_info - kill()'s targets, Linux's rule: pid > 0 that
 * process; 0 the caller's process group; -1 every process but PID 1 and
 * the caller's own (ESRCH if there is none; an EPERM alone does not
 * count as the result); < -1 the group -pid. @q: the caller's sigqueue,
 * used for one process only (the others merge a real-time signal).
 * tasklist_lock held.
 */
static long kill_something_info(int sig, pid_t pid, struct sigqueue **q)
{
	struct task_struct *p;
	int err, retval = 0, count = 0;

	lockdep_assert_held(&tasklist_lock);
	if (pid > 0) {	/* any thread's number names its process, as in Linux */
		p = pid_task(find_vpid(pid), PIDTYPE_PID);
		return p ? group_send_sig_queue(sig, SEND_SIG_NOINFO, p, q) : -ESRCH;
	}
	if (pid == INT_MIN)
		return -ESRCH;	/* -INT_MIN is no number */
	if (pid != -1)
		return __kill_pgrp_info(sig, 0, pid ? find_vpid(-pid) : task_pgrp(current));
	list_for_each_entry(p, &tasklist, tasks) {
		if (!thread_group_leader(p) || p->pid <= 1 || p->signal == current->signal)
			continue;
		err = __group_send_sig_info(sig, SEND_SIG_NOINFO, p);
		count++;
		if (err != -EPERM)
			retval = err;
	}
	return count ? retval : -ESRCH;
}

/*
 * zap_other_threads - SIGKILL to every other thread of current's group,
 * for exit_group and exec's de_thread. Nothing ignores it, not even
 * init's threads: the group is going, one way or the other. Put in each
 * thread's own set directly, as Linux's, not through complete_signal(),
 * whose group exit would take current (the execing thread) too.
 * tasklist_lock held (the thread list).
 */
void zap_other_threads(void)
{
	struct signal_struct *sig = current->signal;
	struct task_struct *t;
	unsigned long flags;

	lockdep_assert_held(&tasklist_lock);
	spin_lock_irqsave(&sig->siglock, flags);
	list_for_each_entry(t, &sig->thread_head, thread_node) {
		if (t == current || t->exit_state)
			continue;
		t->pending.signal |= sigmask(SIGKILL);
		signal_wake_up(t, true);
	}
	spin_unlock_irqrestore(&sig->siglock, flags);
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
	struct sighand_struct *sighand = current->sighand;
	struct kernel_siginfo info = { .si_signo = sig, .si_code = code, .addr = addr };
	struct k_sigaction *ka;
	unsigned long flags;
	bool dfl;

	current->fault_addr = addr;
	spin_lock_irqsave(&current->signal->siglock, flags);
	spin_lock(&sighand->siglock);
	ka = &sighand->action[sig - 1];
	if ((current->blocked & sigmask(sig)) || ka->handler == SIG_IGN)
		ka->handler = SIG_DFL;	/* for every thread, as in Linux */
	dfl = ka->handler == SIG_DFL;
	spin_unlock(&sighand->siglock);
	current->blocked &= ~sigmask(sig);
	if (dfl)
		current->signal->flags &= ~SIGNAL_UNKILLABLE;
	spin_unlock_irqrestore(&current->signal->siglock, flags);
	send_sig_info(sig, &info, current);
}

/* force_sig - a signal the kernel forces on current with no fault
 * details: siginfo says SI_KERNEL, as Linux's force_sig(). */
void force_sig(int sig)
{
	force_sig_fault(sig, SI_KERNEL, 0);
}

/* fatal_signal_pending - SIGKILL is on its way to @p (it is always put
 * in each thread's own set: complete_signal(), zap_other_threads()). */
bool fatal_signal_pending(struct task_struct *p)
{
	return READ_ONCE(p->pending.signal) & sigmask(SIGKILL);
}

/* signal_pending - @p has something to do on its way to user mode: a
 * deliverable signal, its own or its process's, or its part in a group
 * stop (Linux's TIF_SIGPENDING covers them). */
bool signal_pending(struct task_struct *p)
{
	sigset_t set = READ_ONCE(p->pending.signal) |
		       READ_ONCE(p->signal->shared_pending.signal);

	return (set & ~READ_ONCE(p->blocked)) ||
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

/*
 * flush_signal_handlers - exec: every handled signal of @t goes back to
 * SIG_DFL (the handlers are in the old image), an ignored one stays
 * ignored unless @force_default; flags, restorer and mask are cleared
 * for all, as Linux's. @t's sighand is its own by now (unshare_sighand).
 */
void flush_signal_handlers(struct task_struct *t, bool force_default)
{
	struct sighand_struct *sighand = t->sighand;
	unsigned long flags;

	spin_lock_irqsave(&sighand->siglock, flags);
	for (int i = 0; i < _NSIG; i++) {
		struct k_sigaction *ka = &sighand->action[i];

		if (force_default || ka->handler != SIG_IGN)
			ka->handler = SIG_DFL;
		ka->flags = 0;
		ka->restorer = NULL;
		ka->mask = 0;
	}
	spin_unlock_irqrestore(&sighand->siglock, flags);
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
	struct k_sigaction ka = sigaction_of(parent, SIGCHLD);
	struct kernel_siginfo info = {
		.si_signo = SIGCHLD, .si_code = why,
		.chld = { .pid = tsk->tgid, .uid = 0,
			  .status = why == CLD_CONTINUED ? SIGCONT : tsk->signal->group_stop_code },
	};

	lockdep_assert_held(&tasklist_lock);
	if (ka.handler != SIG_IGN && !(ka.flags & SA_NOCLDSTOP))
		__group_send_sig_info(SIGCHLD, &info, parent);
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
 * retarget_shared_pending - @tsk no longer takes the signals of @which
 * (it blocks them now, or exits): those pending for its process wake
 * the other threads that can take them, as Linux's, since @tsk may
 * have been the one complete_signal() woke. tasklist_lock (the thread
 * list) and siglock held.
 */
static void retarget_shared_pending(struct task_struct *tsk, sigset_t which)
{
	sigset_t retarget = tsk->signal->shared_pending.signal & which;
	struct task_struct *t;

	lockdep_assert_held(&tasklist_lock);
	lockdep_assert_held(&tsk->signal->siglock);
	list_for_each_entry(t, &tsk->signal->thread_head, thread_node) {
		if (!retarget)
			break;
		if (t == tsk || t->exit_state || (t->flags & PF_EXITING) ||
		    !(retarget & ~t->blocked))
			continue;
		retarget &= t->blocked;
		signal_wake_up(t, false);
	}
}

/*
 * exit_signals - @tsk (current) is exiting: if a group stop waits for
 * it, it counts as stopped, and if it was the last the parent hears the
 * group stopped, unless the whole process is exiting anyway; the
 * process's signals it could have taken go to the other threads.
 */
void exit_signals(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	unsigned long flags;
	bool notify;

	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&sig->siglock);
	notify = task_participate_group_stop(tsk) && !sig->group_exit;
	if (!sig->group_exit)
		retarget_shared_pending(tsk, ~tsk->blocked);
	spin_unlock(&sig->siglock);
	if (notify)
		do_notify_parent_cldstop(tsk, CLD_STOPPED);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* next_signal - the signal of @pending, not in @mask, to take first, as
 * Linux's: a fault's (SYNCHRONOUS_MASK) before any other, else the
 * lowest-numbered (so the standard signals before the real-time ones).
 * 0 if none. siglock held. */
static int next_signal(const struct sigpending *pending, sigset_t mask)
{
	sigset_t x = pending->signal & ~mask;

	if (x & SYNCHRONOUS_MASK)
		x &= SYNCHRONOUS_MASK;
	return x ? __builtin_ctzll(x) + 1 : 0;
}

/*
 * collect_signal - take the oldest of @sig's sends off @pending into
 * *@info: the merged one in info[] if there is one (it came first),
 * else the first queued (a real-time signal's, or a timer's); none (its
 * info was lost: no sigqueue) gives SI_USER from nobody, as Linux's.
 * The signal stays pending while more are queued. siglock held.
 */
static void collect_signal(int sig, struct sigpending *pending, struct kernel_siginfo *info)
{
	struct kernel_siginfo *slot = &pending->info[sig - 1];
	struct sigqueue *q, *first = NULL;
	bool more = false;

	list_for_each_entry(q, &pending->list, list) {
		if (q->info.si_signo != sig)
			continue;
		if (first) {
			more = true;
			break;
		}
		first = q;
	}
	if (slot->si_signo) {
		*info = *slot;
		slot->si_signo = 0;
		more = first;
	} else if (first) {
		*info = first->info;
		list_del_init(&first->list);
		__sigqueue_free(first);
	} else {
		memset(info, 0, sizeof(*info));
		info->si_signo = sig;
		info->si_code = SI_USER;
	}
	if (!more)
		pending->signal &= ~sigmask(sig);
}

/* __dequeue_signal - take next_signal() off @pending, its info into
 * *@info. Returns it, or 0. siglock held. */
static int __dequeue_signal(struct sigpending *pending, sigset_t mask,
			    struct kernel_siginfo *info)
{
	int sig = next_signal(pending, mask);

	if (sig)
		collect_signal(sig, pending, info);
	return sig;
}

/*
 * dequeue_signal - take a pending signal of current that is not in
 * @mask, its info into *@info: from its own set first, then from its
 * process's, as Linux's. Returns it, or 0 if there is none.
 */
static int dequeue_signal(sigset_t mask, struct kernel_siginfo *info)
{
	struct task_struct *t = current;
	unsigned long flags;
	bool shared = false;
	int sig;

	spin_lock_irqsave(&t->signal->siglock, flags);
	sig = __dequeue_signal(&t->pending, mask, info);
	if (!sig) {
		sig = __dequeue_signal(&t->signal->shared_pending, mask, info);
		shared = sig;
	}
	if (sig && info->si_code == SI_TIMER)
		posix_timer_dequeued(info);
	spin_unlock_irqrestore(&t->signal->siglock, flags);
	if (shared && sig == SIGALRM)
		it_real_rearm();	/* an interval timer goes on now */
	return sig;
}

/*
 * take_sigaction - the action current is to take for @sig, just
 * dequeued: a copy, made under siglock; a one-shot handler
 * (SA_RESETHAND) is reset to SIG_DFL for the next one then, as Linux's
 * get_signal() does.
 */
static struct k_sigaction take_sigaction(int sig)
{
	struct sighand_struct *sighand = current->sighand;
	struct k_sigaction ka, *k = &sighand->action[sig - 1];
	unsigned long flags;

	spin_lock_irqsave(&sighand->siglock, flags);
	ka = *k;
	if (k->handler != SIG_DFL && k->handler != SIG_IGN && (k->flags & SA_RESETHAND))
		k->handler = SIG_DFL;
	spin_unlock_irqrestore(&sighand->siglock, flags);
	return ka;
}

/* set_sig_default - current's (and its sighand's sharers') action for
 * @sig becomes SIG_DFL. */
static void set_sig_default(int sig)
{
	struct sighand_struct *sighand = current->sighand;
	unsigned long flags;

	spin_lock_irqsave(&sighand->siglock, flags);
	sighand->action[sig - 1].handler = SIG_DFL;
	spin_unlock_irqrestore(&sighand->siglock, flags);
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
		struct kernel_siginfo info;
		struct k_sigaction ka;
		int sig;

		if (do_jobctl_notify())
			continue;
		if (READ_ONCE(t->jobctl) & JOBCTL_STOP_PENDING) {
			do_signal_stop(0);
			continue;
		}
		sig = dequeue_signal(t->blocked, &info);
		if (!sig)
			break;
		ka = take_sigaction(sig);
		if (t->signal->group_exit)
			do_group_exit(SIGKILL);
		if (ka.handler == SIG_IGN && sig != SIGKILL)
			continue;
		if (ka.handler != SIG_DFL && sig != SIGKILL) {
			syscall_restart(regs, &ka);
			if (setup_rt_frame(sig, &ka, &info, regs)) {
				/* no room for the frame: a SIGSEGV that no
				 * handler can catch (Linux's force_sigsegv) */
				set_sig_default(SIGSEGV);
				force_sig(SIGSEGV);
				continue;
			}
			/* the frame saved the mask to go back to; the
			 * handler runs under the current one, as Linux's */
			clear_restore_sigmask();
			set_current_blocked(t->blocked | ka.mask |
					    (ka.flags & SA_NODEFER ? 0 : sigmask(sig)));
			t->restore_sigmask = false;	/* the frame has the mask */
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
		/* a "core" signal dumps first; the status says it did */
		if ((sigmask(sig) & SIG_KERNEL_COREDUMP_MASK) && do_coredump(&info))
			do_group_exit(sig | 0x80);
		do_group_exit(sig);	/* a group exit's SIGKILL takes its code */
	}
	syscall_restart(regs, NULL);	/* no handler ran: just run it again */
	restore_saved_sigmask();
}

/* sig_handler_ignored - does handler @h make @sig ignored (SIG_IGN, or
 * SIG_DFL of a signal whose default is to ignore)? */
static bool sig_handler_ignored(void *h, int sig)
{
	return h == SIG_IGN || (h == SIG_DFL && (sigmask(sig) & SIG_KERNEL_IGNORE_MASK));
}

/*
 * do_sigaction - current's action for @sig into *@oact (if any), then
 * *@act (if any) becomes it, for every task sharing the sighand. An
 * action that ignores the signal discards it where it is pending for
 * current's process, as POSIX says and Linux does. EINVAL for a bad
 * number, or for changing SIGKILL's or SIGSTOP's, as Linux's.
 * tasklist_lock (the thread list), siglock, then the sighand's.
 */
static int do_sigaction(int sig, const struct k_sigaction *act, struct k_sigaction *oact)
{
	struct sighand_struct *sighand = current->sighand;
	struct k_sigaction *k;
	unsigned long flags;

	if (sig < 1 || sig > _NSIG || (act && (sigmask(sig) & SIG_KERNEL_ONLY_MASK)))
		return -EINVAL;
	k = &sighand->action[sig - 1];
	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&current->signal->siglock);
	spin_lock(&sighand->siglock);
	if (oact)
		*oact = *k;
	if (act) {
		*k = *act;
		k->mask &= ~SIG_KERNEL_ONLY_MASK;
		if (sig_handler_ignored(k->handler, sig))
			flush_group_mask(sigmask(sig), current);
	}
	spin_unlock(&sighand->siglock);
	spin_unlock(&current->signal->siglock);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return 0;
}

/* rt_sigaction - Linux's order of checks: the set size, reading *@act,
 * the number (do_sigaction), then writing *@oact (the new action is in
 * place even if that fails). */
SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct k_sigaction __user *, act,
		struct k_sigaction __user *, oact, size_t, sigsetsize)
{
	struct k_sigaction new, old;
	int ret;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (act && copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	ret = do_sigaction(sig, act ? &new : NULL, oact ? &old : NULL);
	if (!ret && oact && copy_to_user(oact, &old, sizeof(old)))
		return -EFAULT;
	return ret;
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
		switch (how) {
		case SIG_BLOCK: set |= old; break;
		case SIG_UNBLOCK: set = old & ~set; break;
		case SIG_SETMASK: break;
		default: return -EINVAL;
		}
		set_current_blocked(set);
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* kill - @sig (0: only check) to the targets kill_something_info() picks
 * for @pid. Returns 0 or -errno. */
SYSCALL_DEFINE2(kill, int, pid, int, sig)
{
	struct sigqueue *q = __sigqueue_alloc(sig);
	unsigned long flags;
	long ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	ret = kill_something_info(sig, pid, &q);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	__sigqueue_free(q);	/* if it was not used */
	return ret;
}

/*
 * do_send_specific - @sig with @info to thread @pid (of process @tgid
 * if > 0), as Linux's: ESRCH if there is none, EPERM by
 * check_kill_permission(), EAGAIN if a real-time signal cannot be
 * queued. The sigqueue is allocated before tasklist_lock is taken.
 */
static long do_send_specific(pid_t tgid, pid_t pid, int sig, const struct kernel_siginfo *info)
{
	struct sigqueue *q = __sigqueue_alloc(sig);
	struct task_struct *p;
	unsigned long flags;
	long ret = -ESRCH;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid_locked(pid);
	if (p && !p->exit_state && (tgid <= 0 || p->tgid == tgid)) {
		ret = sig < 0 || sig > _NSIG ? -EINVAL : check_kill_permission(sig, p);
		if (!ret && sig)
			ret = __send_sig(sig, info, p, &q);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	__sigqueue_free(q);	/* if it was not used */
	return ret;
}

/* tgkill/tkill - a signal to one thread. */
static long do_tkill(pid_t tgid, pid_t pid, int sig)
{
	struct kernel_siginfo info = {
		.si_signo = sig, .si_code = SI_TKILL, .kill = { .pid = current->tgid },
	};

	if (pid <= 0)
		return -EINVAL;
	return do_send_specific(tgid, pid, sig, &info);
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

/* copy_siginfo_from_user - the user's siginfo_t at @from (its first
 * bytes, which are all a kernel_siginfo keeps) as the info of @sig:
 * si_signo is @sig whatever it says, as Linux's. */
static int copy_siginfo_from_user(int sig, struct kernel_siginfo *to, const void __user *from)
{
	if (copy_from_user(to, from, sizeof(*to)))
		return -EFAULT;
	to->si_signo = sig;
	return 0;
}

/* sigqueue_may_forge - may current send @info to thread or process
 * @pid? Not even root may pretend to be the kernel (si_code >= 0) or a
 * kill()/tkill() (SI_USER, SI_TKILL) to any but itself: its own thread
 * id, as Linux compares. */
static bool sigqueue_may_forge(const struct kernel_siginfo *info, pid_t pid)
{
	return !((info->si_code >= 0 || info->si_code == SI_TKILL) && current->pid != pid);
}

/*
 * rt_sigqueueinfo - @sig with the caller's info to process @pid
 * (sigqueue(3)): EFAULT, then EPERM for a forged si_code, ESRCH, and
 * kill()'s checks; a real-time signal is queued (EAGAIN if it cannot
 * be).
 */
SYSCALL_DEFINE3(rt_sigqueueinfo, pid_t, pid, int, sig, const void __user *, uinfo)
{
	struct kernel_siginfo info;
	struct sigqueue *q;
	struct task_struct *p;
	unsigned long flags;
	long ret;

	ret = copy_siginfo_from_user(sig, &info, uinfo);
	if (ret)
		return ret;
	if (!sigqueue_may_forge(&info, pid))
		return -EPERM;
	if (pid <= 0)
		return -ESRCH;	/* POSIX.1b names no process groups */
	q = __sigqueue_alloc(sig);
	spin_lock_irqsave(&tasklist_lock, flags);
	p = pid_task(find_vpid(pid), PIDTYPE_PID);
	ret = p ? group_send_sig_queue(sig, &info, p, &q) : -ESRCH;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	__sigqueue_free(q);	/* if it was not used */
	return ret;
}

/* rt_tgsigqueueinfo - the same to thread @pid of process @tgid: EFAULT,
 * EINVAL for a bad id, EPERM for a forged si_code, then tgkill's. */
SYSCALL_DEFINE4(rt_tgsigqueueinfo, pid_t, tgid, pid_t, pid, int, sig, const void __user *, uinfo)
{
	struct kernel_siginfo info;
	long ret = copy_siginfo_from_user(sig, &info, uinfo);

	if (ret)
		return ret;
	if (pid <= 0 || tgid <= 0)
		return -EINVAL;
	if (!sigqueue_may_forge(&info, pid))
		return -EPERM;
	return do_send_specific(tgid, pid, sig, &info);
}

/* ---- waiting for signals ---------------------------------------------- */

/* sigmask_to_save - the mask a handler's frame is to restore: the one
 * rt_sigsuspend replaced, if it did, else the blocked mask. */
sigset_t sigmask_to_save(void)
{
	return current->restore_sigmask ? current->saved_sigmask : current->blocked;
}

/* restore_saved_sigmask - no handler ran after rt_sigsuspend (its
 * signal was ignored, or stopped the task): its mask goes back now. */
void restore_saved_sigmask(void)
{
	if (current->restore_sigmask) {
		current->restore_sigmask = false;
		set_current_blocked(current->saved_sigmask);
	}
}

/* set_current_blocked - current's blocked mask becomes @set (never
 * SIGKILL or SIGSTOP), under siglock: senders read it. A process's
 * signal that current may have been woken for and now blocks goes to
 * another thread (retarget_shared_pending()). */
void set_current_blocked(sigset_t set)
{
	unsigned long flags;

	set &= ~SIG_KERNEL_ONLY_MASK;
	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&current->signal->siglock);
	retarget_shared_pending(current, set & ~current->blocked);
	current->blocked = set;
	spin_unlock(&current->signal->siglock);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* rt_sigpending - the blocked signals pending for current, its own and
 * its process's, the first @sigsetsize bytes of them (EINVAL beyond a
 * sigset_t). */
SYSCALL_DEFINE2(rt_sigpending, sigset_t __user *, uset, size_t, sigsetsize)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;
	sigset_t set;

	if (sigsetsize > sizeof(set))
		return -EINVAL;
	spin_lock_irqsave(&sig->siglock, flags);
	set = (current->pending.signal | sig->shared_pending.signal) & current->blocked;
	spin_unlock_irqrestore(&sig->siglock, flags);
	return copy_to_user(uset, &set, sigsetsize) ? -EFAULT : 0;
}

/* sigsuspend_wait - sleep until a signal is deliverable under the
 * current mask (or a group stop is due). */
static void sigsuspend_wait(void)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

/*
 * rt_sigsuspend - wait for a signal with *@unewset as the blocked mask.
 * The old mask comes back after the handler (its frame keeps it:
 * sigmask_to_save), or at once if no handler runs, and then the call
 * starts again (-ERESTARTNOHAND); after a handler it returns -EINTR.
 */
SYSCALL_DEFINE2(rt_sigsuspend, const sigset_t __user *, unewset, size_t, sigsetsize)
{
	sigset_t newset;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&newset, unewset, sizeof(newset)))
		return -EFAULT;
	current->saved_sigmask = current->blocked;
	current->restore_sigmask = true;
	set_current_blocked(newset);
	sigsuspend_wait();
	return -ERESTARTNOHAND;
}

/* do_no_restart_syscall - restart_syscall(2) with nothing to go on
 * with (init_task's restart_block, and every task's once a handler
 * returned): -EINTR, as Linux's. */
long do_no_restart_syscall(struct restart_block *restart)
{
	return -EINTR;
}

/* restart_syscall - what the return to user mode makes a task call
 * after a syscall returned -ERESTART_RESTARTBLOCK and no handler ran:
 * that syscall's ->fn goes on from current->restart_block. */
SYSCALL_DEFINE0(restart_syscall)
{
	struct restart_block *restart = &current->restart_block;

	return restart->fn(restart);
}

/* pause - wait for a signal: -EINTR after a handler, else again. */
SYSCALL_DEFINE0(pause)
{
	sigsuspend_wait();
	return -ERESTARTNOHAND;
}

/*
 * sigtimedwait_sleep - rt_sigtimedwait's wait: until a signal is
 * pending that the caller blocks not (those it waits for are unblocked
 * meanwhile), or @timeout_ns (KTIME_MAX: none) passes. Returns whether
 * time ran out.
 */
static bool sigtimedwait_sleep(u64 timeout_ns)
{
	u64 end = ktime_add_safe(local_clock(), timeout_ns), now;

	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		now = local_clock();
		if (signal_pending(current) || now >= end)
			break;
		if (timeout_ns == KTIME_MAX)
			schedule();
		else
			schedule_timeout(nsecs_to_jiffies_timeout(end - now));
	}
	__set_current_state(TASK_RUNNING);
	return !signal_pending(current);
}

/* copy_siginfo_to_user - @info as a 128-byte siginfo_t at @to. */
static int copy_siginfo_to_user(void __user *to, const struct kernel_siginfo *info)
{
	if (copy_to_user(to, info, sizeof(*info)))
		return -EFAULT;
	return clear_user((char __user *)to + sizeof(*info), 128 - sizeof(*info)) ? -EFAULT : 0;
}

/*
 * rt_sigtimedwait - take a pending signal of *@uthese (never SIGKILL or
 * SIGSTOP) without running its handler, waiting for one up to *@uts (no
 * limit if NULL; zero: only look). Returns it, with its siginfo to
 * @uinfo; -EAGAIN when time ran out, -EINTR if another signal came.
 */
SYSCALL_DEFINE4(rt_sigtimedwait, const sigset_t __user *, uthese, void __user *, uinfo,
		const struct timespec64 __user *, uts, size_t, sigsetsize)
{
	struct kernel_siginfo info;
	struct timespec64 ts;
	u64 timeout = KTIME_MAX;
	sigset_t these, mask;
	int sig;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&these, uthese, sizeof(these)))
		return -EFAULT;
	if (uts) {
		if (copy_from_user(&ts, uts, sizeof(ts)))
			return -EFAULT;
		if (!timespec64_valid(&ts))
			return -EINVAL;
		timeout = timespec64_to_ns(&ts);
	}
	these &= ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
	mask = ~these;
	sig = dequeue_signal(mask, &info);
	if (!sig && timeout) {
		bool timed_out;

		current->real_blocked = current->blocked;
		set_current_blocked(current->blocked & mask);
		timed_out = sigtimedwait_sleep(timeout);
		set_current_blocked(current->real_blocked);
		current->real_blocked = 0;
		sig = dequeue_signal(mask, &info);
		if (!sig)
			return timed_out ? -EAGAIN : -EINTR;
	}
	if (!sig)
		return -EAGAIN;
	if (uinfo && copy_siginfo_to_user(uinfo, &info))
		return -EFAULT;
	return sig;
}

/* ---- the alternate signal stack ---------------------------------------- */

/* __on_sig_stack - does @sp lie on current's alternate stack? */
bool __on_sig_stack(unsigned long sp)
{
	struct task_struct *t = current;

	return sp > t->sas_ss_sp && sp - t->sas_ss_sp <= t->sas_ss_size;
}

/* on_sig_stack - is @sp on current's alternate stack (in use)? Not
 * while it is disarmed for a handler (SS_AUTODISARM). */
static bool on_sig_stack(unsigned long sp)
{
	if (current->sas_ss_flags & SS_AUTODISARM)
		return false;
	return __on_sig_stack(sp);
}

/* sas_ss_flags - the altstack's state at @sp: SS_DISABLE if there is
 * none, SS_ONSTACK if @sp is on it, else 0. */
static int sas_ss_flags(unsigned long sp)
{
	if (!current->sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}

/* sigsp - where handler @ka's frame goes below: the top of the
 * alternate stack for an SA_ONSTACK handler if there is one and it is
 * not in use already, else @sp (the user's, past the red zone).
 * *@altstack says whether the frame is then on the alternate stack
 * (entering it, or nested on it), where it must fit. */
unsigned long sigsp(unsigned long sp, const struct k_sigaction *ka, bool *altstack)
{
	*altstack = on_sig_stack(sp);
	if ((ka->flags & SA_ONSTACK) && !sas_ss_flags(sp)) {
		*altstack = true;
		return current->sas_ss_sp + current->sas_ss_size;
	}
	return sp;
}

/* __save_altstack - the frame's uc_stack: the altstack and its state at
 * @sp (the interrupted stack pointer); SS_AUTODISARM disarms it while
 * the handler runs (rt_sigreturn restores it from this copy). */
void __save_altstack(stack_t *uss, unsigned long sp)
{
	struct task_struct *t = current;

	uss->ss_sp = (void *)t->sas_ss_sp;
	uss->ss_flags = sas_ss_flags(sp) | (t->sas_ss_flags & SS_FLAG_BITS);
	uss->ss_size = t->sas_ss_size;
	if (t->sas_ss_flags & SS_AUTODISARM) {
		t->sas_ss_sp = t->sas_ss_size = 0;
		t->sas_ss_flags = SS_DISABLE;
	}
}

/*
 * do_sigaltstack - Linux's checks in Linux's order: the old stack into
 * *@oss; then, for a new one (*@ss), EPERM while running on the current
 * one (@sp), EINVAL for a mode other than 0, SS_ONSTACK or SS_DISABLE,
 * ENOMEM below MINSIGSTKSZ. Returns 0 or -errno.
 */
static int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp)
{
	struct task_struct *t = current;
	unsigned int mode;

	if (oss) {
		memset(oss, 0, sizeof(*oss));
		oss->ss_sp = (void *)t->sas_ss_sp;
		oss->ss_size = t->sas_ss_size;
		oss->ss_flags = sas_ss_flags(sp) | (t->sas_ss_flags & SS_FLAG_BITS);
	}
	if (!ss)
		return 0;
	if (on_sig_stack(sp))
		return -EPERM;
	mode = ss->ss_flags & ~SS_FLAG_BITS;
	if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0)
		return -EINVAL;
	if (mode == SS_DISABLE) {
		t->sas_ss_sp = t->sas_ss_size = 0;
	} else {
		if (ss->ss_size < MINSIGSTKSZ)
			return -ENOMEM;
		t->sas_ss_sp = (unsigned long)ss->ss_sp;
		t->sas_ss_size = ss->ss_size;
	}
	t->sas_ss_flags = ss->ss_flags;
	return 0;
}

/* restore_altstack - rt_sigreturn: the altstack as the frame holds it
 * (a handler may change it there). Only a fault is an error, as Linux's. */
int restore_altstack(const stack_t *uss, unsigned long sp)
{
	do_sigaltstack(uss, NULL, sp);
	return 0;
}

/* sigaltstack - set (*@uss) and/or read (*@uoss) the alternate signal
 * stack, as do_sigaltstack() checks it at the user's stack pointer;
 * the old one is written only if the call succeeds. */
SYSCALL_DEFINE2(sigaltstack, const stack_t __user *, uss, stack_t __user *, uoss)
{
	stack_t new, old;
	int err;

	if (uss && copy_from_user(&new, uss, sizeof(new)))
		return -EFAULT;
	err = do_sigaltstack(uss ? &new : NULL, uoss ? &old : NULL, current_pt_regs()->sp);
	if (!err && uoss && copy_to_user(uoss, &old, sizeof(old)))
		err = -EFAULT;
	return err;
}
