/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct fs_struct: a task's root and working directory, and its umask.
 * Tasks made with CLONE_FS share one (users); fork copies it otherwise.
 */
#ifndef _LINUX_FS_STRUCT_H
#define _LINUX_FS_STRUCT_H

#include <linux/path.h>
#include <linux/spinlock.h>
#include <linux/atomic.h>

struct task_struct;

struct fs_struct {
	atomic_t users;
	spinlock_t lock;
	/* lock must be held when using these: */
	struct path root, pwd;	/* each holds a reference */
	int umask;
};

struct fs_struct *copy_fs_struct(struct fs_struct *old);
void free_fs_struct(struct fs_struct *fs);
void exit_fs(struct task_struct *tsk);
int copy_fs(unsigned long clone_flags, struct task_struct *tsk);
void set_fs_root(struct fs_struct *fs, const struct path *path);
void set_fs_pwd(struct fs_struct *fs, const struct path *path);
void get_fs_root(struct fs_struct *fs, struct path *root);
void get_fs_pwd(struct fs_struct *fs, struct path *pwd);
struct fs_struct *init_fs_struct(void);
int current_umask(void);

#endif
