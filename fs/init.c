// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's own file calls, on kernel names (Linux's fs/init.c): the
 * initramfs unpacker makes its tree with them, through the same VFS
 * paths as the syscalls.
 */
#include <linux/kernel.h>
#include <linux/dcache.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init_syscalls.h>
#include <linux/namei.h>

/* init_mkdir - mkdir(2) of @name with @mode (no umask). */
int init_mkdir(const char *name, umode_t mode)
{
	struct path path;
	struct dentry *d = filename_create(AT_FDCWD, name, &path, LOOKUP_DIRECTORY);
	int err;

	if (IS_ERR(d))
		return PTR_ERR(d);
	err = vfs_mkdir(path.dentry->d_inode, d, mode);
	done_path_create(&path, d);
	return err;
}

/* init_mknod - mknod(2) of a device, FIFO or socket node @name. */
int init_mknod(const char *name, umode_t mode, dev_t dev)
{
	struct path path;
	struct dentry *d;
	int err;

	if (!(S_ISCHR(mode) || S_ISBLK(mode) || S_ISFIFO(mode) || S_ISSOCK(mode)))
		return -EINVAL;
	d = filename_create(AT_FDCWD, name, &path, 0);
	if (IS_ERR(d))
		return PTR_ERR(d);
	err = vfs_mknod(path.dentry->d_inode, d, mode, dev);
	done_path_create(&path, d);
	return err;
}

/* init_symlink - symlink(2): @name pointing at @target. */
int init_symlink(const char *target, const char *name)
{
	struct path path;
	struct dentry *d = filename_create(AT_FDCWD, name, &path, 0);
	int err;

	if (IS_ERR(d))
		return PTR_ERR(d);
	err = vfs_symlink(path.dentry->d_inode, d, target);
	done_path_create(&path, d);
	return err;
}

/* init_link - link(2): @newname for the file @oldname is. */
int init_link(const char *oldname, const char *newname)
{
	struct path old, new;
	struct dentry *d;
	int err = kern_path(oldname, 0, &old);

	if (err)
		return err;
	d = filename_create(AT_FDCWD, newname, &new, 0);
	err = PTR_ERR(d);
	if (!IS_ERR(d)) {
		err = old.mnt != new.mnt ? -EXDEV :
		      vfs_link(old.dentry, new.dentry->d_inode, d);
		done_path_create(&new, d);
	}
	path_put(&old);
	return err;
}

/* init_setattr - set @attr on @name (not following a last symlink). */
static int init_setattr(const char *name, struct iattr *attr)
{
	struct path path;
	int err = kern_path(name, 0, &path);

	if (err)
		return err;
	inode_lock(path.dentry->d_inode);
	err = notify_change(path.dentry, attr);
	inode_unlock(path.dentry->d_inode);
	path_put(&path);
	return err;
}

/* init_chown - lchown(2). */
int init_chown(const char *name, unsigned int uid, unsigned int gid)
{
	struct iattr attr = { .ia_valid = ATTR_UID | ATTR_GID, .ia_uid = uid, .ia_gid = gid };

	return init_setattr(name, &attr);
}

/* init_utimes - set atime and mtime of @name to @ts. */
int init_utimes(const char *name, struct timespec64 ts)
{
	struct iattr attr = { .ia_valid = ATTR_ATIME | ATTR_MTIME | ATTR_ATIME_SET |
					ATTR_MTIME_SET,
			      .ia_atime = ts, .ia_mtime = ts };

	return init_setattr(name, &attr);
}

/* init_chmod - chmod(2) (not following a last symlink). */
int init_chmod(const char *name, umode_t mode)
{
	struct iattr attr = { .ia_valid = ATTR_MODE, .ia_mode = mode };

	return init_setattr(name, &attr);
}

/* init_eaccess - may the kernel exec @name (followed)? 0, or the error
 * of the lookup or of the MAY_EXEC check (Linux's init_eaccess). */
int init_eaccess(const char *name)
{
	struct path path;
	int err = kern_path(name, LOOKUP_FOLLOW, &path);

	if (err)
		return err;
	err = inode_permission(path.dentry->d_inode, MAY_EXEC);
	path_put(&path);
	return err;
}
