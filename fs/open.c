// SPDX-License-Identifier: GPL-2.0
/*
 * open, openat, creat, close, fcntl, dup*, and the calls that change a
 * file or the task's place in the tree: chdir, fchdir, chroot,
 * truncate, ftruncate, fallocate, access, faccessat(2), chmod and
 * chown in all their forms.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/falloc.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/memfd.h>
#include <linux/fs_struct.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/tty.h>
#include <linux/capability.h>

/* do_sys_open - open(2) and its forms: the name, the walk, an fd. On
 * a 64-bit kernel every open is O_LARGEFILE (Linux's force_o_largefile),
 * which F_GETFL shows. */
static long do_sys_open(int dfd, const char __user *upath, int flags, umode_t mode)
{
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);
	struct file *f;
	int err, fd;

	if (!path)
		return -ENOMEM;
	flags |= O_LARGEFILE;
	err = getname(upath, path);
	if (err)
		goto out;
	f = do_filp_open(dfd, path, flags, mode);
	err = PTR_ERR(f);
	if (IS_ERR(f))
		goto out;
	fd = fd_install_new(f, flags, 0);
	if (fd < 0)
		fput(f);
	err = fd;
out:
	kfree(path);
	return err;
}

/*
 * vhangup(2) - hang up the caller's controlling terminal (Linux's, here
 * as there): -EPERM without CAP_SYS_TTY_CONFIG; without a controlling
 * terminal nothing happens and it returns 0.
 */
SYSCALL_DEFINE0(vhangup)
{
	if (capable(CAP_SYS_TTY_CONFIG)) {
		tty_vhangup_self();
		return 0;
	}
	return -EPERM;
}

SYSCALL_DEFINE3(open, const char __user *, path, int, flags, umode_t, mode)
{
	return do_sys_open(AT_FDCWD, path, flags, mode);
}

SYSCALL_DEFINE4(openat, int, dfd, const char __user *, path, int, flags, umode_t, mode)
{
	return do_sys_open(dfd, path, flags, mode);
}

SYSCALL_DEFINE2(creat, const char __user *, path, umode_t, mode)
{
	return do_sys_open(AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return close_fd(fd);
}

#define F_DUPFD		0
#define F_GETFD		1
#define F_SETFD		2
#define F_GETFL		3
#define F_SETFL		4
#define F_DUPFD_CLOEXEC	1030
#define FD_CLOEXEC	1

#define SETFL_MASK	(O_APPEND | O_NONBLOCK | O_NOATIME)

/*
 * setfl - F_SETFL: the flags of SETFL_MASK from @arg. Setting O_NOATIME
 * needs the owner or CAP_FOWNER (-EPERM), as Linux's setfl(); a pipe
 * here has no inode (Linux's is its creator's), so nothing to check.
 */
static long setfl(struct file *f, unsigned long arg)
{
	if ((arg & O_NOATIME) && !(f->f_flags & O_NOATIME) && f->f_inode &&
	    !inode_owner_or_capable(f->f_inode))
		return -EPERM;
	f->f_flags = (f->f_flags & ~SETFL_MASK) | (arg & SETFL_MASK);
	return 0;
}

/* check_fcntl_cmd - whether @cmd works on an O_PATH file (Linux's
 * list: the fd's own flags and duplicates; the rest are -EBADF). */
static bool check_fcntl_cmd(unsigned int cmd)
{
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
	case F_GETFD:
	case F_SETFD:
	case F_GETFL:
		return true;
	}
	return false;
}

SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *f = fget_raw(fd);
	long ret;

	if (!f)
		return -EBADF;
	if ((f->f_mode & FMODE_PATH) && !check_fcntl_cmd(cmd)) {
		fput(f);
		return -EBADF;
	}
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		ret = arg >= rlimit(RLIMIT_NOFILE) ? -EINVAL :
		      fd_install_new(get_file(f), cmd == F_DUPFD ? 0 : O_CLOEXEC, arg);
		if (ret < 0 && ret != -EINVAL)
			fput(f);
		break;
	case F_GETFD:
		ret = fd_get_cloexec(fd) ? FD_CLOEXEC : 0;
		break;
	case F_SETFD:
		fd_set_cloexec(fd, arg & FD_CLOEXEC);
		ret = 0;
		break;
	case F_GETFL:
		ret = f->f_flags & ~O_CLOEXEC;
		break;
	case F_SETFL:
		ret = setfl(f, arg);
		break;
	case F_SETPIPE_SZ:
	case F_GETPIPE_SZ:
		ret = pipe_fcntl(f, cmd, arg);
		break;
	case F_ADD_SEALS:
	case F_GET_SEALS:
		ret = memfd_fcntl(f, cmd, (unsigned int)arg);
		break;
	default:
		ret = -EINVAL;
	}
	fput(f);
	return ret;
}

#define F_OK	0
#define X_OK	1
#define W_OK	2
#define R_OK	4

/*
 * access_override_creds - the credentials access(2) asks with, as
 * Linux's: the fsuid and fsgid become the real uid and gid, so a
 * set-id program asks what its invoker may do. mmos's capable() follows
 * the fsuid for the file-system capabilities, so a non-root real uid
 * drops root's overrides and a real uid 0 keeps them, as Linux's
 * cap_effective = 0 or cap_permitted. Returns the cred to give
 * revert_creds(), or NULL when memory is out.
 */
static const struct cred *access_override_creds(void)
{
	struct cred *override = prepare_creds();
	const struct cred *old;

	if (!override)
		return NULL;
	override->fsuid = override->uid;
	override->fsgid = override->gid;
	old = override_creds(override);
	put_cred(override);	/* override_creds() took its own */
	return old;
}

/* special_file - a device, FIFO or socket: no -EROFS for W_OK there. */
static bool special_file(umode_t mode)
{
	umode_t t = mode & S_IFMT;

	return t == S_IFCHR || t == S_IFBLK || t == S_IFIFO || t == S_IFSOCK;
}

/*
 * do_faccessat - faccessat2(2): may the caller access the file with
 * @mode (R_OK|W_OK|X_OK)? Linux's order: -EINVAL for bad @mode or
 * @flags; the walk and the check by the real uid and gid (AT_EACCESS:
 * the effective ones, through the fsuid); -EACCES for X_OK on a
 * regular file of a noexec mount; inode_permission()'s -EACCES or
 * -EROFS; then W_OK on a read-only mount is -EROFS, except for devices,
 * FIFOs and sockets.
 */
static long do_faccessat(int dfd, const char __user *name, int mode, int flags)
{
	unsigned int how = at_lookup_flags(flags);
	const struct cred *old_cred = NULL;
	struct inode *inode;
	struct path path;
	int err, mask = 0;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (!(flags & AT_EACCESS)) {
		old_cred = access_override_creds();
		if (!old_cred)
			return -ENOMEM;
	}
	err = user_path_at(dfd, name, how, &path);
	if (err)
		goto revert;
	inode = path.dentry->d_inode;
	if (mode & R_OK)
		mask |= MAY_READ;
	if (mode & W_OK)
		mask |= MAY_WRITE;
	if (mode & X_OK)
		mask |= MAY_EXEC;
	err = -EACCES;
	if ((mode & X_OK) && S_ISREG(inode->i_mode) && (path.mnt->mnt_flags & MNT_NOEXEC))
		goto put;
	err = inode_permission(inode, mask);
	if (!err && (mode & W_OK) && !special_file(inode->i_mode))
		err = mnt_want_write(path.mnt);
put:
	path_put(&path);
revert:
	if (old_cred)
		revert_creds(old_cred);
	return err;
}

SYSCALL_DEFINE2(access, const char __user *, filename, int, mode)
{
	return do_faccessat(AT_FDCWD, filename, mode, 0);
}

SYSCALL_DEFINE3(faccessat, int, dfd, const char __user *, filename, int, mode)
{
	return do_faccessat(dfd, filename, mode, 0);
}

SYSCALL_DEFINE4(faccessat2, int, dfd, const char __user *, filename, int, mode,
		int, flags)
{
	return do_faccessat(dfd, filename, mode, flags);
}

SYSCALL_DEFINE1(chdir, const char __user *, filename)
{
	struct path path;
	int err = user_path_at(AT_FDCWD, filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (err)
		return err;
	err = inode_permission(path.dentry->d_inode, MAY_EXEC);
	if (!err)
		set_fs_pwd(current->fs, &path);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE1(fchdir, unsigned int, fd)
{
	struct file *f = fget_raw(fd);
	int err;

	if (!f)
		return -EBADF;
	err = -ENOTDIR;
	if (f->f_path.dentry && S_ISDIR(f->f_path.dentry->d_inode->i_mode))
		err = inode_permission(f->f_path.dentry->d_inode, MAY_EXEC);
	if (!err)
		set_fs_pwd(current->fs, &f->f_path);
	fput(f);
	return err;
}

/* chroot(2): the new root; the working directory stays where it is (it
 * may be outside: getcwd then says "(unreachable)"). Linux's order: the
 * walk, search permission (-EACCES), then CAP_SYS_CHROOT (-EPERM). */
SYSCALL_DEFINE1(chroot, const char __user *, filename)
{
	struct path path;
	int err = user_path_at(AT_FDCWD, filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (err)
		return err;
	err = inode_permission(path.dentry->d_inode, MAY_EXEC);
	if (!err && !capable(CAP_SYS_CHROOT))
		err = -EPERM;
	if (!err)
		set_fs_root(current->fs, &path);
	path_put(&path);
	return err;
}

/* vfs_truncate - truncate(2) of @path: -EISDIR for a directory, -EINVAL
 * for anything else that is not a regular file, -EROFS, -EACCES. */
static long vfs_truncate(const struct path *path, loff_t length)
{
	struct inode *inode = path->dentry->d_inode;
	int err;

	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -EINVAL;
	err = mnt_want_write(path->mnt);
	if (!err)
		err = inode_permission(inode, MAY_WRITE);
	if (!err)
		err = do_truncate(path->dentry, length);
	return err;
}

SYSCALL_DEFINE2(truncate, const char __user *, pathname, long, length)
{
	struct path path;
	int err;

	if (length < 0)
		return -EINVAL;
	err = user_path_at(AT_FDCWD, pathname, LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	err = vfs_truncate(&path, length);
	path_put(&path);
	return err;
}

/* ftruncate(2): -EBADF unless open for writing, -EINVAL unless a
 * regular file (a directory too), as Linux's do_ftruncate. */
SYSCALL_DEFINE2(ftruncate, unsigned int, fd, long, length)
{
	struct file *f;
	int err;

	if (length < 0)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	err = -EINVAL;
	if (f->f_mode & FMODE_PATH)
		err = -EBADF;
	else if (!f->f_inode || !S_ISREG(f->f_inode->i_mode))
		err = -EINVAL;
	else if (!(f->f_mode & FMODE_WRITE))
		err = -EINVAL;
	else
		err = do_truncate(f->f_path.dentry, length);
	fput(f);
	return err;
}

/*
 * fallocate_alloc - make the pages of [@offset, @offset + @len) of @f
 * now (charged as writes are: -ENOSPC on a full tmpfs, the pages made
 * so far kept), and grow the size to the end of the range unless
 * FALLOC_FL_KEEP_SIZE is in @mode. A tmpfs file sealed with F_SEAL_GROW
 * may not reach past its size, even with KEEP_SIZE (-EPERM before
 * anything is made, as Linux's shmem_fallocate); F_SEAL_WRITE does not
 * stop it, since no content changes. Precondition: i_rwsem held for
 * writing. Returns 0 or -errno.
 */
static long fallocate_alloc(struct file *f, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = f->f_inode;
	struct address_space *mapping = inode->i_mapping;
	loff_t pos;
	int err = 0;

	if ((u64)(offset + len) > inode->i_size)
		err = shmem_size_seals_check(inode, offset + len);
	for (pos = offset & ~(loff_t)(PAGE_SIZE - 1); !err && pos < offset + len; pos += PAGE_SIZE) {
		struct page *page;

		err = mapping->a_ops->write_begin(f, mapping, pos, PAGE_SIZE, &page);
		if (err)
			break;
		put_page(page);
	}
	if (!err && !(mode & FALLOC_FL_KEEP_SIZE) && (u64)(offset + len) > inode->i_size) {
		inode->i_size = offset + len;
		inode->i_ctime = current_time(inode);
	}
	return err;
}

/*
 * fallocate_mode_check - Linux's vfs_fallocate() test of @mode, before
 * any other: unknown bits, or more than one mode (FALLOC_FL_MODE_MASK),
 * or PUNCH_HOLE without KEEP_SIZE, or KEEP_SIZE with a mode that moves
 * the data are -EOPNOTSUPP. Returns 0 or that.
 */
static int fallocate_mode_check(int mode)
{
	if (mode & ~(FALLOC_FL_MODE_MASK | FALLOC_FL_KEEP_SIZE))
		return -EOPNOTSUPP;
	switch (mode & FALLOC_FL_MODE_MASK) {
	case FALLOC_FL_ALLOCATE_RANGE:
	case FALLOC_FL_UNSHARE_RANGE:
	case FALLOC_FL_ZERO_RANGE:
		return 0;
	case FALLOC_FL_PUNCH_HOLE:
		return (mode & FALLOC_FL_KEEP_SIZE) ? 0 : -EOPNOTSUPP;
	case FALLOC_FL_COLLAPSE_RANGE:
	case FALLOC_FL_INSERT_RANGE:
	case FALLOC_FL_WRITE_ZEROES:
		return (mode & FALLOC_FL_KEEP_SIZE) ? -EOPNOTSUPP : 0;
	default:
		return -EOPNOTSUPP;
	}
}

/*
 * fs_fallocate - the file system's part of fallocate (Linux's
 * f_op->fallocate): tmpfs has shmem_fallocate's two, allocation (with
 * or without KEEP_SIZE) and PUNCH_HOLE; ramfs here allocates only
 * (mode 0; Linux's ramfs has no fallocate at all). Anything else is
 * -EOPNOTSUPP. Takes i_rwsem.
 */
static long fs_fallocate(struct file *f, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = f->f_inode;
	bool shmem = shmem_mapping(inode->i_mapping);
	long err;

	if (shmem ? (mode & ~(FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE)) : mode)
		return -EOPNOTSUPP;
	inode_lock(inode);
	if (mode & FALLOC_FL_PUNCH_HOLE)
		err = shmem_punch_hole(inode, offset, len);
	else
		err = fallocate_alloc(f, mode, offset, len);
	inode_unlock(inode);
	return err;
}

/*
 * vfs_fallocate - fallocate(2) on @f, Linux's order of checks: -EINVAL
 * for the range, -EOPNOTSUPP for a bad mode, -EBADF unless open for
 * writing, -ESPIPE for a FIFO, -EISDIR, -ENODEV for a non-file, -EFBIG
 * past the largest offset; then the file system's (fs_fallocate).
 */
long vfs_fallocate(struct file *f, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = f->f_inode;
	loff_t sum;
	int err;

	if (offset < 0 || len <= 0)
		return -EINVAL;
	err = fallocate_mode_check(mode);
	if (err)
		return err;
	if (!(f->f_mode & FMODE_WRITE))
		return -EBADF;
	if (get_pipe_info(f))
		return -ESPIPE;
	if (inode && S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!inode || !S_ISREG(inode->i_mode) || !inode->i_mapping->a_ops)
		return -ENODEV;
	if (__builtin_add_overflow(offset, len, &sum))
		return -EFBIG;
	return fs_fallocate(f, mode, offset, len);
}

/* fallocate(2): -EBADF for the fd, then vfs_fallocate(). */
SYSCALL_DEFINE4(fallocate, int, fd, int, mode, loff_t, offset, loff_t, len)
{
	struct file *f = fget(fd);
	long err;

	if (!f)
		return -EBADF;
	err = vfs_fallocate(f, mode, offset, len);
	fput(f);
	return err;
}

/* chmod_common - set the permission bits of @path's inode: its owner
 * or CAP_FOWNER only (-EPERM), S_ISGID kept only by a member of the
 * file's group or CAP_FSETID (setattr_prepare()); -EROFS. */
static int chmod_common(const struct path *path, umode_t mode)
{
	struct inode *inode = path->dentry->d_inode;
	struct iattr attr = { .ia_valid = ATTR_MODE, .ia_mode = mode & S_IALLUGO };
	int err = mnt_want_write(path->mnt);

	if (err)
		return err;
	inode_lock(inode);
	err = notify_change(path->dentry, &attr);
	inode_unlock(inode);
	return err;
}

/* do_fchmodat - fchmodat2(2): AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH. */
static long do_fchmodat(int dfd, const char __user *filename, umode_t mode,
			unsigned int flags)
{
	struct path path;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(dfd, filename, at_lookup_flags(flags), &path);
	if (err)
		return err;
	/* a symlink's mode cannot change: Linux's -EOPNOTSUPP */
	err = S_ISLNK(path.dentry->d_inode->i_mode) ? -EOPNOTSUPP :
	      chmod_common(&path, mode);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE2(chmod, const char __user *, filename, umode_t, mode)
{
	return do_fchmodat(AT_FDCWD, filename, mode, 0);
}

SYSCALL_DEFINE3(fchmodat, int, dfd, const char __user *, filename, umode_t, mode)
{
	return do_fchmodat(dfd, filename, mode, 0);
}

SYSCALL_DEFINE4(fchmodat2, int, dfd, const char __user *, filename, umode_t, mode,
		unsigned int, flags)
{
	return do_fchmodat(dfd, filename, mode, flags);
}

SYSCALL_DEFINE2(fchmod, unsigned int, fd, umode_t, mode)
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = f->f_path.dentry && !(f->f_mode & FMODE_PATH) ?
	      chmod_common(&f->f_path, mode) : -EBADF;
	fput(f);
	return err;
}

/*
 * chown_common - set owner and group (-1: unchanged) of @path's inode,
 * as Linux's chown_common: setattr_prepare() decides who may (-EPERM);
 * a non-directory loses S_ISUID, and S_ISGID if group-executable, even
 * when root changes it (ATTR_KILL_SUID/SGID); ctime is updated even if
 * nothing else changes. -EROFS on a read-only mount.
 */
static int chown_common(const struct path *path, unsigned int user, unsigned int group)
{
	struct inode *inode = path->dentry->d_inode;
	struct iattr attr = { .ia_valid = ATTR_CTIME };
	int err = mnt_want_write(path->mnt);

	if (err)
		return err;
	if (user != (unsigned int)-1) {
		attr.ia_valid |= ATTR_UID;
		attr.ia_uid = user;
	}
	if (group != (unsigned int)-1) {
		attr.ia_valid |= ATTR_GID;
		attr.ia_gid = group;
	}
	inode_lock(inode);
	if (!S_ISDIR(inode->i_mode))
		attr.ia_valid |= ATTR_KILL_SUID | ATTR_KILL_SGID;
	err = notify_change(path->dentry, &attr);
	inode_unlock(inode);
	return err;
}

/* do_fchownat - fchownat(2): AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH. */
static long do_fchownat(int dfd, const char __user *filename, unsigned int user,
			unsigned int group, int flag)
{
	struct path path;
	int err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(dfd, filename, at_lookup_flags(flag), &path);
	if (err)
		return err;
	err = chown_common(&path, user, group);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE5(fchownat, int, dfd, const char __user *, filename, unsigned int, user,
		unsigned int, group, int, flag)
{
	return do_fchownat(dfd, filename, user, group, flag);
}

SYSCALL_DEFINE3(chown, const char __user *, filename, unsigned int, user,
		unsigned int, group)
{
	return do_fchownat(AT_FDCWD, filename, user, group, 0);
}

SYSCALL_DEFINE3(lchown, const char __user *, filename, unsigned int, user,
		unsigned int, group)
{
	return do_fchownat(AT_FDCWD, filename, user, group, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE3(fchown, unsigned int, fd, unsigned int, user, unsigned int, group)
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = f->f_path.dentry && !(f->f_mode & FMODE_PATH) ?
	      chown_common(&f->f_path, user, group) : -EBADF;
	fput(f);
	return err;
}

SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	struct file *f = fget_raw(fildes);
	int fd;

	if (!f)
		return -EBADF;
	fd = fd_install_new(f, 0, 0);
	if (fd < 0)
		fput(f);
	return fd;
}

static long do_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct file *f;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (newfd >= rlimit(RLIMIT_NOFILE))	/* at most the table's size */
		return -EBADF;
	f = fget_raw(oldfd);
	if (!f)
		return -EBADF;
	return replace_fd(newfd, f, flags);
}

SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	struct file *f;

	if (oldfd == newfd) {	/* dup2 to itself: just check it is open */
		f = fget_raw(oldfd);
		if (!f)
			return -EBADF;
		fput(f);
		return newfd;
	}
	return do_dup3(oldfd, newfd, 0);
}

SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd, int, flags)
{
	if (oldfd == newfd)
		return -EINVAL;
	return do_dup3(oldfd, newfd, flags);
}
