/* SPDX-License-Identifier: GPL-2.0 */
/*
 * /proc (Documentation/filesystems/proc.md): a file system of read-only
 * files whose text is generated when they are opened (the whole of it,
 * so a reader sees one consistent snapshot), into a struct seq_buf
 * (fs/seq_file.c).
 */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

#include <linux/types.h>

struct file;
struct task_struct;

struct seq_buf {
	char *buf;
	size_t size, len;
	bool overflow;		/* memory ran out: the text is cut short */
};

__attribute__((format(printf, 2, 3)))
void seq_printf(struct seq_buf *s, const char *fmt, ...);
void seq_pad(struct seq_buf *s, size_t col);
void seq_write(struct seq_buf *s, const void *data, size_t len);

/* fs/proc/root.c: the file system type, and its mount on /proc */
void proc_root_init(void);
int proc_mount_proc(void);
void proc_meminfo(struct seq_buf *s);
/* fs/proc_namespace.c: the mount tree, as /proc/mounts or mountinfo */
int proc_show_mounts(struct seq_buf *s, bool info);
/* fs/super.c: the registered types, as /proc/filesystems */
void proc_show_filesystems(struct seq_buf *s);
void proc_mmstat(struct seq_buf *s);

#endif
