/* SPDX-License-Identifier: GPL-2.0 */
/*
 * poll: a file's ->poll(file, wait) says which events are ready now
 * and, when @wait is not NULL, puts the caller on each wait queue whose
 * wake_up() could change that answer (poll_wait()). fs/select.c's
 * poll, ppoll, select and pselect6 sleep until one of them is woken.
 */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

#include <linux/types.h>
#include <linux/wait.h>

#define POLLIN		0x0001
#define POLLPRI		0x0002
#define POLLOUT		0x0004
#define POLLERR		0x0008
#define POLLHUP		0x0010
#define POLLNVAL	0x0020
#define POLLRDNORM	0x0040
#define POLLRDBAND	0x0080
#define POLLWRNORM	0x0100
#define POLLWRBAND	0x0200
#define POLLMSG		0x0400
#define POLLRDHUP	0x2000

/* What a file without ->poll reports: always ready, as Linux's
 * DEFAULT_POLLMASK for regular files. */
#define DEFAULT_POLLMASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

struct file;
struct poll_table_struct;

typedef void (*poll_queue_proc)(struct file *f, struct wait_queue_head *wq,
				struct poll_table_struct *p);

/* poll_table - how ->poll queues its caller; NULL: only asking */
typedef struct poll_table_struct {
	poll_queue_proc _qproc;
	__poll_t _key;			/* the events the caller wants */
} poll_table;

/*
 * poll_wait - called by a ->poll method with no spinlock held (the
 * queueing allocates): put the poller on @wq, unless @p is NULL (a
 * second pass, or nobody waits).
 */
static inline void poll_wait(struct file *f, struct wait_queue_head *wq, poll_table *p)
{
	if (p && p->_qproc && wq)
		p->_qproc(f, wq, p);
}

/* vfs_poll - the events ready on @f; DEFAULT_POLLMASK without ->poll. */
__poll_t vfs_poll(struct file *f, poll_table *pt);

#endif
