/* SPDX-License-Identifier: GPL-2.0 */
/*
 * TLB flushes on the hosted target drop entries of the simulated TLB
 * (arch/hosted/mm/mmu.c), so a flush the kernel forgets leaves a stale
 * translation that a test can see. Counted like on x86.
 */
#ifndef _ASM_HOSTED_TLBFLUSH_H
#define _ASM_HOSTED_TLBFLUSH_H

#include <linux/vm_event.h>

extern unsigned long hosted_cr3;

void hosted_tlb_flush_one(unsigned long addr);
void hosted_tlb_flush_all(bool global);

/* write_cr3 - load a page table: non-global translations go. Not
 * counted itself, as on x86: callers count what it is for. */
static inline void write_cr3(unsigned long pa)
{
	hosted_cr3 = pa;
	hosted_tlb_flush_all(false);
}

/* __flush_tlb_one_user - drop the translation of one user page. */
static inline void __flush_tlb_one_user(unsigned long addr)
{
	count_vm_event(NR_TLB_LOCAL_FLUSH_ONE);
	hosted_tlb_flush_one(addr);
}

/* __flush_tlb_one_kernel - drop the translation of one kernel page. */
static inline void __flush_tlb_one_kernel(unsigned long addr)
{
	count_vm_event(NR_TLB_LOCAL_FLUSH_ONE);
	hosted_tlb_flush_one(addr);
}

static inline void __flush_tlb_all(void)
{
	count_vm_event(NR_TLB_LOCAL_FLUSH_ALL);
	hosted_tlb_flush_all(true);
}

#endif
