// SPDX-License-Identifier: GPL-2.0
/*
 * poll, ppoll, select and pselect6 (Linux's fs/select.c): each pass asks
 * every file's ->poll (vfs_poll()) what is ready; the first pass also
 * puts the caller on each file's wait queues (__pollwait(), holding a
 * reference on the file), so that any wake_up() there ends its sleep.
 * The task state is set before each pass, so a wake-up between the pass
 * and the sleep is never lost. Timeouts are exact: schedule_until()
 * sleeps whole ticks on a timer and yields away the rest, by the clock.
 *
 * The sigmask of ppoll and pselect6 is current's for the call; if a
 * signal interrupts it, the old mask is put back only after the
 * handler's frame saved it (set_user_sigmask(),
 * restore_saved_sigmask_unless(); kernel/signal.c).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/jiffies.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/uaccess.h>

#define N_INLINE_POLL_ENTRIES	16
#define POLL_ENTRIES_PER_PAGE	64
#define RLIMIT_NOFILE_CUR	NR_OPEN_DEFAULT	/* kernel/sys.c's RLIMIT_NOFILE */

/* One wait queue a poller is on, for one file. */
struct poll_table_entry {
	struct file *filp;		/* a reference: the queue lives as long */
	struct wait_queue_head *wait_address;
	struct wait_queue_entry wait;
};

/* More entries than fit inline, kmalloc'ed as needed. */
struct poll_table_page {
	struct poll_table_page *next;
	int nr;
	struct poll_table_entry entries[POLL_ENTRIES_PER_PAGE];
};

/* The poller's queues: only current touches it, no lock. */
struct poll_wqueues {
	poll_table pt;
	struct poll_table_page *table;
	int error;			/* -ENOMEM from __pollwait */
	int inline_index;
	struct poll_table_entry inline_entries[N_INLINE_POLL_ENTRIES];
};

/* vfs_poll - the events ready on @f; DEFAULT_POLLMASK for a file
 * without ->poll (regular files, /proc files: always ready). */
__poll_t vfs_poll(struct file *f, poll_table *pt)
{
	if (!f->f_op->poll)
		return DEFAULT_POLLMASK;
	return f->f_op->poll(f, pt);
}

/* poll_get_entry - a free entry, NULL (pwq->error set) if memory is out. */
static struct poll_table_entry *poll_get_entry(struct poll_wqueues *pwq)
{
	struct poll_table_page *table = pwq->table;

	if (pwq->inline_index < N_INLINE_POLL_ENTRIES)
		return pwq->inline_entries + pwq->inline_index++;
	if (!table || table->nr == POLL_ENTRIES_PER_PAGE) {
		table = kmalloc(sizeof(*table), GFP_KERNEL);
		if (!table) {
			pwq->error = -ENOMEM;
			return NULL;
		}
		table->nr = 0;
		table->next = pwq->table;
		pwq->table = table;
	}
	return table->entries + table->nr++;
}

/* __pollwait - poll_wait()'s work: put current on @wq for @f. */
static void __pollwait(struct file *f, struct wait_queue_head *wq, poll_table *p)
{
	struct poll_wqueues *pwq = container_of(p, struct poll_wqueues, pt);
	struct poll_table_entry *entry = poll_get_entry(pwq);

	if (!entry)
		return;
	entry->filp = get_file(f);
	entry->wait_address = wq;
	entry->wait.task = current;
	add_wait_queue(wq, &entry->wait);
}

static void poll_initwait(struct poll_wqueues *pwq)
{
	pwq->pt._qproc = __pollwait;
	pwq->pt._key = ~(__poll_t)0;
	pwq->table = NULL;
	pwq->error = 0;
	pwq->inline_index = 0;
}

static void free_poll_entry(struct poll_table_entry *entry)
{
	remove_wait_queue(entry->wait_address, &entry->wait);
	fput(entry->filp);
}

/* poll_freewait - off every queue, the file references dropped. */
static void poll_freewait(struct poll_wqueues *pwq)
{
	struct poll_table_page *p = pwq->table;

	for (int i = 0; i < pwq->inline_index; i++)
		free_poll_entry(pwq->inline_entries + i);
	while (p) {
		struct poll_table_page *next = p->next;

		for (int i = 0; i < p->nr; i++)
			free_poll_entry(p->entries + i);
		kfree(p);
		p = next;
	}
}

/*
 * poll_select_set_timeout - the end time of a timeout @ts, into *@end
 * (nanoseconds of local_clock(); 0: a zero timeout, "just look").
 * -EINVAL for a negative or denormal time, as Linux's.
 */
static int poll_select_set_timeout(u64 *end, const struct timespec64 *ts)
{
	if (!timespec64_valid(ts))
		return -EINVAL;
	if (!ts->tv_sec && !ts->tv_nsec)
		*end = 0;
	else
		*end = ktime_add_safe(local_clock(), timespec64_to_ns(ts));
	return 0;
}

/* poll_schedule_timeout - sleep, in the TASK_INTERRUPTIBLE the caller
 * set, until woken or until @end (NULL: no limit). Returns false once
 * @end has passed. */
static bool poll_schedule_timeout(const u64 *end)
{
	if (!end) {
		schedule();
		return true;
	}
	return schedule_until(*end);
}

/* --- poll ------------------------------------------------------------ */

struct pollfd {
	int fd;
	short events;
	short revents;
};

/* do_pollfd - one pollfd's revents: 0 for a negative fd, POLLNVAL for
 * one not open, else what is ready of events | POLLERR | POLLHUP. */
static __poll_t do_pollfd(struct pollfd *pfd, poll_table *pt)
{
	__poll_t filter, mask;
	struct file *f;

	if (pfd->fd < 0)
		return 0;
	f = fget(pfd->fd);
	if (!f)
		return POLLNVAL;
	filter = (u16)pfd->events | POLLERR | POLLHUP;
	if (pt)
		pt->_key = filter;
	mask = vfs_poll(f, pt) & filter;
	fput(f);
	return mask;
}

/*
 * do_poll - pass over @fds until one has events, the time is up, or a
 * signal came (-EINTR) or memory ran out. Returns the number of fds
 * with revents.
 */
static int do_poll(struct pollfd *fds, unsigned int nfds,
		   struct poll_wqueues *wait, const u64 *end)
{
	poll_table *pt = &wait->pt;
	bool timed_out = end && !*end;
	int count;

	if (timed_out)
		pt->_qproc = NULL;	/* a zero timeout queues nowhere */
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		count = 0;
		for (unsigned int i = 0; i < nfds; i++) {
			fds[i].revents = do_pollfd(&fds[i], pt);
			if (fds[i].revents) {
				count++;
				pt->_qproc = NULL;
			}
		}
		pt->_qproc = NULL;	/* queued once is enough */
		if (!count) {
			count = wait->error;
			if (!count && signal_pending(current))
				count = -EINTR;
		}
		if (count || timed_out)
			break;
		if (!poll_schedule_timeout(end))
			timed_out = true;
	}
	__set_current_state(TASK_RUNNING);
	return count;
}

/*
 * do_sys_poll - copy the pollfds in (-EFAULT), poll, copy the revents
 * out (-EFAULT). -EINVAL above RLIMIT_NOFILE fds, -ENOMEM. Returns the
 * number ready, or -EINTR.
 */
static long do_sys_poll(struct pollfd __user *ufds, unsigned int nfds,
			const u64 *end)
{
	struct poll_wqueues table;
	struct pollfd *fds;
	long ret;

	if (nfds > RLIMIT_NOFILE_CUR)
		return -EINVAL;
	fds = kmalloc(sizeof(*fds) * (nfds ? nfds : 1), GFP_KERNEL);
	if (!fds)
		return -ENOMEM;
	ret = -EFAULT;
	if (copy_from_user(fds, ufds, sizeof(*fds) * nfds))
		goto free_fds;
	poll_initwait(&table);
	ret = do_poll(fds, nfds, &table, end);
	poll_freewait(&table);
	if (ret < 0)
		goto free_fds;
	for (unsigned int i = 0; i < nfds; i++)
		if (put_user(fds[i].revents, &ufds[i].revents)) {
			ret = -EFAULT;
			break;
		}
free_fds:
	kfree(fds);
	return ret;
}

/*
 * poll_select_finish - what the *select and ppoll calls do last: the
 * sigmask back (unless a signal's frame must save it first), and the
 * time left written to @p (a timespec, or @timeval) unless the timeout
 * was zero or absent. If that write faults, an interruption can no
 * longer be restarted: it becomes -EINTR, as in Linux.
 */
static long poll_select_finish(const u64 *end, void __user *p, bool timeval,
			       long ret)
{
	struct timespec64 rts;
	u64 now, left;

	restore_saved_sigmask_unless(ret == -ERESTARTNOHAND);
	if (!p || !end || !*end)
		return ret;
	now = local_clock();
	left = *end > now ? *end - now : 0;
	rts = ns_to_timespec64(left);
	if (timeval) {
		long tv[2] = { rts.tv_sec, rts.tv_nsec / 1000 };

		if (!copy_to_user(p, tv, sizeof(tv)))
			return ret;
	} else if (!copy_to_user(p, &rts, sizeof(rts))) {
		return ret;
	}
	return ret == -ERESTARTNOHAND ? -EINTR : ret;
}

/*
 * set_user_sigmask - ppoll's and pselect6's mask for the call: none
 * (@umask NULL), or -EINVAL for a wrong @sigsetsize, -EFAULT; else the
 * current mask is saved for restore_saved_sigmask_unless().
 */
static int set_user_sigmask(const sigset_t __user *umask, size_t sigsetsize)
{
	sigset_t kmask;

	if (!umask)
		return 0;
	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&kmask, umask, sizeof(kmask)))
		return -EFAULT;
	current->saved_sigmask = current->blocked;
	current->blocked = kmask & ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
	set_restore_sigmask();
	return 0;
}

static long do_restart_poll(struct restart_block *restart);

/* poll_restart - an interrupted poll is to go on with the same fds and
 * deadline if no handler runs (-ERESTART_RESTARTBLOCK; -EINTR before a
 * handler), as Linux's. @end: NULL for no timeout. */
static long poll_restart(struct restart_block *restart, struct pollfd __user *ufds,
			 unsigned int nfds, const u64 *end)
{
	restart->poll.ufds = ufds;
	restart->poll.nfds = nfds;
	restart->poll.has_timeout = end != NULL;
	restart->poll.end = end ? *end : 0;
	return set_restart_fn(restart, do_restart_poll);
}

/* do_restart_poll - restart_syscall(2) of an interrupted poll: the same
 * fds, to the same deadline (Linux's). */
static long do_restart_poll(struct restart_block *restart)
{
	struct pollfd __user *ufds = restart->poll.ufds;
	unsigned int nfds = restart->poll.nfds;
	u64 end = restart->poll.end;
	const u64 *to = restart->poll.has_timeout ? &end : NULL;
	long ret = do_sys_poll(ufds, nfds, to);

	return ret == -EINTR ? poll_restart(restart, ufds, nfds, to) : ret;
}

/*
 * poll: a negative timeout waits for ever. Interrupted, it goes on with
 * what is left of its timeout if no handler runs (restart_syscall(2),
 * do_restart_poll()), else it is -EINTR.
 */
SYSCALL_DEFINE3(poll, struct pollfd __user *, ufds, unsigned int, nfds,
		int, timeout_msecs)
{
	struct timespec64 ts;
	u64 end, *to = NULL;
	long ret;

	if (timeout_msecs >= 0) {
		ts.tv_sec = timeout_msecs / 1000;
		ts.tv_nsec = (long)(timeout_msecs % 1000) * 1000000;
		poll_select_set_timeout(&end, &ts);
		to = &end;
	}
	ret = do_sys_poll(ufds, nfds, to);
	if (ret == -EINTR)
		ret = poll_restart(&current->restart_block, ufds, nfds, to);
	return ret;
}

SYSCALL_DEFINE5(ppoll, struct pollfd __user *, ufds, unsigned int, nfds,
		struct timespec64 __user *, tsp, const sigset_t __user *, sigmask,
		size_t, sigsetsize)
{
	struct timespec64 ts;
	u64 end, *to = NULL;
	long ret;

	if (tsp) {
		if (copy_from_user(&ts, tsp, sizeof(ts)))
			return -EFAULT;
		if (poll_select_set_timeout(&end, &ts))
			return -EINVAL;
		to = &end;
	}
	ret = set_user_sigmask(sigmask, sigsetsize);
	if (ret)
		return ret;
	ret = do_sys_poll(ufds, nfds, to);
	if (ret == -EINTR)
		ret = -ERESTARTNOHAND;
	return poll_select_finish(to, tsp, false, ret);
}

/* --- select ---------------------------------------------------------- */

#define BITS_PER_LONG	64
#define FDS_LONGS(n)	(((n) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define FDS_BYTES(n)	(FDS_LONGS(n) * sizeof(long))

#define POLLIN_SET	(POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR)
#define POLLOUT_SET	(POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR)
#define POLLEX_SET	(POLLPRI)

/* The three sets asked about and the three answered, FDS_LONGS each. */
struct fd_set_bits {
	unsigned long in[FDS_LONGS(NR_OPEN_DEFAULT)], out[FDS_LONGS(NR_OPEN_DEFAULT)],
		      ex[FDS_LONGS(NR_OPEN_DEFAULT)];
	unsigned long res_in[FDS_LONGS(NR_OPEN_DEFAULT)],
		      res_out[FDS_LONGS(NR_OPEN_DEFAULT)],
		      res_ex[FDS_LONGS(NR_OPEN_DEFAULT)];
};

/* get_fd_set - a user fd_set of @n bits into @set (zero if @ufdset is
 * NULL). 0 or -EFAULT. */
static int get_fd_set(unsigned int n, unsigned long __user *ufdset,
		      unsigned long *set)
{
	memset(set, 0, FDS_BYTES(NR_OPEN_DEFAULT));
	if (!ufdset)
		return 0;
	return copy_from_user(set, ufdset, FDS_BYTES(n)) ? -EFAULT : 0;
}

static int set_fd_set(unsigned int n, unsigned long __user *ufdset,
		      const unsigned long *set)
{
	if (!ufdset)
		return 0;
	return copy_to_user(ufdset, set, FDS_BYTES(n)) ? -EFAULT : 0;
}

static bool fd_in(const unsigned long *set, unsigned int fd)
{
	return set[fd / BITS_PER_LONG] & (1UL << (fd % BITS_PER_LONG));
}

/*
 * max_select_fd - the highest fd asked about, plus one, after checking
 * that every fd in the three sets is open (-EBADF otherwise), as
 * Linux's.
 */
static int max_select_fd(unsigned int n, const struct fd_set_bits *fds)
{
	int max = 0;

	for (unsigned int fd = 0; fd < n; fd++) {
		struct file *f;

		if (!fd_in(fds->in, fd) && !fd_in(fds->out, fd) && !fd_in(fds->ex, fd))
			continue;
		f = fget(fd);
		if (!f)
			return -EBADF;
		fput(f);
		max = fd + 1;
	}
	return max;
}

/* select_pass_fd - ask @fd's file and mark what it has of what was
 * asked. Returns the number of marks made. */
static int select_pass_fd(unsigned int fd, struct fd_set_bits *fds, poll_table *pt)
{
	unsigned long bit = 1UL << (fd % BITS_PER_LONG);
	unsigned int w = fd / BITS_PER_LONG;
	struct file *f = fget(fd);
	__poll_t mask;
	int count = 0;

	if (!f)
		return 0;	/* closed since max_select_fd: not ready */
	if (pt)
		pt->_key = (fds->in[w] & bit ? POLLIN_SET : 0) |
			   (fds->out[w] & bit ? POLLOUT_SET : 0) |
			   (fds->ex[w] & bit ? POLLEX_SET : 0);
	mask = vfs_poll(f, pt);
	fput(f);
	if ((mask & POLLIN_SET) && (fds->in[w] & bit)) {
		fds->res_in[w] |= bit;
		count++;
	}
	if ((mask & POLLOUT_SET) && (fds->out[w] & bit)) {
		fds->res_out[w] |= bit;
		count++;
	}
	if ((mask & POLLEX_SET) && (fds->ex[w] & bit)) {
		fds->res_ex[w] |= bit;
		count++;
	}
	return count;
}

/*
 * do_select - pass over the fds below @n that are in a set until one
 * is ready, the time is up, or a signal came (0 then: the caller
 * decides) or memory ran out. Returns the number of bits set, -EBADF.
 */
static int do_select(unsigned int n, struct fd_set_bits *fds, const u64 *end)
{
	struct poll_wqueues table;
	poll_table *pt = &table.pt;
	bool timed_out = end && !*end;
	int retval = max_select_fd(n, fds);

	if (retval < 0)
		return retval;
	n = retval;
	poll_initwait(&table);
	if (timed_out)
		pt->_qproc = NULL;
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		retval = 0;
		for (unsigned int fd = 0; fd < n; fd++) {
			if (!fd_in(fds->in, fd) && !fd_in(fds->out, fd) &&
			    !fd_in(fds->ex, fd))
				continue;
			retval += select_pass_fd(fd, fds, pt);
			if (retval)
				pt->_qproc = NULL;
		}
		pt->_qproc = NULL;
		if (retval || timed_out || signal_pending(current))
			break;
		if (table.error) {
			retval = table.error;
			break;
		}
		if (!poll_schedule_timeout(end))
			timed_out = true;
	}
	__set_current_state(TASK_RUNNING);
	poll_freewait(&table);
	return retval;
}

/*
 * core_sys_select - select on @n fds (-EINVAL if negative; capped at the
 * fd table's size): copy the sets in (-EFAULT), select, copy the
 * answers out (-EFAULT). Nothing ready and a signal: -ERESTARTNOHAND.
 */
static long core_sys_select(int n, unsigned long __user *inp,
			    unsigned long __user *outp, unsigned long __user *exp,
			    const u64 *end)
{
	struct fd_set_bits *fds;
	long ret;

	if (n < 0)
		return -EINVAL;
	if (n > NR_OPEN_DEFAULT)
		n = NR_OPEN_DEFAULT;
	fds = kzalloc(sizeof(*fds), GFP_KERNEL);
	if (!fds)
		return -ENOMEM;
	ret = -EFAULT;
	if (get_fd_set(n, inp, fds->in) || get_fd_set(n, outp, fds->out) ||
	    get_fd_set(n, exp, fds->ex))
		goto free_fds;
	ret = do_select(n, fds, end);
	if (ret < 0)
		goto free_fds;
	if (!ret && signal_pending(current)) {
		ret = -ERESTARTNOHAND;
		goto free_fds;
	}
	if (set_fd_set(n, inp, fds->res_in) || set_fd_set(n, outp, fds->res_out) ||
	    set_fd_set(n, exp, fds->res_ex))
		ret = -EFAULT;
free_fds:
	kfree(fds);
	return ret;
}

struct __kernel_old_timeval {
	long tv_sec, tv_usec;
};

/* select: the timeval may carry whole seconds in tv_usec (Linux folds
 * them in); negative parts are -EINVAL. The time left is written back. */
SYSCALL_DEFINE5(select, int, n, unsigned long __user *, inp,
		unsigned long __user *, outp, unsigned long __user *, exp,
		struct __kernel_old_timeval __user *, tvp)
{
	struct __kernel_old_timeval tv;
	struct timespec64 ts;
	u64 end, *to = NULL;
	long ret;

	if (tvp) {
		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		if (tv.tv_sec < 0 || tv.tv_usec < 0)
			return -EINVAL;
		ts.tv_sec = tv.tv_sec + tv.tv_usec / 1000000;
		ts.tv_nsec = (tv.tv_usec % 1000000) * 1000;
		if (poll_select_set_timeout(&end, &ts))
			return -EINVAL;
		to = &end;
	}
	ret = core_sys_select(n, inp, outp, exp, to);
	return poll_select_finish(to, tvp, true, ret);
}

/* pselect6's sixth argument: the sigmask and its size, in user memory */
struct sigset_argpack {
	sigset_t __user *p;
	size_t size;
};

SYSCALL_DEFINE6(pselect6, int, n, unsigned long __user *, inp,
		unsigned long __user *, outp, unsigned long __user *, exp,
		struct timespec64 __user *, tsp, void __user *, sig)
{
	struct sigset_argpack pack = { NULL, 0 };
	struct timespec64 ts;
	u64 end, *to = NULL;
	long ret;

	if (sig && copy_from_user(&pack, sig, sizeof(pack)))
		return -EFAULT;
	if (tsp) {
		if (copy_from_user(&ts, tsp, sizeof(ts)))
			return -EFAULT;
		if (poll_select_set_timeout(&end, &ts))
			return -EINVAL;
		to = &end;
	}
	ret = set_user_sigmask(pack.p, pack.size);
	if (ret)
		return ret;
	ret = core_sys_select(n, inp, outp, exp, to);
	return poll_select_finish(to, tsp, false, ret);
}
