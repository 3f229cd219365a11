/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A hosted program gets no interrupts, but it keeps the interrupt flag
 * as the CPU would, so that what the kernel asserts about it
 * (arch_irqs_disabled() where interrupts must be off) is checked on this
 * target too. Off until hosted_boot() ends, as on a CPU at boot.
 */
#ifndef _ASM_HOSTED_IRQFLAGS_H
#define _ASM_HOSTED_IRQFLAGS_H

#include <linux/types.h>

extern bool hosted_irqs_enabled;

static inline void arch_local_irq_disable(void)
{
	hosted_irqs_enabled = false;
}

static inline void arch_local_irq_enable(void)
{
	hosted_irqs_enabled = true;
}

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = hosted_irqs_enabled;

	hosted_irqs_enabled = false;
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	hosted_irqs_enabled = flags;
}

static inline bool arch_irqs_disabled(void)
{
	return !hosted_irqs_enabled;
}

#endif
