/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct vfsmount: a super block's tree, mounted. The mount tree itself
 * (struct mount: parent, mount point, children) is fs/mount.h's, private
 * to fs/namespace.c and the path walk.
 */
#ifndef _LINUX_MOUNT_H
#define _LINUX_MOUNT_H

#include <linux/types.h>

struct dentry;
struct super_block;
struct path;
struct file_system_type;

/* mnt_flags: the per-mount flags of mount(2) */
#define MNT_NOSUID	0x01
#define MNT_NODEV	0x02
#define MNT_NOEXEC	0x04
#define MNT_NOATIME	0x08
#define MNT_NODIRATIME	0x10
#define MNT_RELATIME	0x20	/* atime by Linux's relatime rule (the default) */
#define MNT_READONLY	0x40
#define MNT_ATIME_MASK	(MNT_NOATIME | MNT_NODIRATIME | MNT_RELATIME)

struct vfsmount {
	struct dentry *mnt_root;	/* fixed for the mount's life */
	struct super_block *mnt_sb;
	int mnt_flags;			/* namespace_sem */
};

struct vfsmount *mntget(struct vfsmount *mnt);
void mntput(struct vfsmount *mnt);
struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags,
				const char *name, void *data);
bool __mnt_is_readonly(const struct vfsmount *mnt);
int mnt_want_write(struct vfsmount *mnt);
bool path_is_mountpoint(const struct path *path);
void mnt_init(void);
int path_mount(const char *dev, const struct path *mp, const char *type,
	       unsigned long flags, void *data);

#endif
