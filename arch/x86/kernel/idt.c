// SPDX-License-Identifier: GPL-2.0
/*
 * The IDT: all 256 vectors point at their stub in entry_64.S (16 bytes
 * apart); #DF runs on its own IST stack so that a kernel stack overflow
 * still reaches die() instead of a triple fault.
 */
#include <linux/kernel.h>
#include <asm/desc.h>
#include <asm/segment.h>
#include <asm/setup.h>
#include <asm/traps.h>

extern const char irq_entries_start[];
static struct gate_desc idt_table[256] __aligned(4096);

/* set_intr_gate - vector @n enters at @addr (on IST stack @ist if not 0);
 * @dpl 3 lets user code raise it with an int instruction. */
static void set_intr_gate(unsigned int n, unsigned long addr, unsigned int ist,
			  unsigned int dpl)
{
	struct gate_desc *g = &idt_table[n];

	g->offset_low = addr & 0xffff;
	g->segment = __KERNEL_CS;
	g->ist = ist;
	g->type_attr = 0x8e | dpl << 5;	/* present, 64-bit interrupt gate */
	g->offset_middle = (addr >> 16) & 0xffff;
	g->offset_high = addr >> 32;
	g->reserved = 0;
}

/* idt_setup - fill and load the IDT. int3 is a system gate (DPL 3), as
 * in Linux, so a breakpoint in user code is SIGTRAP, not a #GP. */
void idt_setup(void)
{
	struct desc_ptr d = { sizeof(idt_table) - 1, (u64)idt_table };

	for (unsigned int v = 0; v < 256; v++)
		set_intr_gate(v, (unsigned long)irq_entries_start + 16 * v,
			      v == X86_TRAP_DF ? IST_INDEX_DF : 0,
			      v == X86_TRAP_BP ? 3 : 0);
	__asm__ volatile("lidt %0" :: "m"(d));
}
