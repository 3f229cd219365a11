// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/PID and /proc/PID/task/TID (Linux's fs/proc/base.c): a directory
 * per process, its entries from a table, made on lookup; fd/ with a
 * symlink per open file, task/ with a directory per thread.
 */
#include <linux/kernel.h>
#include <linux/coredump.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/ptrace.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include "internal.h"
#include "../mount.h"

/* dt_type - getdents' d_type of an entry of @mode. */
static unsigned char dt_type(umode_t mode)
{
	return (mode >> 12) & 15;
}

/* proc_parse_num - @name as a decimal number with no leading zero (as
 * Linux's name_to_int), or -1. */
static long proc_parse_num(const char *name, unsigned int len)
{
	long n = 0;

	if (!len || len > 9 || (name[0] == '0' && len > 1))
		return -1;
	for (unsigned int i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		n = n * 10 + name[i] - '0';
	}
	return n;
}

/*
 * proc_lookup_table - ->lookup in a directory whose names are @ents (@n
 * of them), for process @pid: a new inode for the one named, NULL if
 * none is. The dir's i_rwsem is held (shared) by the walk.
 */
struct dentry *proc_lookup_table(struct inode *dir, struct dentry *dentry,
				 const struct pid_entry *ents, unsigned int n, pid_t pid)
{
	for (unsigned int i = 0; i < n; i++) {
		if (strlen(ents[i].name) != dentry->d_name.len ||
		    memcmp(ents[i].name, dentry->d_name.name, dentry->d_name.len))
			continue;
		return proc_splice(dentry, proc_pid_make_inode(dir->i_sb, &ents[i], pid, 0));
	}
	return NULL;
}

/* proc_emit_dots - "." and ".." at positions 0 and 1; false when the
 * caller's buffer is full. */
static bool proc_emit_dots(struct file *file, struct dir_context *ctx)
{
	struct dentry *d = file->f_path.dentry;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, d->d_inode->i_ino, DT_DIR))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		unsigned long ino;

		spin_lock(&rename_lock);
		ino = d->d_parent->d_inode->i_ino;
		spin_unlock(&rename_lock);
		if (!dir_emit(ctx, "..", 2, ino, DT_DIR))
			return false;
		ctx->pos = 2;
	}
	return true;
}

/*
 * proc_readdir_table - getdents of "." and "..", then @ents (@n) at
 * positions @first + i. Returns false when the caller's buffer filled.
 */
bool proc_readdir_table(struct file *file, struct dir_context *ctx,
			const struct pid_entry *ents, unsigned int n, loff_t first)
{
	if (!proc_emit_dots(file, ctx))
		return false;
	for (unsigned int i = 0; i < n; i++) {
		if (ctx->pos > first + i)
			continue;
		ctx->pos = first + i;
		if (!dir_emit(ctx, ents[i].name, strlen(ents[i].name),
			      1, dt_type(ents[i].mode)))
			return false;
		ctx->pos = first + i + 1;
	}
	return true;
}

/* ---- the entries -------------------------------------------------- */

/*
 * proc_pid_cmdline - /proc/PID/cmdline: the argument strings as exec
 * left them on the task's stack, NULs and all, read through its mm.
 * Empty for a kernel thread, as in Linux. Returns 0 or -ENOMEM.
 */
static int proc_pid_cmdline(struct seq_buf *s, struct task_struct *task)
{
	struct mm_struct *mm = get_task_mm(task);
	unsigned long start, end;
	char *page;
	long n;

	if (!mm)
		return 0;
	spin_lock(&mm->arg_lock);
	start = mm->arg_start;
	end = mm->arg_end;
	spin_unlock(&mm->arg_lock);
	page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	for (; page && start < end; start += n) {
		n = access_remote_vm(mm, start, page, min(end - start, PAGE_SIZE), 0);
		if (n <= 0)
			break;
		seq_write(s, page, n);
	}
	kfree(page);
	mmput(mm);
	return page ? 0 : -ENOMEM;
}

/*
 * proc_mem_open - bind the address space of @inode's process to a file
 * at open (Linux's proc_mem_open), for environ, pagemap and mem: the mm
 * if current may look at it in ptrace @mode (mm_access(), with the
 * opener's file-system ids), held by mm_count (mmgrab) and not as a
 * user, so the file does not keep the address space alive: a process
 * that execs or exits leaves it on an mm with no users, which reads
 * nothing. Returns the mm, NULL for a kernel thread (reads are empty),
 * ERR_PTR(-ESRCH) once the process is gone or ERR_PTR(-EACCES).
 */
struct mm_struct *proc_mem_open(struct inode *inode, unsigned int mode)
{
	struct task_struct *task = get_proc_task(inode);
	struct mm_struct *mm;

	if (!task)
		return ERR_PTR(-ESRCH);
	mm = mm_access(task, mode | PTRACE_MODE_FSCREDS);
	put_task_struct(task);
	if (mm && !IS_ERR(mm)) {
		mmgrab(mm);
		mmput(mm);
	}
	return mm;
}

/* proc_mem_release - the file's hold on the mm bound at open goes. */
void proc_mem_release(struct file *f)
{
	if (f->private_data)
		mmdrop(f->private_data);
	f->private_data = NULL;	/* fput must not kfree it */
}

/*
 * environ_open - /proc/PID/environ binds the address space at open
 * (proc_mem_open(), PTRACE_MODE_READ as Linux's): `tr <
 * /proc/self/environ` (the shell's child opens, then execs tr) reads
 * nothing, since the old mm has no users left.
 */
static int environ_open(struct inode *inode, struct file *f)
{
	struct mm_struct *mm = proc_mem_open(inode, PTRACE_MODE_READ);

	if (IS_ERR(mm))
		return PTR_ERR(mm);
	f->private_data = mm;	/* NULL for a kernel thread: reads are empty */
	return 0;
}

/* environ_copy - copy @len bytes at @addr of @mm to @ubuf, a page at a
 * time. Returns the bytes copied (short if @mm ends there), or -EFAULT
 * / -ENOMEM when nothing was. */
static ssize_t environ_copy(struct mm_struct *mm, unsigned long addr,
			    char __user *ubuf, size_t len)
{
	char *page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	ssize_t done = 0;

	if (!page)
		return -ENOMEM;
	while (len) {
		long n = access_remote_vm(mm, addr, page, min(len, PAGE_SIZE), 0);

		if (n <= 0)
			break;
		if (copy_to_user(ubuf + done, page, n)) {
			if (!done)
				done = -EFAULT;
			break;
		}
		done += n;
		addr += n;
		len -= n;
	}
	kfree(page);
	return done;
}

/* environ_read - the environment strings of the mm bound at open, from
 * *@pos; 0 if that mm has no users left (Linux's environ_read). */
static ssize_t environ_read(struct file *f, char __user *ubuf, size_t len, loff_t *pos)
{
	struct mm_struct *mm = f->private_data;
	unsigned long start, end;
	ssize_t n;

	if (!mm || !mm->env_end || *pos < 0 || !mmget_not_zero(mm))
		return 0;
	spin_lock(&mm->arg_lock);
	start = mm->env_start;
	end = mm->env_end;
	spin_unlock(&mm->arg_lock);
	n = 0;
	if ((unsigned long)*pos < end - start)
		n = environ_copy(mm, start + *pos, ubuf, min(len, end - start - *pos));
	mmput(mm);
	if (n > 0)
		*pos += n;
	return n;
}

/* auxv_read - /proc/PID/auxv: the auxiliary vector exec gave the mm
 * bound at open, AT_NULL's pair included (Linux's auxv_read); empty for
 * a kernel thread. */
static ssize_t auxv_read(struct file *f, char __user *ubuf, size_t len, loff_t *pos)
{
	struct mm_struct *mm = f->private_data;
	size_t size;

	if (!mm || *pos < 0)
		return 0;
	size = mm_auxv_words(mm) * sizeof(mm->saved_auxv[0]);
	if ((size_t)*pos >= size)
		return 0;
	len = min(len, size - (size_t)*pos);
	if (copy_to_user(ubuf, (char *)mm->saved_auxv + *pos, len))
		return -EFAULT;
	*pos += len;
	return len;
}

static const struct file_operations proc_auxv_operations = {
	.open = environ_open,	/* the same binding and check */
	.read = auxv_read,
	.release = proc_mem_release,
	.seekable = true,
};

static const struct file_operations proc_environ_operations = {
	.open = environ_open,
	.read = environ_read,
	.release = proc_mem_release,
	.seekable = true,
};

/*
 * mem_lseek - lseek(2) of a file whose positions are addresses or frame
 * numbers (/proc/PID/mem, kpagecount, kpageflags: Linux's mem_lseek):
 * SEEK_SET and SEEK_CUR to any 64-bit value, "negative" ones too (the
 * kernel half); there is no end, so SEEK_END is -EINVAL.
 */
loff_t mem_lseek(struct file *f, loff_t offset, int whence)
{
	switch (whence) {
	case 0:		/* SEEK_SET */
		f->f_pos = offset;
		break;
	case 1:		/* SEEK_CUR */
		f->f_pos = (loff_t)((u64)f->f_pos + (u64)offset);
		break;
	default:
		return -EINVAL;
	}
	return f->f_pos;
}

/* mem_open - /proc/PID/mem binds the mm at open with ptrace's attach
 * check (self, the same ids, or CAP_SYS_PTRACE); its positions are the
 * addresses, all 64 bits of them. */
static int mem_open(struct inode *inode, struct file *f)
{
	struct mm_struct *mm = proc_mem_open(inode, PTRACE_MODE_ATTACH);

	if (IS_ERR(mm))
		return PTR_ERR(mm);
	f->private_data = mm;
	f->f_mode |= FMODE_UNSIGNED_OFFSET;
	return 0;
}

/*
 * mem_rw - read or write @count bytes of the bound mm at address *@ppos
 * (Linux's mem_rw): a page at a time through access_remote_vm() with
 * FOLL_FORCE, as ptrace's peeks and pokes (a write to a read-only
 * private mapping copies the page, never touching the file). Returns
 * the bytes done; -EIO if the first page cannot be reached (unmapped),
 * -EFAULT for the caller's buffer, -ENOMEM; 0 for a kernel thread or an
 * mm with no users left. *@ppos moves by what was done.
 */
static ssize_t mem_rw(struct file *f, char __user *buf, size_t count, loff_t *ppos,
		      bool write)
{
	struct mm_struct *mm = f->private_data;
	unsigned long addr = *ppos;
	unsigned int flags = FOLL_FORCE | (write ? FOLL_WRITE : 0);
	ssize_t copied = 0;
	char *page;

	if (!mm)
		return 0;
	page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	if (!mmget_not_zero(mm))
		goto free;
	while (count > 0) {
		size_t this_len = min(count, PAGE_SIZE);
		long n;

		if (write && copy_from_user(page, buf, this_len)) {
			copied = -EFAULT;
			break;
		}
		n = access_remote_vm(mm, addr, page, this_len, flags);
		if (n <= 0) {
			if (!copied)
				copied = -EIO;
			break;
		}
		if (!write && copy_to_user(buf, page, n)) {
			copied = -EFAULT;
			break;
		}
		buf += n;
		addr += n;
		copied += n;
		count -= n;
	}
	*ppos = addr;
	mmput(mm);
free:
	kfree(page);
	return copied;
}

static ssize_t mem_read(struct file *f, char __user *buf, size_t count, loff_t *ppos)
{
	return mem_rw(f, buf, count, ppos, false);
}

static ssize_t mem_write(struct file *f, const char __user *buf, size_t count, loff_t *ppos)
{
	return mem_rw(f, (char __user *)buf, count, ppos, true);
}

static const struct file_operations proc_mem_operations = {
	.open = mem_open,
	.read = mem_read,
	.write = mem_write,
	.llseek = mem_lseek,
	.release = proc_mem_release,
	.seekable = true,
};

/* proc_pid_comm - /proc/PID/comm: the name and a newline. */
int proc_pid_comm(struct seq_buf *s, struct task_struct *task)
{
	char comm[TASK_COMM_LEN];

	task_lock(task);
	memcpy(comm, task->comm, sizeof(comm));
	task_unlock(task);
	comm[TASK_COMM_LEN - 1] = 0;
	seq_printf(s, "%s\n", comm);
	return 0;
}

/*
 * comm_write - write(2) of /proc/PID/comm (and task/TID/comm), Linux's
 * comm_write: the first TASK_COMM_LEN - 1 bytes written become the
 * thread's name, as they are (a newline too), whatever the offset;
 * -EFAULT for a bad buffer first, then -ESRCH if the thread is gone,
 * and -EINVAL unless it is in the writer's own thread group. Returns
 * @len on success, truncated or not.
 */
static ssize_t comm_write(struct file *f, const char __user *ubuf, size_t len,
			  loff_t *pos)
{
	char buf[TASK_COMM_LEN] = { 0 };
	const size_t maxlen = sizeof(buf) - 1;
	struct task_struct *p;
	ssize_t ret = len;

	if (copy_from_user(buf, ubuf, min(len, maxlen)))
		return -EFAULT;
	p = get_proc_task(f->f_inode);
	if (!p)
		return -ESRCH;
	if (same_thread_group(current, p))
		__set_task_comm(p, buf);
	else
		ret = -EINVAL;
	put_task_struct(p);
	return ret;
}

static const struct file_operations proc_pid_comm_operations = {
	.open = proc_single_open,
	.read = proc_single_read,
	.write = comm_write,
	.seekable = true,
};

/* proc_coredump_filter - /proc/PID/coredump_filter: which mappings a
 * core dump holds (<linux/coredump.h>'s MMF_DUMP_* bits, shifted down),
 * in hex as Linux prints it; empty for a kernel thread. */
static int proc_coredump_filter(struct seq_buf *s, struct task_struct *task)
{
	struct mm_struct *mm = get_task_mm(task);

	if (mm) {
		seq_printf(s, "%08lx\n", (READ_ONCE(mm->flags) & MMF_DUMP_FILTER_MASK) >>
			   MMF_DUMP_FILTER_SHIFT);
		mmput(mm);
	}
	return 0;
}

/*
 * coredump_filter_write - write(2) of /proc/PID/coredump_filter: a
 * number (any base by its prefix, as Linux's kstrtouint(.., 0, ..))
 * whose low MMF_DUMP_FILTER_BITS bits become the filter; inherited by
 * the process's children and kept across exec. -EINVAL for anything
 * else, -ESRCH when the process (or its mm) is gone. Returns @len.
 */
static ssize_t coredump_filter_write(struct file *f, const char __user *ubuf, size_t len,
				     loff_t *pos)
{
	char buf[24] = { 0 };
	struct task_struct *p;
	struct mm_struct *mm;
	unsigned int val;

	if (copy_from_user(buf, ubuf, min(len, sizeof(buf) - 1)))
		return -EFAULT;
	if (kstrtouint(buf, 0, &val))
		return -EINVAL;
	p = get_proc_task(f->f_inode);
	if (!p)
		return -ESRCH;
	mm = get_task_mm(p);
	put_task_struct(p);
	if (!mm)
		return -ESRCH;
	mm_flags_replace(mm, MMF_DUMP_FILTER_MASK, (unsigned long)val << MMF_DUMP_FILTER_SHIFT);
	mmput(mm);
	return len;
}

static const struct file_operations proc_coredump_filter_operations = {
	.open = proc_single_open,
	.read = proc_single_read,
	.write = coredump_filter_write,
	.seekable = true,
};

/* The names and units of /proc/PID/limits, by RLIMIT_* (Linux's). */
static const struct limit_names {
	const char *name, *unit;
} lnames[RLIM_NLIMITS] = {
	[RLIMIT_CPU] = { "Max cpu time", "seconds" },
	[RLIMIT_FSIZE] = { "Max file size", "bytes" },
	[RLIMIT_DATA] = { "Max data size", "bytes" },
	[RLIMIT_STACK] = { "Max stack size", "bytes" },
	[RLIMIT_CORE] = { "Max core file size", "bytes" },
	[RLIMIT_RSS] = { "Max resident set", "bytes" },
	[RLIMIT_NPROC] = { "Max processes", "processes" },
	[RLIMIT_NOFILE] = { "Max open files", "files" },
	[RLIMIT_MEMLOCK] = { "Max locked memory", "bytes" },
	[RLIMIT_AS] = { "Max address space", "bytes" },
	[RLIMIT_LOCKS] = { "Max file locks", "locks" },
	[RLIMIT_SIGPENDING] = { "Max pending signals", "signals" },
	[RLIMIT_MSGQUEUE] = { "Max msgqueue size", "bytes" },
	[RLIMIT_NICE] = { "Max nice priority", NULL },
	[RLIMIT_RTPRIO] = { "Max realtime priority", NULL },
	[RLIMIT_RTTIME] = { "Max realtime timeout", "us" },
};

/* proc_limit_value - one limit column: "unlimited" or the number, left
 * aligned in 20 and a space. */
static void proc_limit_value(struct seq_buf *s, u64 v)
{
	if (v == RLIM_INFINITY)
		seq_printf(s, "%-20s ", "unlimited");
	else
		seq_printf(s, "%-20llu ", (unsigned long long)v);
}

/* proc_pid_limits - /proc/PID/limits: each of the process's resource
 * limits (task_rlimit64()) in Linux's table, header first. */
static int proc_pid_limits(struct seq_buf *s, struct task_struct *task)
{
	seq_printf(s, "%-25s %-20s %-20s %-10s\n",
		   "Limit", "Soft Limit", "Hard Limit", "Units");
	for (unsigned int i = 0; i < RLIM_NLIMITS; i++) {
		struct rlimit64 r;

		task_rlimit64(task, i, &r);
		seq_printf(s, "%-25s ", lnames[i].name);
		proc_limit_value(s, r.rlim_cur);
		proc_limit_value(s, r.rlim_max);
		if (lnames[i].unit)
			seq_printf(s, "%-10s\n", lnames[i].unit);
		else
			seq_printf(s, "\n");
	}
	return 0;
}

/* proc_path_link - write @path as the caller sees it (d_path); drops
 * the caller's reference on it. 0, -ENAMETOOLONG or -ENOMEM. */
static int proc_path_link(struct seq_buf *s, struct path *path)
{
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL);
	int err = -ENOMEM;

	if (buf) {
		err = d_path(path, buf, PATH_MAX) < 0 ? -ENAMETOOLONG : 0;
		if (!err)
			seq_printf(s, "%s", buf);
		kfree(buf);
	}
	path_put(path);
	return err;
}

/* proc_exe_link - /proc/PID/exe: the file the process executes
 * (mm->exe_file); -ENOENT for a kernel thread or a process gone. */
static int proc_exe_link(struct seq_buf *s, struct task_struct *task, int fd)
{
	struct mm_struct *mm = get_task_mm(task);
	struct path path;

	if (!mm)
		return -ENOENT;
	if (!mm->exe_file) {
		mmput(mm);
		return -ENOENT;
	}
	path = mm->exe_file->f_path;
	path_get(&path);
	mmput(mm);
	return proc_path_link(s, &path);
}

/* proc_fs_link - the root (@root) or working directory of @task, taken
 * under task_lock, which exit_fs() clears task->fs under. */
static int proc_fs_link(struct seq_buf *s, struct task_struct *task, bool root)
{
	struct path path;
	bool have = false;

	task_lock(task);
	if (task->fs) {
		if (root)
			get_fs_root(task->fs, &path);
		else
			get_fs_pwd(task->fs, &path);
		have = true;
	}
	task_unlock(task);
	return have ? proc_path_link(s, &path) : -ENOENT;
}

/* proc_cwd_link, proc_root_link - the cwd and root entries' ->link. */
static int proc_cwd_link(struct seq_buf *s, struct task_struct *task, int fd)
{
	return proc_fs_link(s, task, false);
}

static int proc_root_link(struct seq_buf *s, struct task_struct *task, int fd)
{
	return proc_fs_link(s, task, true);
}

/* proc_pid_mounts, proc_pid_mountinfo - the mount tree (mmos has one
 * mount namespace, so every process sees the same one). */
static int proc_pid_mounts(struct seq_buf *s, struct task_struct *task)
{
	return proc_show_mounts(s, false);
}

static int proc_pid_mountinfo(struct seq_buf *s, struct task_struct *task)
{
	return proc_show_mounts(s, true);
}

/* ---- fd/ ------------------------------------------------------------ */

/* task_get_file - @task's file at @fd, with a reference, or NULL; if
 * @cloexec, whether the fd is close-on-exec. The table is taken under
 * task_lock (exit_files() clears it under it). */
static struct file *task_get_file(struct task_struct *task, unsigned int fd, bool *cloexec)
{
	struct files_struct *files;
	struct file *f = NULL;

	task_lock(task);
	files = task->files;
	if (files)
		atomic_inc(&files->count);
	task_unlock(task);
	if (!files)
		return NULL;
	spin_lock(&files->file_lock);
	if (fd < NR_OPEN_DEFAULT && files->fd[fd]) {
		f = get_file(files->fd[fd]);
		if (cloexec)
			*cloexec = files->close_on_exec[fd / 64] & (1UL << (fd % 64));
	}
	spin_unlock(&files->file_lock);
	put_files_struct(files);
	return f;
}

/* proc_fd_link - /proc/PID/fd/N: the path of the open file, or Linux's
 * "pipe:[ino]" for a pipe (the inode number fstat gives it). */
static int proc_fd_link(struct seq_buf *s, struct task_struct *task, int fd)
{
	struct file *f = task_get_file(task, fd, NULL);
	struct path path;
	int err = 0;

	if (!f)
		return -ENOENT;
	if (f->f_path.dentry) {
		path = f->f_path;
		path_get(&path);
		err = proc_path_link(s, &path);
	} else if (get_pipe_info(f)) {
		seq_printf(s, "pipe:[%lu]", f->f_inode ? f->f_inode->i_ino : 0UL);
	} else {
		seq_printf(s, "anon_inode:[unknown]");
	}
	fput(f);
	return err;
}

static const struct pid_entry proc_fd_ent = {
	.name = "", .mode = S_IFLNK | 0700, .link = proc_fd_link,
};

/*
 * proc_fdinfo_show - /proc/PID/fdinfo/N: the open file's position, its
 * flags as F_GETFL has them plus O_CLOEXEC if the fd is close-on-exec
 * (in octal, with a leading 0), its mount's id and its inode number, in
 * Linux's format. A file with no mount (a pipe: Linux's are on pipefs,
 * which mmos does not have) shows mnt_id 0.
 */
static int proc_fdinfo_show(struct seq_buf *s, struct task_struct *task, int fd)
{
	bool cloexec = false;
	struct file *f = task_get_file(task, fd, &cloexec);
	unsigned int flags;

	if (!f)
		return -ENOENT;
	flags = (f->f_flags & ~O_CLOEXEC) | (cloexec ? O_CLOEXEC : 0);
	seq_printf(s, "pos:\t%lld\nflags:\t0%o\nmnt_id:\t%d\nino:\t%lu\n",
		   (long long)f->f_pos, flags,
		   f->f_path.mnt ? real_mount(f->f_path.mnt)->mnt_id : 0,
		   f->f_inode ? f->f_inode->i_ino : 0UL);
	fput(f);
	return 0;
}

static const struct pid_entry proc_fdinfo_ent = {
	.name = "", .mode = S_IFREG | 0444, .show_fd = proc_fdinfo_show,
};

/* proc_fd_instantiate - /proc/PID/{fd,fdinfo}/N: an inode for @ent if
 * the process has fd N open, else NULL (-ENOENT). */
static struct dentry *proc_fd_instantiate(struct inode *dir, struct dentry *dentry,
					  const struct pid_entry *ent)
{
	long fd = proc_parse_num(dentry->d_name.name, dentry->d_name.len);
	struct task_struct *task;
	struct file *f;

	if (fd < 0 || fd >= NR_OPEN_DEFAULT)
		return NULL;
	task = get_proc_task(dir);
	if (!task)
		return NULL;
	f = task_get_file(task, fd, NULL);
	put_task_struct(task);
	if (!f)
		return NULL;
	fput(f);
	return proc_splice(dentry, proc_pid_make_inode(dir->i_sb, ent, PROC_I(dir)->pid, fd));
}

/* proc_fd_lookup, proc_fdinfo_lookup - the two directories' ->lookup. */
static struct dentry *proc_fd_lookup(struct inode *dir, struct dentry *dentry)
{
	return proc_fd_instantiate(dir, dentry, &proc_fd_ent);
}

static struct dentry *proc_fdinfo_lookup(struct inode *dir, struct dentry *dentry)
{
	return proc_fd_instantiate(dir, dentry, &proc_fdinfo_ent);
}

/* proc_readfd_common - getdents of /proc/PID/fd or fdinfo: each open fd
 * N at position N + 2, of type @type. */
static int proc_readfd_common(struct file *file, struct dir_context *ctx,
			      unsigned char type)
{
	struct task_struct *task = get_proc_task(file->f_inode);
	char name[16];

	if (!task)
		return -ENOENT;
	if (!proc_emit_dots(file, ctx))
		goto out;
	for (long fd = ctx->pos - 2; fd < NR_OPEN_DEFAULT; fd++) {
		struct file *f = task_get_file(task, fd, NULL);
		int len;

		if (!f)
			continue;
		fput(f);
		len = snprintf(name, sizeof(name), "%ld", fd);
		ctx->pos = fd + 2;
		if (!dir_emit(ctx, name, len, 1, type))
			break;
		ctx->pos = fd + 3;
	}
out:
	put_task_struct(task);
	return 0;
}

/* proc_readfd, proc_readfdinfo - the two directories' ->iterate_shared. */
static int proc_readfd(struct file *file, struct dir_context *ctx)
{
	return proc_readfd_common(file, ctx, DT_LNK);
}

static int proc_readfdinfo(struct file *file, struct dir_context *ctx)
{
	return proc_readfd_common(file, ctx, DT_REG);
}

static const struct inode_operations proc_fd_inode_operations = {
	.lookup = proc_fd_lookup,
};

static const struct file_operations proc_fd_operations = {
	.read = generic_read_dir,
	.iterate_shared = proc_readfd,
	.seekable = true,
};

static const struct inode_operations proc_fdinfo_inode_operations = {
	.lookup = proc_fdinfo_lookup,
};

static const struct file_operations proc_fdinfo_operations = {
	.read = generic_read_dir,
	.iterate_shared = proc_readfdinfo,
	.seekable = true,
};

/* ---- the process and thread directories --------------------------- */

static const struct inode_operations proc_task_inode_operations;
static const struct file_operations proc_task_operations;

#define REG(NAME, MODE, SHOW) \
	{ .name = NAME, .mode = S_IFREG | (MODE), .show = SHOW }
#define LNK(NAME, LINK) \
	{ .name = NAME, .mode = S_IFLNK | 0777, .link = LINK }
#define FOP(NAME, MODE, FOPS) \
	{ .name = NAME, .mode = S_IFREG | (MODE), .fop = FOPS }
#define REGW(NAME, MODE, SHOW, FOP) \
	{ .name = NAME, .mode = S_IFREG | (MODE), .show = SHOW, .fop = FOP }
#define DIR(NAME, MODE, IOP, FOP) \
	{ .name = NAME, .mode = S_IFDIR | (MODE), .iop = IOP, .fop = FOP }

/* What a thread's directory has (Linux's tid_base_stuff, in part). */
static const struct pid_entry tid_base_stuff[] = {
	DIR("fd", 0500, &proc_fd_inode_operations, &proc_fd_operations),
	DIR("fdinfo", 0555, &proc_fdinfo_inode_operations, &proc_fdinfo_operations),
	FOP("environ", 0400, &proc_environ_operations),
	FOP("auxv", 0400, &proc_auxv_operations),
	FOP("mem", 0600, &proc_mem_operations),
	REG("status", 0444, proc_pid_status),
	REG("cmdline", 0444, proc_pid_cmdline),
	REG("stat", 0444, proc_pid_stat),
	REG("statm", 0444, proc_pid_statm),
	REG("maps", 0444, proc_pid_maps),
	REG("smaps", 0444, proc_pid_smaps),
	REG("smaps_rollup", 0444, proc_pid_smaps_rollup),
	FOP("pagemap", 0400, &proc_pagemap_operations),
	FOP("clear_refs", 0200, &proc_clear_refs_operations),
	REGW("comm", 0644, proc_pid_comm, &proc_pid_comm_operations),
	REG("limits", 0444, proc_pid_limits),
	REG("mounts", 0444, proc_pid_mounts),
	REG("mountinfo", 0444, proc_pid_mountinfo),
	LNK("cwd", proc_cwd_link),
	LNK("root", proc_root_link),
	LNK("exe", proc_exe_link),
};

/* What a process's has: task/ and the rest (tgid_base_stuff). */
static const struct pid_entry tgid_base_stuff[] = {
	DIR("task", 0555, &proc_task_inode_operations, &proc_task_operations),
	DIR("fd", 0500, &proc_fd_inode_operations, &proc_fd_operations),
	DIR("fdinfo", 0555, &proc_fdinfo_inode_operations, &proc_fdinfo_operations),
	FOP("environ", 0400, &proc_environ_operations),
	FOP("auxv", 0400, &proc_auxv_operations),
	FOP("mem", 0600, &proc_mem_operations),
	REG("status", 0444, proc_pid_status),
	REG("cmdline", 0444, proc_pid_cmdline),
	REG("stat", 0444, proc_pid_stat),
	REG("statm", 0444, proc_pid_statm),
	REG("maps", 0444, proc_pid_maps),
	REG("smaps", 0444, proc_pid_smaps),
	REG("smaps_rollup", 0444, proc_pid_smaps_rollup),
	FOP("pagemap", 0400, &proc_pagemap_operations),
	FOP("clear_refs", 0200, &proc_clear_refs_operations),
	REGW("comm", 0644, proc_pid_comm, &proc_pid_comm_operations),
	REG("limits", 0444, proc_pid_limits),
	REG("mounts", 0444, proc_pid_mounts),
	REG("mountinfo", 0444, proc_pid_mountinfo),
	REGW("coredump_filter", 0644, proc_coredump_filter, &proc_coredump_filter_operations),
	LNK("cwd", proc_cwd_link),
	LNK("root", proc_root_link),
	LNK("exe", proc_exe_link),
};

/* The process and thread directories' ->lookup and ->iterate_shared:
 * their tables, for the process or thread they show. */
static struct dentry *proc_tgid_base_lookup(struct inode *dir, struct dentry *dentry)
{
	return proc_lookup_table(dir, dentry, tgid_base_stuff,
				 ARRAY_SIZE(tgid_base_stuff), PROC_I(dir)->pid);
}

static int proc_tgid_base_readdir(struct file *file, struct dir_context *ctx)
{
	proc_readdir_table(file, ctx, tgid_base_stuff, ARRAY_SIZE(tgid_base_stuff), 2);
	return 0;
}

static struct dentry *proc_tid_base_lookup(struct inode *dir, struct dentry *dentry)
{
	return proc_lookup_table(dir, dentry, tid_base_stuff,
				 ARRAY_SIZE(tid_base_stuff), PROC_I(dir)->pid);
}

static int proc_tid_base_readdir(struct file *file, struct dir_context *ctx)
{
	proc_readdir_table(file, ctx, tid_base_stuff, ARRAY_SIZE(tid_base_stuff), 2);
	return 0;
}

static const struct inode_operations proc_tgid_base_inode_operations = {
	.lookup = proc_tgid_base_lookup,
};

static const struct file_operations proc_tgid_base_operations = {
	.read = generic_read_dir,
	.iterate_shared = proc_tgid_base_readdir,
	.seekable = true,
};

static const struct inode_operations proc_tid_base_inode_operations = {
	.lookup = proc_tid_base_lookup,
};

static const struct file_operations proc_tid_base_operations = {
	.read = generic_read_dir,
	.iterate_shared = proc_tid_base_readdir,
	.seekable = true,
};

static const struct pid_entry proc_tgid_ent =
	DIR("", 0555, &proc_tgid_base_inode_operations, &proc_tgid_base_operations);
static const struct pid_entry proc_tid_ent =
	DIR("", 0555, &proc_tid_base_inode_operations, &proc_tid_base_operations);

/*
 * proc_pid_lookup - /proc/N: a directory for the process (or thread:
 * Linux finds threads too, though readdir lists processes only) with
 * number N, NULL if there is none.
 */
struct dentry *proc_pid_lookup(struct dentry *dentry, const char *name)
{
	long pid = proc_parse_num(name, dentry->d_name.len);
	struct task_struct *task;

	if (pid <= 0)
		return NULL;
	task = proc_get_task(pid);
	if (!task)
		return NULL;
	put_task_struct(task);
	return proc_splice(dentry, proc_pid_make_inode(dentry->d_sb, &proc_tgid_ent, pid, 0));
}

/* next_task_from - the smallest pid >= @from of a task that is a
 * thread group leader (or, with @tgid, a thread of process @tgid); 0 if
 * none. */
static pid_t next_task_from(pid_t from, pid_t tgid)
{
	struct task_struct *p;
	unsigned long flags;
	pid_t best = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &tasklist, tasks) {
		if (p->pid < from || p->pid <= 0 || (best && p->pid >= best))
			continue;
		if (tgid ? p->tgid != tgid : !thread_group_leader(p))
			continue;
		best = p->pid;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return best;
}

/* proc_emit_pids - a directory per process (or thread of @tgid), pid N
 * at position @first + N. */
static void proc_emit_pids(struct dir_context *ctx, loff_t first, pid_t tgid)
{
	char name[16];
	pid_t pid;

	if (ctx->pos < first)
		ctx->pos = first;
	while ((pid = next_task_from(ctx->pos - first, tgid))) {
		int len = snprintf(name, sizeof(name), "%d", pid);

		ctx->pos = first + pid;
		if (!dir_emit(ctx, name, len, 1, DT_DIR))
			return;
		ctx->pos = first + pid + 1;
	}
}

/* proc_pid_readdir - the processes' directories of /proc, from
 * position @first on. */
int proc_pid_readdir(struct file *file, struct dir_context *ctx, loff_t first)
{
	proc_emit_pids(ctx, first, 0);
	return 0;
}

/* proc_task_lookup - /proc/PID/task/TID: a thread of this process. */
static struct dentry *proc_task_lookup(struct inode *dir, struct dentry *dentry)
{
	long tid = proc_parse_num(dentry->d_name.name, dentry->d_name.len);
	struct task_struct *task;
	bool ours;

	if (tid <= 0)
		return NULL;
	task = proc_get_task(tid);
	if (!task)
		return NULL;
	ours = task->tgid == PROC_I(dir)->pid;
	put_task_struct(task);
	if (!ours)
		return NULL;
	return proc_splice(dentry, proc_pid_make_inode(dir->i_sb, &proc_tid_ent, tid, 0));
}

/* proc_task_readdir - getdents of /proc/PID/task: the threads. */
static int proc_task_readdir(struct file *file, struct dir_context *ctx)
{
	if (proc_emit_dots(file, ctx))
		proc_emit_pids(ctx, 2, PROC_I(file->f_inode)->pid);
	return 0;
}

static const struct inode_operations proc_task_inode_operations = {
	.lookup = proc_task_lookup,
};

static const struct file_operations proc_task_operations = {
	.read = generic_read_dir,
	.iterate_shared = proc_task_readdir,
	.seekable = true,
};
