// SPDX-License-Identifier: GPL-2.0
/*
 * mincore: which pages of a range are resident, read from the page
 * tables (a missing table answers for its whole span).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include "internal.h"

/* mincore_pte_range - residency of the pages of [addr, end), all under
 * @pmd, into @vec. Takes page_table_lock: faults may fill PTEs. */
static void mincore_pte_range(struct mm_struct *mm, pmd_t *pmd, unsigned long addr,
			      unsigned long end, unsigned char *vec)
{
	pte_t *pte = pte_offset_map(pmd, addr);

	spin_lock(&mm->page_table_lock);
	for (; addr < end; addr += PAGE_SIZE, pte++)
		*vec++ = pte_present(*pte);
	spin_unlock(&mm->page_table_lock);
}

/* mincore_hole - [addr, end) has no page table: nothing is resident. */
static void mincore_hole(unsigned long addr, unsigned long end, unsigned char *vec)
{
	memset(vec, 0, (end - addr) >> PAGE_SHIFT);
}

/* mincore_pmd_range - residency of [addr, end) under @pud into @vec. */
static void mincore_pmd_range(struct mm_struct *mm, pud_t *pud, unsigned long addr,
			      unsigned long end, unsigned char *vec)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*pmd))
			mincore_hole(addr, next, vec);
		else
			mincore_pte_range(mm, pmd, addr, next, vec);
		vec += (next - addr) >> PAGE_SHIFT;
	} while (pmd++, addr = next, addr != end);
}

/* mincore_pud_range - residency of [addr, end) under @pgd into @vec. */
static void mincore_pud_range(struct mm_struct *mm, pgd_t *pgd, unsigned long addr,
			      unsigned long end, unsigned char *vec)
{
	pud_t *pud = pud_offset(pgd, addr);
	unsigned long next;

	do {
		next = pud_addr_end(addr, end);
		if (pud_none(*pud))
			mincore_hole(addr, next, vec);
		else
			mincore_pmd_range(mm, pud, addr, next, vec);
		vec += (next - addr) >> PAGE_SHIFT;
	} while (pud++, addr = next, addr != end);
}

/*
 * mincore_range - one byte per page of [addr, end) into @vec: 1 where a
 * page is mapped (resident), 0 elsewhere; a missing table answers for
 * its whole span at once. mmap_lock held (the tables stay).
 */
void mincore_range(struct mm_struct *mm, unsigned long addr, unsigned long end,
		   unsigned char *vec)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	unsigned long next;

	if (addr >= end)
		return;
	do {
		next = pgd_addr_end(addr, end);
		if (pgd_none(*pgd))
			mincore_hole(addr, next, vec);
		else
			mincore_pud_range(mm, pgd, addr, next, vec);
		vec += (next - addr) >> PAGE_SHIFT;
	} while (pgd++, addr = next, addr != end);
}

