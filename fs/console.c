// SPDX-License-Identifier: GPL-2.0
/*
 * The console as a file (what /dev/console is on Linux): writes go to
 * the serial port, reads return what has been typed, waiting for at
 * least one byte. PID 1 starts with fds 0, 1 and 2 on it.
 */
#include <linux/kernel.h>
#include <linux/arch.h>
#include <linux/console.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/uaccess.h>

#define TIOCGWINSZ	0x5413


static ssize_t console_file_write(struct file *f, const char __user *ubuf,
				  size_t len, loff_t *pos)
{
	char buf[256];
	size_t done = 0;

	while (done < len) {
		size_t n = min(len - done, sizeof(buf));

		if (copy_from_user(buf, ubuf + done, n))
			return done ? (ssize_t)done : -EFAULT;
		console_write(buf, n);
		done += n;
	}
	return done;
}

static ssize_t console_file_read(struct file *f, char __user *ubuf,
				 size_t len, loff_t *pos)
{
	size_t done = 0;
	int c;

	while (done < len) {
		c = console_getc();
		if (c < 0) {
			if (done)
				break;
			if (signal_pending(current))
				return -ERESTARTSYS;
			msleep(10);	/* polled UART: look again next tick */
			continue;
		}
		if (put_user((char)c, ubuf + done))
			return done ? (ssize_t)done : -EFAULT;
		done++;
		if (c == '\n' || c == '\r')
			break;
	}
	return done;
}

static int console_file_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	return -ENOTTY;	/* no termios: programs treat it as a plain file */
}

const struct file_operations console_fops = {
	.read = console_file_read,
	.write = console_file_write,
	.ioctl = console_file_ioctl,
};
