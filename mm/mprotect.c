// SPDX-License-Identifier: GPL-2.0
/*
 * mprotect: the PTE rewrite for a VMA's new protection
 * (change_protection), and PROT_NONE, which keeps the pages but makes
 * them unreachable (_PAGE_PROTNONE).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
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
		prot = vma->vm_page_prot | (pte_val(*pte) & (_PAGE_DIRTY | _PAGE_ACCESSED));
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

/* change_pud_range - change_pmd_range() for each PMD table under @pgd
 * in [addr, end). page_table_lock held. */
static void change_pud_range(struct vm_area_struct *vma, pgd_t *pgd,
			     unsigned long addr, unsigned long end)
{
	pud_t *pud = pud_offset(pgd, addr);
	unsigned long next;

	do {
		next = pud_addr_end(addr, end);
		if (!pud_none(*pud))
			change_pmd_range(vma, pud, addr, next);
	} while (pud++, addr = next, addr != end);
}

/* change_protection_range - change_pud_range() for each PUD table of
 * @vma's mm in [addr, end), addr < end. page_table_lock held. */
static void change_protection_range(struct vm_area_struct *vma,
				    unsigned long addr, unsigned long end)
{
	pgd_t *pgd = pgd_offset(vma->vm_mm, addr);
	unsigned long next;

	do {
		next = pgd_addr_end(addr, end);
		if (!pgd_none(*pgd))
			change_pud_range(vma, pgd, addr, next);
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
