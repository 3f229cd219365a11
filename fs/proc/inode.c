// SPDX-License-Identifier: GPL-2.0
/*
 * /proc's inodes (Linux's fs/proc/inode.c): made by a lookup for one
 * table entry (and process), freed with the dentry that holds them, and
 * the file their regular entries open as: the whole text generated at
 * open, so a reader sees one snapshot, then read from that buffer.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include "internal.h"

/* proc_evict_inode - the last reference went: free what it showed. */
static void proc_evict_inode(struct inode *inode)
{
	kfree(inode->i_private);
	inode->i_private = NULL;
}

const struct super_operations proc_sops = {
	.evict_inode = proc_evict_inode,
	.statfs = simple_statfs,
};

/*
 * proc_make_link - give symlink @inode its target, written by @ent's
 * ->link for process @pid (its fd @fd) now: the inode lives only as
 * long as one walk or open holds it. A target that cannot be had (the
 * process is gone, a kernel thread has no exe) is left empty. Returns
 * false if memory is out.
 */
static bool proc_make_link(struct inode *inode, const struct pid_entry *ent,
			   pid_t pid, int fd)
{
	struct task_struct *task = pid ? proc_get_task(pid) : NULL;
	struct seq_buf s = { 0 };
	int err = (pid && !task) ? -ESRCH : ent->link(&s, task, fd);

	if (task)
		put_task_struct(task);
	if (err || s.overflow) {
		kfree(s.buf);
		if (err == -ENOMEM || s.overflow)
			return false;
		memset(&s, 0, sizeof(s));
		seq_printf(&s, "%s", "");
		if (s.overflow)
			return false;
	}
	inode->i_link = s.buf;
	inode->i_size = s.len;
	inode->i_op = &simple_symlink_inode_operations;
	return true;
}

/*
 * proc_pid_make_inode - a new inode of @sb for @ent (of process @pid,
 * or 0; @fd for an fd/ link): its mode, operations and owner (root, as
 * every task is). A symlink's target is written now, by ->link; one that
 * cannot be found (a kernel thread's exe) is empty, which readlink and
 * the walk report as -ENOENT, as Linux's. Returns it, or NULL if memory
 * is out.
 */
struct inode *proc_pid_make_inode(struct super_block *sb, const struct pid_entry *ent,
				  pid_t pid, int fd)
{
	struct inode *inode = new_inode(sb);
	struct proc_inode_info *pi = kzalloc(sizeof(*pi), GFP_KERNEL);

	if (!inode || !pi)
		goto free_both;
	pi->pid = pid;
	pi->fd = fd;
	pi->ent = ent;
	inode->i_private = pi;
	inode->i_ino = get_next_ino();
	inode->i_mode = ent->mode;
	if (S_ISDIR(ent->mode)) {
		inode->i_op = ent->iop;
		inode->i_fop = ent->fop;
		set_nlink(inode, 2);
	} else if (S_ISLNK(ent->mode)) {
		if (!proc_make_link(inode, ent, pid, fd))
			goto free_inode;
	} else {
		inode->i_fop = ent->fop ? ent->fop : &proc_single_fops;
	}
	return inode;

free_both:
	kfree(pi);
free_inode:
	iput(inode);
	return NULL;
}

/* proc_get_task - the task numbered @pid (a zombie too, as /proc shows
 * them), with a reference; NULL if there is none. */
struct task_struct *proc_get_task(pid_t pid)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid_locked(pid);
	if (p)
		get_task_struct(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;
}

/* get_proc_task - the process @inode shows, held; NULL if it is gone. */
struct task_struct *get_proc_task(const struct inode *inode)
{
	return proc_get_task(PROC_I(inode)->pid);
}

/*
 * proc_splice - the end of a lookup: @dentry names @inode (NULL: out of
 * memory). The dentry stays out of the dcache (DCACHE_DONTCACHE: still
 * a live name to d_path and getcwd), so the next lookup makes a fresh
 * inode and this one goes with its last holder. Returns the
 * dentry with a reference for the caller, or ERR_PTR(-ENOMEM).
 */
struct dentry *proc_splice(struct dentry *dentry, struct inode *inode)
{
	if (!inode)
		return ERR_PTR(-ENOMEM);
	dentry->d_flags |= DCACHE_DONTCACHE;	/* not yet visible: no lock */
	d_instantiate(dentry, inode);
	return dget(dentry);
}

/*
 * proc_single_open - open a regular /proc file: its whole text made now
 * by the entry's ->show, for its process (-ESRCH once that is gone, as
 * Linux's). Opening for writing is allowed where the mode bits (or
 * root's override, as every task is root) let inode_permission() allow
 * it; the write itself is refused (proc_single_write()).
 */
int proc_single_open(struct inode *inode, struct file *f)
{
	struct proc_inode_info *pi = PROC_I(inode);
	struct task_struct *task = NULL;
	struct seq_buf s = { 0 };
	int err;

	if (pi->pid) {
		task = get_proc_task(inode);
		if (!task)
			return -ESRCH;
	}
	err = pi->ent->show_fd ? pi->ent->show_fd(&s, task, pi->fd) : pi->ent->show(&s, task);
	if (task)
		put_task_struct(task);
	if (!err && s.overflow)
		err = -ENOMEM;
	if (err) {
		kfree(s.buf);
		return err;
	}
	f->private_data = s.buf;	/* freed by fput */
	f->private_size = s.len;
	return 0;
}

/* proc_single_read - read(2) of the text made at open. */
ssize_t proc_single_read(struct file *f, char __user *ubuf, size_t len,
				loff_t *pos)
{
	size_t n;

	if (*pos < 0)
		return -EINVAL;
	if ((size_t)*pos >= f->private_size)
		return 0;
	n = min(len, f->private_size - (size_t)*pos);
	if (copy_to_user(ubuf, (char *)f->private_data + *pos, n))
		return -EFAULT;
	*pos += n;
	return n;
}

/* proc_single_write - write(2) of a read-only /proc file: -EINVAL for
 * a process's (Linux's seq_file has no write), -EIO for a global one
 * (Linux's proc_reg_write without a ->write). */
static ssize_t proc_single_write(struct file *f, const char __user *ubuf, size_t len,
				 loff_t *pos)
{
	return PROC_I(f->f_inode)->pid ? -EINVAL : -EIO;
}

const struct file_operations proc_single_fops = {
	.open = proc_single_open,
	.read = proc_single_read,
	.write = proc_single_write,
	.seekable = true,
};
