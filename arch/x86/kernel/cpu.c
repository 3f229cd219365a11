// SPDX-License-Identifier: GPL-2.0
/*
 * CPU set-up: the GDT with its TSS, and the protection features mmos
 * turns on when the CPU offers them (Documentation/boot.md, "CPUs":
 * qemu64 offers NX and PGE; -cpu max adds SMEP, SMAP and UMIP).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/desc.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/uaccess.h>

struct cpuinfo_x86 boot_cpu_data;
struct tss_struct cpu_tss __aligned(16);
static char df_stack[8192] __aligned(16);

static u64 gdt[GDT_ENTRIES] __aligned(16) = {
	[GDT_ENTRY_KERNEL32_CS]	= 0x00cf9a000000ffffULL,
	[GDT_ENTRY_KERNEL_CS]	= 0x00af9a000000ffffULL,
	[GDT_ENTRY_KERNEL_DS]	= 0x00cf92000000ffffULL,
	[GDT_ENTRY_USER32_CS]	= 0x00cffa000000ffffULL,
	[GDT_ENTRY_USER_DS]	= 0x00cff2000000ffffULL,
	[GDT_ENTRY_USER_CS]	= 0x00affa000000ffffULL,
};

/* Build the 16-byte available-TSS descriptor for cpu_tss. */
static void set_tss_desc(void)
{
	u64 base = (u64)&cpu_tss, limit = sizeof(cpu_tss) - 1;

	gdt[GDT_ENTRY_TSS] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
			     (0x89ULL << 40) | (((limit >> 16) & 0xf) << 48) |
			     (((base >> 24) & 0xff) << 56);
	gdt[GDT_ENTRY_TSS + 1] = base >> 32;
}

/* load_gdt_tss - switch to the final GDT and load the task register. */
void load_gdt_tss(void)
{
	struct desc_ptr d = { sizeof(gdt) - 1, (u64)gdt };

	cpu_tss.ist[IST_INDEX_DF - 1] = (u64)(df_stack + sizeof(df_stack));
	cpu_tss.io_bitmap_base = sizeof(cpu_tss);
	set_tss_desc();
	__asm__ volatile("lgdt %0" :: "m"(d));
	__asm__ volatile("pushq %0; leaq 1f(%%rip), %%rax; pushq %%rax; lretq; 1:"
			 :: "i"(__KERNEL_CS) : "rax", "memory");
	__asm__ volatile("mov %0, %%ds; mov %0, %%es; mov %0, %%ss"
			 :: "r"(__KERNEL_DS));
	__asm__ volatile("ltr %w0" :: "r"(GDT_ENTRY_TSS_SEL));
}

/* cpu_detect - read the CPUID bits mmos uses into boot_cpu_data. */
void cpu_detect(void)
{
	struct cpuinfo_x86 *c = &boot_cpu_data;
	u32 a, b, cx, d, max;

	cpuid_count(0, 0, &max, &b, &cx, &d);
	memcpy(c->vendor, &b, 4);
	memcpy(c->vendor + 4, &d, 4);
	memcpy(c->vendor + 8, &cx, 4);
	c->vendor[12] = 0;
	cpuid_count(1, 0, &a, &b, &cx, &d);
	c->pge = d & (1u << 13);
	c->rdrand = cx & (1u << 30);
	if (max >= 7) {
		cpuid_count(7, 0, &a, &b, &cx, &d);
		c->smep = b & (1u << 7);
		c->smap = b & (1u << 20);
		c->umip = cx & (1u << 2);
		c->rdseed = b & (1u << 18);
	}
	cpuid_count(0x80000001, 0, &a, &b, &cx, &d);
	c->nx = d & (1u << 20);
	c->pdpe1gb = d & (1u << 26);
}

/*
 * cpu_init_features - CR0.WP (the kernel honours read-only PTEs too),
 * CR4.PGE (kernel mappings survive CR3 writes), SMEP/SMAP (the kernel
 * neither runs nor touches user pages by accident), UMIP. EFER.NXE was
 * set by head_64.S before the first NX mapping could exist.
 */
void cpu_init_features(void)
{
	struct cpuinfo_x86 *c = &boot_cpu_data;
	unsigned long cr4 = read_cr4();

	/* WP; MP with EM clear: the FPU is there; OSFXSR/OSXMMEXCPT: the OS
	 * saves SSE state (fxsave) and takes SIMD exceptions */
	write_cr0((read_cr0() | X86_CR0_WP | 2) & ~4UL);
	cr4 |= X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT;
	if (c->pge)
		cr4 |= X86_CR4_PGE;
	if (c->smep)
		cr4 |= X86_CR4_SMEP;
	if (c->smap)
		cr4 |= X86_CR4_SMAP;
	smap_enabled = c->smap;
	if (c->umip)
		cr4 |= X86_CR4_UMIP;
	write_cr4(cr4);
	if (!c->nx || !(rdmsr(MSR_EFER) & EFER_NX))
		panic("CPU lacks NX: mmos maps data non-executable");
	pr_info("CPU: %s nx pge%s%s%s%s\n", c->vendor, c->smep ? " smep" : "",
		c->smap ? " smap" : "", c->umip ? " umip" : "",
		c->pdpe1gb ? " pdpe1gb" : "");
}
