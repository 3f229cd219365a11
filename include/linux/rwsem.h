/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Read-write semaphores (mmap_lock): many readers or one writer; a task
 * that cannot get it sleeps. count > 0: that many readers; -1: a writer.
 * The uncontended paths are inline; waiting is in kernel/locking/rwsem.c.
 */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/spinlock.h>

struct rw_semaphore {
	long count;			/* wait_lock */
	unsigned int nr_waiters;	/* wait_lock */
	spinlock_t wait_lock;
	struct list_head waiters;	/* sleeping tasks: wait_lock */
};

#define __RWSEM_INITIALIZER(name)					\
	{ .count = 0, .nr_waiters = 0,					\
	  .wait_lock = __SPIN_LOCK_UNLOCKED(name.wait_lock),		\
	  .waiters = LIST_HEAD_INIT(name.waiters) }

#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)

static inline void init_rwsem(struct rw_semaphore *s)
{
	s->count = 0;
	s->nr_waiters = 0;
	spin_lock_init(&s->wait_lock);
	INIT_LIST_HEAD(&s->waiters);
}

void down_read(struct rw_semaphore *s);
void up_read(struct rw_semaphore *s);
void down_write(struct rw_semaphore *s);
void up_write(struct rw_semaphore *s);
bool down_read_trylock(struct rw_semaphore *s);

static inline bool rwsem_is_locked(const struct rw_semaphore *s)
{
	return READ_ONCE(s->count) != 0;
}

static inline bool rwsem_is_write_locked(const struct rw_semaphore *s)
{
	return READ_ONCE(s->count) == -1;
}

#define mmap_read_lock(mm)	down_read(&(mm)->mmap_lock)
#define mmap_read_unlock(mm)	up_read(&(mm)->mmap_lock)
#define mmap_write_lock(mm)	down_write(&(mm)->mmap_lock)
#define mmap_write_unlock(mm)	up_write(&(mm)->mmap_lock)
#define mmap_assert_locked(mm)	BUG_ON(!rwsem_is_locked(&(mm)->mmap_lock))
#define mmap_assert_write_locked(mm) BUG_ON(!rwsem_is_write_locked(&(mm)->mmap_lock))

#endif
