/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System V shared memory (ipc/shm.c): the user ABI (x86-64 Linux's
 * struct shmid64_ds, shminfo64, shm_info and the SHM_* values) and the
 * limits, Linux's defaults.
 */
#ifndef _LINUX_SHM_H
#define _LINUX_SHM_H

#include <linux/ipc.h>

/* the limits: SHMMAX and SHMALL as large as Linux lets them be by
 * default; SHMMNI segments at most (a sysctl); SHMLBA is x86's */
#define SHMMIN	1
#define SHMMNI	4096
#define SHMMAX	(~0UL - (1UL << 24))
#define SHMALL	(~0UL - (1UL << 24))
#define SHMSEG	SHMMNI
#define SHMLBA	PAGE_SIZE

/* shmget's flags, with the mode's low 9 bits */
#define SHM_HUGETLB	04000
#define SHM_NORESERVE	010000

/* in shm_perm.mode */
#define SHM_DEST	01000	/* removed: destroyed at the last detach */
#define SHM_LOCKED	02000

/* shmat's flags */
#define SHM_RDONLY	010000
#define SHM_RND		020000
#define SHM_REMAP	040000
#define SHM_EXEC	0100000

/* shmctl's own commands */
#define SHM_LOCK	11
#define SHM_UNLOCK	12
#define SHM_STAT	13
#define SHM_INFO	14
#define SHM_STAT_ANY	15

struct shmid64_ds {
	struct ipc64_perm shm_perm;
	size_t shm_segsz;
	long shm_atime, shm_dtime, shm_ctime;
	int shm_cpid, shm_lpid;
	unsigned long shm_nattch;
	unsigned long __unused4, __unused5;
};

struct shminfo64 {
	unsigned long shmmax, shmmin, shmmni, shmseg, shmall;
	unsigned long __unused1, __unused2, __unused3, __unused4;
};

struct shm_info {
	int used_ids;
	unsigned long shm_tot, shm_rss, shm_swp;
	unsigned long swap_attempts, swap_successes;
};

struct seq_buf;
struct task_struct;

/* ipc/shm.c: /proc/sysvipc/shm */
int sysvipc_shm_proc_show(struct seq_buf *s, struct task_struct *task);

/* ipc/ipc_sysctl.c: /proc/sys/kernel/shmmax, shmall, shmmni */
struct file;
int shmmax_show(struct seq_buf *s, struct task_struct *task);
int shmall_show(struct seq_buf *s, struct task_struct *task);
int shmmni_show(struct seq_buf *s, struct task_struct *task);
ssize_t shmmax_write(struct file *f, const char __user *ubuf, size_t len, loff_t *pos);
ssize_t shmall_write(struct file *f, const char __user *ubuf, size_t len, loff_t *pos);
ssize_t shmmni_write(struct file *f, const char __user *ubuf, size_t len, loff_t *pos);

#endif
