// SPDX-License-Identifier: GPL-2.0
/* struct file and the per-task fd table. */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

/* empty_fops - what an O_PATH file, or an inode with no operations
 * (a socket node), has: reads and writes are -EINVAL. */
static const struct file_operations empty_fops;

/* alloc_file - a new open file (one reference) over @inode with @fop,
 * opened with O_* @flags. NULL when memory is out. */
struct file *alloc_file(struct inode *inode, const struct file_operations *fop,
			unsigned int flags)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return NULL;
	atomic_set(&f->f_count, 1);
	f->f_inode = inode;
	f->f_op = fop;
	f->f_flags = flags;
	f->f_mode = OPEN_FMODE(flags);
	return f;
}

/* alloc_file_clone - a new open file (one reference) over what @base
 * is open on (its path and inode), with @fop and O_* @flags, as Linux's
 * (shmat's files). NULL when memory is out. */
struct file *alloc_file_clone(struct file *base, unsigned int flags,
			      const struct file_operations *fop)
{
	struct file *f = alloc_file(base->f_inode, fop, flags);

	if (f) {
		f->f_path = base->f_path;
		path_get(&f->f_path);
	}
	return f;
}

/* fput - drop a reference; the last one releases and frees the file. */
void fput(struct file *f)
{
	if (!atomic_dec_and_test(&f->f_count))
		return;
	if (f->f_op && f->f_op->release)
		f->f_op->release(f);
	if (f->f_mode & FMODE_WRITER)
		atomic_dec(&f->f_inode->i_sb->s_writers);
	if (f->f_path.dentry)
		path_put(&f->f_path);
	kfree(f->private_data);
	kfree(f);
}

/*
 * dentry_open - open the file @path names (its references are taken),
 * with O_* @flags: f_op from the inode, then its ->open, which for a
 * device or FIFO picks the real operations. O_PATH files get no ->open
 * and no I/O. After the open, f_flags keeps no O_CREAT, O_EXCL, O_NOCTTY
 * or O_TRUNC, as Linux's do_dentry_open. Returns the file or ERR_PTR (-ENOMEM, or ->open's error).
 */
struct file *dentry_open(const struct path *path, unsigned int flags)
{
	struct inode *inode = path->dentry->d_inode;
	struct file *f = alloc_file(inode, inode->i_fop, flags);
	int err;

	if (!f)
		return ERR_PTR(-ENOMEM);
	f->f_path = *path;
	path_get(path);
	if (flags & O_PATH) {
		f->f_mode = FMODE_PATH;
		f->f_op = &empty_fops;
		return f;
	}
	if (!f->f_op)
		f->f_op = &empty_fops;
	/* a remount read-only waits for no writer: it refuses with -EBUSY */
	if ((f->f_mode & FMODE_WRITE) && S_ISREG(inode->i_mode)) {
		atomic_inc(&inode->i_sb->s_writers);
		f->f_mode |= FMODE_WRITER;
	}
	if (f->f_op->open) {
		err = f->f_op->open(inode, f);
		if (err) {
			f->f_op = NULL;	/* nothing to release */
			fput(f);
			return ERR_PTR(err);
		}
	}
	/* what only the open itself used is not the file's (F_GETFL) */
	f->f_flags &= ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC);
	return f;
}

struct files_struct *files_alloc(void)
{
	struct files_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);

	if (fs) {
		atomic_set(&fs->count, 1);
		spin_lock_init(&fs->file_lock);
	}
	return fs;
}

/* dup_files - a copy of @old for a child without CLONE_FILES: the same
 * open files, each one more reference. */
struct files_struct *dup_files(struct files_struct *old)
{
	struct files_struct *fs = files_alloc();

	if (!fs)
		return NULL;
	spin_lock(&old->file_lock);
	for (int i = 0; i < NR_OPEN_DEFAULT; i++)
		if (old->fd[i])
			fs->fd[i] = get_file(old->fd[i]);
	memcpy(fs->close_on_exec, old->close_on_exec, sizeof(fs->close_on_exec));
	spin_unlock(&old->file_lock);
	return fs;
}

void put_files_struct(struct files_struct *fs)
{
	if (!atomic_dec_and_test(&fs->count))
		return;
	for (int i = 0; i < NR_OPEN_DEFAULT; i++)
		if (fs->fd[i])
			fput(fs->fd[i]);
	kfree(fs);
}

void exit_files(struct task_struct *tsk)
{
	struct files_struct *fs = tsk->files;

	if (fs) {
		task_lock(tsk);	/* /proc reads another task's files under it */
		tsk->files = NULL;
		task_unlock(tsk);
		put_files_struct(fs);
	}
}

static void set_cloexec(struct files_struct *fs, unsigned int fd, bool on)
{
	if (on)
		fs->close_on_exec[fd / 64] |= 1UL << (fd % 64);
	else
		fs->close_on_exec[fd / 64] &= ~(1UL << (fd % 64));
}

/* fd_install_new - put @f (its reference moves) in the lowest free fd
 * >= @min_fd and below RLIMIT_NOFILE (at most the table's size).
 * Returns the fd or -EMFILE. */
int fd_install_new(struct file *f, unsigned int flags, int min_fd)
{
	struct files_struct *fs = current->files;
	u64 lim = rlimit(RLIMIT_NOFILE);
	int fd = -EMFILE, end = lim < NR_OPEN_DEFAULT ? (int)lim : NR_OPEN_DEFAULT;

	spin_lock(&fs->file_lock);
	for (int i = min_fd; i < end; i++)
		if (!fs->fd[i]) {
			fs->fd[i] = f;
			set_cloexec(fs, i, flags & O_CLOEXEC);
			fd = i;
			break;
		}
	spin_unlock(&fs->file_lock);
	return fd;
}

/* replace_fd - make @fd refer to @f (dup2), closing what it had. */
int replace_fd(unsigned int fd, struct file *f, unsigned int flags)
{
	struct files_struct *fs = current->files;
	struct file *old;

	if (fd >= NR_OPEN_DEFAULT)
		return -EBADF;
	spin_lock(&fs->file_lock);
	old = fs->fd[fd];
	fs->fd[fd] = f;
	set_cloexec(fs, fd, flags & O_CLOEXEC);
	spin_unlock(&fs->file_lock);
	if (old)
		fput(old);
	return fd;
}

/* fget_raw - the file of @fd with a reference, O_PATH files too (for
 * the calls Linux lets them reach: fstat, fchdir, fcntl, dup, the
 * dirfd of the *at calls), or NULL. */
struct file *fget_raw(unsigned int fd)
{
	struct files_struct *fs = current->files;
	struct file *f = NULL;

	if (!fs || fd >= NR_OPEN_DEFAULT)
		return NULL;
	spin_lock(&fs->file_lock);
	if (fs->fd[fd])
		f = get_file(fs->fd[fd]);
	spin_unlock(&fs->file_lock);
	return f;
}

/* fget - the file of @fd with a reference, or NULL: an O_PATH file is
 * not one for I/O or mapping (-EBADF), as Linux's fdget(). */
struct file *fget(unsigned int fd)
{
	struct file *f = fget_raw(fd);

	if (f && (f->f_mode & FMODE_PATH)) {
		fput(f);
		return NULL;
	}
	return f;
}

int close_fd(unsigned int fd)
{
	struct files_struct *fs = current->files;
	struct file *f;

	if (fd >= NR_OPEN_DEFAULT)
		return -EBADF;
	spin_lock(&fs->file_lock);
	f = fs->fd[fd];
	fs->fd[fd] = NULL;
	set_cloexec(fs, fd, false);
	spin_unlock(&fs->file_lock);
	if (!f)
		return -EBADF;
	fput(f);
	return 0;
}

/* do_close_on_exec - exec closes the files marked close-on-exec in @fs
 * (current's table). The marks are read a word at a time under
 * file_lock; close_fd() takes it again for each file. */
void do_close_on_exec(struct files_struct *fs)
{
	for (int w = 0; w < NR_OPEN_DEFAULT / 64; w++) {
		unsigned long marks;

		spin_lock(&fs->file_lock);
		marks = fs->close_on_exec[w];
		spin_unlock(&fs->file_lock);
		for (; marks; marks &= marks - 1)
			close_fd(w * 64 + __builtin_ctzl(marks));
	}
}

/* fd_get_cloexec - is @fd of current's table close-on-exec? */
int fd_get_cloexec(unsigned int fd)
{
	struct files_struct *fs = current->files;
	int on;

	spin_lock(&fs->file_lock);
	on = !!(fs->close_on_exec[fd / 64] & (1UL << (fd % 64)));
	spin_unlock(&fs->file_lock);
	return on;
}

void fd_set_cloexec(unsigned int fd, bool on)
{
	spin_lock(&current->files->file_lock);
	set_cloexec(current->files, fd, on);
	spin_unlock(&current->files->file_lock);
}
