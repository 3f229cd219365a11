// SPDX-License-Identifier: GPL-2.0
/*
 * rw_semaphore: readers share, a writer excludes everyone. A task that
 * must wait queues itself and sleeps; every release wakes all waiters,
 * which retry (simple, and fair enough for mmap_lock's short holds).
 */
#include <linux/kernel.h>
#include <linux/rwsem.h>
#include <linux/sched.h>

struct rwsem_waiter {
	struct list_head list;
	struct task_struct *task;
};

/* Try to take @s for reading (no writer holds it) or writing (nobody
 * holds it). Readers may starve a writer; mmap_lock holds are short. */
static bool rwsem_try(struct rw_semaphore *s, bool write)
{
	if (write ? s->count != 0 : s->count < 0)
		return false;
	s->count = write ? -1 : s->count + 1;
	return true;
}

static void rwsem_down(struct rw_semaphore *s, bool write)
{
	struct rwsem_waiter w = { .task = current };
	unsigned long flags;

	spin_lock_irqsave(&s->wait_lock, flags);
	if (rwsem_try(s, write)) {
		spin_unlock_irqrestore(&s->wait_lock, flags);
		return;
	}
	list_add_tail(&w.list, &s->waiters);
	s->nr_waiters++;
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (rwsem_try(s, write))
			break;
		spin_unlock_irqrestore(&s->wait_lock, flags);
		schedule();
		spin_lock_irqsave(&s->wait_lock, flags);
	}
	__set_current_state(TASK_RUNNING);
	list_del(&w.list);
	s->nr_waiters--;
	spin_unlock_irqrestore(&s->wait_lock, flags);
}

static void rwsem_up(struct rw_semaphore *s, bool write)
{
	struct rwsem_waiter *w;
	unsigned long flags;

	spin_lock_irqsave(&s->wait_lock, flags);
	BUG_ON(write ? s->count != -1 : s->count <= 0);
	s->count = write ? 0 : s->count - 1;
	if (s->count == 0)
		list_for_each_entry(w, &s->waiters, list)
			wake_up_process(w->task);
	spin_unlock_irqrestore(&s->wait_lock, flags);
}

void down_read(struct rw_semaphore *s) { rwsem_down(s, false); }
void down_write(struct rw_semaphore *s) { rwsem_down(s, true); }
void up_read(struct rw_semaphore *s) { rwsem_up(s, false); }
void up_write(struct rw_semaphore *s) { rwsem_up(s, true); }

bool down_read_trylock(struct rw_semaphore *s)
{
	unsigned long flags;
	bool ok;

	spin_lock_irqsave(&s->wait_lock, flags);
	ok = rwsem_try(s, false);
	spin_unlock_irqrestore(&s->wait_lock, flags);
	return ok;
}
