// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/sysvipc: a file per kind of System V IPC object that mmos has,
 * each a table of them all (Linux makes these in ipc/util.c with
 * proc_mkdir("sysvipc")): shm, which ipc/shm.c writes. Anyone may read
 * them, as Linux's.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/proc_fs.h>
#include <linux/shm.h>
#include "internal.h"

static const struct pid_entry sysvipc_stuff[] = {
	{ .name = "shm", .mode = S_IFREG | 0444, .show = sysvipc_shm_proc_show },
};

/* proc_sysvipc_lookup - a name of /proc/sysvipc. */
static struct dentry *proc_sysvipc_lookup(struct inode *dir, struct dentry *dentry)
{
	return proc_lookup_table(dir, dentry, sysvipc_stuff, ARRAY_SIZE(sysvipc_stuff), 0);
}

/* proc_sysvipc_readdir - getdents of /proc/sysvipc. Returns 0. */
static int proc_sysvipc_readdir(struct file *file, struct dir_context *ctx)
{
	proc_readdir_table(file, ctx, sysvipc_stuff, ARRAY_SIZE(sysvipc_stuff), 2);
	return 0;
}

const struct inode_operations proc_sysvipc_dir_operations = {
	.lookup = proc_sysvipc_lookup,
};

const struct file_operations proc_sysvipc_dir_file_operations = {
	.read = generic_read_dir,
	.iterate_shared = proc_sysvipc_readdir,
	.seekable = true,
};
