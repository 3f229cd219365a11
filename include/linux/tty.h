/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The tty layer (Documentation/tty.md): a tty_struct joins a driver
 * (struct tty_driver and its tty_operations: the serial port) to a line
 * discipline (struct tty_ldisc_ops: N_TTY, drivers/tty/n_tty.c) and to
 * the files open on it (tty_fops, drivers/tty/tty_io.c).
 *
 * The driver's receive path runs in its interrupt and hands the bytes
 * to the line discipline there (tty_receive_buf()), so the termios and
 * the line discipline's buffers are guarded by a spinlock taken with
 * interrupts off, where Linux has termios_rwsem and a work item.
 */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/rwsem.h>
#include <linux/file.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/pid.h>
#include <asm-generic/termbits.h>
#include <asm-generic/ioctls.h>

#ifndef __user
#define __user
#endif

struct file;
struct task_struct;
struct tty_struct;
struct poll_table_struct;

/*
 * struct tty_operations - what a tty driver does for the tty layer.
 * write, write_room, chars_in_buffer and flush_buffer may be called
 * with interrupts off and tty->termios_lock held (echoes from the
 * receive interrupt): they take only the driver's own irqsave lock and
 * never sleep.
 */
struct tty_operations {
	/* queue up to @n bytes for output; returns how many were taken */
	int (*write)(struct tty_struct *tty, const u8 *buf, int n);
	unsigned int (*write_room)(struct tty_struct *tty);
	unsigned int (*chars_in_buffer)(struct tty_struct *tty);
	void (*flush_buffer)(struct tty_struct *tty);	/* drop queued output */
	void (*stop)(struct tty_struct *tty);		/* ^S: hold output */
	void (*start)(struct tty_struct *tty);		/* ^Q: resume it */
};

/* struct tty_driver - a kind of terminal and its devices (one here). */
struct tty_driver {
	const char *name;		/* "ttyS" */
	int major, minor_start;
	const struct tty_operations *ops;
	struct ktermios init_termios;	/* a new tty's settings */
	struct tty_struct *tty;		/* the one port's tty, once set up */
};

/*
 * struct tty_ldisc_ops - a line discipline. receive_buf runs in the
 * driver's interrupt with tty->termios_lock held; the others in process
 * context with no lock held.
 */
struct tty_ldisc_ops {
	const char *name;
	int num;
	int (*open)(struct tty_struct *tty);
	void (*close)(struct tty_struct *tty);
	ssize_t (*read)(struct tty_struct *tty, struct file *file,
			u8 __user *buf, size_t nr);
	ssize_t (*write)(struct tty_struct *tty, struct file *file,
			 const u8 __user *buf, size_t nr);
	int (*ioctl)(struct tty_struct *tty, unsigned int cmd, unsigned long arg);
	__poll_t (*poll)(struct tty_struct *tty, struct file *file,
			 struct poll_table_struct *wait);
	/* termios_lock held, interrupts off: */
	void (*receive_buf)(struct tty_struct *tty, const u8 *cp, int count);
	void (*flush_buffer)(struct tty_struct *tty);	/* drop the input */
	void (*set_termios)(struct tty_struct *tty, const struct ktermios *old);
};

#define N_TTY		0

struct tty_struct {
	struct tty_driver *driver;
	const struct tty_operations *ops;
	const struct tty_ldisc_ops *ldisc;
	int index;			/* the port: 0 for ttyS0 */
	char name[16];			/* "ttyS0" */
	void *driver_data;		/* the driver's port */
	void *disc_data;		/* the line discipline's state */

	/* Linux's tty_lock() (drivers/tty/tty_mutex.c), a sleeping lock:
	 * a hangup holds it throughout, an open and TIOCSCTTY while they
	 * may make the tty a session's terminal. */
	struct rw_semaphore legacy_mutex;

	/* termios_lock (irqsave) must be held when using these, and the
	 * line discipline's state in disc_data: */
	spinlock_t termios_lock;
	struct ktermios termios;
	struct winsize winsize;
	bool stopped;			/* output held by ^S or TCOOFF */
	int count;			/* files open on it */
	bool hupped;			/* Linux's TTY_HUPPED: hung up, and not
					 * opened since (a second hangup then
					 * does nothing) */

	/* files_lock must be held when using these (Linux's
	 * tty->files_lock): every file open on the tty, by its
	 * tty_file_private, and each such file's f_op (a hangup changes it
	 * to hung_up_tty_fops). Takes nothing inside it. */
	spinlock_t files_lock;
	struct list_head tty_files;

	/* ctrl.lock (irqsave: the receive interrupt reads pgrp) must be
	 * held when using these, Linux's tty->ctrl: the session the tty is
	 * the controlling terminal of, and its foreground process group.
	 * Each is a reference on its struct pid, or NULL. ctrl.lock nests
	 * inside termios_lock, tasklist_lock and siglock, and takes nothing. */
	struct {
		spinlock_t lock;
		struct pid *pgrp;
		struct pid *session;
	} ctrl;

	struct wait_queue_head read_wait;	/* input arrived */
	struct wait_queue_head write_wait;	/* output room, or all sent */
};

/*
 * struct tty_file_private - a file open on a tty (its private_data, as
 * Linux's): the tty, and the file's place on tty->tty_files, where a
 * hangup finds it.
 */
struct tty_file_private {
	struct tty_struct *tty;
	struct file *file;
	struct list_head list;		/* on tty->tty_files, files_lock */
};

/* The termios tests, Linux's names (include/linux/tty.h there). These
 * read tty->termios: the caller holds termios_lock or accepts a racy
 * read of one flag word. */
#define I_FLAG(tty, f)	((tty)->termios.c_iflag & (f))
#define O_FLAG(tty, f)	((tty)->termios.c_oflag & (f))
#define L_FLAG(tty, f)	((tty)->termios.c_lflag & (f))
#define I_ISTRIP(tty)	I_FLAG((tty), ISTRIP)
#define I_IUCLC(tty)	I_FLAG((tty), IUCLC)
#define I_INLCR(tty)	I_FLAG((tty), INLCR)
#define I_IGNCR(tty)	I_FLAG((tty), IGNCR)
#define I_ICRNL(tty)	I_FLAG((tty), ICRNL)
#define I_IXON(tty)	I_FLAG((tty), IXON)
#define I_IXANY(tty)	I_FLAG((tty), IXANY)
#define O_OPOST(tty)	O_FLAG((tty), OPOST)
#define O_OLCUC(tty)	O_FLAG((tty), OLCUC)
#define O_ONLCR(tty)	O_FLAG((tty), ONLCR)
#define O_OCRNL(tty)	O_FLAG((tty), OCRNL)
#define O_ONOCR(tty)	O_FLAG((tty), ONOCR)
#define O_ONLRET(tty)	O_FLAG((tty), ONLRET)
#define L_ISIG(tty)	L_FLAG((tty), ISIG)
#define L_ICANON(tty)	L_FLAG((tty), ICANON)
#define L_ECHO(tty)	L_FLAG((tty), ECHO)
#define L_ECHOE(tty)	L_FLAG((tty), ECHOE)
#define L_ECHOK(tty)	L_FLAG((tty), ECHOK)
#define L_ECHONL(tty)	L_FLAG((tty), ECHONL)
#define L_NOFLSH(tty)	L_FLAG((tty), NOFLSH)
#define L_ECHOCTL(tty)	L_FLAG((tty), ECHOCTL)
#define L_ECHOPRT(tty)	L_FLAG((tty), ECHOPRT)
#define L_ECHOKE(tty)	L_FLAG((tty), ECHOKE)
#define L_IEXTEN(tty)	L_FLAG((tty), IEXTEN)
#define L_TOSTOP(tty)	L_FLAG((tty), TOSTOP)
#define C_CHAR(tty, i)	((tty)->termios.c_cc[i])

extern const struct ktermios tty_std_termios;
extern const struct tty_ldisc_ops n_tty_ops;

/* drivers/tty/tty_io.c */
int tty_init(void);
int tty_register_driver(struct tty_driver *driver);
struct file *tty_open_console(unsigned int flags);
void tty_receive_buf(struct tty_struct *tty, const u8 *cp, int count);
void tty_wakeup(struct tty_struct *tty);
void tty_driver_flush_buffer(struct tty_struct *tty);
void stop_tty(struct tty_struct *tty);
void start_tty(struct tty_struct *tty);
int tty_wait_until_sent(struct tty_struct *tty, long timeout);
bool tty_hung_up_p(const struct file *file);
void tty_vhangup(struct tty_struct *tty);
void tty_vhangup_self(void);
void tty_vhangup_session(struct tty_struct *tty);

/* drivers/tty/tty_mutex.c */
void tty_lock(struct tty_struct *tty);
void tty_unlock(struct tty_struct *tty);

/* drivers/tty/tty_ioctl.c */
int n_tty_ioctl_helper(struct tty_struct *tty, unsigned int cmd, unsigned long arg);

int tty_mode_ioctl(struct tty_struct *tty, unsigned int cmd, unsigned long arg);

bool tty_file_is_console(const struct file *file);

/* drivers/tty/tty_jobctrl.c: controlling terminals and the foreground
 * process group */
struct pid *tty_get_pgrp(struct tty_struct *tty);
struct tty_struct *get_current_tty(void);
void tty_signal_pgrp(struct tty_struct *tty, int sig);
int __tty_check_change(struct tty_struct *tty, int sig);
int tty_check_change(struct tty_struct *tty);
void tty_open_proc_set_tty(struct file *filp, struct tty_struct *tty);
void proc_clear_tty(struct task_struct *p);
void disassociate_ctty(int on_exit);
void tty_signal_session_leader(struct tty_struct *tty, int exit_session);
int tty_jobctrl_ioctl(struct tty_struct *tty, struct file *file,
		      unsigned int cmd, unsigned long arg);

#endif
