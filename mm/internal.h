/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the files of mm/ share and nothing outside mm/ may use (Linux
 * keeps the same kind of helpers in its mm/internal.h): the page-table
 * allocation and lookup helpers of memory.c, the preemption point of the
 * range walks, the TLB gather of tlb.c, and the PROT_* to VM_* mapping.
 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/pgtable.h>

/* calc_vm_prot_bits - the VM_READ/VM_WRITE/VM_EXEC bits of PROT_* @prot
 * (Linux's name; mmap and mprotect both use it). */
static inline unsigned long calc_vm_prot_bits(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) |
	       (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

/* ---- page-table allocation, lookup, lock break (memory.c) --------- */

p4d_t *p4d_alloc(struct mm_struct *mm, pgd_t *pgd, unsigned long addr);
pud_t *pud_alloc(struct mm_struct *mm, p4d_t *p4d, unsigned long addr);
pmd_t *pmd_alloc(struct mm_struct *mm, pud_t *pud, unsigned long addr);
int pte_alloc(struct mm_struct *mm, pmd_t *pmd);
pmd_t *pmd_lookup(struct mm_struct *mm, unsigned long addr);

struct tlb_range;
void pt_lock_break(struct mm_struct *mm, struct tlb_range *tlb);

/* ---- the reverse map of file pages (rmap.c) ----------------------- */

struct address_space *vma_mapping(const struct vm_area_struct *vma);
void __vma_link_file(struct vm_area_struct *vma);
void vma_link_file(struct vm_area_struct *vma);
void __unlink_file_vma(struct vm_area_struct *vma);
void unlink_file_vma(struct vm_area_struct *vma);
struct address_space *i_mmap_lock_vma(struct vm_area_struct *vma);
void i_mmap_unlock_vma(struct address_space *mapping);
bool vma_pgoff_overlaps(const struct vm_area_struct *vma, unsigned long first,
			unsigned long last);
/* ---- mlocked pages (mlock.c) ------------------------------------- */

void mlock_page(struct page *page);
void munlock_page(struct page *page);

/* mlock_vma_page - @page was just mapped in @vma: one more locked
 * mapping if the VMA is locked. page_table_lock held. */
static inline void mlock_vma_page(struct page *page, struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_LOCKED)
		mlock_page(page);
}

/* munlock_vma_page - @page is about to be unmapped from @vma: one
 * locked mapping fewer if the VMA is locked. page_table_lock held. */
static inline void munlock_vma_page(struct page *page, struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_LOCKED)
		munlock_page(page);
}

/* ---- the TLB gather of range walks (tlb.c) ------------------------ */

/*
 * struct tlb_range - the user addresses whose translations a range walk
 * removed (Linux's mmu_gather keeps the same start and end): flushed in
 * one flush_tlb_mm_range() when the walk ends, or earlier at a lock
 * break, before another task can run.
 */
struct tlb_range {
	struct mm_struct *mm;
	unsigned long start, end;	/* empty while start >= end */
};

/* tlb_range_init - start gathering for @mm, with nothing gathered. */
static inline void tlb_range_init(struct tlb_range *tlb, struct mm_struct *mm)
{
	tlb->mm = mm;
	tlb->start = ~0UL;
	tlb->end = 0;
}

/* tlb_range_add - the translations of [start, end) must go. */
static inline void tlb_range_add(struct tlb_range *tlb, unsigned long start,
				 unsigned long end)
{
	tlb->start = min(tlb->start, start);
	tlb->end = max(tlb->end, end);
}

void tlb_range_flush(struct tlb_range *tlb);

#endif
