// SPDX-License-Identifier: GPL-2.0
/*
 * Oops reporting: registers in Linux's layout and a frame-pointer
 * backtrace (the kernel is built with -fno-omit-frame-pointer, so every
 * frame starts with the saved rbp and the return address above it).
 */
#include <linux/kernel.h>
#include <linux/arch.h>
#include <linux/kallsyms.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/traps.h>

static void print_ip_sym(const char *prefix, unsigned long ip)
{
	char buf[KSYM_SYMBOL_LEN];

	sprint_symbol(buf, sizeof(buf), ip);
	printk(KERN_EMERG "%s%s\n", prefix, buf);
}

static bool kernel_text_address(unsigned long a)
{
	return a >= (unsigned long)_stext && a < (unsigned long)_etext;
}

/* A plausible frame pointer: 8-aligned, in the kernel half. */
static bool valid_frame(unsigned long bp)
{
	return bp >= PAGE_OFFSET && !(bp & 7);
}

/* show_trace - print @ip (if not 0), then the return addresses of the
 * frames from @bp up, each with its symbol. */
void show_trace(unsigned long ip, unsigned long bp)
{
	printk(KERN_EMERG "Call Trace:\n");
	if (ip)
		print_ip_sym(" ", ip);
	for (int depth = 0; depth < 32 && valid_frame(bp); depth++) {
		unsigned long ret = ((unsigned long *)bp)[1];
		unsigned long next = ((unsigned long *)bp)[0];

		if (!kernel_text_address(ret))
			break;
		print_ip_sym(" ", ret);
		if (next <= bp)
			break;
		bp = next;
	}
}

void show_regs(const struct pt_regs *r)
{
	char sym[KSYM_SYMBOL_LEN];

	sprint_symbol(sym, sizeof(sym), r->ip);
	printk(KERN_EMERG "RIP: %04lx:%s\n", r->cs, sym);
	printk(KERN_EMERG "RSP: %04lx:%016lx EFLAGS: %08lx\n", r->ss, r->sp, r->flags);
	printk(KERN_EMERG "RAX: %016lx RBX: %016lx RCX: %016lx\n", r->ax, r->bx, r->cx);
	printk(KERN_EMERG "RDX: %016lx RSI: %016lx RDI: %016lx\n", r->dx, r->si, r->di);
	printk(KERN_EMERG "RBP: %016lx R08: %016lx R09: %016lx\n", r->bp, r->r8, r->r9);
	printk(KERN_EMERG "R10: %016lx R11: %016lx R12: %016lx\n", r->r10, r->r11, r->r12);
	printk(KERN_EMERG "R13: %016lx R14: %016lx R15: %016lx\n", r->r13, r->r14, r->r15);
	printk(KERN_EMERG "CR0: %016lx CR2: %016lx CR3: %016lx CR4: %016lx\n",
	       read_cr0(), read_cr2(), __read_cr3(), read_cr4());
}

/* die - report a fatal kernel exception and panic. */
void die(const char *str, struct pt_regs *regs, unsigned long err)
{
	printk(KERN_EMERG "Oops: %s: %04lx [#1]\n", str, err);
	show_regs(regs);
	show_trace(regs->ip, regs->bp);
	panic("Fatal exception");
}

/* dump_stack - a backtrace of the caller (BUG, WARN, panic). */
void dump_stack(void)
{
	show_trace(0, (unsigned long)__builtin_frame_address(0));
}
