/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_DESC_H
#define _ASM_X86_DESC_H

#include <linux/types.h>

struct desc_ptr {
	u16 size;
	u64 address;
} __attribute__((packed));

/* A 64-bit interrupt gate. */
struct gate_desc {
	u16 offset_low;
	u16 segment;
	u8 ist;
	u8 type_attr;
	u16 offset_middle;
	u32 offset_high;
	u32 reserved;
} __attribute__((packed));

/* The 64-bit TSS: only rsp0 (later issues) and the IST stacks matter. */
struct tss_struct {
	u32 reserved0;
	u64 sp0, sp1, sp2;
	u64 reserved1;
	u64 ist[7];
	u64 reserved2;
	u16 reserved3;
	u16 io_bitmap_base;
} __attribute__((packed));

#define IST_INDEX_DF	1

extern struct tss_struct cpu_tss;
void load_gdt_tss(void);

#endif
