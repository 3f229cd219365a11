// SPDX-License-Identifier: GPL-2.0
/*
 * devtmpfs: one tmpfs-like instance that the kernel fills with a node
 * per character device (devtmpfs_create_node()); every mount of it
 * (mount -t devtmpfs, or the one on /dev at boot when the initramfs has
 * a /dev) shows the same super block, as Linux's.
 */
#include <linux/kernel.h>
#include <linux/dcache.h>
#include <linux/devtmpfs.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/proc_fs.h>
#include <linux/ramfs.h>
#include <linux/slab.h>
#include <linux/string.h>

static struct vfsmount *devtmpfs_mnt;	/* the kernel's own mount of it */

/* devtmpfs_show_options - as Linux's devtmpfs (a tmpfs mounted with
 * mode=0755) shows it: mode=755. Linux's also shows the size and
 * nr_inodes of its tmpfs, which mmos's devtmpfs has no limits for. */
static int devtmpfs_show_options(struct seq_buf *s, struct dentry *root)
{
	struct ramfs_fs_info *fsi = root->d_sb->s_fs_info;

	seq_printf(s, ",mode=%03o", fsi->mode);
	return 0;
}

static const struct super_operations devtmpfs_ops = {
	.evict_inode = ramfs_evict_inode,
	.statfs = ramfs_statfs,
	.put_super = ramfs_put_super,
	.show_options = devtmpfs_show_options,
};

/* devtmpfs_fill_super - the one instance: a ramfs with a 0755 root. */
static int devtmpfs_fill_super(struct super_block *sb, void *data)
{
	struct ramfs_fs_info *fsi = kzalloc(sizeof(*fsi), GFP_KERNEL);

	if (!fsi)
		return -ENOMEM;
	fsi->mode = 0755;
	fsi->dir_sizes = true;	/* a tmpfs in Linux */
	return ramfs_fill_super_info(sb, fsi, TMPFS_MAGIC, &devtmpfs_ops);
}

/* devtmpfs_mount - the first mount makes the instance; later ones share
 * it (another active reference). */
static struct super_block *devtmpfs_mount(struct file_system_type *fs_type,
					  int flags, const char *dev_name, void *data)
{
	struct super_block *sb;

	if (!devtmpfs_mnt)
		return mount_nodev(fs_type, flags, data, devtmpfs_fill_super);
	sb = devtmpfs_mnt->mnt_sb;
	atomic_inc(&sb->s_active);
	return sb;
}

/* devtmpfs_kill_sb - as shmem_kill_sb. */
static void devtmpfs_kill_sb(struct super_block *sb)
{
	if (sb->s_op)
		kill_litter_super(sb);
}

static struct file_system_type dev_fs_type = {
	.name = "devtmpfs",
	.mount = devtmpfs_mount,
	.kill_sb = devtmpfs_kill_sb,
};

/*
 * devtmpfs_create_node - the node @name (one component) of @mode
 * (S_IFCHR | permissions) for device @dev in devtmpfs's root. 0,
 * -EEXIST, -EINVAL for a name with a slash, -ENOMEM, or -ENODEV before
 * devtmpfs_init().
 */
int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev)
{
	struct qstr q = { name, strlen(name) };
	struct dentry *root, *d;
	struct inode *dir;
	int err;

	if (!devtmpfs_mnt)
		return -ENODEV;
	if (!q.len || q.len > NAME_MAX || strchr(name, '/'))
		return -EINVAL;
	root = devtmpfs_mnt->mnt_root;
	dir = root->d_inode;
	inode_lock(dir);
	d = d_lookup(root, &q);
	if (d) {
		dput(d);
		err = -EEXIST;
	} else {
		d = d_alloc(root, &q);
		err = d ? vfs_mknod(dir, d, mode, dev) : -ENOMEM;
		dput(d);
	}
	inode_unlock(dir);
	return err;
}

/* devtmpfs_init - register devtmpfs, make its instance and the memory
 * devices' nodes. Panics without memory, as Linux's. */
void devtmpfs_init(void)
{
	struct vfsmount *mnt;

	register_filesystem(&dev_fs_type);
	mnt = vfs_kern_mount(&dev_fs_type, 0, "devtmpfs", NULL);
	if (IS_ERR(mnt))
		panic("devtmpfs: unable to create devtmpfs %ld", PTR_ERR(mnt));
	devtmpfs_mnt = mnt;
	chr_dev_init();
}

/* devtmpfs_mount_dev - mount devtmpfs on /dev if there is such a
 * directory (the initramfs made it), as Linux's CONFIG_DEVTMPFS_MOUNT.
 * Returns 0, or the error of the lookup or mount. */
int devtmpfs_mount_dev(void)
{
	struct path path;
	int err = kern_path("/dev", LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (err)
		return err;
	err = path_mount("devtmpfs", &path, "devtmpfs", 0, NULL);
	path_put(&path);
	return err;
}
