// SPDX-License-Identifier: GPL-2.0
/*
 * paging_init(): build swapper_pg_dir, the kernel's top-level table
 * (Documentation/mm/virtual-layout.md), and switch to it:
 *   kernel image   text RX, rodata R+NX, data/bss RW+NX, kallsyms R+NX,
 *                  4 KiB pages so each part gets its own permissions
 *   direct map     every RAM range at PAGE_OFFSET, RW+NX, 2 MiB pages
 *                  where alignment allows
 *   vmalloc        every PGD entry of the area, preallocated
 * Entries 256..511 are the kernel half that pgd_alloc() copies.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/vmalloc.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/tlbflush.h>

pgd_t swapper_pg_dir[PTRS_PER_TABLE] __aligned(PAGE_SIZE);
extern char __start_kallsyms[];

static void map_image_part(char *start, char *end, pgprot_t prot)
{
	unsigned long s = (unsigned long)start, e = PAGE_ALIGN((unsigned long)end);

	if (kernel_map_range(swapper_pg_dir, s, __pa(start), e - s, prot, false))
		panic("out of memory mapping the kernel image");
}

static void map_kernel_image(void)
{
	map_image_part(_text, _etext, PAGE_KERNEL_ROX);
	map_image_part(__start_rodata, __end_rodata, PAGE_KERNEL_RO);
	map_image_part(_sdata, __bss_stop, PAGE_KERNEL);
	if ((unsigned long)_end > (unsigned long)__start_kallsyms)
		map_image_part(__start_kallsyms, _end, PAGE_KERNEL_RO);
}

static void map_direct(void)
{
	struct memblock_region *r;
	unsigned long i;

	for_each_mem_region(i, r)
		if (kernel_map_range(swapper_pg_dir, (unsigned long)__va(r->base),
				     r->base, r->size, PAGE_KERNEL, true))
			panic("out of memory building the direct map");
}

void paging_init(void)
{
	map_kernel_image();
	map_direct();
	if (vmalloc_preallocate_pgds(swapper_pg_dir))
		panic("out of memory preallocating vmalloc PGD entries");
	write_cr3(__pa(swapper_pg_dir));
	cpu_init_features();
	__flush_tlb_all();
	pr_info("swapper_pg_dir: %p (phys %#llx), kernel half: entries %d..%d\n",
		swapper_pg_dir, (unsigned long long)__pa(swapper_pg_dir),
		KERNEL_PGD_BOUNDARY, PTRS_PER_TABLE - 1);
}
