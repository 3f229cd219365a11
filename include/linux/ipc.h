/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System V IPC: the user ABI shared by its objects (struct ipc64_perm,
 * the IPC_* keys, flags and commands, x86-64 Linux's values) and the
 * kernel's struct kern_ipc_perm at the head of each object (Linux's
 * include/uapi/linux/ipc.h and include/linux/ipc.h). mmos has shared
 * memory only (ipc/shm.c); no semaphores or message queues.
 */
#ifndef _LINUX_IPC_H
#define _LINUX_IPC_H

#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/cred.h>
#include <linux/fs.h>

typedef int key_t;

#define IPC_PRIVATE	((key_t)0)

/* the flags of *get() */
#define IPC_CREAT	00001000	/* create if key is nonexistent */
#define IPC_EXCL	00002000	/* fail if key exists */
#define IPC_NOWAIT	00004000

/* the commands of *ctl() */
#define IPC_RMID	0
#define IPC_SET		1
#define IPC_STAT	2
#define IPC_INFO	3
#define IPC_64		0x0100	/* (x86-64 ignores it: every call is IPC_64) */

/* the modes' permission bits that IPC uses */
#define S_IRWXUGO	0777
#define S_IRUGO		0444
#define S_IWUGO		0222
#define S_IXUGO		0111

/* struct ipc64_perm - an object's owner and mode as *ctl(IPC_STAT)
 * copies it out (x86-64's layout, 48 bytes). */
struct ipc64_perm {
	key_t key;
	unsigned int uid, gid, cuid, cgid;
	unsigned int mode;
	unsigned short seq;
	unsigned short __pad2;
	unsigned long __unused1, __unused2;
};

/*
 * struct kern_ipc_perm - what every IPC object starts with. id, key,
 * seq and deleted change under the ids' rwsem (ipc/util.h); lock must
 * be held when using the object's own fields that attaching changes
 * without the rwsem (for shared memory: shm_nattch, shm_atim, shm_dtim,
 * shm_lprid), and uid, gid and mode, which IPC_SET changes under both.
 */
struct kern_ipc_perm {
	spinlock_t lock;
	bool deleted;		/* out of the ids: the object is going */
	int id;			/* seq * SEQ_MULTIPLIER + index */
	key_t key;		/* IPC_PRIVATE once removed */
	kuid_t uid, cuid;	/* owner, creator */
	kgid_t gid, cgid;
	umode_t mode;		/* permission bits and the object's own flags */
	unsigned long seq;
};

#endif
