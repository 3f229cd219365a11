/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ramfs (fs/ramfs.c): the in-memory file system of rootfs, and the base
 * of tmpfs (mm/shmem.c) and devtmpfs, which add limits and contents.
 */
#ifndef _LINUX_RAMFS_H
#define _LINUX_RAMFS_H

#include <linux/fs.h>
#include <linux/spinlock.h>

#define RAMFS_MAGIC	0x858458f6
#define TMPFS_MAGIC	0x01021994

/* What a directory entry adds to a tmpfs directory's i_size (Linux's
 * shmem): a directory is 2 * BOGO_DIRENT_SIZE empty, for "." and "..". */
#define BOGO_DIRENT_SIZE 20

/* struct ramfs_fs_info - one ramfs or tmpfs instance's own data */
struct ramfs_fs_info {
	spinlock_t stat_lock;
	/* stat_lock must be held when using these (0 max: no limit): */
	unsigned long max_blocks, used_blocks;	/* pages */
	unsigned long max_inodes, used_inodes;
	/* constant after fill_super: */
	bool vm_acct;		/* tmpfs: pages are committed memory (shmem_acct_blocks) */
	/* set at mount (and remount) under namespace_sem: */
	umode_t mode;				/* of the root */
	unsigned int uid, gid;			/* of the root */
	bool dir_sizes;		/* tmpfs: directories count BOGO_DIRENT_SIZE an entry */
};

struct inode *ramfs_get_inode(struct super_block *sb, const struct inode *dir,
			      umode_t mode, dev_t dev);
int ramfs_fill_super_info(struct super_block *sb, struct ramfs_fs_info *fsi,
			  unsigned long magic, const struct super_operations *ops);
void ramfs_evict_inode(struct inode *inode);
void ramfs_blocks_freed(struct inode *inode, u64 before);
int ramfs_statfs(struct dentry *dentry, struct kstatfs *buf);
void ramfs_put_super(struct super_block *sb);
void init_rootfs(void);
void init_tmpfs(void);
int shmem_fill_super(struct super_block *sb, void *data);

extern const struct file_operations ramfs_file_operations;
extern const struct address_space_operations ramfs_aops;

#endif
