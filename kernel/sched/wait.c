// SPDX-License-Identifier: GPL-2.0
/* Wait queues and completions (see <linux/wait.h>). */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/wait.h>

void init_waitqueue_head(struct wait_queue_head *wq)
{
	spin_lock_init(&wq->lock);
	INIT_LIST_HEAD(&wq->head);
}

/* prepare_to_wait - queue @w for current (once) and set @state. */
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *w,
		     long state)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	if (w->task != current) {
		w->task = current;
		list_add_tail(&w->entry, &wq->head);
	}
	set_current_state(state);
	spin_unlock_irqrestore(&wq->lock, flags);
}

/* add_wait_queue - put @w (its task set) on @wq, to be woken by the next
 * wake_up() until remove_wait_queue(); it does not change the task's
 * state (poll_wait()'s queueing). */
void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *w)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_add_tail(&w->entry, &wq->head);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void remove_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *w)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_del(&w->entry);
	spin_unlock_irqrestore(&wq->lock, flags);
}

/* finish_wait - running again; leave the queue if still on it. */
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *w)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	spin_lock_irqsave(&wq->lock, flags);
	if (w->task == current) {
		list_del(&w->entry);
		w->task = NULL;
	}
	spin_unlock_irqrestore(&wq->lock, flags);
}

/* wake_up - wake every task waiting on @wq. They stay queued until they
 * run finish_wait(), so they re-test their condition. */
void wake_up(struct wait_queue_head *wq)
{
	struct wait_queue_entry *w;
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_for_each_entry(w, &wq->head, entry)
		wake_up_process(w->task);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

/* complete - count the event and wake the waiters in one locked step:
 * once done is seen the waiter may free the completion, so nothing may
 * touch it after the lock is dropped. */
void complete(struct completion *x)
{
	struct wait_queue_entry *w;
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done++;
	list_for_each_entry(w, &x->wait.head, entry)
		wake_up_process(w->task);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

/* try_wait_for_completion - consume one complete() if there is one. */
static bool try_wait_for_completion(struct completion *x)
{
	unsigned long flags;
	bool done;

	spin_lock_irqsave(&x->wait.lock, flags);
	done = x->done > 0;
	if (done)
		x->done--;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return done;
}

/* wait_for_completion - sleep until complete() was called once more
 * than this has returned. */
void wait_for_completion(struct completion *x)
{
	while (!try_wait_for_completion(x))
		wait_event(x->wait, READ_ONCE(x->done) > 0);
}

/*
 * wait_for_completion_killable - the same, but SIGKILL ends the wait.
 * Returns 0 once completed, -ERESTARTSYS if killed first (the caller
 * must then make sure complete() can no longer reach @x).
 */
int wait_for_completion_killable(struct completion *x)
{
	struct wait_queue_entry w = { .task = NULL };
	int ret = 0;

	for (;;) {
		prepare_to_wait(&x->wait, &w, TASK_KILLABLE);
		if (try_wait_for_completion(x))
			break;
		if (fatal_signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&x->wait, &w);
	return ret;
}
