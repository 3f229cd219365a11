// SPDX-License-Identifier: GPL-2.0
/*
 * The shared-memory sysctls, /proc/sys/kernel/shmmax, shmall and shmmni
 * (Linux's ipc/ipc_sysctl.c): each a number; root writes them (the
 * files are 0644). shmmax and shmall are proc_doulongvec_minmax's,
 * shmmni proc_dointvec_minmax's within 0 .. IPCMNI; a value not a number, or negative, is -EINVAL
 * (the rules of Linux 6.18, whose tests these are run on).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/proc_fs.h>
#include <linux/shm.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include "util.h"

#define TMPBUFLEN 22	/* Linux's proc_get_long() reads no more */

/* The entries' ->show: the value and a newline. */
int shmmax_show(struct seq_buf *s, struct task_struct *task)
{
	seq_printf(s, "%lu\n", READ_ONCE(init_ipc_ns.shm_ctlmax));
	return 0;
}

int shmall_show(struct seq_buf *s, struct task_struct *task)
{
	seq_printf(s, "%lu\n", READ_ONCE(init_ipc_ns.shm_ctlall));
	return 0;
}

int shmmni_show(struct seq_buf *s, struct task_struct *task)
{
	seq_printf(s, "%d\n", READ_ONCE(init_ipc_ns.shm_ctlmni));
	return 0;
}

static bool is_wspace(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/*
 * proc_get_long - the number a sysctl write of @len bytes at @ubuf
 * gives, as Linux's proc_get_long(): leading blanks, an optional '-'
 * (*@neg), digits (base 0: 0x hex, 0 octal), then a blank or the end.
 * Returns the bytes it used (the number and the blanks around it: a
 * write of "5 6" takes "5 " only), -EFAULT, or -EINVAL (no number, or
 * junk after it).
 */
static ssize_t proc_get_long(const char __user *ubuf, size_t len, unsigned long long *val,
			     bool *neg)
{
	char buf[TMPBUFLEN + 1], *p = buf, *end, *q;
	size_t n = min(len, (size_t)TMPBUFLEN);

	if (copy_from_user(buf, ubuf, n))
		return -EFAULT;
	buf[n] = 0;
	while (is_wspace(*p))
		p++;
	*neg = *p == '-';
	if (*neg)
		p++;
	if (*p < '0' || *p > '9')
		return -EINVAL;
	for (end = p; *end && !is_wspace(*end); end++)
		;
	if (!*end && n < len)	/* the number goes on past what was read */
		return -EINVAL;
	for (q = end; is_wspace(*q); q++)
		;
	*end = 0;
	if (kstrtoull(p, 0, val))
		return -EINVAL;
	return q - buf;
}

/* shm_ulong_write - write(2) of shmmax or shmall into @var: a negative
 * number is -EINVAL. Returns the bytes used or -errno. */
static ssize_t shm_ulong_write(unsigned long *var, const char __user *ubuf, size_t len,
			       loff_t *pos)
{
	unsigned long long val;
	ssize_t used;
	bool neg;

	if (*pos)
		return len;	/* Linux ignores what comes after the first write */
	used = proc_get_long(ubuf, len, &val, &neg);
	if (used < 0)
		return used;
	if (neg)
		return -EINVAL;
	WRITE_ONCE(*var, val);
	*pos += used;
	return used;
}

ssize_t shmmax_write(struct file *f, const char __user *ubuf, size_t len, loff_t *pos)
{
	return shm_ulong_write(&init_ipc_ns.shm_ctlmax, ubuf, len, pos);
}

ssize_t shmall_write(struct file *f, const char __user *ubuf, size_t len, loff_t *pos)
{
	return shm_ulong_write(&init_ipc_ns.shm_ctlall, ubuf, len, pos);
}

/* shmmni_write - write(2) of shmmni: 0 .. IPCMNI, else -EINVAL. Returns
 * the bytes used or -errno. */
ssize_t shmmni_write(struct file *f, const char __user *ubuf, size_t len, loff_t *pos)
{
	unsigned long long val;
	ssize_t used;
	bool neg;

	if (*pos)
		return len;
	used = proc_get_long(ubuf, len, &val, &neg);
	if (used < 0)
		return used;
	if ((neg && val) || val > IPCMNI)
		return -EINVAL;
	WRITE_ONCE(init_ipc_ns.shm_ctlmni, (int)val);
	*pos += used;
	return used;
}
