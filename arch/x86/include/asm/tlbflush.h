/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_TLBFLUSH_H
#define _ASM_X86_TLBFLUSH_H

#include <linux/types.h>

/* __flush_tlb_one_kernel - drop this CPU's translation of one page. */
static inline void __flush_tlb_one_kernel(unsigned long addr)
{
	__asm__ volatile("invlpg (%0)" :: "r"(addr) : "memory");
}

/*
 * __flush_tlb_all - drop every translation, global ones too: toggling
 * CR4.PGE is the architectural way to flush global entries.
 */
static inline void __flush_tlb_all(void)
{
	unsigned long cr4;

	__asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
	if (cr4 & (1UL << 7)) {
		__asm__ volatile("mov %0, %%cr4" :: "r"(cr4 & ~(1UL << 7)) : "memory");
		__asm__ volatile("mov %0, %%cr4" :: "r"(cr4) : "memory");
	} else {
		__asm__ volatile("mov %%cr3, %%rax; mov %%rax, %%cr3" ::: "rax", "memory");
	}
}

/* load_cr3 - switch to the page tables at physical address @pa. */
static inline void native_write_cr3(unsigned long pa)
{
	__asm__ volatile("mov %0, %%cr3" :: "r"(pa) : "memory");
}

#endif
