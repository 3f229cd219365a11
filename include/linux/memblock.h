/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memblock: the boot-time physical memory map. RAM regions come from
 * firmware (the PVH memory map); reserved regions are the kernel image,
 * the initrd, the first MiB and everything memblock_alloc() hands out.
 * memblock_free_all() later gives RAM minus reserved to the buddy
 * allocator.
 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/types.h>

#define INIT_MEMBLOCK_REGIONS	128

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
};

struct memblock_type {
	unsigned long cnt;
	struct memblock_region regions[INIT_MEMBLOCK_REGIONS];
	const char *name;
};

struct memblock {
	phys_addr_t current_limit;	/* memblock_alloc stays below this */
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
int memblock_remove(phys_addr_t base, phys_addr_t size);
bool memblock_is_reserved(phys_addr_t addr);
bool memblock_is_memory(phys_addr_t addr);
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align);
void *memblock_alloc(phys_addr_t size, phys_addr_t align);
phys_addr_t memblock_end_of_DRAM(void);
phys_addr_t memblock_phys_mem_size(void);
void memblock_cap_memory(phys_addr_t limit);
void memblock_dump_all(void);
void memblock_reset(void);

#define for_each_mem_region(i, r)					\
	for ((i) = 0, (r) = &memblock.memory.regions[0];		\
	     (i) < memblock.memory.cnt; (i)++, (r)++)

#endif
