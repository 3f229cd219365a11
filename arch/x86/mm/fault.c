// SPDX-License-Identifier: GPL-2.0
/*
 * The page-fault handler.
 *
 * A fault on a user address, from user mode or from a kernel user-access
 * instruction (one in the exception table), goes to the VMAs: if one
 * allows the access, handle_mm_fault() maps the page; if none does, a
 * user access gets SIGSEGV (SIGBUS beyond a file's end) and a kernel
 * user-access resumes at its fixup (-EFAULT). Anything else is a kernel
 * bug: an oops with the address decoded and a backtrace.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/signal.h>
#include <asm/extable.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/traps.h>

/* Which part of the layout (Documentation/mm/virtual-layout.md) holds @a
 * (and which VMA, if any). */
static void describe_address(unsigned long a)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;

	if (a < TASK_SIZE && mm && (vma = find_vma(mm, a)) && vma->vm_start <= a) {
		printk(KERN_ALERT "#PF: address in VMA %lx-%lx flags %#lx\n",
		       vma->vm_start, vma->vm_end, vma->vm_flags);
		return;
	}
	printk(KERN_ALERT "#PF: address is in the %s\n",
	       a < PAGE_SIZE ? "NULL page" :
	       a < TASK_SIZE ? "user half, outside every VMA" :
	       a >= __START_KERNEL_map ? "kernel image" :
	       a >= VMALLOC_START && a <= VMALLOC_END ? "vmalloc area" :
	       a >= PAGE_OFFSET && a < VMALLOC_START ? "direct map" :
	       "unmapped kernel half");
}

static void show_fault_oops(unsigned long addr, unsigned long err)
{
	printk(KERN_ALERT "BUG: unable to handle page fault for address: %016lx\n", addr);
	printk(KERN_ALERT "#PF: %s %s in %s mode\n",
	       err & X86_PF_USER ? "user" : "supervisor",
	       err & X86_PF_INSTR ? "instruction fetch" :
	       err & X86_PF_WRITE ? "write access" : "read access",
	       err & X86_PF_USER ? "user" : "kernel");
	printk(KERN_ALERT "#PF: error_code(0x%04lx) - %s%s\n", err,
	       err & X86_PF_PROT ? "permissions violation" : "not-present page",
	       err & X86_PF_RSVD ? ", reserved bit set" : "");
	describe_address(addr);
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

static __attribute__((noreturn)) void kernel_oops(struct pt_regs *regs,
						  unsigned long addr,
						  unsigned long err)
{
	show_fault_oops(addr, err);
	die("page fault", regs, err);
}

/* bad_area - no VMA allows the access: @sig with si_code @code. */
static void bad_area_code(struct pt_regs *regs, unsigned long addr,
			  unsigned long err, int sig, int code)
{
	if (!user_mode(regs)) {
		if (fixup_exception(regs))
			return;
		kernel_oops(regs, addr, err);
	}
	pr_info("%s[%d]: %s at %lx ip %lx sp %lx error %lx\n", current->comm,
		current->pid, sig == SIGBUS ? "bus error" : "segfault", addr,
		regs->ip, regs->sp, err);
	force_sig_fault(sig, code, addr);
}

static void bad_area(struct pt_regs *regs, unsigned long addr,
		     unsigned long err, int sig)
{
	bad_area_code(regs, addr, err, sig, sig == SIGBUS ? BUS_ADRERR : SEGV_MAPERR);
}

/* fault_flags - the FAULT_FLAG_* of a #PF error code taken in @regs. */
static unsigned int fault_flags(const struct pt_regs *regs, unsigned long err)
{
	unsigned int flags = 0;

	if (err & X86_PF_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (err & X86_PF_INSTR)
		flags |= FAULT_FLAG_INSTRUCTION;
	if (user_mode(regs))
		flags |= FAULT_FLAG_USER;
	return flags;
}

/*
 * do_user_addr_fault - a #PF on a user address: decode the error code,
 * let handle_user_fault() (mm/memory.c) resolve it, and deliver what it
 * could not: a signal to the user, an exception-table fixup for a
 * kernel access (copy_from_user and friends), or an oops.
 */
static void do_user_addr_fault(struct pt_regs *regs, unsigned long err,
			       unsigned long addr)
{
	struct mm_struct *mm = current->mm;
	int sig, code = 0;

	if (!user_mode(regs) && !search_exception_tables(regs->ip))
		kernel_oops(regs, addr, err);	/* not a user-access site */
	if (!mm || (err & X86_PF_RSVD))
		return bad_area(regs, addr, err, SIGSEGV);
	/* a read of a present page can only fail for a reason no VMA can
	 * fix (SMAP, protection keys): the access is not allowed */
	if ((err & X86_PF_PROT) && !(err & (X86_PF_WRITE | X86_PF_INSTR)))
		return bad_area_code(regs, addr, err, SIGSEGV, SEGV_ACCERR);
	sig = handle_user_fault(mm, addr, fault_flags(regs, err), &code);
	if (!sig)
		return;
	if (sig == SIGKILL) {
		if (!user_mode(regs) && fixup_exception(regs))
			return;
		pr_err("Out of memory: killed %s[%d] (fault at %lx)\n",
		       current->comm, current->pid, addr);
		force_sig(SIGKILL);
		return;
	}
	bad_area_code(regs, addr, err, sig, code);
}

/* exc_page_fault - vector 14. */
void exc_page_fault(struct pt_regs *regs, unsigned long err)
{
	unsigned long addr = read_cr2();

	if (addr < TASK_SIZE && !(err & X86_PF_INSTR && !user_mode(regs))) {
		/* interrupts were on where the fault happened */
		if (regs->flags & X86_EFLAGS_IF)
			__asm__ volatile("sti");
		do_user_addr_fault(regs, err, addr);
		__asm__ volatile("cli");
		return;
	}
	if (user_mode(regs))		/* a user touching the kernel half */
		return bad_area(regs, addr, err, SIGSEGV);
	if (fixup_exception(regs) || fixup_exec_probe(regs, err))
		return;
	kernel_oops(regs, addr, err);
}
