// SPDX-License-Identifier: GPL-2.0
/*
 * sync, syncfs, fsync, fdatasync: every file system of mmos is in
 * memory, so there is never anything to write back; these check their
 * arguments as Linux does and succeed.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/syscalls.h>

SYSCALL_DEFINE0(sync)
{
	return 0;
}

/* syncfs(2): -EBADF for a bad fd (an O_PATH one too). */
SYSCALL_DEFINE1(syncfs, int, fd)
{
	struct file *f = fget(fd);
	int err = 0;

	if (!f)
		return -EBADF;
	if (f->f_mode & FMODE_PATH)
		err = -EBADF;
	fput(f);
	return err;
}

/* do_fsync - fsync(2), fdatasync(2): -EBADF, and -EINVAL for a file
 * that cannot be synced: all but regular files and directories (pipes,
 * FIFOs, devices, the console have no ->fsync in Linux). */
static long do_fsync(unsigned int fd)
{
	struct file *f = fget(fd);
	struct inode *inode;
	int err = 0;

	if (!f)
		return -EBADF;
	inode = f->f_inode;
	if (f->f_mode & FMODE_PATH)
		err = -EBADF;
	else if (!inode || !(S_ISREG(inode->i_mode) || S_ISDIR(inode->i_mode)))
		err = -EINVAL;
	fput(f);
	return err;
}

SYSCALL_DEFINE1(fsync, unsigned int, fd)
{
	return do_fsync(fd);
}

SYSCALL_DEFINE1(fdatasync, unsigned int, fd)
{
	return do_fsync(fd);
}
