// SPDX-License-Identifier: GPL-2.0
/*
 * mprotect: the PTE rewrite for a VMA's new protection
 * (change_protection), and PROT_NONE, which keeps the pages but makes
 * them unreachable (_PAGE_PROTNONE); mprotect_fixup(), which splits and
 * merges the VMAs around it, and the mprotect syscall.
 */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include "internal.h"

/* change_pte_range - rewrite the present PTEs of [addr, end), all under
 * @pmd, for @vma's new vm_page_prot. Anon pages this mapping owns alone
 * stay writable if the VMA is; everything else is mapped read-only and
 * will fault on write. page_table_lock held. */
static void change_pte_range(struct vm_area_struct *vma, pmd_t *pmd,
			     unsigned long addr, unsigned long end)
{
	bool writable = vma->vm_flags & VM_WRITE;
	pte_t *pte = pte_offset_map(pmd, addr);

	lockdep_assert_held(&vma->vm_mm->page_table_lock);
	for (; addr < end; addr += PAGE_SIZE, pte++) {
		unsigned long pfn;
		pteval_t prot;

		if (!pte_present(*pte))
			continue;
		pfn = pte_pfn(*pte);
		prot = vma->vm_page_prot |
		       (pte_val(*pte) & (_PAGE_DIRTY | _PAGE_ACCESSED | _PAGE_SOFT_DIRTY));
		if (writable && !is_zero_pfn(pfn) && PageAnon(pfn_to_page(pfn)) &&
		    page_mapcount(pfn_to_page(pfn)) == 1 &&
		    page_ref_count(pfn_to_page(pfn)) == 1)
			prot |= _PAGE_RW;
		if (!(vma->vm_flags & VM_ACCESS_FLAGS))	/* keep the page, unreachable */
			prot = (prot & ~_PAGE_PRESENT) | _PAGE_PROTNONE;
		set_pte(pte, __pte(PFN_PHYS(pfn) | prot));
	}
}

/* change_pmd_range - change_pte_range() for each PTE table under @pud in
 * [addr, end), with a lock break after each (no early flush: no page
 * is freed, and the call has not returned). page_table_lock held. */
static void change_pmd_range(struct vm_area_struct *vma, pud_t *pud,
			     unsigned long addr, unsigned long end)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*pmd))
			continue;
		change_pte_range(vma, pmd, addr, next);
		pt_lock_break(vma->vm_mm, NULL);
	} while (pmd++, addr = next, addr != end);
}

/* change_pud_range - change_pmd_range() for each PMD table under @p4d
 * in [addr, end). page_table_lock held. */
static void change_pud_range(struct vm_area_struct *vma, p4d_t *p4d,
			     unsigned long addr, unsigned long end)
{
	pud_t *pud = pud_offset(p4d, addr);
	unsigned long next;

	do {
		next = pud_addr_end(addr, end);
		if (!pud_none(*pud))
			change_pmd_range(vma, pud, addr, next);
	} while (pud++, addr = next, addr != end);
}

/* change_p4d_range - change_pud_range() for the (folded) p4d entries
 * under @pgd in [addr, end). page_table_lock held. */
static void change_p4d_range(struct vm_area_struct *vma, pgd_t *pgd,
			     unsigned long addr, unsigned long end)
{
	p4d_t *p4d = p4d_offset(pgd, addr);
	unsigned long next;

	do {
		next = p4d_addr_end(addr, end);
		if (!p4d_none(*p4d))
			change_pud_range(vma, p4d, addr, next);
	} while (p4d++, addr = next, addr != end);
}

/* change_protection_range - change_p4d_range() for each pgd entry of
 * @vma's mm in [addr, end), addr < end. page_table_lock held. */
static void change_protection_range(struct vm_area_struct *vma,
				    unsigned long addr, unsigned long end)
{
	pgd_t *pgd = pgd_offset(vma->vm_mm, addr);
	unsigned long next;

	do {
		next = pgd_addr_end(addr, end);
		if (!pgd_none(*pgd))
			change_p4d_range(vma, pgd, addr, next);
	} while (pgd++, addr = next, addr != end);
}

/*
 * change_protection - rewrite the PTEs of [start, end) for @vma's new
 * vm_page_prot (see change_pte_range), then flush the whole range.
 * mmap_lock held for writing.
 */
void change_protection(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;

	if (start >= end)
		return;
	spin_lock(&mm->page_table_lock);
	change_protection_range(vma, start, end);
	flush_tlb_mm_range(mm, start, end);
	spin_unlock(&mm->page_table_lock);
}

/* mprotect_fixup - give [start, end) of @vma (inside it) @newflags:
 * split off the rest, change the PTEs, merge with like neighbours. A
 * private mapping made writable for the first time becomes VM_ACCOUNT
 * and is charged, as Linux's (-ENOMEM first, nothing changed, if
 * vm_enough_memory() refuses); taking write away never uncharges
 * (Linux does for an anonymous VMA never faulted, which mmos cannot
 * tell). */
static int mprotect_fixup(struct vm_area_struct *vma, unsigned long start,
			  unsigned long end, unsigned long newflags)
{
	struct mm_struct *mm = vma->vm_mm;
	int err;

	if (newflags == vma->vm_flags)
		return 0;
	if ((newflags & VM_WRITE) &&
	    !(vma->vm_flags & (VM_ACCOUNT | VM_WRITE | VM_SHARED | VM_NORESERVE))) {
		if (!vm_enough_memory(vma->vm_mm, (end - start) >> PAGE_SHIFT))
			return -ENOMEM;
		newflags |= VM_ACCOUNT;
	}
	err = split_vma_range(vma, start, end);
	if (err)
		return err;
	vm_stat_account(mm, vma->vm_flags, -vma_pages(vma));
	vma_acct(vma->vm_flags, -vma_pages(vma));
	vma->vm_flags = newflags;
	vma->vm_page_prot = vm_get_page_prot(newflags);
	vm_stat_account(mm, newflags, vma_pages(vma));
	vma_acct(newflags, vma_pages(vma));
	change_protection(vma, start, end);
	vma_merge_neighbours(vma);
	return 0;
}

/*
 * mprotect_vmas - mprotect's work after its argument checks: give each
 * VMA over [start, end) the access bits of @prot, VMA by VMA. mmap_lock
 * held for writing. Returns 0, -ENOMEM at a hole in the range or
 * -EACCES for an access the VMA may not have (no VM_MAY* bit); the VMAs before
 * the error keep their new protection, as in Linux.
 */
static int mprotect_vmas(struct mm_struct *mm, unsigned long start,
			 unsigned long end, unsigned long prot)
{
	struct vm_area_struct *vma = find_vma(mm, start);
	unsigned long nstart, tmp, newflags;
	int err;

	for (nstart = start; nstart < end; nstart = tmp) {
		if (!vma || vma->vm_start > nstart)
			return -ENOMEM;		/* a hole in the range */
		newflags = (vma->vm_flags & ~VM_ACCESS_FLAGS) | calc_vm_prot_bits(prot);
		/* each VM_MAY* bit is its access bit << 4: an access the
		 * mapping may never have (a shared mapping of a file not
		 * open for writing, or of a write-sealed memfd, a noexec
		 * file) is refused */
		if ((newflags & ~(newflags >> 4)) & VM_ACCESS_FLAGS)
			return -EACCES;
		tmp = min(vma->vm_end, end);
		err = mprotect_fixup(vma, nstart, tmp, newflags);
		if (err)
			return err;
		vma = find_vma(mm, tmp);
	}
	return 0;
}

/* mprotect - check the arguments (-EINVAL: start unaligned or unknown
 * PROT_ bits; -ENOMEM: outside user space) and mprotect_vmas() under
 * mmap_lock. 0 or -errno. */
SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len, unsigned long, prot)
{
	struct mm_struct *mm = current->mm;
	unsigned long end;
	int err;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start || end > TASK_SIZE)
		return -ENOMEM;
	if (!len)
		return 0;
	mmap_write_lock(mm);
	err = mprotect_vmas(mm, start, end, prot);
	mmap_write_unlock(mm);
	return err;
}
