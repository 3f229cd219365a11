/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct restart_block (Linux's include/linux/restart_block.h): how a
 * syscall that a signal interrupted goes on after it, when no handler
 * ran (a stop and continue, an ignored signal). The syscall records
 * what it needs in current->restart_block and returns
 * -ERESTART_RESTARTBLOCK; the return to user mode then makes the task
 * call restart_syscall(2) instead of itself (arch syscall_restart()),
 * which calls ->fn. Before a handler it is -EINTR. A sleep given as a
 * relative time (nanosleep, poll's timeout) so goes on until its first
 * deadline, not anew.
 */
#ifndef _LINUX_RESTART_BLOCK_H
#define _LINUX_RESTART_BLOCK_H

#include <linux/types.h>
#include <linux/time64.h>
#include <linux/errno.h>

#ifndef __user
#define __user
#endif

struct restart_block {
	long (*fn)(struct restart_block *);
	union {
		/* nanosleep, clock_nanosleep: the clock, where to write the
		 * time left, and the deadline on that clock (ns) */
		struct {
			int clockid;
			struct timespec64 __user *rmtp;
			u64 expires;
		} nanosleep;
		/* poll: its array, and its deadline (local_clock() ns, 0 for
		 * a zero timeout) if it has one */
		struct {
			void __user *ufds;
			unsigned int nfds;
			bool has_timeout;
			u64 end;
		} poll;
	};
};

long do_no_restart_syscall(struct restart_block *restart);

/* set_restart_fn - @restart goes on with @fn; returns what the syscall
 * returns for that, -ERESTART_RESTARTBLOCK. */
static inline long set_restart_fn(struct restart_block *restart,
				  long (*fn)(struct restart_block *))
{
	restart->fn = fn;
	return -ERESTART_RESTARTBLOCK;
}

#endif
