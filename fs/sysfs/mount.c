// SPDX-License-Identifier: GPL-2.0
/*
 * A minimal sysfs (type "sysfs", SYSFS_MAGIC): kernel/mm/ (empty: mmos
 * has no transparent huge pages or KSM to show) and
 * devices/system/cpu/online ("0": one CPU). Linux builds sysfs on
 * kernfs; mmos has only these fixed names, so it uses /proc's tables of
 * entries made on lookup (fs/proc/internal.h). Nothing can be created
 * in it (-EPERM, as kernfs without the syscall operations).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/proc_fs.h>
#include <linux/sysfs.h>
#include "../proc/internal.h"

#define SYSFS_MAGIC	0x62656572

/* The CPUs online, as a list: mmos runs on one. */
static int cpu_online_show(struct seq_buf *s, struct task_struct *task)
{
	seq_printf(s, "0\n");
	return 0;
}

/* SYSFS_DIR - a directory whose names are @TABLE (@N of them). */
#define SYSFS_DIR(PREFIX, TABLE, N)						\
static struct dentry *PREFIX##_lookup(struct inode *dir, struct dentry *dentry) \
{										\
	return proc_lookup_table(dir, dentry, TABLE, N, 0);			\
}										\
static int PREFIX##_readdir(struct file *file, struct dir_context *ctx)	\
{										\
	proc_readdir_table(file, ctx, TABLE, N, 2);				\
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

#define SYSFS_ENTRY_DIR(NAME, PREFIX) \
	{ .name = NAME, .mode = S_IFDIR | 0755, .iop = &PREFIX##_iops, .fop = &PREFIX##_fops }

static const struct pid_entry cpu_stuff[] = {
	{ .name = "online", .mode = S_IFREG | 0444, .show = cpu_online_show },
};
SYSFS_DIR(sysfs_cpu, cpu_stuff, ARRAY_SIZE(cpu_stuff));

static const struct pid_entry system_stuff[] = { SYSFS_ENTRY_DIR("cpu", sysfs_cpu) };
SYSFS_DIR(sysfs_system, system_stuff, ARRAY_SIZE(system_stuff));

static const struct pid_entry devices_stuff[] = { SYSFS_ENTRY_DIR("system", sysfs_system) };
SYSFS_DIR(sysfs_devices, devices_stuff, ARRAY_SIZE(devices_stuff));

SYSFS_DIR(sysfs_mm, NULL, 0);

static const struct pid_entry kernel_stuff[] = { SYSFS_ENTRY_DIR("mm", sysfs_mm) };
SYSFS_DIR(sysfs_kernel, kernel_stuff, ARRAY_SIZE(kernel_stuff));

static const struct pid_entry root_stuff[] = {
	SYSFS_ENTRY_DIR("devices", sysfs_devices),
	SYSFS_ENTRY_DIR("kernel", sysfs_kernel),
};
SYSFS_DIR(sysfs_root, root_stuff, ARRAY_SIZE(root_stuff));

static const struct pid_entry sysfs_root_ent = SYSFS_ENTRY_DIR("", sysfs_root);

/* sysfs_fill_super - an instance: SYSFS_MAGIC and the root's table. */
static int sysfs_fill_super(struct super_block *sb, void *data)
{
	struct inode *root;

	sb->s_magic = SYSFS_MAGIC;
	sb->s_op = &proc_sops;
	root = proc_pid_make_inode(sb, &sysfs_root_ent, 0, 0);
	if (!root)
		return -ENOMEM;
	root->i_ino = 1;
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

/* sysfs_mount - a new instance at each mount (they all show the same). */
static struct super_block *sysfs_mount(struct file_system_type *fs_type, int flags,
				       const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, sysfs_fill_super);
}

static struct file_system_type sysfs_fs_type = {
	.name = "sysfs",
	.mount = sysfs_mount,
	.kill_sb = kill_litter_super,
};

/* sysfs_init - register the type (from mnt_init()). */
void sysfs_init(void)
{
	register_filesystem(&sysfs_fs_type);
}
