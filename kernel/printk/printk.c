// SPDX-License-Identifier: GPL-2.0
/*
 * printk: format a message, keep it in the kernel log (one record per
 * line, printk_ringbuffer.c), and if its level is within
 * console_loglevel write it to the console with Linux's
 * "[seconds.micros] " prefix at the start of each line. KERN_CONT
 * (pr_cont) continues the current line, in the console and in the
 * record. The log is read by syslog(2) (klogctl, dmesg) and through
 * /dev/kmsg (kmsg_fops), in Linux's formats.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/console.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/jiffies.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/irqflags.h>
#include "printk_ringbuffer.h"

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
#define MINIMUM_CONSOLE_LOGLEVEL	1	/* syslog may not set it lower */

/* With interrupts off (the console and the record being built): */
static bool line_open;		/* the console's last line has no "\n" yet */
static struct {
	char text[PRINTKRB_RECORD_MAX];
	u16 len;
	u8 level, facility;
	u64 ts_nsec;
	bool open;		/* a line without its "\n" yet */
} cont;

static const char *printk_level(const char *fmt, int *level, bool *is_cont)
{
	*level = MESSAGE_LOGLEVEL_DEFAULT;
	*is_cont = false;
	while (fmt[0] == KERN_SOH[0] && fmt[1]) {
		if (fmt[1] >= '0' && fmt[1] <= '7')
			*level = fmt[1] - '0';
		else if (fmt[1] == 'c')
			*is_cont = true;
		fmt += 2;
	}
	return fmt;
}

static void print_time(u64 ns)
{
	char ts[32];
	int n;

	n = snprintf(ts, sizeof(ts), "[%5lu.%06lu] ",
		     (unsigned long)(ns / 1000000000),
		     (unsigned long)(ns % 1000000000) / 1000);
	console_write(ts, n);
}

/* cont_flush - the line being built becomes a record. Interrupts off. */
static void cont_flush(u8 flags)
{
	if (!cont.open)
		return;
	log_store(cont.facility, cont.level, flags, cont.ts_nsec, cont.text, cont.len);
	cont.open = false;
	cont.len = 0;
}

/* log_text - @n bytes of @buf into records, a line each; a fragment
 * without "\n" stays open for a KERN_CONT to extend. Interrupts off. */
static void log_text(int facility, int level, bool is_cont, const char *buf, int n, u64 ts)
{
	if (cont.open && (!is_cont || cont.facility != facility))
		cont_flush(LOG_NEWLINE);
	for (int i = 0; i < n;) {
		int j = i, room;

		while (j < n && buf[j] != '\n')
			j++;
		if (!cont.open) {
			cont.open = true;
			cont.len = 0;
			cont.level = level;
			cont.facility = facility;
			cont.ts_nsec = ts;
		}
		room = min(j - i, (int)sizeof(cont.text) - cont.len);
		memcpy(cont.text + cont.len, buf + i, room);
		cont.len += room;
		if (j < n)
			cont_flush(LOG_NEWLINE);
		i = j + 1;
	}
}

/* console_text - @n bytes to the console, each line stamped. */
static void console_text(bool is_cont, const char *buf, int n, u64 ts)
{
	if (line_open && !is_cont) {
		console_write("\n", 1);
		line_open = false;
	}
	for (int i = 0; i < n;) {
		int j = i;

		if (!line_open)
			print_time(ts);
		while (j < n && buf[j] != '\n')
			j++;
		line_open = j == n;
		console_write(buf + i, j - i + (j < n));
		i = j + 1;
	}
}

/* vprintk_emit - a message of @facility (0: the kernel's) at @level:
 * into the log, and to the console if within console_loglevel. */
static int vprintk_emit(int facility, int level, bool is_cont, const char *fmt, va_list args)
{
	char buf[512];
	unsigned long flags;
	u64 ts = local_clock();
	int n;

	n = vsnprintf(buf, sizeof(buf), fmt, args);
	if (n >= (int)sizeof(buf))
		n = sizeof(buf) - 1;
	flags = arch_local_irq_save();
	log_text(facility, level, is_cont, buf, n, ts);
	if (level <= console_loglevel)
		console_text(is_cont, buf, n, ts);
	arch_local_irq_restore(flags);
	return n;
}

int vprintk(const char *fmt, va_list args)
{
	int level;
	bool is_cont;

	fmt = printk_level(fmt, &level, &is_cont);
	return vprintk_emit(0, level, is_cont, fmt, args);
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

/* printk_emit - a message with its facility and level given. */
static int printk_emit(int facility, int level, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk_emit(facility, level, false, fmt, ap);
	va_end(ap);
	return n;
}

/* ---- syslog(2) ------------------------------------------------------- */

#define SYSLOG_ACTION_CLOSE		0
#define SYSLOG_ACTION_OPEN		1
#define SYSLOG_ACTION_READ		2
#define SYSLOG_ACTION_READ_ALL		3
#define SYSLOG_ACTION_READ_CLEAR	4
#define SYSLOG_ACTION_CLEAR		5
#define SYSLOG_ACTION_CONSOLE_OFF	6
#define SYSLOG_ACTION_CONSOLE_ON	7
#define SYSLOG_ACTION_CONSOLE_LEVEL	8
#define SYSLOG_ACTION_SIZE_UNREAD	9
#define SYSLOG_ACTION_SIZE_BUFFER	10

/* kernel.dmesg_restrict: Linux's default 0, so anyone may read the log
 * (READ_ALL) and its size; every other action needs CAP_SYSLOG. */
static int dmesg_restrict;

/* syslog_lock must be held when using these: */
static DEFINE_SPINLOCK(syslog_lock);
static u64 syslog_seq;		/* the next record SYSLOG_ACTION_READ gives */
static u64 clear_seq;		/* the first record READ_ALL gives */
static int saved_console_loglevel = -1;

/* record_print_text - @info's record as syslog shows it, "<N>[time] text\n",
 * into @buf (@size bytes); returns its length, cut to @size. */
static size_t record_print_text(const struct printk_info *info, const char *text,
				char *buf, size_t size)
{
	int n = snprintf(buf, size, "<%u>[%5lu.%06lu] ", info->facility << 3 | info->level,
			 (unsigned long)(info->ts_nsec / 1000000000),
			 (unsigned long)(info->ts_nsec % 1000000000) / 1000);
	size_t len = min((size_t)n, size);

	if (len < size) {
		size_t t = min((size_t)info->text_len, size - len);

		memcpy(buf + len, text, t);
		len += t;
	}
	if (len < size)
		buf[len++] = '\n';
	return len;
}

/* syslog_record_len - the length of record @seq as syslog prints it,
 * with its info in *@info; 0 if there is none. */
static size_t syslog_record_len(u64 seq, struct printk_info *info, char *text, char *line)
{
	if (!log_read(seq, info, text, PRINTKRB_RECORD_MAX))
		return 0;
	return record_print_text(info, text, line, PRINTKRB_RECORD_MAX + 64);
}

/* syslog_print_all - the newest records from clear_seq on that fit in
 * @size bytes, to @ubuf (READ_ALL); with @clear, they are cleared.
 * Returns the bytes copied or -EFAULT. */
static int syslog_print_all(char __user *ubuf, int size, bool clear)
{
	char *text = kmalloc(PRINTKRB_RECORD_MAX * 2 + 64, GFP_KERNEL);
	char *line = text + PRINTKRB_RECORD_MAX;
	struct printk_info info;
	u64 seq, start, end = log_next_seq();
	size_t total = 0, n;
	int len = 0;

	if (!text)
		return -ENOMEM;
	spin_lock(&syslog_lock);
	start = max(clear_seq, log_first_seq());
	spin_unlock(&syslog_lock);
	/* count from the end back, so that the newest fit */
	for (seq = start; seq < end && (n = syslog_record_len(seq, &info, text, line)); seq = info.seq + 1)
		total += n;
	for (seq = start; total > (size_t)size && seq < end; seq = info.seq + 1)
		total -= syslog_record_len(seq, &info, text, line);
	while (seq < end && (n = syslog_record_len(seq, &info, text, line))) {
		if (len + n > (size_t)size)
			break;
		if (copy_to_user(ubuf + len, line, n)) {
			len = -EFAULT;
			break;
		}
		len += n;
		seq = info.seq + 1;
	}
	if (clear && len >= 0) {
		spin_lock(&syslog_lock);
		clear_seq = end;
		spin_unlock(&syslog_lock);
	}
	kfree(text);
	return len;
}

/* syslog_print - the unread records that fit (at least part of one) to
 * @ubuf, waiting for one if there is none; they are then read
 * (SYSLOG_ACTION_READ). Returns the bytes, -EFAULT or -ERESTARTSYS. */
static int syslog_print(char __user *ubuf, int size)
{
	char *text = kmalloc(PRINTKRB_RECORD_MAX * 2 + 64, GFP_KERNEL);
	char *line = text + PRINTKRB_RECORD_MAX;
	struct printk_info info;
	int len = 0;
	size_t n;
	u64 seq;

	if (!text)
		return -ENOMEM;
	for (;;) {	/* a record comes from anywhere: poll once a tick */
		spin_lock(&syslog_lock);
		seq = syslog_seq;
		spin_unlock(&syslog_lock);
		if (seq < log_next_seq())
			break;
		if (signal_pending(current)) {
			kfree(text);
			return -ERESTARTSYS;
		}
		set_current_state(TASK_INTERRUPTIBLE);
		schedule_timeout(1);
	}
	while ((n = syslog_record_len(seq, &info, text, line))) {
		if (len && len + n > (size_t)size)
			break;
		n = min(n, (size_t)(size - len));	/* the first may be cut */
		if (copy_to_user(ubuf + len, line, n)) {
			if (!len)
				len = -EFAULT;
			break;
		}
		len += n;
		seq = info.seq + 1;
		if (len == size)
			break;
	}
	spin_lock(&syslog_lock);
	syslog_seq = seq;
	spin_unlock(&syslog_lock);
	kfree(text);
	return len;
}

/* syslog_size_unread - the bytes SYSLOG_ACTION_READ would give now. */
static int syslog_size_unread(void)
{
	char *text = kmalloc(PRINTKRB_RECORD_MAX * 2 + 64, GFP_KERNEL);
	struct printk_info info;
	size_t total = 0, n;
	u64 seq;

	if (!text)
		return -ENOMEM;
	spin_lock(&syslog_lock);
	seq = syslog_seq;
	spin_unlock(&syslog_lock);
	while ((n = syslog_record_len(seq, &info, text, text + PRINTKRB_RECORD_MAX))) {
		total += n;
		seq = info.seq + 1;
	}
	kfree(text);
	return total;
}

/* syslog_action_restricted - does @type need CAP_SYSLOG? */
static bool syslog_action_restricted(int type)
{
	if (dmesg_restrict)
		return true;
	return type != SYSLOG_ACTION_READ_ALL && type != SYSLOG_ACTION_SIZE_BUFFER;
}

/*
 * do_syslog - Linux's actions and checks: the permission first (EPERM;
 * CAP_SYS_ADMIN also serves, as Linux still allows), then the buffer
 * (-EINVAL for NULL or a negative length, 0 for none, -EFAULT outside
 * user space). An unknown @type is -EINVAL.
 */
static int do_syslog(int type, char __user *buf, int len)
{
	int ret;

	if (type != SYSLOG_ACTION_OPEN && type != SYSLOG_ACTION_CLOSE &&
	    syslog_action_restricted(type) && !capable(CAP_SYSLOG) && !capable(CAP_SYS_ADMIN))
		return -EPERM;
	switch (type) {
	case SYSLOG_ACTION_CLOSE:
	case SYSLOG_ACTION_OPEN:
		return 0;
	case SYSLOG_ACTION_READ:
	case SYSLOG_ACTION_READ_ALL:
	case SYSLOG_ACTION_READ_CLEAR:
		if (!buf || len < 0)
			return -EINVAL;
		if (!len)
			return 0;
		if (!access_ok(buf, len))
			return -EFAULT;
		if (type == SYSLOG_ACTION_READ)
			return syslog_print(buf, len);
		return syslog_print_all(buf, len, type == SYSLOG_ACTION_READ_CLEAR);
	case SYSLOG_ACTION_CLEAR:
		ret = log_next_seq();
		spin_lock(&syslog_lock);
		clear_seq = ret;
		spin_unlock(&syslog_lock);
		return 0;
	case SYSLOG_ACTION_CONSOLE_OFF:
		if (saved_console_loglevel == -1)
			saved_console_loglevel = console_loglevel;
		console_loglevel = MINIMUM_CONSOLE_LOGLEVEL;
		return 0;
	case SYSLOG_ACTION_CONSOLE_ON:
		if (saved_console_loglevel != -1) {
			console_loglevel = saved_console_loglevel;
			saved_console_loglevel = -1;
		}
		return 0;
	case SYSLOG_ACTION_CONSOLE_LEVEL:
		if (len < 1 || len > 8)
			return -EINVAL;
		console_loglevel = max(len, MINIMUM_CONSOLE_LOGLEVEL);
		saved_console_loglevel = -1;	/* CONSOLE_ON no longer undoes it */
		return 0;
	case SYSLOG_ACTION_SIZE_UNREAD:
		return syslog_size_unread();
	case SYSLOG_ACTION_SIZE_BUFFER:
		return LOG_BUF_LEN;
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE3(syslog, int, type, char __user *, buf, int, len)
{
	return do_syslog(type, buf, len);
}

/* ---- /dev/kmsg --------------------------------------------------------- */

/* One reader's place in the log: made at its first read (there is no
 * open hook), freed at release. Only that file's reads use it. */
struct devkmsg_user {
	u64 seq;
	char text[PRINTKRB_RECORD_MAX];
	char line[PRINTKRB_RECORD_MAX * 4 + 64];
};

/* devkmsg_format - "level,seq,usec,flag;text\n" with the bytes that are
 * not printable (and backslash) escaped as \xNN, Linux's format.
 * Returns the length. */
static size_t devkmsg_format(const struct printk_info *info, const char *text, char *line)
{
	size_t len = snprintf(line, 64, "%u,%llu,%llu,%c;", info->facility << 3 | info->level,
			      (unsigned long long)info->seq,
			      (unsigned long long)(info->ts_nsec / 1000),
			      info->flags & LOG_CONT ? 'c' : '-');

	for (int i = 0; i < info->text_len; i++) {
		unsigned char c = text[i];

		if (c < ' ' || c >= 127 || c == '\\')
			len += snprintf(line + len, 5, "\\x%02x", c);
		else
			line[len++] = c;
	}
	line[len++] = '\n';
	return len;
}

/* devkmsg_user_get - the reader state of @f, made on first use. */
static struct devkmsg_user *devkmsg_user_get(struct file *f)
{
	struct devkmsg_user *user = f->private_data;

	if (!user) {
		user = kmalloc(sizeof(*user), GFP_KERNEL);
		if (!user)
			return NULL;
		user->seq = log_first_seq();
		f->private_data = user;
	}
	return user;
}

/*
 * devkmsg_read - one record per read, from the oldest kept on. -EPIPE
 * once if records were lost since the last read (the reader then goes
 * on from the oldest); -EINVAL if @len cannot hold the record;
 * -EAGAIN with O_NONBLOCK when there is none yet (else it waits).
 */
static ssize_t devkmsg_read(struct file *f, char __user *ubuf, size_t len, loff_t *pos)
{
	struct devkmsg_user *user = devkmsg_user_get(f);
	struct printk_info info;
	size_t n;

	if (!user)
		return -ENOMEM;
	while (!log_read(user->seq, &info, user->text, sizeof(user->text))) {
		if (f->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (signal_pending(current))
			return -ERESTARTSYS;
		set_current_state(TASK_INTERRUPTIBLE);
		schedule_timeout(1);
	}
	if (info.seq != user->seq) {	/* overwritten meanwhile */
		user->seq = info.seq;
		return -EPIPE;
	}
	n = devkmsg_format(&info, user->text, user->line);
	if (n > len)
		return -EINVAL;
	if (copy_to_user(ubuf, user->line, n))
		return -EFAULT;
	user->seq++;
	return n;
}

/*
 * devkmsg_write - each write is one message: an optional "<N>" prefix
 * gives its level (N & 7) and facility (N >> 3; the default, and for
 * facility 0, is 1, LOG_USER: user space cannot pose as the kernel).
 * A trailing newline is dropped. -EINVAL above PRINTKRB_RECORD_MAX.
 */
static ssize_t devkmsg_write(struct file *f, const char __user *ubuf, size_t len, loff_t *pos)
{
	int level = MESSAGE_LOGLEVEL_DEFAULT, facility = 1;
	char *buf, *line;
	size_t n = len;

	if (len > PRINTKRB_RECORD_MAX)
		return -EINVAL;
	buf = kmalloc(len + 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	if (copy_from_user(buf, ubuf, len)) {
		kfree(buf);
		return -EFAULT;
	}
	buf[len] = 0;
	line = buf;
	if (line[0] == '<') {
		unsigned int u = 0;
		char *p = line + 1;

		while (*p >= '0' && *p <= '9')
			u = u * 10 + (*p++ - '0');
		if (p > line + 1 && *p == '>') {
			level = u & 7;
			if (u >> 3)
				facility = u >> 3;
			line = p + 1;
		}
	}
	n = strlen(line);
	if (n && line[n - 1] == '\n')
		line[--n] = 0;
	printk_emit(facility, level, "%s\n", line);
	kfree(buf);
	return len;
}

static void devkmsg_release(struct file *f)
{
	kfree(f->private_data);
	f->private_data = NULL;
}

/* /dev/kmsg, the character device 1,11 (as in Linux); the VFS's
 * register_chrdev() opens it. */
const struct file_operations kmsg_fops = {
	.read = devkmsg_read,
	.write = devkmsg_write,
	.release = devkmsg_release,
};
