// SPDX-License-Identifier: GPL-2.0
/* Identity (the set*id rules), limits, resource usage (times, getrusage,
 * sysinfo), the system's names (uname, sethostname), getcpu. */
#include <linux/kernel.h>
#include <linux/coredump.h>
#include <linux/arch.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/reboot.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/sched/cputime.h>
#include <linux/sched/loadavg.h>
#include <linux/spinlock.h>
#include <linux/time64.h>
#include <linux/timekeeping.h>
#include <linux/utsname.h>
#include <linux/string.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/tty.h>
#include <linux/sched/mm.h>
#include <linux/syscalls.h>
#include <linux/vmstat.h>
#include <asm/processor.h>

SYSCALL_DEFINE0(getpid) { return current->tgid; }
SYSCALL_DEFINE0(gettid) { return current->pid; }
SYSCALL_DEFINE0(getppid) { return current->real_parent->tgid; }
/* ---- user and group identities (Linux's rules, kernel/sys.c) -------- */

SYSCALL_DEFINE0(getuid) { return current_uid(); }
SYSCALL_DEFINE0(geteuid) { return current_euid(); }
SYSCALL_DEFINE0(getgid) { return current_gid(); }
SYSCALL_DEFINE0(getegid) { return current_egid(); }

/*
 * setuid - with CAP_SETUID all of real, effective, saved and fs uid
 * become @uid; without it only the effective (and fs) uid may change,
 * and only to the real or saved uid (-EPERM otherwise). -EINVAL for
 * the uid -1, -ENOMEM if the new cred cannot be made.
 */
SYSCALL_DEFINE1(setuid, uid_t, uid)
{
	const struct cred *old = current_cred();
	kuid_t kuid = uid;
	struct cred *new;

	if (!uid_valid(kuid))
		return -EINVAL;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (capable(CAP_SETUID)) {
		new->suid = new->uid = kuid;
	} else if (!uid_eq(kuid, old->uid) && !uid_eq(kuid, new->suid)) {
		abort_creds(new);
		return -EPERM;
	}
	new->fsuid = new->euid = kuid;
	return commit_creds(new);
}

/* setgid - setuid's rules for the group ids, with CAP_SETGID. */
SYSCALL_DEFINE1(setgid, gid_t, gid)
{
	const struct cred *old = current_cred();
	kgid_t kgid = gid;
	struct cred *new;

	if (!gid_valid(kgid))
		return -EINVAL;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (capable(CAP_SETGID)) {
		new->gid = new->egid = new->sgid = new->fsgid = kgid;
	} else if (gid_eq(kgid, old->gid) || gid_eq(kgid, old->sgid)) {
		new->egid = new->fsgid = kgid;
	} else {
		abort_creds(new);
		return -EPERM;
	}
	return commit_creds(new);
}

/*
 * setreuid - set the real and/or effective uid (-1: unchanged). Without
 * CAP_SETUID the real uid may become the real or effective one, the
 * effective uid any of real, effective, saved. The saved uid follows
 * the new effective one when the real uid is set or the effective one
 * set to other than the old real uid; the fsuid always follows it.
 */
SYSCALL_DEFINE2(setreuid, uid_t, ruid, uid_t, euid)
{
	const struct cred *old = current_cred();
	kuid_t kruid = ruid, keuid = euid;
	struct cred *new;

	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (ruid != (uid_t)-1) {
		new->uid = kruid;
		if (!uid_eq(old->uid, kruid) && !uid_eq(old->euid, kruid) &&
		    !capable(CAP_SETUID))
			goto abort_eperm;
	}
	if (euid != (uid_t)-1) {
		new->euid = keuid;
		if (!uid_eq(old->uid, keuid) && !uid_eq(old->euid, keuid) &&
		    !uid_eq(old->suid, keuid) && !capable(CAP_SETUID))
			goto abort_eperm;
	}
	if (ruid != (uid_t)-1 || (euid != (uid_t)-1 && !uid_eq(keuid, old->uid)))
		new->suid = new->euid;
	new->fsuid = new->euid;
	return commit_creds(new);

abort_eperm:
	abort_creds(new);
	return -EPERM;
}

/* setregid - setreuid's rules for the group ids, with CAP_SETGID. */
SYSCALL_DEFINE2(setregid, gid_t, rgid, gid_t, egid)
{
	const struct cred *old = current_cred();
	kgid_t krgid = rgid, kegid = egid;
	struct cred *new;

	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (rgid != (gid_t)-1) {
		if (!gid_eq(old->gid, krgid) && !gid_eq(old->egid, krgid) &&
		    !capable(CAP_SETGID))
			goto abort_eperm;
		new->gid = krgid;
	}
	if (egid != (gid_t)-1) {
		if (!gid_eq(old->gid, kegid) && !gid_eq(old->egid, kegid) &&
		    !gid_eq(old->sgid, kegid) && !capable(CAP_SETGID))
			goto abort_eperm;
		new->egid = kegid;
	}
	if (rgid != (gid_t)-1 || (egid != (gid_t)-1 && !gid_eq(kegid, old->gid)))
		new->sgid = new->egid;
	new->fsgid = new->egid;
	return commit_creds(new);

abort_eperm:
	abort_creds(new);
	return -EPERM;
}

/* id_is_new - @id (not -1) is none of the three ids a task without the
 * capability may choose among. */
static bool id_is_new(unsigned int id, unsigned int a, unsigned int b, unsigned int c)
{
	return id != (unsigned int)-1 && id != a && id != b && id != c;
}

/*
 * setresuid - set any of the real, effective and saved uids (-1:
 * unchanged); without CAP_SETUID each new one must be one of the three
 * old ones (-EPERM). A call that changes nothing returns 0 at once; the
 * fsuid follows the effective uid.
 */
SYSCALL_DEFINE3(setresuid, uid_t, ruid, uid_t, euid, uid_t, suid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if ((ruid == (uid_t)-1 || uid_eq(ruid, old->uid)) &&
	    (euid == (uid_t)-1 || (uid_eq(euid, old->euid) && uid_eq(euid, old->fsuid))) &&
	    (suid == (uid_t)-1 || uid_eq(suid, old->suid)))
		return 0;
	if ((id_is_new(ruid, old->uid, old->euid, old->suid) ||
	     id_is_new(euid, old->uid, old->euid, old->suid) ||
	     id_is_new(suid, old->uid, old->euid, old->suid)) && !capable(CAP_SETUID))
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (ruid != (uid_t)-1)
		new->uid = ruid;
	if (euid != (uid_t)-1)
		new->euid = euid;
	if (suid != (uid_t)-1)
		new->suid = suid;
	new->fsuid = new->euid;
	return commit_creds(new);
}

/* setresgid - setresuid's rules for the group ids, with CAP_SETGID. */
SYSCALL_DEFINE3(setresgid, gid_t, rgid, gid_t, egid, gid_t, sgid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if ((rgid == (gid_t)-1 || gid_eq(rgid, old->gid)) &&
	    (egid == (gid_t)-1 || (gid_eq(egid, old->egid) && gid_eq(egid, old->fsgid))) &&
	    (sgid == (gid_t)-1 || gid_eq(sgid, old->sgid)))
		return 0;
	if ((id_is_new(rgid, old->gid, old->egid, old->sgid) ||
	     id_is_new(egid, old->gid, old->egid, old->sgid) ||
	     id_is_new(sgid, old->gid, old->egid, old->sgid)) && !capable(CAP_SETGID))
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (rgid != (gid_t)-1)
		new->gid = rgid;
	if (egid != (gid_t)-1)
		new->egid = egid;
	if (sgid != (gid_t)-1)
		new->sgid = sgid;
	new->fsgid = new->egid;
	return commit_creds(new);
}

/* put_res_ids - the three ids to user memory, stopping at the first
 * fault, as Linux's getresuid(). */
static long put_res_ids(unsigned int r, unsigned int e, unsigned int s,
			unsigned int __user *rp, unsigned int __user *ep,
			unsigned int __user *sp)
{
	if (put_user(r, rp) || put_user(e, ep) || put_user(s, sp))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE3(getresuid, uid_t __user *, ruidp, uid_t __user *, euidp,
		uid_t __user *, suidp)
{
	const struct cred *c = current_cred();

	return put_res_ids(c->uid, c->euid, c->suid, ruidp, euidp, suidp);
}

SYSCALL_DEFINE3(getresgid, gid_t __user *, rgidp, gid_t __user *, egidp,
		gid_t __user *, sgidp)
{
	const struct cred *c = current_cred();

	return put_res_ids(c->gid, c->egid, c->sgid, rgidp, egidp, sgidp);
}

/*
 * setfsuid - set the uid file access is checked with, to any of the
 * real, effective, saved or current fs uid, or anything with
 * CAP_SETUID. Returns the old fsuid whether it changed or not (Linux
 * reports no error here: callers compare).
 */
SYSCALL_DEFINE1(setfsuid, uid_t, uid)
{
	const struct cred *old = current_cred();
	kuid_t old_fsuid = old->fsuid;
	struct cred *new;

	if (!uid_valid(uid))
		return old_fsuid;
	if (!(uid_eq(uid, old->uid) || uid_eq(uid, old->euid) || uid_eq(uid, old->suid) ||
	      uid_eq(uid, old->fsuid) || capable(CAP_SETUID)) || uid_eq(uid, old->fsuid))
		return old_fsuid;
	new = prepare_creds();
	if (!new)
		return old_fsuid;
	new->fsuid = uid;
	commit_creds(new);
	return old_fsuid;
}

/* setfsgid - setfsuid's rule for the fs gid, with CAP_SETGID. */
SYSCALL_DEFINE1(setfsgid, gid_t, gid)
{
	const struct cred *old = current_cred();
	kgid_t old_fsgid = old->fsgid;
	struct cred *new;

	if (!gid_valid(gid))
		return old_fsgid;
	if (!(gid_eq(gid, old->gid) || gid_eq(gid, old->egid) || gid_eq(gid, old->sgid) ||
	      gid_eq(gid, old->fsgid) || capable(CAP_SETGID)) || gid_eq(gid, old->fsgid))
		return old_fsgid;
	new = prepare_creds();
	if (!new)
		return old_fsgid;
	new->fsgid = gid;
	commit_creds(new);
	return old_fsgid;
}

SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

/* newuname - the names, copied out of init_uts_ns under uts_lock. */
SYSCALL_DEFINE1(newuname, struct new_utsname __user *, name)
{
	struct new_utsname u;

	spin_lock(&uts_lock);
	memcpy(&u, utsname(), sizeof(u));
	spin_unlock(&uts_lock);
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}

/*
 * set_uts_field - sethostname/setdomainname: the first @len bytes of
 * @name (not NUL-terminated; the rest of the field is cleared) into
 * @field. Linux's order: -EPERM without CAP_SYS_ADMIN, -EINVAL for a
 * @len outside 0..64, -EFAULT.
 */
static long set_uts_field(char *field, const char __user *name, int len)
{
	char tmp[__NEW_UTS_LEN];

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (len < 0 || len > __NEW_UTS_LEN)
		return -EINVAL;
	if (copy_from_user(tmp, name, len))
		return -EFAULT;
	spin_lock(&uts_lock);
	memcpy(field, tmp, len);
	memset(field + len, 0, __NEW_UTS_LEN + 1 - len);
	spin_unlock(&uts_lock);
	return 0;
}

SYSCALL_DEFINE2(sethostname, const char __user *, name, int, len)
{
	return set_uts_field(utsname()->nodename, name, len);
}

SYSCALL_DEFINE2(setdomainname, const char __user *, name, int, len)
{
	return set_uts_field(utsname()->domainname, name, len);
}

/* getcpu - the CPU and NUMA node current runs on: always 0 and 0. */
SYSCALL_DEFINE3(getcpu, unsigned int __user *, cpup, unsigned int __user *, nodep,
		void __user *, unused)
{
	int err = 0;

	if (cpup)
		err |= put_user(smp_processor_id(), cpup);
	if (nodep)
		err |= put_user(0u, nodep);
	return err ? -EFAULT : 0;
}

/*
 * task_rlimit64 - @t's limit @res (< RLIM_NLIMITS), read under its
 * group leader's task_lock as do_prlimit() writes it. Precondition: @t
 * is current or held by the caller (/proc).
 */
void task_rlimit64(struct task_struct *t, unsigned int res, struct rlimit64 *r)
{
	task_lock(t->group_leader);
	*r = t->signal->rlim[res];
	task_unlock(t->group_leader);
}

/*
 * do_prlimit - Linux's: read @tsk's limit @resource into @old and/or
 * set it from @new. -EINVAL for a resource past RLIM_NLIMITS or a soft
 * limit above the hard one, -EPERM for RLIMIT_NOFILE above the fd
 * table (Linux's nr_open) or for raising the hard limit without
 * CAP_SYS_RESOURCE. mmos applies RLIMIT_STACK (stack growth, exec's
 * argument space) and RLIMIT_NOFILE (the lowest free fd below it); the
 * others are kept and reported, not enforced.
 */
static long do_prlimit(struct task_struct *tsk, unsigned int resource,
		       const struct rlimit64 *new, struct rlimit64 *old)
{
	struct rlimit64 *rlim;
	long ret = 0;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new) {
		if (new->rlim_cur > new->rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE && new->rlim_max > NR_OPEN_DEFAULT)
			return -EPERM;
	}
	rlim = tsk->signal->rlim + resource;
	task_lock(tsk->group_leader);
	if (new && new->rlim_max > rlim->rlim_max && !capable(CAP_SYS_RESOURCE))
		ret = -EPERM;
	if (!ret) {
		if (old)
			*old = *rlim;
		if (new)
			*rlim = *new;
	}
	task_unlock(tsk->group_leader);
	return ret;
}

/* check_prlimit_permission - may current read or set @task's limits?
 * Itself; another task whose real, effective and saved uids and
 * gids are all the caller's real ones; or with CAP_SYS_RESOURCE. */
static long check_prlimit_permission(struct task_struct *task)
{
	const struct cred *cred = current_cred(), *tcred;
	bool id_match;

	if (task == current)
		return 0;
	tcred = get_task_cred(task);
	id_match = uid_eq(cred->uid, tcred->euid) && uid_eq(cred->uid, tcred->suid) &&
		   uid_eq(cred->uid, tcred->uid) && gid_eq(cred->gid, tcred->egid) &&
		   gid_eq(cred->gid, tcred->sgid) && gid_eq(cred->gid, tcred->gid);
	put_cred(tcred);
	return id_match || capable(CAP_SYS_RESOURCE) ? 0 : -EPERM;
}

/*
 * prlimit64 - read and/or set the limit @resource of process @pid (0:
 * current), in Linux's order: -EFAULT for an unreadable @new_rlim,
 * -ESRCH without such a thread, -EPERM (check_prlimit_permission),
 * then do_prlimit()'s errors, then -EFAULT for @old_rlim.
 */
SYSCALL_DEFINE4(prlimit64, pid_t, pid, unsigned int, resource,
		const struct rlimit64 __user *, new_rlim,
		struct rlimit64 __user *, old_rlim)
{
	struct rlimit64 old, new;
	struct task_struct *tsk = current;
	long ret;

	if (new_rlim && copy_from_user(&new, new_rlim, sizeof(new)))
		return -EFAULT;
	if (pid) {	/* any thread, a zombie too (find_task_by_vpid) */
		unsigned long flags;

		spin_lock_irqsave(&tasklist_lock, flags);
		tsk = find_task_by_pid_locked(pid);
		if (tsk)
			get_task_struct(tsk);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (!tsk)
			return -ESRCH;
	}
	ret = check_prlimit_permission(tsk);
	if (!ret)
		ret = do_prlimit(tsk, resource, new_rlim ? &new : NULL,
				 old_rlim ? &old : NULL);
	if (pid)
		put_task_struct(tsk);
	if (!ret && old_rlim && copy_to_user(old_rlim, &old, sizeof(old)))
		ret = -EFAULT;
	return ret;
}

/* getrlimit - current's limit @resource (x86-64's struct rlimit is
 * rlimit64). -EINVAL for a bad resource, -EFAULT. */
SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit64 __user *, rlim)
{
	struct rlimit64 r;
	long ret = do_prlimit(current, resource, NULL, &r);

	if (!ret && copy_to_user(rlim, &r, sizeof(r)))
		ret = -EFAULT;
	return ret;
}

/* setrlimit - set current's limit @resource: -EFAULT first, then
 * do_prlimit()'s errors. */
SYSCALL_DEFINE2(setrlimit, unsigned int, resource, const struct rlimit64 __user *, rlim)
{
	struct rlimit64 r;

	if (copy_from_user(&r, rlim, sizeof(r)))
		return -EFAULT;
	return do_prlimit(current, resource, &r, NULL);
}

/* ---- resource usage -------------------------------------------------- */

#define USER_HZ		100	/* the ABI's clock ticks (sysconf(_SC_CLK_TCK)) */

/* nsec_to_clock_t - nanoseconds in USER_HZ ticks. */
static long nsec_to_clock_t(u64 ns)
{
	return ns / (NSEC_PER_SEC / USER_HZ);
}

struct tms {
	long tms_utime, tms_stime, tms_cutime, tms_cstime;
};

/*
 * times - the process's user and system time and its reaped children's,
 * in USER_HZ ticks; returns the ticks since boot (Linux's arbitrary
 * point is 5 minutes before its jiffies wrap; mmos's is boot).
 */
SYSCALL_DEFINE1(times, struct tms __user *, tbuf)
{
	if (tbuf) {
		struct tms t;
		unsigned long flags;
		u64 ut, st, cut, cst;

		thread_group_cputime_adjusted(current, &ut, &st);
		spin_lock_irqsave(&tasklist_lock, flags);
		cut = current->signal->cutime;
		cst = current->signal->cstime;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		t.tms_utime = nsec_to_clock_t(ut);
		t.tms_stime = nsec_to_clock_t(st);
		t.tms_cutime = nsec_to_clock_t(cut);
		t.tms_cstime = nsec_to_clock_t(cst);
		if (copy_to_user(tbuf, &t, sizeof(t)))
			return -EFAULT;
	}
	return nsec_to_clock_t(ktime_get_ns());
}

/* accumulate_thread_rusage - add @t's own counts to @r. */
static void accumulate_thread_rusage(struct task_struct *t, struct rusage *r)
{
	r->ru_nvcsw += t->nvcsw;
	r->ru_nivcsw += t->nivcsw;
	r->ru_minflt += t->min_flt;
	r->ru_majflt += t->maj_flt;
}

static void ns_to_ru_timeval(u64 ns, struct __kernel_old_timeval_ru *tv)
{
	tv->tv_sec = ns / NSEC_PER_SEC;
	tv->tv_usec = (ns % NSEC_PER_SEC) / 1000;
}

/*
 * getrusage - @p's resource usage as Linux's k_getrusage(): RUSAGE_SELF
 * the whole process (released threads' totals and the live threads),
 * RUSAGE_THREAD @p alone, RUSAGE_CHILDREN the children it reaped (and
 * theirs), RUSAGE_BOTH both (wait4's). ru_maxrss is in KiB: the largest
 * RSS of an image the process ran or runs (or of any reaped child).
 */
void getrusage(struct task_struct *p, int who, struct rusage *r)
{
	struct signal_struct *sig = p->signal;
	struct task_struct *t;
	unsigned long flags, maxrss = 0;
	u64 utime = 0, stime = 0, ut, st;

	memset(r, 0, sizeof(*r));
	if (who == RUSAGE_THREAD) {
		task_cputime_adjusted(p, &utime, &stime);
		spin_lock_irqsave(&tasklist_lock, flags);
		accumulate_thread_rusage(p, r);
		maxrss = sig->maxrss;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		goto out_thread;
	}
	if (who != RUSAGE_SELF) {	/* CHILDREN or BOTH */
		spin_lock_irqsave(&tasklist_lock, flags);
		utime = sig->cutime;
		stime = sig->cstime;
		r->ru_nvcsw = sig->cnvcsw;
		r->ru_nivcsw = sig->cnivcsw;
		r->ru_minflt = sig->cmin_flt;
		r->ru_majflt = sig->cmaj_flt;
		maxrss = sig->cmaxrss;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (who == RUSAGE_CHILDREN)
			goto out_children;
	}
	thread_group_cputime_adjusted(p, &ut, &st);
	utime += ut;
	stime += st;
	spin_lock_irqsave(&tasklist_lock, flags);
	r->ru_nvcsw += sig->nvcsw;
	r->ru_nivcsw += sig->nivcsw;
	r->ru_minflt += sig->min_flt;
	r->ru_majflt += sig->maj_flt;
	if (maxrss < sig->maxrss)
		maxrss = sig->maxrss;
	list_for_each_entry(t, &sig->thread_head, thread_node)
		accumulate_thread_rusage(t, r);
	spin_unlock_irqrestore(&tasklist_lock, flags);
out_thread:
	/* the running image's own high-water mark (a zombie has none);
	 * p is current or a zombie, whose mm cannot change under us */
	if (p->mm)
		setmax_mm_hiwater_rss(&maxrss, p->mm);
out_children:
	ns_to_ru_timeval(utime, &r->ru_utime);
	ns_to_ru_timeval(stime, &r->ru_stime);
	r->ru_maxrss = maxrss * (PAGE_SIZE / 1024);
}

SYSCALL_DEFINE2(getrusage, int, who, struct rusage __user *, ru)
{
	struct rusage r;

	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
		return -EINVAL;
	getrusage(current, who, &r);
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}

struct sysinfo {
	long uptime;			/* seconds since boot */
	unsigned long loads[3];		/* 1, 5, 15 min, << SI_LOAD_SHIFT */
	unsigned long totalram, freeram, sharedram, bufferram;
	unsigned long totalswap, freeswap;
	u16 procs, pad;
	unsigned long totalhigh, freehigh;
	u32 mem_unit;
	char _f[20 - 2 * sizeof(long) - sizeof(u32)];
};

#define SI_LOAD_SHIFT	16

/*
 * do_sysinfo - Linux's: the uptime rounded up to whole seconds, the
 * load averages, the task count, and memory in pages, which Linux then
 * turns into bytes (mem_unit 1) whenever the total fits, as on every
 * 64-bit machine. No swap, no high memory, no block-device buffers;
 * sharedram is the tmpfs pages (NR_SHMEM).
 */
static void do_sysinfo(struct sysinfo *info)
{
	u64 up = ktime_get_boottime_ns();
	unsigned int shift = PAGE_SHIFT;

	memset(info, 0, sizeof(*info));
	info->uptime = up / NSEC_PER_SEC + (up % NSEC_PER_SEC ? 1 : 0);
	get_avenrun(info->loads, 0, SI_LOAD_SHIFT - FSHIFT);
	info->procs = nr_tasks();
	info->totalram = totalram_pages() << shift;
	info->freeram = nr_free_pages() << shift;
	info->sharedram = global_node_page_state(NR_SHMEM) << shift;
	info->mem_unit = 1;
}

SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo val;

	do_sysinfo(&val);
	return copy_to_user(info, &val, sizeof(val)) ? -EFAULT : 0;
}

/* ---- process groups and sessions ------------------------------------ */

/*
 * setpgid - move process @pid (0: the caller) into process group @pgid
 * (0: the one numbered @pid, a new group if there is none). Linux's
 * checks in Linux's order: a negative @pgid is EINVAL; @pid must be the
 * caller or one of its children (ESRCH) and a process, not a thread
 * (EINVAL); a child must be in the caller's session (EPERM) and not have
 * exec'd (EACCES); a session leader cannot move (EPERM); and the group
 * joined must exist in the caller's session (EPERM).
 */
SYSCALL_DEFINE2(setpgid, pid_t, pid, pid_t, pgid)
{
	struct task_struct *p, *g, *group_leader = current->group_leader;
	struct pid *pgrp;
	unsigned long flags;
	long err;

	if (!pid)
		pid = group_leader->pid;
	if (!pgid)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	err = -ESRCH;
	p = find_task_by_pid_locked(pid);
	if (!p)
		goto out;
	err = -EINVAL;
	if (!thread_group_leader(p))
		goto out;
	if (p->real_parent->signal == group_leader->signal) {
		err = -EPERM;
		if (task_session(p) != task_session(group_leader))
			goto out;
		err = -EACCES;
		if (!(p->flags & PF_FORKNOEXEC))
			goto out;
	} else {
		err = -ESRCH;
		if (p != group_leader)
			goto out;
	}
	err = -EPERM;
	if (p->signal->leader)
		goto out;
	pgrp = task_pid(p);
	if (pgid != pid) {
		pgrp = find_vpid(pgid);
		g = pgrp ? pid_task(pgrp, PIDTYPE_PGID) : NULL;
		if (!g || task_session(g) != task_session(group_leader))
			goto out;
	}
	if (task_pgrp(p) != pgrp)
		change_pid(p, PIDTYPE_PGID, pgrp);
	err = 0;
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

/* do_getpid - the number of the @type pid (group or session) of process
 * @pid (0: the caller's), or -ESRCH. */
static long do_getpid(pid_t pid, enum pid_type type)
{
	struct task_struct *p = current;
	unsigned long flags;
	long ret = -ESRCH;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (pid)
		p = find_task_by_pid_locked(pid);
	if (p)
		ret = pid_nr(p->signal->pids[type]);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* getpgid, getpgrp, getsid - the process group or session of @pid (0:
 * the caller), or -ESRCH. */
SYSCALL_DEFINE1(getpgid, pid_t, pid)
{
	return do_getpid(pid, PIDTYPE_PGID);
}

SYSCALL_DEFINE0(getpgrp)
{
	return do_getpid(0, PIDTYPE_PGID);
}

SYSCALL_DEFINE1(getsid, pid_t, pid)
{
	return do_getpid(pid, PIDTYPE_SID);
}

/*
 * setsid - the caller's process leads a new session and a new process
 * group, both numbered by its PID. EPERM if it leads a session already,
 * or if a process group with that number exists (it leads its group).
 * Returns the new session's number. The caller is left without a
 * controlling terminal (Linux's proc_clear_tty()).
 */
SYSCALL_DEFINE0(setsid)
{
	struct task_struct *group_leader = current->group_leader;
	struct pid *sid = task_pid(group_leader);
	unsigned long flags;
	long err = -EPERM;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (group_leader->signal->leader || pid_task(sid, PIDTYPE_PGID))
		goto out;
	group_leader->signal->leader = true;
	if (task_session(group_leader) != sid)
		change_pid(group_leader, PIDTYPE_SID, sid);
	if (task_pgrp(group_leader) != sid)
		change_pid(group_leader, PIDTYPE_PGID, sid);
	proc_clear_tty(group_leader);	/* a new session has no terminal */
	err = sid->nr;
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

/* ---- prctl ------------------------------------------------------------ */

#define PR_SET_PDEATHSIG	1
#define PR_GET_PDEATHSIG	2
#define PR_GET_DUMPABLE		3
#define PR_SET_DUMPABLE		4
#define PR_SET_NAME		15
#define PR_GET_NAME		16
#define PR_SET_CHILD_SUBREAPER	36
#define PR_GET_CHILD_SUBREAPER	37
#define PR_SET_NO_NEW_PRIVS	38
#define PR_GET_NO_NEW_PRIVS	39

/* prctl_set_name - current's comm becomes the user's string at @uname,
 * cut to TASK_COMM_LEN - 1 bytes. 0 or -EFAULT. */
static long prctl_set_name(const char __user *uname)
{
	char comm[TASK_COMM_LEN] = { 0 };

	if (strncpy_from_user(comm, uname, sizeof(comm) - 1) < 0)
		return -EFAULT;
	task_lock(current);
	memcpy(current->comm, comm, sizeof(comm));
	task_unlock(current);
	return 0;
}

/* prctl_get_name - current's comm, all TASK_COMM_LEN bytes, to @uname. */
static long prctl_get_name(char __user *uname)
{
	char comm[TASK_COMM_LEN];

	task_lock(current);
	memcpy(comm, current->comm, sizeof(comm));
	task_unlock(current);
	return copy_to_user(uname, comm, sizeof(comm)) ? -EFAULT : 0;
}

/*
 * prctl - the options mmos has: the parent-death signal (to this thread
 * when the thread that forked it exits; not inherited), the name,
 * child subreaping (orphans below reparent to the nearest subreaper
 * ancestor, not PID 1), and no_new_privs (exec then grants nothing).
 * Every other option is EINVAL, as Linux says of an option it does not
 * know.
 */
SYSCALL_DEFINE5(prctl, int, option, unsigned long, arg2, unsigned long, arg3,
		unsigned long, arg4, unsigned long, arg5)
{
	unsigned long flags;

	switch (option) {
	case PR_SET_PDEATHSIG:
		if (arg2 > _NSIG)
			return -EINVAL;
		current->pdeath_signal = arg2;
		return 0;
	case PR_GET_PDEATHSIG:
		return put_user(current->pdeath_signal, (int __user *)arg2);
	case PR_GET_DUMPABLE:
		return get_dumpable(current->mm);
	case PR_SET_DUMPABLE:	/* 0 or 1: 2 (root-only dumps) is exec's alone */
		if (arg2 != SUID_DUMP_DISABLE && arg2 != SUID_DUMP_USER)
			return -EINVAL;
		set_dumpable(current->mm, arg2);
		return 0;
	case PR_SET_NAME:
		return prctl_set_name((const char __user *)arg2);
	case PR_GET_NAME:
		return prctl_get_name((char __user *)arg2);
	case PR_SET_CHILD_SUBREAPER:
		spin_lock_irqsave(&tasklist_lock, flags);	/* exits read it */
		current->signal->is_child_subreaper = !!arg2;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return 0;
	case PR_GET_CHILD_SUBREAPER:
		return put_user((int)current->signal->is_child_subreaper, (int __user *)arg2);
	case PR_SET_NO_NEW_PRIVS:	/* only 1, and no other argument */
		if (arg2 != 1 || arg3 || arg4 || arg5)
			return -EINVAL;
		task_set_no_new_privs(current);
		return 0;
	case PR_GET_NO_NEW_PRIVS:
		if (arg2 || arg3 || arg4 || arg5)
			return -EINVAL;
		return task_no_new_privs(current) ? 1 : 0;
	default:
		return -EINVAL;
	}
}

/* umask(2): the new file-creation mask (its permission bits); returns
 * the old one. */
SYSCALL_DEFINE1(umask, int, mask)
{
	struct fs_struct *fs = current->fs;
	int old;

	spin_lock(&fs->lock);
	old = fs->umask;
	fs->umask = mask & 0777;
	spin_unlock(&fs->lock);
	return old;
}

/* ---- nice values ------------------------------------------------------ */

#define PRIO_PROCESS	0
#define PRIO_PGRP	1
#define PRIO_USER	2

/* nice_to_rlimit - a nice value as getpriority returns it (and as
 * RLIMIT_NICE counts): 19 is 1, -20 is 40. */
static long nice_to_rlimit(long nice)
{
	return MAX_NICE - nice + 1;
}

/* set_one_prio_perm - may current change @p's nice: its real or
 * effective uid is current's euid, or CAP_SYS_NICE. tasklist_lock held. */
static bool set_one_prio_perm(struct task_struct *p)
{
	const struct cred *cred = current_cred(), *pcred;
	bool ok;

	task_lock(p);
	pcred = p->real_cred;
	ok = uid_eq(pcred->uid, cred->euid) || uid_eq(pcred->euid, cred->euid);
	task_unlock(p);
	return ok || capable(CAP_SYS_NICE);
}

/* set_one_prio - @p's nice to @niceval, with Linux's checks: -EPERM
 * for another user's task, -EACCES to lower it without CAP_SYS_NICE
 * (RLIMIT_NICE is 0, Linux's default, and mmos keeps no other: an
 * unprivileged task may only raise it). Returns
 * @error unchanged on success, but -ESRCH (none found yet) becomes 0. */
static int set_one_prio(struct task_struct *p, int niceval, int error)
{
	if (!set_one_prio_perm(p))
		return -EPERM;
	if (niceval < task_nice(p) && !capable(CAP_SYS_NICE))
		return -EACCES;
	set_user_nice(p, niceval);
	return error == -ESRCH ? 0 : error;
}

/* prio_matches - is @p one of what (@which, @who) names? PRIO_PROCESS
 * is one task (0: current); PRIO_PGRP a process group, which mmos does
 * not keep: as kill() does, a group is taken to be one process (0:
 * current's); PRIO_USER every task whose real uid is @who (0: current's).
 * tasklist_lock held. */
static bool prio_matches(struct task_struct *p, int which, int who)
{
	if (is_idle_task(p))	/* pid 0 is nobody's */
		return false;
	switch (which) {
	case PRIO_PROCESS:
		return p->pid == (who ? who : current->pid);
	case PRIO_PGRP:
		return p->tgid == (who ? who : current->tgid);
	default: {
		uid_t uid = who ? (uid_t)who : current_uid();
		bool match;

		task_lock(p);
		match = uid_eq(p->real_cred->uid, uid);
		task_unlock(p);
		return match;
	}
	}
}

/*
 * setpriority - the nice value of the tasks (@which, @who) names, cut
 * to -20..19. -EINVAL for an unknown @which, -ESRCH if nothing matched,
 * else the last error (-EPERM, -EACCES) met, the others still changed,
 * as Linux.
 */
SYSCALL_DEFINE3(setpriority, int, which, int, who, int, niceval)
{
	struct task_struct *p;
	unsigned long flags;
	int error = -ESRCH;

	if (which > PRIO_USER || which < PRIO_PROCESS)
		return -EINVAL;
	niceval = min(max(niceval, MIN_NICE), MAX_NICE);
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &tasklist, tasks)
		if (prio_matches(p, which, who))
			error = set_one_prio(p, niceval, error);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return error;
}

/* getpriority - the highest priority (lowest nice) among the tasks
 * (@which, @who) names, as 20 - nice (1..40); -ESRCH if none. */
SYSCALL_DEFINE2(getpriority, int, which, int, who)
{
	struct task_struct *p;
	unsigned long flags;
	long retval = -ESRCH;

	if (which > PRIO_USER || which < PRIO_PROCESS)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &tasklist, tasks)
		if (prio_matches(p, which, who))
			retval = max(retval, nice_to_rlimit(task_nice(p)));
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return retval;
}
