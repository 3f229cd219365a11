/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H

#include <asm/pgtable_types.h>

/* The kernel's top-level page table, in .bss (arch/x86/mm/init_64.c). */
extern pgd_t swapper_pg_dir[PTRS_PER_TABLE];

#endif
