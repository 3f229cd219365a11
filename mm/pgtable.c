// SPDX-License-Identifier: GPL-2.0
/*
 * Building and reading kernel page tables: the direct map, the kernel
 * image and vmalloc mappings all go through these helpers, on hardware
 * and on the hosted software MMU alike.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <linux/pgtable.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmstat.h>

/* Kernel page-table pages taken from the buddy allocator. They are never
 * freed (as in Linux), so leak checks subtract them. */
static unsigned long nr_kernel_pgtables;

/* nr_kernel_pgtable_pages - kernel page-table pages taken from the buddy
 * allocator so far (never freed). */
unsigned long nr_kernel_pgtable_pages(void)
{
	return READ_ONCE(nr_kernel_pgtables);
}

/* A zeroed page for a page table: from memblock during early boot, from
 * the buddy allocator once it runs. NULL when memory is out. */
static void *pt_alloc_page(void)
{
	void *p;

	if (!slab_is_available())
		return memblock_alloc(PAGE_SIZE, PAGE_SIZE);
	p = (void *)get_zeroed_page(GFP_KERNEL);
	if (p)
		nr_kernel_pgtables++;
	return p;
}

/*
 * __pt_alloc_kernel - give the empty kernel-table entry @slot a new lower
 * table, Linux's way: the page is allocated with no lock held, and
 * installed under init_mm.page_table_lock only if the entry is still
 * empty (another vmalloc may have filled it); else it goes back.
 * Returns 0 or -ENOMEM.
 */
static int __pt_alloc_kernel(pteval_t *slot)
{
	void *t = pt_alloc_page();

	if (!t)
		return -ENOMEM;
	spin_lock(&init_mm.page_table_lock);
	if (!READ_ONCE(*slot)) {
		WRITE_ONCE(*slot, __pa(t) | _KERNPG_TABLE);
		t = NULL;
	}
	spin_unlock(&init_mm.page_table_lock);
	if (t) {	/* only once the buddy allocator runs: boot has no race */
		free_page((unsigned long)t);
		nr_kernel_pgtables--;
	}
	return 0;
}

/* pud_alloc_kernel - the kernel PUD entry for @addr under @p4d, making
 * the table if missing. NULL without memory. No lock may be held by the
 * caller (nor for the two below). */
pud_t *pud_alloc_kernel(p4d_t *p4d, unsigned long addr)
{
	if (p4d_none(*p4d) && __pt_alloc_kernel(&p4d->pgd.pgd))
		return NULL;
	return pud_offset(p4d, addr);
}

/* pmd_alloc_kernel - the kernel PMD entry for @addr under @pud (not a
 * leaf), making the table if missing. NULL without memory. */
pmd_t *pmd_alloc_kernel(pud_t *pud, unsigned long addr)
{
	if (pud_none(*pud) && __pt_alloc_kernel(&pud->pud))
		return NULL;
	BUG_ON(pud_leaf(*pud));
	return pmd_offset(pud, addr);
}

/* pte_alloc_kernel - the kernel PTE for @addr under @pmd, making the
 * table if missing. NULL without memory. */
pte_t *pte_alloc_kernel(pmd_t *pmd, unsigned long addr)
{
	if (pmd_none(*pmd) && __pt_alloc_kernel(&pmd->pmd))
		return NULL;
	BUG_ON(pmd_leaf(*pmd));
	return pte_offset_kernel(pmd, addr);
}

/* kernel_map_pte_range - map [addr, end), within one PTE table under
 * @pmd, to @pa onwards in 4 KiB pages. 0 or -ENOMEM. */
static int kernel_map_pte_range(pmd_t *pmd, unsigned long addr,
				unsigned long end, phys_addr_t pa, pgprot_t prot)
{
	pte_t *pte = pte_alloc_kernel(pmd, addr);

	if (!pte)
		return -ENOMEM;
	do {
		set_pte(pte, __pte(pa | prot));
		pa += PAGE_SIZE;
	} while (pte++, addr += PAGE_SIZE, addr != end);
	return 0;
}

/* kernel_map_pmd_range - map [addr, end) under @pud to @pa onwards: a
 * step that covers a whole PMD with @pa 2 MiB aligned becomes a 2 MiB
 * leaf when @large is set (Linux's vmap_try_huge_pmd rule), any other
 * step a PTE table. 0 or -ENOMEM. */
static int kernel_map_pmd_range(pud_t *pud, unsigned long addr,
				unsigned long end, phys_addr_t pa,
				pgprot_t prot, bool large)
{
	pmd_t *pmd = pmd_alloc_kernel(pud, addr);
	unsigned long next;

	if (!pmd)
		return -ENOMEM;
	do {
		next = pmd_addr_end(addr, end);
		if (large && next - addr == PMD_SIZE && IS_ALIGNED(pa, PMD_SIZE)) {
			BUG_ON(!pmd_none(*pmd) && !pmd_leaf(*pmd));
			set_pmd(pmd, __pmd(pa | prot | _PAGE_PSE));
		} else if (kernel_map_pte_range(pmd, addr, next, pa, prot)) {
			return -ENOMEM;
		}
		pa += next - addr;
	} while (pmd++, addr = next, addr != end);
	return 0;
}

/* kernel_map_pud_range - kernel_map_pmd_range() for each PUD entry under
 * @p4d in [addr, end). 0 or -ENOMEM. */
static int kernel_map_pud_range(p4d_t *p4d, unsigned long addr,
				unsigned long end, phys_addr_t pa,
				pgprot_t prot, bool large)
{
	pud_t *pud = pud_alloc_kernel(p4d, addr);
	unsigned long next;

	if (!pud)
		return -ENOMEM;
	do {
		next = pud_addr_end(addr, end);
		if (kernel_map_pmd_range(pud, addr, next, pa, prot, large))
			return -ENOMEM;
		pa += next - addr;
	} while (pud++, addr = next, addr != end);
	return 0;
}

/* kernel_map_p4d_range - kernel_map_pud_range() for the (folded) p4d
 * entries under @pgd in [addr, end). 0 or -ENOMEM. */
static int kernel_map_p4d_range(pgd_t *pgd, unsigned long addr,
				unsigned long end, phys_addr_t pa,
				pgprot_t prot, bool large)
{
	p4d_t *p4d = p4d_offset(pgd, addr);
	unsigned long next;

	do {
		next = p4d_addr_end(addr, end);
		if (kernel_map_pud_range(p4d, addr, next, pa, prot, large))
			return -ENOMEM;
		pa += next - addr;
	} while (p4d++, addr = next, addr != end);
	return 0;
}

/*
 * kernel_map_range - map [va, va+size) to [pa, pa+size) with @prot in the
 * table @pgd, using 2 MiB pages where alignment allows and @large is set.
 * Addresses and size must be page aligned. Returns 0 or -ENOMEM (what was
 * mapped stays mapped). No TLB flush: callers map only fresh ranges.
 */
int kernel_map_range(pgd_t *pgd, unsigned long va, phys_addr_t pa,
		     unsigned long size, pgprot_t prot, bool large)
{
	unsigned long end = va + size, next;

	BUG_ON(!IS_ALIGNED(va | pa | size, PAGE_SIZE));
	if (!size)
		return 0;
	pgd = pgd_offset_pgd(pgd, va);
	do {
		next = pgd_addr_end(va, end);
		if (kernel_map_p4d_range(pgd, va, next, pa, prot, large))
			return -ENOMEM;
		pa += next - va;
	} while (pgd++, va = next, va != end);
	return 0;
}

/* lookup_kernel_pte - the 4 KiB PTE slot for @addr, or NULL when a level
 * is missing or a large page maps it. Allocates nothing. */
pte_t *lookup_kernel_pte(pgd_t *pgd, unsigned long addr)
{
	p4d_t *p4d = p4d_offset(pgd_offset_pgd(pgd, addr), addr);
	pud_t *u;
	pmd_t *m;

	if (p4d_none(*p4d))
		return NULL;
	u = pud_offset(p4d, addr);
	if (pud_none(*u) || pud_leaf(*u))
		return NULL;
	m = pmd_offset(u, addr);
	if (pmd_none(*m) || pmd_leaf(*m))
		return NULL;
	return pte_offset_kernel(m, addr);
}

/* translate_level - one level of kernel_translate(): whether entry @e
 * is present; gathers the RW/USER bits every level must grant and the
 * NX bit any level may set. */
static bool translate_level(pteval_t e, pteval_t *acc, pteval_t *nx)
{
	*acc &= e;
	*nx |= e & _PAGE_NX;
	return e & _PAGE_PRESENT;
}

/*
 * kernel_translate - walk @pgd for @va as the MMU would. On success sets
 * *pa and *flags (the leaf's bits, with RW and USER cleared unless every
 * level grants them and NX set if any level sets it) and returns true.
 */
bool kernel_translate(pgd_t *pgd, unsigned long va, phys_addr_t *pa,
		      pteval_t *flags)
{
	pteval_t acc = _PAGE_RW | _PAGE_USER, nx = 0, e;
	p4d_t *p4d = p4d_offset(pgd_offset_pgd(pgd, va), va);
	unsigned long size = PUD_SIZE;
	pud_t *u;
	pmd_t *m;

	if (!translate_level(p4d_val(*p4d), &acc, &nx))
		return false;
	u = pud_offset(p4d, va);
	e = pud_val(*u);
	if (!translate_level(e, &acc, &nx))
		return false;
	if (!pud_leaf(*u)) {
		m = pmd_offset(u, va);
		e = pmd_val(*m);
		size = PMD_SIZE;
		if (!translate_level(e, &acc, &nx))
			return false;
		if (!pmd_leaf(*m)) {
			e = pte_val(*pte_offset_kernel(m, va));
			size = PAGE_SIZE;
			if (!translate_level(e, &acc, &nx))
				return false;
		}
	}
	*pa = (e & PTE_PFN_MASK & ~(size - 1)) | (va & (size - 1));
	*flags = (e & ~(_PAGE_RW | _PAGE_USER | _PAGE_NX)) | acc | nx;
	return true;
}

/*
 * pgd_alloc - a top-level table for a new mm: the kernel half (entries
 * KERNEL_PGD_BOUNDARY..511) copied from swapper_pg_dir, the user half
 * empty. Since every kernel-half entry, vmalloc's included, exists from
 * boot on, the copy never goes stale. Counted in NR_PAGETABLE (as
 * Linux's pagetable_pgd_ctor) but not in the mm's pgtables_bytes (as
 * Linux's VmPTE). NULL when memory is out.
 */
pgd_t *pgd_alloc(struct mm_struct *mm)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);

	if (!pgd)
		return NULL;
	inc_node_page_state(NR_PAGETABLE);
	memcpy(pgd + KERNEL_PGD_BOUNDARY, swapper_pg_dir + KERNEL_PGD_BOUNDARY,
	       KERNEL_PGD_PTRS * sizeof(pgd_t));
	return pgd;
}

/* pgd_free - free pgd_alloc()'s @pgd; its user half must be empty. */
void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	dec_node_page_state(NR_PAGETABLE);
	free_page((unsigned long)pgd);
}
