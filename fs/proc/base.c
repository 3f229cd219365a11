// SPDX-License-Identifier: GPL-2.0
/*
 * /proc's names: /proc/{self,<pid>}/{maps,status,cmdline,environ},
 * /proc/meminfo, /proc/mmstat, /proc/cmdline. Opening one generates its text into a
 * buffer owned by the struct file; reads copy from it.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

/* seq_grow - room for @n more bytes (and a NUL) in @s; false (overflow
 * set) when memory is out. */
static bool seq_grow(struct seq_buf *s, size_t n)
{
	size_t want;
	char *nb;

	if (s->buf && s->len + n < s->size)
		return true;
	want = max(s->size * 2, s->len + n + 256);
	nb = kmalloc(want, GFP_KERNEL);
	if (!nb) {
		s->overflow = true;
		return false;
	}
	if (s->buf)
		memcpy(nb, s->buf, s->len);
	kfree(s->buf);
	s->buf = nb;
	s->size = want;
	return true;
}

/* seq_printf - append to @s, growing its buffer; on -ENOMEM the text
 * stops there (overflow is set). */
void seq_printf(struct seq_buf *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (!seq_grow(s, n))
		return;
	va_start(ap, fmt);
	vsnprintf(s->buf + s->len, s->size - s->len, fmt, ap);
	va_end(ap);
	s->len += n;
}

/* seq_write - append @len bytes of @data (NULs and all) to @s. */
void seq_write(struct seq_buf *s, const void *data, size_t len)
{
	if (!seq_grow(s, len))
		return;
	memcpy(s->buf + s->len, data, len);
	s->len += len;
}

/* seq_pad - spaces up to column @col of the current line. */
void seq_pad(struct seq_buf *s, size_t col)
{
	size_t start = s->len;

	while (start && s->buf[start - 1] != '\n')
		start--;
	if (s->len - start < col)
		seq_printf(s, "%*s", (int)(col - (s->len - start)), "");
}

static ssize_t proc_read(struct file *f, char __user *ubuf, size_t len, loff_t *pos)
{
	size_t n;

	if (*pos < 0)
		return -EINVAL;
	if ((size_t)*pos >= f->private_size)
		return 0;
	n = min(len, f->private_size - (size_t)*pos);
	if (copy_to_user(ubuf, (char *)f->private_data + *pos, n))
		return -EFAULT;
	*pos += n;
	return n;
}

static const struct file_operations proc_fops = {
	.read = proc_read,
	.seekable = true,
};

/* Parse "<pid>" or "self" at @p into a held task; NULL if none. */
static struct task_struct *proc_task(const char *p, const char **rest)
{
	pid_t pid = 0;

	if (!strncmp(p, "self", 4)) {
		pid = current->tgid;
		p += 4;
	} else {
		if (*p < '0' || *p > '9')
			return NULL;
		while (*p >= '0' && *p <= '9')
			pid = pid * 10 + *p++ - '0';
	}
	*rest = p;
	return find_get_task_by_pid(pid);
}

/*
 * proc_pid_cmdline - /proc/PID/cmdline (or, with @env, environ): the
 * argument (environment) strings as exec left them on the task's stack,
 * NULs and all, read through its mm. Empty for a kernel thread, as in
 * Linux. Returns 0 or -ENOMEM.
 */
static int proc_pid_cmdline(struct seq_buf *s, struct task_struct *task, bool env)
{
	struct mm_struct *mm = get_task_mm(task);
	unsigned long start, end;
	char *page;
	long n;

	if (!mm)
		return 0;
	spin_lock(&mm->arg_lock);
	start = env ? mm->env_start : mm->arg_start;
	end = env ? mm->env_end : mm->arg_end;
	spin_unlock(&mm->arg_lock);
	page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	for (; page && start < end; start += n) {
		n = access_remote_vm(mm, start, page, min(end - start, PAGE_SIZE), false);
		if (n <= 0)
			break;
		seq_write(s, page, n);
	}
	kfree(page);
	mmput(mm);
	return page ? 0 : -ENOMEM;
}

static int proc_generate(struct seq_buf *s, const char *name)
{
	struct task_struct *task;
	const char *rest;
	int err = 0;

	if (!strcmp(name, "meminfo"))
		proc_meminfo(s);
	else if (!strcmp(name, "mmstat"))
		proc_mmstat(s);
	else if (!strcmp(name, "cmdline"))
		seq_printf(s, "%s\n", boot_command_line);
	else if ((task = proc_task(name, &rest))) {
		if (!strcmp(rest, "/maps"))
			proc_pid_maps(s, task);
		else if (!strcmp(rest, "/status"))
			proc_pid_status(s, task);
		else if (!strcmp(rest, "/cmdline"))
			err = proc_pid_cmdline(s, task, false);
		else if (!strcmp(rest, "/environ"))
			err = proc_pid_cmdline(s, task, true);
		else
			err = (!*rest || !strcmp(rest, "/")) ? -EISDIR : -ENOENT;
		put_task_struct(task);
	} else {
		err = !*name ? -EISDIR : -ENOENT;
	}
	return err;
}

/* proc_open - open /proc/NAME: its text, generated now. */
struct file *proc_open(const char *path, unsigned int flags)
{
	struct seq_buf s = { 0 };
	struct file *f;
	int err;

	path += 5;	/* "/proc" */
	while (*path == '/')
		path++;
	if ((flags & O_ACCMODE) != O_RDONLY)
		return ERR_PTR(-EACCES);
	err = proc_generate(&s, path);
	if (!err && (s.overflow || !s.buf))
		err = s.overflow ? -ENOMEM : 0;
	if (err) {
		kfree(s.buf);
		return ERR_PTR(err);
	}
	f = alloc_file(NULL, &proc_fops, flags);
	if (!f) {
		kfree(s.buf);
		return ERR_PTR(-ENOMEM);
	}
	f->private_data = s.buf;
	f->private_size = s.len;
	return f;
}
