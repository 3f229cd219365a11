// SPDX-License-Identifier: GPL-2.0
/*
 * What in-memory file systems share (Linux's fs/libfs.c): their names
 * are all in the dcache, pinned by a reference of their own, so lookup
 * finds nothing new, unlink unpins, and readdir walks the children.
 * Every directory operation here runs with the directory's i_rwsem held
 * for writing (readdir: held shared).
 */
#include <linux/kernel.h>
#include <linux/dcache.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/readdir.h>

/* simple_lookup - nothing is outside the dcache: the name is absent
 * (or too long). */
struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry)
{
	if (dentry->d_name.len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	return NULL;
}

/* dir_touch - a directory's entries changed now. */
static void dir_touch(struct inode *dir)
{
	dir->i_mtime = dir->i_ctime = current_time(dir);
}

/* simple_link - one more name, @dentry in @dir, for @old's inode. */
int simple_link(struct dentry *old, struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = old->d_inode;

	inode->i_ctime = current_time(inode);
	dir_touch(dir);
	inc_nlink(inode);
	igrab(inode);
	d_add(dentry, inode);
	dget(dentry);		/* the pin */
	return 0;
}

/* simple_empty - has directory @dentry no children? (Its i_rwsem or
 * its parent's held.) */
bool simple_empty(struct dentry *dentry)
{
	return list_empty(&dentry->d_subdirs);
}

/* simple_unlink - remove the name @dentry from @dir; the inode loses a
 * link and the dentry its pin. */
int simple_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	inode->i_ctime = current_time(inode);
	dir_touch(dir);
	drop_nlink(inode);
	d_delete(dentry);
	dput(dentry);		/* the pin */
	return 0;
}

/* simple_rmdir - remove empty directory @dentry: -ENOTEMPTY unless it
 * is. Its "." link and its ".." link in @dir go too. */
int simple_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!simple_empty(dentry))
		return -ENOTEMPTY;
	drop_nlink(dentry->d_inode);
	simple_unlink(dir, dentry);
	drop_nlink(dir);
	return 0;
}

/* simple_rename_exchange - RENAME_EXCHANGE: swap two names; a directory
 * moving to another parent moves its ".." link with it. */
static int simple_rename_exchange(struct inode *old_dir, struct dentry *old_dentry,
				  struct inode *new_dir, struct dentry *new_dentry)
{
	bool old_is_dir = S_ISDIR(old_dentry->d_inode->i_mode);
	bool new_is_dir = S_ISDIR(new_dentry->d_inode->i_mode);

	if (old_dir != new_dir && old_is_dir != new_is_dir) {
		if (old_is_dir) {
			drop_nlink(old_dir);
			inc_nlink(new_dir);
		} else {
			drop_nlink(new_dir);
			inc_nlink(old_dir);
		}
	}
	d_exchange(old_dentry, new_dentry);
	dir_touch(old_dir);
	dir_touch(new_dir);
	old_dentry->d_inode->i_ctime = new_dentry->d_inode->i_ctime =
		current_time(old_dir);
	return 0;
}

/*
 * simple_rename - rename(2) inside one in-memory file system: a target
 * that exists is unlinked first (an empty directory only: -ENOTEMPTY),
 * and a directory's ".." link moves to its new parent. The VFS has
 * checked the types (vfs_rename); only NOREPLACE and EXCHANGE exist.
 */
int simple_rename(struct inode *old_dir, struct dentry *old_dentry,
		  struct inode *new_dir, struct dentry *new_dentry,
		  unsigned int flags)
{
	struct inode *inode = old_dentry->d_inode;
	bool is_dir = S_ISDIR(inode->i_mode);

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE))
		return -EINVAL;
	if (flags & RENAME_EXCHANGE)
		return simple_rename_exchange(old_dir, old_dentry, new_dir, new_dentry);
	if (new_dentry->d_inode && S_ISDIR(new_dentry->d_inode->i_mode) &&
	    !simple_empty(new_dentry))
		return -ENOTEMPTY;
	if (new_dentry->d_inode) {
		struct inode *victim = new_dentry->d_inode;

		simple_unlink(new_dir, new_dentry);
		if (is_dir) {
			drop_nlink(victim);
			drop_nlink(old_dir);
		}
	} else if (is_dir) {
		drop_nlink(old_dir);
		inc_nlink(new_dir);
	}
	d_move(old_dentry, new_dentry);
	dir_touch(old_dir);
	dir_touch(new_dir);
	inode->i_ctime = current_time(inode);
	return 0;
}

/* simple_statfs - what every in-memory file system reports: its magic,
 * page-sized blocks, no limits (a file system with limits adds them). */
int simple_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	buf->f_type = dentry->d_sb->s_magic;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	return 0;
}

/* simple_get_link - a symlink's target, kept in i_link. */
const char *simple_get_link(struct dentry *dentry, struct inode *inode)
{
	return inode->i_link;
}

const struct inode_operations simple_symlink_inode_operations = {
	.get_link = simple_get_link,
};

/* dt_type - getdents' d_type of @inode: the S_IFMT bits shifted down. */
static unsigned char dt_type(const struct inode *inode)
{
	return (inode->i_mode >> 12) & 15;
}

/*
 * dcache_readdir - getdents of an in-memory directory: "." at position
 * 0, ".." at 1, then the children in order, each at its d_offset (the
 * position after it is d_offset + 1, so an entry removed meanwhile moves
 * no other). Precondition: the directory's i_rwsem held (shared).
 * Returns 0.
 */
int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dir = file->f_path.dentry, *c;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, dir->d_inode->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		/* a rename of the directory may change its parent: read
		 * it under rename_lock */
		unsigned long ino;

		spin_lock(&rename_lock);
		ino = dir->d_parent->d_inode->i_ino;
		spin_unlock(&rename_lock);
		if (!dir_emit(ctx, "..", 2, ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	list_for_each_entry(c, &dir->d_subdirs, d_child) {
		if (c->d_offset < ctx->pos)
			continue;
		ctx->pos = c->d_offset;
		if (!dir_emit(ctx, c->d_name.name, c->d_name.len,
			      c->d_inode->i_ino, dt_type(c->d_inode)))
			return 0;
		ctx->pos = c->d_offset + 1;
	}
	return 0;
}

/* generic_read_dir - read(2) of a directory: -EISDIR. */
ssize_t generic_read_dir(struct file *f, char __user *ubuf, size_t len,
			 loff_t *pos)
{
	return -EISDIR;
}

const struct file_operations simple_dir_operations = {
	.read = generic_read_dir,
	.iterate_shared = dcache_readdir,
	.seekable = true,
};
