// SPDX-License-Identifier: GPL-2.0
/*
 * Character devices (Linux's fs/char_dev.c, by major number only): a
 * driver registers its file_operations for a major, and opening a
 * device node (a ramfs inode with S_IFCHR and i_rdev, made from the
 * initramfs) makes a file with them and calls their ->open.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/slab.h>

#define CHRDEV_MAJOR_MAX	256

/* Written by the drivers at boot, before PID 1 runs; only read after. */
static const struct file_operations *chrdevs[CHRDEV_MAJOR_MAX];

/* register_chrdev - @fops for every minor of @major. 0, or -EBUSY if the
 * major is taken, -EINVAL if it is out of range. */
int register_chrdev(unsigned int major, const char *name,
		    const struct file_operations *fops)
{
	if (major == 0 || major >= CHRDEV_MAJOR_MAX)
		return -EINVAL;
	if (chrdevs[major])
		return -EBUSY;
	chrdevs[major] = fops;
	return 0;
}

/*
 * chrdev_open - a new file, opened with O_* @flags, on the character
 * device node @inode. ERR_PTR(-ENXIO) if no driver has its major (as
 * Linux), -ENOMEM, or the error of the driver's ->open.
 */
struct file *chrdev_open(struct inode *inode, unsigned int flags)
{
	const struct file_operations *fops = NULL;
	unsigned int major = inode->i_rdev >> 8;
	struct file *f;
	int err;

	if (major < CHRDEV_MAJOR_MAX)
		fops = chrdevs[major];
	if (!fops)
		return ERR_PTR(-ENXIO);
	f = alloc_file(inode, fops, flags);
	if (!f)
		return ERR_PTR(-ENOMEM);
	if (fops->open) {
		err = fops->open(inode, f);
		if (err) {
			kfree(f);	/* never opened: no ->release */
			return ERR_PTR(err);
		}
	}
	return f;
}
