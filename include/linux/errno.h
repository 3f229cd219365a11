/* SPDX-License-Identifier: GPL-2.0 */
/* Linux's errno numbers (asm-generic/errno-base.h and errno.h). */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#define EPERM		1
#define ENOENT		2
#define ESRCH		3
#define EINTR		4
#define EIO		5
#define ENXIO		6
#define E2BIG		7
#define ENOEXEC		8
#define EBADF		9
#define ECHILD		10
#define EAGAIN		11
#define ENOMEM		12
#define EACCES		13
#define EFAULT		14
#define ENOTBLK		15
#define EBUSY		16
#define EEXIST		17
#define EXDEV		18
#define ENODEV		19
#define ENOTDIR		20
#define EISDIR		21
#define EINVAL		22
#define ENFILE		23
#define EMFILE		24
#define ENOTTY		25
#define ETXTBSY		26
#define EFBIG		27
#define ENOSPC		28
#define ESPIPE		29
#define EROFS		30
#define EMLINK		31
#define EPIPE		32
#define ERANGE		34
#define ENAMETOOLONG	36
#define ENOSYS		38
#define ENOTEMPTY	39
#define ELOOP		40
#define EIDRM		43
#define EOVERFLOW	75
#define ETIMEDOUT	110
#define EOPNOTSUPP	95
#define ENODATA		61

/* Never seen by user space: a syscall interrupted by a signal asks to be
 * restarted; on the way out it becomes -EINTR, or the syscall runs again
 * (no handler ran, or the handler has SA_RESTART), as in Linux. */
#define ERESTARTSYS	512
#define ERESTARTNOINTR	513	/* always restarted */
/* The same, but restarted only if no handler ran (poll, select). */
#define ERESTARTNOHAND	514
/* Never seen by user space: an ioctl the callee does not know; the
 * caller tries the next layer, and the last one makes it -ENOTTY. */
#define ENOIOCTLCMD	515
/* Restarted by restart_syscall(2) (current->restart_block) if no
 * handler ran, else -EINTR: <linux/restart_block.h>. */
#define ERESTART_RESTARTBLOCK	516

#define MAX_ERRNO	4095

#ifndef __ASSEMBLY__
#define IS_ERR_VALUE(x)	((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error) { return (void *)error; }
static inline long PTR_ERR(const void *ptr) { return (long)ptr; }
static inline int IS_ERR(const void *ptr) { return IS_ERR_VALUE(ptr); }
static inline void *ERR_CAST(const void *ptr) { return (void *)ptr; }
static inline int IS_ERR_OR_NULL(const void *ptr) { return !ptr || IS_ERR_VALUE(ptr); }
static inline int PTR_ERR_OR_ZERO(const void *ptr) { return IS_ERR(ptr) ? (int)PTR_ERR(ptr) : 0; }
#endif

#endif
