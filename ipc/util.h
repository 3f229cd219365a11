/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the System V IPC objects share (Linux's ipc/util.h): a table of
 * ids per kind of object, each id an index in it plus a sequence number
 * times SEQ_MULTIPLIER, so that an id just removed is not given again
 * at once; the permission check; IPC_SET's update.
 */
#ifndef _IPC_UTIL_H
#define _IPC_UTIL_H

#include <linux/ipc.h>
#include <linux/rwsem.h>

#define IPCMNI_SHIFT	15
#define IPCMNI		(1 << IPCMNI_SHIFT)	/* indexes: 0 .. IPCMNI - 1 */
#define SEQ_MULTIPLIER	IPCMNI
#define IPCID_SEQ_MAX	(INT_MAX >> IPCMNI_SHIFT)
#define IPC_MIN_CYCLE	64	/* Linux's RADIX_TREE_MAP_SIZE */

#define ipcid_to_idx(id)	((id) & (IPCMNI - 1))
#define ipcid_to_seqx(id)	((id) >> IPCMNI_SHIFT)

/*
 * struct ipc_ids - the objects of one kind (Linux's idr, here an array
 * of slots that grows). rwsem must be held when using these (for
 * writing to change them): every slot and each object's id, key, seq
 * and deleted, in_use, seq, max_idx, last_idx, next_idx.
 */
struct ipc_ids {
	struct rw_semaphore rwsem;
	int in_use;			/* objects in the table */
	unsigned short seq;		/* of the next object made */
	int max_idx;			/* highest index in use, -1: none */
	int last_idx;			/* the last index given, to see a wrap */
	int next_idx;			/* where the cyclic search starts */
	int nr_slots;			/* entries' length */
	struct kern_ipc_perm **entries;
};

/*
 * struct ipc_namespace - IPC's state (mmos has the one, init_ipc_ns).
 * shm_ctlmax, shm_ctlall and shm_ctlmni are the sysctls
 * (/proc/sys/kernel/shmmax, shmall, shmmni): written by root and read
 * without a lock, as Linux's. shm_tot (the pages of every segment) is
 * guarded by ids[IPC_SHM_IDS].rwsem.
 */
#define IPC_SHM_IDS	0
struct ipc_namespace {
	struct ipc_ids ids[1];
	unsigned long shm_ctlmax, shm_ctlall;
	int shm_ctlmni;
	unsigned long shm_tot;
};

extern struct ipc_namespace init_ipc_ns;

#define shm_ids(ns)	((ns)->ids[IPC_SHM_IDS])

int ipc_addid(struct ipc_ids *ids, struct kern_ipc_perm *new, int limit);
void ipc_rmid(struct ipc_ids *ids, struct kern_ipc_perm *ipcp);
void ipc_set_key_private(struct ipc_ids *ids, struct kern_ipc_perm *ipcp);
struct kern_ipc_perm *ipc_findkey(struct ipc_ids *ids, key_t key);
struct kern_ipc_perm *ipc_obtain_object_idr(struct ipc_ids *ids, int id);
struct kern_ipc_perm *ipc_obtain_object_check(struct ipc_ids *ids, int id);
struct kern_ipc_perm *ipcctl_obtain_check(struct ipc_namespace *ns, struct ipc_ids *ids,
					  int id);
int ipc_get_maxidx(struct ipc_ids *ids);
int ipcperms(struct ipc_namespace *ns, struct kern_ipc_perm *ipcp, short flag);
void kernel_to_ipc64_perm(struct kern_ipc_perm *in, struct ipc64_perm *out);
int ipc_update_perm(struct ipc64_perm *in, struct kern_ipc_perm *out);

static inline bool ipc_valid_object(struct kern_ipc_perm *perm)
{
	return !perm->deleted;
}

#endif
