// SPDX-License-Identifier: GPL-2.0
/*
 * Task credentials (<linux/cred.h>): the copy-on-write discipline of
 * Linux's kernel/cred.c. A task reads its own cred freely; another
 * task's only under that task's task_lock() (get_task_cred()), since
 * commit_creds() swaps the pointer under it.
 */
#include <linux/kernel.h>
#include <linux/coredump.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

static struct kmem_cache *cred_jar;

struct group_info init_groups = { .usage = ATOMIC_INIT(2), .ngroups = 0 };

/* The credentials of init_task, and so of everything at boot: root. */
struct cred init_cred = {
	.usage = ATOMIC_INIT(4),
	.group_info = &init_groups,
};

/* cred_init - the cache of struct cred, at boot after the slab. */
void cred_init(void)
{
	cred_jar = kmem_cache_create("cred_jar", sizeof(struct cred), 8);
	if (!cred_jar)
		panic("cred_init: out of memory");
}

/* __put_cred - the last reference to @cred went: free it. */
void __put_cred(struct cred *cred)
{
	BUG_ON(cred == &init_cred);
	put_group_info(cred->group_info);
	kmem_cache_free(cred_jar, cred);
}

/*
 * prepare_creds - a copy of current's credentials to change and then
 * commit_creds() (or abort_creds()). Returns it, with one reference,
 * or NULL when memory is out.
 */
struct cred *prepare_creds(void)
{
	struct cred *new = kmem_cache_alloc(cred_jar, GFP_KERNEL);

	if (!new)
		return NULL;
	memcpy(new, current_cred(), sizeof(*new));
	atomic_set(&new->usage, 1);
	get_group_info(new->group_info);
	return new;
}

/* abort_creds - throw away an uncommitted prepare_creds() copy. */
void abort_creds(struct cred *new)
{
	put_cred(new);
}

/*
 * commit_creds - @new (from prepare_creds()) becomes current's
 * credentials, both real_cred (what others see of it) and cred (what it
 * acts with); the reference passes to the task. The old one is put
 * after task_lock() is dropped: nobody can be reading it then. A new
 * effective or file-system id clears the parent-death signal. Returns 0.
 */
int commit_creds(struct cred *new)
{
	struct task_struct *task = current;
	const struct cred *old_real, *old;

	BUG_ON(atomic_read(&new->usage) < 1);
	/* a change of identity makes the process not dumpable (Linux's
	 * suid_dumpable 0: no core, as it may hold the other identity's
	 * secrets) and forgets the parent-death signal, as Linux's */
	if (!uid_eq(task->cred->euid, new->euid) || !gid_eq(task->cred->egid, new->egid) ||
	    !uid_eq(task->cred->fsuid, new->fsuid) || !gid_eq(task->cred->fsgid, new->fsgid)) {
		if (task->mm)
			set_dumpable(task->mm, SUID_DUMP_DISABLE);
		task->pdeath_signal = 0;
	}
	get_cred(new);		/* one for real_cred, one for cred */
	task_lock(task);
	old_real = task->real_cred;
	old = task->cred;
	task->real_cred = new;
	task->cred = new;
	task_unlock(task);
	put_cred(old_real);
	put_cred(old);
	return 0;
}

/*
 * override_creds - current acts with @new for a while (faccessat's real
 * ids): only task->cred changes, real_cred (what others see) stays.
 * Takes a reference to @new; returns the cred it replaced, with the
 * reference current held on it, for revert_creds(). As Linux's.
 */
const struct cred *override_creds(const struct cred *new)
{
	struct task_struct *task = current;
	const struct cred *old = task->cred;

	get_cred(new);
	task_lock(task);
	task->cred = new;
	task_unlock(task);
	return old;
}

/* revert_creds - undo override_creds(): @old (its return) acts again and
 * the override's reference is put. */
void revert_creds(const struct cred *old)
{
	struct task_struct *task = current;
	const struct cred *override = task->cred;

	task_lock(task);
	task->cred = old;
	task_unlock(task);
	put_cred(override);
}

/* get_task_cred - a reference to @p's real credentials (put_cred() it). */
const struct cred *get_task_cred(struct task_struct *p)
{
	const struct cred *cred;

	task_lock(p);
	cred = get_cred(p->real_cred);
	task_unlock(p);
	return cred;
}

/*
 * copy_creds - the credentials of a new task @p, a copy of current:
 * a thread (CLONE_THREAD) shares its creator's, a process gets its own
 * copy, as in Linux. Returns 0 or -ENOMEM.
 */
int copy_creds(struct task_struct *p, unsigned long clone_flags)
{
	struct cred *new;

	if (clone_flags & CLONE_THREAD) {
		p->real_cred = get_cred(current->real_cred);
		p->cred = get_cred(current->cred);
		return 0;
	}
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	p->real_cred = get_cred(new);
	p->cred = new;
	return 0;
}

/* exit_creds - the task is freed: drop its credentials. */
void exit_creds(struct task_struct *p)
{
	put_cred(p->real_cred);
	put_cred(p->cred);
	p->real_cred = p->cred = NULL;
}
