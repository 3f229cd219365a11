/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loading address spaces. mm/, the mm parts of kernel/ (fork.c, exit.c,
 * kthread.c, sched/core.c's context_switch) and fs/exec.c build unchanged
 * for arch/x86 and arch/hosted; what differs is behind these hooks:
 *   <asm/mmu_context.h>  load_new_mm_cr3(pgd): make @pgd the page table
 *                        read_cr3_pa(): the physical address in CR3
 *   <asm/tlbflush.h>     write_cr3(), __flush_tlb_one_kernel(),
 *                        __flush_tlb_all(): the (counted) TLB operations
 *   <asm/switch_to.h>    switch_to(prev, next, last): the register switch
 *   <asm/current.h>      current
 *   <asm/page.h>         __va(), __pa(), the layout constants
 *   <asm/pgtable*.h>     the entry format (x86-64's on both), swapper_pg_dir
 *   <asm/uaccess.h>      copy_{from,to}_user() and friends
 *   <asm/irqflags.h>, <asm/processor.h>, <asm/ptrace.h>, <asm/thread.h>
 * and the functions copy_thread(), start_thread(), task_pt_regs(),
 * arch_cpu_idle(), local_clock(). On arch/hosted the MMU and its TLB are
 * software (arch/hosted/mm/mmu.c), so tests see every missed flush.
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
