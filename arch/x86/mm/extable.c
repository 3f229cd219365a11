// SPDX-License-Identifier: GPL-2.0
#include <linux/kernel.h>
#include <asm/extable.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

extern const struct exception_table_entry __start___ex_table[];
extern const struct exception_table_entry __stop___ex_table[];

/* search_exception_tables - the entry for faulting instruction @ip, or
 * NULL. The table is short (one entry per user-access or probe site), so
 * a linear scan is enough. */
const struct exception_table_entry *search_exception_tables(unsigned long ip)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++)
		if ((unsigned long)&e->insn + e->insn == ip)
			return e;
	return NULL;
}

/* fixup_exception - resume a faulting kernel instruction at its fixup
 * code. Returns false when @regs->ip has no entry (a kernel bug). */
bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e = search_exception_tables(regs->ip);

	if (!e)
		return false;
	regs->ip = ex_fixup_addr(e);
	return true;
}
