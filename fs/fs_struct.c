// SPDX-License-Identifier: GPL-2.0
/*
 * struct fs_struct: a task's root, working directory and umask. fork
 * copies it, CLONE_FS shares it (users), exit drops it; chdir, fchdir
 * and chroot change it under its lock.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/dcache.h>
#include <linux/mount.h>
#include <linux/fs_struct.h>
#include <linux/sched.h>
#include <linux/slab.h>

/* path_get - a reference on each half of @path. */
void path_get(const struct path *path)
{
	mntget(path->mnt);
	dget(path->dentry);
}

/* path_put - drop what path_get took. */
void path_put(const struct path *path)
{
	dput(path->dentry);
	mntput(path->mnt);
}

/* init_fs_struct - a new fs_struct with no root yet, umask 022. NULL if
 * out of memory. */
struct fs_struct *init_fs_struct(void)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);

	if (fs) {
		atomic_set(&fs->users, 1);
		spin_lock_init(&fs->lock);
		fs->umask = 0022;
	}
	return fs;
}

/* set_fs_root - make @path (which gets a reference of its own) the root
 * of @fs, dropping the old one after the lock. */
void set_fs_root(struct fs_struct *fs, const struct path *path)
{
	struct path old;

	path_get(path);
	spin_lock(&fs->lock);
	old = fs->root;
	fs->root = *path;
	spin_unlock(&fs->lock);
	if (old.dentry)
		path_put(&old);
}

/* set_fs_pwd - the same for the working directory. */
void set_fs_pwd(struct fs_struct *fs, const struct path *path)
{
	struct path old;

	path_get(path);
	spin_lock(&fs->lock);
	old = fs->pwd;
	fs->pwd = *path;
	spin_unlock(&fs->lock);
	if (old.dentry)
		path_put(&old);
}

/* get_fs_root - @fs's root into @root, with a reference. */
void get_fs_root(struct fs_struct *fs, struct path *root)
{
	spin_lock(&fs->lock);
	*root = fs->root;
	path_get(root);
	spin_unlock(&fs->lock);
}

/* get_fs_pwd - @fs's working directory into @pwd, with a reference. */
void get_fs_pwd(struct fs_struct *fs, struct path *pwd)
{
	spin_lock(&fs->lock);
	*pwd = fs->pwd;
	path_get(pwd);
	spin_unlock(&fs->lock);
}

/* copy_fs_struct - a copy of @old (its own references). NULL if out of
 * memory. */
struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = init_fs_struct();

	if (!fs)
		return NULL;
	spin_lock(&old->lock);
	fs->root = old->root;
	path_get(&fs->root);
	fs->pwd = old->pwd;
	path_get(&fs->pwd);
	fs->umask = old->umask;
	spin_unlock(&old->lock);
	return fs;
}

/* free_fs_struct - drop @fs's paths and free it. */
void free_fs_struct(struct fs_struct *fs)
{
	if (fs->root.dentry)
		path_put(&fs->root);
	if (fs->pwd.dentry)
		path_put(&fs->pwd);
	kfree(fs);
}

/* copy_fs - the child's fs_struct: shared with CLONE_FS, else a copy.
 * 0 or -ENOMEM. */
int copy_fs(unsigned long clone_flags, struct task_struct *tsk)
{
	struct fs_struct *fs = current->fs;

	tsk->fs = NULL;
	if (!fs)
		return 0;
	if (clone_flags & CLONE_FS) {
		atomic_inc(&fs->users);
		tsk->fs = fs;
		return 0;
	}
	tsk->fs = copy_fs_struct(fs);
	return tsk->fs ? 0 : -ENOMEM;
}

/* exit_fs - @tsk lets go of its fs_struct; the last user frees it. */
void exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;

	if (!fs)
		return;
	task_lock(tsk);		/* /proc reads another task's fs under it */
	tsk->fs = NULL;
	task_unlock(tsk);
	if (atomic_dec_and_test(&fs->users))
		free_fs_struct(fs);
}

/* current_umask - the umask of the calling task. */
int current_umask(void)
{
	return current->fs ? READ_ONCE(current->fs->umask) : 0022;
}
