// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/sys (Linux's fs/proc/proc_sysctl.c, for the few values mmos
 * has): kernel/{core_pattern,core_uses_pid,ostype,osrelease,hostname,pid_max,tainted},
 * kernel/{shmmax,shmall,shmmni} (ipc/ipc_sysctl.c reads and writes them),
 * vm/mmap_min_addr, and mm's limits (vm/overcommit_{memory,ratio,kbytes},
 * vm/{admin,user}_reserve_kbytes, vm/max_map_count). The numbers that
 * can be written are a struct ctl_table each, read and written by
 * kernel/sysctl.c's handlers; hostname (as sethostname(2)), tainted and
 * the shm ones have writers of their own. The others are fixed in mmos,
 * so their mode is 0444 and opening them for writing is -EACCES, as
 * Linux's sysctl permission check says for a read-only entry.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/coredump.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/proc_fs.h>
#include <linux/shm.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/sysctl.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>
#include "internal.h"

/* uts_show - one of the names, under uts_lock, and a newline. */
static void uts_show(struct seq_buf *s, size_t offset)
{
	char name[__NEW_UTS_LEN + 1];

	spin_lock(&uts_lock);
	memcpy(name, (char *)utsname() + offset, sizeof(name));
	spin_unlock(&uts_lock);
	seq_printf(s, "%s\n", name);
}

/* The entries' ->show: each value and a newline, as Linux's sysctls. */
static int ostype_show(struct seq_buf *s, struct task_struct *task)
{
	uts_show(s, offsetof(struct new_utsname, sysname));
	return 0;
}

static int osrelease_show(struct seq_buf *s, struct task_struct *task)
{
	uts_show(s, offsetof(struct new_utsname, release));
	return 0;
}

static int hostname_show(struct seq_buf *s, struct task_struct *task)
{
	uts_show(s, offsetof(struct new_utsname, nodename));
	return 0;
}

static int tainted_show(struct seq_buf *s, struct task_struct *task)
{
	seq_printf(s, "%lu\n", get_taint());
	return 0;
}

static int mmap_min_addr_show(struct seq_buf *s, struct task_struct *task)
{
	seq_printf(s, "%lu\n", MMAP_MIN_ADDR);
	return 0;
}

/* proc_sys_open - refuse writing what is not writable (-EACCES, even
 * for root, as Linux's sysctl_perm), then open as any /proc file. */
static int proc_sys_open(struct inode *inode, struct file *f)
{
	if ((f->f_mode & FMODE_WRITE) && !(inode->i_mode & 0200))
		return -EACCES;
	return proc_single_fops.open(inode, f);
}

/*
 * hostname_write - write(2) of kernel/hostname: the new name, up to a
 * newline, as Linux's proc_do_uts_string (one write, from offset 0;
 * longer than 64 bytes is cut). Returns @len, or -EFAULT.
 */
static ssize_t hostname_write(struct file *f, const char __user *ubuf, size_t len,
			      loff_t *pos)
{
	char name[__NEW_UTS_LEN + 1];
	size_t n = min(len, (size_t)__NEW_UTS_LEN);

	if (*pos)
		return len;	/* Linux ignores what comes after the first write */
	if (copy_from_user(name, ubuf, n))
		return -EFAULT;
	name[n] = 0;
	for (size_t i = 0; i < n; i++)
		if (name[i] == '\n')
			name[i] = 0;
	spin_lock(&uts_lock);
	memcpy(utsname()->nodename, name, sizeof(name));
	spin_unlock(&uts_lock);
	*pos += len;
	return len;
}

/*
 * tainted_write - write(2) of kernel/tainted: root (CAP_SYS_ADMIN, else
 * -EPERM) may add taint bits, never clear one, as Linux's proc_taint.
 * A decimal number, up to a newline: -EINVAL otherwise. Returns @len.
 */
static ssize_t tainted_write(struct file *f, const char __user *ubuf, size_t len,
			     loff_t *pos)
{
	char buf[24];
	unsigned long long mask;
	size_t n = min(len, sizeof(buf) - 1);

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (copy_from_user(buf, ubuf, n))
		return -EFAULT;
	buf[n] = 0;
	if (n && buf[n - 1] == '\n')
		buf[n - 1] = 0;
	if (kstrtoull(buf, 10, &mask))
		return -EINVAL;
	add_taint_mask(mask);
	*pos += len;
	return len;
}

static const struct file_operations proc_sys_ro_fops = {
	.open = proc_sys_open,
	.read = proc_single_read,
	.seekable = true,
};

static const struct file_operations tainted_fops = {
	.open = proc_sys_open,
	.read = proc_single_read,
	.write = tainted_write,
	.seekable = true,
};

static const struct file_operations hostname_fops = {
	.open = proc_sys_open,
	.read = proc_single_read,
	.write = hostname_write,
	.seekable = true,
};

/* SYS_RW_FOPS - the operations of a writable entry written by @WRITE */
#define SYS_RW_FOPS(NAME, WRITE)				\
static const struct file_operations NAME = {			\
	.open = proc_sys_open,					\
	.read = proc_single_read,				\
	.write = WRITE,						\
	.seekable = true,					\
}

SYS_RW_FOPS(shmmax_fops, shmmax_write);
SYS_RW_FOPS(shmall_fops, shmall_write);
SYS_RW_FOPS(shmmni_fops, shmmni_write);

#define SYS_RO(NAME, SHOW) \
	{ .name = NAME, .mode = S_IFREG | 0444, .show = SHOW, .fop = &proc_sys_ro_fops }

/*
 * proc_sys_call_open - open a ctl_table number: as proc_sys_open(), and
 * its text made now by the handler (a read of it from offset 0).
 */
static int proc_sys_call_open(struct inode *inode, struct file *f)
{
	const struct ctl_table *table = PROC_I(inode)->ent->ctl;
	size_t len = 63;
	loff_t pos = 0;
	char *buf;
	int err;

	if ((f->f_mode & FMODE_WRITE) && !(inode->i_mode & 0200))
		return -EACCES;
	buf = kmalloc(len + 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	err = table->proc_handler(table, 0, buf, &len, &pos);
	if (err) {
		kfree(buf);
		return err;
	}
	f->private_data = buf;	/* freed by fput */
	f->private_size = len;
	return 0;
}

/*
 * proc_sys_call_write - write(2) of a ctl_table number: the text copied
 * in and NUL-terminated, then given to the handler at the file's offset
 * (Linux's proc_sys_call_handler). Returns the bytes the handler took,
 * or -EFAULT, -ENOMEM, or its error.
 */
static ssize_t proc_sys_call_write(struct file *f, const char __user *ubuf, size_t len,
				   loff_t *pos)
{
	const struct ctl_table *table = PROC_I(f->f_inode)->ent->ctl;
	char *kbuf;
	int err;

	if (len >= PAGE_SIZE)
		len = PAGE_SIZE - 1;	/* a number never needs more */
	kbuf = kmalloc(len + 1, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	err = -EFAULT;
	if (!copy_from_user(kbuf, ubuf, len)) {
		kbuf[len] = 0;
		err = table->proc_handler(table, 1, kbuf, &len, pos);
	}
	kfree(kbuf);
	return err ? err : (ssize_t)len;
}

static const struct file_operations proc_sys_ctl_fops = {
	.open = proc_sys_call_open,
	.read = proc_single_read,
	.write = proc_sys_call_write,
	.seekable = true,
};

/* SYS_CTL - a writable number of /proc/sys, by @TABLE's handler */
#define SYS_CTL(NAME, TABLE) \
	{ .name = NAME, .mode = S_IFREG | 0644, .fop = &proc_sys_ctl_fops, .ctl = &(TABLE) }

static const struct ctl_table pid_max_table = {
	.data = &pid_max, .proc_handler = proc_dointvec_minmax,
	.extra1 = &pid_max_min, .extra2 = &pid_max_max,
};

static const struct ctl_table core_pattern_table = {
	.data = core_pattern, .proc_handler = proc_dostring_coredump,
};
static const struct ctl_table core_uses_pid_table = {
	.data = &core_uses_pid, .proc_handler = proc_dointvec,
};

static const struct pid_entry sys_kernel_stuff[] = {
	SYS_CTL("core_pattern", core_pattern_table),
	SYS_CTL("core_uses_pid", core_uses_pid_table),
	SYS_RO("ostype", ostype_show),
	SYS_RO("osrelease", osrelease_show),
	{ .name = "hostname", .mode = S_IFREG | 0644, .show = hostname_show,
	  .fop = &hostname_fops },
	SYS_CTL("pid_max", pid_max_table),
	{ .name = "tainted", .mode = S_IFREG | 0644, .show = tainted_show,
	  .fop = &tainted_fops },
	/* ipc/ipc_sysctl.c */
	{ .name = "shmmax", .mode = S_IFREG | 0644, .show = shmmax_show, .fop = &shmmax_fops },
	{ .name = "shmall", .mode = S_IFREG | 0644, .show = shmall_show, .fop = &shmall_fops },
	{ .name = "shmmni", .mode = S_IFREG | 0644, .show = shmmni_show, .fop = &shmmni_fops },
};

static const struct ctl_table overcommit_memory_table = {
	.data = &sysctl_overcommit_memory, .proc_handler = proc_dointvec_minmax,
	.extra1 = SYSCTL_ZERO, .extra2 = SYSCTL_TWO,
};
static const struct ctl_table overcommit_ratio_table = {
	.data = &sysctl_overcommit_ratio, .proc_handler = overcommit_ratio_handler,
};
static const struct ctl_table overcommit_kbytes_table = {
	.data = &sysctl_overcommit_kbytes, .proc_handler = overcommit_kbytes_handler,
};
static const struct ctl_table max_map_count_table = {
	.data = &sysctl_max_map_count, .proc_handler = proc_dointvec_minmax,
	.extra1 = SYSCTL_ZERO,
};
static const struct ctl_table admin_reserve_kbytes_table = {
	.data = &sysctl_admin_reserve_kbytes, .proc_handler = proc_doulongvec_minmax,
};
static const struct ctl_table user_reserve_kbytes_table = {
	.data = &sysctl_user_reserve_kbytes, .proc_handler = proc_doulongvec_minmax,
};

/* vm/: in Linux's (alphabetical) order */
static const struct pid_entry sys_vm_stuff[] = {
	SYS_CTL("admin_reserve_kbytes", admin_reserve_kbytes_table),
	SYS_CTL("max_map_count", max_map_count_table),
	SYS_RO("mmap_min_addr", mmap_min_addr_show),
	SYS_CTL("overcommit_kbytes", overcommit_kbytes_table),
	SYS_CTL("overcommit_memory", overcommit_memory_table),
	SYS_CTL("overcommit_ratio", overcommit_ratio_table),
	SYS_CTL("user_reserve_kbytes", user_reserve_kbytes_table),
};

/* PROC_TABLE_DIR - a directory of /proc/sys whose names are @TABLE. */
#define PROC_TABLE_DIR(PREFIX, TABLE)						\
static struct dentry *PREFIX##_lookup(struct inode *dir, struct dentry *dentry) \
{										\
	return proc_lookup_table(dir, dentry, TABLE, ARRAY_SIZE(TABLE), 0);	\
}										\
static int PREFIX##_readdir(struct file *file, struct dir_context *ctx)	\
{										\
	proc_readdir_table(file, ctx, TABLE, ARRAY_SIZE(TABLE), 2);		\
	return 0;								\
}										\
static const struct inode_operations PREFIX##_iops = {			\
	.lookup = PREFIX##_lookup,						\
};										\
static const struct file_operations PREFIX##_fops = {				\
	.read = generic_read_dir,						\
	.iterate_shared = PREFIX##_readdir,					\
	.seekable = true,							\
}

PROC_TABLE_DIR(sys_kernel, sys_kernel_stuff);
PROC_TABLE_DIR(sys_vm, sys_vm_stuff);

static const struct pid_entry sys_stuff[] = {
	{ .name = "kernel", .mode = S_IFDIR | 0555, .iop = &sys_kernel_iops,
	  .fop = &sys_kernel_fops },
	{ .name = "vm", .mode = S_IFDIR | 0555, .iop = &sys_vm_iops, .fop = &sys_vm_fops },
};

/* /proc/sys itself, in the root's table */
static struct dentry *proc_sys_lookup(struct inode *dir, struct dentry *dentry)
{
	return proc_lookup_table(dir, dentry, sys_stuff, ARRAY_SIZE(sys_stuff), 0);
}

static int proc_sys_readdir(struct file *file, struct dir_context *ctx)
{
	proc_readdir_table(file, ctx, sys_stuff, ARRAY_SIZE(sys_stuff), 2);
	return 0;
}

const struct inode_operations proc_sys_dir_operations = {
	.lookup = proc_sys_lookup,
};

const struct file_operations proc_sys_dir_file_operations = {
	.read = generic_read_dir,
	.iterate_shared = proc_sys_readdir,
	.seekable = true,
};
