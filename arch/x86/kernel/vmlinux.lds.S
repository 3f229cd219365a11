/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vmlinux layout: linked at __START_KERNEL_map + 16 MiB, loaded at
 * physical 16 MiB (Linux's choice). Permissions, as paging_init() maps
 * them: text RX; rodata, notes, exception table, setup table R+NX;
 * data and bss RW+NX. The kallsyms table is last, after _edata's data,
 * so that adding it in the second link moves no other symbol.
 */
#include <asm/page.h>

OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(pvh_start_xen)

PHDRS {
	text PT_LOAD FLAGS(5);
	rodata PT_LOAD FLAGS(4);
	data PT_LOAD FLAGS(6);
	ksyms PT_LOAD FLAGS(4);
	note PT_NOTE FLAGS(4);
}

SECTIONS {
	. = __START_KERNEL_map + __PHYSICAL_START;
	_text = .;
	.text : AT(ADDR(.text) - __START_KERNEL_map) {
		_stext = .;
		*(.head.text)
		*(.text .text.*)
		_etext = .;
	} :text

	. = ALIGN(4096);
	.rodata : AT(ADDR(.rodata) - __START_KERNEL_map) {
		__start_rodata = .;
		*(.rodata .rodata.*)
	} :rodata
	.notes : AT(ADDR(.notes) - __START_KERNEL_map) {
		*(.note.Xen)
	} :rodata :note
	__ex_table : AT(ADDR(__ex_table) - __START_KERNEL_map) {
		. = ALIGN(8);
		__start___ex_table = .;
		*(__ex_table)
		__stop___ex_table = .;
	} :rodata
	.init.setup : AT(ADDR(.init.setup) - __START_KERNEL_map) {
		. = ALIGN(8);
		__setup_start = .;
		*(.init.setup)
		__setup_end = .;
	} :rodata
	.selftests : AT(ADDR(.selftests) - __START_KERNEL_map) {
		. = ALIGN(8);
		__start_selftests = .;
		*(.selftests)
		__stop_selftests = .;
	} :rodata
	. = ALIGN(4096);
	__end_rodata = .;

	.data : AT(ADDR(.data) - __START_KERNEL_map) {
		_sdata = .;
		*(.data .data.*)
		_edata = .;
	} :data
	.bss : AT(ADDR(.bss) - __START_KERNEL_map) {
		__bss_start = .;
		*(.bss .bss.*)
		*(COMMON)
		. = ALIGN(4096);
		__bss_stop = .;
	} :data

	. = ALIGN(4096);
	.kallsyms : AT(ADDR(.kallsyms) - __START_KERNEL_map) {
		__start_kallsyms = .;
		*(.kallsyms)
	} :ksyms
	. = ALIGN(4096);
	_end = .;

	/DISCARD/ : {
		*(.comment) *(.eh_frame) *(.note.GNU-stack) *(.note.gnu.property)
	}
}
