// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/PID/status, stat and statm in Linux's exact formats (Linux's
 * fs/proc/array.c). What mmos does not have reads as Linux shows its
 * absence: no tracer (TracerPid 0), no namespaces (one level of NS*),
 * no swap, one CPU.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/sched/cputime.h>
#include <linux/sched/mm.h>
#include <linux/signal.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include "internal.h"

#define KB(pages)	((pages) << (PAGE_SHIFT - 10))
#define USER_HZ		100
#define NSEC_PER_USER_HZ	(1000000000ULL / USER_HZ)

/* task_state - @t's state as Linux's task_state_array names it. */
static const char *task_state(const struct task_struct *t)
{
	if (t->exit_state == EXIT_ZOMBIE)
		return "Z (zombie)";
	if (t->exit_state)
		return "X (dead)";
	switch (READ_ONCE(t->__state) & ~TASK_WAKEKILL) {	/* killable is still D */
	case TASK_RUNNING: return "R (running)";
	case TASK_INTERRUPTIBLE: return "S (sleeping)";
	case TASK_UNINTERRUPTIBLE: return "D (disk sleep)";
	case __TASK_STOPPED: return "T (stopped)";
	default: return "X (dead)";
	}
}

/* struct proc_ids - a task's numbers, read together under tasklist_lock. */
struct proc_ids {
	pid_t tgid, pid, ppid, pgrp, sid;
	int nr_threads;
};

/* task_ids - @t's numbers and its process's thread count. */
static void task_ids(struct task_struct *t, struct proc_ids *ids)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	ids->tgid = t->tgid;
	ids->pid = t->pid;
	ids->ppid = (t->real_parent && t->pid > 1) ? t->real_parent->tgid : 0;
	ids->pgrp = pid_nr(task_pgrp(t));
	ids->sid = pid_nr(task_session(t));
	ids->nr_threads = t->signal->nr_threads;
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* sigs_pending - how many signals of @set are pending (SigQ's first
 * number: mmos queues one of each, no real-time queue). */
static int sigs_pending(sigset_t set)
{
	int n = 0;

	for (; set; set &= set - 1)
		n++;
	return n;
}

/* task_sig_masks - the ignored and caught signals of @t, under its
 * sighand's siglock; inside tasklist_lock, under which exec swaps the
 * sighand (unshare_sighand()) and frees the old. */
static void task_sig_masks(struct task_struct *t, sigset_t *ign, sigset_t *catch)
{
	unsigned long flags;

	*ign = *catch = 0;
	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&t->sighand->siglock);
	for (int i = 0; i < _NSIG; i++) {
		void *h = t->sighand->action[i].handler;

		if (h == SIG_IGN)
			*ign |= 1ULL << i;
		else if (h != SIG_DFL)
			*catch |= 1ULL << i;
	}
	spin_unlock(&t->sighand->siglock);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* task_umask - @t's umask, or -1 without an fs_struct (as Linux, which
 * then prints no Umask line). */
static int task_umask(struct task_struct *t)
{
	int umask = -1;

	task_lock(t);
	if (t->fs)
		umask = READ_ONCE(t->fs->umask);
	task_unlock(t);
	return umask;
}

/* status_ids - Name .. Groups, and the NS* lines. */
static void status_ids(struct seq_buf *s, struct task_struct *t)
{
	const struct cred *cred = get_task_cred(t);
	int umask = task_umask(t);
	struct proc_ids ids;
	char comm[TASK_COMM_LEN];

	task_ids(t, &ids);
	task_lock(t);
	memcpy(comm, t->comm, sizeof(comm));
	task_unlock(t);
	comm[TASK_COMM_LEN - 1] = 0;
	seq_printf(s, "Name:\t%s\n", comm);
	if (umask >= 0)
		seq_printf(s, "Umask:\t%#04o\n", umask);
	seq_printf(s, "State:\t%s\nTgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\nTracerPid:\t0\n",
		   task_state(t), ids.tgid, ids.pid, ids.ppid);
	seq_printf(s, "Uid:\t%u\t%u\t%u\t%u\nGid:\t%u\t%u\t%u\t%u\n",
		   cred->uid, cred->euid, cred->suid, cred->fsuid,
		   cred->gid, cred->egid, cred->sgid, cred->fsgid);
	seq_printf(s, "FDSize:\t%d\nGroups:\t", t->files ? NR_OPEN_DEFAULT : 0);
	for (int i = 0; cred->group_info && i < cred->group_info->ngroups; i++)
		seq_printf(s, "%u ", cred->group_info->gid[i]);
	put_cred(cred);
	seq_printf(s, "\nNStgid:\t%d\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t%d\n",
		   ids.tgid, ids.pid, ids.pgrp, ids.sid);
}

/* status_mm - the Vm* and Rss* lines (none for a kernel thread). */
static void status_mm(struct seq_buf *s, struct mm_struct *mm)
{
	unsigned long text = PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK);
	unsigned long anon = get_mm_counter(mm, MM_ANONPAGES);
	unsigned long file = get_mm_counter(mm, MM_FILEPAGES);
	unsigned long rss = anon + file;
	unsigned long hiwater_rss = max(READ_ONCE(mm->hiwater_rss), rss);

	text = min(text >> PAGE_SHIFT, mm->exec_vm);
	seq_printf(s, "VmPeak:\t%8lu kB\nVmSize:\t%8lu kB\nVmLck:\t%8lu kB\n"
		   "VmPin:\t%8lu kB\nVmHWM:\t%8lu kB\nVmRSS:\t%8lu kB\n"
		   "RssAnon:\t%8lu kB\nRssFile:\t%8lu kB\nRssShmem:\t%8lu kB\n"
		   "VmData:\t%8lu kB\nVmStk:\t%8lu kB\nVmExe:\t%8lu kB\n"
		   "VmLib:\t%8lu kB\nVmPTE:\t%8lu kB\nVmSwap:\t%8lu kB\n",
		   KB(max(mm->hiwater_vm, mm->total_vm)), KB(mm->total_vm), KB(mm->locked_vm), 0UL,
		   KB(hiwater_rss), KB(rss), KB(anon), KB(file), 0UL,
		   KB(mm->data_vm), KB(mm->stack_vm), KB(text), KB(mm->exec_vm - text),
		   (unsigned long)atomic_long_read(&mm->pgtables_bytes) >> 10, 0UL);
}

/*
 * proc_pid_status - /proc/PID/status: identity, memory, signals, CPUs
 * and switches, in Linux's order. mmos keeps no shared pending set (a
 * process-wide signal is made pending on one thread: kernel/signal.c),
 * so ShdPnd is empty. Returns 0.
 */
int proc_pid_status(struct seq_buf *s, struct task_struct *t)
{
	struct mm_struct *mm = get_task_mm(t);
	sigset_t ign, catch;
	struct proc_ids ids;

	status_ids(s, t);
	if (mm) {
		status_mm(s, mm);
		mmput(mm);
	}
	task_ids(t, &ids);
	task_sig_masks(t, &ign, &catch);
	seq_printf(s, "Threads:\t%d\nSigQ:\t%d/%lu\n", ids.nr_threads,
		   sigs_pending(READ_ONCE(t->pending.signal)), 0UL);
	seq_printf(s, "SigPnd:\t%016llx\nShdPnd:\t%016llx\nSigBlk:\t%016llx\n"
		   "SigIgn:\t%016llx\nSigCgt:\t%016llx\n",
		   (unsigned long long)READ_ONCE(t->pending.signal),
		   (unsigned long long)READ_ONCE(t->signal->shared_pending.signal),
		   (unsigned long long)READ_ONCE(t->blocked),
		   (unsigned long long)ign, (unsigned long long)catch);
	seq_printf(s, "Cpus_allowed:\t1\nCpus_allowed_list:\t0\n");
	seq_printf(s, "voluntary_ctxt_switches:\t%lu\nnonvoluntary_ctxt_switches:\t%lu\n",
		   READ_ONCE(t->nvcsw), READ_ONCE(t->nivcsw));
	return 0;
}

/* state_char - the letter of task_state(). */
static char state_char(const struct task_struct *t)
{
	return task_state(t)[0];
}

/* ns_to_clock_t - @ns in USER_HZ ticks, as times(2) and /proc give. */
static unsigned long long ns_to_clock_t(u64 ns)
{
	return ns / NSEC_PER_USER_HZ;
}

/*
 * proc_pid_stat - /proc/PID/stat: Linux's 52 fields on one line. The
 * times are the process's (all its threads), in USER_HZ ticks; the
 * kernel stack pointers and wchan's address are 0, as Linux shows them.
 * Returns 0.
 */
int proc_pid_stat(struct seq_buf *s, struct task_struct *t)
{
	struct mm_struct *mm = get_task_mm(t);
	unsigned long vsize = 0, rss = 0;
	unsigned long long cutime, cstime;
	unsigned long cmin_flt, cmaj_flt, min_flt, maj_flt, flags;
	struct task_struct *p;
	sigset_t ign, catch;
	struct proc_ids ids;
	char comm[TASK_COMM_LEN];
	u64 ut, st;

	task_ids(t, &ids);
	task_sig_masks(t, &ign, &catch);
	thread_group_cputime_adjusted(t, &ut, &st);
	spin_lock_irqsave(&tasklist_lock, flags);
	cutime = t->signal->cutime;
	cstime = t->signal->cstime;
	cmin_flt = t->signal->cmin_flt;
	cmaj_flt = t->signal->cmaj_flt;
	min_flt = t->signal->min_flt;
	maj_flt = t->signal->maj_flt;
	list_for_each_entry(p, &t->signal->thread_head, thread_node) {
		min_flt += p->min_flt;
		maj_flt += p->maj_flt;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	task_lock(t);
	memcpy(comm, t->comm, sizeof(comm));
	task_unlock(t);
	comm[TASK_COMM_LEN - 1] = 0;
	if (mm) {
		vsize = mm->total_vm << PAGE_SHIFT;
		rss = get_mm_counter(mm, MM_ANONPAGES) + get_mm_counter(mm, MM_FILEPAGES);
	}
	seq_printf(s, "%d (%s) %c %d %d %d 0 -1 %u %lu %lu %lu %lu %llu %llu %llu %llu",
		   ids.pid, comm, state_char(t), ids.ppid, ids.pgrp, ids.sid,
		   t->flags, min_flt, cmin_flt, maj_flt, cmaj_flt,
		   ns_to_clock_t(ut), ns_to_clock_t(st),
		   ns_to_clock_t(cutime), ns_to_clock_t(cstime));
	seq_printf(s, " %d %d %d 0 %llu %lu %lu %lu",
		   t->static_prio - 100, task_nice(t), ids.nr_threads,
		   ns_to_clock_t(t->start_boottime), vsize, rss, ~0UL);
	seq_printf(s, " %lu %lu %lu 0 0 %llu %llu %llu %llu %d 0 0 %d 0 0 0 0 0 0",
		   mm ? mm->start_code : 0, mm ? mm->end_code : 0,
		   mm ? mm->start_stack : 0,
		   (unsigned long long)(READ_ONCE(t->pending.signal) & 0x7fffffff),
		   (unsigned long long)(READ_ONCE(t->blocked) & 0x7fffffff),
		   (unsigned long long)(ign & 0x7fffffff),
		   (unsigned long long)(catch & 0x7fffffff),
		   READ_ONCE(t->__state) != TASK_RUNNING, t->exit_signal);
	if (mm) {
		seq_printf(s, " %lu %lu %lu %lu %lu %lu %lu", mm->start_data,
			   mm->end_data, mm->start_brk, mm->arg_start, mm->arg_end,
			   mm->env_start, mm->env_end);
		mmput(mm);
	} else {
		seq_printf(s, " 0 0 0 0 0 0 0");
	}
	seq_printf(s, " %d\n", t->exit_state ? t->exit_code : 0);
	return 0;
}

/* proc_pid_statm - /proc/PID/statm: size resident shared text lib data
 * dt, in pages (lib and dt are always 0, as Linux's). Returns 0. */
int proc_pid_statm(struct seq_buf *s, struct task_struct *t)
{
	struct mm_struct *mm = get_task_mm(t);
	unsigned long text, file, anon;

	if (!mm) {
		seq_printf(s, "0 0 0 0 0 0 0\n");
		return 0;
	}
	text = (PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK)) >> PAGE_SHIFT;
	file = get_mm_counter(mm, MM_FILEPAGES);
	anon = get_mm_counter(mm, MM_ANONPAGES);
	seq_printf(s, "%lu %lu %lu %lu 0 %lu 0\n", mm->total_vm, anon + file, file,
		   text, mm->data_vm + mm->stack_vm);
	mmput(mm);
	return 0;
}
