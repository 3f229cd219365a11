/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A temporary signal mask for the length of one syscall (ppoll,
 * pselect6; Linux's TS_RESTORE_SIGMASK): the task's own mask is kept in
 * saved_sigmask. If a signal interrupts the call, its handler's frame
 * records the saved mask (sigmask_to_save()) so that rt_sigreturn
 * brings it back, while the handler runs under the temporary one;
 * without a handler the return to user mode restores it.
 */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/sched.h>
#include <linux/signal.h>

static inline void set_restore_sigmask(void)
{
	current->restore_sigmask = true;
}

static inline void clear_restore_sigmask(void)
{
	current->restore_sigmask = false;
}

/* sigmask_to_save - the mask a signal frame must record now. */
static inline sigset_t sigmask_to_save(void)
{
	return current->restore_sigmask ? current->saved_sigmask : current->blocked;
}

/* restore_saved_sigmask - put the task's own mask back, if one is kept. */
static inline void restore_saved_sigmask(void)
{
	if (current->restore_sigmask) {
		current->restore_sigmask = false;
		current->blocked = current->saved_sigmask;
	}
}

/* restore_saved_sigmask_unless - at the end of the call: put the mask
 * back now, unless @interrupted (a signal is on its way, and its
 * delivery deals with the mask). */
static inline void restore_saved_sigmask_unless(bool interrupted)
{
	if (!interrupted)
		restore_saved_sigmask();
}

#endif
