// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl(2) (Linux's fs/ioctl.c): the commands every fd has (FIOCLEX,
 * FIONCLEX, FIONBIO) first, then the file's own ->ioctl; a command
 * nobody knows is -ENOTTY.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm-generic/ioctls.h>

/* ioctl_fionbio - FIONBIO: O_NONBLOCK on or off, as *@argp says. */
static int ioctl_fionbio(struct file *f, int __user *argp)
{
	int on;

	if (get_user(on, argp))
		return -EFAULT;
	if (on)
		f->f_flags |= O_NONBLOCK;
	else
		f->f_flags &= ~O_NONBLOCK;
	return 0;
}

/* do_vfs_ioctl - the commands of every fd; -ENOIOCTLCMD for the rest. */
static long do_vfs_ioctl(struct file *f, unsigned int fd, unsigned int cmd,
			 unsigned long arg)
{
	switch (cmd) {
	case FIOCLEX:
		fd_set_cloexec(fd, true);
		return 0;
	case FIONCLEX:
		fd_set_cloexec(fd, false);
		return 0;
	case FIONBIO:
		return ioctl_fionbio(f, (int __user *)arg);
	}
	return -ENOIOCTLCMD;
}

SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	ret = do_vfs_ioctl(f, fd, cmd, arg);
	if (ret == -ENOIOCTLCMD)
		ret = f->f_op->ioctl ? f->f_op->ioctl(f, cmd, arg) : -ENOTTY;
	fput(f);
	return ret;
}
