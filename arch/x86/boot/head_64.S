/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PVH entry: QEMU (like Xen) loads the ELF segments at their physical
 * addresses and jumps to pvh_start_xen in 32-bit protected mode, paging
 * off, with %ebx = physical address of struct hvm_start_info.
 *
 * We build just enough page tables to run at the kernel's link address:
 *   PGD[0]   -> identity map of 0..4 GiB (2 MiB pages), for this code
 *   PGD[273] -> the same 4 GiB at PAGE_OFFSET, the early direct map
 *   PGD[511] -> 0..1 GiB at __START_KERNEL_map, the kernel image
 * then enter long mode, jump to the higher half and call start_kernel().
 * paging_init() replaces all of this with swapper_pg_dir.
 */
#include <asm/page.h>
#include <asm/segment.h>

#define PHYS(x)		((x) - __START_KERNEL_map)
#define PTE_TABLE	0x3	/* present | rw */
#define PTE_LARGE	0x83	/* present | rw | 2 MiB */

	.section .head.text, "ax"
	.code32
	.globl pvh_start_xen
pvh_start_xen:
	cld
	movl	%ebx, %esi			/* keep start_info */
	movl	$PHYS(boot_stack_top), %esp

	/* Zero .bss: the early tables below must start empty. */
	movl	$PHYS(__bss_start), %edi
	movl	$PHYS(__bss_stop), %ecx
	subl	%edi, %ecx
	shrl	$2, %ecx
	xorl	%eax, %eax
	rep stosl

	/* early_pd: 4 x 512 entries of 2 MiB pages covering 0..4 GiB */
	movl	$PHYS(early_pd), %edi
	xorl	%ecx, %ecx
1:	movl	%ecx, %eax
	shll	$21, %eax
	orl	$PTE_LARGE, %eax
	movl	%eax, (%edi, %ecx, 8)
	movl	%ecx, %eax
	shrl	$11, %eax			/* high bits of ecx << 21 */
	movl	%eax, 4(%edi, %ecx, 8)
	incl	%ecx
	cmpl	$2048, %ecx
	jb	1b

	/* early_pud_low: 4 entries -> the 4 PD pages */
	movl	$PHYS(early_pud_low), %edi
	movl	$PHYS(early_pd) + PTE_TABLE, %eax
	movl	%eax, 0(%edi)
	addl	$4096, %eax
	movl	%eax, 8(%edi)
	addl	$4096, %eax
	movl	%eax, 16(%edi)
	addl	$4096, %eax
	movl	%eax, 24(%edi)

	/* early_pud_kernel[510] -> first PD page (0..1 GiB) */
	movl	$PHYS(early_pud_kernel), %edi
	movl	$PHYS(early_pd) + PTE_TABLE, %eax
	movl	%eax, 510*8(%edi)

	movl	$PHYS(early_pgd), %edi
	movl	$PHYS(early_pud_low) + PTE_TABLE, %eax
	movl	%eax, 0(%edi)
	movl	%eax, 273*8(%edi)
	movl	$PHYS(early_pud_kernel) + PTE_TABLE, %eax
	movl	%eax, 511*8(%edi)

	/* CR4.PAE, CR3, EFER.LME (+NXE if the CPU has NX), CR0.PG|WP */
	movl	%cr4, %eax
	orl	$0x20, %eax
	movl	%eax, %cr4
	movl	$PHYS(early_pgd), %eax
	movl	%eax, %cr3
	movl	$0x80000001, %eax
	cpuid
	movl	%edx, %ebx			/* extended features */
	movl	$0xc0000080, %ecx		/* MSR_EFER */
	rdmsr
	orl	$0x100, %eax			/* LME */
	btl	$20, %ebx			/* NX offered? */
	jnc	2f
	orl	$0x800, %eax			/* NXE */
2:	wrmsr
	movl	%cr0, %eax
	orl	$0x80010001, %eax		/* PG | WP | PE */
	movl	%eax, %cr0

	lgdt	PHYS(early_gdt_desc)
	ljmp	$__KERNEL_CS, $PHYS(startup_64)

	.code64
startup_64:
	movl	$__KERNEL_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	xorl	%eax, %eax
	movl	%eax, %fs
	movl	%eax, %gs
	movabsq	$higher_half, %rax
	jmp	*%rax
higher_half:
	movabsq	$boot_stack_top, %rsp
	xorl	%ebp, %ebp
	movl	%esi, %edi			/* start_kernel(start_info pa) */
	call	x86_64_start_kernel
4:	hlt
	jmp	4b

	.section .rodata
	.balign 8
early_gdt:
	.quad	0
	.quad	0x00cf9a000000ffff		/* kernel32 cs */
	.quad	0x00af9a000000ffff		/* kernel cs */
	.quad	0x00cf92000000ffff		/* kernel ds */
early_gdt_end:
early_gdt_desc:
	.word	early_gdt_end - early_gdt - 1
	.long	PHYS(early_gdt)

	.section .bss
	.balign 4096
early_pgd:		.skip 4096
early_pud_low:		.skip 4096
early_pud_kernel:	.skip 4096
early_pd:		.skip 4 * 4096
	.globl boot_stack
boot_stack:		.skip 16384
	.globl boot_stack_top
boot_stack_top:

	/* The PVH entry note QEMU looks for: the 32-bit entry's phys address. */
	.section .note.Xen, "a"
	.balign 4
	.long	4			/* name size: "Xen\0" */
	.long	8			/* desc size */
	.long	18			/* XEN_ELFNOTE_PHYS32_ENTRY */
	.asciz	"Xen"
	.balign 4
	.quad	PHYS(pvh_start_xen)
	.balign 4
