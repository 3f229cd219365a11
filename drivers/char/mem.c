// SPDX-License-Identifier: GPL-2.0
/*
 * The memory devices, character major 1, as Linux's drivers/char/mem.c:
 * one driver for the major whose open picks the minor's file operations.
 * mmos has these minors: 8 /dev/random, 9 /dev/urandom (random_fops,
 * urandom_fops from drivers/char/random.c) and 11 /dev/kmsg (kmsg_fops,
 * kernel/printk/printk.c). Any other minor (mem, null, zero, full, ...)
 * is -ENXIO, as Linux's for a minor it does not have.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/printk.h>
#include <linux/random.h>

#define MEM_MAJOR	1

static const struct file_operations *const devlist[] = {
	[RANDOM_MINOR] = &random_fops,
	[URANDOM_MINOR] = &urandom_fops,
	[KMSG_MINOR] = &kmsg_fops,
};

/* memory_open - @f becomes a file of the minor's device (its own open
 * then runs, if it has one); -ENXIO for a minor there is none of. */
static int memory_open(struct inode *inode, struct file *f)
{
	unsigned int minor = inode->i_rdev & 0xff;

	if (minor >= sizeof(devlist) / sizeof(devlist[0]) || !devlist[minor])
		return -ENXIO;
	f->f_op = devlist[minor];
	return f->f_op->open ? f->f_op->open(inode, f) : 0;
}

static const struct file_operations memory_fops = {
	.open = memory_open,
};

/* chr_dev_init - at boot, before PID 1 opens anything: major 1. */
int chr_dev_init(void)
{
	return register_chrdev(MEM_MAJOR, "mem", &memory_fops);
}
