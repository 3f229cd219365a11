// SPDX-License-Identifier: GPL-2.0
/* stat, fstat, lstat, newfstatat, readlink: x86-64's struct stat. */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/proc_fs.h>
#include <linux/string.h>
#include <linux/syscalls.h>

struct stat {
	unsigned long st_dev, st_ino, st_nlink;
	unsigned int st_mode, st_uid, st_gid, __pad0;
	unsigned long st_rdev;
	long st_size, st_blksize, st_blocks;
	unsigned long st_atime, st_atime_nsec, st_mtime, st_mtime_nsec;
	unsigned long st_ctime, st_ctime_nsec;
	long __unused[3];
};


static void fill_stat(struct stat *st, const struct inode *inode)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = 1;
	st->st_ino = inode->i_ino;
	st->st_nlink = inode->i_nlink;
	st->st_mode = inode->i_mode;
	st->st_uid = inode->i_uid;
	st->st_gid = inode->i_gid;
	st->st_size = inode->i_size;
	st->st_blksize = PAGE_SIZE;
	st->st_blocks = (inode->i_size + 511) / 512;
	st->st_atime = st->st_mtime = st->st_ctime = inode->i_mtime;
	st->st_rdev = inode->i_rdev;
}

/* Files without an inode: /proc's generated text (and pipes). */
static void fill_stat_file(struct stat *st, const struct file *f)
{
	if (f->f_inode) {
		fill_stat(st, f->f_inode);
		return;
	}
	memset(st, 0, sizeof(*st));
	st->st_dev = 5;
	st->st_mode = S_IFREG | 0444;
	st->st_size = f->private_size;
	st->st_blksize = PAGE_SIZE;
	st->st_nlink = 1;
}

static long stat_path(const char __user *upath, struct stat __user *ubuf,
		      bool follow)
{
	char path[PATH_MAX];
	struct dentry *d;
	struct stat st;
	int err = getname(upath, path);

	if (err)
		return err;
	if (!strncmp(path, "/proc", 5)) {
		struct file *f = proc_open(path, 0);

		if (IS_ERR(f))
			return PTR_ERR(f);
		fill_stat_file(&st, f);
		fput(f);
	} else {
		d = path_lookup(path, follow, &err);
		if (!d)
			return err;
		fill_stat(&st, d->d_inode);
	}
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

static long stat_fd(unsigned int fd, struct stat __user *ubuf)
{
	struct file *f = fget(fd);
	struct stat st;

	if (!f)
		return -EBADF;
	fill_stat_file(&st, f);
	fput(f);
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(newstat, const char __user *, path, struct stat __user *, buf)
{
	return stat_path(path, buf, true);
}

SYSCALL_DEFINE2(newlstat, const char __user *, path, struct stat __user *, buf)
{
	return stat_path(path, buf, false);
}

SYSCALL_DEFINE2(newfstat, unsigned int, fd, struct stat __user *, buf)
{
	return stat_fd(fd, buf);
}

SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, path,
		struct stat __user *, buf, int, flags)
{
	char c;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if ((flags & AT_EMPTY_PATH) && !get_user(c, path) && !c)
		return stat_fd(dfd, buf);
	if (dfd != AT_FDCWD && !get_user(c, path) && c != '/')
		return -ENOSYS;	/* paths relative to a directory fd */
	return stat_path(path, buf, !(flags & AT_SYMLINK_NOFOLLOW));
}

static long do_readlink(const char __user *upath, char __user *buf, int size)
{
	char path[PATH_MAX];
	struct dentry *d;
	int err = getname(upath, path);
	size_t n;

	if (err)
		return err;
	if (size <= 0)
		return -EINVAL;
	d = path_lookup(path, false, &err);
	if (!d)
		return err;
	if (!S_ISLNK(d->d_inode->i_mode))
		return -EINVAL;
	n = min((size_t)size, strlen(d->d_inode->i_link));
	return copy_to_user(buf, d->d_inode->i_link, n) ? -EFAULT : (long)n;
}

SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf, int, size)
{
	return do_readlink(path, buf, size);
}

SYSCALL_DEFINE4(readlinkat, int, dfd, const char __user *, path,
		char __user *, buf, int, size)
{
	return do_readlink(path, buf, size);
}
