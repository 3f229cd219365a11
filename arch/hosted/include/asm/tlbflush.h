/* SPDX-License-Identifier: GPL-2.0 */
/*
 * TLB flushes on the hosted target. Until the simulated TLB arrives
 * (arch/hosted issue) there is nothing cached to drop; the calls are
 * counted so tests can see that the kernel code made them.
 */
#ifndef _ASM_HOSTED_TLBFLUSH_H
#define _ASM_HOSTED_TLBFLUSH_H

extern unsigned long hosted_nr_flush_one, hosted_nr_flush_all;

static inline void __flush_tlb_one_kernel(unsigned long addr)
{
	(void)addr;
	hosted_nr_flush_one++;
}

static inline void __flush_tlb_all(void)
{
	hosted_nr_flush_all++;
}

#endif
