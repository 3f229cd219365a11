// SPDX-License-Identifier: GPL-2.0
/*
 * populate_rootfs(): unpack the initrd (a cpio newc archive) into ramfs,
 * then free the initrd's pages. The archive is checked whole before
 * anything is created, so a malformed one is rejected with a message
 * and leaves an empty root, never half a tree or a crash.
 */
#include <linux/kernel.h>
#include <linux/cpio.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/ramfs.h>
#include <linux/initrd.h>
#include <linux/mm.h>
#include <linux/string.h>

/* Create one entry. Character devices get their number (i_rdev); block
 * devices, fifos and sockets are skipped (nothing could open them).
 * Returns 0 or a negative errno. */
static int unpack_entry(const struct cpio_entry *e, unsigned long *nr_files)
{
	const char *name = e->name;
	struct dentry *d;
	int err;

	while (name[0] == '.' && name[1] == '/')
		name += 2;
	if (!strcmp(name, ".") || !*name)
		return 0;
	switch (e->mode & S_IFMT) {
	case S_IFDIR:
		d = ramfs_create(name, e->mode, &err);
		if (!d && err == -EEXIST)
			return 0;
		break;
	case S_IFREG:
		d = ramfs_create(name, e->mode, &err);
		if (d && e->size)
			err = ramfs_write(d->d_inode, 0, e->data, e->size);
		break;
	case S_IFLNK:
		err = ramfs_symlink(name, e->data, e->size);
		d = NULL;
		break;
	case S_IFCHR:
		if (e->rdevmajor > 255 || e->rdevminor > 255) {
			pr_info("initramfs: skipping %s (device %lu:%lu)\n", name,
				e->rdevmajor, e->rdevminor);
			return 0;
		}
		d = ramfs_create(name, e->mode, &err);
		if (d)
			d->d_inode->i_rdev = MKDEV(e->rdevmajor, e->rdevminor);
		break;
	default:
		pr_info("initramfs: skipping %s (mode %#lo)\n", name, e->mode);
		return 0;
	}
	if (d) {
		d->d_inode->i_uid = e->uid;
		d->d_inode->i_gid = e->gid;
		d->d_inode->i_mtime = e->mtime;
	}
	if (err)
		pr_err("initramfs: %s: error %d\n", name, err);
	else
		(*nr_files)++;
	return err;
}

/*
 * unpack_to_rootfs - check the archive, then create its entries. Returns
 * 0, -EINVAL for a malformed archive (reported, nothing created) or the
 * error of the first entry that could not be created (everything is then
 * removed again).
 */
int unpack_to_rootfs(const void *buf, unsigned long len, unsigned long *nr_files)
{
	struct cpio_iter it;
	struct cpio_entry e;
	int r;

	*nr_files = 0;
	cpio_iter_init(&it, buf, len);
	while ((r = cpio_next(&it, &e)) == 0)
		;
	if (r < 0 || it.in_archive) {
		pr_err("Initramfs unpacking failed: %s at offset %lu\n",
		       r < 0 ? it.error : "no TRAILER!!! at the end", it.pos);
		return -EINVAL;
	}
	cpio_iter_init(&it, buf, len);
	while (cpio_next(&it, &e) == 0) {
		r = unpack_entry(&e, nr_files);
		if (r) {
			ramfs_clear();
			*nr_files = 0;
			return r;
		}
	}
	return 0;
}

void populate_rootfs(void)
{
	unsigned long n;

	ramfs_init();
	if (!phys_initrd_size) {
		pr_warn("initramfs: no initrd given (-initrd)\n");
		return;
	}
	if (unpack_to_rootfs(__va(phys_initrd_start), phys_initrd_size, &n) == 0)
		pr_info("initramfs: unpacked %lu entries from %lu bytes\n",
			n, phys_initrd_size);
	free_reserved_area(phys_initrd_start, phys_initrd_start + phys_initrd_size,
			   "initrd");
}
