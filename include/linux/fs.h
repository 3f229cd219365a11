/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The VFS objects (Documentation/filesystems/vfs.md): a file system type
 * makes super blocks; a super block is one mounted instance with its
 * root dentry; an inode is a file's data and attributes; a dentry
 * (<linux/dcache.h>) is a name for an inode; a path (<linux/path.h>) is
 * a dentry on a mount (<linux/mount.h>).
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>
#include <linux/time64.h>
#include <linux/dcache.h>
#include <linux/path.h>

#ifndef __user
#define __user
#endif

typedef unsigned int umode_t;
typedef u32 dev_t;

#define S_IFMT		0170000
#define S_IFSOCK	0140000
#define S_IFLNK		0120000
#define S_IFREG		0100000
#define S_IFBLK		0060000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_IFIFO		0010000
#define S_ISUID		0004000
#define S_ISGID		0002000
#define S_ISVTX		0001000
#define S_IALLUGO	(S_ISUID | S_ISGID | S_ISVTX | 0777)
#define S_IXGRP		00010
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m)	(((m) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(m)	(((m) & S_IFMT) == S_IFIFO)
#define S_ISSOCK(m)	(((m) & S_IFMT) == S_IFSOCK)

#define PATH_MAX	4096
#define NAME_MAX	255
#define MAXSYMLINKS	40

/* The kernel's dev_t: 12 bits of major, 20 of minor (as Linux's). */
#define MINORBITS	20
#define MINORMASK	((1U << MINORBITS) - 1)
#define MAJOR(dev)	((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev)	((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi)	(((ma) << MINORBITS) | (mi))

/* new_encode_dev - a dev_t as stat(2) and mknod(2) see it. */
static inline u32 new_encode_dev(dev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}

/* new_decode_dev - mknod(2)'s dev as a kernel dev_t. */
static inline dev_t new_decode_dev(u32 dev)
{
	unsigned int major = (dev & 0xfff00) >> 8;
	unsigned int minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);

	return MKDEV(major, minor);
}

struct page;
struct inode;
struct dentry;
struct file;
struct path;
struct kstat;
struct kstatfs;
struct super_block;
struct vfsmount;
struct file_operations;
struct pipe_inode_info;

struct address_space;

/* struct address_space_operations - how a file system fills its page
 * cache. write_begin gives the page holding [@pos, @pos + @len) with a
 * reference in *@pagep, making (and accounting) it if missing: 0, or
 * -ENOSPC / -ENOMEM. Called with the inode's i_rwsem held for writing. */
struct address_space_operations {
	int (*write_begin)(struct file *file, struct address_space *mapping,
			   loff_t pos, unsigned int len, struct page **pagep);
};

/*
 * struct address_space - a file's pages in memory (its page cache), by
 * page offset: what mm/ maps (mm/filemap.c) and the file system fills.
 * For ramfs and tmpfs these pages are the file itself.
 */
struct address_space {
	struct inode *host;		/* the file they are the pages of */
	const struct address_space_operations *a_ops;	/* set with i_fop */
	spinlock_t tree_lock;
	/* tree_lock must be held when using these (the owner's
	 * inode->i_rwsem, held for writing, also excludes other writers): */
	struct page **i_pages;		/* one per 4 KiB, NULL: a hole */
	unsigned long nrpages;		/* slots in i_pages */
	struct rw_semaphore i_mmap_rwsem;
	/* i_mmap_rwsem must be held when using this (read to walk it,
	 * write to link or unlink a VMA or move one's range): every VMA,
	 * shared or private, of any mm, that maps this file, on its
	 * i_mmap_link. Linux keeps an interval tree keyed by file offset;
	 * this is a plain list, new VMAs at the tail (so fork's child comes
	 * after its parent, as vma_interval_tree_insert_after() puts it),
	 * and a walk skips the VMAs that miss its range (mm/rmap.c). */
	struct list_head i_mmap;
	/* atomic, no lock: the VMAs that are VM_SHARED|VM_MAYWRITE
	 * mappings of these pages (vma_is_shared_maywrite(), counted by
	 * mmap_region(), vm_area_dup() and vm_area_free()), or, below 0,
	 * how many have denied any (memfd's F_SEAL_WRITE), as Linux's: */
	atomic_t i_mmap_writable;
};

/* i_mmap_lock_write - for changing @mapping's i_mmap, or the range of a
 * VMA on it. Sleeps. Order: mmap_lock -> i_mmap_rwsem -> page_table_lock. */
static inline void i_mmap_lock_write(struct address_space *mapping)
{
	down_write(&mapping->i_mmap_rwsem);
}

static inline void i_mmap_unlock_write(struct address_space *mapping)
{
	up_write(&mapping->i_mmap_rwsem);
}

/* i_mmap_lock_read - for walking @mapping's i_mmap (truncate, hole
 * punching): the VMAs on it, their ranges and their page tables stay. */
static inline void i_mmap_lock_read(struct address_space *mapping)
{
	down_read(&mapping->i_mmap_rwsem);
}

static inline void i_mmap_unlock_read(struct address_space *mapping)
{
	up_read(&mapping->i_mmap_rwsem);
}

/* mapping_map_writable - a new shared writable mapping of @mapping:
 * 0, or -EPERM once writable mappings are denied (F_SEAL_WRITE). */
static inline int mapping_map_writable(struct address_space *mapping)
{
	return atomic_inc_unless_negative(&mapping->i_mmap_writable) ? 0 : -EPERM;
}

/* mapping_unmap_writable - a shared writable mapping of @mapping went. */
static inline void mapping_unmap_writable(struct address_space *mapping)
{
	atomic_dec(&mapping->i_mmap_writable);
}

/* mapping_deny_writable - refuse new shared writable mappings of
 * @mapping: 0, or -EBUSY while there are some. */
static inline int mapping_deny_writable(struct address_space *mapping)
{
	return atomic_dec_unless_positive(&mapping->i_mmap_writable) ? 0 : -EBUSY;
}

/* mapping_allow_writable - undo one mapping_deny_writable(). */
static inline void mapping_allow_writable(struct address_space *mapping)
{
	atomic_inc(&mapping->i_mmap_writable);
}

/* mapping_writably_mapped - whether a shared writable mapping exists. */
static inline bool mapping_writably_mapped(struct address_space *mapping)
{
	return atomic_read(&mapping->i_mmap_writable) > 0;
}

/* iattr.ia_valid: what notify_change() is asked to set */
#define ATTR_MODE	(1 << 0)
#define ATTR_UID	(1 << 1)
#define ATTR_GID	(1 << 2)
#define ATTR_SIZE	(1 << 3)
#define ATTR_ATIME	(1 << 4)
#define ATTR_MTIME	(1 << 5)
#define ATTR_CTIME	(1 << 6)
#define ATTR_ATIME_SET	(1 << 7)	/* ia_atime given, not now */
#define ATTR_MTIME_SET	(1 << 8)	/* ia_mtime given, not now */
#define ATTR_FORCE	(1 << 9)	/* the kernel's own change: no permission checks */
#define ATTR_KILL_SUID	(1 << 11)	/* take S_ISUID away */
#define ATTR_KILL_SGID	(1 << 12)	/* take S_ISGID away if group-exec */
#define ATTR_TIMES_SET	(1 << 16)	/* utimes with explicit times: owner only */
#define ATTR_TOUCH	(1 << 17)	/* utimes to now: owner or write permission */

struct iattr {
	unsigned int ia_valid;
	umode_t ia_mode;
	unsigned int ia_uid, ia_gid;
	u64 ia_size;
	struct timespec64 ia_atime, ia_mtime, ia_ctime;
};

/* rename flags (renameat2) */
#define RENAME_NOREPLACE	(1 << 0)
#define RENAME_EXCHANGE		(1 << 1)
#define RENAME_WHITEOUT		(1 << 2)

/*
 * struct inode_operations - what a file system does with names and
 * attributes. Each directory operation is called with the directory's
 * i_rwsem held for writing and @dentry a new, negative dentry (create,
 * mkdir, ...) or the positive one to remove. lookup is called, with it
 * held (for reading at least) and a new negative dentry, only for a name
 * the dcache does not have; it returns the dentry it found (referenced),
 * NULL when the name is absent, or ERR_PTR.
 */
struct inode_operations {
	struct dentry *(*lookup)(struct inode *dir, struct dentry *dentry);
	int (*create)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*mkdir)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*rmdir)(struct inode *dir, struct dentry *dentry);
	int (*unlink)(struct inode *dir, struct dentry *dentry);
	int (*rename)(struct inode *old_dir, struct dentry *old_dentry,
		      struct inode *new_dir, struct dentry *new_dentry,
		      unsigned int flags);
	int (*link)(struct dentry *old_dentry, struct inode *dir,
		    struct dentry *dentry);
	int (*symlink)(struct inode *dir, struct dentry *dentry,
		       const char *target);
	int (*mknod)(struct inode *dir, struct dentry *dentry, umode_t mode,
		     dev_t dev);
	int (*tmpfile)(struct inode *dir, struct file *file, umode_t mode);
	const char *(*get_link)(struct dentry *dentry, struct inode *inode);
	int (*setattr)(struct dentry *dentry, struct iattr *attr);
};

/*
 * struct inode - one file: its attributes, its data (i_mapping for a
 * regular file, the dentry children for a directory, i_link for a
 * symlink, i_rdev for a device) and how it is operated on. i_count
 * counts the dentries and other holders; the last iput() of an inode
 * with no links left evicts it.
 */
struct inode {
	unsigned long i_ino;
	struct super_block *i_sb;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;	/* what open() gives */
	atomic_t i_count;
	struct rw_semaphore i_rwsem;	/* inode_lock() */
	/* i_rwsem must be held for writing when changing these (stat reads
	 * them without it, as Linux's generic_fillattr does): */
	umode_t i_mode;
	unsigned int i_uid, i_gid;
	unsigned int i_nlink;
	dev_t i_rdev;
	u64 i_size;
	u64 i_blocks;			/* 512-byte units */
	struct timespec64 i_atime, i_mtime, i_ctime;
	unsigned long i_state;		/* I_LINKABLE */
	long i_dir_offset;		/* directory: the next child's d_offset */
	char *i_link;			/* symlink: its target, fixed at creation */
	struct pipe_inode_info *i_pipe;	/* a FIFO's pipe while it is open */
	/* no lock: set before the inode is visible */
	struct address_space *i_mapping;	/* &i_data */
	struct address_space i_data;
	void *i_private;
};

/* i_state: an O_TMPFILE file that linkat may still give a name */
#define I_LINKABLE	(1 << 0)

static inline void inode_lock(struct inode *inode)
{
	down_write(&inode->i_rwsem);
}

static inline void inode_unlock(struct inode *inode)
{
	up_write(&inode->i_rwsem);
}

static inline void inode_lock_shared(struct inode *inode)
{
	down_read(&inode->i_rwsem);
}

static inline void inode_unlock_shared(struct inode *inode)
{
	up_read(&inode->i_rwsem);
}

/* statfs(2)'s answer, filled by super_operations->statfs */
struct kstatfs {
	long f_type, f_bsize;
	u64 f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int f_fsid[2];
	long f_namelen, f_frsize, f_flags;
};

struct seq_buf;

struct super_operations {
	/* a zeroed inode inside the file system's own (larger) struct,
	 * and its freeing; NULL: a plain struct inode, kzalloc()ed */
	struct inode *(*alloc_inode)(struct super_block *sb);
	void (*free_inode)(struct inode *inode);
	/* the last reference to an inode with no links went */
	void (*evict_inode)(struct inode *inode);
	int (*statfs)(struct dentry *dentry, struct kstatfs *buf);
	/* MS_REMOUNT: new flags and options (may be NULL) */
	int (*remount_fs)(struct super_block *sb, int *flags, char *data);
	/* the super block goes: free s_fs_info */
	void (*put_super)(struct super_block *sb);
	/* the file system's own mount options, each as ",name[=value]",
	 * for /proc/mounts and mountinfo (namespace_sem held for reading) */
	int (*show_options)(struct seq_buf *s, struct dentry *root);
};

/* sb->s_flags and mount(2)'s flags that reach it */
#define SB_RDONLY	1
#define SB_NOSUID	2
#define SB_NODEV	4
#define SB_NOEXEC	8

/*
 * struct super_block - one instance of a file system: its root, its
 * operations and numbers. s_active counts the mounts of it; the last
 * deactivate_super() kills it (kill_sb), which drops the tree.
 */
struct super_block {
	struct list_head s_list;	/* in super_blocks: sb_lock */
	struct file_system_type *s_type;
	const struct super_operations *s_op;
	struct dentry *s_root;
	dev_t s_dev;
	unsigned long s_magic;
	unsigned long s_flags;		/* SB_*: written under namespace_sem */
	atomic_t s_active;
	atomic_t s_writers;		/* files open for writing on it */
	atomic_long_t s_next_ino;
	struct rw_semaphore s_vfs_rename_mutex;	/* cross-directory renames */
	void *s_fs_info;		/* the file system's own */
};

/* fs_flags */
#define FS_REQUIRES_DEV	1

struct file_system_type {
	const char *name;
	int fs_flags;
	/* mount(2): a new super block (s_root set, one s_active), or ERR_PTR */
	struct super_block *(*mount)(struct file_system_type *fs_type, int flags,
				     const char *dev_name, void *data);
	void (*kill_sb)(struct super_block *sb);
	struct file_system_type *next;	/* file_systems: file_systems_lock */
};

/* fs/super.c */
int register_filesystem(struct file_system_type *fs);
struct file_system_type *get_fs_type(const char *name);
struct super_block *sget_nodev(struct file_system_type *type, int flags);
struct super_block *mount_nodev(struct file_system_type *type, int flags,
				void *data,
				int (*fill_super)(struct super_block *, void *));
void deactivate_super(struct super_block *sb);
void kill_litter_super(struct super_block *sb);
int vfs_statfs(const struct path *path, struct kstatfs *buf);

/* fs/inode.c */
struct inode *new_inode(struct super_block *sb);
void iput(struct inode *inode);
struct inode *igrab(struct inode *inode);
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);
struct timespec64 current_time(struct inode *inode);
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode);
void inc_nlink(struct inode *inode);
void drop_nlink(struct inode *inode);
void clear_nlink(struct inode *inode);
void set_nlink(struct inode *inode, unsigned int nlink);
int simple_setattr(struct dentry *dentry, struct iattr *attr);
int file_remove_privs(struct file *file);
int dentry_needs_remove_privs(struct dentry *dentry);

/* fs/attr.c: changing attributes, and who may */
int notify_change(struct dentry *dentry, struct iattr *attr);
int setattr_prepare(struct dentry *dentry, struct iattr *attr);
void setattr_copy(struct inode *inode, const struct iattr *attr);
bool inode_owner_or_capable(const struct inode *inode);
int should_remove_suid(struct dentry *dentry);
/* fs/open.c: fallocate(2)'s work (madvise(MADV_REMOVE) punches with it) */
long vfs_fallocate(struct file *f, int mode, loff_t offset, loff_t len);
/* mm/truncate.c: pages leaving the cache (and every mapping of them) */
void truncate_inode_pages(struct address_space *mapping, u64 lstart);
void truncate_inode_pages_range(struct address_space *mapping, loff_t lstart,
				loff_t lend);
void truncate_pagecache(struct inode *inode, loff_t newsize);
void truncate_setsize(struct inode *inode, loff_t newsize);
/* mm/memory.c: zap every PTE that maps pages of a file's range */
void unmap_mapping_pages(struct address_space *mapping, unsigned long start,
			 unsigned long nr, bool even_cows);
void unmap_mapping_range(struct address_space *mapping, loff_t holebegin,
			 loff_t holelen, int even_cows);
void generic_fillattr(struct inode *inode, struct kstat *stat);
unsigned long get_next_ino(void);

/* fs/namei.c, the path walk, and the VFS calls that use it */
int inode_permission(struct inode *inode, int mask);
struct file *do_filp_open(int dfd, const char *path, unsigned int flags,
			  umode_t mode);
int getname(const char __user *upath, char *buf);
int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode);
int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *target);
int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode);
int vfs_link(struct dentry *old, struct inode *dir, struct dentry *new);
int do_truncate(struct dentry *dentry, u64 length);
/* MAY_* masks of inode_permission() */
#define MAY_EXEC	1
#define MAY_WRITE	2
#define MAY_READ	4

/* fs/libfs.c: what in-memory file systems share */
struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry);
int simple_unlink(struct inode *dir, struct dentry *dentry);
int simple_rmdir(struct inode *dir, struct dentry *dentry);
int simple_link(struct dentry *old, struct inode *dir, struct dentry *dentry);
int simple_rename(struct inode *old_dir, struct dentry *old_dentry,
		  struct inode *new_dir, struct dentry *new_dentry,
		  unsigned int flags);
bool simple_empty(struct dentry *dentry);
int simple_statfs(struct dentry *dentry, struct kstatfs *buf);
const char *simple_get_link(struct dentry *dentry, struct inode *inode);
extern const struct file_operations simple_dir_operations;
extern const struct inode_operations simple_symlink_inode_operations;

/* fs/char_dev.c and fs/pipe.c: what a device or FIFO inode opens as */
extern const struct file_operations def_chr_fops, pipefifo_fops;
struct pipe_inode_info *get_pipe_info(struct file *f);
/* fcntl(2)'s pipe commands (F_LINUX_SPECIFIC_BASE + 7, + 8) */
#define F_SETPIPE_SZ	1031
#define F_GETPIPE_SZ	1032
long pipe_fcntl(struct file *f, unsigned int cmd, unsigned long arg);
ssize_t pipe_kernel_write(struct file *f, const void *buf, size_t len, bool nonblock);
int register_chrdev(unsigned int major, const char *name,
		    const struct file_operations *fops);
int __register_chrdev(unsigned int major, unsigned int baseminor,
		      unsigned int count, const char *name,
		      const struct file_operations *fops);

/* fs/read_write.c: read and write a file from the kernel (exec's
 * loaders, the initramfs) */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos);

/* mm/filemap.c: the page cache */
void page_cache_account(struct address_space *mapping, long nr);
int add_to_page_cache(struct page *page, struct address_space *mapping,
		      unsigned long index);
struct page *find_or_create_page(struct address_space *mapping,
				 unsigned long index);
ssize_t generic_perform_write(struct file *file, const void *src, size_t len,
			      loff_t *pos, bool user);
void touch_atime(struct file *f);
ssize_t generic_file_kernel_write(struct file *f, const void *buf, size_t len,
				  loff_t *pos);
/* write(2) of a page-cache file */
ssize_t generic_file_write(struct file *f, const char __user *buf, size_t len,
			   loff_t *pos);

#endif
