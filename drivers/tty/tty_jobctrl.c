// SPDX-License-Identifier: GPL-2.0
/*
 * The tty's foreground process group (Linux's drivers/tty/tty_jobctrl.c).
 *
 * mmos has no process groups or sessions yet, and so no controlling
 * terminals: every process is taken to be in the console's one
 * foreground group. That decides the three things below; each is the
 * place where the merge with process groups changes the behaviour, as
 * Documentation/tty.md ("Job control: the hooks") says:
 *
 * - tty_signal_pgrp(): ISIG's SIGINT/SIGQUIT/SIGTSTP and TIOCSWINSZ's
 *   SIGWINCH go to every user process (PID 1 too, which ignores what it
 *   has no handler for). With groups it becomes kill_pgrp() of the
 *   tty's foreground group, if it has one.
 * - tty_check_change(): 0. Linux's answer is also 0 for a tty that is
 *   not the caller's controlling terminal, which is every tty here;
 *   with sessions it sends SIGTTOU to a background group.
 * - TIOCSCTTY, TIOCNOTTY, TIOCGPGRP, TIOCSPGRP: Linux's answers for a
 *   process that is no session leader and has no controlling terminal.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/tty.h>

/*
 * tty_signal_pgrp - send @sig to @tty's foreground process group, which
 * for now is every user process: one live thread of each (the way
 * kill() picks its target). May run in the receive interrupt:
 * tasklist_lock is irqsave.
 */
void tty_signal_pgrp(struct tty_struct *tty, int sig)
{
	struct task_struct *p, *t;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &tasklist, tasks) {
		if (p != p->group_leader || (p->flags & PF_KTHREAD) || !p->mm)
			continue;
		list_for_each_entry(t, &p->signal->thread_head, thread_node)
			if (!t->exit_state) {
				send_sig(sig, t, 1);
				break;
			}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/*
 * tty_check_change - may the caller change @tty's settings or flush it?
 * 0: @tty is nobody's controlling terminal yet (see above).
 */
int tty_check_change(struct tty_struct *tty)
{
	return 0;
}

/*
 * tty_jobctrl_ioctl - the controlling-terminal ioctls, answered as Linux
 * answers a caller without a controlling terminal that leads no
 * session: TIOCSCTTY -EPERM, the others -ENOTTY.
 */
int tty_jobctrl_ioctl(struct tty_struct *tty, struct file *file,
		      unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case TIOCSCTTY:
		return -EPERM;
	case TIOCNOTTY:
	case TIOCGPGRP:
	case TIOCSPGRP:
		return -ENOTTY;
	}
	return -ENOIOCTLCMD;
}
