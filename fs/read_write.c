// SPDX-License-Identifier: GPL-2.0
/* read, write, readv, writev, pread64, lseek, sendfile. */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>

/* rw_verify_pos - may @count bytes be moved at @pos of @f (Linux's
 * rw_verify_area, for read(2) and write(2) at f_pos; pread64 refuses a
 * negative position before it)? A negative position only where positions are
 * unsigned (FMODE_UNSIGNED_OFFSET), and then not one that wraps past 0:
 * 0, -EINVAL or -EOVERFLOW. */
static int rw_verify_pos(struct file *f, loff_t pos, size_t count)
{
	if (pos >= 0)
		return 0;
	if (!(f->f_mode & FMODE_UNSIGNED_OFFSET))
		return -EINVAL;
	return count >= (u64)-pos ? -EOVERFLOW : 0;
}

/* vfs_read - read(2) on any file: -EBADF unless it was opened for
 * reading (a pipe's write end too), -EINVAL if it cannot be read. */
static ssize_t vfs_read(struct file *f, char __user *buf, size_t len, loff_t *pos)
{
	int ret;

	if (!(f->f_mode & FMODE_READ))
		return -EBADF;
	if (!f->f_op->read)
		return -EINVAL;
	if (!access_ok(buf, len))
		return -EFAULT;
	ret = rw_verify_pos(f, *pos, len);
	return ret ? ret : f->f_op->read(f, buf, len, pos);
}

/* vfs_write - write(2) on any file: -EBADF unless it was opened for
 * writing (a pipe's read end too), -EINVAL if it cannot be written. */
static ssize_t vfs_write(struct file *f, const char __user *buf, size_t len,
			 loff_t *pos)
{
	int ret;

	if (!(f->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!f->f_op->write)
		return -EINVAL;
	if (!access_ok(buf, len))
		return -EFAULT;
	ret = rw_verify_pos(f, *pos, len);
	return ret ? ret : f->f_op->write(f, buf, len, pos);
}

/*
 * kernel_read - read a page-cache file into kernel memory (exec's
 * loaders): up to @count bytes at *@pos, moving it. Returns the bytes
 * read (0 at the end; holes read as zeros), or -EINVAL for a file with
 * no page cache.
 */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	struct inode *inode = file->f_inode;
	char *dst = buf;
	ssize_t done = 0;

	if (!inode || !S_ISREG(inode->i_mode) || *pos < 0)
		return -EINVAL;
	while (done < count && (u64)*pos < inode->i_size) {
		u64 off = *pos;
		size_t in = off & (PAGE_SIZE - 1);
		size_t n = min(min(count - done, PAGE_SIZE - in), inode->i_size - off);
		struct page *page = find_get_page(inode->i_mapping, off >> PAGE_SHIFT);

		if (page) {
			memcpy(dst + done, (char *)page_address(page) + in, n);
			put_page(page);
		} else {
			memset(dst + done, 0, n);
		}
		done += n;
		*pos += n;
	}
	return done;
}

/* kernel_write - write kernel memory into a page-cache file (the
 * initramfs): -EINVAL for any other kind of file. */
ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos)
{
	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (file->f_op->write != generic_file_write)
		return -EINVAL;
	return generic_file_kernel_write(file, buf, count, pos);
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

SYSCALL_DEFINE4(pwrite64, unsigned int, fd, const char __user *, buf, size_t, count,
		loff_t, pos)
{
	struct file *f = fget(fd);
	ssize_t ret;

	if (!f)
		return -EBADF;
	ret = !f->f_op->seekable ? -ESPIPE : pos < 0 ? -EINVAL :
	      vfs_write(f, buf, count, &pos);
	fput(f);
	return ret;
}

/* Linux's limit of what one call moves */
#define MAX_RW_COUNT		(0x7fffffff & PAGE_MASK)

/* sendfile_write - write @n bytes of kernel memory at @buf to @out at
 * *@out_pos: a page-cache file through kernel_write, a pipe through
 * pipe_kernel_write (@nonblock: splice's SPLICE_F_NONBLOCK). */
static ssize_t sendfile_write(struct file *out, const void *buf, size_t n,
			      loff_t *out_pos, bool nonblock)
{
	if (get_pipe_info(out))
		return pipe_kernel_write(out, buf, n, nonblock);
	return kernel_write(out, buf, n, out_pos);
}

/*
 * sendfile_copy - move up to @count bytes from @in at *@pos to @out,
 * a page at a time through a kernel buffer. Stops at the end of @in or
 * at a short write. Returns the bytes moved (moving *@pos and
 * *@out_pos), or the first -errno if none were.
 */
static ssize_t sendfile_copy(struct file *in, loff_t *pos, struct file *out,
			     loff_t *out_pos, size_t count, bool nonblock)
{
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	ssize_t done = 0, ret = 0;

	if (!buf)
		return -ENOMEM;
	while ((size_t)done < count) {
		ssize_t n = kernel_read(in, buf, min(count - done, PAGE_SIZE), pos);

		if (n <= 0) {
			ret = n;
			break;
		}
		ret = sendfile_write(out, buf, n, out_pos, nonblock);
		if (ret < 0) {
			*pos -= n;
			break;
		}
		done += ret;
		if (ret < n) {
			*pos -= n - ret;
			break;
		}
		cond_resched();
	}
	kfree(buf);
	return done ? done : ret;
}

/*
 * sendfile_check_out - Linux's checks of sendfile's output, in order:
 * open for writing (-EBADF); not a pipe: not O_APPEND and able to take
 * the data (-EINVAL: mmos writes page-cache files and pipes only; Linux
 * also ttys and the memory devices through their splice_write), and a
 * valid position. Returns 0 or -errno.
 */
static int sendfile_check_out(struct file *out, loff_t out_pos, size_t count)
{
	if (!(out->f_mode & FMODE_WRITE))
		return -EBADF;
	if (get_pipe_info(out))
		return 0;
	if (out_pos < 0 || (loff_t)(out_pos + count) < 0)
		return -EINVAL;
	if (out->f_flags & O_APPEND)
		return -EINVAL;
	if (out->f_op->write != generic_file_write)
		return -EINVAL;
	return 0;
}

/*
 * do_sendfile - Linux's: copy @count bytes from @in_fd, at *@ppos (not
 * moving its position; -ESPIPE if it has none) or at its position, to
 * @out_fd at its position. -EBADF for a bad descriptor or one not open
 * the right way; -EINVAL for a negative position, an input that is not
 * a regular file with a page cache, or an output sendfile_check_out()
 * refuses. Linux's -EOVERFLOW past the files' s_maxbytes cannot happen:
 * mmos's file systems all have the largest (MAX_LFS_FILESIZE), and a
 * position and count beyond it overflow first (-EINVAL). Returns the
 * bytes moved.
 */
static ssize_t do_sendfile(int out_fd, int in_fd, loff_t *ppos, size_t count)
{
	struct file *in = fget(in_fd), *out = NULL;
	struct inode *in_inode;
	loff_t pos, out_pos;
	ssize_t ret = -EBADF;

	if (!in)
		return -EBADF;
	if (!(in->f_mode & FMODE_READ))
		goto put_in;
	ret = -ESPIPE;
	if (ppos && !in->f_op->seekable)
		goto put_in;
	pos = ppos ? *ppos : in->f_pos;
	ret = -EINVAL;
	if (pos < 0 || (loff_t)(pos + count) < 0)
		goto put_in;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	ret = -EBADF;
	out = fget(out_fd);
	if (!out)
		goto put_in;
	ret = -EBADF;
	if (!(out->f_mode & FMODE_WRITE))
		goto put_out;
	out_pos = out->f_pos;
	ret = sendfile_check_out(out, out_pos, count);
	if (ret)
		goto put_out;
	in_inode = in->f_inode;
	ret = -EINVAL;
	if (!in_inode || !S_ISREG(in_inode->i_mode) || in->f_op->read != filemap_read)
		goto put_out;
	ret = sendfile_copy(in, &pos, out, &out_pos, count,
			    (in->f_flags | out->f_flags) & O_NONBLOCK);
	if (ret > 0) {
		touch_atime(in);
		if (!get_pipe_info(out))
			out->f_pos = out_pos;
		if (ppos)
			*ppos = pos;
		else
			in->f_pos = pos;
	}
put_out:
	fput(out);
put_in:
	fput(in);
	return ret;
}

/*
 * sendfile64 - sendfile(2) (x86-64 numbers Linux's sendfile64 so): with
 * @offset, the input is read from *@offset, which is updated, and its
 * position stays; -EFAULT if *@offset cannot be read or written.
 */
SYSCALL_DEFINE4(sendfile64, int, out_fd, int, in_fd, loff_t __user *, offset, size_t, count)
{
	loff_t pos;
	ssize_t ret;

	if (!offset)
		return do_sendfile(out_fd, in_fd, NULL, count);
	if (copy_from_user(&pos, offset, sizeof(pos)))
		return -EFAULT;
	ret = do_sendfile(out_fd, in_fd, &pos, count);
	if (put_user(pos, offset))
		return -EFAULT;
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
	if (f->f_mode & FMODE_PATH) {
		fput(f);
		return -EBADF;
	}
	if (!f->f_op->seekable) {
		fput(f);
		return -ESPIPE;
	}
	if (f->f_op->llseek) {
		ret = f->f_op->llseek(f, offset, whence);
		fput(f);
		return ret;
	}
	/* a directory's positions are getdents offsets: no end to seek to */
	if (f->f_inode && S_ISDIR(f->f_inode->i_mode) && whence == SEEK_END) {
		fput(f);
		return -EINVAL;
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
