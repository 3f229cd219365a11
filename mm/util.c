// SPDX-License-Identifier: GPL-2.0
/*
 * The committed address space, Linux's vm_committed_as: the pages that
 * processes may write without the kernel being asked again. It is what
 * /proc/meminfo's Committed_AS shows. As in Linux, a VMA is charged
 * when it is private and writable (VM_ACCOUNT: mmap without
 * MAP_NORESERVE, brk, the stack, a private mapping mprotect makes
 * writable), by its size, not by what is touched; and a tmpfs page is
 * charged while it exists. A new commitment is refused as Linux's
 * default heuristic overcommit (vm.overcommit_memory 0) refuses it:
 * only when it alone is larger than RAM (and swap, which mmos has
 * none of): vm_commit_allowed().
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/mm.h>

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

/* vm_commit_allowed - may @pages more be committed? Linux's
 * OVERCOMMIT_GUESS rule (__vm_enough_memory): not if they alone exceed
 * RAM plus swap (no swap here); what is committed already is not
 * counted against them. */
bool vm_commit_allowed(long pages)
{
	return pages <= (long)totalram_pages();
}
