/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ramfs: the in-memory file system the initramfs is unpacked into, the
 * root of the tree (fs/ramfs.c). Its files' pages are their page cache
 * (inode->i_mapping) and nothing else.
 */
#ifndef _LINUX_RAMFS_H
#define _LINUX_RAMFS_H

#include <linux/fs.h>

struct dentry *ramfs_root(void);
void ramfs_init(void);
void ramfs_clear(void);
struct dentry *ramfs_create(const char *path, umode_t mode, int *err);
int ramfs_write(struct inode *inode, u64 off, const void *buf, size_t len);
long ramfs_read(struct inode *inode, u64 off, void *buf, size_t len);
int ramfs_symlink(const char *path, const char *target, size_t len);
unsigned long ramfs_nr_inodes(void);

extern const struct file_operations ramfs_file_fops, ramfs_dir_fops;

#endif
