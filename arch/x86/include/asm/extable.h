/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The exception table: an instruction that may fault on purpose (a
 * user access, a probe of kernel memory) is listed with the address to
 * resume at. The fault handler looks the faulting ip up here before it
 * calls anything a kernel bug. Entries are 32-bit offsets from their own
 * location, as in Linux, so the table is position independent.
 */
#ifndef _ASM_X86_EXTABLE_H
#define _ASM_X86_EXTABLE_H

struct exception_table_entry {
	int insn, fixup;
};

#define _ASM_EXTABLE(from, to)					\
	" .pushsection __ex_table, \"a\"\n"			\
	" .balign 4\n"						\
	" .long (" #from ") - .\n"				\
	" .long (" #to ") - .\n"				\
	" .popsection\n"

const struct exception_table_entry *search_exception_tables(unsigned long ip);

static inline unsigned long ex_fixup_addr(const struct exception_table_entry *e)
{
	return (unsigned long)&e->fixup + e->fixup;
}

#endif
