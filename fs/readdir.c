// SPDX-License-Identifier: GPL-2.0
/*
 * getdents64 and getdents: a directory's ->iterate_shared emits entries
 * from the file's position, each copied straight to the user's buffer
 * (under the directory's i_rwsem held shared; a fault there takes only
 * mmap_lock). d_off of an entry is the position after it, so lseek()
 * to any d_off continues from there.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/readdir.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

struct linux_dirent {
	unsigned long d_ino;
	unsigned long d_off;
	unsigned short d_reclen;
	char d_name[];		/* then a NUL, padding, and d_type last */
};

struct getdents_callback {
	struct dir_context ctx;
	char __user *buf;
	size_t left;		/* room in buf */
	long used;
	int error;		/* -EINVAL: not even one fits; -EFAULT */
	bool old;		/* getdents' record layout */
};

/* filldir - one entry into the user's buffer, in either layout: false
 * when it does not fit (or the copy faulted), which ends the batch. */
static bool filldir(struct dir_context *ctx, const char *name, int namlen,
		    loff_t pos, u64 ino, unsigned int type)
{
	struct getdents_callback *b = container_of(ctx, struct getdents_callback, ctx);
	size_t base = b->old ? offsetof(struct linux_dirent, d_name) :
			       offsetof(struct linux_dirent64, d_name);
	size_t reclen = (base + namlen + 1 + (b->old ? 1 : 0) + 7) & ~7UL;
	char rec[sizeof(struct linux_dirent64) + NAME_MAX + 16];

	if (reclen > b->left) {
		b->error = -EINVAL;
		return false;
	}
	memset(rec, 0, reclen);
	if (b->old) {
		struct linux_dirent *d = (struct linux_dirent *)rec;

		d->d_ino = ino;
		d->d_off = pos + 1;
		d->d_reclen = reclen;
		memcpy(d->d_name, name, namlen);
		rec[reclen - 1] = type;
	} else {
		struct linux_dirent64 *d = (struct linux_dirent64 *)rec;

		d->d_ino = ino;
		d->d_off = pos + 1;
		d->d_reclen = reclen;
		d->d_type = type;
		memcpy(d->d_name, name, namlen);
	}
	if (copy_to_user(b->buf + b->used, rec, reclen)) {
		b->error = -EFAULT;
		return false;
	}
	b->used += reclen;
	b->left -= reclen;
	return true;
}

/*
 * iterate_dir - fill @b from @f's position: -ENOTDIR for what is not a
 * directory, -ENOENT for a removed one. The position moves past what
 * was copied. Returns the bytes copied, or -EINVAL if the buffer holds
 * no entry, -EFAULT if nothing could be copied.
 */
static long iterate_dir(struct file *f, struct getdents_callback *b)
{
	struct inode *inode = f->f_inode;
	long err = 0;

	if (!inode || !f->f_op->iterate_shared)
		return -ENOTDIR;
	inode_lock_shared(inode);
	if (S_ISDIR(inode->i_mode) && inode->i_nlink == 0) {
		err = -ENOENT;
	} else {
		b->ctx.pos = f->f_pos;
		err = f->f_op->iterate_shared(f, &b->ctx);
		f->f_pos = b->ctx.pos;
	}
	inode_unlock_shared(inode);
	touch_atime(f);
	if (err)
		return err;
	if (b->used)
		return b->used;
	return b->error == -EINVAL || b->error == -EFAULT ? b->error : 0;
}

/* do_getdents - getdents64(2), or getdents(2) with @old: -EFAULT for a
 * buffer outside user memory, -EBADF for a bad or O_PATH fd. */
static long do_getdents(unsigned int fd, void __user *dirent, unsigned int count,
			bool old)
{
	struct getdents_callback b = {
		.ctx.actor = filldir, .buf = dirent, .left = count, .old = old,
	};
	struct file *f;
	long ret;

	if (!access_ok(dirent, count))
		return -EFAULT;
	f = fget(fd);
	if (!f)
		return -EBADF;
	ret = (f->f_mode & FMODE_PATH) ? -EBADF : iterate_dir(f, &b);
	fput(f);
	return ret;
}

SYSCALL_DEFINE3(getdents64, unsigned int, fd, struct linux_dirent64 __user *, dirent,
		unsigned int, count)
{
	return do_getdents(fd, dirent, count, false);
}

SYSCALL_DEFINE3(getdents, unsigned int, fd, struct linux_dirent __user *, dirent,
		unsigned int, count)
{
	return do_getdents(fd, dirent, count, true);
}
