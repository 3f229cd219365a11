/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loading address spaces: switch_mm and the lazy-TLB entry, the same
 * code on every target (mm/mmu_context.c). What differs, the CR3 load
 * and the TLB operations under them, is in the target's asm headers;
 * <linux/arch.h> lists every hook a target provides. On arch/hosted the
 * MMU and its TLB are software (arch/hosted/mm/mmu.c), so tests see
 * every missed flush.
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
