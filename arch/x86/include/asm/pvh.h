/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The PVH boot ABI (Xen's arch-x86/hvm/start_info.h), which QEMU's
 * -kernel honours for ELF kernels with a XEN_ELFNOTE_PHYS32_ENTRY note.
 */
#ifndef _ASM_X86_PVH_H
#define _ASM_X86_PVH_H

#include <linux/types.h>

#define XEN_HVM_START_MAGIC_VALUE	0x336ec578

struct hvm_start_info {
	u32 magic;
	u32 version;
	u32 flags;
	u32 nr_modules;
	u64 modlist_paddr;
	u64 cmdline_paddr;
	u64 rsdp_paddr;
	u64 memmap_paddr;	/* version >= 1 */
	u32 memmap_entries;
	u32 reserved;
};

struct hvm_modlist_entry {
	u64 paddr;
	u64 size;
	u64 cmdline_paddr;
	u64 reserved;
};

#define XEN_HVM_MEMMAP_TYPE_RAM		1

struct hvm_memmap_table_entry {
	u64 addr;
	u64 size;
	u32 type;
	u32 reserved;
};

#endif
