// SPDX-License-Identifier: GPL-2.0
/*
 * The proc file system (Linux's fs/proc/root.c): type "proc", a new
 * instance per mount, whose root lists the global entries and then a
 * directory per process. Mounted on /proc at boot when the initramfs
 * has that directory (proc_mount_proc()), as devtmpfs is on /dev.
 */
#include <linux/kernel.h>
#include <linux/arch.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include "internal.h"

/* Root positions: ".", "..", the table, then process N at this + N
 * (Linux's FIRST_PROCESS_ENTRY), so a table that grows moves no pid. */
#define FIRST_PROCESS_ENTRY	256

/* proc_self_link - /proc/self: the caller's process number. */
static int proc_self_link(struct seq_buf *s, struct task_struct *task, int fd)
{
	seq_printf(s, "%d", current->tgid);
	return 0;
}

/* proc_thread_self_link - /proc/thread-self: "TGID/task/TID". */
static int proc_thread_self_link(struct seq_buf *s, struct task_struct *task, int fd)
{
	seq_printf(s, "%d/task/%d", current->tgid, current->pid);
	return 0;
}

/* proc_mounts_link - /proc/mounts: "self/mounts", as Linux's. */
static int proc_mounts_link(struct seq_buf *s, struct task_struct *task, int fd)
{
	seq_printf(s, "self/mounts");
	return 0;
}

/* The global files' ->show: their text, from the files that keep it. */
static int proc_cmdline_show(struct seq_buf *s, struct task_struct *task)
{
	seq_printf(s, "%s\n", boot_command_line);
	return 0;
}

static int proc_mmstat_show(struct seq_buf *s, struct task_struct *task)
{
	proc_mmstat(s);
	return 0;
}

static int proc_meminfo_show(struct seq_buf *s, struct task_struct *task)
{
	proc_meminfo(s);
	return 0;
}

static int proc_cpuinfo_show(struct seq_buf *s, struct task_struct *task)
{
	arch_show_cpuinfo(s);
	return 0;
}

static int proc_filesystems_show(struct seq_buf *s, struct task_struct *task)
{
	proc_show_filesystems(s);
	return 0;
}

/* /proc's own names (the global entries), in readdir order. */
static const struct pid_entry proc_root_stuff[] = {
	{ .name = "self", .mode = S_IFLNK | 0777, .link = proc_self_link },
	{ .name = "thread-self", .mode = S_IFLNK | 0777, .link = proc_thread_self_link },
	{ .name = "cmdline", .mode = S_IFREG | 0444, .show = proc_cmdline_show },
	{ .name = "meminfo", .mode = S_IFREG | 0444, .show = proc_meminfo_show },
	{ .name = "mmstat", .mode = S_IFREG | 0444, .show = proc_mmstat_show },
	{ .name = "version", .mode = S_IFREG | 0444, .show = version_proc_show },
	{ .name = "uptime", .mode = S_IFREG | 0444, .show = uptime_proc_show },
	{ .name = "loadavg", .mode = S_IFREG | 0444, .show = loadavg_proc_show },
	{ .name = "stat", .mode = S_IFREG | 0444, .show = stat_proc_show },
	{ .name = "cpuinfo", .mode = S_IFREG | 0444, .show = proc_cpuinfo_show },
	{ .name = "filesystems", .mode = S_IFREG | 0444, .show = proc_filesystems_show },
	{ .name = "mounts", .mode = S_IFLNK | 0777, .link = proc_mounts_link },
	{ .name = "kpagecount", .mode = S_IFREG | 0400, .fop = &proc_kpagecount_operations },
	{ .name = "kpageflags", .mode = S_IFREG | 0400, .fop = &proc_kpageflags_operations },
	{ .name = "sys", .mode = S_IFDIR | 0555, .iop = &proc_sys_dir_operations,
	  .fop = &proc_sys_dir_file_operations },
	{ .name = "sysvipc", .mode = S_IFDIR | 0555, .iop = &proc_sysvipc_dir_operations,
	  .fop = &proc_sysvipc_dir_file_operations },
};

/* proc_root_lookup - a global entry, else a process's directory. */
static struct dentry *proc_root_lookup(struct inode *dir, struct dentry *dentry)
{
	struct dentry *d = proc_lookup_table(dir, dentry, proc_root_stuff,
					     ARRAY_SIZE(proc_root_stuff), 0);

	if (d)
		return d;
	return proc_pid_lookup(dentry, dentry->d_name.name);
}

/* proc_root_readdir - getdents of /proc: the table, then the processes. */
static int proc_root_readdir(struct file *file, struct dir_context *ctx)
{
	if (ctx->pos < FIRST_PROCESS_ENTRY &&
	    !proc_readdir_table(file, ctx, proc_root_stuff,
				ARRAY_SIZE(proc_root_stuff), 2))
		return 0;
	return proc_pid_readdir(file, ctx, FIRST_PROCESS_ENTRY);
}

static const struct inode_operations proc_root_inode_operations = {
	.lookup = proc_root_lookup,
};

static const struct file_operations proc_root_operations = {
	.read = generic_read_dir,
	.iterate_shared = proc_root_readdir,
	.seekable = true,
};

static const struct pid_entry proc_root_ent = {
	.name = "", .mode = S_IFDIR | 0555,
	.iop = &proc_root_inode_operations, .fop = &proc_root_operations,
};

/* proc_fill_super - an instance: PROC_SUPER_MAGIC, a root of inode 1
 * (Linux's PROC_ROOT_INO). No mount options are taken. */
static int proc_fill_super(struct super_block *sb, void *data)
{
	struct inode *root;

	sb->s_magic = PROC_SUPER_MAGIC;
	sb->s_op = &proc_sops;
	root = proc_pid_make_inode(sb, &proc_root_ent, 0, 0);
	if (!root)
		return -ENOMEM;
	root->i_ino = 1;
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

/* proc_mount - a new instance at each mount, as Linux's since 5.8. */
static struct super_block *proc_mount(struct file_system_type *fs_type, int flags,
				      const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, proc_fill_super);
}

static struct file_system_type proc_fs_type = {
	.name = "proc",
	.mount = proc_mount,
	.kill_sb = kill_litter_super,
};

/* proc_root_init - register the type (from mnt_init()). */
void proc_root_init(void)
{
	register_filesystem(&proc_fs_type);
}

/* proc_mount_proc - mount proc on /proc if the initramfs made that
 * directory. Returns 0, or the error of the lookup or mount. */
int proc_mount_proc(void)
{
	struct path path;
	int err = kern_path("/proc", LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (err)
		return err;
	err = path_mount("proc", &path, "proc", 0, NULL);
	path_put(&path);
	return err;
}
