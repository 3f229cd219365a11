// SPDX-License-Identifier: GPL-2.0
/*
 * mlock(2), mlock2(2), munlock(2), mlockall(2) and munlockall(2), as
 * Linux's mm/mlock.c. A locked VMA has VM_LOCKED (with VM_LOCKONFAULT
 * for MLOCK_ONFAULT/MCL_ONFAULT), its pages are faulted in at once
 * unless on fault (mm/gup.c), and mm->locked_vm counts its pages
 * (vm_stat_account(), so splits, merges, munmap and stack growth keep
 * it), against RLIMIT_MEMLOCK unless the caller has CAP_IPC_LOCK.
 * mlockall(MCL_FUTURE) puts VM_LOCKED in mm->def_flags for every later
 * mapping and the heap. mmos has no swap and no reclaim, so a faulted
 * page stays in any case: a lock here is the population, the accounting
 * (VmLck; and per page, mlock_count and meminfo's Mlocked: a page is
 * mlocked while a VM_LOCKED VMA maps it) and what madvise(MADV_DONTNEED)
 * may not do. Locks are not
 * inherited by fork and end at exec, as Linux's.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/pagewalk.h>
#include <linux/mman.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/vmstat.h>
#include "internal.h"

/* can_do_mlock - may current lock at all? Yes with a nonzero
 * RLIMIT_MEMLOCK or CAP_IPC_LOCK (else mlock is -EPERM). */
bool can_do_mlock(void)
{
	return rlimit(RLIMIT_MEMLOCK) != 0 || capable(CAP_IPC_LOCK);
}

/* mlock_future_check - may a mapping of @len bytes with @flags be added
 * to @mm? Only a VM_LOCKED one is limited: -EAGAIN if it takes locked_vm
 * past RLIMIT_MEMLOCK without CAP_IPC_LOCK, as Linux's. */
int mlock_future_check(struct mm_struct *mm, unsigned long flags, unsigned long len)
{
	unsigned long locked, lock_limit;

	if (!(flags & VM_LOCKED))
		return 0;
	locked = (len >> PAGE_SHIFT) + mm->locked_vm;
	lock_limit = rlimit(RLIMIT_MEMLOCK) >> PAGE_SHIFT;
	if (locked > lock_limit && !capable(CAP_IPC_LOCK))
		return -EAGAIN;
	return 0;
}

/* mlock_page - one more VM_LOCKED mapping of @page; the first makes
 * it mlocked (meminfo's Mlocked). page_table_lock held. */
void mlock_page(struct page *page)
{
	if (atomic_add_return(1, &page->mlock_count) == 1)
		inc_node_page_state(NR_MLOCK);
}

/* munlock_page - one VM_LOCKED mapping of @page fewer; the last makes
 * it an ordinary page again. page_table_lock held. */
void munlock_page(struct page *page)
{
	int left = atomic_add_return(-1, &page->mlock_count);

	WARN_ON_ONCE(left < 0);
	if (left == 0)
		dec_node_page_state(NR_MLOCK);
}

/* mlock_pte_entry - the walk's callback: the page @pte maps (not the
 * zero page) gains a locked mapping, or with walk->private set loses
 * one. page_table_lock held by the walk. */
static int mlock_pte_entry(pte_t *pte, unsigned long addr, unsigned long next,
			   struct mm_walk *walk)
{
	struct page *page;

	if (!pte_present(*pte) || is_zero_pfn(pte_pfn(*pte)))
		return 0;
	page = pfn_to_page(pte_pfn(*pte));
	if (walk->private)
		munlock_page(page);
	else
		mlock_page(page);
	return 0;
}

static const struct mm_walk_ops mlock_walk_ops = {
	.pte_entry = mlock_pte_entry,
};

/*
 * mlock_vma_pages - the pages mapped in @vma gain (@lock) or lose a
 * locked mapping, when its VM_LOCKED changes (mlock_fixup), as Linux's
 * mlock_vma_pages_range walks them. Only the tables that exist are
 * walked, so the cost follows what is mapped. mmap_lock held for
 * writing, so no fault maps a page meanwhile; a zap of a locked VMA
 * takes the locked mapping itself (zap_details.munlock).
 */
static void mlock_vma_pages(struct vm_area_struct *vma, bool lock)
{
	mmap_assert_write_locked(vma->vm_mm);
	walk_page_vma(vma, &mlock_walk_ops, lock ? NULL : (void *)1);
}

/* mlock_fixup - give [start, end) of @vma (inside it) @newflags, which
 * differ from its own at most in VM_LOCKED_MASK: split off the rest,
 * account the change (locked_vm), mlock or munlock the pages mapped
 * there if VM_LOCKED changes (a change of VM_LOCKONFAULT alone leaves
 * them, as Linux's) and merge with like neighbours. mmap_lock held for
 * writing. 0 or -ENOMEM. */
static int mlock_fixup(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, unsigned long newflags)
{
	struct mm_struct *mm = vma->vm_mm;
	int err;

	mmap_assert_write_locked(mm);
	if (newflags == vma->vm_flags)
		return 0;
	err = split_vma_range(vma, start, end);
	if (err)
		return err;
	vm_stat_account(mm, vma->vm_flags, -vma_pages(vma));
	if ((newflags ^ vma->vm_flags) & VM_LOCKED)
		mlock_vma_pages(vma, newflags & VM_LOCKED);
	vma->vm_flags = newflags;
	vm_stat_account(mm, newflags, vma_pages(vma));
	vma_merge_neighbours(vma);
	return 0;
}

/*
 * apply_vma_lock_flags - give every VMA over [start, start + len) the
 * lock bits @flags (0 unlocks). -EINVAL if the range wraps, -ENOMEM at a
 * hole (the VMAs before it keep their change, as in Linux). mmap_lock
 * held for writing.
 */
static int apply_vma_lock_flags(unsigned long start, size_t len, unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long end = start + len, nstart, tmp;
	struct vm_area_struct *vma;
	int err;

	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	vma = find_vma(mm, start);
	if (!vma || vma->vm_start > start)
		return -ENOMEM;
	for (nstart = start; ; nstart = tmp) {
		tmp = min(vma->vm_end, end);
		err = mlock_fixup(vma, nstart, tmp,
				  (vma->vm_flags & ~VM_LOCKED_MASK) | flags);
		if (err || tmp >= end)
			return err;
		vma = find_vma(mm, tmp);	/* a merge may have made it start below */
		if (!vma || vma->vm_start > tmp)
			return -ENOMEM;
	}
}

/* count_mm_mlocked_page_nr - pages of [start, start + len) already in
 * locked VMAs of @mm, which a new mlock does not count twice. */
static unsigned long count_mm_mlocked_page_nr(struct mm_struct *mm, unsigned long start,
					      size_t len)
{
	unsigned long end = start + len, n = 0;
	struct vm_area_struct *vma = find_vma(mm, start);

	for (; vma && vma->vm_start < end; vma = vma_next(vma))
		if (vma->vm_flags & VM_LOCKED)
			n += (min(vma->vm_end, end) - max(vma->vm_start, start)) >> PAGE_SHIFT;
	return n;
}

/* mlock_posix_error - POSIX's errors for a failed population: a page
 * that could not be had is -ENOMEM, memory running out -EAGAIN. */
static int mlock_posix_error(int err)
{
	if (err == -EFAULT)
		return -ENOMEM;
	if (err == -ENOMEM)
		return -EAGAIN;
	return err;
}

/*
 * do_mlock - lock [start, start + len) (widened to whole pages) with
 * @flags (VM_LOCKED, VM_LOCKONFAULT), then fault it in: -EPERM without
 * any lock allowance, -ENOMEM past RLIMIT_MEMLOCK or at a hole, -EINVAL
 * if it wraps; a population that fails is mlock_posix_error()'s (the
 * lock stays, as in Linux). 0 on success.
 */
static int do_mlock(unsigned long start, size_t len, unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long locked, lock_limit;
	int err;

	if (!can_do_mlock())
		return -EPERM;
	len = PAGE_ALIGN(len + (start & ~PAGE_MASK));
	start &= PAGE_MASK;
	lock_limit = rlimit(RLIMIT_MEMLOCK) >> PAGE_SHIFT;
	locked = len >> PAGE_SHIFT;
	mmap_write_lock(mm);
	locked += mm->locked_vm;
	if (locked > lock_limit && !capable(CAP_IPC_LOCK))
		locked -= count_mm_mlocked_page_nr(mm, start, len);
	if (locked <= lock_limit || capable(CAP_IPC_LOCK))
		err = apply_vma_lock_flags(start, len, flags);
	else
		err = -ENOMEM;
	mmap_write_unlock(mm);
	if (err)
		return err;
	err = __mm_populate(start, len, 0);
	return err ? mlock_posix_error(err) : 0;
}

SYSCALL_DEFINE2(mlock, unsigned long, start, size_t, len)
{
	return do_mlock(start, len, VM_LOCKED);
}

/* mlock2 - mlock, or with MLOCK_ONFAULT a lock of what is faulted in
 * (nothing is populated now). -EINVAL for an unknown flag. */
SYSCALL_DEFINE3(mlock2, unsigned long, start, size_t, len, int, flags)
{
	if (flags & ~MLOCK_ONFAULT)
		return -EINVAL;
	return do_mlock(start, len, VM_LOCKED | ((flags & MLOCK_ONFAULT) ? VM_LOCKONFAULT : 0));
}

/* munlock - [start, start + len) unlocked (no permission needed). */
SYSCALL_DEFINE2(munlock, unsigned long, start, size_t, len)
{
	struct mm_struct *mm = current->mm;
	int err;

	len = PAGE_ALIGN(len + (start & ~PAGE_MASK));
	start &= PAGE_MASK;
	mmap_write_lock(mm);
	err = apply_vma_lock_flags(start, len, 0);
	mmap_write_unlock(mm);
	return err;
}

/*
 * apply_mlockall_flags - mlockall's MCL_* @flags (0: munlockall): the
 * lock of later mappings (def_flags) and, with MCL_CURRENT, of every
 * VMA now; a VMA that cannot be split is left as it is, as in Linux.
 * mmap_lock held for writing.
 */
static void apply_mlockall_flags(int flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long to_add = 0, end;
	struct vm_area_struct *vma;

	mm->def_flags &= ~VM_LOCKED_MASK;
	if (flags & MCL_FUTURE) {
		mm->def_flags |= VM_LOCKED;
		if (flags & MCL_ONFAULT)
			mm->def_flags |= VM_LOCKONFAULT;
		if (!(flags & MCL_CURRENT))
			return;
	}
	if (flags & MCL_CURRENT) {
		to_add |= VM_LOCKED;
		if (flags & MCL_ONFAULT)
			to_add |= VM_LOCKONFAULT;
	}
	for (vma = find_vma(mm, 0); vma; vma = find_vma(mm, end)) {
		end = vma->vm_end;
		mlock_fixup(vma, vma->vm_start, end,
			    (vma->vm_flags & ~VM_LOCKED_MASK) | to_add);
	}
}

/* mlockall - lock the whole address space now (MCL_CURRENT) and/or what
 * is mapped later (MCL_FUTURE), on fault with MCL_ONFAULT. -EINVAL for
 * no flag, an unknown one or MCL_ONFAULT alone; -EPERM without a lock
 * allowance; -ENOMEM if MCL_CURRENT exceeds RLIMIT_MEMLOCK. */
SYSCALL_DEFINE1(mlockall, int, flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long lock_limit;
	int err = -ENOMEM;

	if (!flags || (flags & ~(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)) ||
	    flags == MCL_ONFAULT)
		return -EINVAL;
	if (!can_do_mlock())
		return -EPERM;
	lock_limit = rlimit(RLIMIT_MEMLOCK) >> PAGE_SHIFT;
	mmap_write_lock(mm);
	if (!(flags & MCL_CURRENT) || mm->total_vm <= lock_limit || capable(CAP_IPC_LOCK)) {
		apply_mlockall_flags(flags);
		err = 0;
	}
	mmap_write_unlock(mm);
	if (!err && (flags & MCL_CURRENT) && !(flags & MCL_ONFAULT))
		mm_populate(0, TASK_SIZE);
	return err;
}

/* munlockall - no lock now or later. Always 0. */
SYSCALL_DEFINE0(munlockall)
{
	struct mm_struct *mm = current->mm;

	mmap_write_lock(mm);
	apply_mlockall_flags(0);
	mmap_write_unlock(mm);
	return 0;
}
