/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An open file: a position and flags over an inode (a ramfs file, a
 * /proc file) or a device (the console). f_count counts the fd table
 * entries and VMAs that hold it; the last fput() frees it.
 */
#ifndef _LINUX_FILE_H
#define _LINUX_FILE_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/path.h>

struct file;
struct inode;
struct kstat;
struct dentry;
struct vm_area_struct;
struct poll_table_struct;
struct dir_context;

typedef long long loff_t;
typedef long ssize_t;
typedef unsigned int fmode_t;

/* f_mode: what the file was opened for, fixed at open (Linux's values) */
#define FMODE_READ	((fmode_t)0x1)
#define FMODE_WRITE	((fmode_t)0x2)
#define FMODE_PATH	((fmode_t)0x4000)	/* O_PATH: no I/O */
#define FMODE_WRITER	((fmode_t)0x8000)	/* counted in s_writers */
/* positions are unsigned: pread/pwrite take "negative" ones (/proc/PID/mem
 * at kernel addresses, Linux's) */
#define FMODE_UNSIGNED_OFFSET	((fmode_t)0x2000)

/* OPEN_FMODE - the f_mode of open flags: O_RDONLY 0 reads, O_WRONLY 1
 * writes, O_RDWR 2 both, and 3 neither (Linux's trick: add one). */
#define OPEN_FMODE(flags)	((fmode_t)(((flags) + 1) & 3))

struct file_operations {
	ssize_t (*read)(struct file *f, char *ubuf, size_t len, loff_t *pos);
	ssize_t (*write)(struct file *f, const char *ubuf, size_t len, loff_t *pos);
	int (*ioctl)(struct file *f, unsigned int cmd, unsigned long arg);
	void (*release)(struct file *f);
	int (*mmap)(struct file *f, struct vm_area_struct *vma);	/* NULL: -ENODEV */
	/* the POLL* events ready now; queue on @pt (<linux/poll.h>).
	 * NULL: always readable and writable */
	__poll_t (*poll)(struct file *f, struct poll_table_struct *pt);
	/* called by dentry_open with f_op set from i_fop: may replace f_op
	 * (a device's open picks the driver) or refuse with -errno */
	int (*open)(struct inode *inode, struct file *f);
	/* getdents: called with the directory's i_rwsem held shared */
	int (*iterate_shared)(struct file *f, struct dir_context *ctx);
	/* lseek(2) of a file whose positions are not bytes of a size (NULL:
	 * the generic one): the new position or -errno */
	loff_t (*llseek)(struct file *f, loff_t offset, int whence);
	bool seekable;
};

struct file {
	atomic_t f_count;
	unsigned int f_flags;		/* O_* from open */
	fmode_t f_mode;			/* FMODE_READ/WRITE, from f_flags */
	loff_t f_pos;
	struct inode *f_inode;		/* NULL for the console and /proc */
	struct path f_path;		/* the name it was opened by, if any:
					 * held, dropped by the last fput */
	const struct file_operations *f_op;
	void *private_data;		/* e.g. /proc's generated text */
	size_t private_size;
};

/* mm/filemap.c: read(2) of a file from its page cache */
ssize_t filemap_read(struct file *f, char *ubuf, size_t len, loff_t *pos);

/* f_dentry - the dentry a file was opened by (Linux 2.6's name) */
#define f_dentry f_path.dentry

struct file *alloc_file(struct inode *inode, const struct file_operations *fop,
			unsigned int flags);
struct file *dentry_open(const struct path *path, unsigned int flags);
struct file *alloc_file_clone(struct file *base, unsigned int flags,
			      const struct file_operations *fop);

static inline struct file *get_file(struct file *f)
{
	atomic_inc(&f->f_count);
	return f;
}

void fput(struct file *f);

#endif
