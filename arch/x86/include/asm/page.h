/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86-64 virtual layout (Linux's 4-level layout, Documentation/mm/virtual-layout.md):
 *   user          0 .. TASK_SIZE                  PGD entries 0..255
 *   direct map    PAGE_OFFSET ..                  all RAM, __va()/__pa()
 *   vmalloc       VMALLOC_START .. VMALLOC_END    PGD entries made at boot
 *   kernel image  __START_KERNEL_map ..           phys 0 maps here
 */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#ifndef __ASSEMBLY__
#include <linux/types.h>
#endif

#ifdef __ASSEMBLY__
#define _AC(x, y)	x
#else
#define __AC(x, y)	x##y
#define _AC(x, y)	__AC(x, y)
#endif

#define PAGE_SHIFT		12
#define PAGE_SIZE		(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))

#define __START_KERNEL_map	_AC(0xffffffff80000000, UL)
#define __PHYSICAL_START	_AC(0x1000000, UL)
#define PAGE_OFFSET		_AC(0xffff888000000000, UL)
#define VMALLOC_START		_AC(0xffffc90000000000, UL)
#define VMALLOC_END		_AC(0xffffe8ffffffffff, UL)
#define TASK_SIZE		_AC(0x00007ffffffff000, UL)

#ifndef __ASSEMBLY__
/* __pa - physical address of a direct-map or kernel-image address. */
static inline phys_addr_t __pa(const volatile void *x)
{
	unsigned long v = (unsigned long)x;

	if (v >= __START_KERNEL_map)
		return v - __START_KERNEL_map;
	return v - PAGE_OFFSET;
}

/* __va - the direct-map address of physical address @pa. */
static inline void *__va(phys_addr_t pa)
{
	return (void *)(pa + PAGE_OFFSET);
}
#endif

#endif
