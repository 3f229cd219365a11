// SPDX-License-Identifier: GPL-2.0
/*
 * futex: FUTEX_WAIT and FUTEX_WAKE on private futexes, enough for
 * pthread_join (CLONE_CHILD_CLEARTID) and mutexes in musl and glibc.
 * A futex is named by (mm, address). A waiter queues itself before it
 * reads the word, so a wake between the read and the sleep is not lost.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>

#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CLOCK_REALTIME	256

struct futex_q {
	struct list_head list;		/* futex_lock */
	struct mm_struct *mm;
	unsigned long uaddr;
	struct task_struct *task;
	bool woken;			/* futex_lock */
};

static LIST_HEAD(futex_queue);
static DEFINE_SPINLOCK(futex_lock);

/* futex_wake_addr - wake up to @nr waiters on (@mm, @uaddr). */
int futex_wake_addr(struct mm_struct *mm, unsigned long uaddr, int nr)
{
	struct futex_q *q, *n;
	unsigned long flags;
	int woken = 0;

	spin_lock_irqsave(&futex_lock, flags);
	list_for_each_entry_safe(q, n, &futex_queue, list) {
		if (woken >= nr)
			break;
		if (q->mm != mm || q->uaddr != uaddr)
			continue;
		list_del(&q->list);
		q->woken = true;
		wake_up_process(q->task);
		woken++;
	}
	spin_unlock_irqrestore(&futex_lock, flags);
	return woken;
}

struct timespec_k {
	long tv_sec, tv_nsec;
};

static long futex_wait(u32 __user *uaddr, u32 val, const struct timespec_k __user *ut)
{
	struct futex_q q = { .mm = current->mm, .uaddr = (unsigned long)uaddr,
			     .task = current };
	long ticks = -1, ret = 0;
	unsigned long flags;
	u32 cur;

	if (ut) {
		struct timespec_k t;

		if (copy_from_user(&t, ut, sizeof(t)))
			return -EFAULT;
		if (t.tv_sec < 0 || t.tv_nsec < 0 || t.tv_nsec >= 1000000000L)
			return -EINVAL;
		ticks = t.tv_sec * HZ + DIV_ROUND_UP(t.tv_nsec, 1000000000L / HZ);
	}
	spin_lock_irqsave(&futex_lock, flags);
	list_add_tail(&q.list, &futex_queue);
	set_current_state(TASK_INTERRUPTIBLE);
	spin_unlock_irqrestore(&futex_lock, flags);
	if (get_user(cur, uaddr))
		ret = -EFAULT;
	else if (cur != val)
		ret = -EAGAIN;
	else if (ticks >= 0)
		ret = schedule_timeout(ticks) ? 0 : -ETIMEDOUT;
	else
		schedule();
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

SYSCALL_DEFINE6(futex, u32 __user *, uaddr, int, op, u32, val,
		const struct timespec_k __user *, utime, u32 __user *, uaddr2, u32, val3)
{
	if ((unsigned long)uaddr & 3)
		return -EINVAL;
	switch (op & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME)) {
	case FUTEX_WAIT:
		return futex_wait(uaddr, val, utime);
	case FUTEX_WAKE:
		return futex_wake_addr(current->mm, (unsigned long)uaddr, val);
	default:
		return -ENOSYS;	/* requeue, PI, bitset: not in mmos */
	}
}
