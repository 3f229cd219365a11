// SPDX-License-Identifier: GPL-2.0
/*
 * Loading an address space on this CPU, and the invariants that hold
 * after every switch (Documentation/mm/process-address-space.md,
 * "context_switch: the four cases").
 *
 * A CPU is "lazy" while it runs a kernel thread on a borrowed mm: the
 * borrowed page tables stay loaded (no CR3 write) and the CPU stays in
 * that mm's cpu_bitmap, because its TLB may still hold the mm's
 * translations. It leaves lazy mode at the next switch_mm().
 */
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/mmu_context.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/vm_event.h>
#include <asm/irqflags.h>
#include <asm/mmu_context.h>

static bool cpu_is_lazy[NR_CPUS];

/*
 * switch_mm_irqs_off - load @next on this CPU, coming from @prev.
 * Interrupts off. CR3 is written only when the two differ: threads of
 * one process, or a kernel thread handing back the mm it borrowed from
 * @next's process, keep the loaded tables and the TLB.
 */
void switch_mm_irqs_off(struct mm_struct *prev, struct mm_struct *next,
			struct task_struct *tsk)
{
	int cpu = smp_processor_id();

	lockdep_assert_irqs_disabled();
	cpu_is_lazy[cpu] = false;
	if (prev == next) {
		cpumask_set_cpu(cpu, &next->cpu_bitmap);
		return;
	}
	cpumask_set_cpu(cpu, &next->cpu_bitmap);
	count_vm_event(SWITCH_MM_CR3);
	load_new_mm_cr3(next->pgd);
	/* Without PCID the CR3 write dropped prev's translations here. */
	cpumask_clear_cpu(cpu, &prev->cpu_bitmap);
}

/* switch_mm - switch_mm_irqs_off() with interrupts turned off around it. */
void switch_mm(struct mm_struct *prev, struct mm_struct *next,
	       struct task_struct *tsk)
{
	unsigned long flags = arch_local_irq_save();

	switch_mm_irqs_off(prev, next, tsk);
	arch_local_irq_restore(flags);
}

/* activate_mm - load the mm exec just built (exec_mmap). */
void activate_mm(struct mm_struct *prev, struct mm_struct *next)
{
	switch_mm(prev, next, current);
}

/*
 * enter_lazy_tlb - this CPU now runs a task that has no mm of its own
 * on @mm's page tables. Counted once per entry into lazy mode.
 */
void enter_lazy_tlb(struct mm_struct *mm, struct task_struct *tsk)
{
	int cpu = smp_processor_id();

	if (!cpu_is_lazy[cpu]) {
		cpu_is_lazy[cpu] = true;
		count_vm_event(LAZY_TLB_ENTER);
	}
}

/* A kernel thread may have an mm only between kthread_use_mm() and
 * kthread_unuse_mm(). */

/*
 * check_mm_invariants - the rules for the task now running
 * (Documentation/mm/process-address-space.md, "Invariants"):
 * CR3 holds active_mm's pgd; this CPU is in its cpu_bitmap; something
 * holds it (mm_count > 0); a user task runs on its own mm; a kernel
 * thread has none (unless it is using one); the pgd's kernel half is
 * swapper_pg_dir's. Called after every switch in debug builds.
 */
void check_mm_invariants(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->active_mm;

	BUG_ON(!mm);
	BUG_ON(read_cr3_pa() != __pa(mm->pgd));
	BUG_ON(!cpumask_test_cpu(smp_processor_id(), &mm->cpu_bitmap));
	BUG_ON(atomic_read(&mm->mm_count) <= 0);
	BUG_ON(tsk->mm && tsk->mm != mm);
	BUG_ON((tsk->flags & PF_KTHREAD) && tsk->mm && !kthread_uses_mm(tsk));
	BUG_ON(memcmp(mm->pgd + KERNEL_PGD_BOUNDARY,
		      swapper_pg_dir + KERNEL_PGD_BOUNDARY,
		      KERNEL_PGD_PTRS * sizeof(pgd_t)));
}
