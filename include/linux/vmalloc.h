/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/types.h>
#include <asm/pgtable_types.h>

/*
 * struct vm_struct - one vmalloc area: [addr, addr + size) of which the
 * last page is an unmapped guard page; pages[] backs the rest.
 * Areas are kept on vmap_area_list, sorted by address, under
 * vmap_area_lock.
 */
struct vm_struct {
	struct vm_struct *next;
	unsigned long addr;
	unsigned long size;
	unsigned int nr_pages;
	struct page **pages;
};

void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void vfree(const void *addr);
struct vm_struct *find_vm_area(const void *addr);
void vmalloc_init(void);
int vmalloc_preallocate_pgds(pgd_t *pgd);
unsigned long vmalloc_nr_areas(void);
unsigned long vmalloc_nr_pages(void);

#endif
