/* SPDX-License-Identifier: GPL-2.0 */
/* The x86 hooks of <linux/mmu_context.h>. */
#ifndef _ASM_X86_MMU_CONTEXT_H
#define _ASM_X86_MMU_CONTEXT_H

#include <linux/pgtable.h>
#include <asm/processor.h>
#include <asm/tlbflush.h>

/* load_new_mm_cr3 - make @pgd this CPU's page table (one counted CR3
 * write; without PCID the CPU drops its non-global translations). */
static inline void load_new_mm_cr3(pgd_t *pgd)
{
	write_cr3(__pa(pgd));
}

static inline unsigned long read_cr3_pa(void)
{
	return __read_cr3() & PTE_PFN_MASK;
}

#endif
