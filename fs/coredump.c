// SPDX-License-Identifier: GPL-2.0
/*
 * Core dumps, as Linux's fs/coredump.c: a signal whose default action
 * is "core" (SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE,
 * SIGSEGV, SIGXCPU, SIGXFSZ, SIGSYS) first writes the process's memory
 * and registers to a file, then ends the group with the wait status's
 * core bit (0x80) set. When:
 *   - the mm is dumpable (not after a set-id exec, or prctl said so);
 *   - RLIMIT_CORE is at least a page (the default 0 means no dump);
 *   - kernel.core_pattern names a file (a "|program" pipe is not
 *     supported: mmos cannot start a user helper, so there is no dump).
 * Where: core_pattern with its % specifiers expanded, relative to the
 * dumping task's working directory; a file of that name is unlinked
 * first, and the new one must be a fresh regular file of ours, mode
 * 0600, or nothing is written. What: the ELF core file of
 * elf_core_dump() (fs/binfmt_elf.c), cut at RLIMIT_CORE bytes.
 */
#include <linux/kernel.h>
#include <linux/coredump.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm_types.h>
#include <linux/namei.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/sysctl.h>
#include <linux/timekeeping.h>
#include <linux/utsname.h>

#define CORENAME_MAX_SIZE	128

/* kernel.core_pattern and kernel.core_uses_pid: written by the sysctl,
 * read by a dump (a name being replaced mid-dump reads either: Linux
 * holds core_pattern_lock, one CPU here) */
char core_pattern[CORENAME_MAX_SIZE] = "core";
int core_uses_pid;

/* mm_flags_replace - the bits @mask of @mm->flags become @bits (within
 * @mask), by compare-and-exchange: prctl's dumpability and another
 * process's write of coredump_filter change different bits of the one
 * word, and neither may undo the other (Linux uses bit atomics). */
void mm_flags_replace(struct mm_struct *mm, unsigned long mask, unsigned long bits)
{
	unsigned long old = READ_ONCE(mm->flags);

	while (!__atomic_compare_exchange_n(&mm->flags, &old, (old & ~mask) | (bits & mask),
					    false, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
		;
}

/* set_dumpable - may @mm's process dump core (SUID_DUMP_*)? */
void set_dumpable(struct mm_struct *mm, int value)
{
	mm_flags_replace(mm, MMF_DUMPABLE_MASK, value);
}

/* get_dumpable - the SUID_DUMP_* value of @mm. */
int get_dumpable(struct mm_struct *mm)
{
	return READ_ONCE(mm->flags) & MMF_DUMPABLE_MASK;
}

/* cn_printf - append to the name being made; false when it is full. */
static bool cn_printf(char *cn, const char *fmt, unsigned long v)
{
	size_t len = strlen(cn);
	int n = snprintf(cn + len, CORENAME_MAX_SIZE - len, fmt, v);

	return n >= 0 && (size_t)n < CORENAME_MAX_SIZE - len;
}

/* cn_str - append string @s, with any '/' made '!' (a name from the
 * process must not make directories: Linux's cn_esc_printf). */
static bool cn_str(char *cn, const char *s)
{
	size_t len = strlen(cn);

	for (; *s; s++) {
		if (len + 1 >= CORENAME_MAX_SIZE)
			return false;
		cn[len++] = *s == '/' ? '!' : *s;
	}
	cn[len] = 0;
	return true;
}

/* format_one - the expansion of %@c into @cn. false: no room. */
static bool format_one(char *cn, char c, const struct kernel_siginfo *siginfo)
{
	char comm[TASK_COMM_LEN];

	switch (c) {
	case '%':
		return cn_printf(cn, "%%", 0);
	case 'p': case 'P':
		return cn_printf(cn, "%lu", current->tgid);
	case 'i': case 'I':
		return cn_printf(cn, "%lu", current->pid);
	case 'u':
		return cn_printf(cn, "%lu", current_cred()->uid);
	case 'g':
		return cn_printf(cn, "%lu", current_cred()->gid);
	case 'd':
		return cn_printf(cn, "%lu", get_dumpable(current->mm));
	case 's':
		return cn_printf(cn, "%lu", siginfo->si_signo);
	case 't':
		return cn_printf(cn, "%lu", ktime_get_real_seconds());
	case 'h':
		return cn_str(cn, utsname()->nodename);
	case 'e':
		get_task_comm(comm, current);
		return cn_str(cn, comm);
	case 'c':
		return cn_printf(cn, "%lu", rlimit(RLIMIT_CORE));
	default:
		return true;	/* an unknown specifier is dropped, as Linux's */
	}
}

/*
 * format_corename - the file name of this dump from core_pattern, in
 * @cn (CORENAME_MAX_SIZE): -EINVAL for a pipe pattern (not supported),
 * -ENAMETOOLONG when it does not fit. core_uses_pid adds ".PID" to a
 * pattern without %p. Returns 0.
 */
static int format_corename(char *cn, const struct kernel_siginfo *siginfo)
{
	char pattern[CORENAME_MAX_SIZE];
	bool pid_in_pattern = false;

	memcpy(pattern, core_pattern, sizeof(pattern));
	pattern[CORENAME_MAX_SIZE - 1] = 0;
	if (pattern[0] == '|')
		return -EINVAL;
	cn[0] = 0;
	for (const char *p = pattern; *p; p++) {
		if (*p != '%' || !p[1]) {	/* the pattern's own text, slashes too */
			if (!cn_printf(cn, "%c", (unsigned char)*p))
				return -ENAMETOOLONG;
			continue;
		}
		p++;
		pid_in_pattern |= *p == 'p';
		if (!format_one(cn, *p, siginfo))
			return -ENAMETOOLONG;
	}
	if (core_uses_pid && !pid_in_pattern && !cn_printf(cn, ".%lu", current->tgid))
		return -ENAMETOOLONG;
	return 0;
}

/*
 * open_core_file - the file @name, made afresh for this dump: any old
 * one is unlinked, and the new one must be a regular file with one
 * link, owned by our fsuid, mode 0600 (Linux's checks, so that a dump
 * never lands in a file someone else prepared). The file, or ERR_PTR.
 */
static struct file *open_core_file(const char *name)
{
	struct file *f;
	struct inode *inode;

	do_remove(AT_FDCWD, name, false);	/* absent is fine */
	f = do_filp_open(AT_FDCWD, name, O_CREAT | O_RDWR | O_NOFOLLOW | O_LARGEFILE | O_EXCL,
			 0600);
	if (IS_ERR(f))
		return f;
	inode = f->f_inode;
	if (!S_ISREG(inode->i_mode) || inode->i_nlink != 1 ||
	    !uid_eq(inode->i_uid, current_fsuid()) || (inode->i_mode & 0677) != 0600 ||
	    !f->f_op->write) {
		fput(f);
		return ERR_PTR(-EACCES);
	}
	return f;
}

/*
 * do_coredump - write current's core file for the fatal @siginfo, if
 * one may and can be made (see the top of this file). Called from
 * get_signal() before the group exits. Returns true when a dump was
 * written (the exit status then has 0x80).
 */
bool do_coredump(const struct kernel_siginfo *siginfo)
{
	struct coredump_params cprm = { .siginfo = siginfo };
	char name[CORENAME_MAX_SIZE];
	bool ok;

	if (!current->mm || get_dumpable(current->mm) == SUID_DUMP_DISABLE)
		return false;
	cprm.limit = rlimit(RLIMIT_CORE);
	cprm.mm_flags = READ_ONCE(current->mm->flags);
	if (cprm.limit < PAGE_SIZE || format_corename(name, siginfo))
		return false;	/* Linux's binfmt->min_coredump is a page */
	cprm.file = open_core_file(name);
	if (IS_ERR(cprm.file))
		return false;
	ok = elf_core_dump(&cprm);
	fput(cprm.file);
	return ok;
}

/* dump_emit - write @nr bytes of @addr to the core file at its
 * position, within RLIMIT_CORE. false when cut short. */
bool dump_emit(struct coredump_params *cprm, const void *addr, size_t nr)
{
	if (cprm->written + nr > cprm->limit)
		return false;
	if (kernel_write(cprm->file, addr, nr, &cprm->pos) != (ssize_t)nr)
		return false;
	cprm->written += nr;
	cprm->emitted_end = cprm->pos;
	return true;
}

/* dump_skip - @nr bytes of zeros: a hole in the file, left by moving
 * the position (a tmpfs file stays sparse), within RLIMIT_CORE. The
 * writer ends with dump_emit() so the file's size covers them. */
bool dump_skip(struct coredump_params *cprm, size_t nr)
{
	if (cprm->written + nr > cprm->limit)
		return false;
	cprm->pos += nr;
	cprm->written += nr;
	return true;
}

/* dump_align - skip to the next multiple of @align (a power of 2). */
bool dump_align(struct coredump_params *cprm, size_t align)
{
	size_t mod = cprm->pos & (align - 1);

	return !mod || dump_skip(cprm, align - mod);
}

/* proc_dostring_coredump - kernel.core_pattern: a read gives it and a
 * newline; a write replaces it with the text up to a newline, cut to
 * CORENAME_MAX_SIZE - 1 bytes (Linux's proc_dostring). */
int proc_dostring_coredump(const struct ctl_table *table, int write, char *buffer,
			   size_t *lenp, loff_t *ppos)
{
	char *s = table->data;
	size_t n;

	if (!write) {
		size_t len = strlen(s);

		if ((size_t)*ppos > len) {
			*lenp = 0;
			return 0;
		}
		n = min(*lenp, len + 1 - (size_t)*ppos);
		memcpy(buffer, s + *ppos, n);
		if ((size_t)*ppos + n == len + 1)
			buffer[n - 1] = '\n';
		*lenp = n;
		*ppos += n;
		return 0;
	}
	if (*ppos) {		/* sysctl_writes_strict: from the start only */
		*lenp = 0;
		return 0;
	}
	for (n = 0; n < *lenp && buffer[n] && buffer[n] != '\n'; n++)
		;
	n = min(n, (size_t)CORENAME_MAX_SIZE - 1);
	memcpy(s, buffer, n);
	s[n] = 0;
	*ppos += *lenp;
	return 0;
}
