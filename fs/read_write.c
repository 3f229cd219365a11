// SPDX-License-Identifier: GPL-2.0
/* read, write, readv, writev, pread64, lseek. */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/syscalls.h>

/* vfs_read - read(2) on any file: -EBADF unless it was opened for
 * reading (a pipe's write end too), -EINVAL if it cannot be read. */
static ssize_t vfs_read(struct file *f, char __user *buf, size_t len, loff_t *pos)
{
	if (!(f->f_mode & FMODE_READ))
		return -EBADF;
	if (!f->f_op->read)
		return -EINVAL;
	if (!access_ok(buf, len))
		return -EFAULT;
	return f->f_op->read(f, buf, len, pos);
}

/* vfs_write - write(2) on any file: -EBADF unless it was opened for
 * writing (a pipe's read end too), -EINVAL if it cannot be written. */
static ssize_t vfs_write(struct file *f, const char __user *buf, size_t len,
			 loff_t *pos)
{
	if (!(f->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!f->f_op->write)
		return -EINVAL;
	if (!access_ok(buf, len))
		return -EFAULT;
	return f->f_op->write(f, buf, len, pos);
}

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	struct file *f = fget(fd);
	ssize_t ret;

	if (!f)
		return -EBADF;
	ret = vfs_read(f, buf, count, &f->f_pos);
	fput(f);
	return ret;
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t, count)
{
	struct file *f = fget(fd);
	ssize_t ret;

	if (!f)
		return -EBADF;
	ret = vfs_write(f, buf, count, &f->f_pos);
	fput(f);
	return ret;
}

SYSCALL_DEFINE4(pread64, unsigned int, fd, char __user *, buf, size_t, count,
		loff_t, pos)
{
	struct file *f = fget(fd);
	ssize_t ret;

	if (!f)
		return -EBADF;
	ret = !f->f_op->seekable ? -ESPIPE : pos < 0 ? -EINVAL :
	      vfs_read(f, buf, count, &pos);
	fput(f);
	return ret;
}

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

#define UIO_MAXIOV	1024

static ssize_t do_iter(unsigned int fd, const struct iovec __user *uvec,
		       unsigned long vlen, bool write)
{
	struct file *f;
	ssize_t total = 0;

	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	for (unsigned long i = 0; i < vlen; i++) {
		struct iovec v;
		ssize_t n;

		if (copy_from_user(&v, &uvec[i], sizeof(v))) {
			total = total ? total : -EFAULT;
			break;
		}
		if (!v.iov_len)
			continue;
		n = write ? vfs_write(f, v.iov_base, v.iov_len, &f->f_pos) :
			    vfs_read(f, v.iov_base, v.iov_len, &f->f_pos);
		if (n < 0) {
			total = total ? total : n;
			break;
		}
		total += n;
		if ((size_t)n < v.iov_len)
			break;
	}
	fput(f);
	return total;
}

SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_iter(fd, vec, vlen, false);
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_iter(fd, vec, vlen, true);
}

#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2

SYSCALL_DEFINE3(lseek, unsigned int, fd, loff_t, offset, unsigned int, whence)
{
	struct file *f = fget(fd);
	loff_t base, ret;

	if (!f)
		return -EBADF;
	if (!f->f_op->seekable) {
		fput(f);
		return -ESPIPE;
	}
	switch (whence) {
	case SEEK_SET: base = 0; break;
	case SEEK_CUR: base = f->f_pos; break;
	case SEEK_END: base = f->f_inode ? (loff_t)f->f_inode->i_size : (loff_t)f->private_size; break;
	default: base = -1;
	}
	ret = base < 0 || base + offset < 0 ? -EINVAL : (f->f_pos = base + offset);
	fput(f);
	return ret;
}
