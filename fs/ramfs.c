// SPDX-License-Identifier: GPL-2.0
/*
 * ramfs: a file system that is its dcache and page cache. Every name is
 * a pinned dentry, every file's data is its page-cache pages, and
 * nothing is anywhere else. tmpfs (mm/shmem.c) is a ramfs with limits,
 * which this file enforces when ramfs_fs_info has them, and with sizes
 * on its directories; rootfs (the root of the mount tree, where the
 * initramfs is unpacked) is a tmpfs, as Linux's.
 */
#include <linux/kernel.h>
#include <linux/dcache.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/ramfs.h>
#include <linux/readdir.h>
#include <linux/sched.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/string.h>

static const struct inode_operations ramfs_dir_inode_operations;
static const struct inode_operations ramfs_file_inode_operations;

/* RAMFS_SB - the ramfs (or tmpfs) data of @sb. */
static struct ramfs_fs_info *RAMFS_SB(struct super_block *sb)
{
	return sb->s_fs_info;
}

/* ramfs_charge - take @nr of the super block's @what (blocks or inodes)
 * if its limit allows: true, or false when it is full (-ENOSPC). */
static bool ramfs_charge(struct super_block *sb, bool inode, long nr)
{
	struct ramfs_fs_info *fsi = RAMFS_SB(sb);
	unsigned long *used = inode ? &fsi->used_inodes : &fsi->used_blocks;
	unsigned long max = inode ? fsi->max_inodes : fsi->max_blocks;
	bool ok = true;

	spin_lock(&fsi->stat_lock);
	if (max && *used + nr > max)
		ok = false;
	else
		*used += nr;
	spin_unlock(&fsi->stat_lock);
	return ok;
}

/* ramfs_uncharge - give back what ramfs_charge took. */
static void ramfs_uncharge(struct super_block *sb, bool inode, long nr)
{
	struct ramfs_fs_info *fsi = RAMFS_SB(sb);

	spin_lock(&fsi->stat_lock);
	if (inode)
		fsi->used_inodes -= nr;
	else
		fsi->used_blocks -= nr;
	spin_unlock(&fsi->stat_lock);
}

/*
 * ramfs_charge_blocks - @nr more pages for @inode: committed memory
 * first, for a tmpfs file committed page by page (shmem_acct_blocks),
 * then the size limit. true, or false (nothing taken) when either
 * refuses: the caller's -ENOSPC, as Linux's shmem_inode_acct_block.
 */
static bool ramfs_charge_blocks(struct inode *inode, long nr)
{
	if (!shmem_acct_blocks(inode, nr))
		return false;
	if (ramfs_charge(inode->i_sb, false, nr))
		return true;
	shmem_unacct_blocks(inode, nr);
	return false;
}

/* ramfs_uncharge_blocks - @inode gave back @nr pages. */
static void ramfs_uncharge_blocks(struct inode *inode, long nr)
{
	ramfs_uncharge(inode->i_sb, false, nr);
	shmem_unacct_blocks(inode, nr);
}

/*
 * ramfs_dir_resize - @dir gained (@entries > 0) or lost names: a tmpfs
 * directory's size is BOGO_DIRENT_SIZE a name, as Linux's shmem shows it
 * (ls -ld reads it); ramfs's stays 0, as Linux's ramfs. Under @dir's
 * i_rwsem, as every directory operation is.
 */
static void ramfs_dir_resize(struct inode *dir, int entries)
{
	if (RAMFS_SB(dir->i_sb)->dir_sizes)
		dir->i_size += (loff_t)entries * BOGO_DIRENT_SIZE;
}

/*
 * ramfs_get_inode - a new inode of @mode in @dir (NULL for the root) on
 * @sb, with the operations of its type. Returns it, or ERR_PTR: -ENOSPC
 * past nr_inodes, -ENOMEM.
 */
struct inode *ramfs_get_inode(struct super_block *sb, const struct inode *dir,
			      umode_t mode, dev_t dev)
{
	struct inode *inode;

	if (!ramfs_charge(sb, true, 1))
		return ERR_PTR(-ENOSPC);
	inode = new_inode(sb);
	if (!inode) {
		ramfs_uncharge(sb, true, 1);
		return ERR_PTR(-ENOMEM);
	}
	inode->i_ino = get_next_ino();
	inode_init_owner(inode, dir, mode);
	inode->i_mapping->a_ops = &ramfs_aops;
	switch (mode & S_IFMT) {
	case S_IFREG:
		inode->i_op = &ramfs_file_inode_operations;
		inode->i_fop = &ramfs_file_operations;
		break;
	case S_IFDIR:
		inode->i_op = &ramfs_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		inc_nlink(inode);	/* "." */
		ramfs_dir_resize(inode, 2);	/* "." and ".." */
		break;
	case S_IFLNK:
		inode->i_op = &simple_symlink_inode_operations;
		break;
	default:
		inode->i_op = &ramfs_file_inode_operations;
		init_special_inode(inode, inode->i_mode, dev);
	}
	return inode;
}

/* ramfs_mknod - a new inode of @mode named @dentry in @dir (pinned). */
static int ramfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode,
		       dev_t dev)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, dir, mode, dev);

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	d_add(dentry, inode);
	dget(dentry);		/* the pin */
	dir->i_mtime = dir->i_ctime = current_time(dir);
	ramfs_dir_resize(dir, 1);
	return 0;
}

/* ramfs_mkdir - a new directory: its ".." is one more link of @dir. */
static int ramfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = ramfs_mknod(dir, dentry, mode | S_IFDIR, 0);

	if (!err)
		inc_nlink(dir);		/* the new ".." */
	return err;
}

/* ramfs_create - a new, empty regular file. */
static int ramfs_create(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	return ramfs_mknod(dir, dentry, mode | S_IFREG, 0);
}

/* ramfs_symlink - a symlink @dentry in @dir to @target (copied). */
static int ramfs_symlink(struct inode *dir, struct dentry *dentry,
			 const char *target)
{
	size_t len = strlen(target);
	struct inode *inode;
	char *link = kmalloc(len + 1, GFP_KERNEL);

	if (!link)
		return -ENOMEM;
	memcpy(link, target, len + 1);
	inode = ramfs_get_inode(dir->i_sb, dir, S_IFLNK | 0777, 0);
	if (IS_ERR(inode)) {
		kfree(link);
		return PTR_ERR(inode);
	}
	inode->i_link = link;
	inode->i_size = len;
	d_add(dentry, inode);
	dget(dentry);		/* the pin */
	dir->i_mtime = dir->i_ctime = current_time(dir);
	ramfs_dir_resize(dir, 1);
	return 0;
}

/* ramfs_link - simple_link: one more name in @dir. */
static int ramfs_link(struct dentry *old, struct inode *dir, struct dentry *dentry)
{
	int err = simple_link(old, dir, dentry);

	if (!err)
		ramfs_dir_resize(dir, 1);
	return err;
}

/* ramfs_unlink - simple_unlink: one name fewer in @dir. */
static int ramfs_unlink(struct inode *dir, struct dentry *dentry)
{
	int err = simple_unlink(dir, dentry);

	if (!err)
		ramfs_dir_resize(dir, -1);
	return err;
}

/* ramfs_rmdir - simple_rmdir: one name fewer in @dir. */
static int ramfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	int err = simple_rmdir(dir, dentry);

	if (!err)
		ramfs_dir_resize(dir, -1);
	return err;
}

/*
 * ramfs_rename - simple_rename; a move takes a name from @old_dir to
 * @new_dir, and one it replaces goes (an exchange changes no count).
 */
static int ramfs_rename(struct inode *old_dir, struct dentry *old_dentry,
			struct inode *new_dir, struct dentry *new_dentry,
			unsigned int flags)
{
	bool replaces = new_dentry->d_inode != NULL;
	int err = simple_rename(old_dir, old_dentry, new_dir, new_dentry, flags);

	if (err || (flags & RENAME_EXCHANGE))
		return err;
	ramfs_dir_resize(old_dir, -1);
	ramfs_dir_resize(new_dir, replaces ? 0 : 1);
	return 0;
}

/*
 * ramfs_tmpfile - O_TMPFILE: a regular file with no name and no link,
 * opened as @file (its f_path.dentry is a nameless dentry made by the
 * caller); it goes when the last holder closes it, unless linkat names it.
 */
static int ramfs_tmpfile(struct inode *dir, struct file *file, umode_t mode)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, dir, mode | S_IFREG, 0);

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	clear_nlink(inode);
	d_instantiate(file->f_path.dentry, inode);
	return 0;
}

/* ramfs_blocks_freed - @inode's pages were dropped (a truncate, a hole
 * punched) since it had @before blocks: give what went back to the
 * super block's count and the committed memory. Precondition: i_rwsem held for writing. */
void ramfs_blocks_freed(struct inode *inode, u64 before)
{
	if (inode->i_blocks < before)
		ramfs_uncharge_blocks(inode, (before - inode->i_blocks) / (PAGE_SIZE / 512));
}

/*
 * ramfs_setattr - simple_setattr, and the blocks a shrinking truncate
 * frees go back to the super block's count. A size change of a sealed
 * tmpfs file is -EPERM after setattr_prepare()'s own checks, as
 * Linux's shmem_setattr.
 */
static int ramfs_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	u64 before = inode->i_blocks;
	int err;

	if (attr->ia_valid & ATTR_SIZE) {
		err = setattr_prepare(dentry, attr);
		if (!err)
			err = shmem_size_seals_check(inode, attr->ia_size);
		if (err)
			return err;
	}
	err = simple_setattr(dentry, attr);

	ramfs_blocks_freed(inode, before);
	return err;
}

/* ramfs_evict_inode - an inode goes: its pages and itself are no longer
 * counted against the limits. */
void ramfs_evict_inode(struct inode *inode)
{
	ramfs_uncharge_blocks(inode, inode->i_blocks / (PAGE_SIZE / 512));
	shmem_unacct_size(inode);
	ramfs_uncharge(inode->i_sb, true, 1);
}

/*
 * ramfs_write_begin - the page-cache page at @pos, a new zeroed one if
 * missing, charged against the size limit. 0, -ENOSPC (the limit; what
 * was written before stays) or -ENOMEM.
 */
static int ramfs_write_begin(struct file *file, struct address_space *mapping,
			     loff_t pos, unsigned int len, struct page **pagep)
{
	unsigned long index = pos >> PAGE_SHIFT;
	struct page *page = find_get_page(mapping, index);
	int err;

	if (page)
		goto found;
	if (!ramfs_charge_blocks(mapping->host, 1))
		return -ENOSPC;
	page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	err = -ENOMEM;
	if (!page)
		goto uncharge;
	err = add_to_page_cache(page, mapping, index);
	if (err)
		goto put;
found:
	*pagep = page;
	return 0;
put:
	put_page(page);
uncharge:
	ramfs_uncharge_blocks(mapping->host, 1);
	return err;
}

const struct address_space_operations ramfs_aops = {
	.write_begin = ramfs_write_begin,
};

/* A regular file is its page cache: reads, writes and mappings go to
 * mm's page-cache code. */
const struct file_operations ramfs_file_operations = {
	.read = filemap_read,
	.write = generic_file_write,
	.mmap = generic_file_mmap,
	.seekable = true,
};

static const struct inode_operations ramfs_file_inode_operations = {
	.setattr = ramfs_setattr,
};

static const struct inode_operations ramfs_dir_inode_operations = {
	.create = ramfs_create,
	.lookup = simple_lookup,
	.link = ramfs_link,
	.unlink = ramfs_unlink,
	.symlink = ramfs_symlink,
	.mkdir = ramfs_mkdir,
	.rmdir = ramfs_rmdir,
	.mknod = ramfs_mknod,
	.rename = ramfs_rename,
	.tmpfile = ramfs_tmpfile,
	.setattr = ramfs_setattr,
};

/* ramfs_statfs - simple_statfs, plus the limits when there are some. */
int ramfs_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	struct ramfs_fs_info *fsi = RAMFS_SB(dentry->d_sb);

	simple_statfs(dentry, buf);
	spin_lock(&fsi->stat_lock);
	if (fsi->max_blocks) {
		buf->f_blocks = fsi->max_blocks;
		buf->f_bavail = buf->f_bfree = fsi->max_blocks - fsi->used_blocks;
	}
	if (fsi->max_inodes) {
		buf->f_files = fsi->max_inodes;
		buf->f_ffree = fsi->max_inodes - fsi->used_inodes;
	}
	spin_unlock(&fsi->stat_lock);
	return 0;
}

/* ramfs_put_super - the super block goes, after its last inode. */
void ramfs_put_super(struct super_block *sb)
{
	struct ramfs_fs_info *fsi = RAMFS_SB(sb);

	WARN_ON(fsi->used_inodes || fsi->used_blocks);
	kfree(fsi);
	sb->s_fs_info = NULL;
}

/* ramfs_show_options - ramfs's one option, as Linux prints it: mode=
 * (octal) when the root's is not 0755. Returns 0. */
static int ramfs_show_options(struct seq_buf *s, struct dentry *root)
{
	struct ramfs_fs_info *fsi = RAMFS_SB(root->d_sb);

	if (fsi->mode != 0755)
		seq_printf(s, ",mode=%o", fsi->mode);
	return 0;
}

static const struct super_operations ramfs_ops = {
	.evict_inode = ramfs_evict_inode,
	.statfs = ramfs_statfs,
	.put_super = ramfs_put_super,
	.show_options = ramfs_show_options,
};

/* ramfs_parse_options - ramfs knows only mode= (octal; -EINVAL if it is
 * not a number); as Linux's, it ignores every other option. */
static int ramfs_parse_options(char *data, struct ramfs_fs_info *fsi)
{
	unsigned int mode;
	char *opt;

	while (data && (opt = strsep(&data, ","))) {
		if (strncmp(opt, "mode=", 5))
			continue;
		if (kstrtouint(opt + 5, 8, &mode))
			return -EINVAL;
		fsi->mode = mode & S_IALLUGO;
	}
	return 0;
}

/*
 * ramfs_fill_super_info - give @sb the super block operations @ops
 * (ramfs's or tmpfs's), @fsi (which it now owns), @magic, and a root
 * directory of fsi->mode. 0, or -ENOMEM / -ENOSPC.
 */
int ramfs_fill_super_info(struct super_block *sb, struct ramfs_fs_info *fsi,
			  unsigned long magic, const struct super_operations *ops)
{
	struct inode *inode;

	spin_lock_init(&fsi->stat_lock);
	sb->s_fs_info = fsi;
	sb->s_magic = magic;
	sb->s_op = ops;
	inode = ramfs_get_inode(sb, NULL, S_IFDIR | fsi->mode, 0);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	inode->i_uid = fsi->uid;
	inode->i_gid = fsi->gid;
	sb->s_root = d_make_root(inode);
	return sb->s_root ? 0 : -ENOMEM;
}

/* ramfs_fill_super - a ramfs instance: no limits, mode= for its root. */
static int ramfs_fill_super(struct super_block *sb, void *data)
{
	struct ramfs_fs_info *fsi = kzalloc(sizeof(*fsi), GFP_KERNEL);

	if (!fsi)
		return -ENOMEM;
	fsi->mode = 0755;
	if (ramfs_parse_options(data, fsi)) {
		kfree(fsi);
		return -EINVAL;
	}
	return ramfs_fill_super_info(sb, fsi, RAMFS_MAGIC, &ramfs_ops);
}

/* ramfs_mount - a new ramfs instance each time. */
static struct super_block *ramfs_mount(struct file_system_type *fs_type,
				       int flags, const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, ramfs_fill_super);
}

/* ramfs_kill_sb - kill_litter_super; put_super frees s_fs_info (if
 * fill_super failed before setting it, there is nothing to free). */
static void ramfs_kill_sb(struct super_block *sb)
{
	if (!sb->s_op)
		return;
	kill_litter_super(sb);
}

static struct file_system_type ramfs_fs_type = {
	.name = "ramfs",
	.mount = ramfs_mount,
	.kill_sb = ramfs_kill_sb,
};

/*
 * rootfs_mount - the root of the mount tree, where the initramfs is
 * unpacked: a tmpfs, as Linux's rootfs is when it has tmpfs and no
 * root= (init/do_mounts.c), so its root is 1777, its directories have
 * tmpfs's sizes and it may fill half of RAM; /proc/mounts names its
 * type "rootfs".
 */
static struct super_block *rootfs_mount(struct file_system_type *fs_type,
					int flags, const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, shmem_fill_super);
}

static struct file_system_type rootfs_fs_type = {
	.name = "rootfs",
	.mount = rootfs_mount,
	.kill_sb = ramfs_kill_sb,
};

/* init_rootfs - register ramfs and rootfs (called once, by mnt_init),
 * and tmpfs and devtmpfs, which are ramfs too. */
void init_rootfs(void)
{
	register_filesystem(&ramfs_fs_type);
	register_filesystem(&rootfs_fs_type);
	init_tmpfs();
}
