/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The in-memory filesystem the initramfs is unpacked into (ramfs).
 * A dentry is a name in a directory; it points at an inode, which holds
 * the data: a directory's children, a regular file's pages (these pages
 * are the file's page cache: a file is never anywhere else), or a
 * symlink's target.
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

#define PATH_MAX	4096
#define NAME_MAX	255
#define MAXSYMLINKS	40

struct page;

struct inode {
	unsigned long i_ino;
	umode_t i_mode;
	unsigned int i_uid, i_gid;
	u64 i_mtime;
	u64 i_size;
	unsigned int i_nlink;
	struct page **i_pages;		/* regular file: one per 4 KiB */
	unsigned long i_nr_pages;
	char *i_link;			/* symlink: its target */
};

struct dentry {
	char *d_name;
	struct inode *d_inode;
	struct dentry *d_parent;
	struct list_head d_child;	/* in d_parent->d_subdirs */
	struct list_head d_subdirs;	/* children of a directory */
};

struct dentry *ramfs_root(void);
void ramfs_init(void);
void ramfs_clear(void);
struct dentry *path_lookup(const char *path, bool follow_last, int *err);
struct dentry *ramfs_create(const char *path, umode_t mode, int *err);
int ramfs_write(struct inode *inode, u64 off, const void *buf, size_t len);
long ramfs_read(struct inode *inode, u64 off, void *buf, size_t len);
int ramfs_symlink(const char *path, const char *target, size_t len);
unsigned long ramfs_nr_inodes(void);
int dentry_path(const struct dentry *d, char *buf, int size);

struct file;
int getname(const char *upath, char *buf);
struct file *do_filp_open(const char *path, unsigned int flags);

#endif
