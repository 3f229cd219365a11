// SPDX-License-Identifier: GPL-2.0
/* stat, fstat, lstat, newfstatat, statx, readlink, readlinkat:
 * x86-64's struct stat and struct statx, from vfs_getattr(). */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/proc_fs.h>
#include <linux/slab.h>
#include <linux/stat.h>
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

/* stat_file_noinode - the console and /proc files, which have no inode:
 * a character device (5,1) and read-only regular files. */
static void stat_file_noinode(struct kstat *st, const struct file *f)
{
	memset(st, 0, sizeof(*st));
	st->result_mask = STATX_BASIC_STATS;
	st->dev = MKDEV(0, 5);
	st->mode = f->private_data ? (S_IFREG | 0444) : (S_IFCHR | 0600);
	st->size = f->private_size;
	st->rdev = f->private_data ? 0 : MKDEV(5, 1);	/* /dev/console */
	st->blksize = PAGE_SIZE;
	st->nlink = 1;
}

/* vfs_getattr_file - the attributes of what @f is: an anonymous pipe
 * is a FIFO (Linux's pipefs inode, mode 0600). */
static void vfs_getattr_file(struct file *f, struct kstat *st)
{
	if (f->f_inode) {
		generic_fillattr(f->f_inode, st);
		return;
	}
	stat_file_noinode(st, f);
	if (get_pipe_info(f)) {
		st->mode = S_IFIFO | 0600;
		st->size = 0;
	}
}

/*
 * vfs_statx - the attributes of @name from @dfd: AT_SYMLINK_NOFOLLOW,
 * AT_EMPTY_PATH ("" is @dfd itself, any file), AT_NO_AUTOMOUNT
 * (nothing automounts) and the statx sync flags are accepted, any other
 * flag is -EINVAL.
 */
static int vfs_statx(int dfd, const char __user *name, int flags, struct kstat *st)
{
	unsigned int how = at_lookup_flags(flags);
	struct path path;
	char *kname;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH |
		      AT_STATX_SYNC_TYPE))
		return -EINVAL;
	kname = getname_flags(name, how);
	if (IS_ERR(kname))
		return PTR_ERR(kname);
	if (!*kname && dfd != AT_FDCWD) {
		struct file *f = fget_raw(dfd);

		err = -EBADF;
		if (f) {
			vfs_getattr_file(f, st);
			fput(f);
			err = 0;
		}
	} else {
		err = filename_lookup(dfd, kname, how, &path);
		if (!err) {
			generic_fillattr(path.dentry->d_inode, st);
			path_put(&path);
		}
	}
	kfree(kname);
	return err;
}

/* cp_new_stat - @st as x86-64's struct stat at @ubuf. */
static int cp_new_stat(const struct kstat *st, struct stat __user *ubuf)
{
	struct stat tmp = {
		.st_dev = new_encode_dev(st->dev), .st_ino = st->ino,
		.st_nlink = st->nlink, .st_mode = st->mode,
		.st_uid = st->uid, .st_gid = st->gid,
		.st_rdev = new_encode_dev(st->rdev), .st_size = st->size,
		.st_blksize = st->blksize, .st_blocks = st->blocks,
		.st_atime = st->atime.tv_sec, .st_atime_nsec = st->atime.tv_nsec,
		.st_mtime = st->mtime.tv_sec, .st_mtime_nsec = st->mtime.tv_nsec,
		.st_ctime = st->ctime.tv_sec, .st_ctime_nsec = st->ctime.tv_nsec,
	};

	return copy_to_user(ubuf, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

/* stat_at - the stat(2) family: vfs_statx() into a struct stat. */
static long stat_at(int dfd, const char __user *name, struct stat __user *ubuf,
		    int flags)
{
	struct kstat st;
	int err = vfs_statx(dfd, name, flags, &st);

	return err ? err : cp_new_stat(&st, ubuf);
}

SYSCALL_DEFINE2(newstat, const char __user *, path, struct stat __user *, buf)
{
	return stat_at(AT_FDCWD, path, buf, 0);
}

SYSCALL_DEFINE2(newlstat, const char __user *, path, struct stat __user *, buf)
{
	return stat_at(AT_FDCWD, path, buf, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, path,
		struct stat __user *, buf, int, flags)
{
	if (flags & AT_STATX_SYNC_TYPE)
		return -EINVAL;	/* statx's only */
	return stat_at(dfd, path, buf, flags);
}

SYSCALL_DEFINE2(newfstat, unsigned int, fd, struct stat __user *, buf)
{
	struct file *f = fget_raw(fd);
	struct kstat st;

	if (!f)
		return -EBADF;
	vfs_getattr_file(f, &st);
	fput(f);
	return cp_new_stat(&st, buf);
}

struct statx_timestamp {
	s64 tv_sec;
	u32 tv_nsec;
	s32 __reserved;
};

struct statx {
	u32 stx_mask, stx_blksize;
	u64 stx_attributes;
	u32 stx_nlink, stx_uid, stx_gid;
	u16 stx_mode, __spare0;
	u64 stx_ino, stx_size, stx_blocks, stx_attributes_mask;
	struct statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	u32 stx_rdev_major, stx_rdev_minor, stx_dev_major, stx_dev_minor;
	u64 __spare2[14];
};

/* statx_ts - a time as statx reports it. */
static struct statx_timestamp statx_ts(struct timespec64 ts)
{
	return (struct statx_timestamp){ .tv_sec = ts.tv_sec, .tv_nsec = ts.tv_nsec };
}

/*
 * statx(2): what stat(2) has, STATX_BASIC_STATS in stx_mask (there is
 * no birth time, so STATX_BTIME is never set), -EINVAL for the reserved
 * mask bit or sync flags both set.
 */
SYSCALL_DEFINE5(statx, int, dfd, const char __user *, filename, unsigned int, flags,
		unsigned int, mask, struct statx __user *, buffer)
{
	struct statx tmp;
	struct kstat st;
	int err;

	if (mask & STATX__RESERVED)
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
		return -EINVAL;
	err = vfs_statx(dfd, filename, flags, &st);
	if (err)
		return err;
	memset(&tmp, 0, sizeof(tmp));
	tmp.stx_mask = st.result_mask;
	tmp.stx_blksize = st.blksize;
	tmp.stx_nlink = st.nlink;
	tmp.stx_uid = st.uid;
	tmp.stx_gid = st.gid;
	tmp.stx_mode = st.mode;
	tmp.stx_ino = st.ino;
	tmp.stx_size = st.size;
	tmp.stx_blocks = st.blocks;
	tmp.stx_atime = statx_ts(st.atime);
	tmp.stx_ctime = statx_ts(st.ctime);
	tmp.stx_mtime = statx_ts(st.mtime);
	tmp.stx_rdev_major = MAJOR(st.rdev);
	tmp.stx_rdev_minor = MINOR(st.rdev);
	tmp.stx_dev_major = MAJOR(st.dev);
	tmp.stx_dev_minor = MINOR(st.dev);
	return copy_to_user(buffer, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

/*
 * do_readlinkat - readlinkat(2): the target, cut to @size and never
 * NUL-terminated; -EINVAL for @size <= 0 or what is not a symlink. ""
 * names @dfd itself (a link opened with O_PATH|O_NOFOLLOW), as Linux.
 */
static long do_readlinkat(int dfd, const char __user *name, char __user *buf, int size)
{
	struct inode *inode;
	struct path path;
	const char *link;
	size_t n;
	int err;

	if (size <= 0)
		return -EINVAL;
	err = user_path_at(dfd, name, LOOKUP_EMPTY, &path);
	if (err)
		return err;
	inode = path.dentry->d_inode;
	err = -EINVAL;
	if (S_ISLNK(inode->i_mode) && inode->i_op->get_link) {
		link = inode->i_op->get_link(path.dentry, inode);
		n = min((size_t)size, strlen(link));
		/* only /proc's links can be empty: one whose target is
		 * gone (a kernel thread's exe), -ENOENT as Linux's */
		if (!*link)
			err = -ENOENT;
		else
			err = copy_to_user(buf, link, n) ? -EFAULT : (long)n;
	}
	path_put(&path);
	return err;
}

SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf, int, size)
{
	return do_readlinkat(AT_FDCWD, path, buf, size);
}

SYSCALL_DEFINE4(readlinkat, int, dfd, const char __user *, path,
		char __user *, buf, int, size)
{
	return do_readlinkat(dfd, path, buf, size);
}
