// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc: virtually contiguous kernel memory from scattered pages,
 * mapped in swapper_pg_dir between VMALLOC_START and VMALLOC_END.
 *
 * Why no mm ever needs a "vmalloc sync": every PGD entry of the vmalloc
 * range is allocated at boot (vmalloc_preallocate_pgds) before any user
 * pgd exists. pgd_alloc() copies those entries, so all pgds share the
 * vmalloc PUD pages and see every later mapping at once. Mapping here
 * therefore BUG()s on a missing PGD entry rather than allocate one.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/tlbflush.h>

static DEFINE_SPINLOCK(vmap_area_lock);
static struct vm_struct *vmlist;	/* sorted by addr: vmap_area_lock */
static unsigned long nr_vmap_areas;	/* vmap_area_lock */
static atomic_long_t nr_vmalloc_pages;	/* pages of all areas */

/*
 * vmalloc_preallocate_pgds - give every PGD entry of the vmalloc range
 * in @pgd a PUD page. Called once at boot on swapper_pg_dir. Returns 0 or
 * -ENOMEM.
 */
int vmalloc_preallocate_pgds(pgd_t *pgd)
{
	for (unsigned long a = VMALLOC_START; a - 1 < VMALLOC_END; a += PGDIR_SIZE)
		if (!pud_alloc_kernel(p4d_offset(pgd_offset_pgd(pgd, a), a), a))
			return -ENOMEM;
	return 0;
}

/* vmalloc_init - report the vmalloc range at boot (its PGD entries were
 * made by vmalloc_preallocate_pgds()). */
void vmalloc_init(void)
{
	pr_info("vmalloc: %#lx-%#lx, %lu PGD entries preallocated\n",
		VMALLOC_START, VMALLOC_END,
		(VMALLOC_END - VMALLOC_START + 1) >> PGDIR_SHIFT);
}

/* First fit: insert @vm (size set) into vmlist and set vm->addr. Returns
 * 0, or -ENOMEM when the area is full. vmap_area_lock held. */
static int insert_vmap_area(struct vm_struct *vm)
{
	struct vm_struct **link = &vmlist;
	unsigned long addr = VMALLOC_START;

	lockdep_assert_held(&vmap_area_lock);
	while (*link && (*link)->addr < addr + vm->size) {
		addr = (*link)->addr + (*link)->size;
		link = &(*link)->next;
	}
	if (addr + vm->size - 1 > VMALLOC_END || addr + vm->size < addr)
		return -ENOMEM;
	vm->addr = addr;
	vm->next = *link;
	*link = vm;
	nr_vmap_areas++;
	return 0;
}

static void remove_vmap_area(struct vm_struct *vm)
{
	struct vm_struct **link = &vmlist;

	while (*link != vm)
		link = &(*link)->next;
	*link = vm->next;
	nr_vmap_areas--;
}

/* vmap_pages_pte_range - map pages[*nr..] at [addr, end), within one
 * PTE table under @pmd, advancing *nr. 0 or -ENOMEM. */
static int vmap_pages_pte_range(pmd_t *pmd, unsigned long addr,
				unsigned long end, struct page **pages, int *nr)
{
	pte_t *pte = pte_alloc_kernel(pmd, addr);

	if (!pte)
		return -ENOMEM;
	do {
		BUG_ON(!pte_none(*pte));
		set_pte(pte, pfn_pte(page_to_pfn(pages[(*nr)++]), PAGE_KERNEL));
	} while (pte++, addr += PAGE_SIZE, addr != end);
	return 0;
}

/* vmap_pages_pmd_range - vmap_pages_pte_range() for each PTE table under
 * @pud in [addr, end). */
static int vmap_pages_pmd_range(pud_t *pud, unsigned long addr,
				unsigned long end, struct page **pages, int *nr)
{
	pmd_t *pmd = pmd_alloc_kernel(pud, addr);
	unsigned long next;

	if (!pmd)
		return -ENOMEM;
	do {
		next = pmd_addr_end(addr, end);
		if (vmap_pages_pte_range(pmd, addr, next, pages, nr))
			return -ENOMEM;
	} while (pmd++, addr = next, addr != end);
	return 0;
}

/* vmap_pages_pud_range - vmap_pages_pmd_range() for each PMD table under
 * @p4d in [addr, end). */
static int vmap_pages_pud_range(p4d_t *p4d, unsigned long addr,
				unsigned long end, struct page **pages, int *nr)
{
	pud_t *pud;
	unsigned long next;

	BUG_ON(p4d_none(*p4d));	/* preallocated at boot */
	pud = pud_offset(p4d, addr);
	do {
		next = pud_addr_end(addr, end);
		if (vmap_pages_pmd_range(pud, addr, next, pages, nr))
			return -ENOMEM;
	} while (pud++, addr = next, addr != end);
	return 0;
}

/* vmap_pages_p4d_range - vmap_pages_pud_range() for the (folded) p4d
 * entries under @pgd in [addr, end). */
static int vmap_pages_p4d_range(pgd_t *pgd, unsigned long addr,
				unsigned long end, struct page **pages, int *nr)
{
	p4d_t *p4d = p4d_offset(pgd, addr);
	unsigned long next;

	do {
		next = p4d_addr_end(addr, end);
		if (vmap_pages_pud_range(p4d, addr, next, pages, nr))
			return -ENOMEM;
	} while (p4d++, addr = next, addr != end);
	return 0;
}

/*
 * vmap_pages_range - map pages[0..] at [addr, end) in swapper_pg_dir,
 * one level at a time as Linux's vmap_pages_{pmd,pte}_range do: *nr
 * counts the pages used. 0 or -ENOMEM (the tables made stay, the PTEs
 * set are vunmap_range's to clear).
 *
 * No lock: the tables are made under init_mm.page_table_lock by
 * p?d_alloc_kernel, and the PTEs of an area vmalloc reserved are this
 * caller's alone (as in Linux's vmap_pte_range).
 */
static int vmap_pages_range(unsigned long addr, unsigned long end,
			    struct page **pages)
{
	pgd_t *pgd = pgd_offset_pgd(init_mm.pgd, addr);
	unsigned long next;
	int nr = 0;

	do {
		next = pgd_addr_end(addr, end);
		if (vmap_pages_p4d_range(pgd, addr, next, pages, &nr))
			return -ENOMEM;
	} while (pgd++, addr = next, addr != end);
	return 0;
}

/* vunmap_pte_range - clear the present PTEs of [addr, end) under @pmd,
 * each flushed from this CPU's TLB. init_mm.page_table_lock held. */
static void vunmap_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end)
{
	pte_t *pte = pte_offset_kernel(pmd, addr);

	do {
		if (!pte_none(*pte)) {
			pte_clear(pte);
			__flush_tlb_one_kernel(addr);
		}
	} while (pte++, addr += PAGE_SIZE, addr != end);
}

/* vunmap_pmd_range - vunmap_pte_range() for each PTE table under @pud
 * in [addr, end); a missing table is skipped with its span. */
static void vunmap_pmd_range(pud_t *pud, unsigned long addr, unsigned long end)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*pmd))
			continue;
		BUG_ON(pmd_leaf(*pmd));	/* vmalloc maps 4 KiB pages only */
		vunmap_pte_range(pmd, addr, next);
	} while (pmd++, addr = next, addr != end);
}

/* vunmap_pud_range - vunmap_pmd_range() for each PMD table under @p4d
 * in [addr, end). */
static void vunmap_pud_range(p4d_t *p4d, unsigned long addr, unsigned long end)
{
	pud_t *pud = pud_offset(p4d, addr);
	unsigned long next;

	do {
		next = pud_addr_end(addr, end);
		if (!pud_none(*pud))
			vunmap_pmd_range(pud, addr, next);
	} while (pud++, addr = next, addr != end);
}

/* vunmap_p4d_range - vunmap_pud_range() for the (folded) p4d entries
 * under @pgd in [addr, end). */
static void vunmap_p4d_range(pgd_t *pgd, unsigned long addr, unsigned long end)
{
	p4d_t *p4d = p4d_offset(pgd, addr);
	unsigned long next;

	do {
		next = p4d_addr_end(addr, end);
		if (!p4d_none(*p4d))
			vunmap_pud_range(p4d, addr, next);
	} while (p4d++, addr = next, addr != end);
}

/*
 * vunmap_range - clear the PTEs of [addr, addr+size) and flush them from
 * the TLB. The page-table pages stay, as in Linux: kernel page tables
 * below the preallocated PGD entries are never freed.
 */
static void vunmap_range(unsigned long addr, unsigned long size)
{
	unsigned long end = addr + size, next;
	pgd_t *pgd = pgd_offset_pgd(init_mm.pgd, addr);

	spin_lock(&init_mm.page_table_lock);
	do {
		next = pgd_addr_end(addr, end);
		if (!pgd_none(*pgd))
			vunmap_p4d_range(pgd, addr, next);
	} while (pgd++, addr = next, addr != end);
	spin_unlock(&init_mm.page_table_lock);
}

static void free_vm_pages(struct vm_struct *vm, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		__free_page(vm->pages[i]);
	kfree(vm->pages);
}

/* __vmalloc - @size bytes (page rounded) of virtually contiguous memory,
 * zeroed when @gfp has __GFP_ZERO. NULL for 0 bytes or when memory is out. */
static void *__vmalloc(unsigned long size, gfp_t gfp)
{
	struct vm_struct *vm;
	unsigned long flags;
	unsigned int i;

	if (!size || size > VMALLOC_END - VMALLOC_START)
		return NULL;
	vm = kzalloc(sizeof(*vm), GFP_KERNEL);
	if (!vm)
		return NULL;
	vm->nr_pages = PAGE_ALIGN(size) >> PAGE_SHIFT;
	vm->size = (vm->nr_pages + 1UL) << PAGE_SHIFT;	/* + guard page */
	vm->pages = kmalloc(vm->nr_pages * sizeof(struct page *), GFP_KERNEL);
	if (!vm->pages)
		goto free_vm;
	for (i = 0; i < vm->nr_pages; i++) {
		vm->pages[i] = alloc_page(gfp);
		if (!vm->pages[i])
			goto free_pages;
	}
	spin_lock_irqsave(&vmap_area_lock, flags);
	if (insert_vmap_area(vm)) {
		spin_unlock_irqrestore(&vmap_area_lock, flags);
		goto free_pages;
	}
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	if (vmap_pages_range(vm->addr, vm->addr +
			     ((unsigned long)vm->nr_pages << PAGE_SHIFT), vm->pages))
		goto unmap;
	atomic_long_add(vm->nr_pages, &nr_vmalloc_pages);
	return (void *)vm->addr;

unmap:
	vunmap_range(vm->addr, vm->size);
	spin_lock_irqsave(&vmap_area_lock, flags);
	remove_vmap_area(vm);
	spin_unlock_irqrestore(&vmap_area_lock, flags);
free_pages:
	free_vm_pages(vm, i);
free_vm:
	kfree(vm);
	return NULL;
}

/* vmalloc - @size bytes, virtually contiguous, or NULL. */
void *vmalloc(unsigned long size)
{
	return __vmalloc(size, GFP_KERNEL);
}

/* vzalloc - vmalloc(), zeroed. */
void *vzalloc(unsigned long size)
{
	return __vmalloc(size, GFP_KERNEL | __GFP_ZERO);
}

/* find_vm_area - the area that starts at @addr, or NULL. */
struct vm_struct *find_vm_area(const void *addr)
{
	struct vm_struct *vm;
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	for (vm = vmlist; vm && vm->addr != (unsigned long)addr; vm = vm->next)
		;
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return vm;
}

/* vfree - unmap and free what vmalloc() returned; NULL is ignored, any
 * other address that vmalloc did not return is a kernel bug. */
void vfree(const void *addr)
{
	struct vm_struct *vm;
	unsigned long flags;

	if (!addr)
		return;
	vm = find_vm_area(addr);
	if (!vm)
		panic("vfree: bad address %p", addr);
	vunmap_range(vm->addr, vm->size);
	spin_lock_irqsave(&vmap_area_lock, flags);
	remove_vmap_area(vm);
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	atomic_long_add(-(long)vm->nr_pages, &nr_vmalloc_pages);
	free_vm_pages(vm, vm->nr_pages);
	kfree(vm);
}

/* vmalloc_nr_pages - the pages vmalloc() holds now (/proc/meminfo's
 * VmallocUsed), as Linux's. */
unsigned long vmalloc_nr_pages(void)
{
	return atomic_long_read(&nr_vmalloc_pages);
}

/* vmalloc_nr_areas - the vmalloc areas that exist now. */
unsigned long vmalloc_nr_areas(void)
{
	return READ_ONCE(nr_vmap_areas);
}
