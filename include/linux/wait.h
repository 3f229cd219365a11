/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Wait queues: a task that must wait for a condition puts itself on a
 * queue, sets its state to sleeping and calls schedule(); whoever makes
 * the condition true calls wake_up(). The state is set before the
 * condition is tested, so a wake-up between the two is never lost.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/spinlock.h>

struct task_struct;

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;		/* of wait_queue_entry: lock */
};

struct wait_queue_entry {
	struct task_struct *task;
	struct list_head entry;
};

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) \
	{ .lock = __SPIN_LOCK_UNLOCKED(name.lock), .head = LIST_HEAD_INIT(name.head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

void init_waitqueue_head(struct wait_queue_head *wq);
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *w,
		     long state);
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *w);
void wake_up(struct wait_queue_head *wq);
void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *w);
void remove_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *w);

/* wait_event - sleep until @cond is true. */
#define wait_event(wq, cond)						\
	do {								\
		struct wait_queue_entry __w = { .task = NULL };		\
		for (;;) {						\
			prepare_to_wait(&(wq), &__w, TASK_UNINTERRUPTIBLE); \
			if (cond)					\
				break;					\
			schedule();					\
		}							\
		finish_wait(&(wq), &__w);				\
	} while (0)

/* Completions: a one-shot (or counted) event to wait for. */
struct completion {
	unsigned int done;
	struct wait_queue_head wait;
};

#define DECLARE_COMPLETION(name) \
	struct completion name = { 0, __WAIT_QUEUE_HEAD_INITIALIZER(name.wait) }

void init_completion(struct completion *x);
void complete(struct completion *x);
void wait_for_completion(struct completion *x);
int wait_for_completion_killable(struct completion *x);

#endif
