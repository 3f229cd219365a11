// SPDX-License-Identifier: GPL-2.0
/*
 * Page-table walks for the callers that look at (or retouch) what is
 * mapped without changing the layout: /proc/PID/smaps, pagemap and
 * clear_refs (Linux's mm/pagewalk.c, the PTE level only: mmos has no
 * huge pages). One function per level, stepping with p?d_addr_end(), so
 * an empty entry is passed with its whole span and the cost follows
 * what is mapped. mmap_lock is held by the caller (at least for
 * reading), so no table is freed under the walk; page_table_lock is
 * held across each PTE table, as mincore does, because faults fill PTEs
 * with only the read lock.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pagewalk.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

/* walk_hole - report [addr, next) as having no table at @depth, if the
 * caller wants holes. */
static int walk_hole(unsigned long addr, unsigned long next, int depth,
		     struct mm_walk *walk)
{
	return walk->ops->pte_hole ? walk->ops->pte_hole(addr, next, depth, walk) : 0;
}

/* walk_pte_range - pte_entry for each slot of [addr, end), all under
 * @pmd, with page_table_lock held across the table. */
static int walk_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	pte_t *pte = pte_offset_map(pmd, addr);
	int err = 0;

	if (!walk->ops->pte_entry)
		return 0;
	spin_lock(&walk->mm->page_table_lock);
	for (; addr < end; addr += PAGE_SIZE, pte++) {
		err = walk->ops->pte_entry(pte, addr, addr + PAGE_SIZE, walk);
		if (err)
			break;
	}
	spin_unlock(&walk->mm->page_table_lock);
	return err;
}

/* walk_pmd_range - each PTE table under @pud in [addr, end), a hole for
 * each missing one; a preemption point between tables (the lock is not
 * held there). */
static int walk_pmd_range(pud_t *pud, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;
	int err;

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*pmd))
			err = walk_hole(addr, next, 3, walk);
		else
			err = walk_pte_range(pmd, addr, next, walk);
		if (err)
			return err;
		cond_resched();
	} while (pmd++, addr = next, addr != end);
	return 0;
}

/* walk_pud_range - each PMD table under @p4d in [addr, end). */
static int walk_pud_range(p4d_t *p4d, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	pud_t *pud = pud_offset(p4d, addr);
	unsigned long next;
	int err;

	do {
		next = pud_addr_end(addr, end);
		if (pud_none(*pud))
			err = walk_hole(addr, next, 2, walk);
		else
			err = walk_pmd_range(pud, addr, next, walk);
		if (err)
			return err;
	} while (pud++, addr = next, addr != end);
	return 0;
}

/* walk_p4d_range - the (folded) p4d entries under @pgd in [addr, end). */
static int walk_p4d_range(pgd_t *pgd, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	p4d_t *p4d = p4d_offset(pgd, addr);
	unsigned long next;
	int err;

	do {
		next = p4d_addr_end(addr, end);
		if (p4d_none(*p4d))
			err = walk_hole(addr, next, 1, walk);
		else
			err = walk_pud_range(p4d, addr, next, walk);
		if (err)
			return err;
	} while (p4d++, addr = next, addr != end);
	return 0;
}

/* walk_pgd_range - the tables of walk->mm over [addr, end), addr < end. */
static int walk_pgd_range(unsigned long addr, unsigned long end, struct mm_walk *walk)
{
	pgd_t *pgd = pgd_offset(walk->mm, addr);
	unsigned long next;
	int err;

	do {
		next = pgd_addr_end(addr, end);
		if (pgd_none(*pgd))
			err = walk_hole(addr, next, 0, walk);
		else
			err = walk_p4d_range(pgd, addr, next, walk);
		if (err)
			return err;
	} while (pgd++, addr = next, addr != end);
	return 0;
}

/*
 * walk_page_range - walk [start, end) of @mm: the gaps between VMAs go
 * to pte_hole (depth -1, walk.vma NULL), each VMA's part (unless
 * test_walk skips it) through its page tables. mmap_lock held. Returns
 * 0, or the first nonzero value a callback returned (the walk stops).
 */
int walk_page_range(struct mm_struct *mm, unsigned long start, unsigned long end,
		    const struct mm_walk_ops *ops, void *private)
{
	struct mm_walk walk = { .ops = ops, .mm = mm, .private = private };
	struct vm_area_struct *vma;
	unsigned long next;
	int err = 0;

	mmap_assert_locked(mm);
	if (start >= end)
		return 0;
	vma = find_vma(mm, start);
	for (; start < end && !err; start = next) {
		if (!vma || start < vma->vm_start) {	/* a gap */
			walk.vma = NULL;
			next = vma ? min(end, vma->vm_start) : end;
			err = walk_hole(start, next, -1, &walk);
			continue;
		}
		walk.vma = vma;
		next = min(end, vma->vm_end);
		vma = vma_next(vma);
		err = ops->test_walk ? ops->test_walk(start, next, &walk) : 0;
		if (err > 0) {
			err = 0;
			continue;
		}
		if (!err)
			err = walk_pgd_range(start, next, &walk);
	}
	return err;
}

/* walk_page_vma - walk_page_range() over the whole of @vma. */
int walk_page_vma(struct vm_area_struct *vma, const struct mm_walk_ops *ops,
		  void *private)
{
	return walk_page_range(vma->vm_mm, vma->vm_start, vma->vm_end, ops, private);
}
