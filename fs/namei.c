// SPDX-License-Identifier: GPL-2.0
/*
 * The path walk (Documentation/filesystems/vfs.md, "The path walk"), and
 * the VFS calls built on it: open's last step, permission, and the
 * directory syscalls (mknod, mkdir, rmdir, unlink, symlink, link,
 * rename and their *at forms).
 *
 * A walk starts at the task's root (absolute names), its working
 * directory (AT_FDCWD) or a directory fd, and goes one component at a
 * time, holding a reference on the path it is at (nd->path) and on the
 * task's root. "." stays, ".." goes to the parent but never above the
 * root, and crosses a mount point upwards; a name that is a mount point
 * is crossed downwards. Symlinks are walked recursively, 40 at most in
 * all (-ELOOP). Each lookup holds the directory's i_rwsem shared; a
 * directory operation holds its parent's for writing.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/dcache.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include "mount.h"

enum { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT };

struct nameidata {
	struct path path;	/* where the walk is (held) */
	struct path root;	/* the task's root (held) */
	struct qstr last;	/* the last component link_path_walk saw */
	int last_type;
	bool last_slash;	/* ... and it had a slash after it */
	int total_link_count;	/* symlinks followed so far */
};

/* getname - copy a user path into @buf (PATH_MAX): 0 or -errno
 * (-ENOENT for "", -ENAMETOOLONG without a NUL in PATH_MAX bytes). */
int getname(const char __user *upath, char *buf)
{
	long n = strncpy_from_user(buf, upath, PATH_MAX);

	if (n < 0)
		return n;
	if (n == PATH_MAX)
		return -ENAMETOOLONG;
	return n ? 0 : -ENOENT;
}

/* getname_flags - a user path in a new kmalloc'ed buffer (the caller
 * kfree()s it); "" is allowed with LOOKUP_EMPTY. ERR_PTR on error. */
char *getname_flags(const char __user *upath, unsigned int flags)
{
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL);
	int err;

	if (!buf)
		return ERR_PTR(-ENOMEM);
	err = getname(upath, buf);
	if (err == -ENOENT && (flags & LOOKUP_EMPTY))
		err = 0;
	if (err) {
		kfree(buf);
		return ERR_PTR(err);
	}
	return buf;
}

/*
 * acl_permission_check - the mode bits' answer for @mask (MAY_READ,
 * MAY_WRITE, MAY_EXEC, which are the r, w, x bits): the owner's bits if
 * the caller's fsuid owns @inode, else the group's if it is in the
 * inode's group (fsgid or a supplementary one), else the others'.
 * 0 or -EACCES.
 */
static int acl_permission_check(struct inode *inode, int mask)
{
	unsigned int mode = inode->i_mode;

	if (uid_eq(current_fsuid(), inode->i_uid))
		mode >>= 6;
	else if (in_group_p(inode->i_gid))
		mode >>= 3;
	return (mask & ~mode & (MAY_READ | MAY_WRITE | MAY_EXEC)) ? -EACCES : 0;
}

/*
 * generic_permission - Linux's rule: the mode bits, then the overrides.
 * CAP_DAC_READ_SEARCH reads anything and searches any directory;
 * CAP_DAC_OVERRIDE reads and writes anything, searches any directory,
 * and executes a file with at least one x bit. 0 or -EACCES.
 */
static int generic_permission(struct inode *inode, int mask)
{
	if (!acl_permission_check(inode, mask))
		return 0;
	if (S_ISDIR(inode->i_mode)) {
		if (!(mask & MAY_WRITE) && capable(CAP_DAC_READ_SEARCH))
			return 0;
		return capable(CAP_DAC_OVERRIDE) ? 0 : -EACCES;
	}
	mask &= MAY_READ | MAY_WRITE | MAY_EXEC;
	if (mask == MAY_READ && capable(CAP_DAC_READ_SEARCH))
		return 0;
	if ((!(mask & MAY_EXEC) || (inode->i_mode & 0111)) && capable(CAP_DAC_OVERRIDE))
		return 0;
	return -EACCES;
}

/*
 * inode_permission - may the caller access @inode for @mask (MAY_READ,
 * MAY_WRITE, MAY_EXEC)? The one place this is decided. Writing a
 * regular file, directory or symlink of a read-only file system is
 * -EROFS; otherwise generic_permission() by the caller's fsuid, fsgid,
 * groups and capabilities (<linux/cred.h>). 0, -EROFS or -EACCES.
 */
int inode_permission(struct inode *inode, int mask)
{
	umode_t mode = inode->i_mode;

	if ((mask & MAY_WRITE) && inode->i_sb && (inode->i_sb->s_flags & SB_RDONLY) &&
	    (S_ISREG(mode) || S_ISDIR(mode) || S_ISLNK(mode)))
		return -EROFS;
	return generic_permission(inode, mask);
}

/* IS_DEADDIR - a directory that was removed: nothing can be created in
 * it or looked up (its own i_rwsem or its parent's held). */
static bool IS_DEADDIR(const struct inode *dir)
{
	return S_ISDIR(dir->i_mode) && dir->i_nlink == 0;
}

/*
 * path_init - where a walk of @name starts: the root for "/...", else
 * the working directory (AT_FDCWD) or directory fd @dfd (-EBADF,
 * -ENOTDIR unless it is a directory, or "" with LOOKUP_EMPTY names it).
 */
static int path_init(struct nameidata *nd, int dfd, const char *name,
		     unsigned int flags)
{
	struct file *f;

	nd->total_link_count = 0;
	get_fs_root(current->fs, &nd->root);
	if (*name == '/') {
		nd->path = nd->root;
		path_get(&nd->path);
		return 0;
	}
	if (dfd == AT_FDCWD) {
		get_fs_pwd(current->fs, &nd->path);
		return 0;
	}
	f = fget_raw(dfd);
	if (!f)
		goto put_root_badf;
	if (!f->f_path.dentry ||
	    (*name && !S_ISDIR(f->f_path.dentry->d_inode->i_mode))) {
		fput(f);
		path_put(&nd->root);
		return -ENOTDIR;
	}
	nd->path = f->f_path;
	path_get(&nd->path);
	fput(f);
	return 0;
put_root_badf:
	path_put(&nd->root);
	return -EBADF;
}

/* terminate_walk - drop what the walk holds. */
static void terminate_walk(struct nameidata *nd)
{
	path_put(&nd->path);
	path_put(&nd->root);
}

/* set_path - move the walk to @path (whose reference moves in). */
static void set_path(struct nameidata *nd, struct path *path)
{
	path_put(&nd->path);
	nd->path = *path;
}

/*
 * lookup_slow - a name the dcache does not have: the file system's
 * ->lookup is asked with a new negative dentry (for ramfs and tmpfs,
 * whose every name is in the dcache, it answers absent or too long).
 * Returns the dentry it found (referenced), NULL if absent, or ERR_PTR.
 * Precondition: the directory's i_rwsem held (shared is enough).
 */
static struct dentry *lookup_slow(struct dentry *parent, const struct qstr *name)
{
	struct inode *dir = parent->d_inode;
	struct dentry *d, *found;

	if (!dir->i_op->lookup)
		return NULL;
	d = d_alloc(parent, name);
	if (!d)
		return ERR_PTR(-ENOMEM);
	found = dir->i_op->lookup(dir, d);
	dput(d);
	return found;
}

/*
 * lookup_dcache - the child @name of directory @parent, with a
 * reference; NULL if there is none; ERR_PTR(-ENAMETOOLONG) or
 * ERR_PTR(-ENOENT) for a removed directory. Takes the directory's
 * i_rwsem shared.
 */
static struct dentry *lookup_dcache(struct dentry *parent, const struct qstr *name)
{
	struct inode *dir = parent->d_inode;
	struct dentry *d;

	if (name->len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	inode_lock_shared(dir);
	d = IS_DEADDIR(dir) ? ERR_PTR(-ENOENT) : d_lookup(parent, name);
	if (!d)
		d = lookup_slow(parent, name);
	inode_unlock_shared(dir);
	return d;
}

/* lookup_dcache_locked - the child @name of @parent, whose i_rwsem the
 * caller holds: ERR_PTR(-ENOENT) if absent or the directory was
 * removed, -ENAMETOOLONG. */
static struct dentry *lookup_dcache_locked(struct dentry *parent,
					   const struct qstr *name)
{
	struct dentry *d;

	if (name->len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	if (IS_DEADDIR(parent->d_inode))
		return ERR_PTR(-ENOENT);
	d = d_lookup(parent, name);
	if (!d)
		d = lookup_slow(parent, name);
	return d ? d : ERR_PTR(-ENOENT);
}

/* follow_dotdot - "..": the parent, never above the task's root; at the
 * root of a mount, the parent of where it is mounted. */
static void follow_dotdot(struct nameidata *nd)
{
	for (;;) {
		if (path_equal(&nd->path, &nd->root))
			break;
		if (nd->path.dentry != nd->path.mnt->mnt_root) {
			struct dentry *parent = dget_parent(nd->path.dentry);

			dput(nd->path.dentry);
			nd->path.dentry = parent;
			break;
		}
		if (!follow_up(&nd->path))
			break;
	}
	follow_mount(&nd->path);
}

static int link_path_walk(const char *name, struct nameidata *nd);
static int walk_component(struct nameidata *nd, bool follow);

/*
 * pick_link - follow the symlink @link (held; dropped here) found in the
 * directory the walk is at: its target is walked from there (or from
 * the root if absolute), last component followed too. -ELOOP past 40
 * links, -ENOENT for an empty target.
 */
static int pick_link(struct nameidata *nd, struct path *link)
{
	struct inode *inode = link->dentry->d_inode;
	const char *body;
	int err;

	if (nd->total_link_count++ >= MAXSYMLINKS) {
		path_put(link);
		return -ELOOP;
	}
	body = inode->i_op->get_link(link->dentry, inode);
	if (!*body) {
		path_put(link);
		return -ENOENT;
	}
	/* the body stays valid while we hold the link: i_link never changes */
	err = link_path_walk(body, nd);
	if (!err)
		err = walk_component(nd, true);
	if (!err && nd->last_slash && !S_ISDIR(nd->path.dentry->d_inode->i_mode))
		err = -ENOTDIR;
	path_put(link);
	return err;
}

/*
 * walk_component - step the walk into nd->last (of nd->last_type),
 * crossing a mount point, and following a symlink if @follow. Returns
 * 0, -ENOENT, -ENAMETOOLONG, -ELOOP, ...
 */
static int walk_component(struct nameidata *nd, bool follow)
{
	struct path path;
	struct dentry *d;

	if (nd->last_type == LAST_DOT || nd->last_type == LAST_ROOT)
		return 0;
	if (nd->last_type == LAST_DOTDOT) {
		follow_dotdot(nd);
		return 0;
	}
	d = lookup_dcache(nd->path.dentry, &nd->last);
	if (IS_ERR(d))
		return PTR_ERR(d);
	if (!d)
		return -ENOENT;
	path.mnt = mntget(nd->path.mnt);
	path.dentry = d;
	follow_mount(&path);
	if (follow && S_ISLNK(path.dentry->d_inode->i_mode))
		return pick_link(nd, &path);
	set_path(nd, &path);
	return 0;
}

/*
 * link_path_walk - walk every component of @name but the last, which
 * is left in nd->last / last_type / last_slash (a trailing slash). The
 * walk starts at the root for an absolute @name, else where it is.
 * Every directory passed must be searchable; every component passed
 * must turn out a directory (-ENOTDIR).
 */
static int link_path_walk(const char *name, struct nameidata *nd)
{
	if (*name == '/') {
		struct path root = nd->root;

		path_get(&root);
		set_path(nd, &root);
		while (*name == '/')
			name++;
	}
	nd->last_type = LAST_ROOT;
	nd->last_slash = false;
	nd->last.name = name;
	nd->last.len = 0;
	while (*name) {
		const char *start = name;
		int err;

		err = inode_permission(nd->path.dentry->d_inode, MAY_EXEC);
		if (err)
			return err;
		while (*name && *name != '/')
			name++;
		nd->last.name = start;
		nd->last.len = name - start;
		nd->last_type = LAST_NORM;
		if (nd->last.len == 1 && start[0] == '.')
			nd->last_type = LAST_DOT;
		else if (nd->last.len == 2 && start[0] == '.' && start[1] == '.')
			nd->last_type = LAST_DOTDOT;
		while (*name == '/')
			name++;
		if (!*name) {
			nd->last_slash = name[-1] == '/';
			return 0;
		}
		err = walk_component(nd, true);
		if (err)
			return err;
		if (!S_ISDIR(nd->path.dentry->d_inode->i_mode))
			return -ENOTDIR;
	}
	return 0;
}

/*
 * filename_lookup - resolve @name (a kernel string) from @dfd into
 * @path (held by the caller after). LOOKUP_FOLLOW follows a trailing
 * symlink; a trailing slash does too, and it, or LOOKUP_DIRECTORY,
 * wants a directory (-ENOTDIR).
 */
int filename_lookup(int dfd, const char *name, unsigned int flags,
		    struct path *path)
{
	struct nameidata nd;
	int err = path_init(&nd, dfd, name, flags);

	if (err)
		return err;
	err = link_path_walk(name, &nd);
	if (!err) {
		if (nd.last_slash)
			flags |= LOOKUP_FOLLOW | LOOKUP_DIRECTORY;
		err = walk_component(&nd, flags & LOOKUP_FOLLOW);
	}
	if (!err && (flags & LOOKUP_DIRECTORY) &&
	    !S_ISDIR(nd.path.dentry->d_inode->i_mode))
		err = -ENOTDIR;
	if (!err) {
		*path = nd.path;
		path_get(path);
	}
	terminate_walk(&nd);
	return err;
}

/* user_path_at - filename_lookup of a user name ("" too with
 * LOOKUP_EMPTY, naming @dfd itself). */
int user_path_at(int dfd, const char __user *uname, unsigned int flags,
		 struct path *path)
{
	char *name = getname_flags(uname, flags);
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = filename_lookup(dfd, name, flags, path);
	kfree(name);
	return err;
}

/* kern_path - filename_lookup of a kernel name from the working
 * directory. */
int kern_path(const char *name, unsigned int flags, struct path *path)
{
	return filename_lookup(AT_FDCWD, name, flags, path);
}

/*
 * filename_parentat - walk @name up to its last component: @parent gets
 * the directory that would hold it (held), @last the component (inside
 * @name) and @type its kind; @slash says a slash followed it.
 */
static int filename_parentat(int dfd, const char *name, struct path *parent,
			     struct qstr *last, int *type, bool *slash)
{
	struct nameidata nd;
	int err = path_init(&nd, dfd, name, 0);

	if (err)
		return err;
	err = link_path_walk(name, &nd);
	if (!err) {
		*parent = nd.path;
		path_get(parent);
		*last = nd.last;
		*type = nd.last_type;
		*slash = nd.last_slash;
	}
	terminate_walk(&nd);
	return err;
}

/*
 * filename_create - for mknod, mkdir, symlink, link: the parent of
 * @name (into @path, held) locked for writing, and a new negative
 * dentry for its last component. Errors in Linux's order: the walk's;
 * -EEXIST for "/", "." or ".." or a name that exists; -ENOENT for a
 * trailing slash unless LOOKUP_DIRECTORY (mkdir), or a removed
 * directory; -EROFS; -ENOMEM. Undo with done_path_create().
 */
struct dentry *filename_create(int dfd, const char *name, struct path *path,
			       unsigned int lookup_flags)
{
	struct dentry *d;
	struct inode *dir;
	struct qstr last;
	bool slash;
	int type, err;

	err = filename_parentat(dfd, name, path, &last, &type, &slash);
	if (err)
		return ERR_PTR(err);
	err = -EEXIST;
	if (type != LAST_NORM)
		goto put;
	err = -ENAMETOOLONG;
	if (last.len > NAME_MAX)
		goto put;
	dir = path->dentry->d_inode;
	inode_lock(dir);
	err = -ENOENT;
	if (IS_DEADDIR(dir))
		goto unlock;
	d = d_lookup(path->dentry, &last);
	if (d) {
		dput(d);
		err = -EEXIST;
		goto unlock;
	}
	err = -ENOENT;
	if (slash && !(lookup_flags & LOOKUP_DIRECTORY))
		goto unlock;
	err = mnt_want_write(path->mnt);
	if (err)
		goto unlock;
	d = d_alloc(path->dentry, &last);
	err = -ENOMEM;
	if (!d)
		goto unlock;
	return d;
unlock:
	inode_unlock(dir);
put:
	path_put(path);
	return ERR_PTR(err);
}

/* done_path_create - undo filename_create: drop the dentry (freed if
 * it stayed negative), unlock and drop the parent. */
void done_path_create(struct path *path, struct dentry *dentry)
{
	dput(dentry);
	inode_unlock(path->dentry->d_inode);
	path_put(path);
}

/* vfs_create - a new regular file @dentry in @dir (held for writing). */
int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = inode_permission(dir, MAY_WRITE | MAY_EXEC);

	if (err)
		return err;
	if (!dir->i_op->create)
		return -EACCES;
	return dir->i_op->create(dir, dentry, (mode & S_IALLUGO) | S_IFREG);
}

/* vfs_mkdir - a new directory @dentry in @dir (held for writing). */
int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = inode_permission(dir, MAY_WRITE | MAY_EXEC);

	if (err)
		return err;
	if (!dir->i_op->mkdir)
		return -EPERM;
	return dir->i_op->mkdir(dir, dentry, mode & (0777 | S_ISVTX));
}

/* vfs_mknod - a new node @dentry of @mode (a device, FIFO, socket or
 * regular file) in @dir (held for writing): a device node needs
 * CAP_MKNOD (-EPERM), except the whiteout (character 0:0), as Linux's. */
int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	bool is_whiteout = S_ISCHR(mode) && dev == 0;
	int err = inode_permission(dir, MAY_WRITE | MAY_EXEC);

	if (err)
		return err;
	if ((S_ISCHR(mode) || S_ISBLK(mode)) && !is_whiteout && !capable(CAP_MKNOD))
		return -EPERM;
	if (!dir->i_op->mknod)
		return -EPERM;
	return dir->i_op->mknod(dir, dentry, mode, dev);
}

/* vfs_symlink - a new symlink @dentry to @target in @dir. */
int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *target)
{
	int err = inode_permission(dir, MAY_WRITE | MAY_EXEC);

	if (err)
		return err;
	if (!dir->i_op->symlink)
		return -EPERM;
	return dir->i_op->symlink(dir, dentry, target);
}

/*
 * do_truncate - set @dentry's size to @length (a regular file), with
 * mtime and ctime now, as Linux's do_truncate: a caller without
 * CAP_FSETID also takes the file's set-id bits away
 * (dentry_needs_remove_privs()). Takes the inode's i_rwsem. 0 or -errno.
 */
int do_truncate(struct dentry *dentry, u64 length)
{
	struct iattr attr = { .ia_valid = ATTR_SIZE | ATTR_MTIME, .ia_size = length };
	struct inode *inode = dentry->d_inode;
	int kill, err;

	inode_lock(inode);
	kill = dentry_needs_remove_privs(dentry);
	if (kill)
		attr.ia_valid |= kill | ATTR_FORCE;
	err = notify_change(dentry, &attr);
	inode_unlock(inode);
	return err;
}

/*
 * may_open - the checks of opening @path's inode with @flags, after the
 * walk: -ENOTDIR (O_DIRECTORY), -EISDIR (a directory for writing),
 * -ELOOP (a symlink, unless O_PATH), -EACCES, -EPERM (O_NOATIME by
 * neither the owner nor CAP_FOWNER), -EROFS.
 */
static int may_open(const struct path *path, unsigned int flags, bool dir_wanted)
{
	struct inode *inode = path->dentry->d_inode;
	int acc = flags & O_ACCMODE, mask = 0, err;

	if (dir_wanted && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if (flags & O_PATH)
		return 0;
	if (S_ISLNK(inode->i_mode))
		return -ELOOP;
	if (acc == O_RDONLY || acc == O_RDWR)
		mask |= MAY_READ;
	if (acc == O_WRONLY || acc == O_RDWR || (flags & O_TRUNC))
		mask |= MAY_WRITE;
	if (S_ISDIR(inode->i_mode) && (mask & MAY_WRITE))
		return -EISDIR;
	if ((S_ISCHR(inode->i_mode) || S_ISBLK(inode->i_mode)) &&
	    (path->mnt->mnt_flags & MNT_NODEV))
		return -EACCES;
	err = inode_permission(inode, mask);
	if (err)
		return err;
	/* O_NOATIME hides reads from the owner: its owner's or CAP_FOWNER's */
	if ((flags & O_NOATIME) && !inode_owner_or_capable(inode))
		return -EPERM;
	if ((mask & MAY_WRITE) && S_ISREG(inode->i_mode))
		err = mnt_want_write(path->mnt);
	return err;
}

/*
 * open_last_create - O_CREAT's last step in directory nd->path: the
 * existing name (with a reference, into @found) or a new regular file
 * of @mode less the umask. -EEXIST with O_EXCL, -EISDIR for a trailing
 * slash, -ENOENT in a removed directory, -EROFS.
 */
static int open_last_create(struct nameidata *nd, unsigned int flags,
			    umode_t mode, struct dentry **found, bool *created)
{
	struct inode *dir = nd->path.dentry->d_inode;
	struct dentry *d;
	int err;

	if (nd->last.len > NAME_MAX)
		return -ENAMETOOLONG;
	inode_lock(dir);
	d = IS_DEADDIR(dir) ? ERR_PTR(-ENOENT) : d_lookup(nd->path.dentry, &nd->last);
	if (!d)	/* as Linux's lookup_open: the file system may know it (proc) */
		d = lookup_slow(nd->path.dentry, &nd->last);
	err = 0;
	if (IS_ERR(d)) {
		err = PTR_ERR(d);
	} else if (d) {
		*found = d;
		if (flags & O_EXCL)
			err = -EEXIST;
	} else if (nd->last_slash) {
		err = -EISDIR;
	} else if (!(err = mnt_want_write(nd->path.mnt))) {
		d = d_alloc(nd->path.dentry, &nd->last);
		err = d ? vfs_create(dir, d, mode & ~current_umask()) : -ENOMEM;
		if (err) {
			dput(d);
			d = NULL;
		}
		*found = d;
		*created = !err;
	}
	inode_unlock(dir);
	return err;
}

/*
 * open_follow_link - open's last component is the symlink @path (held):
 * walk its target up to the target's last component, which becomes the
 * walk's last. The link is kept in @link (dropping the one before), as
 * nd->last points into its target. -ELOOP past 40 links, -ENOENT for an
 * empty target.
 */
static int open_follow_link(struct nameidata *nd, struct path *path, struct path *link)
{
	if (nd->total_link_count++ >= MAXSYMLINKS) {
		path_put(path);
		return -ELOOP;
	}
	if (link->dentry)
		path_put(link);
	*link = *path;
	if (!*link->dentry->d_inode->i_link)
		return -ENOENT;
	return link_path_walk(link->dentry->d_inode->i_link, nd);
}

/*
 * open_last - the last component of an open: looked up (or created
 * with O_CREAT), mount points crossed, and a symlink followed unless
 * O_NOFOLLOW (-ELOOP; O_PATH opens the link) or O_CREAT|O_EXCL; a
 * dangling symlink with O_CREAT creates its target, as Linux. Leaves
 * the walk at the file to open.
 */
static int open_last(struct nameidata *nd, unsigned int flags, umode_t mode,
		     bool *created, bool *dir_wanted)
{
	struct path link = { NULL, NULL };
	int err;

	for (;;) {
		struct dentry *d = NULL;
		struct path path;

		if (nd->last_slash)
			*dir_wanted = true;
		if (nd->last_type != LAST_NORM) {
			err = (flags & O_CREAT) ? -EISDIR : walk_component(nd, false);
			break;
		}
		if (flags & O_CREAT) {
			err = -EISDIR;	/* a trailing slash, before any lookup */
			if (nd->last_slash)
				break;
			err = open_last_create(nd, flags, mode, &d, created);
			if (d && !err && S_ISDIR(d->d_inode->i_mode) && !*created)
				err = -EISDIR;
			if (err) {
				dput(d);
				break;
			}
		} else {
			d = lookup_dcache(nd->path.dentry, &nd->last);
			err = IS_ERR(d) ? PTR_ERR(d) : d ? 0 : -ENOENT;
			if (err)
				break;
		}
		path.mnt = mntget(nd->path.mnt);
		path.dentry = d;
		follow_mount(&path);
		if (!S_ISLNK(path.dentry->d_inode->i_mode) ||
		    (!nd->last_slash && (flags & O_NOFOLLOW))) {
			set_path(nd, &path);
			break;
		}
		err = open_follow_link(nd, &path, &link);
		if (err)
			break;
	}
	if (link.dentry)
		path_put(&link);
	return err;
}

/*
 * do_tmpfile - O_TMPFILE: an unnamed regular file in the directory
 * @name, which goes when closed unless linkat() gives it a name
 * (not with O_EXCL). -EOPNOTSUPP where the file system has none.
 */
static struct file *do_tmpfile(int dfd, const char *name, unsigned int flags,
			       umode_t mode)
{
	struct path path, child;
	struct inode *dir;
	struct file *f;
	int err = filename_lookup(dfd, name, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (err)
		return ERR_PTR(err);
	dir = path.dentry->d_inode;
	err = mnt_want_write(path.mnt);
	if (!err && !dir->i_op->tmpfile)
		err = -EOPNOTSUPP;
	if (!err)
		err = inode_permission(dir, MAY_WRITE | MAY_EXEC);
	child.dentry = err ? NULL : d_alloc_anon(dir->i_sb);
	if (!err && !child.dentry)
		err = -ENOMEM;
	if (err)
		goto put;
	child.mnt = path.mnt;
	f = alloc_file(NULL, NULL, flags);
	err = -ENOMEM;
	if (!f)
		goto put_child;
	f->f_path = child;
	inode_lock(dir);
	err = dir->i_op->tmpfile(dir, f, mode & ~current_umask());
	inode_unlock(dir);
	f->f_path.dentry = NULL;
	fput(f);
	if (err)
		goto put_child;
	if (!(flags & O_EXCL))
		child.dentry->d_inode->i_state |= I_LINKABLE;
	f = dentry_open(&child, flags);
	dput(child.dentry);
	path_put(&path);
	return f;
put_child:
	dput(child.dentry);
put:
	path_put(&path);
	return ERR_PTR(err);
}

/* O_TMPFILE's own bit, and the open flags that make sense with O_PATH */
#define __O_TMPFILE	020000000
#define O_TMPFILE	(__O_TMPFILE | O_DIRECTORY)
#define O_PATH_FLAGS	(O_DIRECTORY | O_NOFOLLOW | O_PATH | O_CLOEXEC)

/*
 * do_filp_open - open(2) of @name (a kernel string) from @dfd with O_*
 * @flags, creating with @mode. Returns the file or ERR_PTR.
 */
struct file *do_filp_open(int dfd, const char *name, unsigned int flags,
			  umode_t mode)
{
	bool created = false, dir_wanted = flags & O_DIRECTORY;
	struct nameidata nd;
	struct file *f;
	int err;

	if (flags & __O_TMPFILE) {
		if ((flags & (O_TMPFILE | O_CREAT)) != O_TMPFILE ||
		    (flags & O_ACCMODE) == O_RDONLY || (flags & O_PATH))
			return ERR_PTR(-EINVAL);
		return do_tmpfile(dfd, name, flags, mode);
	}
	if ((flags & (O_CREAT | O_DIRECTORY)) == (O_CREAT | O_DIRECTORY))
		return ERR_PTR(-EINVAL);	/* as Linux since 6.4 */
	if (flags & O_PATH)
		flags &= O_PATH_FLAGS;
	err = path_init(&nd, dfd, name, 0);
	if (err)
		return ERR_PTR(err);
	err = link_path_walk(name, &nd);
	if (!err)
		err = open_last(&nd, flags, mode, &created, &dir_wanted);
	if (!err)
		err = may_open(&nd.path, flags, dir_wanted);
	f = err ? ERR_PTR(err) : dentry_open(&nd.path, flags);
	if (!IS_ERR(f) && (flags & O_TRUNC) && !created &&
	    S_ISREG(nd.path.dentry->d_inode->i_mode)) {
		err = do_truncate(nd.path.dentry, 0);
		if (err) {
			fput(f);
			f = ERR_PTR(err);
		}
	}
	terminate_walk(&nd);
	return f;
}

/* may_mknod - the node types mknod makes: -EPERM for a directory,
 * -EINVAL for what is no type. */
static int may_mknod(umode_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG: case S_IFCHR: case S_IFBLK: case S_IFIFO: case S_IFSOCK: case 0:
		return 0;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
}

/* do_mknodat - mknodat(2). */
static long do_mknodat(int dfd, const char __user *uname, umode_t mode,
		       unsigned int dev)
{
	struct dentry *d;
	struct path path;
	char *name;
	int err = may_mknod(mode);

	if (err)
		return err;
	name = getname_flags(uname, 0);
	if (IS_ERR(name))
		return PTR_ERR(name);
	d = filename_create(dfd, name, &path, 0);
	err = PTR_ERR(d);
	if (IS_ERR(d))
		goto out;
	if (!(mode & S_IFMT))
		mode |= S_IFREG;
	mode = (mode & S_IFMT) | (mode & ~S_IFMT & ~current_umask());
	if (S_ISREG(mode))
		err = vfs_create(path.dentry->d_inode, d, mode);
	else
		err = vfs_mknod(path.dentry->d_inode, d, mode, new_decode_dev(dev));
	done_path_create(&path, d);
out:
	kfree(name);
	return err;
}

SYSCALL_DEFINE4(mknodat, int, dfd, const char __user *, filename, umode_t, mode,
		unsigned int, dev)
{
	return do_mknodat(dfd, filename, mode, dev);
}

SYSCALL_DEFINE3(mknod, const char __user *, filename, umode_t, mode, unsigned int, dev)
{
	return do_mknodat(AT_FDCWD, filename, mode, dev);
}

/* do_mkdirat - mkdirat(2): mode less the umask. */
static long do_mkdirat(int dfd, const char __user *uname, umode_t mode)
{
	char *name = getname_flags(uname, 0);
	struct dentry *d;
	struct path path;
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	d = filename_create(dfd, name, &path, LOOKUP_DIRECTORY);
	err = PTR_ERR(d);
	if (!IS_ERR(d)) {
		err = vfs_mkdir(path.dentry->d_inode, d, mode & ~current_umask());
		done_path_create(&path, d);
	}
	kfree(name);
	return err;
}

SYSCALL_DEFINE3(mkdirat, int, dfd, const char __user *, pathname, umode_t, mode)
{
	return do_mkdirat(dfd, pathname, mode);
}

SYSCALL_DEFINE2(mkdir, const char __user *, pathname, umode_t, mode)
{
	return do_mkdirat(AT_FDCWD, pathname, mode);
}

/*
 * check_sticky - does the sticky bit of @dir forbid current to remove
 * or replace @inode there? Only if @dir is sticky and current owns
 * neither @inode nor @dir and lacks CAP_FOWNER (Linux's check_sticky).
 */
static bool check_sticky(struct inode *dir, struct inode *inode)
{
	kuid_t fsuid = current_fsuid();

	if (!(dir->i_mode & S_ISVTX))
		return false;
	if (uid_eq(inode->i_uid, fsuid) || uid_eq(dir->i_uid, fsuid))
		return false;
	return !capable(CAP_FOWNER);
}

/*
 * may_delete - may current remove @victim (positive) from @dir, as a
 * directory if @isdir? Linux's order: write and search permission on
 * @dir (-EACCES), the sticky bit (-EPERM), the type (-ENOTDIR for
 * rmdir, -EISDIR for unlink), a root (-EBUSY), a removed @dir
 * (-ENOENT). Precondition: @dir's i_rwsem held. 0 or -errno.
 */
static int may_delete(struct inode *dir, struct dentry *victim, bool isdir)
{
	struct inode *inode = victim->d_inode;
	int err = inode_permission(dir, MAY_WRITE | MAY_EXEC);

	if (err)
		return err;
	if (check_sticky(dir, inode))
		return -EPERM;
	if (isdir) {
		if (!S_ISDIR(inode->i_mode))
			return -ENOTDIR;
		if (IS_ROOT(victim))
			return -EBUSY;
	} else if (S_ISDIR(inode->i_mode)) {
		return -EISDIR;
	}
	if (IS_DEADDIR(dir))
		return -ENOENT;
	return 0;
}

/*
 * may_create - may current make @child (negative) in @dir? -ENOENT in a
 * removed directory, then write and search permission (-EACCES), as
 * Linux's may_create. Precondition: @dir's i_rwsem held.
 */
static int may_create(struct inode *dir, struct dentry *child)
{
	if (child->d_inode)
		return -EEXIST;
	if (IS_DEADDIR(dir))
		return -ENOENT;
	return inode_permission(dir, MAY_WRITE | MAY_EXEC);
}

/*
 * vfs_rmdir - remove directory @d from @dir (held for writing): may_delete()'s
 * checks, then -EBUSY for a mount point, -ENOTEMPTY (from the file
 * system). The victim's i_rwsem is taken too, so nothing is created in
 * it meanwhile.
 */
static int vfs_rmdir(struct inode *dir, struct dentry *d)
{
	struct inode *inode = d->d_inode;
	int err = may_delete(dir, d, true);

	if (err)
		return err;
	if (!dir->i_op->rmdir)
		return -EPERM;
	inode_lock(inode);
	if (d_mountpoint(d))
		err = -EBUSY;
	else
		err = dir->i_op->rmdir(dir, d);
	inode_unlock(inode);
	return err;
}

/*
 * vfs_unlink - remove non-directory @d from @dir (held for writing):
 * may_delete()'s checks, then -EBUSY for a mount point. The inode lives
 * on while it is open.
 */
static int vfs_unlink(struct inode *dir, struct dentry *d)
{
	struct inode *inode = d->d_inode;
	int err = may_delete(dir, d, false);

	if (err)
		return err;
	if (!dir->i_op->unlink)
		return -EPERM;
	inode_lock(inode);
	err = d_mountpoint(d) ? -EBUSY : dir->i_op->unlink(dir, d);
	inode_unlock(inode);
	return err;
}

/*
 * do_remove - rmdir(2) or unlink(2) of @name from @dfd, in Linux's
 * order: the walk; rmdir's -EINVAL for ".", -ENOTEMPTY for "..",
 * -EBUSY for "/"; unlink's -EISDIR for those; -EROFS; then the name
 * (-ENOENT), and for unlink with a trailing slash -EISDIR or -ENOTDIR.
 */
long do_remove(int dfd, const char *name, bool is_rmdir)
{
	struct path path;
	struct dentry *d;
	struct inode *dir;
	struct qstr last;
	bool slash;
	int type, err;

	err = filename_parentat(dfd, name, &path, &last, &type, &slash);
	if (err)
		return err;
	if (type != LAST_NORM) {
		err = !is_rmdir ? -EISDIR : type == LAST_DOT ? -EINVAL :
		      type == LAST_DOTDOT ? -ENOTEMPTY : -EBUSY;
		goto put;
	}
	err = mnt_want_write(path.mnt);
	if (err)
		goto put;
	dir = path.dentry->d_inode;
	inode_lock(dir);
	d = lookup_dcache_locked(path.dentry, &last);
	err = PTR_ERR(d);
	if (IS_ERR(d))
		goto unlock;
	if (is_rmdir)
		err = vfs_rmdir(dir, d);
	else if (slash)
		err = S_ISDIR(d->d_inode->i_mode) ? -EISDIR : -ENOTDIR;
	else
		err = vfs_unlink(dir, d);
	dput(d);
unlock:
	inode_unlock(dir);
put:
	path_put(&path);
	return err;
}

/* do_remove_user - do_remove() of a user name. */
static long do_remove_user(int dfd, const char __user *uname, bool is_rmdir)
{
	char *name = getname_flags(uname, 0);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_remove(dfd, name, is_rmdir);
	kfree(name);
	return err;
}

SYSCALL_DEFINE1(rmdir, const char __user *, pathname)
{
	return do_remove_user(AT_FDCWD, pathname, true);
}

SYSCALL_DEFINE1(unlink, const char __user *, pathname)
{
	return do_remove_user(AT_FDCWD, pathname, false);
}

SYSCALL_DEFINE3(unlinkat, int, dfd, const char __user *, pathname, int, flag)
{
	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	return do_remove_user(dfd, pathname, flag & AT_REMOVEDIR);
}

/* do_symlinkat - symlinkat(2): @utarget is stored as it is. */
static long do_symlinkat(const char __user *utarget, int dfd,
			 const char __user *uname)
{
	char *target = getname_flags(utarget, 0), *name;
	struct dentry *d;
	struct path path;
	int err;

	if (IS_ERR(target))
		return PTR_ERR(target);
	name = getname_flags(uname, 0);
	err = PTR_ERR(name);
	if (IS_ERR(name))
		goto free_target;
	d = filename_create(dfd, name, &path, 0);
	err = PTR_ERR(d);
	if (!IS_ERR(d)) {
		err = vfs_symlink(path.dentry->d_inode, d, target);
		done_path_create(&path, d);
	}
	kfree(name);
free_target:
	kfree(target);
	return err;
}

SYSCALL_DEFINE3(symlinkat, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return do_symlinkat(oldname, newdfd, newname);
}

SYSCALL_DEFINE2(symlink, const char __user *, oldname, const char __user *, newname)
{
	return do_symlinkat(oldname, AT_FDCWD, newname);
}

/* vfs_link - a new name @new in @dir for @old's inode: -EPERM for a
 * directory, -ENOENT for a file with no links (unless O_TMPFILE made it
 * linkable). */
int vfs_link(struct dentry *old, struct inode *dir, struct dentry *new)
{
	struct inode *inode = old->d_inode;
	int err = inode_permission(dir, MAY_WRITE | MAY_EXEC);

	if (err)
		return err;
	if (!dir->i_op->link || S_ISDIR(inode->i_mode))
		return -EPERM;
	inode_lock(inode);
	if (inode->i_nlink == 0 && !(inode->i_state & I_LINKABLE))
		err = -ENOENT;
	else
		err = dir->i_op->link(old, dir, new);
	if (!err)
		inode->i_state &= ~I_LINKABLE;
	inode_unlock(inode);
	return err;
}

/* do_linkat - linkat(2): the old name is followed only with
 * AT_SYMLINK_FOLLOW; AT_EMPTY_PATH links the file @olddfd is (with
 * CAP_DAC_READ_SEARCH, else -ENOENT). -EXDEV across mounts. */
static long do_linkat(int olddfd, const char __user *uold, int newdfd,
		      const char __user *unew, int flags)
{
	unsigned int how = 0;
	struct path old, new;
	struct dentry *d;
	char *name;
	int err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	/* naming the file an fd is needs CAP_DAC_READ_SEARCH (Linux 6.1's
	 * rule), so an fd passed to someone does not let them link it */
	if ((flags & AT_EMPTY_PATH) && !capable(CAP_DAC_READ_SEARCH))
		return -ENOENT;
	if (flags & AT_SYMLINK_FOLLOW)
		how |= LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		how |= LOOKUP_EMPTY;
	err = user_path_at(olddfd, uold, how, &old);
	if (err)
		return err;
	name = getname_flags(unew, 0);
	err = PTR_ERR(name);
	if (IS_ERR(name))
		goto put_old;
	d = filename_create(newdfd, name, &new, 0);
	err = PTR_ERR(d);
	if (IS_ERR(d))
		goto free_name;
	err = old.mnt != new.mnt ? -EXDEV : vfs_link(old.dentry, new.dentry->d_inode, d);
	done_path_create(&new, d);
free_name:
	kfree(name);
put_old:
	path_put(&old);
	return err;
}

SYSCALL_DEFINE5(linkat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, int, flags)
{
	return do_linkat(olddfd, oldname, newdfd, newname, flags);
}

SYSCALL_DEFINE2(link, const char __user *, oldname, const char __user *, newname)
{
	return do_linkat(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

/* d_ancestor - the child of @p1 on the way from @p2 up to it, or NULL if
 * @p2 is not below @p1. Precondition: the rename mutex held. */
static struct dentry *d_ancestor(struct dentry *p1, struct dentry *p2)
{
	for (struct dentry *p = p2; !IS_ROOT(p); p = p->d_parent)
		if (p->d_parent == p1)
			return p;
	return NULL;
}

/*
 * lock_rename - lock both directories of a rename for writing: one if
 * they are the same; else the super block's rename mutex first (so no
 * other rename changes the tree's shape meanwhile), then the ancestor
 * before its descendant, else a fixed order. Returns the child of one
 * directory that is an ancestor of the other (the trap), or NULL.
 */
static struct dentry *lock_rename(struct dentry *p1, struct dentry *p2)
{
	struct dentry *p;

	if (p1 == p2) {
		inode_lock(p1->d_inode);
		return NULL;
	}
	down_write(&p1->d_sb->s_vfs_rename_mutex);
	p = d_ancestor(p2, p1);
	if (p) {
		inode_lock(p2->d_inode);
		inode_lock(p1->d_inode);
		return p;
	}
	p = d_ancestor(p1, p2);
	inode_lock(p1->d_inode);
	inode_lock(p2->d_inode);
	return p;
}

/* unlock_rename - undo lock_rename(@p1, @p2). */
static void unlock_rename(struct dentry *p1, struct dentry *p2)
{
	inode_unlock(p1->d_inode);
	if (p1 != p2) {
		inode_unlock(p2->d_inode);
		up_write(&p1->d_sb->s_vfs_rename_mutex);
	}
}

/*
 * vfs_rename - the permission and type checks of rename and the call,
 * in Linux's order: may_delete() of the old name (the sticky bit
 * included), may_delete() of a target it replaces or may_create() of
 * the new name (a directory may replace only a directory, -ENOTDIR, a
 * non-directory only a non-directory, -EISDIR); a directory moved to
 * another parent needs write permission on itself (its ".." changes);
 * mount points are -EBUSY. The same inode on both sides: nothing to
 * do. Preconditions: lock_rename() held.
 */
static int vfs_rename(struct inode *old_dir, struct dentry *old, struct inode *new_dir,
		      struct dentry *new, unsigned int flags)
{
	struct inode *source = old->d_inode, *target = new->d_inode;
	bool is_dir = S_ISDIR(source->i_mode), new_is_dir = false;
	int err;

	if (source == target)
		return 0;
	err = may_delete(old_dir, old, is_dir);
	if (err)
		return err;
	if (!target) {
		err = may_create(new_dir, new);
	} else {
		new_is_dir = S_ISDIR(target->i_mode);
		err = may_delete(new_dir, new, (flags & RENAME_EXCHANGE) ? new_is_dir : is_dir);
	}
	if (err)
		return err;
	if (!old_dir->i_op->rename)
		return -EPERM;
	if (new_dir != old_dir && is_dir)
		err = inode_permission(source, MAY_WRITE);
	if (!err && new_dir != old_dir && (flags & RENAME_EXCHANGE) && new_is_dir)
		err = inode_permission(target, MAY_WRITE);
	if (err)
		return err;
	if (d_mountpoint(old) || d_mountpoint(new))
		return -EBUSY;
	return old_dir->i_op->rename(old_dir, old, new_dir, new, flags);
}

/* rename_lookup - the names of a rename, under lock_rename: the old one
 * must exist (-ENOENT); the new one gets a negative dentry if absent.
 * -ENAMETOOLONG, -ENOMEM. */
static struct dentry *rename_lookup(struct dentry *dir, const struct qstr *last,
				    bool must_exist)
{
	struct dentry *d = lookup_dcache_locked(dir, last);

	if (d != ERR_PTR(-ENOENT) || must_exist)
		return d;
	d = d_alloc(dir, last);
	return d ? d : ERR_PTR(-ENOMEM);
}

/*
 * rename_names_ok - the checks of a rename once both names are looked
 * up, in Linux's order: -EEXIST (NOREPLACE onto a name), -ENOTDIR (a
 * trailing slash on a non-directory), -EINVAL (the source is an
 * ancestor of the target), -ENOTEMPTY (-EINVAL for EXCHANGE: the target
 * is an ancestor of the source).
 */
static int rename_names_ok(struct dentry *old, bool oldslash, struct dentry *new,
			   bool newslash, struct dentry *trap, unsigned int flags)
{
	if ((flags & RENAME_NOREPLACE) && new->d_inode)
		return -EEXIST;
	if ((flags & RENAME_EXCHANGE) && newslash && !S_ISDIR(new->d_inode->i_mode))
		return -ENOTDIR;
	if (!S_ISDIR(old->d_inode->i_mode) &&
	    (oldslash || (newslash && !(flags & RENAME_EXCHANGE))))
		return -ENOTDIR;
	if (old == trap)
		return -EINVAL;
	if (new == trap)
		return (flags & RENAME_EXCHANGE) ? -EINVAL : -ENOTEMPTY;
	return 0;
}

/* do_renameat2 - renameat2(2), its checks in Linux's order. */
static long do_renameat2(int olddfd, const char *from, int newdfd,
			 const char *to, unsigned int flags)
{
	struct dentry *old, *new, *trap;
	struct path oldp, newp;
	struct qstr oldlast, newlast;
	bool oldslash, newslash;
	int oldtype, newtype, err;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT))
		return -EINVAL;
	if ((flags & (RENAME_NOREPLACE | RENAME_WHITEOUT)) && (flags & RENAME_EXCHANGE))
		return -EINVAL;
	err = filename_parentat(olddfd, from, &oldp, &oldlast, &oldtype, &oldslash);
	if (err)
		return err;
	err = filename_parentat(newdfd, to, &newp, &newlast, &newtype, &newslash);
	if (err)
		goto put_old;
	err = -EXDEV;
	if (oldp.mnt != newp.mnt)
		goto put_new;
	err = -EBUSY;
	if (oldtype != LAST_NORM)
		goto put_new;
	if (flags & RENAME_NOREPLACE)
		err = -EEXIST;
	if (newtype != LAST_NORM)
		goto put_new;
	err = mnt_want_write(oldp.mnt);
	if (err)
		goto put_new;
	trap = lock_rename(newp.dentry, oldp.dentry);
	old = rename_lookup(oldp.dentry, &oldlast, true);
	err = PTR_ERR(old);
	if (IS_ERR(old))
		goto unlock;
	new = rename_lookup(newp.dentry, &newlast, flags & RENAME_EXCHANGE);
	err = PTR_ERR(new);
	if (IS_ERR(new))
		goto put_old_dentry;
	err = rename_names_ok(old, oldslash, new, newslash, trap, flags);
	if (!err)
		err = flags & RENAME_WHITEOUT ? -EINVAL :
		      vfs_rename(oldp.dentry->d_inode, old, newp.dentry->d_inode, new, flags);
	dput(new);
put_old_dentry:
	dput(old);
unlock:
	unlock_rename(newp.dentry, oldp.dentry);
put_new:
	path_put(&newp);
put_old:
	path_put(&oldp);
	return err;
}

/* renameat2 with user names. */
static long renameat2_user(int olddfd, const char __user *uold, int newdfd,
			   const char __user *unew, unsigned int flags)
{
	char *from = getname_flags(uold, 0), *to;
	long err;

	if (IS_ERR(from))
		return PTR_ERR(from);
	to = getname_flags(unew, 0);
	err = PTR_ERR(to);
	if (!IS_ERR(to)) {
		err = do_renameat2(olddfd, from, newdfd, to, flags);
		kfree(to);
	}
	kfree(from);
	return err;
}

SYSCALL_DEFINE5(renameat2, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, unsigned int, flags)
{
	return renameat2_user(olddfd, oldname, newdfd, newname, flags);
}

SYSCALL_DEFINE4(renameat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return renameat2_user(olddfd, oldname, newdfd, newname, 0);
}

SYSCALL_DEFINE2(rename, const char __user *, oldname, const char __user *, newname)
{
	return renameat2_user(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}
