// SPDX-License-Identifier: GPL-2.0
/*
 * Self-tests of swapper_pg_dir and the CPU's protection bits: they make
 * real accesses (through the exception-table probes), so they test what
 * the MMU enforces, not only what the tables say.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/selftest.h>
#include <linux/vmalloc.h>
#include <asm/maccess.h>
#include <asm/processor.h>
#include <asm/setup.h>

static u8 data_ret_insn[64] __aligned(64) = { 0xc3 };	/* ret */
static const u8 rodata_ret_insn[64] __aligned(64) = { 0xc3 };
static u8 bss_ret_insn[64] __aligned(64);

static noinline void text_probe_target(void)
{
	barrier();
}

static int test_text_not_writable(void)
{
	u8 *text = (u8 *)text_probe_target, old = *text;
	u8 *ro = (u8 *)rodata_ret_insn;
	u8 data = 0;

	KTEST_EXPECT(probe_write_u8(text, old) == -EFAULT, "text is writable");
	KTEST_EXPECT(probe_write_u8(_stext, *(u8 *)_stext) == -EFAULT, "_stext is writable");
	KTEST_EXPECT(probe_write_u8(ro, *ro) == -EFAULT, "rodata is writable");
	/* control: the probe itself works on writable data */
	KTEST_EXPECT(probe_write_u8(&data, 7) == 0 && data == 7, "probe broken");
	return 0;
}
SELFTEST(test_text_not_writable);

static int test_data_not_executable(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	u8 *direct, *vm = vmalloc(PAGE_SIZE);
	int r = -1;

	bss_ret_insn[0] = 0xc3;
	if (!page || !vm)
		goto out;
	direct = page_address(page);
	direct[0] = 0xc3;
	vm[0] = 0xc3;
	KTEST_EXPECT(exec_probe(text_probe_target) == 0, "text does not run");
	KTEST_EXPECT(exec_probe(data_ret_insn) == -EFAULT, ".data runs");
	KTEST_EXPECT(exec_probe(rodata_ret_insn) == -EFAULT, ".rodata runs");
	KTEST_EXPECT(exec_probe(bss_ret_insn) == -EFAULT, ".bss runs");
	KTEST_EXPECT(exec_probe(direct) == -EFAULT, "the direct map runs");
	KTEST_EXPECT(exec_probe(vm) == -EFAULT, "vmalloc memory runs");
	r = 0;
out:
	vfree(vm);
	if (page)
		__free_page(page);
	return r;
}
SELFTEST(test_data_not_executable);

/* Each RAM page's direct-map address translates to it, RW+NX, and the
 * CPU can read it (every 2 MiB and each region's last page). */
static int check_direct_range(phys_addr_t start, phys_addr_t end)
{
	for (phys_addr_t pa = start; pa < end; pa += PAGE_SIZE) {
		phys_addr_t got;
		pteval_t f;
		u8 v;

		KTEST_EXPECT(kernel_translate(swapper_pg_dir, (unsigned long)__va(pa),
					      &got, &f) && got == pa,
			     "pa %#llx not in the direct map", (unsigned long long)pa);
		KTEST_EXPECT((f & _PAGE_RW) && (f & _PAGE_NX) && !(f & _PAGE_USER),
			     "pa %#llx flags %#llx", (unsigned long long)pa,
			     (unsigned long long)f);
		if (IS_ALIGNED(pa, PMD_SIZE) || pa + PAGE_SIZE == end)
			KTEST_EXPECT(probe_read_u8(__va(pa), &v) == 0,
				     "pa %#llx unreadable", (unsigned long long)pa);
	}
	return 0;
}

static int test_direct_map_covers_ram(void)
{
	struct memblock_region *r;
	unsigned long i, pages = 0;

	for_each_mem_region(i, r) {
		if (check_direct_range(r->base, r->base + r->size))
			return -1;
		pages += r->size >> PAGE_SHIFT;
	}
	pr_info("selftest: direct map covers %lu RAM pages in %lu ranges\n",
		pages, memblock.memory.cnt);
	return 0;
}
SELFTEST(test_direct_map_covers_ram);

static int test_swapper_pg_dir_layout(void)
{
	unsigned long first = pgd_index(VMALLOC_START), last = pgd_index(VMALLOC_END);

	for (unsigned long i = 0; i < KERNEL_PGD_BOUNDARY; i++)
		KTEST_EXPECT(pgd_none(swapper_pg_dir[i]), "user entry %lu set", i);
	for (unsigned long i = first; i <= last; i++)
		KTEST_EXPECT(!pgd_none(swapper_pg_dir[i]), "vmalloc entry %lu missing", i);
	KTEST_EXPECT(__read_cr3() == __pa(swapper_pg_dir), "CR3 %#lx", __read_cr3());
	pr_info("selftest: vmalloc PGD entries %lu..%lu all present\n", first, last);
	return 0;
}
SELFTEST(test_swapper_pg_dir_layout);

static int test_cpu_protections(void)
{
	unsigned long cr4 = read_cr4();

	KTEST_EXPECT(read_cr0() & X86_CR0_WP, "CR0.WP off");
	KTEST_EXPECT(rdmsr(MSR_EFER) & EFER_NX, "EFER.NXE off");
	KTEST_EXPECT(!boot_cpu_data.pge || (cr4 & X86_CR4_PGE), "CR4.PGE off");
	KTEST_EXPECT(!boot_cpu_data.smep || (cr4 & X86_CR4_SMEP), "CR4.SMEP off");
	KTEST_EXPECT(!boot_cpu_data.smap || (cr4 & X86_CR4_SMAP), "CR4.SMAP off");
	return 0;
}
SELFTEST(test_cpu_protections);

/* After vfree() the CPU must fault on the old address: the PTE is gone
 * and the TLB entry was flushed. */
static int test_vfree_unmaps(void)
{
	u8 *p = vmalloc(3 * PAGE_SIZE), v;

	KTEST_EXPECT(p, "vmalloc failed");
	p[0] = 1;
	p[2 * PAGE_SIZE] = 2;
	KTEST_EXPECT(probe_read_u8(p + 2 * PAGE_SIZE, &v) == 0 && v == 2, "read back");
	KTEST_EXPECT(probe_read_u8(p + 3 * PAGE_SIZE, &v) == -EFAULT, "guard page mapped");
	vfree(p);
	KTEST_EXPECT(probe_read_u8(p, &v) == -EFAULT, "still mapped after vfree");
	KTEST_EXPECT(probe_read_u8(p + 2 * PAGE_SIZE, &v) == -EFAULT, "still mapped");
	return 0;
}
SELFTEST(test_vfree_unmaps);
