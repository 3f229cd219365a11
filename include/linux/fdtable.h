/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A task's open files: fd -> struct file, and close-on-exec bits. Tasks
 * made with CLONE_FILES share one table (count).
 */
#ifndef _LINUX_FDTABLE_H
#define _LINUX_FDTABLE_H

#include <linux/atomic.h>
#include <linux/spinlock.h>

#define NR_OPEN_DEFAULT	256

struct file;
struct task_struct;

struct files_struct {
	atomic_t count;
	spinlock_t file_lock;
	struct file *fd[NR_OPEN_DEFAULT];		/* file_lock */
	unsigned long close_on_exec[NR_OPEN_DEFAULT / 64];	/* file_lock */
};

struct files_struct *files_alloc(void);
struct files_struct *dup_files(struct files_struct *old);
void put_files_struct(struct files_struct *files);
int fd_install_new(struct file *f, unsigned int flags, int min_fd);
struct file *fget(unsigned int fd);
struct file *fget_raw(unsigned int fd);
int close_fd(unsigned int fd);
void do_close_on_exec(struct files_struct *files);
int replace_fd(unsigned int fd, struct file *f, unsigned int flags);
void exit_files(struct task_struct *tsk);
int fd_get_cloexec(unsigned int fd);
void fd_set_cloexec(unsigned int fd, bool on);

#define O_ACCMODE	00000003
#define O_RDONLY	00000000
#define O_WRONLY	00000001
#define O_RDWR		00000002
#define O_CREAT		00000100
#define O_EXCL		00000200
#define O_NOCTTY	00000400
#define O_TRUNC		00001000
#define O_APPEND	00002000
#define O_NONBLOCK	00004000
#define O_LARGEFILE	00100000	/* x86-64's: open() always sets it */
#define O_DIRECTORY	00200000
#define O_NOFOLLOW	00400000
#define O_NOATIME	01000000
#define O_CLOEXEC	02000000
#define O_PATH		010000000

#endif
