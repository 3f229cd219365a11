// SPDX-License-Identifier: GPL-2.0
/*
 * Controlling terminals and the foreground process group (Linux's
 * drivers/tty/tty_jobctrl.c). A tty is the controlling terminal of at
 * most one session (tty->ctrl.session) and has a foreground process
 * group in it (tty->ctrl.pgrp); a process knows its controlling
 * terminal through signal->tty. See Documentation/tty.md, "Job
 * control".
 *
 * Locks, outermost first: tasklist_lock (signal->pids, leader, the
 * session's task lists) → siglock (signal->tty) → tty->ctrl.lock
 * (ctrl.pgrp, ctrl.session). The receive interrupt takes ctrl.lock
 * inside termios_lock, alone, to read the foreground group. The pids
 * given up are put once every lock is dropped, so ctrl.lock takes
 * nothing inside it.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/tty.h>
#include <linux/uaccess.h>

/* tty_get_pgrp - a reference on @tty's foreground process group, or
 * NULL if it has none. Any context (the receive interrupt too). */
struct pid *tty_get_pgrp(struct tty_struct *tty)
{
	unsigned long flags;
	struct pid *pgrp;

	spin_lock_irqsave(&tty->ctrl.lock, flags);
	pgrp = get_pid(tty->ctrl.pgrp);
	spin_unlock_irqrestore(&tty->ctrl.lock, flags);
	return pgrp;
}

/* get_current_tty - current's controlling terminal, or NULL. (ttys are
 * never freed, so no reference is taken.) */
struct tty_struct *get_current_tty(void)
{
	struct signal_struct *sig = current->signal;
	struct tty_struct *tty;
	unsigned long flags;

	spin_lock_irqsave(&sig->siglock, flags);
	tty = sig->tty;
	spin_unlock_irqrestore(&sig->siglock, flags);
	return tty;
}

/*
 * tty_signal_pgrp - @sig from the kernel to @tty's foreground process
 * group (ISIG's SIGINT, SIGQUIT, SIGTSTP; TIOCSWINSZ's SIGWINCH), as
 * Linux's __isig(): nothing if it has none. May run in the receive
 * interrupt with termios_lock held: kill_pgrp() is irqsave.
 */
void tty_signal_pgrp(struct tty_struct *tty, int sig)
{
	struct pid *pgrp = tty_get_pgrp(tty);

	if (pgrp) {
		kill_pgrp(pgrp, sig, 1);
		put_pid(pgrp);
	}
}

/* tty_set_ctrl - @tty's session and foreground group become @session
 * and @pgrp (references given by the caller, or NULL); the old ones are
 * returned in @old[0] and @old[1] for the caller to put with no lock
 * held. Takes ctrl.lock. */
static void tty_set_ctrl(struct tty_struct *tty, struct pid *session,
			 struct pid *pgrp, struct pid *old[3])
{
	unsigned long flags;

	spin_lock_irqsave(&tty->ctrl.lock, flags);
	old[0] = tty->ctrl.session;
	old[1] = tty->ctrl.pgrp;
	tty->ctrl.session = session;
	tty->ctrl.pgrp = pgrp;
	spin_unlock_irqrestore(&tty->ctrl.lock, flags);
}

/* put_old_ctrl - drop the references tty_set_ctrl() handed back, and
 * in @old[2] a tty_old_pgrp that __proc_set_tty() gave up. */
static void put_old_ctrl(struct pid *old[3])
{
	put_pid(old[0]);
	put_pid(old[1]);
	put_pid(old[2]);
}

/* tty_session - @tty's session (no reference: compared only, under
 * tasklist_lock, which keeps a pid in use alive). */
static struct pid *tty_session(struct tty_struct *tty)
{
	unsigned long flags;
	struct pid *session;

	spin_lock_irqsave(&tty->ctrl.lock, flags);
	session = tty->ctrl.session;
	spin_unlock_irqrestore(&tty->ctrl.lock, flags);
	return session;
}

/*
 * __proc_set_tty - @tty becomes current's controlling terminal, of
 * current's session, with current's group in the foreground (Linux's
 * __proc_set_tty; a stolen tty's old session and group are replaced).
 * tasklist_lock and current's siglock held; the old pids come back in
 * @old as tty_set_ctrl() gives them, and current's tty_old_pgrp (a
 * hangup's, now forgotten, as Linux's) in @old[2].
 */
static void __proc_set_tty(struct tty_struct *tty, struct pid *old[3])
{
	lockdep_assert_held(&tasklist_lock);
	lockdep_assert_held(&current->signal->siglock);
	tty_set_ctrl(tty, get_pid(task_session(current)), get_pid(task_pgrp(current)), old);
	current->signal->tty = tty;
	old[2] = current->signal->tty_old_pgrp;
	current->signal->tty_old_pgrp = NULL;
}

/*
 * tty_open_proc_set_tty - an open(2) of @tty without O_NOCTTY (and not
 * through /dev/console): a session leader without a controlling terminal
 * acquires @tty if it is no session's and the file may read it (Linux's
 * rule: write access alone must not give a controlling terminal).
 */
void tty_open_proc_set_tty(struct file *filp, struct tty_struct *tty)
{
	struct signal_struct *sig = current->signal;
	struct pid *old[3] = { NULL, NULL, NULL };
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&sig->siglock);
	if (sig->leader && !sig->tty && !tty_session(tty) && (filp->f_mode & FMODE_READ))
		__proc_set_tty(tty, old);
	spin_unlock(&sig->siglock);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	put_old_ctrl(old);
}

/* proc_clear_tty_locked - process @p has no controlling terminal now.
 * tasklist_lock held (or @p is current). */
static void proc_clear_tty_locked(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&p->signal->siglock, flags);
	p->signal->tty = NULL;
	spin_unlock_irqrestore(&p->signal->siglock, flags);
}

/* proc_clear_tty - @p's process loses its controlling terminal (setsid,
 * TIOCNOTTY). */
void proc_clear_tty(struct task_struct *p)
{
	proc_clear_tty_locked(p);
}

/* session_clear_tty - no process of @session has a controlling terminal
 * any more. tasklist_lock held. */
static void session_clear_tty(struct pid *session)
{
	struct task_struct *p;

	lockdep_assert_held(&tasklist_lock);
	for_each_pid_task(session, PIDTYPE_SID, p)
		proc_clear_tty_locked(p);
}

/*
 * tty_forget_session - @tty (of current's session) is nobody's now: its
 * session's processes lose it, and it forgets its session and group
 * (the end of Linux's disassociate_ctty and of a hangup).
 */
static void tty_forget_session(struct tty_struct *tty)
{
	struct pid *old[3] = { NULL, NULL, NULL };
	unsigned long flags;

	tty_lock(tty);
	spin_lock_irqsave(&tasklist_lock, flags);
	tty_set_ctrl(tty, NULL, NULL, old);
	session_clear_tty(task_session(current));
	spin_unlock_irqrestore(&tasklist_lock, flags);
	tty_unlock(tty);
	put_old_ctrl(old);
}

/* take_tty_old_pgrp - current's tty_old_pgrp, which it no longer holds
 * (the reference passes to the caller, who puts it). */
static struct pid *take_tty_old_pgrp(void)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;
	struct pid *old;

	spin_lock_irqsave(&sig->siglock, flags);
	old = sig->tty_old_pgrp;
	sig->tty_old_pgrp = NULL;
	spin_unlock_irqrestore(&sig->siglock, flags);
	return old;
}

/* session_clear_current - no process of current's session has a
 * controlling terminal any more. */
static void session_clear_current(void)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	session_clear_tty(task_session(current));
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/*
 * disassociate_ctty - a session leader gives up its controlling
 * terminal (Linux's). At its exit (@on_exit 1) the terminal is hung up
 * (tty_vhangup_session(): its foreground group gets SIGHUP; Linux
 * spares only ptys, and mmos has none); a leader whose terminal a
 * hangup took already sends SIGHUP and SIGCONT to the group that was
 * in front then (tty_old_pgrp). By TIOCNOTTY (0) the foreground group
 * gets SIGHUP and SIGCONT, from the user. Then no process of the
 * session has the terminal, and the terminal, if still the leader's,
 * has no session or group. Nothing for a process that leads no session.
 */
void disassociate_ctty(int on_exit)
{
	struct tty_struct *tty;
	struct pid *pgrp;
	unsigned long flags;
	bool leader;

	spin_lock_irqsave(&tasklist_lock, flags);
	leader = current->signal->leader;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!leader)
		return;
	tty = get_current_tty();
	if (tty && on_exit) {
		tty_vhangup_session(tty);
	} else if (tty) {
		pgrp = tty_get_pgrp(tty);
		if (pgrp) {
			kill_pgrp(pgrp, SIGHUP, on_exit);
			kill_pgrp(pgrp, SIGCONT, on_exit);
			put_pid(pgrp);
		}
	} else if (on_exit) {
		pgrp = take_tty_old_pgrp();
		if (pgrp) {
			kill_pgrp(pgrp, SIGHUP, on_exit);
			kill_pgrp(pgrp, SIGCONT, on_exit);
			put_pid(pgrp);
		}
		return;
	}
	put_pid(take_tty_old_pgrp());
	/* a hangup took it from the session already, unless the tty was
	 * hung up before and not opened since (then the hangup did nothing) */
	tty = get_current_tty();
	if (tty)
		tty_forget_session(tty);
	else
		session_clear_current();
}

/*
 * tty_signal_session_leader - @tty is being hung up (Linux's function of
 * that name): every process of its session loses it as its controlling
 * terminal, the session's leader gets SIGHUP and SIGCONT from the
 * kernel and remembers the foreground group as its tty_old_pgrp, and
 * with @exit_session (the leader is exiting) the foreground group gets
 * SIGHUP too. Takes tasklist_lock, then each siglock.
 */
void tty_signal_session_leader(struct tty_struct *tty, int exit_session)
{
	struct pid *session, *tty_pgrp = NULL, *old_pgrp = NULL;
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	session = tty_session(tty);	/* held by the tty until the hangup ends */
	if (session) {
		for_each_pid_task(session, PIDTYPE_SID, p) {
			spin_lock(&p->signal->siglock);
			if (p->signal->tty == tty)
				p->signal->tty = NULL;
			spin_unlock(&p->signal->siglock);
			if (!p->signal->leader)
				continue;
			__group_send_sig_info(SIGHUP, SEND_SIG_PRIV, p);
			__group_send_sig_info(SIGCONT, SEND_SIG_PRIV, p);
			put_pid(tty_pgrp);	/* one leader a session: NULL */
			tty_pgrp = tty_get_pgrp(tty);
			spin_lock(&p->signal->siglock);
			old_pgrp = p->signal->tty_old_pgrp;
			p->signal->tty_old_pgrp = get_pid(tty_pgrp);
			spin_unlock(&p->signal->siglock);
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	put_pid(old_pgrp);
	if (tty_pgrp) {
		if (exit_session)
			kill_pgrp(tty_pgrp, SIGHUP, exit_session);
		put_pid(tty_pgrp);
	}
}

/* no_tty - TIOCNOTTY: current gives up its controlling terminal, the
 * whole session with it if current leads it. */
static void no_tty(void)
{
	disassociate_ctty(0);
	proc_clear_tty(current);
}

/*
 * is_ignored - does current ignore or block @sig? Then a background
 * terminal access is not stopped by it (Linux's is_ignored()).
 */
static bool is_ignored(int sig)
{
	return (current->blocked & sigmask(sig)) ||
	       sigaction_of(current, sig).handler == SIG_IGN;
}

/*
 * __tty_check_change - may current's process group use @tty, its
 * controlling terminal, or must it stop by @sig (SIGTTOU: changing the
 * settings, writing under TOSTOP; SIGTTIN: reading)? Linux's rules: 0 if
 * @tty is not current's controlling terminal, it has no foreground
 * group, or current's group is it; for a background group, -EIO if @sig
 * is ignored or blocked and it is SIGTTIN (0 for SIGTTOU), -EIO if the
 * group is orphaned, else @sig to the group and -ERESTARTSYS (the call
 * runs again once the group is continued).
 */
int __tty_check_change(struct tty_struct *tty, int sig)
{
	struct pid *pgrp, *tty_pgrp;
	unsigned long flags;
	int ret = 0;

	if (get_current_tty() != tty)
		return 0;
	tty_pgrp = tty_get_pgrp(tty);
	spin_lock_irqsave(&tasklist_lock, flags);
	pgrp = get_pid(task_pgrp(current));
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (tty_pgrp && pgrp != tty_pgrp) {
		if (is_ignored(sig)) {
			if (sig == SIGTTIN)
				ret = -EIO;
		} else if (is_current_pgrp_orphaned()) {
			ret = -EIO;
		} else {
			kill_pgrp(pgrp, sig, 1);
			ret = -ERESTARTSYS;
		}
	}
	put_pid(pgrp);
	put_pid(tty_pgrp);
	return ret;
}

/* tty_check_change - __tty_check_change() with SIGTTOU: TCSETS*, TCFLSH,
 * TCXONC, TCSBRK, TIOCSPGRP, and a write under TOSTOP. */
int tty_check_change(struct tty_struct *tty)
{
	return __tty_check_change(tty, SIGTTOU);
}

/*
 * tiocsctty - TIOCSCTTY: @tty becomes the controlling terminal of the
 * caller, a session leader without one (else -EPERM; nothing to do if
 * it is already its session's). A tty of another session is -EPERM,
 * unless @arg is 1 and the caller has CAP_SYS_ADMIN: then it is taken
 * from that session. A file that cannot read the tty needs
 * CAP_SYS_ADMIN too. Linux's checks, in Linux's order.
 */
static int tiocsctty(struct tty_struct *tty, struct file *file, int arg)
{
	struct signal_struct *sig = current->signal;
	struct pid *old[3] = { NULL, NULL, NULL }, *session;
	unsigned long flags;
	int ret = 0;

	tty_lock(tty);		/* not while a hangup clears the session */
	spin_lock_irqsave(&tasklist_lock, flags);
	session = tty_session(tty);
	if (sig->leader && task_session(current) == session)
		goto unlock;
	ret = -EPERM;
	if (!sig->leader || get_current_tty())
		goto unlock;
	if (session) {
		if (arg != 1 || !capable(CAP_SYS_ADMIN))
			goto unlock;
		session_clear_tty(session);	/* steal it */
	}
	if (!(file->f_mode & FMODE_READ) && !capable(CAP_SYS_ADMIN))
		goto unlock;
	spin_lock(&sig->siglock);
	__proc_set_tty(tty, old);
	spin_unlock(&sig->siglock);
	ret = 0;
unlock:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	tty_unlock(tty);
	put_old_ctrl(old);
	return ret;
}

/* tiocgpgrp - TIOCGPGRP: the number of @tty's foreground group (0 for
 * none) to @p. -ENOTTY unless @tty is the caller's controlling
 * terminal, -EFAULT. */
static int tiocgpgrp(struct tty_struct *tty, pid_t __user *p)
{
	struct pid *pgrp;
	pid_t nr;

	if (get_current_tty() != tty)
		return -ENOTTY;
	pgrp = tty_get_pgrp(tty);
	nr = pid_nr(pgrp);
	put_pid(pgrp);
	return put_user(nr, p) ? -EFAULT : 0;
}

/* session_of_pgrp - the session of the group @pgrp, or of the process
 * it numbers if it is no group (Linux's). tasklist_lock held. */
static struct pid *session_of_pgrp(struct pid *pgrp)
{
	struct task_struct *p = pid_task(pgrp, PIDTYPE_PGID);

	if (!p)
		p = pid_task(pgrp, PIDTYPE_PID);
	return p ? task_session(p) : NULL;
}

/*
 * tiocspgrp - TIOCSPGRP: the group numbered *@p becomes @tty's
 * foreground group. Linux's order: a background caller is stopped as by
 * tty_check_change() (its -EIO reads -ENOTTY), -EFAULT, a negative
 * number -EINVAL, -ENOTTY unless @tty is the caller's controlling
 * terminal of its session, -ESRCH for a number not in use, -EPERM for a
 * group of another session.
 */
static int tiocspgrp(struct tty_struct *tty, pid_t __user *p)
{
	struct pid *pgrp, *old = NULL;
	unsigned long flags;
	pid_t nr;
	int ret = tty_check_change(tty);

	if (ret == -EIO)
		return -ENOTTY;
	if (ret)
		return ret;
	if (get_user(nr, p))
		return -EFAULT;
	if (nr < 0)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	ret = -ENOTTY;
	if (get_current_tty() != tty || tty_session(tty) != task_session(current))
		goto unlock;
	ret = -ESRCH;
	pgrp = find_vpid(nr);
	if (!pgrp)
		goto unlock;
	ret = -EPERM;
	if (session_of_pgrp(pgrp) != task_session(current))
		goto unlock;
	spin_lock(&tty->ctrl.lock);
	old = tty->ctrl.pgrp;
	tty->ctrl.pgrp = get_pid(pgrp);
	spin_unlock(&tty->ctrl.lock);
	ret = 0;
unlock:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	put_pid(old);
	return ret;
}

/* tiocgsid - TIOCGSID: the number of @tty's session to @p. -ENOTTY
 * unless @tty is the caller's controlling terminal (or has no session),
 * -EFAULT. */
static int tiocgsid(struct tty_struct *tty, pid_t __user *p)
{
	unsigned long flags;
	pid_t sid;

	if (get_current_tty() != tty)
		return -ENOTTY;
	spin_lock_irqsave(&tty->ctrl.lock, flags);
	sid = pid_nr(tty->ctrl.session);
	spin_unlock_irqrestore(&tty->ctrl.lock, flags);
	if (!sid)
		return -ENOTTY;
	return put_user(sid, p) ? -EFAULT : 0;
}

/*
 * tty_jobctrl_ioctl - the controlling-terminal ioctls: TIOCNOTTY (-ENOTTY
 * unless @tty is the caller's controlling terminal), TIOCSCTTY,
 * TIOCGPGRP, TIOCSPGRP, TIOCGSID. -ENOIOCTLCMD for any other.
 */
int tty_jobctrl_ioctl(struct tty_struct *tty, struct file *file,
		      unsigned int cmd, unsigned long arg)
{
	pid_t __user *p = (pid_t __user *)arg;

	switch (cmd) {
	case TIOCNOTTY:
		if (get_current_tty() != tty)
			return -ENOTTY;
		no_tty();
		return 0;
	case TIOCSCTTY:
		return tiocsctty(tty, file, arg);
	case TIOCGPGRP:
		return tiocgpgrp(tty, p);
	case TIOCSPGRP:
		return tiocspgrp(tty, p);
	case TIOCGSID:
		return tiocgsid(tty, p);
	}
	return -ENOIOCTLCMD;
}
