/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/hosted: the kernel's memory code as an ordinary Linux program.
 * "Physical memory" is one host array, hosted_phys_mem; its first page
 * is swapper_pg_dir. The direct map is that array itself, so __va/__pa
 * are an offset. The other kernel ranges (vmalloc, later the user half)
 * exist only in the simulated page tables: tests reach them by walking
 * those tables (kernel_translate), as the hardware would.
 */
#ifndef _ASM_HOSTED_PAGE_H
#define _ASM_HOSTED_PAGE_H

#include <linux/types.h>

#define PAGE_SHIFT		12
#define PAGE_SIZE		(1UL << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))

/* Same layout constants as arch/x86 (Documentation/mm/virtual-layout.md). */
#define VMALLOC_START		0xffffc90000000000UL
#define VMALLOC_END		0xffffe8ffffffffffUL
#define TASK_SIZE		0x00007ffffffff000UL

#define HOSTED_PHYS_SIZE	(64UL << 20)

extern char hosted_phys_mem[HOSTED_PHYS_SIZE];

static inline phys_addr_t __pa(const volatile void *x)
{
	return (const volatile char *)x - hosted_phys_mem;
}

static inline void *__va(phys_addr_t pa)
{
	return hosted_phys_mem + pa;
}

#endif
