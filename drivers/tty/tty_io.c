// SPDX-License-Identifier: GPL-2.0
/*
 * The tty layer's core (Linux's drivers/tty/tty_io.c): a tty_struct for
 * each registered driver's device, the file operations of a file open
 * on a tty (/dev/console: PID 1's fds 0, 1, 2), and the calls between
 * driver and line discipline. The termios ioctls are in tty_ioctl.c,
 * the process-group ones in tty_jobctrl.c. See Documentation/tty.md.
 */
#include <linux/kernel.h>
#include <linux/devtmpfs.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/uaccess.h>

/* Linux's tty_std_termios: a new tty's settings, before its driver's. */
const struct ktermios tty_std_termios = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
	.c_line = N_TTY,
	/* ^C ^\ ^? ^U ^D, TIME 0, MIN 1, -, ^Q ^S ^Z, -, ^R ^O ^W ^V, - */
	.c_cc = { 003, 034, 0177, 025, 004, 0, 1, 0, 021, 023, 032, 0,
		  022, 017, 027, 026, 0 },
	.c_ispeed = 38400,
	.c_ospeed = 38400,
};

#define TTYAUX_MAJOR	5	/* /dev/tty, /dev/console */
#define MAX_TTY_DRIVERS	4

/* The registered drivers, and the console's tty: the first driver's
 * (console=ttyS0 names the only one there is). Written at boot only,
 * before any file can open them. */
static struct tty_driver *tty_drivers[MAX_TTY_DRIVERS];
static int nr_tty_drivers;
static struct tty_struct *console_tty;
static const struct file_operations tty_fops;

/* /dev/console's inode, character device 5,1 as in Linux; files on it
 * share it, as they would share the device node's. */
static struct inode console_inode = {
	.i_mode = S_IFCHR | 0600,
	.i_nlink = 1,
	.i_rdev = MKDEV(5, 1),
};

/*
 * tty_register_driver - make the tty of @drv's one device (minor
 * minor_start), with the driver's init_termios and N_TTY as its line
 * discipline, and its major a character device. The first one
 * registered becomes the console. Returns 0, -ENOMEM, or -EBUSY (too
 * many drivers, or the major is taken).
 */
int tty_register_driver(struct tty_driver *drv)
{
	struct tty_struct *tty;
	int err;

	if (nr_tty_drivers == MAX_TTY_DRIVERS)
		return -EBUSY;
	err = register_chrdev(drv->major, drv->name, &tty_fops);
	if (err)
		return err;
	tty = kzalloc(sizeof(*tty), GFP_KERNEL);
	if (!tty)
		return -ENOMEM;
	tty->driver = drv;
	tty->ops = drv->ops;
	tty->index = 0;
	snprintf(tty->name, sizeof(tty->name), "%s%d", drv->name, tty->index);
	spin_lock_init(&tty->termios_lock);
	spin_lock_init(&tty->ctrl.lock);
	init_rwsem(&tty->legacy_mutex);
	spin_lock_init(&tty->files_lock);
	INIT_LIST_HEAD(&tty->tty_files);
	tty->termios = drv->init_termios;
	init_waitqueue_head(&tty->read_wait);
	init_waitqueue_head(&tty->write_wait);
	tty->ldisc = &n_tty_ops;
	err = tty->ldisc->open(tty);
	if (err)
		goto free_tty;
	drv->tty = tty;
	tty_drivers[nr_tty_drivers++] = drv;
	if (devtmpfs_create_node(tty->name, S_IFCHR | 0660,
				 MKDEV(drv->major, drv->minor_start)))
		pr_err("tty: cannot add /dev/%s\n", tty->name);
	if (!console_tty)
		console_tty = tty;
	return 0;

free_tty:
	kfree(tty);
	return err;
}

/* tty_receive_buf - the driver received @count bytes (in its interrupt):
 * through the line discipline, unless CREAD is off (the receiver is
 * disabled: the bytes are dropped, as a UART ignores them). */
void tty_receive_buf(struct tty_struct *tty, const u8 *cp, int count)
{
	unsigned long flags;

	if (!tty)
		return;
	spin_lock_irqsave(&tty->termios_lock, flags);
	if (tty->disc_data && (tty->termios.c_cflag & CREAD))
		tty->ldisc->receive_buf(tty, cp, count);
	spin_unlock_irqrestore(&tty->termios_lock, flags);
}

/* tty_wakeup - the driver has room for output again (may be called from
 * its interrupt): wake the writers and pollers. */
void tty_wakeup(struct tty_struct *tty)
{
	wake_up(&tty->write_wait);
}

/* tty_driver_flush_buffer - drop the output queued in the driver. */
void tty_driver_flush_buffer(struct tty_struct *tty)
{
	if (tty->ops->flush_buffer)
		tty->ops->flush_buffer(tty);
}

/* stop_tty - ^S or TCOOFF: hold output. termios_lock held. */
void stop_tty(struct tty_struct *tty)
{
	lockdep_assert_held(&tty->termios_lock);
	if (tty->stopped)
		return;
	tty->stopped = true;
	if (tty->ops->stop)
		tty->ops->stop(tty);
}

/* start_tty - ^Q or TCOON: let output go again. termios_lock held. */
void start_tty(struct tty_struct *tty)
{
	lockdep_assert_held(&tty->termios_lock);
	if (!tty->stopped)
		return;
	tty->stopped = false;
	if (tty->ops->start)
		tty->ops->start(tty);
	wake_up(&tty->write_wait);
}

/* tty_chars_in_buffer - output queued in the driver, not yet sent. */
static unsigned int tty_chars_in_buffer(struct tty_struct *tty)
{
	return tty->ops->chars_in_buffer ? tty->ops->chars_in_buffer(tty) : 0;
}

/*
 * tty_wait_until_sent - sleep until the driver has sent all queued
 * output (TCSETSW, TCSBRK, tcdrain, the last close), or @timeout ticks
 * passed (0: no limit). Returns 0 or -ERESTARTSYS if a signal came.
 */
int tty_wait_until_sent(struct tty_struct *tty, long timeout)
{
	struct wait_queue_entry w = { .task = NULL };
	int ret = 0;

	for (;;) {
		prepare_to_wait(&tty->write_wait, &w, TASK_INTERRUPTIBLE);
		if (!tty_chars_in_buffer(tty))
			break;
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		if (!timeout) {
			schedule();
		} else {
			timeout = schedule_timeout(timeout);
			if (!timeout)
				break;
		}
	}
	finish_wait(&tty->write_wait, &w);
	return ret;
}

/* file_tty - the tty @file is open on. */
static struct tty_struct *file_tty(struct file *file)
{
	return ((struct tty_file_private *)file->private_data)->tty;
}

static ssize_t tty_read(struct file *file, char __user *buf, size_t count,
			loff_t *pos)
{
	struct tty_struct *tty = file_tty(file);

	return tty->ldisc->read(tty, file, (u8 __user *)buf, count);
}

static ssize_t tty_write(struct file *file, const char __user *buf,
			 size_t count, loff_t *pos)
{
	struct tty_struct *tty = file_tty(file);

	return tty->ldisc->write(tty, file, (const u8 __user *)buf, count);
}

static __poll_t tty_poll(struct file *file, poll_table *wait)
{
	struct tty_struct *tty = file_tty(file);

	return tty->ldisc->poll(tty, file, wait);
}

/* tiocgwinsz - TIOCGWINSZ: the window size. 0 or -EFAULT. */
static int tiocgwinsz(struct tty_struct *tty, struct winsize __user *arg)
{
	struct winsize ws;
	unsigned long flags;

	spin_lock_irqsave(&tty->termios_lock, flags);
	ws = tty->winsize;
	spin_unlock_irqrestore(&tty->termios_lock, flags);
	return copy_to_user(arg, &ws, sizeof(ws)) ? -EFAULT : 0;
}

/* tiocswinsz - TIOCSWINSZ: a new window size; a change sends SIGWINCH
 * to the foreground process group. 0 or -EFAULT. */
static int tiocswinsz(struct tty_struct *tty, struct winsize __user *arg)
{
	struct winsize ws;
	unsigned long flags;
	bool changed;

	if (copy_from_user(&ws, arg, sizeof(ws)))
		return -EFAULT;
	spin_lock_irqsave(&tty->termios_lock, flags);
	changed = memcmp(&ws, &tty->winsize, sizeof(ws)) != 0;
	tty->winsize = ws;
	spin_unlock_irqrestore(&tty->termios_lock, flags);
	if (changed)
		tty_signal_pgrp(tty, SIGWINCH);
	return 0;
}

/*
 * tty_ioctl - ioctl(2) on a tty, dispatched as Linux's tty_ioctl: the
 * window size here, the process-group ioctls in tty_jobctrl.c, the
 * rest through the line discipline to tty_mode_ioctl(). An unknown
 * command is -ENOTTY.
 */
static int tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file_tty(file);
	int ret;

	switch (cmd) {
	case TIOCGWINSZ:
		return tiocgwinsz(tty, (struct winsize __user *)arg);
	case TIOCSWINSZ:
		return tiocswinsz(tty, (struct winsize __user *)arg);
	case TIOCSCTTY:
	case TIOCNOTTY:
	case TIOCGPGRP:
	case TIOCSPGRP:
	case TIOCGSID:
		return tty_jobctrl_ioctl(tty, file, cmd, arg);
	}
	ret = tty->ldisc->ioctl(tty, cmd, arg);
	return ret == -ENOIOCTLCMD ? -ENOTTY : ret;
}

#define CLOSING_WAIT	(30 * HZ)	/* Linux's default closing_wait */

/*
 * tty_release - a file on the tty is closed. On the last one the output
 * still queued is given up to 30 s to go out, as a serial port's close
 * waits in Linux (so that what PID 1 wrote before it exits is seen).
 */
static void tty_release(struct file *file)
{
	struct tty_file_private *priv = file->private_data;
	struct tty_struct *tty = priv->tty;
	unsigned long flags;
	bool last;

	spin_lock(&tty->files_lock);
	list_del(&priv->list);
	spin_unlock(&tty->files_lock);
	spin_lock_irqsave(&tty->termios_lock, flags);
	last = --tty->count == 0;
	spin_unlock_irqrestore(&tty->termios_lock, flags);
	if (last)
		tty_wait_until_sent(tty, CLOSING_WAIT);
	kfree(priv);
	file->private_data = NULL;	/* fput must not kfree it again */
}

/* --- hangup ---------------------------------------------------------- */

/* What a file on a tty does once the tty was hung up under it (Linux's
 * hung_up_tty_fops): reads see end of file, writes and ioctls fail. */
static ssize_t hung_up_tty_read(struct file *file, char __user *buf,
				size_t count, loff_t *pos)
{
	return 0;
}

static ssize_t hung_up_tty_write(struct file *file, const char __user *buf,
				 size_t count, loff_t *pos)
{
	return -EIO;
}

/* hung_up_tty_poll - always ready, with an error and a hangup. */
static __poll_t hung_up_tty_poll(struct file *file, poll_table *wait)
{
	return POLLIN | POLLOUT | POLLERR | POLLHUP | POLLRDNORM | POLLWRNORM;
}

/* hung_up_tty_ioctl - -EIO, but TIOCSPGRP's -ENOTTY, as Linux says. */
static int hung_up_tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	return cmd == TIOCSPGRP ? -ENOTTY : -EIO;
}

static const struct file_operations hung_up_tty_fops = {
	.read = hung_up_tty_read,
	.write = hung_up_tty_write,
	.ioctl = hung_up_tty_ioctl,
	.poll = hung_up_tty_poll,
	.release = tty_release,
};

/* tty_hung_up_p - was the tty hung up under @file? (A read or write
 * that was already sleeping in the line discipline asks this.) */
bool tty_hung_up_p(const struct file *file)
{
	return READ_ONCE(file->f_op) == &hung_up_tty_fops;
}

/*
 * tty_hangup_files - every file open on @tty becomes a hung-up one,
 * but those opened through /dev/console, which Linux never hangs up
 * (their f_op there is console_fops, not tty_fops). Takes files_lock.
 */
static void tty_hangup_files(struct tty_struct *tty)
{
	struct tty_file_private *priv;

	spin_lock(&tty->files_lock);
	list_for_each_entry(priv, &tty->tty_files, list) {
		struct file *file = priv->file;

		if (file->f_op == &tty_fops && !tty_file_is_console(file))
			WRITE_ONCE(file->f_op, &hung_up_tty_fops);
	}
	spin_unlock(&tty->files_lock);
}

/*
 * tty_ldisc_hangup - the line discipline's part of a hangup: the input
 * waiting and the output queued are dropped (Linux flushes both, and
 * reopens N_TTY on a fresh buffer), and every reader, writer and poller
 * sleeping on the tty is woken to find its file hung up.
 */
static void tty_ldisc_hangup(struct tty_struct *tty)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->termios_lock, flags);
	if (tty->disc_data)
		tty->ldisc->flush_buffer(tty);
	tty_driver_flush_buffer(tty);
	spin_unlock_irqrestore(&tty->termios_lock, flags);
	wake_up(&tty->read_wait);
	wake_up(&tty->write_wait);
}

/*
 * __tty_hangup - hang @tty up (Linux's __tty_hangup): its files turn
 * into hung-up ones, its session's leader gets SIGHUP and SIGCONT
 * (@exit_session: its foreground group SIGHUP too) and the session
 * loses it, the buffers are flushed and the sleepers woken, and the tty
 * forgets its session and group, all under tty_lock(), so that no open
 * or TIOCSCTTY makes it a new session's terminal before the old session
 * is cleared. A tty hung up and not opened since is left alone. The tty
 * itself works on: a new open of it is an
 * ordinary file (and clears hupped).
 */
static void __tty_hangup(struct tty_struct *tty, int exit_session)
{
	struct pid *session, *pgrp;
	unsigned long flags;
	bool already;

	tty_lock(tty);
	spin_lock_irqsave(&tty->termios_lock, flags);
	already = tty->hupped;
	tty->hupped = true;
	spin_unlock_irqrestore(&tty->termios_lock, flags);
	if (already)
		goto unlock;
	tty_hangup_files(tty);
	tty_signal_session_leader(tty, exit_session);
	tty_ldisc_hangup(tty);
	spin_lock_irqsave(&tty->ctrl.lock, flags);
	session = tty->ctrl.session;
	pgrp = tty->ctrl.pgrp;
	tty->ctrl.session = NULL;
	tty->ctrl.pgrp = NULL;
	spin_unlock_irqrestore(&tty->ctrl.lock, flags);
	put_pid(session);
	put_pid(pgrp);
unlock:
	tty_unlock(tty);
}

/* tty_vhangup - hang @tty up now (vhangup(2), Linux's tty_vhangup). */
void tty_vhangup(struct tty_struct *tty)
{
	__tty_hangup(tty, 0);
}

/* tty_vhangup_session - hang @tty up because its session's leader is
 * exiting: its foreground group gets SIGHUP too (Linux's). */
void tty_vhangup_session(struct tty_struct *tty)
{
	__tty_hangup(tty, 1);
}

/* tty_vhangup_self - hang up current's controlling terminal, if it has
 * one (Linux's). */
void tty_vhangup_self(void)
{
	struct tty_struct *tty = get_current_tty();

	if (tty)
		tty_vhangup(tty);
}

static int tty_open(struct inode *inode, struct file *file);

static const struct file_operations tty_fops = {
	.open = tty_open,
	.read = tty_read,
	.write = tty_write,
	.ioctl = tty_ioctl,
	.poll = tty_poll,
	.release = tty_release,
};

/* tty_lookup - the tty of device number @rdev: /dev/tty (5,0) is the
 * caller's controlling terminal (-ENXIO without one, as Linux's
 * tty_open_current_tty()); /dev/console (5,1) is the console's; a
 * driver's own numbers its device's. -ENODEV for a number no tty has. */
static struct tty_struct *tty_lookup(unsigned int rdev)
{
	if (rdev == MKDEV(TTYAUX_MAJOR, 0)) {
		struct tty_struct *tty = get_current_tty();

		return tty ? tty : ERR_PTR(-ENXIO);
	}
	if (rdev == MKDEV(TTYAUX_MAJOR, 1))
		return console_tty ? console_tty : ERR_PTR(-ENODEV);
	for (int i = 0; i < nr_tty_drivers; i++) {
		struct tty_driver *drv = tty_drivers[i];

		if (rdev == MKDEV(drv->major, drv->minor_start))
			return drv->tty;
	}
	return ERR_PTR(-ENODEV);
}

/* tty_file_is_console - was @file opened through /dev/console (5,1)?
 * Such files never stop for job control (Linux tells them by their
 * redirected_tty_write). */
bool tty_file_is_console(const struct file *file)
{
	return file->f_inode && file->f_inode->i_rdev == MKDEV(TTYAUX_MAJOR, 1);
}

/*
 * tty_open - ->open of a tty device node: the file's tty, counted in
 * tty->count and put on tty->tty_files (-ENOMEM if there is no memory
 * for that); a tty hung up before works again for it. Without O_NOCTTY, a session leader without a controlling
 * terminal acquires it (tty_open_proc_set_tty()), never through
 * /dev/console, as in Linux.
 */
static int tty_open(struct inode *inode, struct file *file)
{
	struct tty_struct *tty = tty_lookup(inode->i_rdev);
	struct tty_file_private *priv;
	unsigned long flags;

	if (IS_ERR(tty))
		return PTR_ERR(tty);
	priv = kmalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->tty = tty;
	priv->file = file;
	file->private_data = priv;
	tty_lock(tty);		/* not in the middle of a hangup */
	spin_lock(&tty->files_lock);
	list_add(&priv->list, &tty->tty_files);
	spin_unlock(&tty->files_lock);
	spin_lock_irqsave(&tty->termios_lock, flags);
	tty->count++;
	tty->hupped = false;	/* a hangup may happen again */
	spin_unlock_irqrestore(&tty->termios_lock, flags);
	if (!(file->f_flags & O_NOCTTY) && !tty_file_is_console(file))
		tty_open_proc_set_tty(file, tty);
	tty_unlock(tty);
	return 0;
}

/*
 * tty_open_console - a new file on /dev/console, opened with O_*
 * @flags, for PID 1's fds (the initramfs need not have /dev).
 * ERR_PTR(-ENODEV) if no tty driver registered, -ENOMEM.
 */
struct file *tty_open_console(unsigned int flags)
{
	struct file *f = alloc_file(&console_inode, &tty_fops, flags);
	int err;

	if (!f)
		return ERR_PTR(-ENOMEM);
	err = tty_open(&console_inode, f);
	if (err) {
		kfree(f);
		return ERR_PTR(err);
	}
	return f;
}

/* tty_init - /dev/tty and /dev/console, character major 5 (Linux's
 * TTYAUX_MAJOR). Called once at boot, before any driver registers. */
int tty_init(void)
{
	int err = register_chrdev(TTYAUX_MAJOR, "/dev/tty", &tty_fops);

	if (err)
		return err;
	if (devtmpfs_create_node("tty", S_IFCHR | 0666, MKDEV(TTYAUX_MAJOR, 0)) ||
	    devtmpfs_create_node("console", S_IFCHR | 0600, MKDEV(TTYAUX_MAJOR, 1)))
		pr_err("tty: cannot add /dev/tty, /dev/console\n");
	return 0;
}
