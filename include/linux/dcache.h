/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct dentry: a name in a directory, pointing at its inode. Dentries
 * form the tree of one super block: each holds a reference on its
 * parent, and the names a file system keeps (ramfs: all of them) hold
 * one more on themselves ("pinned"), dropped when the name is removed.
 * The last dput() of a removed (unhashed) dentry frees it and drops its
 * inode, so an open file keeps an unlinked file alive.
 */
#ifndef _LINUX_DCACHE_H
#define _LINUX_DCACHE_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/spinlock.h>

struct inode;
struct super_block;

struct qstr {
	const char *name;
	unsigned int len;
};

/* d_flags */
#define DCACHE_HASHED	0x1	/* findable by its name in its parent */
/* made by ->lookup at every walk and never hashed (proc): freed by the
 * last dput(), yet a name in its directory, not a removed one */
#define DCACHE_DONTCACHE	0x2

struct dentry {
	atomic_t d_count;		/* dget/dput */
	struct super_block *d_sb;
	/* rename_lock must be held to change these, and the parents'
	 * i_rwsem for writing; readers hold either: */
	struct qstr d_name;		/* kmalloc'ed, NUL-terminated */
	struct dentry *d_parent;	/* itself for a root */
	/* the parent inode's i_rwsem must be held when using these: */
	struct list_head d_child;	/* in d_parent->d_subdirs */
	struct list_head d_subdirs;	/* children of a directory */
	long d_offset;			/* getdents position in the parent */
	unsigned int d_flags;		/* DCACHE_HASHED */
	/* mount_lock must be held when writing this (a word of its own, so
	 * that it and d_flags, under different locks, never share a write): */
	unsigned int d_mounted;		/* mounts on this dentry */
	/* set once (d_instantiate) before the dentry is visible: */
	struct inode *d_inode;
};

/* rename_lock: d_parent and d_name of every dentry (fs/dcache.c) */
extern spinlock_t rename_lock;

struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
struct dentry *d_alloc_anon(struct super_block *sb);
struct dentry *d_make_root(struct inode *root_inode);
void d_instantiate(struct dentry *dentry, struct inode *inode);
void d_add(struct dentry *dentry, struct inode *inode);
struct dentry *d_lookup(const struct dentry *parent, const struct qstr *name);
void d_delete(struct dentry *dentry);
void d_move(struct dentry *dentry, struct dentry *target);
void d_exchange(struct dentry *d1, struct dentry *d2);
struct dentry *dget_parent(struct dentry *dentry);
void dput(struct dentry *dentry);
bool is_subdir(struct dentry *new_dentry, struct dentry *old_dentry);
void d_genocide(struct dentry *root);
int dentry_path(const struct dentry *d, char *buf, int size);

/* dget - one more reference on @dentry (NULL is allowed). */
static inline struct dentry *dget(struct dentry *dentry)
{
	if (dentry)
		atomic_inc(&dentry->d_count);
	return dentry;
}

static inline bool IS_ROOT(const struct dentry *dentry)
{
	return dentry == dentry->d_parent;
}

static inline bool d_unhashed(const struct dentry *dentry)
{
	return !(dentry->d_flags & DCACHE_HASHED);
}

/* d_unlinked - removed from its directory (a root never is, nor a
 * name its file system makes afresh at each lookup). */
static inline bool d_unlinked(const struct dentry *dentry)
{
	return d_unhashed(dentry) && !IS_ROOT(dentry) &&
	       !(dentry->d_flags & DCACHE_DONTCACHE);
}

static inline bool d_mountpoint(const struct dentry *dentry)
{
	return READ_ONCE(dentry->d_mounted) != 0;
}

static inline struct inode *d_inode(const struct dentry *dentry)
{
	return dentry->d_inode;
}

static inline bool d_really_is_negative(const struct dentry *dentry)
{
	return !dentry->d_inode;
}

#endif
