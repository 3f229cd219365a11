// SPDX-License-Identifier: GPL-2.0
/*
 * Exceptions and interrupts: do_interrupt() is where every vector lands.
 * An exception in the kernel is either fixed up through the exception
 * table or is a kernel bug, reported by die() with registers and a
 * backtrace before panic(). User-mode exceptions arrive with user tasks.
 */
#include <linux/entry-common.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <asm/desc.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/traps.h>


static const char *const exception_names[32] = {
	"divide error", "debug", "NMI", "int3", "overflow", "bounds",
	"invalid opcode", "device not available", "double fault",
	"coprocessor segment overrun", "invalid TSS", "segment not present",
	"stack segment", "general protection fault", "page fault", "reserved",
	"x87 FPU error", "alignment check", "machine check", "SIMD exception",
	"virtualization exception", "control protection", NULL, NULL, NULL,
	NULL, NULL, NULL, "hypervisor injection", "VMM communication",
	"security exception", NULL,
};

static irq_handler_t irq_handlers[NR_LEGACY_IRQS];

/* request_irq - call @handler for legacy IRQ line @irq. */
void request_irq(unsigned int irq, irq_handler_t handler)
{
	BUG_ON(irq >= NR_LEGACY_IRQS);
	irq_handlers[irq] = handler;
}


static void handle_irq(struct pt_regs *regs, unsigned int irq)
{
	if (irq_handlers[irq])
		irq_handlers[irq](regs);
	else
		pr_warn("irq %u: no handler\n", irq);
	i8259_eoi(irq);
}

#define FPE_INTDIV	1	/* si_code: integer divide by zero */
#define ILL_ILLOPN	2	/* si_code: illegal operand */
#define BUS_ADRALN	1	/* si_code: misaligned address */

/*
 * The signal a user-mode exception sends and its si_code, Linux's
 * choices (arch/x86/kernel/traps.c there): the faults that name an
 * instruction carry its address; the rest, a #GP above all (a
 * non-canonical address: the CPU does not say which), say SI_KERNEL.
 */
static const struct {
	u8 sig, code;
} trap_signals[32] = {
	[X86_TRAP_DE] = { SIGFPE, FPE_INTDIV },
	[1] = { SIGTRAP, SI_KERNEL },		/* debug */
	[X86_TRAP_BP] = { SIGTRAP, SI_KERNEL },
	[X86_TRAP_UD] = { SIGILL, ILL_ILLOPN },
	[11] = { SIGBUS, SI_KERNEL },		/* segment not present */
	[12] = { SIGBUS, SI_KERNEL },		/* stack segment */
	[16] = { SIGFPE, SI_KERNEL },		/* x87 error */
	[17] = { SIGBUS, BUS_ADRALN },		/* alignment check */
	[19] = { SIGFPE, SI_KERNEL },		/* SIMD error */
};

/* do_user_trap - a user-mode exception: its signal, with siginfo. */
static void do_user_trap(struct pt_regs *regs)
{
	int sig = trap_signals[regs->vector].sig;
	int code = trap_signals[regs->vector].code;

	if (!sig) {	/* #GP, #TS, #OF, #BR, ...: SIGSEGV */
		sig = SIGSEGV;
		code = SI_KERNEL;
	}
	force_sig_fault(sig, code, code == SI_KERNEL ? 0 : regs->ip);
}

static void do_exception(struct pt_regs *regs)
{
	const char *name = exception_names[regs->vector];

	if (regs->vector == X86_TRAP_PF) {
		exc_page_fault(regs, regs->orig_ax);
		return;
	}
	if (user_mode(regs) && regs->vector != X86_TRAP_DF) {
		pr_info("%s[%d]: %s ip %lx sp %lx error %lx\n", current->comm,
			current->pid, name ? name : "exception", regs->ip, regs->sp,
			regs->orig_ax);
		do_user_trap(regs);
		return;
	}
	if (fixup_exception(regs))
		return;
	die(name ? name : "unknown exception", regs, regs->orig_ax);
}

/* do_interrupt - C entry for every IDT vector (entry_64.S). */
void do_interrupt(struct pt_regs *regs)
{
	unsigned long v = regs->vector;

	if (v < FIRST_EXTERNAL_VECTOR)
		do_exception(regs);
	else if (v < FIRST_EXTERNAL_VECTOR + NR_LEGACY_IRQS)
		handle_irq(regs, v - FIRST_EXTERNAL_VECTOR);
	else
		pr_warn("spurious interrupt vector %lu\n", v);
	if (user_mode(regs)) {
		exit_to_user_mode(regs);
		return;
	}
	/* Kernel preemption: only where the interrupted code allows it. */
	if (need_resched() && !preempt_count() && (regs->flags & X86_EFLAGS_IF))
		preempt_schedule_irq();
}

/* trap_init - the final GDT, the TSS and the IDT. Called first thing in
 * setup_arch() so that even early faults are reported. */
void trap_init(void)
{
	load_gdt_tss();
	idt_setup();
	syscall_init();
}
