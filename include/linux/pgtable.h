/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page-table accessors shared by every target: the entry format comes
 * from <asm/pgtable_types.h> (x86-64's, also on arch/hosted), tables are
 * reached through the direct map (__va), so this code never asks whether
 * it runs on hardware or on the software MMU.
 */
#ifndef _LINUX_PGTABLE_H
#define _LINUX_PGTABLE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>

#define pgd_val(x)	((x).pgd)
#define pud_val(x)	((x).pud)
#define pmd_val(x)	((x).pmd)
#define pte_val(x)	((x).pte)
#define __pgd(v)	((pgd_t){ (v) })
#define __pud(v)	((pud_t){ (v) })
#define __pmd(v)	((pmd_t){ (v) })
#define __pte(v)	((pte_t){ (v) })

static inline unsigned long pgd_index(unsigned long a) { return (a >> PGDIR_SHIFT) & (PTRS_PER_TABLE - 1); }
static inline unsigned long pud_index(unsigned long a) { return (a >> PUD_SHIFT) & (PTRS_PER_TABLE - 1); }
static inline unsigned long pmd_index(unsigned long a) { return (a >> PMD_SHIFT) & (PTRS_PER_TABLE - 1); }
static inline unsigned long pte_index(unsigned long a) { return (a >> PAGE_SHIFT) & (PTRS_PER_TABLE - 1); }

/*
 * p?d_addr_end - the end of the step of a range walk [addr, end) that
 * starts at @addr and stays under one entry of that level: the next
 * boundary of the entry's span, or @end if that comes first. Written
 * with "- 1" on both sides so that an @end of 0 (the top of the address
 * space) still compares as the largest. Every walker loops with these,
 * so that an empty entry is skipped with its whole span.
 */
static inline unsigned long __addr_end(unsigned long addr, unsigned long end,
				       unsigned long size)
{
	unsigned long boundary = (addr + size) & ~(size - 1);

	return boundary - 1 < end - 1 ? boundary : end;
}

static inline unsigned long pgd_addr_end(unsigned long addr, unsigned long end)
{
	return __addr_end(addr, end, PGDIR_SIZE);
}

static inline unsigned long pud_addr_end(unsigned long addr, unsigned long end)
{
	return __addr_end(addr, end, PUD_SIZE);
}

static inline unsigned long pmd_addr_end(unsigned long addr, unsigned long end)
{
	return __addr_end(addr, end, PMD_SIZE);
}

/*
 * The p4d level is folded into the pgd, as in Linux with 4-level paging
 * (its asm-generic/pgtable-nop4d.h): a p4d entry is the pgd entry
 * itself, p4d_offset() returns that slot, and a p4d loop runs once per
 * pgd step (p4d_addr_end() is the end of that step). Walkers keep the
 * level, so each reads beside Linux's (zap_p4d_range, ...), and 5-level
 * paging would only have to give it a table of its own.
 */
typedef struct { pgd_t pgd; } p4d_t;
#define p4d_val(x)	pgd_val((x).pgd)

static inline unsigned long p4d_addr_end(unsigned long addr, unsigned long end)
{
	return end;
}

static inline bool pgd_none(pgd_t e) { return !pgd_val(e); }
static inline bool p4d_none(p4d_t e) { return !p4d_val(e); }
static inline bool pud_none(pud_t e) { return !pud_val(e); }
static inline bool pmd_none(pmd_t e) { return !pmd_val(e); }
static inline bool pte_none(pte_t e) { return !pte_val(e); }
/* pte_same - do two PTE values say the same thing (fault rechecks)? */
static inline bool pte_same(pte_t a, pte_t b) { return pte_val(a) == pte_val(b); }
/* A user PTE of a PROT_NONE range keeps its page but not the present
 * bit; it is marked with _PAGE_PROTNONE (the global bit, meaningless in
 * user PTEs), as in Linux. */
#define _PAGE_PROTNONE	_PAGE_GLOBAL
static inline bool pte_present(pte_t e) { return pte_val(e) & (_PAGE_PRESENT | _PAGE_PROTNONE); }
static inline bool pud_leaf(pud_t e) { return pud_val(e) & _PAGE_PSE; }
static inline bool pmd_leaf(pmd_t e) { return pmd_val(e) & _PAGE_PSE; }

/* The PTE bits /proc reads and clear_refs clears (Linux's helpers). */
static inline bool pte_write(pte_t e) { return pte_val(e) & _PAGE_RW; }
static inline bool pte_dirty(pte_t e) { return pte_val(e) & _PAGE_DIRTY; }
static inline bool pte_young(pte_t e) { return pte_val(e) & _PAGE_ACCESSED; }
static inline bool pte_soft_dirty(pte_t e) { return pte_val(e) & _PAGE_SOFT_DIRTY; }
/* pte_mkdirty - dirty, and soft-dirty with it, as Linux's x86 one: the
 * kernel marks a PTE dirty only when it lets a write through. */
static inline pte_t pte_mkdirty(pte_t e) { return __pte(pte_val(e) | _PAGE_DIRTY | _PAGE_SOFT_DIRTY); }
static inline pte_t pte_wrprotect(pte_t e) { return __pte(pte_val(e) & ~_PAGE_RW); }
static inline pte_t pte_mkold(pte_t e) { return __pte(pte_val(e) & ~_PAGE_ACCESSED); }
static inline pte_t pte_clear_soft_dirty(pte_t e) { return __pte(pte_val(e) & ~_PAGE_SOFT_DIRTY); }

static inline phys_addr_t pgd_phys(pgd_t e) { return pgd_val(e) & PTE_PFN_MASK; }
static inline phys_addr_t p4d_phys(p4d_t e) { return p4d_val(e) & PTE_PFN_MASK; }
static inline phys_addr_t pud_phys(pud_t e) { return pud_val(e) & PTE_PFN_MASK; }
static inline phys_addr_t pmd_phys(pmd_t e) { return pmd_val(e) & PTE_PFN_MASK; }
static inline phys_addr_t pte_phys(pte_t e) { return pte_val(e) & PTE_PFN_MASK; }
static inline unsigned long pte_pfn(pte_t e) { return pte_phys(e) >> PAGE_SHIFT; }

static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return __pte(((phys_addr_t)pfn << PAGE_SHIFT) | prot);
}

static inline pgd_t *pgd_offset_pgd(pgd_t *pgd, unsigned long a)
{
	return pgd + pgd_index(a);
}

static inline p4d_t *p4d_offset(pgd_t *pgd, unsigned long a)
{
	return (p4d_t *)pgd;	/* folded */
}

static inline pud_t *pud_offset(p4d_t *p4d, unsigned long a)
{
	return (pud_t *)__va(p4d_phys(*p4d)) + pud_index(a);
}

static inline pmd_t *pmd_offset(pud_t *pud, unsigned long a)
{
	return (pmd_t *)__va(pud_phys(*pud)) + pmd_index(a);
}

static inline pte_t *pte_offset_kernel(pmd_t *pmd, unsigned long a)
{
	return (pte_t *)__va(pmd_phys(*pmd)) + pte_index(a);
}

/* The entry for @a in an mm's top-level table. */
#define pgd_offset(mm, a)	pgd_offset_pgd((mm)->pgd, (a))

/* A user PTE table is reached like a kernel one: every page-table page
 * is in the direct map (no highmem), so there is nothing to map or
 * unmap. */
static inline pte_t *pte_offset_map(pmd_t *pmd, unsigned long a)
{
	return pte_offset_kernel(pmd, a);
}

static inline void set_pte(pte_t *p, pte_t e) { WRITE_ONCE(p->pte, pte_val(e)); }
static inline void set_pmd(pmd_t *p, pmd_t e) { WRITE_ONCE(p->pmd, pmd_val(e)); }
static inline void set_pud(pud_t *p, pud_t e) { WRITE_ONCE(p->pud, pud_val(e)); }
static inline void set_pgd(pgd_t *p, pgd_t e) { WRITE_ONCE(p->pgd, pgd_val(e)); }
static inline void pte_clear(pte_t *p) { WRITE_ONCE(p->pte, 0); }
static inline void pmd_clear(pmd_t *p) { WRITE_ONCE(p->pmd, 0); }
static inline void pud_clear(pud_t *p) { WRITE_ONCE(p->pud, 0); }
static inline void pgd_clear(pgd_t *p) { WRITE_ONCE(p->pgd, 0); }
static inline void p4d_clear(p4d_t *p) { pgd_clear(&p->pgd); }

/* The kernel's own top-level table, swapper_pg_dir, declared by
 * <asm/pgtable.h> (Documentation/mm/virtual-layout.md). */
#include <asm/pgtable.h>

/*
 * Kernel page-table building (mm/pgtable.c). The *_alloc_kernel helpers
 * allocate a missing lower table (from memblock before the buddy
 * allocator is up, from it afterwards) and return NULL when memory is out.
 */
pud_t *pud_alloc_kernel(p4d_t *p4d, unsigned long addr);
pmd_t *pmd_alloc_kernel(pud_t *pud, unsigned long addr);
pte_t *pte_alloc_kernel(pmd_t *pmd, unsigned long addr);
int kernel_map_range(pgd_t *pgd, unsigned long va, phys_addr_t pa,
		     unsigned long size, pgprot_t prot, bool large);
unsigned long nr_kernel_pgtable_pages(void);

struct mm_struct;
pgd_t *pgd_alloc(struct mm_struct *mm);
void pgd_free(struct mm_struct *mm, pgd_t *pgd);
pte_t *lookup_kernel_pte(pgd_t *pgd, unsigned long addr);
bool kernel_translate(pgd_t *pgd, unsigned long va, phys_addr_t *pa,
		      pteval_t *flags);

#endif
