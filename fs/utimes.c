// SPDX-License-Identifier: GPL-2.0
/* utimensat, futimesat, utimes, utime: set a file's atime and mtime
 * (ctime becomes now), with UTIME_NOW and UTIME_OMIT as Linux's. */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/syscalls.h>

#define UTIME_NOW	((1l << 30) - 1l)
#define UTIME_OMIT	((1l << 30) - 2l)

/* nsec_valid - a tv_nsec utimensat accepts. */
static bool nsec_valid(long nsec)
{
	if (nsec == UTIME_OMIT || nsec == UTIME_NOW)
		return true;
	return nsec >= 0 && nsec <= 999999999;
}

/*
 * vfs_utimes - set @path's times from @times (NULL: both now), under
 * its i_rwsem, as Linux's vfs_utimes: -EINVAL for a tv_nsec out of
 * range; both UTIME_NOW is the same as NULL; -EROFS on a read-only
 * mount. Explicit times need the owner or CAP_FOWNER (ATTR_TIMES_SET:
 * -EPERM); now needs the owner, CAP_FOWNER or write permission
 * (ATTR_TOUCH: -EACCES). notify_change() decides.
 */
static int vfs_utimes(const struct path *path, struct timespec64 *times)
{
	struct inode *inode = path->dentry->d_inode;
	struct iattr attr = { .ia_valid = ATTR_CTIME | ATTR_ATIME | ATTR_MTIME };
	int err;

	if (times) {
		if (!nsec_valid(times[0].tv_nsec) || !nsec_valid(times[1].tv_nsec))
			return -EINVAL;
		if (times[0].tv_nsec == UTIME_NOW && times[1].tv_nsec == UTIME_NOW)
			times = NULL;
	}
	err = mnt_want_write(path->mnt);
	if (err)
		return err;
	if (times) {
		if (times[0].tv_nsec == UTIME_OMIT) {
			attr.ia_valid &= ~ATTR_ATIME;
		} else if (times[0].tv_nsec != UTIME_NOW) {
			attr.ia_atime = times[0];
			attr.ia_valid |= ATTR_ATIME_SET;
		}
		if (times[1].tv_nsec == UTIME_OMIT) {
			attr.ia_valid &= ~ATTR_MTIME;
		} else if (times[1].tv_nsec != UTIME_NOW) {
			attr.ia_mtime = times[1];
			attr.ia_valid |= ATTR_MTIME_SET;
		}
		/* an explicit update even with neither *_SET (one OMIT, one NOW) */
		attr.ia_valid |= ATTR_TIMES_SET;
	} else {
		attr.ia_valid |= ATTR_TOUCH;
	}
	inode_lock(inode);
	err = notify_change(path->dentry, &attr);
	inode_unlock(inode);
	return err;
}

/* do_utimes_fd - the times of the file @fd is: no flags (-EINVAL), an
 * open fd (-EBADF, for an O_PATH one too, as Linux's fdget). */
static long do_utimes_fd(int fd, struct timespec64 *times, int flags)
{
	struct file *f;
	int err;

	if (flags)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	err = f->f_path.dentry ? vfs_utimes(&f->f_path, times) : -EBADF;
	fput(f);
	return err;
}

/* do_utimes_path - the times of @filename from @dfd:
 * AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH; -EINVAL for other flags. */
static long do_utimes_path(int dfd, const char __user *filename,
			   struct timespec64 *times, int flags)
{
	struct path path;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(dfd, filename, at_lookup_flags(flags), &path);
	if (err)
		return err;
	err = vfs_utimes(&path, times);
	path_put(&path);
	return err;
}

/*
 * do_utimes - utimensat's work, as Linux's: a NULL @filename with a
 * real @dfd is the file @dfd is; anything else is a name (a NULL one
 * with AT_FDCWD is -EFAULT, from the walk).
 */
static long do_utimes(int dfd, const char __user *filename,
		      struct timespec64 *times, int flags)
{
	if (!filename && dfd != AT_FDCWD)
		return do_utimes_fd(dfd, times, flags);
	return do_utimes_path(dfd, filename, times, flags);
}

/* utimensat(2): both UTIME_OMIT is nothing to do, before even the
 * name is looked at (Linux's order). */
SYSCALL_DEFINE4(utimensat, int, dfd, const char __user *, filename,
		struct timespec64 __user *, utimes, int, flags)
{
	struct timespec64 t[2];

	if (utimes) {
		if (copy_from_user(t, utimes, sizeof(t)))
			return -EFAULT;
		if (t[0].tv_nsec == UTIME_OMIT && t[1].tv_nsec == UTIME_OMIT)
			return 0;
	}
	return do_utimes(dfd, filename, utimes ? t : NULL, flags);
}

struct __kernel_old_timeval {
	long tv_sec, tv_usec;
};

/* do_futimesat - the microsecond forms: -EINVAL for a tv_usec out of
 * range. */
static long do_futimesat(int dfd, const char __user *filename,
			 struct __kernel_old_timeval __user *utimes)
{
	struct __kernel_old_timeval tv[2];
	struct timespec64 t[2];

	if (utimes) {
		if (copy_from_user(tv, utimes, sizeof(tv)))
			return -EFAULT;
		for (int i = 0; i < 2; i++) {
			if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000)
				return -EINVAL;
			t[i].tv_sec = tv[i].tv_sec;
			t[i].tv_nsec = tv[i].tv_usec * 1000;
		}
	}
	return do_utimes(dfd, filename, utimes ? t : NULL, 0);
}

SYSCALL_DEFINE3(futimesat, int, dfd, const char __user *, filename,
		struct __kernel_old_timeval __user *, utimes)
{
	return do_futimesat(dfd, filename, utimes);
}

SYSCALL_DEFINE2(utimes, char __user *, filename,
		struct __kernel_old_timeval __user *, utimes)
{
	return do_futimesat(AT_FDCWD, filename, utimes);
}

struct utimbuf {
	long actime, modtime;
};

SYSCALL_DEFINE2(utime, char __user *, filename, struct utimbuf __user *, times)
{
	struct timespec64 t[2];
	struct utimbuf tb;

	if (times) {
		if (copy_from_user(&tb, times, sizeof(tb)))
			return -EFAULT;
		t[0] = (struct timespec64){ tb.actime, 0 };
		t[1] = (struct timespec64){ tb.modtime, 0 };
	}
	return do_utimes(AT_FDCWD, filename, times ? t : NULL, 0);
}
