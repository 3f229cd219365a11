/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What fs/proc/'s files share (Linux's fs/proc/internal.h): each inode
 * is made by a lookup, for one entry of a table, and names the process
 * (by number) it shows; it is freed when its dentry goes.
 */
#ifndef _FS_PROC_INTERNAL_H
#define _FS_PROC_INTERNAL_H

#include <linux/fs.h>
#include <linux/proc_fs.h>
#include <linux/pid.h>
#include <linux/readdir.h>

#define PROC_SUPER_MAGIC	0x9fa0

struct task_struct;

/*
 * struct pid_entry - one name of a /proc directory: a regular file
 * whose text ->show generates at open (task: the process, or NULL in
 * /proc itself; ->show_fd instead for one of fdinfo/'s, given its fd),
 * a symlink whose target ->link writes, or a directory with its own
 * operations. Returns of show/link: 0 or -errno.
 */
struct pid_entry {
	const char *name;
	umode_t mode;
	int (*show)(struct seq_buf *s, struct task_struct *task);
	int (*show_fd)(struct seq_buf *s, struct task_struct *task, int fd);
	int (*link)(struct seq_buf *s, struct task_struct *task, int fd);
	const struct inode_operations *iop;	/* directories */
	const struct file_operations *fop;
	const struct ctl_table *ctl;		/* a /proc/sys number */
};

/* struct proc_inode_info - an inode's i_private: what it shows. Set
 * before the inode is visible, never changed. */
struct proc_inode_info {
	pid_t pid;			/* 0: not a process's */
	int fd;				/* /proc/PID/fd/N: N */
	const struct pid_entry *ent;
};

static inline struct proc_inode_info *PROC_I(const struct inode *inode)
{
	return inode->i_private;
}

/* fs/proc/inode.c */
struct inode *proc_pid_make_inode(struct super_block *sb, const struct pid_entry *ent,
				  pid_t pid, int fd);
struct dentry *proc_splice(struct dentry *dentry, struct inode *inode);
struct task_struct *proc_get_task(pid_t pid);
struct task_struct *get_proc_task(const struct inode *inode);
extern const struct super_operations proc_sops;
extern const struct file_operations proc_single_fops;
int proc_single_open(struct inode *inode, struct file *f);
ssize_t proc_single_read(struct file *f, char __user *ubuf, size_t len, loff_t *pos);

/* fs/proc/proc_sysctl.c */
extern const struct inode_operations proc_sys_dir_operations;
extern const struct file_operations proc_sys_dir_file_operations;

/* fs/proc/sysvipc.c */
extern const struct inode_operations proc_sysvipc_dir_operations;
extern const struct file_operations proc_sysvipc_dir_file_operations;

/* the global files: fs/proc/{version,uptime,loadavg,stat}.c */
int version_proc_show(struct seq_buf *s, struct task_struct *task);
int uptime_proc_show(struct seq_buf *s, struct task_struct *task);
int loadavg_proc_show(struct seq_buf *s, struct task_struct *task);
int stat_proc_show(struct seq_buf *s, struct task_struct *task);

/* fs/proc/base.c */
struct dentry *proc_pid_lookup(struct dentry *dentry, const char *name);
int proc_pid_readdir(struct file *file, struct dir_context *ctx, loff_t first);
struct dentry *proc_lookup_table(struct inode *dir, struct dentry *dentry,
				 const struct pid_entry *ents, unsigned int n, pid_t pid);
bool proc_readdir_table(struct file *file, struct dir_context *ctx,
			const struct pid_entry *ents, unsigned int n, loff_t first);
int proc_pid_comm(struct seq_buf *s, struct task_struct *task);
struct mm_struct *proc_mem_open(struct inode *inode, unsigned int mode);
void proc_mem_release(struct file *f);
loff_t mem_lseek(struct file *f, loff_t offset, int whence);

/* fs/proc/page.c */
extern const struct file_operations proc_kpagecount_operations;
extern const struct file_operations proc_kpageflags_operations;

/* fs/proc/array.c */
int proc_pid_status(struct seq_buf *s, struct task_struct *task);
int proc_pid_stat(struct seq_buf *s, struct task_struct *task);
int proc_pid_statm(struct seq_buf *s, struct task_struct *task);

/* fs/proc/task_mmu.c */
int proc_pid_maps(struct seq_buf *s, struct task_struct *task);
int proc_pid_smaps(struct seq_buf *s, struct task_struct *task);
int proc_pid_smaps_rollup(struct seq_buf *s, struct task_struct *task);
extern const struct file_operations proc_pagemap_operations;
extern const struct file_operations proc_clear_refs_operations;
void clear_refs_mm(struct mm_struct *mm, int type);

#endif
