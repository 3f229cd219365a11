/* SPDX-License-Identifier: GPL-2.0 */
/*
 * TLB flushes on the hosted target. Until the simulated TLB arrives
 * (the arch/hosted issue) nothing is cached to drop; the calls are
 * counted like on x86, so tests can see that the kernel made them.
 */
#ifndef _ASM_HOSTED_TLBFLUSH_H
#define _ASM_HOSTED_TLBFLUSH_H

#include <linux/vm_event.h>

extern unsigned long hosted_cr3;

static inline void write_cr3(unsigned long pa)
{
	count_vm_event(CR3_WRITE);
	hosted_cr3 = pa;
}

static inline void __flush_tlb_one_kernel(unsigned long addr)
{
	(void)addr;
	count_vm_event(NR_TLB_LOCAL_FLUSH_ONE);
}

static inline void __flush_tlb_all(void)
{
	count_vm_event(NR_TLB_LOCAL_FLUSH_ALL);
}

#endif
