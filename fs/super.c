// SPDX-License-Identifier: GPL-2.0
/*
 * File system types and super blocks. A type is registered once and
 * never goes. A super block is made by its type's ->mount (for the
 * in-memory file systems: mount_nodev, a new one each time), lives
 * while it is mounted (s_active) and is killed by the last
 * deactivate_super(): kill_sb drops its tree.
 */
#include <linux/kernel.h>
#include <linux/dcache.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/path.h>
#include <linux/mount.h>
#include <linux/proc_fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/fdtable.h>
#include <linux/namei.h>

/* file_systems_lock: the list of types (file_systems, ->next). */
static DEFINE_SPINLOCK(file_systems_lock);
static struct file_system_type *file_systems;
/* sb_lock: the list of super blocks and the anonymous device numbers. */
static DEFINE_SPINLOCK(sb_lock);
static LIST_HEAD(super_blocks);
static unsigned int last_anon_minor;

/* register_filesystem - make @fs mountable by its name. 0, or -EBUSY if
 * the name is taken. */
int register_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p;
	int err = 0;

	spin_lock(&file_systems_lock);
	for (p = &file_systems; *p; p = &(*p)->next)
		if (!strcmp((*p)->name, fs->name)) {
			err = -EBUSY;
			break;
		}
	if (!err) {
		fs->next = NULL;
		*p = fs;
	}
	spin_unlock(&file_systems_lock);
	return err;
}

/* get_fs_type - the registered type named @name, or NULL. */
struct file_system_type *get_fs_type(const char *name)
{
	struct file_system_type *fs;

	spin_lock(&file_systems_lock);
	for (fs = file_systems; fs; fs = fs->next)
		if (!strcmp(fs->name, name))
			break;
	spin_unlock(&file_systems_lock);
	return fs;
}

/* sget_nodev - a new super block of @type with no device: an anonymous
 * dev_t (major 0), one active reference. NULL if out of memory. */
struct super_block *sget_nodev(struct file_system_type *type, int flags)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);

	if (!sb)
		return NULL;
	sb->s_type = type;
	sb->s_flags = flags;
	atomic_set(&sb->s_active, 1);
	init_rwsem(&sb->s_vfs_rename_mutex);
	spin_lock(&sb_lock);
	sb->s_dev = MKDEV(0, ++last_anon_minor);
	list_add_tail(&sb->s_list, &super_blocks);
	spin_unlock(&sb_lock);
	return sb;
}

/* free_super - the super block's memory, after kill_sb. */
static void free_super(struct super_block *sb)
{
	spin_lock(&sb_lock);
	list_del(&sb->s_list);
	spin_unlock(&sb_lock);
	kfree(sb);
}

/*
 * mount_nodev - the ->mount of a file system without a device: a new
 * super block, filled by @fill_super (which sets s_op, s_root, ...).
 * Returns it or ERR_PTR (what fill_super returned, or -ENOMEM).
 */
struct super_block *mount_nodev(struct file_system_type *type, int flags,
				void *data,
				int (*fill_super)(struct super_block *, void *))
{
	struct super_block *sb = sget_nodev(type, flags);
	int err;

	if (!sb)
		return ERR_PTR(-ENOMEM);
	err = fill_super(sb, data);
	if (err) {
		type->kill_sb(sb);
		free_super(sb);
		return ERR_PTR(err);
	}
	return sb;
}

/* deactivate_super - drop an active reference; the last kills @sb. */
void deactivate_super(struct super_block *sb)
{
	if (!atomic_dec_and_test(&sb->s_active))
		return;
	sb->s_type->kill_sb(sb);
	free_super(sb);
}

/*
 * kill_litter_super - the kill_sb of in-memory file systems: every name
 * is removed (what is still open lives on until closed), the root is
 * dropped, and the file system frees its own data (put_super).
 * s_fs_info must stay until the last inode is evicted, so put_super
 * frees it only then (the inodes count themselves: see ramfs).
 */
void kill_litter_super(struct super_block *sb)
{
	if (sb->s_root) {
		d_genocide(sb->s_root);
		dput(sb->s_root);
		sb->s_root = NULL;
	}
	if (sb->s_op && sb->s_op->put_super)
		sb->s_op->put_super(sb);
}

/* vfs_statfs - statfs(2) of the file system @path is on: its ->statfs,
 * and the mount's flags (ST_RDONLY ...). */
int vfs_statfs(const struct path *path, struct kstatfs *buf)
{
	struct super_block *sb = path->dentry->d_sb;
	int mf = path->mnt->mnt_flags, err;

	memset(buf, 0, sizeof(*buf));
	if (!sb->s_op->statfs)
		return -ENOSYS;
	err = sb->s_op->statfs(path->dentry, buf);
	if (err)
		return err;
	buf->f_flags = 0x20;	/* ST_VALID */
	if (__mnt_is_readonly(path->mnt))
		buf->f_flags |= 1;	/* ST_RDONLY */
	if (mf & MNT_NOSUID)
		buf->f_flags |= 2;
	if (mf & MNT_NODEV)
		buf->f_flags |= 4;
	if (mf & MNT_NOEXEC)
		buf->f_flags |= 8;
	if (!buf->f_frsize)
		buf->f_frsize = buf->f_bsize;
	return 0;
}

/* struct statfs of x86-64 */
struct statfs {
	long f_type, f_bsize;
	unsigned long f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int f_fsid[2];
	long f_namelen, f_frsize, f_flags, f_spare[4];
};

/* do_statfs_native - @st into the user's struct statfs. */
static int do_statfs_native(const struct kstatfs *st, struct statfs __user *ubuf)
{
	struct statfs buf = {
		.f_type = st->f_type, .f_bsize = st->f_bsize,
		.f_blocks = st->f_blocks, .f_bfree = st->f_bfree,
		.f_bavail = st->f_bavail, .f_files = st->f_files,
		.f_ffree = st->f_ffree, .f_namelen = st->f_namelen,
		.f_frsize = st->f_frsize, .f_flags = st->f_flags,
	};

	memcpy(buf.f_fsid, st->f_fsid, sizeof(buf.f_fsid));
	return copy_to_user(ubuf, &buf, sizeof(buf)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(statfs, const char __user *, pathname, struct statfs __user *, buf)
{
	struct kstatfs st;
	struct path path;
	int err = user_path_at(AT_FDCWD, pathname, LOOKUP_FOLLOW, &path);

	if (err)
		return err;
	err = vfs_statfs(&path, &st);
	path_put(&path);
	return err ? err : do_statfs_native(&st, buf);
}

SYSCALL_DEFINE2(fstatfs, unsigned int, fd, struct statfs __user *, buf)
{
	struct file *f = fget_raw(fd);
	struct kstatfs st;
	int err;

	if (!f)
		return -EBADF;
	err = f->f_path.dentry ? vfs_statfs(&f->f_path, &st) : -ENOSYS;
	fput(f);
	return err ? err : do_statfs_native(&st, buf);
}

/*
 * proc_show_filesystems - /proc/filesystems: "nodev\tNAME" or
 * "\tNAME" a type. Types are never unregistered, so the list is walked
 * a link at a time under the lock and printed (allocating) outside it.
 */
void proc_show_filesystems(struct seq_buf *s)
{
	struct file_system_type *fs;

	spin_lock(&file_systems_lock);
	fs = file_systems;
	spin_unlock(&file_systems_lock);
	while (fs) {
		seq_printf(s, "%s\t%s\n", (fs->fs_flags & FS_REQUIRES_DEV) ? "" : "nodev",
			   fs->name);
		spin_lock(&file_systems_lock);
		fs = fs->next;
		spin_unlock(&file_systems_lock);
	}
}
