// SPDX-License-Identifier: GPL-2.0
/*
 * Credentials on the hosted target, where the structures can be looked
 * at: a fork gets its own copy of the cred (its changes leave the
 * parent's alone), a thread shares its creator's until one of them
 * changes, commit_creds() swaps in a new struct and the old one's
 * references go, capable() follows euid/fsuid, in_group_p() looks at
 * the fsgid and the sorted groups, override_creds() and revert_creds(),
 * the parent-death signal an identity change forgets, and the rusage a
 * reap hands up.
 */
#include "harness.h"
#include "tasks.h"
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/sched/cputime.h>
#include <linux/unistd.h>

static struct task_struct *proc;

static int test_fork_copies_and_commit_replaces(void)
{
	const struct cred *mine = proc->cred;
	struct task_struct *child = fork_task();
	const struct cred *its;

	EXPECT(child && child->cred != mine && child->cred == child->real_cred,
	       "a fork shares its parent's cred");
	EXPECT(atomic_read(&child->cred->usage) == 2, "usage %d", atomic_read(&child->cred->usage));
	run(child);
	its = current->cred;
	EXPECT(sys(__NR_setresuid, 1000, 1001, 1002, 0, 0, 0) == 0);
	EXPECT(current->cred != its, "commit_creds changed the struct in place");
	EXPECT(current_uid() == 1000 && current_euid() == 1001 && current_suid() == 1002 &&
	       current_fsuid() == 1001);
	EXPECT(!capable(CAP_SETUID) && !capable(CAP_CHOWN) && !capable(CAP_KILL));
	EXPECT(sys(__NR_setfsuid, 0, 0, 0, 0, 0, 0) == 1001, "setfsuid's old value");
	EXPECT(current_fsuid() == 1001, "an unprivileged setfsuid(0) took");
	run(proc);
	EXPECT(proc->cred == mine && current_uid() == 0 && capable(CAP_SETUID),
	       "the child's change reached the parent");
	task_exit(child, 0);
	reap(proc, NULL);
	return 0;
}

static int test_fs_capabilities_follow_fsuid(void)
{
	struct task_struct *child = fork_task();

	EXPECT(child);
	run(child);
	EXPECT(capable(CAP_CHOWN) && capable(CAP_SYS_ADMIN));
	EXPECT(sys(__NR_setfsuid, 1000, 0, 0, 0, 0, 0) == 0);
	EXPECT(!capable(CAP_CHOWN) && !capable(CAP_DAC_OVERRIDE), "fs caps with fsuid 1000");
	EXPECT(capable(CAP_SYS_ADMIN) && capable(CAP_SETUID), "euid 0 lost its other caps");
	EXPECT(sys(__NR_setfsuid, 0, 0, 0, 0, 0, 0) == 1000 && capable(CAP_CHOWN));
	run(proc);
	task_exit(child, 0);
	reap(proc, NULL);
	return 0;
}

static int test_groups_are_sorted_and_searched(void)
{
	struct task_struct *child = fork_task();
	long u;
	gid_t set[] = { 9, 3, 7, 5 };

	EXPECT(child);
	run(child);
	u = sys(__NR_mmap, 0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(u > 0 && uwrite(u, set, sizeof(set)) == 0);
	EXPECT(sys(__NR_setgroups, 4, u, 0, 0, 0, 0) == 0);
	EXPECT(current_cred()->group_info->ngroups == 4 && current_cred()->group_info->gid[0] == 3 &&
	       current_cred()->group_info->gid[3] == 9, "not sorted");
	EXPECT(in_group_p(7) && in_group_p(0) && !in_group_p(4) && !in_group_p(10));
	EXPECT(sys(__NR_setresgid, 4, 4, 4, 0, 0, 0) == 0 && in_group_p(4) && !in_group_p(0));
	run(proc);
	task_exit(child, 0);
	reap(proc, NULL);
	return 0;
}

/* override_creds() (access(2)'s real ids) swaps task->cred only, and
 * revert_creds() gives back exactly the references it took. */
static int test_override_creds_swaps_cred_only(void)
{
	struct task_struct *child = fork_task();
	const struct cred *old, *real;
	struct cred *new;
	int usage;

	EXPECT(child);
	run(child);
	EXPECT(sys(__NR_setresuid, 1000, 0, 0, 0, 0, 0) == 0);
	real = current->real_cred;
	old = current->cred;
	usage = atomic_read(&old->usage);
	new = prepare_creds();
	EXPECT(new);
	new->fsuid = new->uid;
	EXPECT(override_creds(new) == old, "the old cred is handed back");
	put_cred(new);
	EXPECT(current->cred == new && current->real_cred == real, "real_cred moved");
	EXPECT(atomic_read(&new->usage) == 1, "usage %d", atomic_read(&new->usage));
	EXPECT(!capable(CAP_DAC_OVERRIDE) && capable(CAP_SYS_ADMIN), "fsuid 1000, euid 0");
	revert_creds(old);
	EXPECT(current->cred == old && atomic_read(&old->usage) == usage, "usage %d, was %d",
	       atomic_read(&old->usage), usage);
	EXPECT(capable(CAP_DAC_OVERRIDE));
	run(proc);
	task_exit(child, 0);
	reap(proc, NULL);
	return 0;
}

/* commit_creds() forgets the parent-death signal when an effective or
 * file-system id changes, and only then. */
static int test_commit_creds_clears_pdeath_signal(void)
{
	struct task_struct *child = fork_task();

	EXPECT(child);
	run(child);
	current->pdeath_signal = 15;
	EXPECT(sys(__NR_setresuid, 0, 0, 0, 0, 0, 0) == 0 && current->pdeath_signal == 15,
	       "no change of ids: kept");
	EXPECT(sys(__NR_setresuid, 0, 1000, 0, 0, 0, 0) == 0 && current->pdeath_signal == 0,
	       "a new euid: cleared");
	current->pdeath_signal = 15;
	EXPECT(sys(__NR_setresuid, 1000, -1, -1, 0, 0, 0) == 0 && current->pdeath_signal == 15,
	       "a new real uid only: kept");
	run(proc);
	task_exit(child, 0);
	reap(proc, NULL);
	return 0;
}

/* A reaped child's CPU time and faults go to its parent's c* totals. */
static int test_reap_hands_up_the_counts(void)
{
	struct task_struct *child = fork_task();
	unsigned long cmin = proc->signal->cmin_flt;
	u64 cut = proc->signal->cutime + proc->signal->cstime;

	EXPECT(child);
	run(child);
	child->min_flt += 7;	/* as seven faults would */
	child->utime += 3000000;
	child->sum_exec_runtime += 3000000;
	run(proc);
	task_exit(child, 0);
	reap(proc, NULL);
	EXPECT(proc->signal->cmin_flt - cmin == 7, "cmin_flt +%lu", proc->signal->cmin_flt - cmin);
	EXPECT(proc->signal->cutime + proc->signal->cstime - cut >= 3000000, "the child's time");
	return 0;
}

static void setup(void)
{
	proc = spawn(false);
	run(proc);
	if (become_process())
		panic("cannot make the test process");
}

static const struct htest tests[] = {
	HTEST(test_fork_copies_and_commit_replaces), HTEST(test_fs_capabilities_follow_fsuid),
	HTEST(test_groups_are_sorted_and_searched), HTEST(test_override_creds_swaps_cred_only),
	HTEST(test_commit_creds_clears_pdeath_signal), HTEST(test_reap_hands_up_the_counts),
};

int main(void)
{
	return hosted_main_setup(tests, sizeof(tests) / sizeof(tests[0]), 32UL << 20, setup);
}
