// SPDX-License-Identifier: GPL-2.0
/*
 * Paths as text: d_path() for /proc's maps, and getcwd(2). The walk
 * goes up from the dentry to the task's root, crossing mount points
 * upwards, under mount_lock and rename_lock (in that order), so neither
 * the tree nor a name changes meanwhile.
 */
#include <linux/kernel.h>
#include <linux/dcache.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include "mount.h"

/* prepend - put @len bytes of @s before *@pos in the buffer starting at
 * @buf: false if they do not fit. */
static bool prepend(char *buf, int *pos, const char *s, int len)
{
	if (*pos < len)
		return false;
	*pos -= len;
	memcpy(buf + *pos, s, len);
	return true;
}

/*
 * prepend_path - the names from @path up to @root (or the top of the
 * tree) into the end of @buf, each after a '/'. Returns 0, 1 if @root
 * was never met (the path is outside it: "unreachable"), or -1 if it
 * does not fit. A dentry in no directory that is not a mount's root
 * (O_TMPFILE's before linkat) ends the walk there, as Linux's
 * "escaped" case. *@pos is where the text starts.
 */
static int prepend_path(const struct path *path, const struct path *root,
			char *buf, int *pos)
{
	struct dentry *d = path->dentry;
	struct mount *m = real_mount(path->mnt);
	int ret = 0;

	spin_lock(&mount_lock);
	spin_lock(&rename_lock);
	for (;;) {
		if (d == root->dentry && &m->mnt == root->mnt)
			break;
		if (d == m->mnt.mnt_root) {
			if (!mnt_has_parent(m)) {
				ret = 1;
				break;
			}
			d = m->mnt_mountpoint;
			m = m->mnt_parent;
			continue;
		}
		if (IS_ROOT(d))
			break;	/* in no directory: nothing above it to name */
		if (!prepend(buf, pos, d->d_name.name, d->d_name.len) ||
		    !prepend(buf, pos, "/", 1)) {
			ret = -1;
			break;
		}
		d = d->d_parent;
	}
	spin_unlock(&rename_lock);
	spin_unlock(&mount_lock);
	return ret;
}

/*
 * d_path - the path of @path as the calling task sees it, into @buf
 * (@size bytes, NUL-terminated); " (deleted)" after a removed name, as
 * Linux. Returns its length, or -1 if it does not fit.
 */
int d_path(const struct path *path, char *buf, int size)
{
	static const char deleted[] = " (deleted)";
	struct path root;
	int pos = size - 1, len, ret;

	if (size < 2)
		return -1;
	buf[pos] = 0;
	if (IS_ROOT(path->dentry) && path->dentry != path->mnt->mnt_root &&
	    path->dentry->d_inode) {
		/* in no directory (O_TMPFILE's): Linux names it "#ino" in the
		 * directory it was made in, which mmos does not keep */
		len = snprintf(buf, size, "/#%lu (deleted)", path->dentry->d_inode->i_ino);
		return len < size ? len : -1;
	}
	if (d_unlinked(path->dentry) &&
	    !prepend(buf, &pos, deleted, sizeof(deleted) - 1))
		return -1;
	get_fs_root(current->fs, &root);
	ret = prepend_path(path, &root, buf, &pos);
	path_put(&root);
	if (ret < 0)
		return -1;
	if (pos == size - 1 || buf[pos] != '/') {
		if (!prepend(buf, &pos, "/", 1))
			return -1;
	}
	len = size - 1 - pos;
	memmove(buf, buf + pos, len + 1);
	return len;
}

/*
 * getcwd(2): the working directory's path, with its NUL: -ENOENT if it
 * was removed, "(unreachable)" before it if it is outside the root (a
 * chroot), -ERANGE if @size is too small, -EFAULT.
 */
SYSCALL_DEFINE2(getcwd, char __user *, ubuf, unsigned long, size)
{
	static const char unreachable[] = "(unreachable)";
	struct path pwd, root;
	char *page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	int pos = PAGE_SIZE - 1, ret;
	long len;

	if (!page)
		return -ENOMEM;
	get_fs_root(current->fs, &root);
	get_fs_pwd(current->fs, &pwd);
	page[pos] = 0;
	len = -ENOENT;
	if (d_unlinked(pwd.dentry))
		goto out;
	ret = prepend_path(&pwd, &root, page, &pos);
	len = -ENAMETOOLONG;
	if (ret < 0)
		goto out;
	if (pos == PAGE_SIZE - 1 && !prepend(page, &pos, "/", 1))
		goto out;
	if (ret == 1 && !prepend(page, &pos, unreachable, sizeof(unreachable) - 1))
		goto out;
	len = PAGE_SIZE - pos;
	if (len > size)
		len = -ERANGE;
	else if (copy_to_user(ubuf, page + pos, len))
		len = -EFAULT;
out:
	path_put(&pwd);
	path_put(&root);
	kfree(page);
	return len;
}
