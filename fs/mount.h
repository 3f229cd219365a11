/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct mount: a vfsmount in the mount tree, private to fs/namespace.c,
 * fs/namei.c and fs/d_path.c (as Linux's fs/mount.h). A mount holds a
 * reference on its parent mount and on the dentry it is mounted on;
 * the tree holds one on each attached mount; every struct path holds
 * one on its mount (mnt_count). The last mntput() frees the mount and
 * deactivates its super block.
 */
#ifndef _FS_MOUNT_H
#define _FS_MOUNT_H

#include <linux/mount.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <linux/rwsem.h>

struct mount {
	struct vfsmount mnt;
	atomic_t mnt_count;
	/* set before the mount is visible, never changed: */
	char *mnt_devname;		/* mount(2)'s source: /proc/mounts */
	int mnt_id;			/* /proc/PID/mountinfo's number */
	/* mount_lock must be held when using these (writers also hold
	 * namespace_sem for writing): */
	struct mount *mnt_parent;	/* itself: the root, or detached */
	struct dentry *mnt_mountpoint;	/* in mnt_parent's tree */
	struct list_head mnt_mounts;	/* the mounts on this one */
	struct list_head mnt_child;	/* in mnt_parent->mnt_mounts */
	/* namespace_sem must be held when using this (for writing to
	 * change it): */
	struct list_head mnt_list;	/* in mnt_ns_list, in mount order */
};

/* mount_lock: the tree's links above and every dentry's d_mounted.
 * namespace_sem: serializes mount, umount and remount (they sleep). */
extern spinlock_t mount_lock;
extern struct rw_semaphore namespace_sem;
/* every attached mount, oldest first: the order of /proc/mounts */
extern struct list_head mnt_ns_list;

static inline struct mount *real_mount(struct vfsmount *mnt)
{
	return container_of(mnt, struct mount, mnt);
}

static inline bool mnt_has_parent(const struct mount *mnt)
{
	return mnt != mnt->mnt_parent;
}

struct vfsmount *lookup_mnt(const struct path *path);
struct mount *root_mnt(void);
bool follow_up(struct path *path);
void follow_mount(struct path *path);

#endif
