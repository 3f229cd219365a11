/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_TRAPS_H
#define _ASM_X86_TRAPS_H

#include <linux/types.h>
#include <asm/ptrace.h>

#define X86_TRAP_DE	0
#define X86_TRAP_NMI	2
#define X86_TRAP_BP	3
#define X86_TRAP_UD	6
#define X86_TRAP_DF	8
#define X86_TRAP_GP	13
#define X86_TRAP_PF	14
#define FIRST_EXTERNAL_VECTOR	32
#define IRQ0_VECTOR	FIRST_EXTERNAL_VECTOR
#define NR_LEGACY_IRQS	16

/* Page-fault error code bits. */
#define X86_PF_PROT	(1UL << 0)
#define X86_PF_WRITE	(1UL << 1)
#define X86_PF_USER	(1UL << 2)
#define X86_PF_RSVD	(1UL << 3)
#define X86_PF_INSTR	(1UL << 4)
#define X86_PF_PK	(1UL << 5)

typedef void (*irq_handler_t)(struct pt_regs *regs);

void do_interrupt(struct pt_regs *regs);
void i8259_eoi(unsigned int irq);
void i8259_unmask(unsigned int irq);
bool do_syscall_64(struct pt_regs *regs);	/* from entry_SYSCALL_64 */
void exc_page_fault(struct pt_regs *regs, unsigned long error_code);
void request_irq(unsigned int irq, irq_handler_t handler);
__attribute__((noreturn)) void die(const char *str, struct pt_regs *regs,
				   unsigned long err);
void show_regs(const struct pt_regs *regs);
void show_trace(unsigned long ip, unsigned long bp);
bool fixup_exception(struct pt_regs *regs);

#endif
