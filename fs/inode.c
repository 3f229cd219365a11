// SPDX-License-Identifier: GPL-2.0
/*
 * Inodes: allocation, reference counts, link counts, attributes and
 * times. An inode is freed (evicted) by the iput() that drops its last
 * reference: every dentry naming it holds one, and an in-memory file
 * system has no other copy, so by then it has no links left either.
 */
#include <linux/kernel.h>
#include <linux/timekeeping.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/dcache.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/arch.h>

static atomic_long_t last_ino;

/* get_next_ino - a fresh inode number for file systems without their
 * own numbering. */
unsigned long get_next_ino(void)
{
	atomic_long_add(1, &last_ino);
	return atomic_long_read(&last_ino);
}

/* new_inode - a new inode of @sb: one reference, one link, no mode yet.
 * NULL if out of memory. */
struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode;

	if (sb && sb->s_op && sb->s_op->alloc_inode)
		inode = sb->s_op->alloc_inode(sb);
	else
		inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (!inode)
		return NULL;
	inode->i_sb = sb;
	atomic_set(&inode->i_count, 1);
	init_rwsem(&inode->i_rwsem);
	inode->i_nlink = 1;
	inode->i_dir_offset = 2;	/* 0 and 1 are "." and ".." */
	inode->i_data.host = inode;
	spin_lock_init(&inode->i_data.tree_lock);
	init_rwsem(&inode->i_data.i_mmap_rwsem);
	INIT_LIST_HEAD(&inode->i_data.i_mmap);
	inode->i_mapping = &inode->i_data;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	return inode;
}

/* igrab - one more reference on @inode. */
struct inode *igrab(struct inode *inode)
{
	atomic_inc(&inode->i_count);
	return inode;
}

/* evict - the last reference went: give back the pages and the inode
 * (the file system's evict_inode first, for its accounting). */
static void evict(struct inode *inode)
{
	const struct super_operations *op = inode->i_sb ? inode->i_sb->s_op : NULL;

	WARN_ON(!list_empty(&inode->i_mapping->i_mmap));	/* a VMA holds its file */
	if (op && op->evict_inode)
		op->evict_inode(inode);
	truncate_inode_pages(inode->i_mapping, 0);
	kfree(inode->i_mapping->i_pages);
	kfree(inode->i_link);
	if (op && op->free_inode)
		op->free_inode(inode);
	else
		kfree(inode);
}

/* iput - drop a reference on @inode (NULL is allowed); the last one
 * evicts it. */
void iput(struct inode *inode)
{
	if (inode && atomic_dec_and_test(&inode->i_count))
		evict(inode);
}

/* current_time - now, on the wall clock at the tick's resolution, for
 * @inode's times (Linux's ktime_get_coarse_real_ts64()). */
struct timespec64 current_time(struct inode *inode)
{
	return ns_to_timespec64(ktime_get_coarse_real_ns());
}

/*
 * inode_init_owner - owner and mode of a new inode in @dir, as Linux's:
 * the creator's fsuid and fsgid; in a set-gid directory the
 * directory's group instead, a subdirectory inherits the set-gid bit,
 * and a group-executable set-gid file made by a caller outside that
 * group without CAP_FSETID loses it.
 */
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode)
{
	inode->i_uid = current_fsuid();
	if (dir && (dir->i_mode & S_ISGID)) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			mode |= S_ISGID;
		else if ((mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP) &&
			 !in_group_p(dir->i_gid) && !capable(CAP_FSETID))
			mode &= ~S_ISGID;
	} else {
		inode->i_gid = current_fsgid();
	}
	inode->i_mode = mode;
}

/* no_open - the ->open of what cannot be opened (a socket node without
 * sockets, a block device without block devices): -ENXIO, as Linux's. */
static int no_open(struct inode *inode, struct file *f)
{
	return -ENXIO;
}

static const struct file_operations no_open_fops = {
	.open = no_open,
};

/* init_special_inode - a device, FIFO or socket inode: what open gives
 * depends on the type alone. */
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	if (S_ISCHR(mode)) {
		inode->i_fop = &def_chr_fops;
		inode->i_rdev = rdev;
	} else if (S_ISFIFO(mode)) {
		inode->i_fop = &pipefifo_fops;
	} else if (S_ISBLK(mode)) {
		inode->i_fop = &no_open_fops;	/* no block devices */
		inode->i_rdev = rdev;
	} else {
		inode->i_fop = &no_open_fops;	/* a socket: connect(2)'s, not open's */
	}
}

/* The link count helpers: called with the inode's i_rwsem held (or the
 * inode not yet visible). */
void inc_nlink(struct inode *inode)
{
	inode->i_nlink++;
}

void drop_nlink(struct inode *inode)
{
	WARN_ON(!inode->i_nlink);
	if (inode->i_nlink)
		inode->i_nlink--;
}

void clear_nlink(struct inode *inode)
{
	inode->i_nlink = 0;
}

void set_nlink(struct inode *inode, unsigned int nlink)
{
	inode->i_nlink = nlink;
}

/*
 * simple_setattr - apply @attr to @dentry's inode, as in-memory file
 * systems do, after setattr_prepare()'s checks: a size change
 * truncates or extends the page cache (truncate_setsize(): a shrink
 * also unmaps what lies past the new end from every mapping).
 * Precondition: the inode's i_rwsem held for writing. Returns 0 or
 * setattr_prepare()'s -EPERM.
 */
int simple_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	int err = setattr_prepare(dentry, attr);

	if (err)
		return err;
	if (attr->ia_valid & ATTR_SIZE)
		truncate_setsize(inode, attr->ia_size);
	setattr_copy(inode, attr);
	return 0;
}

/*
 * dentry_needs_remove_privs - the ATTR_KILL_* a write or truncate by
 * current must apply to @dentry's inode (should_remove_suid()), 0 if
 * none.
 */
int dentry_needs_remove_privs(struct dentry *dentry)
{
	return should_remove_suid(dentry);
}

/*
 * file_remove_privs - before a write to @file: take S_ISUID, and
 * S_ISGID with group-exec, off a regular file a caller without
 * CAP_FSETID writes (Linux's file_remove_privs), as a forced change.
 * Precondition: the inode's i_rwsem held for writing. 0 or -errno.
 */
int file_remove_privs(struct file *file)
{
	struct dentry *dentry = file->f_path.dentry;
	struct iattr attr = { 0 };
	int kill;

	if (!dentry || !dentry->d_inode)
		return 0;
	kill = dentry_needs_remove_privs(dentry);
	if (!kill)
		return 0;
	attr.ia_valid = ATTR_FORCE | kill;
	return notify_change(dentry, &attr);
}

/* generic_fillattr - @inode's attributes into @stat (read without its
 * lock, as Linux does: a racing change may show half done). */
void generic_fillattr(struct inode *inode, struct kstat *stat)
{
	stat->result_mask = STATX_BASIC_STATS;
	stat->dev = inode->i_sb ? inode->i_sb->s_dev : 0;
	stat->ino = inode->i_ino;
	stat->mode = inode->i_mode;
	stat->nlink = inode->i_nlink;
	stat->uid = inode->i_uid;
	stat->gid = inode->i_gid;
	stat->rdev = inode->i_rdev;
	stat->size = inode->i_size;
	stat->atime = inode->i_atime;
	stat->mtime = inode->i_mtime;
	stat->ctime = inode->i_ctime;
	stat->blksize = PAGE_SIZE;
	stat->blocks = inode->i_blocks;
}
