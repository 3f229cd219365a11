/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_IRQFLAGS_H
#define _ASM_X86_IRQFLAGS_H

static inline unsigned long arch_local_save_flags(void)
{
	unsigned long flags;

	__asm__ volatile("pushf; pop %0" : "=rm"(flags) :: "memory");
	return flags;
}

static inline void arch_local_irq_disable(void)
{
	__asm__ volatile("cli" ::: "memory");
}

static inline void arch_local_irq_enable(void)
{
	__asm__ volatile("sti" ::: "memory");
}

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = arch_local_save_flags();

	arch_local_irq_disable();
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	if (flags & (1UL << 9))
		arch_local_irq_enable();
}

static inline bool arch_irqs_disabled(void)
{
	return !(arch_local_save_flags() & (1UL << 9));
}

#endif
