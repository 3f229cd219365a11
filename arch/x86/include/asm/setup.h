/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_SETUP_H
#define _ASM_X86_SETUP_H

#include <linux/types.h>

#define COMMAND_LINE_SIZE	2048

extern char _text[], _stext[], _etext[], __start_rodata[], __end_rodata[];
extern char _sdata[], _edata[], __bss_start[], __bss_stop[], _end[];

void setup_arch(char **cmdline);
void paging_init(void);
void trap_init(void);
void time_init(void);
void early_serial_init(void);

#endif
