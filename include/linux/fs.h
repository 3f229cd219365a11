/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Files, as the rest of the kernel sees them: a dentry is a name in a
 * directory; it points at an inode, which holds the data: a directory's
 * children, a regular file's pages (its address_space, the page cache),
 * or a symlink's target. The one file system, ramfs, has its own API in
 * <linux/ramfs.h>.
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/list.h>

typedef unsigned int umode_t;

#define S_IFMT		0170000
#define S_IFSOCK	0140000
#define S_IFLNK		0120000
#define S_IFREG		0100000
#define S_IFBLK		0060000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_IFIFO		0010000
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)

/* MKDEV - a device number as stat's st_rdev encodes it (Linux's
 * new_encode_dev, for majors and minors below 256). */
#define MKDEV(ma, mi)	((unsigned int)(((ma) << 8) | (mi)))

#define PATH_MAX	4096
#define NAME_MAX	255
#define MAXSYMLINKS	40

struct page;
struct inode;

/*
 * struct address_space - a file's pages in memory (its page cache), by
 * page offset: what mm/ maps (mm/filemap.c) and the file system fills.
 * For ramfs these pages are the file itself; it is never anywhere else.
 */
struct address_space {
	struct inode *host;		/* the file they are the pages of */
	struct page **i_pages;		/* one per 4 KiB, NULL: a hole */
	unsigned long nrpages;		/* slots in i_pages */
};

struct inode {
	unsigned long i_ino;
	umode_t i_mode;
	unsigned int i_uid, i_gid;
	u64 i_mtime;
	u64 i_size;
	unsigned int i_nlink;
	struct address_space *i_mapping;	/* &i_data */
	struct address_space i_data;
	char *i_link;			/* symlink: its target */
	unsigned int i_rdev;		/* a device's number, as stat encodes it */
};

struct dentry {
	char *d_name;
	struct inode *d_inode;
	struct dentry *d_parent;
	struct list_head d_child;	/* in d_parent->d_subdirs */
	struct list_head d_subdirs;	/* children of a directory */
};

struct dentry *path_lookup(const char *path, bool follow_last, int *err);
int dentry_path(const struct dentry *d, char *buf, int size);

struct file;
struct file_operations;
int getname(const char *upath, char *buf);
struct file *do_filp_open(const char *path, unsigned int flags);

/* fs/char_dev.c */
int register_chrdev(unsigned int major, const char *name,
		    const struct file_operations *fops);
int chr_dev_init(void);		/* drivers/char/mem.c: major 1 */
struct file *chrdev_open(struct inode *inode, unsigned int flags);

#endif
