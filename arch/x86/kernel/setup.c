// SPDX-License-Identifier: GPL-2.0
/*
 * setup_arch(): from the PVH start info to a kernel with its own page
 * tables and a struct page for every frame.
 */
#include <linux/arch.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/initrd.h>
#include <linux/jiffies.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/start_kernel.h>
#include <linux/string.h>
#include <asm/processor.h>
#include <asm/pvh.h>
#include <asm/setup.h>

phys_addr_t phys_initrd_start;
unsigned long phys_initrd_size;
static u32 pvh_start_info_pa;
static u64 pvh_rsdp_pa;		/* the ACPI RSDP, if the loader gave it */
static phys_addr_t mem_limit = ~(phys_addr_t)0;


/* x86_64_start_kernel - first C code, called by head_64.S on the boot
 * stack with the physical address of struct hvm_start_info. */
void x86_64_start_kernel(u32 start_info_pa)
{
	pvh_start_info_pa = start_info_pa;
	start_kernel();
}

/* mem=SIZE[KMG]: use no RAM above SIZE. */
static int parse_memopt(char *s)
{
	phys_addr_t v = 0;

	for (; *s >= '0' && *s <= '9'; s++)
		v = v * 10 + *s - '0';
	switch (*s) {
	case 'G': case 'g': v <<= 10; /* fall through */
	case 'M': case 'm': v <<= 10; /* fall through */
	case 'K': case 'k': v <<= 10;
	}
	if (v)
		mem_limit = v;
	return 0;
}
early_param("mem=", parse_memopt);

/*
 * Read what the loader told us: the command line, the memory map and the
 * initrd (the first module). The early page tables map the first 4 GiB
 * at PAGE_OFFSET, where QEMU puts all of these.
 */
static void pvh_parse(void)
{
	const struct hvm_start_info *si = __va(pvh_start_info_pa);
	const struct hvm_memmap_table_entry *mm;

	if (si->magic != XEN_HVM_START_MAGIC_VALUE)
		panic("not started through the PVH entry (magic %#x)", si->magic);
	if (si->cmdline_paddr)
		strscpy(boot_command_line, __va(si->cmdline_paddr), COMMAND_LINE_SIZE);
	parse_early_param();	/* quiet, mem=, ... before anything is said */
	if (si->version < 1 || !si->memmap_entries)
		panic("PVH start info has no memory map (version %u)", si->version);
	mm = __va(si->memmap_paddr);
	for (u32 i = 0; i < si->memmap_entries; i++) {
		phys_addr_t s = PAGE_ALIGN(mm[i].addr);
		phys_addr_t e = ALIGN_DOWN(mm[i].addr + mm[i].size, PAGE_SIZE);

		pr_info("BIOS-e820: [mem %#018llx-%#018llx] %s\n",
			(unsigned long long)mm[i].addr,
			(unsigned long long)(mm[i].addr + mm[i].size - 1),
			mm[i].type == XEN_HVM_MEMMAP_TYPE_RAM ? "usable" : "reserved");
		if (mm[i].type == XEN_HVM_MEMMAP_TYPE_RAM && e > s)
			memblock_add(s, e - s);
	}
	pvh_rsdp_pa = si->rsdp_paddr;
	if (si->nr_modules) {
		const struct hvm_modlist_entry *mod = __va(si->modlist_paddr);

		phys_initrd_start = mod->paddr;
		phys_initrd_size = mod->size;
	}
}

static void reserve_boot_memory(void)
{
	/* The first MiB: BIOS data, the start info, legacy holes. */
	memblock_reserve(0, 0x100000);
	memblock_reserve(__pa(_text), __pa(_end) - __pa(_text));
	if (phys_initrd_size) {
		phys_addr_t s = ALIGN_DOWN(phys_initrd_start, PAGE_SIZE);

		memblock_reserve(s, PAGE_ALIGN(phys_initrd_start + phys_initrd_size) - s);
		pr_info("RAMDISK: [mem %#010llx-%#010llx]\n",
			(unsigned long long)phys_initrd_start,
			(unsigned long long)(phys_initrd_start + phys_initrd_size - 1));
	}
}

/* setup_arch - architecture boot: console, traps, memory map, paging,
 * mem_map. Returns the command line through @cmdline. */
void setup_arch(char **cmdline)
{
	early_serial_init();
	trap_init();
	calibrate_tsc();
	cpu_detect();
	pvh_parse();
	acpi_boot_table_init(pvh_rsdp_pa);	/* while the first 4 GiB are mapped */
	setup_initial_init_mm(_stext, _etext, _edata, _end);
	reserve_boot_memory();
	if (mem_limit != ~(phys_addr_t)0) {
		memblock_cap_memory(mem_limit);
		pr_info("mem=%lluK: RAM capped\n", (unsigned long long)(mem_limit >> 10));
	}
	if (phys_initrd_size &&
	    phys_initrd_start + phys_initrd_size > memblock_end_of_DRAM()) {
		pr_err("initrd extends beyond end of memory; disabling it\n");
		phys_initrd_size = 0;
	}
	/* memblock may only hand out what the early 4 GiB map reaches. */
	memblock.current_limit = 4 * SZ_1G;
	paging_init();
	mem_map_init();
	*cmdline = boot_command_line;
}
