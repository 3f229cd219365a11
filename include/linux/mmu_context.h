/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loading address spaces. The architecture provides, in <asm/mmu_context.h>:
 *   load_new_mm_cr3(pgd)   make @pgd the CPU's page table (a CR3 write)
 *   read_cr3_pa()          the physical address now in CR3
 *   arch_flush_tlb_all()   drop every non-global translation
 * The rest of this file is the same on every target.
 */
#ifndef _LINUX_MMU_CONTEXT_H
#define _LINUX_MMU_CONTEXT_H

#include <linux/mm_types.h>

struct task_struct;

void switch_mm_irqs_off(struct mm_struct *prev, struct mm_struct *next,
			struct task_struct *tsk);
void switch_mm(struct mm_struct *prev, struct mm_struct *next,
	       struct task_struct *tsk);
void enter_lazy_tlb(struct mm_struct *mm, struct task_struct *tsk);
void activate_mm(struct mm_struct *prev, struct mm_struct *next);
void check_mm_invariants(struct task_struct *tsk);

#endif
