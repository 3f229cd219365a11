// SPDX-License-Identifier: GPL-2.0
/*
 * Character devices: drivers register the file operations of a range
 * of minors of a major, and opening a character-device inode (mknod
 * S_IFCHR, devtmpfs) picks them by its i_rdev. A driver adds its device
 * with one call (Documentation/filesystems/vfs.md, "Character devices"):
 *
 *	__register_chrdev(1, 8, 1, "random", &random_fops);
 *
 * and devtmpfs makes its node when asked to (devtmpfs_create_node()).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/string.h>

#define MAX_CHRDEV_REGIONS	64

struct char_device_struct {
	unsigned int major, baseminor, count;
	const char *name;
	const struct file_operations *fops;
};

/* chrdevs_lock: the table of regions below. */
static DEFINE_SPINLOCK(chrdevs_lock);
static struct char_device_struct chrdevs[MAX_CHRDEV_REGIONS];
static int nr_chrdevs;

/*
 * __register_chrdev - minors [@baseminor, @baseminor + @count) of
 * @major open with @fops from now on. Returns 0, -EBUSY if some of them
 * are taken, -EINVAL for major 0 or no minors, -ENOMEM when the table
 * is full.
 */
int __register_chrdev(unsigned int major, unsigned int baseminor,
		      unsigned int count, const char *name,
		      const struct file_operations *fops)
{
	int err = 0;

	if (!major || !count || major >= (1U << (32 - MINORBITS)) ||
	    baseminor + count > (1U << MINORBITS) || baseminor + count < baseminor)
		return -EINVAL;
	spin_lock(&chrdevs_lock);
	for (int i = 0; i < nr_chrdevs; i++) {
		struct char_device_struct *c = &chrdevs[i];

		if (c->major == major && baseminor < c->baseminor + c->count &&
		    c->baseminor < baseminor + count)
			err = -EBUSY;
	}
	if (!err && nr_chrdevs == MAX_CHRDEV_REGIONS)
		err = -ENOMEM;
	if (!err)
		chrdevs[nr_chrdevs++] = (struct char_device_struct){
			major, baseminor, count, name, fops };
	spin_unlock(&chrdevs_lock);
	return err;
}

/* register_chrdev - all 256 first minors of @major, as Linux's. */
int register_chrdev(unsigned int major, const char *name,
		    const struct file_operations *fops)
{
	return __register_chrdev(major, 0, 256, name, fops);
}

/* chrdev_lookup - the operations registered for @dev, or NULL. */
static const struct file_operations *chrdev_lookup(dev_t dev)
{
	const struct file_operations *fops = NULL;

	spin_lock(&chrdevs_lock);
	for (int i = 0; i < nr_chrdevs; i++) {
		struct char_device_struct *c = &chrdevs[i];

		if (c->major == MAJOR(dev) && MINOR(dev) >= c->baseminor &&
		    MINOR(dev) < c->baseminor + c->count) {
			fops = c->fops;
			break;
		}
	}
	spin_unlock(&chrdevs_lock);
	return fops;
}

/* chrdev_open - the ->open of every character-device inode: the
 * driver's operations replace these, and its ->open runs. -ENXIO when
 * no driver has the number, as Linux. */
static int chrdev_open(struct inode *inode, struct file *f)
{
	const struct file_operations *fops = chrdev_lookup(inode->i_rdev);

	if (!fops)
		return -ENXIO;
	f->f_op = fops;
	return fops->open ? fops->open(inode, f) : 0;
}

const struct file_operations def_chr_fops = {
	.open = chrdev_open,
};
