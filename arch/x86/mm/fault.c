// SPDX-License-Identifier: GPL-2.0
/*
 * The page-fault handler. In this issue only the kernel runs, so every
 * fault is either an expected one (an exception-table fixup, a probe)
 * or a kernel bug, reported with the address decoded: what region of
 * the layout it lies in and what the error code says.
 */
#include <linux/kernel.h>
#include <asm/extable.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/traps.h>

/* Which part of DESIGN.md's layout holds @a. */
static const char *address_region(unsigned long a)
{
	if (a < PAGE_SIZE)
		return "NULL page";
	if (a < TASK_SIZE)
		return "user half";
	if (a >= __START_KERNEL_map)
		return "kernel image";
	if (a >= VMALLOC_START && a <= VMALLOC_END)
		return "vmalloc area";
	if (a >= PAGE_OFFSET && a < VMALLOC_START)
		return "direct map";
	return "unmapped kernel half";
}

static void show_fault_oops(unsigned long addr, unsigned long err)
{
	printk(KERN_ALERT "BUG: unable to handle page fault for address: %016lx (%s)\n",
	       addr, address_region(addr));
	printk(KERN_ALERT "#PF: %s %s in %s mode\n",
	       err & X86_PF_USER ? "user" : "supervisor",
	       err & X86_PF_INSTR ? "instruction fetch" :
	       err & X86_PF_WRITE ? "write access" : "read access",
	       err & X86_PF_USER ? "user" : "kernel");
	printk(KERN_ALERT "#PF: error_code(0x%04lx) - %s%s\n", err,
	       err & X86_PF_PROT ? "permissions violation" : "not-present page",
	       err & X86_PF_RSVD ? ", reserved bit set" : "");
}

/*
 * An instruction fetch from a non-executable page faults with ip equal
 * to the target, which no table can list. A deliberate probe (the
 * selftest's exec_probe) calls the target, so the return address on top
 * of the stack names the call site; if that site is in the exception
 * table, return through it as if the call had come back.
 */
static bool fixup_exec_probe(struct pt_regs *regs, unsigned long err)
{
	const struct exception_table_entry *e;
	unsigned long ret;

	if (!(err & X86_PF_INSTR) || regs->ip != read_cr2())
		return false;
	ret = *(unsigned long *)regs->sp;
	e = search_exception_tables(ret);
	if (!e)
		return false;
	regs->ip = ex_fixup_addr(e);
	regs->sp += 8;
	return true;
}

/* exc_page_fault - vector 14. */
void exc_page_fault(struct pt_regs *regs, unsigned long err)
{
	unsigned long addr = read_cr2();

	if (!user_mode(regs)) {
		if (fixup_exception(regs) || fixup_exec_probe(regs, err))
			return;
	}
	show_fault_oops(addr, err);
	die("page fault", regs, err);
}
