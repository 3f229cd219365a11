// SPDX-License-Identifier: GPL-2.0
/*
 * populate_rootfs(): unpack the initrd (a cpio newc archive) into rootfs,
 * then free the initrd's pages. The archive is checked whole before
 * anything is created, so a malformed one is rejected with a message
 * and leaves an empty root, never half a tree or a crash.
 */
#include <linux/kernel.h>
#include <linux/cpio.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs_struct.h>
#include <linux/init_syscalls.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/initrd.h>
#include <linux/mm.h>
#include <linux/string.h>

/* write_file - a regular file @name with @size bytes of @data. */
static int write_file(const char *name, const void *data, unsigned long size)
{
	struct file *f = do_filp_open(AT_FDCWD, name, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	loff_t pos = 0;
	ssize_t n = 0;

	if (IS_ERR(f))
		return PTR_ERR(f);
	if (size)
		n = kernel_write(f, data, size, &pos);
	fput(f);
	if (n < 0)
		return n;
	return n == size ? 0 : -ENOSPC;
}

/*
 * The hard links of an archive: a regular file with more than one link
 * is remembered by its inode number, and a later entry with the same
 * number (and mode) becomes another name for it, as Linux's
 * maybe_link(). Only the unpacker, at boot, uses the list.
 */
struct link_hash {
	struct list_head list;
	unsigned long ino;
	umode_t mode;
	char name[];
};

static LIST_HEAD(link_hashes);

/* maybe_link - 1 if @e is another name of a file already made (now
 * linked), 0 if it must be made (and is remembered), or -errno. */
static int maybe_link(const struct cpio_entry *e, const char *name)
{
	struct link_hash *h;
	int err;

	if (e->nlink < 2)
		return 0;
	list_for_each_entry(h, &link_hashes, list) {
		if (h->ino == e->ino && h->mode == e->mode) {
			err = init_link(h->name, name);
			return err ? err : 1;
		}
	}
	h = kmalloc(sizeof(*h) + strlen(name) + 1, GFP_KERNEL);
	if (!h)
		return -ENOMEM;
	h->ino = e->ino;
	h->mode = e->mode;
	strcpy(h->name, name);
	list_add_tail(&h->list, &link_hashes);
	return 0;
}

/* free_hash - forget the archive's hard links. */
static void free_hash(void)
{
	struct link_hash *h, *n;

	list_for_each_entry_safe(h, n, &link_hashes, list)
		kfree(h);
	INIT_LIST_HEAD(&link_hashes);
}

/*
 * The directories unpacked, with their archive mtimes: set only at the
 * end (Linux's dir_add/dir_utime), since every entry made inside one
 * afterwards would move its mtime to now.
 */
struct dir_entry {
	struct list_head list;
	long long mtime;
	char name[];
};

static LIST_HEAD(dir_list);

/* dir_add - remember directory @name's @mtime. 0 or -ENOMEM. */
static int dir_add(const char *name, long long mtime)
{
	struct dir_entry *de = kmalloc(sizeof(*de) + strlen(name) + 1, GFP_KERNEL);

	if (!de)
		return -ENOMEM;
	de->mtime = mtime;
	strcpy(de->name, name);
	list_add(&de->list, &dir_list);
	return 0;
}

/* dir_utime - give each remembered directory its mtime (if @apply: a
 * failed unpack only forgets them), and forget them. */
static void dir_utime(bool apply)
{
	struct dir_entry *de, *n;

	list_for_each_entry_safe(de, n, &dir_list, list) {
		if (apply)
			init_utimes(de->name, (struct timespec64){ de->mtime, 0 });
		kfree(de);
	}
	INIT_LIST_HEAD(&dir_list);
}

/* clean_path - as Linux's: an entry already at @name that is not a
 * directory being made again goes first, so that a later archive
 * replaces what an earlier one had. */
static void clean_path(const char *name, umode_t mode)
{
	struct path p;
	umode_t old;

	if (kern_path(name, 0, &p))
		return;
	old = p.dentry->d_inode->i_mode;
	path_put(&p);
	if (((old ^ mode) & S_IFMT) || !S_ISDIR(mode))
		do_remove(AT_FDCWD, name, S_ISDIR(old));
}

/*
 * unpack_entry - create one entry, as Linux's do_name/do_copy/do_symlink:
 * directories (one that exists already is kept), regular files, symlinks,
 * and device, FIFO and socket nodes; then its owner, mode and mtime (a
 * directory's at the end: dir_utime()).
 * Returns 0 or a negative errno.
 */
static int unpack_entry(const struct cpio_entry *e, unsigned long *nr_files)
{
	const char *name = e->name;
	umode_t mode = e->mode;
	int err;

	while (name[0] == '.' && name[1] == '/')
		name += 2;
	if (!strcmp(name, ".") || !*name)
		return 0;
	clean_path(name, mode);
	switch (mode & S_IFMT) {
	case S_IFDIR:
		err = init_mkdir(name, mode & S_IALLUGO);
		if (err == -EEXIST)
			err = 0;
		break;
	case S_IFREG:
		err = maybe_link(e, name);
		if (err == 1) {		/* another name: its data came first */
			(*nr_files)++;
			return 0;
		}
		if (!err)
			err = write_file(name, e->data, e->size);
		break;
	case S_IFLNK: {
		char *target;

		err = -ENAMETOOLONG;
		if (e->size >= PATH_MAX)
			break;
		target = kmalloc(e->size + 1, GFP_KERNEL);
		err = -ENOMEM;
		if (!target)
			break;
		memcpy(target, e->data, e->size);
		target[e->size] = 0;
		err = init_symlink(target, name);
		kfree(target);
		break;
	}
	case S_IFCHR: case S_IFBLK: case S_IFIFO: case S_IFSOCK:
		err = init_mknod(name, mode, MKDEV(e->rdev_major, e->rdev_minor));
		break;
	default:
		pr_info("initramfs: skipping %s (mode %#lo)\n", name, e->mode);
		return 0;
	}
	if (!err)
		err = init_chown(name, e->uid, e->gid);
	if (!err && !S_ISLNK(mode))
		err = init_chmod(name, mode & S_IALLUGO);
	if (!err && S_ISDIR(mode))
		err = dir_add(name, e->mtime);
	else if (!err)
		err = init_utimes(name, (struct timespec64){ e->mtime, 0 });
	if (err)
		pr_err("initramfs: %s: error %d\n", name, err);
	else
		(*nr_files)++;
	return err;
}

/* rootfs_clear - remove everything unpacked (a bad archive): nothing
 * else uses the tree yet. */
void rootfs_clear(void)
{
	struct path root;

	get_fs_root(current->fs, &root);
	inode_lock(root.dentry->d_inode);
	d_genocide(root.dentry);
	set_nlink(root.dentry->d_inode, 2);
	inode_unlock(root.dentry->d_inode);
	path_put(&root);
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
			free_hash();
			dir_utime(false);
			rootfs_clear();
			*nr_files = 0;
			return r;
		}
	}
	free_hash();
	dir_utime(true);
	return 0;
}

void populate_rootfs(void)
{
	unsigned long n;

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
