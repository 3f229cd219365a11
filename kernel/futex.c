// SPDX-License-Identifier: GPL-2.0
/*
 * futex: FUTEX_WAIT, FUTEX_WAKE and their _BITSET forms (glibc waits
 * with an absolute timeout through WAIT_BITSET), and FUTEX_REQUEUE and
 * FUTEX_CMP_REQUEUE (a condition variable's broadcast moves its waiters
 * onto the mutex: musl's does, and has no fallback), enough for
 * pthread_join (CLONE_CHILD_CLEARTID), mutexes and condition variables
 * in musl and glibc.
 * A futex is named by (mm, address). A waiter queues itself before it
 * reads the word, so a wake between the read and the sleep is not lost.
 *
 * Robust futexes: set_robust_list(2) registers the thread's list of the
 * robust locks it holds, and when it exits or execs, each lock it still
 * owns gets FUTEX_OWNER_DIED and one waiter is woken (exit_robust_list,
 * as Linux's), so the next locker sees EOWNERDEAD. PI futexes are not
 * in mmos: a PI entry is marked but nobody is woken for it here (in
 * Linux exit_pi_state does that).
 */
#include <linux/arch.h>
#include <linux/futex.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/ptrace.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/timekeeping.h>

#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_REQUEUE		3
#define FUTEX_CMP_REQUEUE	4
#define FUTEX_WAIT_BITSET	9
#define FUTEX_WAKE_BITSET	10
#define FUTEX_BITSET_MATCH_ANY	0xffffffff
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CLOCK_REALTIME	256

/*
 * struct futex_key - which futex a word is, as Linux's: in a shared
 * mapping of a file (a tmpfs object included: shared anonymous memory)
 * the file's inode and the word's offset in it, so that every process
 * mapping that page finds the same futex; anywhere else (and always for
 * FUTEX_PRIVATE_FLAG) the mm and the address.
 */
struct futex_key {
	const void *ptr;		/* the mm, or the inode */
	unsigned long word;		/* the address, or the file offset */
};

struct futex_q {
	struct list_head list;		/* futex_lock */
	struct futex_key key;		/* futex_lock: requeue moves it */
	struct task_struct *task;
	u32 bitset;
	bool woken;			/* futex_lock (its sleeper peeks, READ_ONCE) */
};

static LIST_HEAD(futex_queue);
static DEFINE_SPINLOCK(futex_lock);

/*
 * __get_futex_key - the key of the word at @uaddr of @mm: with @shared
 * (no FUTEX_PRIVATE_FLAG) the word must be mapped and accessible (else
 * -EFAULT, as Linux's get_user_pages in get_futex_key), and in a shared
 * file mapping it is the inode's; otherwise the mm's. mmap_lock held.
 */
static int __get_futex_key(struct mm_struct *mm, unsigned long uaddr, bool shared,
			   struct futex_key *key)
{
	struct vm_area_struct *vma;
	unsigned long off;

	key->ptr = mm;
	key->word = uaddr;
	if (!shared)
		return 0;
	vma = find_vma(mm, uaddr);
	if (!vma || vma->vm_start > uaddr || !(vma->vm_flags & VM_ACCESS_FLAGS))
		return -EFAULT;
	if (!(vma->vm_flags & VM_SHARED) || !vma->vm_file)
		return 0;
	off = (uaddr - vma->vm_start) + (vma->vm_pgoff << PAGE_SHIFT);
	if (off >= (unsigned long)vma->vm_file->f_inode->i_size)
		return -EFAULT;	/* past the end: a touch would be SIGBUS */
	key->ptr = vma->vm_file->f_inode;
	key->word = off;
	return 0;
}

/* get_futex_key - __get_futex_key() of current's word, taking mmap_lock
 * (a private key needs none). 0 or -EFAULT. */
static int get_futex_key(u32 __user *uaddr, bool shared, struct futex_key *key)
{
	struct mm_struct *mm = current->mm;
	int err;

	if (!shared)
		return __get_futex_key(mm, (unsigned long)uaddr, false, key);
	mmap_read_lock(mm);
	err = __get_futex_key(mm, (unsigned long)uaddr, true, key);
	mmap_read_unlock(mm);
	return err;
}

static bool futex_match(const struct futex_key *a, const struct futex_key *b)
{
	return a->ptr == b->ptr && a->word == b->word;
}

static int futex_wake_bits(const struct futex_key *key, int nr, u32 bitset);

/* futex_wake_addr - wake up to @nr waiters on the word at @uaddr of
 * @mm, keyed as a shared futex is (clear_child_tid at exit, robust
 * lists): the mm's own lock is taken. Returns how many woke. */
int futex_wake_addr(struct mm_struct *mm, unsigned long uaddr, int nr)
{
	struct futex_key key;
	int err;

	mmap_read_lock(mm);
	err = __get_futex_key(mm, uaddr, true, &key);
	mmap_read_unlock(mm);
	if (err)	/* not mapped: nobody can wait on it by page */
		__get_futex_key(mm, uaddr, false, &key);
	return futex_wake_bits(&key, nr, FUTEX_BITSET_MATCH_ANY);
}

static int futex_wake_bits(const struct futex_key *key, int nr, u32 bitset)
{
	struct futex_q *q, *n;
	unsigned long flags;
	int woken = 0;

	spin_lock_irqsave(&futex_lock, flags);
	list_for_each_entry_safe(q, n, &futex_queue, list) {
		if (woken >= nr)
			break;
		if (!futex_match(&q->key, key) || !(q->bitset & bitset))
			continue;
		list_del(&q->list);
		q->woken = true;
		wake_up_process(q->task);
		woken++;
	}
	spin_unlock_irqrestore(&futex_lock, flags);
	return woken;
}

/*
 * futex_deadline - the CLOCK_MONOTONIC time (ns) at which a wait with
 * timeout @ut ends: relative, or (@abs) a time of the monotonic clock,
 * or of the real-time one with @realtime (taken at its offset now).
 * Saturating: a huge timeout waits practically forever, a past one not
 * at all. 0, -EFAULT or -EINVAL.
 */
static long futex_deadline(const struct timespec64 __user *ut, bool abs,
			   bool realtime, u64 *end)
{
	struct timespec64 t;
	u64 ns, off;

	if (copy_from_user(&t, ut, sizeof(t)))
		return -EFAULT;
	if (!timespec64_valid(&t))
		return -EINVAL;
	ns = timespec64_to_ns(&t);
	if (!abs) {
		*end = ktime_add_safe(ktime_get_ns(), ns);
	} else if (!realtime) {
		*end = ns;
	} else {
		/* the real-time deadline on the monotonic clock, by the one
		 * offset between them (two clock reads would differ) */
		off = ktime_get_real_offset();
		*end = ns > off ? ns - off : 0;
	}
	return 0;
}

/*
 * futex_sleep - sleep, queued as @q, until woken, a signal, or (@end,
 * unless NULL) the deadline: never before it, as Linux's hrtimer, the
 * clock deciding rather than the tick count (a tick-rounded timeout woke
 * up to a tick early). Returns 0, or -ETIMEDOUT.
 */
static long futex_sleep(struct futex_q *q, const u64 *end)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (READ_ONCE(q->woken) || signal_pending(current))
			break;
		if (!end)
			schedule();
		else if (!schedule_until(*end))
			return -ETIMEDOUT;
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

static long futex_wait(u32 __user *uaddr, bool shared, u32 val,
		       const struct timespec64 __user *ut, bool abs, bool realtime, u32 bitset)
{
	struct futex_q q = { .task = current, .bitset = bitset };
	long ret = 0;
	unsigned long flags;
	u64 end;
	u32 cur;

	if (!bitset)
		return -EINVAL;
	if (ut) {
		ret = futex_deadline(ut, abs, realtime, &end);
		if (ret)
			return ret;
	}
	ret = get_futex_key(uaddr, shared, &q.key);
	if (ret)
		return ret;
	spin_lock_irqsave(&futex_lock, flags);
	list_add_tail(&q.list, &futex_queue);
	set_current_state(TASK_INTERRUPTIBLE);
	spin_unlock_irqrestore(&futex_lock, flags);
	if (get_user(cur, uaddr))
		ret = -EFAULT;
	else if (cur != val)
		ret = -EAGAIN;
	else
		ret = futex_sleep(&q, ut ? &end : NULL);
	__set_current_state(TASK_RUNNING);
	spin_lock_irqsave(&futex_lock, flags);
	if (!q.woken) {
		list_del(&q.list);
		if (!ret)
			ret = signal_pending(current) ? -EINTR : 0;
	} else {
		ret = 0;
	}
	spin_unlock_irqrestore(&futex_lock, flags);
	return ret;
}

/*
 * futex_requeue - wake up to @nr_wake waiters on @uaddr and move up to
 * @nr_requeue more to @uaddr2 (they then wait there). With @cmp, only if
 * *@uaddr still holds @val3, else -EAGAIN (FUTEX_CMP_REQUEUE). Returns
 * how many were woken or moved, as Linux does.
 */
static long futex_requeue(u32 __user *uaddr, u32 __user *uaddr2, bool shared, int nr_wake,
			  int nr_requeue, bool cmp, u32 val3)
{
	struct futex_key key, key2;
	struct futex_q *q, *n;
	unsigned long flags;
	int woken = 0, moved = 0, err;
	u32 cur;

	if (nr_wake < 0 || nr_requeue < 0 || ((unsigned long)uaddr2 & 3))
		return -EINVAL;
	err = get_futex_key(uaddr, shared, &key);
	if (!err)
		err = get_futex_key(uaddr2, shared, &key2);
	if (err)
		return err;
	if (cmp && get_user(cur, uaddr))	/* read before the lock: it may fault */
		return -EFAULT;
	spin_lock_irqsave(&futex_lock, flags);
	if (cmp && cur != val3) {
		spin_unlock_irqrestore(&futex_lock, flags);
		return -EAGAIN;
	}
	list_for_each_entry_safe(q, n, &futex_queue, list) {
		if (!futex_match(&q->key, &key))
			continue;
		if (woken < nr_wake) {
			list_del(&q->list);
			q->woken = true;
			wake_up_process(q->task);
			woken++;
		} else if (moved < nr_requeue) {
			q->key = key2;
			moved++;
		} else {
			break;
		}
	}
	spin_unlock_irqrestore(&futex_lock, flags);
	return woken + moved;
}

/*
 * futex_cmpxchg_user - atomically: if current's u32 at @uaddr is @old,
 * make it @new; *@cur is what it held. The page is faulted in writable
 * first (Linux's fault_in_user_writeable) and changed through the
 * direct map under mmap_lock, which keeps it mapped: one atomic
 * instruction on the word the other threads see. Returns 0, or -EFAULT
 * if the word cannot be written.
 */
static int futex_cmpxchg_user(u32 __user *uaddr, u32 old, u32 new, u32 *cur)
{
	struct mm_struct *mm = current->mm;
	unsigned long addr = (unsigned long)uaddr;
	struct page *page;
	int ret = -EFAULT;

	if (!mm || !access_ok(uaddr, sizeof(u32)))
		return -EFAULT;
	mmap_read_lock(mm);
	page = fault_in_user_page(mm, addr, true);
	if (page) {
		u32 *word = (u32 *)((char *)page_address(page) + (addr & ~PAGE_MASK));

		*cur = old;
		__atomic_compare_exchange_n(word, cur, new, false, __ATOMIC_SEQ_CST,
					    __ATOMIC_SEQ_CST);
		ret = 0;
	}
	mmap_read_unlock(mm);
	return ret;
}

/*
 * handle_futex_death - @curr is exiting: if it owns the futex at @uaddr
 * (the TID bits are its), set FUTEX_OWNER_DIED keeping FUTEX_WAITERS,
 * and if there were waiters wake one (not for a PI futex). For the
 * pending entry of an unfinished unlock (@pending_op) whose word has no
 * owner any more, wake one waiter, which the unlock may not have done.
 * Returns 0, or -1 if the word could not be read or written (the walk
 * then stops, as Linux's).
 */
static int handle_futex_death(u32 __user *uaddr, struct task_struct *curr,
			      bool pi, bool pending_op)
{
	u32 uval, nval, mval;
	pid_t owner;

	if ((unsigned long)uaddr % sizeof(u32))
		return -1;
	do {
		if (get_user(uval, uaddr))
			return -1;
		owner = uval & FUTEX_TID_MASK;
		if (pending_op && !pi && !owner) {
			futex_wake_addr(current->mm, (unsigned long)uaddr, 1);
			return 0;
		}
		if (owner != curr->pid)
			return 0;
		mval = (uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
		if (futex_cmpxchg_user(uaddr, uval, mval, &nval))
			return -1;
	} while (nval != uval);		/* changed meanwhile: look again */
	if (!pi && (uval & FUTEX_WAITERS))
		futex_wake_addr(current->mm, (unsigned long)uaddr, 1);
	return 0;
}

/* fetch_robust_entry - the list pointer at @head: *@entry without its
 * PI bit, which goes to *@pi. 0 or -EFAULT. */
static int fetch_robust_entry(struct robust_list __user **entry,
			      struct robust_list __user *__user *head, bool *pi)
{
	unsigned long uentry;

	if (get_user(uentry, (unsigned long __user *)head))
		return -EFAULT;
	*entry = (struct robust_list __user *)(uentry & ~1UL);
	*pi = uentry & 1;
	return 0;
}

/*
 * exit_robust_list - walk @curr's robust list (Linux's): every entry
 * but the pending one through handle_futex_death(), at most
 * ROBUST_LIST_LIMIT of them (a circular or endless list ends there),
 * then the pending one. A fault anywhere ends the walk. Precondition:
 * @curr is current, with its mm.
 */
static void exit_robust_list(struct task_struct *curr)
{
	struct robust_list_head __user *head = curr->robust_list;
	struct robust_list __user *entry, *next_entry, *pending;
	unsigned int limit = ROBUST_LIST_LIMIT;
	bool pi, pip, next_pi;
	long futex_offset;
	int rc;

	if (fetch_robust_entry(&entry, &head->list.next, &pi))
		return;
	if (get_user(futex_offset, &head->futex_offset))
		return;
	if (fetch_robust_entry(&pending, &head->list_op_pending, &pip))
		return;
	while (entry != &head->list) {
		rc = fetch_robust_entry(&next_entry, &entry->next, &next_pi);
		if (entry != pending &&
		    handle_futex_death((u32 __user *)((char __user *)entry + futex_offset),
				       curr, pi, false))
			return;
		if (rc)
			return;
		entry = next_entry;
		pi = next_pi;
		if (!--limit)
			break;
		cond_resched();
	}
	if (pending)
		handle_futex_death((u32 __user *)((char __user *)pending + futex_offset),
				   curr, pip, true);
}

/* futex_cleanup - the robust locks of @tsk (current) are released as
 * dead, and the list forgotten. */
static void futex_cleanup(struct task_struct *tsk)
{
	if (tsk->robust_list) {
		exit_robust_list(tsk);
		tsk->robust_list = NULL;
	}
}

/* futex_exit_release - @tsk (current) exits: before its mm goes. */
void futex_exit_release(struct task_struct *tsk)
{
	futex_cleanup(tsk);
}

/* futex_exec_release - @tsk (current) execs: its old image's locks die
 * with it, and the new image registers its own list. */
void futex_exec_release(struct task_struct *tsk)
{
	futex_cleanup(tsk);
}

/* set_robust_list - register current's list at @head; -EINVAL unless
 * @len is the size of the head (Linux checks nothing else: the walk
 * copes with any pointer). */
SYSCALL_DEFINE2(set_robust_list, struct robust_list_head __user *, head, size_t, len)
{
	if (len != sizeof(*head))
		return -EINVAL;
	current->robust_list = head;
	return 0;
}

/*
 * get_robust_list - the list head of thread @pid (0: current) and its
 * size, to *@head_ptr and *@len_ptr. -ESRCH without such a thread,
 * -EPERM unless current may read it as ptrace would
 * (PTRACE_MODE_READ_REALCREDS), -EFAULT for a bad pointer (the length
 * is written first, as Linux's).
 */
SYSCALL_DEFINE3(get_robust_list, int, pid,
		struct robust_list_head __user *__user *, head_ptr,
		size_t __user *, len_ptr)
{
	struct robust_list_head __user *head;
	struct task_struct *p = current;
	unsigned long flags;

	if (pid) {	/* any thread, a zombie too, as Linux's find_task_by_vpid */
		spin_lock_irqsave(&tasklist_lock, flags);
		p = find_task_by_pid_locked(pid);
		if (p)
			get_task_struct(p);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (!p)
			return -ESRCH;
	}
	if (!ptrace_may_access(p, PTRACE_MODE_READ_REALCREDS)) {
		if (pid)
			put_task_struct(p);
		return -EPERM;
	}
	head = READ_ONCE(p->robust_list);
	if (pid)
		put_task_struct(p);
	if (put_user(sizeof(*head), len_ptr))
		return -EFAULT;
	return put_user(head, head_ptr) ? -EFAULT : 0;
}

SYSCALL_DEFINE6(futex, u32 __user *, uaddr, int, op, u32, val,
		const struct timespec64 __user *, utime, u32 __user *, uaddr2, u32, val3)
{
	bool realtime = op & FUTEX_CLOCK_REALTIME;
	bool shared = !(op & FUTEX_PRIVATE_FLAG);
	struct futex_key key;
	int err;

	if ((unsigned long)uaddr & 3)
		return -EINVAL;
	switch (op & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME)) {
	case FUTEX_WAIT:
		return futex_wait(uaddr, shared, val, utime, false, false, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAIT_BITSET:
		return futex_wait(uaddr, shared, val, utime, true, realtime, val3);
	case FUTEX_WAKE:
	case FUTEX_WAKE_BITSET:
		if ((op & 0x7f) == FUTEX_WAKE_BITSET && !val3)
			return -EINVAL;
		err = get_futex_key(uaddr, shared, &key);
		if (err)
			return err;
		return futex_wake_bits(&key, val, (op & 0x7f) == FUTEX_WAKE ?
				       FUTEX_BITSET_MATCH_ANY : val3);
	case FUTEX_REQUEUE:	/* the count to move comes in the timeout's place */
	case FUTEX_CMP_REQUEUE:
		return futex_requeue(uaddr, uaddr2, shared, val, (int)(unsigned long)utime,
				     (op & 0x7f) == FUTEX_CMP_REQUEUE, val3);
	default:
		return -ENOSYS;	/* PI futexes, WAKE_OP: not in mmos */
	}
}
