/* SPDX-License-Identifier: GPL-2.0 */
/*
 * /proc: read-only files whose text is generated when they are opened
 * (the whole of it, so a reader sees one consistent snapshot).
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

struct file *proc_open(const char *path, unsigned int flags);
void proc_pid_maps(struct seq_buf *s, struct task_struct *task);
void proc_pid_status(struct seq_buf *s, struct task_struct *task);
void proc_meminfo(struct seq_buf *s);
void proc_mmstat(struct seq_buf *s);

#endif
