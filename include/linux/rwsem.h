/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Read-write semaphores (mmap_lock). count > 0: that many readers;
 * count == -1: one writer. Until tasks can sleep (the task issue adds
 * wait queues) nothing can contend, so contention is a kernel bug.
 */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include <linux/kernel.h>

struct rw_semaphore {
	long count;
};

#define __RWSEM_INITIALIZER(name)	{ 0 }

static inline void init_rwsem(struct rw_semaphore *s)
{
	s->count = 0;
}

static inline void down_read(struct rw_semaphore *s)
{
	BUG_ON(s->count < 0);
	s->count++;
}

static inline void up_read(struct rw_semaphore *s)
{
	BUG_ON(s->count <= 0);
	s->count--;
}

static inline void down_write(struct rw_semaphore *s)
{
	BUG_ON(s->count != 0);
	s->count = -1;
}

static inline void up_write(struct rw_semaphore *s)
{
	BUG_ON(s->count != -1);
	s->count = 0;
}

static inline bool rwsem_is_locked(const struct rw_semaphore *s)
{
	return s->count != 0;
}

#endif
