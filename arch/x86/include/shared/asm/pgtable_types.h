/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86-64 4-level page-table format. arch/hosted includes this very
 * file, so the software MMU walks the same bits the hardware does.
 * Levels are pgd -> pud -> pmd -> pte: mmos runs 4-level paging (the
 * p4d of <linux/pgtable.h> is folded into the pgd).
 */
#ifndef _ASM_X86_PGTABLE_TYPES_H
#define _ASM_X86_PGTABLE_TYPES_H

#define _PAGE_BIT_PRESENT	0
#define _PAGE_BIT_RW		1
#define _PAGE_BIT_USER		2
#define _PAGE_BIT_PWT		3
#define _PAGE_BIT_PCD		4
#define _PAGE_BIT_ACCESSED	5
#define _PAGE_BIT_DIRTY		6
#define _PAGE_BIT_PSE		7
#define _PAGE_BIT_GLOBAL	8
#define _PAGE_BIT_SOFTW3	58	/* ignored by the MMU: software's */
#define _PAGE_BIT_SOFT_DIRTY	_PAGE_BIT_SOFTW3
#define _PAGE_BIT_NX		63

#define _PAGE_PRESENT	(1UL << _PAGE_BIT_PRESENT)
#define _PAGE_RW	(1UL << _PAGE_BIT_RW)
#define _PAGE_USER	(1UL << _PAGE_BIT_USER)
#define _PAGE_PWT	(1UL << _PAGE_BIT_PWT)
#define _PAGE_PCD	(1UL << _PAGE_BIT_PCD)
#define _PAGE_ACCESSED	(1UL << _PAGE_BIT_ACCESSED)
#define _PAGE_DIRTY	(1UL << _PAGE_BIT_DIRTY)
#define _PAGE_PSE	(1UL << _PAGE_BIT_PSE)
#define _PAGE_GLOBAL	(1UL << _PAGE_BIT_GLOBAL)
#define _PAGE_NX	(1UL << _PAGE_BIT_NX)
/* soft-dirty (Linux's, x86): set with _PAGE_DIRTY by the kernel when it
 * dirties a PTE (a write fault, a new anon page), cleared only by
 * clear_refs "4", which write-protects too so the next write faults:
 * the MMU never sets it, so it tracks writes since the last clear. */
#define _PAGE_SOFT_DIRTY	(1UL << _PAGE_BIT_SOFT_DIRTY)

#define PTE_PFN_MASK	0x000ffffffffff000UL

/* Entries that point to a lower table. */
#define _KERNPG_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define _PAGE_TABLE	(_KERNPG_TABLE | _PAGE_USER)

#define __PAGE_KERNEL_BASE	(_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL)
/* Kernel text: read-only, executable. */
#define PAGE_KERNEL_ROX		(__PAGE_KERNEL_BASE)
/* Kernel rodata: read-only, not executable. */
#define PAGE_KERNEL_RO		(__PAGE_KERNEL_BASE | _PAGE_NX)
/* Kernel data, bss, direct map, vmalloc: read-write, not executable. */
#define PAGE_KERNEL		(__PAGE_KERNEL_BASE | _PAGE_RW | _PAGE_DIRTY | _PAGE_NX)

#define PTRS_PER_TABLE	512
#define PGDIR_SHIFT	39
#define PUD_SHIFT	30
#define PMD_SHIFT	21
#define PGDIR_SIZE	(1UL << PGDIR_SHIFT)
#define PUD_SIZE	(1UL << PUD_SHIFT)
#define PMD_SIZE	(1UL << PMD_SHIFT)
#define PGDIR_MASK	(~(PGDIR_SIZE - 1))
#define PUD_MASK	(~(PUD_SIZE - 1))
#define PMD_MASK	(~(PMD_SIZE - 1))

/* The kernel half of every pgd: entries KERNEL_PGD_BOUNDARY..511. */
#define KERNEL_PGD_BOUNDARY	256
#define KERNEL_PGD_PTRS		(PTRS_PER_TABLE - KERNEL_PGD_BOUNDARY)

#ifndef __ASSEMBLY__
#include <linux/types.h>

typedef u64 pteval_t;
typedef u64 pgprot_t;
typedef struct { pteval_t pgd; } pgd_t;
typedef struct { pteval_t pud; } pud_t;
typedef struct { pteval_t pmd; } pmd_t;
typedef struct { pteval_t pte; } pte_t;
#endif

#endif
