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
#include <linux/fs_struct.h>
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
