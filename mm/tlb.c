// SPDX-License-Identifier: GPL-2.0
/*
 * User TLB flushes: flush_tlb_mm_range() and the flush of a range walk's
 * gather (struct tlb_range, in internal.h; Linux's mm/mmu_gather.c plays
 * this part). In Linux flush_tlb_mm_range() is x86 code
 * (arch/x86/mm/tlb.c); here it is generic so that arch/hosted runs the
 * same flush policy over its software TLB, and a forgotten or too-small
 * flush shows as a stale translation in a hosted test (see
 * Documentation/design-differences.md). A target supplies only the
 * machine operations, in <asm/tlbflush.h>.
 */
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/mm.h>
#include <linux/smp.h>
#include <linux/vm_event.h>
#include <asm/mmu_context.h>
#include <asm/tlbflush.h>
#include "internal.h"

/*
 * flush_tlb_mm_range - drop this CPU's translations of [start, end) of
 * @mm, if @mm is loaded here: page by page up to 33 pages (Linux's
 * tlb_single_page_flush_ceiling), otherwise all non-global ones. Only
 * this CPU is flushed, unlike Linux's, which also shoots down the other
 * CPUs in the mm's cpumask: mmos runs on one CPU (nr_tlb_remote_flush
 * stays 0). A second CPU needs the IPI here first.
 */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start,
			unsigned long end)
{
	if (!cpumask_test_cpu(smp_processor_id(), &mm->cpu_bitmap) || start >= end)
		return;
	if ((end - start) >> PAGE_SHIFT > 33) {
		count_vm_event(NR_TLB_LOCAL_FLUSH_ALL);
		write_cr3(read_cr3_pa());
		return;
	}
	for (unsigned long a = start; a < end; a += PAGE_SIZE)
		__flush_tlb_one_user(a);
}

/* tlb_range_flush - flush what was gathered (nothing if nothing was),
 * and start gathering anew. */
void tlb_range_flush(struct tlb_range *tlb)
{
	flush_tlb_mm_range(tlb->mm, tlb->start, tlb->end);
	tlb_range_init(tlb, tlb->mm);
}
