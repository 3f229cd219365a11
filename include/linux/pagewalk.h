/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A read-mostly walk of an mm's page tables over a range (Linux's
 * <linux/pagewalk.h>, the part /proc needs): the caller's pte_entry sees
 * every PTE slot of each PTE table that exists, pte_hole every span with
 * no table (or no VMA), test_walk may skip a VMA.
 */
#ifndef _LINUX_PAGEWALK_H
#define _LINUX_PAGEWALK_H

#include <linux/mm.h>
#include <linux/pgtable.h>

struct mm_walk;

/*
 * struct mm_walk_ops - the callbacks of a walk. Each returns 0 to go on,
 * or a value that stops the walk and is returned by walk_page_range().
 * @pte_entry: the PTE slot @pte of [addr, next), one page; called with
 *             the mm's page_table_lock held (no sleep, no allocation);
 *             it may change the PTE (and then must flush)
 * @pte_hole:  [addr, next) has no page table at level @depth (0 pgd,
 *             1 p4d, 2 pud, 3 pmd), or no VMA (depth -1, walk->vma NULL)
 * @test_walk: return 1 to skip walk->vma, 0 to walk it, <0 to stop
 */
struct mm_walk_ops {
	int (*pte_entry)(pte_t *pte, unsigned long addr, unsigned long next,
			 struct mm_walk *walk);
	int (*pte_hole)(unsigned long addr, unsigned long next, int depth,
			struct mm_walk *walk);
	int (*test_walk)(unsigned long addr, unsigned long next, struct mm_walk *walk);
};

/* struct mm_walk - one walk: its callbacks, the mm, the VMA being walked
 * (NULL in a gap between VMAs) and the caller's data. */
struct mm_walk {
	const struct mm_walk_ops *ops;
	struct mm_struct *mm;
	struct vm_area_struct *vma;
	void *private;
};

int walk_page_range(struct mm_struct *mm, unsigned long start, unsigned long end,
		    const struct mm_walk_ops *ops, void *private);
int walk_page_vma(struct vm_area_struct *vma, const struct mm_walk_ops *ops,
		  void *private);

#endif
