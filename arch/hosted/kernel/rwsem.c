// SPDX-License-Identifier: GPL-2.0
/*
 * rw_semaphore on the hosted target: one thread of control, so a lock
 * that is taken can never be released by someone else while we wait;
 * contention there is a bug in the test or the kernel code.
 */
#include <linux/kernel.h>
#include <linux/rwsem.h>

void down_read(struct rw_semaphore *s)
{
	BUG_ON(s->count < 0);
	s->count++;
}

void up_read(struct rw_semaphore *s)
{
	BUG_ON(s->count <= 0);
	s->count--;
}

void down_write(struct rw_semaphore *s)
{
	BUG_ON(s->count != 0);
	s->count = -1;
}

void up_write(struct rw_semaphore *s)
{
	BUG_ON(s->count != -1);
	s->count = 0;
}

bool down_read_trylock(struct rw_semaphore *s)
{
	if (s->count < 0)
		return false;
	s->count++;
	return true;
}
