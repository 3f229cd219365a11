// SPDX-License-Identifier: GPL-2.0
/*
 * Faulting in a range ahead of use (Linux's mm/gup.c, the part mmos
 * needs): mlock(2), mlockall(2), MAP_LOCKED and MAP_POPULATE. mmos has
 * no swap, so a populated page stays; "locked" is the VMA's flag and the
 * mm's locked_vm count.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/signal.h>

/*
 * page_needs_fault - must @addr of @vma be faulted to be there (for
 * writing, if @write)? Only a missing page, or one mapped read-only
 * where a write must break COW now. The PTE is read without the page
 * table lock: a stale answer only costs a spurious fault, which
 * handle_mm_fault() settles. mmap_lock held.
 */
static bool page_needs_fault(struct vm_area_struct *vma, unsigned long addr, bool write)
{
	pte_t *pte = follow_pte_slot(vma->vm_mm, addr);
	pte_t entry;

	if (!pte)
		return true;
	entry = READ_ONCE(*pte);
	if (!pte_present(entry))
		return true;
	return write && !(pte_val(entry) & _PAGE_RW);
}

/*
 * fault_in_range - fault in each page of [start, end) of @vma that is
 * not there (for writing, if @write: also each one mapped read-only),
 * counted as gup's faults are (min_flt). mmap_lock held. Returns 0,
 * -ENOMEM, -EFAULT for a SIGBUS or SIGSEGV, or -EINTR when the task was
 * killed.
 */
static int fault_in_range(struct vm_area_struct *vma, unsigned long start,
			  unsigned long end, bool write)
{
	for (unsigned long a = start; a < end; a += PAGE_SIZE) {
		vm_fault_t fault;

		/* a range can be terabytes of zero pages: a killed task stops
		 * here, as Linux's __get_user_pages */
		if (fatal_signal_pending(current))
			return -EINTR;
		if (!page_needs_fault(vma, a, write))
			continue;
		fault = handle_mm_fault(vma, a, write ? FAULT_FLAG_WRITE : 0);
		if (fault & VM_FAULT_OOM)
			return -ENOMEM;
		if (fault & VM_FAULT_ERROR)
			return -EFAULT;
		current->min_flt++;	/* as Linux counts a gup fault */
	}
	return 0;
}

/*
 * populate_vma_page_range - fault in [start, end) of @vma, as Linux's:
 * a private writable mapping for writing (breaking COW now), any other
 * for reading; nothing for VM_LOCKONFAULT. PROT_NONE is refused
 * (-EFAULT), as Linux's get_user_pages without FOLL_FORCE. mmap_lock
 * held for reading. Returns 0, -ENOMEM, -EFAULT (a page past a file's
 * end: SIGBUS for a touch) or -EINTR (the task was killed).
 */
static int populate_vma_page_range(struct vm_area_struct *vma, unsigned long start,
				   unsigned long end)
{
	bool write = (vma->vm_flags & (VM_WRITE | VM_SHARED)) == VM_WRITE;

	if (vma->vm_flags & VM_LOCKONFAULT)
		return 0;
	if (!(vma->vm_flags & VM_ACCESS_FLAGS))
		return -EFAULT;
	return fault_in_range(vma, start, end, write);
}

/*
 * faultin_vma_page_range - MADV_POPULATE_READ/WRITE's work on [start,
 * end) of @vma: -EINVAL unless the VMA allows the access (VM_READ, or
 * VM_WRITE if @write: Linux's check_vma_flags without FOLL_FORCE, whose
 * -EFAULT it reports as -EINVAL), then every page faulted in as a read
 * or write would (a write breaks COW and dirties). mmap_lock held.
 * Returns 0, -ENOMEM, or -EFAULT where a touch would get SIGBUS (past
 * the end of a file).
 */
int faultin_vma_page_range(struct vm_area_struct *vma, unsigned long start,
			   unsigned long end, bool write)
{
	if (!(vma->vm_flags & (write ? VM_WRITE : VM_READ)))
		return -EINVAL;
	return fault_in_range(vma, start, end, write);
}

/*
 * __mm_populate - fault in every VMA's part of [start, start + len) of
 * current's mm, taking mmap_lock for reading. With @ignore_errors
 * (MAP_POPULATE, mlockall) a VMA that cannot be populated is skipped;
 * else the first error is returned (mlock). Returns 0 or -errno.
 */
int __mm_populate(unsigned long start, unsigned long len, int ignore_errors)
{
	struct mm_struct *mm = current->mm;
	unsigned long end = start + len, nstart, nend;
	struct vm_area_struct *vma;
	int ret = 0;

	mmap_read_lock(mm);
	for (nstart = start; nstart < end; nstart = nend) {
		vma = find_vma(mm, nstart);
		if (!vma || vma->vm_start >= end)
			break;
		nstart = max(nstart, vma->vm_start);
		nend = min(end, vma->vm_end);
		ret = populate_vma_page_range(vma, nstart, nend);
		if (ret < 0) {
			if (!ignore_errors)
				break;
			ret = 0;
		}
	}
	mmap_read_unlock(mm);
	return ret;
}
