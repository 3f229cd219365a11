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

/*
 * vmalloc_preallocate_pgds - give every PGD entry of the vmalloc range
 * in @pgd a PUD page. Called once at boot on swapper_pg_dir. Returns 0 or
 * -ENOMEM.
 */
int vmalloc_preallocate_pgds(pgd_t *pgd)
{
	for (unsigned long a = VMALLOC_START; a - 1 < VMALLOC_END; a += PGDIR_SIZE)
		if (!pud_alloc_kernel(pgd_offset_pgd(pgd, a), a))
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

/* vmap_pages_range - map @n pages at @addr in swapper_pg_dir. */
static int vmap_pages_range(unsigned long addr, struct page **pages,
			    unsigned int n)
{
	int err = 0;

	/* No lock: the tables are made under init_mm.page_table_lock by
	 * pmd/pte_alloc_kernel, and the PTEs of an area vmalloc reserved
	 * are this caller's alone (as in Linux's vmap_pte_range). */
	for (unsigned int i = 0; i < n && !err; i++, addr += PAGE_SIZE) {
		pgd_t *pgd = pgd_offset_pgd(init_mm.pgd, addr);
		pud_t *pud;
		pmd_t *pmd;
		pte_t *pte;

		BUG_ON(pgd_none(*pgd));	/* preallocated at boot */
		pud = pud_offset(pgd, addr);
		pmd = pmd_alloc_kernel(pud, addr);
		pte = pmd ? pte_alloc_kernel(pmd, addr) : NULL;
		if (!pte) {
			err = -ENOMEM;
			break;
		}
		BUG_ON(!pte_none(*pte));
		set_pte(pte, pfn_pte(page_to_pfn(pages[i]), PAGE_KERNEL));
	}
	return err;
}

/*
 * vunmap_range - clear the PTEs of [addr, addr+size) and flush them from
 * the TLB. The page-table pages stay, as in Linux: kernel page tables
 * below the preallocated PGD entries are never freed.
 */
static void vunmap_range(unsigned long addr, unsigned long size)
{
	spin_lock(&init_mm.page_table_lock);
	for (unsigned long a = addr; a < addr + size; a += PAGE_SIZE) {
		pte_t *pte = lookup_kernel_pte(init_mm.pgd, a);

		if (pte && !pte_none(*pte)) {
			pte_clear(pte);
			__flush_tlb_one_kernel(a);
		}
	}
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
	if (vmap_pages_range(vm->addr, vm->pages, vm->nr_pages))
		goto unmap;
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
	free_vm_pages(vm, vm->nr_pages);
	kfree(vm);
}

/* vmalloc_nr_areas - the vmalloc areas that exist now. */
unsigned long vmalloc_nr_areas(void)
{
	return READ_ONCE(nr_vmap_areas);
}
