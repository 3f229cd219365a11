// SPDX-License-Identifier: GPL-2.0
/* open, openat, close, fcntl, access, getcwd. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/ramfs.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/syscalls.h>


/* getname - copy a user path into @buf (PATH_MAX): 0 or -errno. */
int getname(const char __user *upath, char *buf)
{
	long n = strncpy_from_user(buf, upath, PATH_MAX);

	if (n < 0)
		return n;
	if (n == PATH_MAX)
		return -ENAMETOOLONG;
	return n ? 0 : -ENOENT;
}

/* Only absolute paths and paths relative to "/" (mmos has no chdir). */
static int check_dirfd(int dfd, const char *path)
{
	if (path[0] == '/' || dfd == AT_FDCWD)
		return 0;
	return -ENOSYS;	/* paths relative to a directory fd */
}

/* do_filp_open - open @path (kernel string) with O_* @flags. */
struct file *do_filp_open(const char *path, unsigned int flags)
{
	struct dentry *d;
	struct file *f;
	umode_t mode;
	int err;

	if (!strncmp(path, "/proc/", 6) || !strcmp(path, "/proc"))
		return proc_open(path, flags);
	d = path_lookup(path, !(flags & O_NOFOLLOW), &err);
	if (!d)
		return ERR_PTR(flags & O_CREAT && err == -ENOENT ? -EROFS : err);
	if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
		return ERR_PTR(-EEXIST);
	mode = d->d_inode->i_mode;
	if (S_ISLNK(mode))
		return ERR_PTR(-ELOOP);
	if ((flags & O_DIRECTORY) && !S_ISDIR(mode))
		return ERR_PTR(-ENOTDIR);
	if (S_ISCHR(mode)) {	/* a device: writable on a read-only fs */
		f = chrdev_open(d->d_inode, flags);
		if (!IS_ERR(f))
			f->f_dentry = d;
		return f;
	}
	if ((flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC))
		return ERR_PTR(S_ISDIR(mode) ? -EISDIR : -EROFS);
	f = alloc_file(d->d_inode, S_ISDIR(mode) ? &ramfs_dir_fops : &ramfs_file_fops,
		       flags);
	if (!f)
		return ERR_PTR(-ENOMEM);
	f->f_dentry = d;
	return f;
}

static long do_sys_open(int dfd, const char __user *upath, int flags)
{
	char path[PATH_MAX];
	struct file *f;
	int err = getname(upath, path), fd;

	if (!err)
		err = check_dirfd(dfd, path);
	if (err)
		return err;
	f = do_filp_open(path, flags);
	if (IS_ERR(f))
		return PTR_ERR(f);
	fd = fd_install_new(f, flags, 0);
	if (fd < 0)
		fput(f);
	return fd;
}

SYSCALL_DEFINE3(open, const char __user *, path, int, flags, int, mode)
{
	return do_sys_open(AT_FDCWD, path, flags);
}

SYSCALL_DEFINE4(openat, int, dfd, const char __user *, path, int, flags, int, mode)
{
	return do_sys_open(dfd, path, flags);
}

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return close_fd(fd);
}

#define F_DUPFD		0
#define F_GETFD		1
#define F_SETFD		2
#define F_GETFL		3
#define F_SETFL		4
#define F_DUPFD_CLOEXEC	1030
#define FD_CLOEXEC	1


SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		ret = arg >= NR_OPEN_DEFAULT ? -EINVAL :
		      fd_install_new(get_file(f), cmd == F_DUPFD ? 0 : O_CLOEXEC, arg);
		if (ret < 0 && ret != -EINVAL)
			fput(f);
		break;
	case F_GETFD:
		ret = fd_get_cloexec(fd) ? FD_CLOEXEC : 0;
		break;
	case F_SETFD:
		fd_set_cloexec(fd, arg & FD_CLOEXEC);
		ret = 0;
		break;
	case F_GETFL:
		ret = f->f_flags & ~O_CLOEXEC;
		break;
	case F_SETFL:
		f->f_flags = (f->f_flags & ~(O_APPEND | O_NONBLOCK)) |
			     (arg & (O_APPEND | O_NONBLOCK));
		ret = 0;
		break;
	default:
		ret = -EINVAL;
	}
	fput(f);
	return ret;
}

SYSCALL_DEFINE2(access, const char __user *, upath, int, mode)
{
	char path[PATH_MAX];
	struct dentry *d;
	int err = getname(upath, path);

	if (err)
		return err;
	if (mode & ~7)
		return -EINVAL;
	if (!strncmp(path, "/proc", 5))
		return (mode & 2) ? -EACCES : 0;
	d = path_lookup(path, true, &err);
	if (!d)
		return err;
	if ((mode & 1) && !(d->d_inode->i_mode & 0111))
		return -EACCES;
	return (mode & 2) ? -EROFS : 0;
}

SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
	if (size < 2)
		return -ERANGE;
	return copy_to_user(buf, "/", 2) ? -EFAULT : 2;
}

SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	struct file *f = fget(fildes);
	int fd;

	if (!f)
		return -EBADF;
	fd = fd_install_new(f, 0, 0);
	if (fd < 0)
		fput(f);
	return fd;
}

static long do_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct file *f;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (newfd >= NR_OPEN_DEFAULT)
		return -EBADF;
	f = fget(oldfd);
	if (!f)
		return -EBADF;
	return replace_fd(newfd, f, flags);
}

SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	struct file *f;

	if (oldfd == newfd) {	/* dup2 to itself: just check it is open */
		f = fget(oldfd);
		if (!f)
			return -EBADF;
		fput(f);
		return newfd;
	}
	return do_dup3(oldfd, newfd, 0);
}

SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd, int, flags)
{
	if (oldfd == newfd)
		return -EINVAL;
	return do_dup3(oldfd, newfd, flags);
}
