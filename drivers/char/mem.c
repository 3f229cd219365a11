// SPDX-License-Identifier: GPL-2.0
/*
 * The memory devices of major 1 that need no hardware: /dev/null (1,3)
 * reads EOF and takes every write, /dev/zero (1,5) reads zeros and takes
 * every write, /dev/full (1,7) reads zeros and refuses writes with
 * -ENOSPC. /dev/zero maps as Linux's: a private mapping is anonymous
 * memory, a shared one a new tmpfs object (shmem_zero_setup()).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/shmem_fs.h>
#include <linux/random.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/devtmpfs.h>
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/uaccess.h>

#define MEM_MAJOR	1

static ssize_t read_null(struct file *f, char __user *buf, size_t count, loff_t *ppos)
{
	return 0;
}

static ssize_t write_null(struct file *f, const char __user *buf, size_t count,
			  loff_t *ppos)
{
	return count;
}

/* read_zero - @count zeros, or as many as fit before a fault (-EFAULT
 * if none). */
static ssize_t read_zero(struct file *f, char __user *buf, size_t count, loff_t *ppos)
{
	unsigned long left = clear_user(buf, count);

	if (left == count && count)
		return -EFAULT;
	return count - left;
}

static ssize_t write_full(struct file *f, const char __user *buf, size_t count,
			  loff_t *ppos)
{
	return -ENOSPC;
}

static const struct file_operations null_fops = {
	.read = read_null,
	.write = write_null,
	.seekable = true,
};

/* mmap_zero - /dev/zero mapped: shared, a tmpfs object of the mapping's
 * size; private, anonymous memory (no vm_ops: faults give zero pages
 * and COW), as Linux's. 0 or -errno. */
static int mmap_zero(struct file *f, struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_SHARED)
		return shmem_zero_setup(vma);
	vma->vm_ops = NULL;
	return 0;
}

static const struct file_operations zero_fops = {
	.read = read_zero,
	.write = write_null,
	.mmap = mmap_zero,
	.seekable = true,
};

static const struct file_operations full_fops = {
	.read = read_zero,
	.write = write_full,
	.seekable = true,
};

/*
 * devlist - the devices of major 1 by minor, as Linux's mem.c: each gets
 * its registration and its /dev node from chr_dev_init(). random,
 * urandom (drivers/char/random.c) and kmsg (kernel/printk/printk.c)
 * keep their operations in their own files, as in Linux.
 */
static const struct memdev {
	const char *name;
	umode_t mode;
	const struct file_operations *fops;
} devlist[] = {
	[3] = { "null", 0666, &null_fops },
	[5] = { "zero", 0666, &zero_fops },
	[7] = { "full", 0666, &full_fops },
	[8] = { "random", 0666, &random_fops },
	[9] = { "urandom", 0666, &urandom_fops },
	[11] = { "kmsg", 0644, &kmsg_fops },
};

/* chr_dev_init - register the memory devices and make their nodes
 * (called by devtmpfs_init() at boot). */
void chr_dev_init(void)
{
	for (unsigned int minor = 0; minor < ARRAY_SIZE(devlist); minor++) {
		const struct memdev *m = &devlist[minor];

		if (!m->name)
			continue;
		if (__register_chrdev(MEM_MAJOR, minor, 1, m->name, m->fops) ||
		    devtmpfs_create_node(m->name, S_IFCHR | m->mode, MKDEV(MEM_MAJOR, minor)))
			pr_err("mem: cannot add /dev/%s\n", m->name);
	}
}
