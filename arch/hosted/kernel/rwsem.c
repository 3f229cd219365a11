// SPDX-License-Identifier: GPL-2.0
/*
 * rw_semaphore on the hosted target: one thread of control, so a lock
 * that is taken can never be released by someone else while we wait;
 * contention there is a bug in the test or the kernel code.
 */
#include <linux/kernel.h>
#include <linux/rwsem.h>

/* down_read - take @s shared; a writer holding it is a bug here. */
void down_read(struct rw_semaphore *s)
{
	BUG_ON(s->count < 0);
	s->count++;
}

/* up_read - drop a shared hold of @s. */
void up_read(struct rw_semaphore *s)
{
	BUG_ON(s->count <= 0);
	s->count--;
}

/* down_write - take @s exclusive; any holder is a bug here. */
void down_write(struct rw_semaphore *s)
{
	BUG_ON(s->count != 0);
	s->count = -1;
}

/* up_write - drop the exclusive hold of @s. */
void up_write(struct rw_semaphore *s)
{
	BUG_ON(s->count != -1);
	s->count = 0;
}

/* down_read_trylock - take @s shared if no writer holds it. */
bool down_read_trylock(struct rw_semaphore *s)
{
	if (s->count < 0)
		return false;
	s->count++;
	return true;
}
