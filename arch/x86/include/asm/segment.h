/* SPDX-License-Identifier: GPL-2.0 */
/* GDT layout (Linux's, so that STAR works for syscall/sysret later). */
#ifndef _ASM_X86_SEGMENT_H
#define _ASM_X86_SEGMENT_H

#define GDT_ENTRY_KERNEL32_CS	1
#define GDT_ENTRY_KERNEL_CS	2
#define GDT_ENTRY_KERNEL_DS	3
#define GDT_ENTRY_USER32_CS	4
#define GDT_ENTRY_USER_DS	5
#define GDT_ENTRY_USER_CS	6
#define GDT_ENTRY_TSS		8	/* 16 bytes: entries 8 and 9 */
#define GDT_ENTRIES		10

#define __KERNEL32_CS	(GDT_ENTRY_KERNEL32_CS * 8)
#define __KERNEL_CS	(GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS	(GDT_ENTRY_KERNEL_DS * 8)
#define __USER32_CS	(GDT_ENTRY_USER32_CS * 8 + 3)
#define __USER_DS	(GDT_ENTRY_USER_DS * 8 + 3)
#define __USER_CS	(GDT_ENTRY_USER_CS * 8 + 3)
#define GDT_ENTRY_TSS_SEL	(GDT_ENTRY_TSS * 8)

#endif
