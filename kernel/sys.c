// SPDX-License-Identifier: GPL-2.0
/* Identity, limits, uname, reboot, sched_yield, getrandom. */
#include <linux/kernel.h>
#include <linux/arch.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/processor.h>

SYSCALL_DEFINE0(getpid) { return current->tgid; }
SYSCALL_DEFINE0(gettid) { return current->pid; }
SYSCALL_DEFINE0(getppid) { return current->real_parent->tgid; }
SYSCALL_DEFINE0(getuid) { return 0; }
SYSCALL_DEFINE0(geteuid) { return 0; }
SYSCALL_DEFINE0(getgid) { return 0; }
SYSCALL_DEFINE0(getegid) { return 0; }

SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

SYSCALL_DEFINE0(sched_yield)
{
	yield();
	return 0;
}

struct new_utsname {
	char sysname[65], nodename[65], release[65], version[65], machine[65],
	     domainname[65];
};

SYSCALL_DEFINE1(newuname, struct new_utsname __user *, name)
{
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	strscpy(u.sysname, "Linux", sizeof(u.sysname));	/* the ABI mmos speaks */
	strscpy(u.nodename, "mmos", sizeof(u.nodename));
	strscpy(u.release, "6.1.0-mmos", sizeof(u.release));
	strscpy(u.version, "#1 mmos 0.1", sizeof(u.version));
	strscpy(u.machine, "x86_64", sizeof(u.machine));
	strscpy(u.domainname, "(none)", sizeof(u.domainname));
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}

struct rlimit64 {
	u64 rlim_cur, rlim_max;
};

#define RLIMIT_STACK	3
#define RLIMIT_NOFILE	7
#define RLIM_NLIMITS	16
#define RLIM_INFINITY	(~0ULL)

/* The limits mmos applies: the stack's (rlimit of growth) and the fd
 * table size; every other one is unlimited. */
static void get_rlimit(struct task_struct *t, int res, struct rlimit64 *r)
{
	r->rlim_cur = r->rlim_max = RLIM_INFINITY;
	if (res == RLIMIT_STACK && t->mm)
		r->rlim_cur = t->mm->stack_rlimit;
	if (res == RLIMIT_NOFILE)
		r->rlim_cur = r->rlim_max = 256;
}

SYSCALL_DEFINE4(prlimit64, pid_t, pid, unsigned int, resource,
		const struct rlimit64 __user *, new_rlim,
		struct rlimit64 __user *, old_rlim)
{
	struct rlimit64 r;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (pid && pid != current->tgid)
		return -ESRCH;
	get_rlimit(current, resource, &r);
	if (old_rlim && copy_to_user(old_rlim, &r, sizeof(r)))
		return -EFAULT;
	if (new_rlim) {
		if (copy_from_user(&r, new_rlim, sizeof(r)))
			return -EFAULT;
		if (r.rlim_cur > r.rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_STACK && current->mm)
			current->mm->stack_rlimit = r.rlim_cur;
	}
	return 0;
}

SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit64 __user *, rlim)
{
	struct rlimit64 r;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	get_rlimit(current, resource, &r);
	return copy_to_user(rlim, &r, sizeof(r)) ? -EFAULT : 0;
}

/*
 * get_random_bytes - not a cryptographic generator: a 64-bit mixer
 * (splitmix64) over a counter seeded and stirred by the TSC. Enough for
 * AT_RANDOM and getrandom() in a teaching kernel; said so in README.
 */
void get_random_bytes(void *buf, size_t n)
{
	static u64 state;
	u8 *p = buf;

	while (n) {
		u64 z = (state += 0x9e3779b97f4a7c15ULL ^ rdtsc());

		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
		z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
		z ^= z >> 31;
		for (int i = 0; i < 8 && n; i++, n--)
			*p++ = z >> (8 * i);
	}
}

#define GRND_NONBLOCK	1
#define GRND_RANDOM	2
#define GRND_INSECURE	4

SYSCALL_DEFINE3(getrandom, char __user *, ubuf, size_t, len, unsigned int, flags)
{
	u8 buf[256];
	size_t done = 0;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	len = min(len, (size_t)0x1ffffff);
	while (done < len) {
		size_t k = min(len - done, sizeof(buf));

		get_random_bytes(buf, k);
		if (copy_to_user(ubuf + done, buf, k))
			return done ? (long)done : -EFAULT;
		done += k;
	}
	return done;
}

#define LINUX_REBOOT_MAGIC1		0xfee1dead
#define LINUX_REBOOT_MAGIC2		672274793
#define LINUX_REBOOT_CMD_RESTART	0x01234567
#define LINUX_REBOOT_CMD_HALT		0xcdef0123
#define LINUX_REBOOT_CMD_POWER_OFF	0x4321fedc

/* reboot - the run ends: under QEMU -no-reboot any of these exits. */
SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd, void __user *, arg)
{
	if ((unsigned)magic1 != LINUX_REBOOT_MAGIC1 || magic2 != LINUX_REBOOT_MAGIC2)
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_RESTART:
	case LINUX_REBOOT_CMD_HALT:
	case LINUX_REBOOT_CMD_POWER_OFF:
		pr_notice("reboot: %s\n", cmd == LINUX_REBOOT_CMD_RESTART ? "Restarting system" :
			  "Power down");
		machine_restart();
	default:
		return -EINVAL;
	}
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
 * Returns the new session's number. There is no controlling terminal to
 * drop yet (the tty code clears signal->tty here when it has one).
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
	err = sid->nr;
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

/* ---- prctl ------------------------------------------------------------ */

#define PR_SET_PDEATHSIG	1
#define PR_GET_PDEATHSIG	2
#define PR_SET_NAME		15
#define PR_GET_NAME		16
#define PR_SET_CHILD_SUBREAPER	36
#define PR_GET_CHILD_SUBREAPER	37

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
 * when the thread that forked it exits; not inherited), the name, and
 * child subreaping (orphans below reparent to the nearest subreaper
 * ancestor, not PID 1). Every other option is EINVAL, as Linux says of
 * an option it does not know.
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
	default:
		return -EINVAL;
	}
}
