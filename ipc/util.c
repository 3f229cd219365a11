// SPDX-License-Identifier: GPL-2.0
/*
 * The ids of System V IPC objects, as Linux's ipc/util.c gives them: an
 * index from a cyclic search (so a removed object's index waits its
 * turn), plus the table's sequence number, which goes up each time the
 * search wraps, times SEQ_MULTIPLIER. A stale id then names no object
 * (-EINVAL). Also the permission checks every IPC call makes.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "util.h"

/* ipc_grow - make room for indexes below @n (at most IPCMNI). rwsem
 * held for writing. 0 or -ENOMEM (the table unchanged). */
static int ipc_grow(struct ipc_ids *ids, int n)
{
	struct kern_ipc_perm **e;
	int size = ids->nr_slots ? ids->nr_slots : IPC_MIN_CYCLE;

	if (n <= ids->nr_slots)
		return 0;
	while (size < n)
		size *= 2;
	size = min(size, IPCMNI);
	e = kzalloc(size * sizeof(*e), GFP_KERNEL);
	if (!e)
		return -ENOMEM;
	if (ids->entries)
		memcpy(e, ids->entries, ids->nr_slots * sizeof(*e));
	kfree(ids->entries);
	ids->entries = e;
	ids->nr_slots = size;
	return 0;
}

/* ipc_free_slot - the first free index in [from, end), or -1. */
static int ipc_free_slot(struct ipc_ids *ids, int from, int end)
{
	for (int i = from; i < end; i++)
		if (!ids->entries[i])
			return i;
	return -1;
}

/* ipc_alloc_idx - Linux's idr_alloc_cyclic(0, @end): the first free
 * index from next_idx on, else from 0. -ENOSPC if none. */
static int ipc_alloc_idx(struct ipc_ids *ids, int end)
{
	int idx = ipc_free_slot(ids, min(ids->next_idx, end), end);

	if (idx < 0)
		idx = ipc_free_slot(ids, 0, end);
	if (idx < 0)
		return -ENOSPC;
	ids->next_idx = idx + 1;
	return idx;
}

/*
 * ipc_addid - give @new an id in @ids and the caller's effective ids
 * as owner and creator: -ENOSPC when @limit objects are there already
 * (or no index is free), -ENOMEM. rwsem held for writing. Returns the
 * index.
 */
int ipc_addid(struct ipc_ids *ids, struct kern_ipc_perm *new, int limit)
{
	const struct cred *cred = current_cred();
	int max_idx, idx, err;

	limit = min(limit, IPCMNI);
	if (ids->in_use >= limit)
		return -ENOSPC;
	/* the cycle is half as long again as what is in use, as Linux's */
	max_idx = max(ids->in_use * 3 / 2, IPC_MIN_CYCLE);
	max_idx = min(max_idx, IPCMNI);
	err = ipc_grow(ids, max_idx);
	if (err)
		return err;
	idx = ipc_alloc_idx(ids, max_idx);
	if (idx < 0)
		return idx;
	spin_lock_init(&new->lock);
	new->deleted = false;
	new->uid = new->cuid = cred->euid;
	new->gid = new->cgid = cred->egid;
	if (idx <= ids->last_idx) {	/* wrapped: a new sequence */
		ids->seq++;
		if (ids->seq >= IPCID_SEQ_MAX)
			ids->seq = 0;
	}
	ids->last_idx = idx;
	new->seq = ids->seq;
	new->id = (int)(new->seq << IPCMNI_SHIFT) + idx;
	ids->entries[idx] = new;
	ids->in_use++;
	if (idx > ids->max_idx)
		ids->max_idx = idx;
	return idx;
}

/* ipc_rmid - take @ipcp out of @ids: its id names nothing any more.
 * The last one out frees the slots (as Linux's idr frees its empty
 * nodes); the sequence and the cyclic search go on from where they
 * were. rwsem held for writing. */
void ipc_rmid(struct ipc_ids *ids, struct kern_ipc_perm *ipcp)
{
	int idx = ipcid_to_idx(ipcp->id);

	ids->entries[idx] = NULL;
	ids->in_use--;
	ipcp->deleted = true;
	if (idx == ids->max_idx) {
		do {
			idx--;
		} while (idx >= 0 && !ids->entries[idx]);
		ids->max_idx = idx;
	}
	if (!ids->in_use) {
		kfree(ids->entries);
		ids->entries = NULL;
		ids->nr_slots = 0;
	}
}

/* ipc_set_key_private - @ipcp can no longer be found by its key (a
 * removed segment still attached). rwsem held for writing. */
void ipc_set_key_private(struct ipc_ids *ids, struct kern_ipc_perm *ipcp)
{
	ipcp->key = IPC_PRIVATE;
}

/* ipc_findkey - the object with @key (not IPC_PRIVATE), or NULL. rwsem
 * held. */
struct kern_ipc_perm *ipc_findkey(struct ipc_ids *ids, key_t key)
{
	for (int i = 0; i <= ids->max_idx; i++)
		if (ids->entries[i] && ids->entries[i]->key == key)
			return ids->entries[i];
	return NULL;
}

/* ipc_obtain_object_idr - the object at @id's index, whatever its
 * sequence (SHM_STAT takes an index), or ERR_PTR(-EINVAL). rwsem held. */
struct kern_ipc_perm *ipc_obtain_object_idr(struct ipc_ids *ids, int id)
{
	int idx = ipcid_to_idx(id);

	if (idx >= ids->nr_slots || !ids->entries[idx])
		return ERR_PTR(-EINVAL);
	return ids->entries[idx];
}

/* ipc_obtain_object_check - the object whose id is @id exactly, or
 * ERR_PTR(-EINVAL) (none there, or another sequence's). rwsem held. */
struct kern_ipc_perm *ipc_obtain_object_check(struct ipc_ids *ids, int id)
{
	struct kern_ipc_perm *out = ipc_obtain_object_idr(ids, id);

	if (IS_ERR(out))
		return out;
	if ((unsigned long)ipcid_to_seqx(id) != out->seq)
		return ERR_PTR(-EINVAL);
	return out;
}

/*
 * ipcctl_obtain_check - the object @id names, for IPC_SET or IPC_RMID:
 * only its owner, its creator or CAP_SYS_ADMIN may (-EPERM); -EINVAL
 * if @id names none. rwsem held for writing.
 */
struct kern_ipc_perm *ipcctl_obtain_check(struct ipc_namespace *ns, struct ipc_ids *ids,
					  int id)
{
	struct kern_ipc_perm *ipcp = ipc_obtain_object_check(ids, id);
	kuid_t euid = current_euid();

	if (IS_ERR(ipcp))
		return ipcp;
	if (uid_eq(euid, ipcp->cuid) || uid_eq(euid, ipcp->uid) ||
	    capable(CAP_SYS_ADMIN))
		return ipcp;
	return ERR_PTR(-EPERM);
}

/* ipc_get_maxidx - the highest index in use (what IPC_INFO and
 * SHM_INFO return), -1 when there is none. rwsem held. */
int ipc_get_maxidx(struct ipc_ids *ids)
{
	if (ids->in_use == 0)
		return -1;
	if (ids->in_use == IPCMNI)
		return IPCMNI - 1;
	return ids->max_idx;
}

/*
 * ipcperms - may the caller have the access @flag asks for (its low
 * nine bits, as a mode: any of the owner's, group's or others' bits
 * asks for that access)? The owner's or creator's bits for their
 * effective uid, else the group's for a member of the owner's or
 * creator's group, else the others'; CAP_IPC_OWNER overrides. Returns
 * 0, or -1 when refused (the callers' errno is -EACCES).
 */
int ipcperms(struct ipc_namespace *ns, struct kern_ipc_perm *ipcp, short flag)
{
	kuid_t euid = current_euid();
	int requested_mode = (flag >> 6) | (flag >> 3) | flag;
	int granted_mode = ipcp->mode;

	if (uid_eq(euid, ipcp->cuid) || uid_eq(euid, ipcp->uid))
		granted_mode >>= 6;
	else if (in_group_p(ipcp->cgid) || in_group_p(ipcp->gid))
		granted_mode >>= 3;
	if ((requested_mode & ~granted_mode & 0007) && !capable(CAP_IPC_OWNER))
		return -1;
	return 0;
}

/* kernel_to_ipc64_perm - @in as IPC_STAT copies it out. */
void kernel_to_ipc64_perm(struct kern_ipc_perm *in, struct ipc64_perm *out)
{
	out->key = in->key;
	out->uid = in->uid;
	out->gid = in->gid;
	out->cuid = in->cuid;
	out->cgid = in->cgid;
	out->mode = in->mode;
	out->seq = in->seq;
}

/* ipc_update_perm - IPC_SET: the owner and the permission bits from
 * @in; -EINVAL for an invalid uid or gid (-1). @out's lock held. */
int ipc_update_perm(struct ipc64_perm *in, struct kern_ipc_perm *out)
{
	if (!uid_valid(in->uid) || !gid_valid(in->gid))
		return -EINVAL;
	out->uid = in->uid;
	out->gid = in->gid;
	out->mode = (out->mode & ~S_IRWXUGO) | (in->mode & S_IRWXUGO);
	return 0;
}
