/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_SETUP_H
#define _ASM_X86_SETUP_H

#include <linux/types.h>

#define COMMAND_LINE_SIZE	2048

extern char _text[], _stext[], _etext[], __start_rodata[], __end_rodata[];
extern char _sdata[], _edata[], __bss_start[], __bss_stop[], _end[];

/* The x86 boot, in the order setup_arch() runs it; setup_arch() and
 * time_init() themselves are the hooks of <linux/arch.h>. */
void x86_64_start_kernel(u32 start_info_pa);	/* from head_64.S */
void early_serial_init(void);
void paging_init(void);
void trap_init(void);
void idt_setup(void);
void syscall_init(void);
void acpi_boot_table_init(u64 rsdp_pa);		/* how to power off */

#endif
