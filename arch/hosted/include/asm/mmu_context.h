/* SPDX-License-Identifier: GPL-2.0 */
/* The hosted hooks of <linux/mmu_context.h>: CR3 is a variable. */
#ifndef _ASM_HOSTED_MMU_CONTEXT_H
#define _ASM_HOSTED_MMU_CONTEXT_H

#include <linux/pgtable.h>
#include <asm/tlbflush.h>

static inline void load_new_mm_cr3(pgd_t *pgd)
{
	write_cr3(__pa(pgd));
}

static inline unsigned long read_cr3_pa(void)
{
	return hosted_cr3;
}

#endif
