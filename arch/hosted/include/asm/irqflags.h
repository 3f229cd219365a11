/* SPDX-License-Identifier: GPL-2.0 */
/* A hosted program has no interrupts: saving and restoring is a no-op. */
#ifndef _ASM_HOSTED_IRQFLAGS_H
#define _ASM_HOSTED_IRQFLAGS_H

static inline unsigned long arch_local_irq_save(void) { return 0; }
static inline void arch_local_irq_restore(unsigned long flags) { (void)flags; }
static inline void arch_local_irq_disable(void) { }
static inline void arch_local_irq_enable(void) { }
static inline bool arch_irqs_disabled(void) { return true; }

#endif
