// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/mounts and /proc/PID/mountinfo from the mount tree (Linux's
 * fs/proc_namespace.c). The tree is walked under namespace_sem (read),
 * which keeps mount, umount and remount out, so the walk may allocate.
 */
#include <linux/kernel.h>
#include <linux/dcache.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/proc_fs.h>
#include <linux/rwsem.h>
#include <linux/slab.h>
#include "mount.h"

/* seq_mangle - @str with space, tab, newline and backslash as octal
 * escapes, as Linux's mangle() for the mount table's fields. */
static void seq_mangle(struct seq_buf *s, const char *str)
{
	for (; *str; str++) {
		if (*str == ' ' || *str == '\t' || *str == '\n' || *str == '\\')
			seq_printf(s, "\\%03o", (unsigned char)*str);
		else
			seq_write(s, str, 1);
	}
}

/* show_mnt_opts - the mount's own flags after "rw"/"ro", in Linux's
 * order and words. */
static void show_mnt_opts(struct seq_buf *s, struct mount *m)
{
	static const struct { int flag; const char *str; } fs_opts[] = {
		{ MNT_NOSUID, ",nosuid" }, { MNT_NODEV, ",nodev" },
		{ MNT_NOEXEC, ",noexec" }, { MNT_NOATIME, ",noatime" },
		{ MNT_NODIRATIME, ",nodiratime" }, { MNT_RELATIME, ",relatime" },
	};
	int f = READ_ONCE(m->mnt.mnt_flags);

	for (unsigned int i = 0; i < ARRAY_SIZE(fs_opts); i++)
		if (f & fs_opts[i].flag)
			seq_printf(s, "%s", fs_opts[i].str);
}

/* show_sb_fs_opts - the file system's own options (->show_options). */
static void show_sb_fs_opts(struct seq_buf *s, struct mount *m)
{
	struct super_block *sb = m->mnt.mnt_sb;

	if (sb->s_op && sb->s_op->show_options)
		sb->s_op->show_options(s, m->mnt.mnt_root);
}

/* show_mountpoint - where @m is mounted, as the reader sees it. */
static void show_mountpoint(struct seq_buf *s, struct mount *m, char *buf)
{
	struct path mp = { &m->mnt_parent->mnt, m->mnt_mountpoint };

	if (!mnt_has_parent(m)) {
		mp.mnt = &m->mnt;
		mp.dentry = m->mnt.mnt_root;
	}
	if (d_path(&mp, buf, PATH_MAX) < 0)
		seq_printf(s, "?");
	else
		seq_mangle(s, buf);
}

/* show_vfsmnt - one /proc/mounts line: source, mount point, type,
 * rw/ro, the mount's options, the file system's, "0 0". */
static void show_vfsmnt(struct seq_buf *s, struct mount *m, char *buf)
{
	seq_mangle(s, m->mnt_devname);
	seq_printf(s, " ");
	show_mountpoint(s, m, buf);
	seq_printf(s, " %s ", m->mnt.mnt_sb->s_type->name);
	seq_printf(s, "%s", __mnt_is_readonly(&m->mnt) ? "ro" : "rw");
	show_mnt_opts(s, m);
	show_sb_fs_opts(s, m);
	seq_printf(s, " 0 0\n");
}

/* show_mountinfo - one mountinfo line: ids, dev, root in its file
 * system, mount point, the mount's options, "-" (no propagation
 * fields), type, source, the super block's options and the file
 * system's. */
static void show_mountinfo(struct seq_buf *s, struct mount *m, char *buf)
{
	struct super_block *sb = m->mnt.mnt_sb;

	seq_printf(s, "%d %d %u:%u ", m->mnt_id, m->mnt_parent->mnt_id,
		   MAJOR(sb->s_dev), MINOR(sb->s_dev));
	if (dentry_path(m->mnt.mnt_root, buf, PATH_MAX) < 0)
		seq_printf(s, "?");
	else
		seq_mangle(s, buf);
	seq_printf(s, " ");
	show_mountpoint(s, m, buf);
	seq_printf(s, " %s", __mnt_is_readonly(&m->mnt) ? "ro" : "rw");
	show_mnt_opts(s, m);
	seq_printf(s, " - %s ", sb->s_type->name);
	seq_mangle(s, m->mnt_devname);
	seq_printf(s, " %s", (READ_ONCE(sb->s_flags) & SB_RDONLY) ? "ro" : "rw");
	show_sb_fs_opts(s, m);
	seq_printf(s, "\n");
}

/*
 * proc_show_mounts - every mount, in /proc/mounts' format or (@info)
 * mountinfo's, in the order they were mounted, as Linux lists its
 * namespace (not the tree's order: a later mount under an earlier
 * point comes later). Returns 0 or -ENOMEM.
 */
int proc_show_mounts(struct seq_buf *s, bool info)
{
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL);
	struct mount *m;

	if (!buf)
		return -ENOMEM;
	down_read(&namespace_sem);
	list_for_each_entry(m, &mnt_ns_list, mnt_list) {
		if (info)
			show_mountinfo(s, m, buf);
		else
			show_vfsmnt(s, m, buf);
	}
	up_read(&namespace_sem);
	kfree(buf);
	return 0;
}
