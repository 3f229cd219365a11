// SPDX-License-Identifier: GPL-2.0
/*
 * The committed address space, Linux's vm_committed_as: the pages that
 * processes may write without the kernel being asked again. It is what
 * /proc/meminfo's Committed_AS shows. As in Linux, a VMA is charged
 * when it is private and writable (VM_ACCOUNT: mmap without
 * MAP_NORESERVE, brk, the stack, a private mapping mprotect makes
 * writable), by its size, not by what is touched; and a tmpfs page is
 * charged while it exists.
 *
 * Whether a new commitment is allowed is vm.overcommit_memory's policy
 * (Documentation/mm/overcommit.md), as Linux's __vm_enough_memory:
 *   0 OVERCOMMIT_GUESS   refused only when it alone is more than RAM
 *                        (and swap, which mmos has none of);
 *   1 OVERCOMMIT_ALWAYS  never refused;
 *   2 OVERCOMMIT_NEVER   refused when the total would reach the
 *                        CommitLimit (vm_commit_limit()), less a reserve
 *                        for root and one that keeps a large process
 *                        from taking the last of it.
 * Linux charges first and takes the charge back on refusal; mmos asks
 * (vm_commit_allowed()) and charges when the VMA goes in, which is the
 * same on one CPU, where nothing runs between the two.
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/capability.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/sysctl.h>

static atomic_long_t vm_committed_as;

/* vm_acct_memory - @pages more are committed. */
void vm_acct_memory(long pages)
{
	atomic_long_add(pages, &vm_committed_as);
}

/* vm_unacct_memory - @pages committed before are given back. */
void vm_unacct_memory(long pages)
{
	atomic_long_add(-pages, &vm_committed_as);
}

/* vm_memory_committed - the pages committed now (Committed_AS); a
 * transiently negative sum reads 0. */
unsigned long vm_memory_committed(void)
{
	long x = atomic_long_read(&vm_committed_as);

	return x < 0 ? 0 : x;
}

int sysctl_overcommit_memory = OVERCOMMIT_GUESS;
int sysctl_overcommit_ratio = 50;		/* percent of RAM */
unsigned long sysctl_overcommit_kbytes;		/* if set, instead of the ratio */
unsigned long sysctl_admin_reserve_kbytes = 1UL << 13;
unsigned long sysctl_user_reserve_kbytes = 1UL << 17;

/* vm_commit_limit - CommitLimit, in pages: overcommit_kbytes if set,
 * else overcommit_ratio percent of RAM (there is no swap to add). */
unsigned long vm_commit_limit(void)
{
	if (sysctl_overcommit_kbytes)
		return sysctl_overcommit_kbytes >> (PAGE_SHIFT - 10);
	return totalram_pages() * sysctl_overcommit_ratio / 100;
}

/*
 * vm_commit_allowed - may @mm (NULL: no process's) commit @pages more,
 * by the policy above? @cap_sys_admin spares the admin reserve. In
 * strict mode a process also leaves min(its size / 32, the user
 * reserve) unused, as Linux's, so that a user can still kill it.
 */
bool vm_commit_allowed(struct mm_struct *mm, long pages, bool cap_sys_admin)
{
	long allowed;

	if (sysctl_overcommit_memory == OVERCOMMIT_ALWAYS)
		return true;
	if (sysctl_overcommit_memory == OVERCOMMIT_GUESS)
		return pages <= (long)totalram_pages();
	allowed = vm_commit_limit();
	if (!cap_sys_admin)
		allowed -= sysctl_admin_reserve_kbytes >> (PAGE_SHIFT - 10);
	if (mm)
		allowed -= min((long)(mm->total_vm / 32),
				 (long)(sysctl_user_reserve_kbytes >> (PAGE_SHIFT - 10)));
	return (long)vm_memory_committed() + pages < allowed;
}

/* vm_enough_memory - vm_commit_allowed() for current's @mm, with the
 * admin reserve spared when it has CAP_SYS_ADMIN (Linux's
 * security_vm_enough_memory_mm). */
bool vm_enough_memory(struct mm_struct *mm, long pages)
{
	return vm_commit_allowed(mm, pages, capable(CAP_SYS_ADMIN));
}

/*
 * init_reserves - the reserves' defaults from the memory free at boot,
 * as Linux's init_admin_reserve and init_user_reserve: 1/32 of it, at
 * most 8 MiB for root and 128 MiB for a process.
 */
void init_reserves(void)
{
	unsigned long free_kbytes = nr_free_pages() << (PAGE_SHIFT - 10);

	sysctl_admin_reserve_kbytes = min(free_kbytes / 32, 1UL << 13);
	sysctl_user_reserve_kbytes = min(free_kbytes / 32, 1UL << 17);
}

/* overcommit_ratio_handler - vm.overcommit_ratio; a write clears
 * overcommit_kbytes, so that the ratio is what counts (Linux's). */
int overcommit_ratio_handler(const struct ctl_table *table, int write, char *buffer,
			     size_t *lenp, loff_t *ppos)
{
	int ret = proc_dointvec(table, write, buffer, lenp, ppos);

	if (!ret && write)
		sysctl_overcommit_kbytes = 0;
	return ret;
}

/* overcommit_kbytes_handler - vm.overcommit_kbytes; a write clears
 * overcommit_ratio (Linux's). */
int overcommit_kbytes_handler(const struct ctl_table *table, int write, char *buffer,
			      size_t *lenp, loff_t *ppos)
{
	int ret = proc_doulongvec_minmax(table, write, buffer, lenp, ppos);

	if (!ret && write)
		sysctl_overcommit_ratio = 0;
	return ret;
}
