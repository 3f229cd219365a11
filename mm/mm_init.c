// SPDX-License-Identifier: GPL-2.0
/*
 * From memblock to the buddy allocator: mem_map_init() gives every frame
 * up to the end of RAM its struct page; mm_core_init() hands free RAM to
 * the buddy allocator and starts slab and vmalloc.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>


/* mem_map_init - allocate and initialise mem_map[] from memblock. */
void mem_map_init(void)
{
	unsigned long pfns = PFN_DOWN(memblock_end_of_DRAM());

	mem_map = memblock_alloc(pfns * sizeof(struct page), PAGE_SIZE);
	if (!mem_map)
		panic("no memory for mem_map (%lu pages)", pfns);
	free_area_init(pfns);
	pr_info("mem_map: %lu pages, %lu KiB of struct page at %p\n",
		pfns, (unsigned long)(pfns * sizeof(struct page)) >> 10, mem_map);
}

/* mm_core_init - the buddy allocator, slab and vmalloc come up. */
void mm_core_init(void)
{
	unsigned long ram = PFN_DOWN(memblock_phys_mem_size());

	memblock_free_all();
	kmem_cache_init();
	vmalloc_init();
	zero_page_init();
	vma_cache_init();
	pr_info("Memory: %luK/%luK available (%luK reserved)\n",
		nr_free_pages() << 2, ram << 2,
		(ram - totalram_pages()) << 2);
}
