/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_TLBFLUSH_H
#define _ASM_X86_TLBFLUSH_H

#include <linux/types.h>
#include <linux/vm_event.h>
#include <asm/processor.h>

/* native_write_cr3 - the raw CR3 load. */
static inline void native_write_cr3(unsigned long pa)
{
	__asm__ volatile("mov %0, %%cr3" :: "r"(pa) : "memory");
}

/* write_cr3 - load page tables at physical @pa. Without PCID this drops
 * every non-global translation of this CPU. Not counted itself: the
 * callers count what the load is for (switch_mm_cr3 in switch_mm,
 * nr_tlb_local_flush_all for a full flush). */
static inline void write_cr3(unsigned long pa)
{
	native_write_cr3(pa);
}

/* __flush_tlb_one_user - drop this CPU's translation of one user page
 * (without PCID or page-table isolation the same invlpg as a kernel
 * page; Linux's name). */
static inline void __flush_tlb_one_user(unsigned long addr)
{
	count_vm_event(NR_TLB_LOCAL_FLUSH_ONE);
	__asm__ volatile("invlpg (%0)" :: "r"(addr) : "memory");
}

/* __flush_tlb_one_kernel - drop this CPU's translation of one kernel
 * page. */
static inline void __flush_tlb_one_kernel(unsigned long addr)
{
	count_vm_event(NR_TLB_LOCAL_FLUSH_ONE);
	__asm__ volatile("invlpg (%0)" :: "r"(addr) : "memory");
}

/*
 * __flush_tlb_all - drop every translation, global ones too: toggling
 * CR4.PGE is the architectural way to flush global entries.
 */
static inline void __flush_tlb_all(void)
{
	unsigned long cr4 = read_cr4();

	count_vm_event(NR_TLB_LOCAL_FLUSH_ALL);
	if (cr4 & X86_CR4_PGE) {
		write_cr4(cr4 & ~X86_CR4_PGE);
		write_cr4(cr4);
	} else {
		native_write_cr3(__read_cr3());
	}
}

#endif
