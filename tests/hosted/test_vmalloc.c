// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc on the hosted target: the mapping is checked by walking
 * swapper_pg_dir (kernel_translate), the way the MMU would, and data
 * is written through those translations.
 */
#include "harness.h"
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/vmalloc.h>
#include <asm/tlbflush.h>
#include <string.h>

/* Write @v at vmalloc address @va through the page tables. */
static int vm_poke(unsigned long va, unsigned char v)
{
	phys_addr_t pa;
	pteval_t f;

	if (!kernel_translate(swapper_pg_dir, va, &pa, &f) || !(f & _PAGE_RW))
		return -1;
	*(unsigned char *)__va(pa) = v;
	return 0;
}

static int vm_peek(unsigned long va, unsigned char *v)
{
	phys_addr_t pa;
	pteval_t f;

	if (!kernel_translate(swapper_pg_dir, va, &pa, &f))
		return -1;
	*v = *(unsigned char *)__va(pa);
	return 0;
}

static int test_vmalloc_maps_and_unmaps(void)
{
	unsigned long n = 37, before = sum_vm_event(NR_TLB_LOCAL_FLUSH_ONE);
	unsigned long va = (unsigned long)vmalloc(n * PAGE_SIZE);
	unsigned char v;
	phys_addr_t pa;
	pteval_t f;

	EXPECT(va >= VMALLOC_START && va < VMALLOC_END, "va %#lx", va);
	for (unsigned long i = 0; i < n; i++) {
		EXPECT(kernel_translate(swapper_pg_dir, va + i * PAGE_SIZE, &pa, &f));
		EXPECT((f & _PAGE_NX) && (f & _PAGE_RW) && !(f & _PAGE_USER));
		EXPECT(vm_poke(va + i * PAGE_SIZE + 5, (unsigned char)i) == 0);
	}
	for (unsigned long i = 0; i < n; i++)
		EXPECT(vm_peek(va + i * PAGE_SIZE + 5, &v) == 0 && v == (unsigned char)i);
	EXPECT(vm_peek(va + n * PAGE_SIZE, &v) < 0, "guard page is mapped");
	vfree((void *)va);
	for (unsigned long i = 0; i < n; i++)
		EXPECT(!kernel_translate(swapper_pg_dir, va + i * PAGE_SIZE, &pa, &f),
		       "page %lu still mapped", i);
	EXPECT(sum_vm_event(NR_TLB_LOCAL_FLUSH_ONE) - before == n, "%lu flushes for %lu pages",
	       sum_vm_event(NR_TLB_LOCAL_FLUSH_ONE) - before, n);
	return 0;
}

/* Areas do not overlap and a freed hole is reused (first fit). */
static int test_vmalloc_areas(void)
{
	void *a = vmalloc(PAGE_SIZE), *b = vmalloc(3 * PAGE_SIZE), *c;

	EXPECT(a && b && a != b);
	EXPECT((unsigned long)b >= (unsigned long)a + 2 * PAGE_SIZE, "overlap");
	EXPECT(find_vm_area(b) && find_vm_area(b)->nr_pages == 3);
	EXPECT(vmalloc_nr_pages() == 4, "VmallocUsed %lu pages", vmalloc_nr_pages());
	vfree(a);
	c = vmalloc(PAGE_SIZE);
	EXPECT(c == a, "hole not reused");
	vfree(b);
	vfree(c);
	EXPECT(vmalloc_nr_areas() == 0);
	EXPECT(vmalloc_nr_pages() == 0, "VmallocUsed %lu pages", vmalloc_nr_pages());
	return 0;
}

static int test_vzalloc_and_limits(void)
{
	unsigned long va = (unsigned long)vzalloc(2 * PAGE_SIZE);
	unsigned char v;

	EXPECT(va);
	for (unsigned long off = 0; off < 2 * PAGE_SIZE; off += 97)
		EXPECT(vm_peek(va + off, &v) == 0 && v == 0);
	vfree((void *)va);
	EXPECT(vmalloc(0) == NULL);
	vfree(NULL);
	return 0;
}

/* Asking for more than RAM fails cleanly and leaks nothing. */
static int test_vmalloc_out_of_memory(void)
{
	EXPECT(vmalloc(64UL << 20) == NULL);
	EXPECT(vmalloc_nr_areas() == 0);
	EXPECT(vmalloc_nr_pages() == 0);
	return 0;
}

/* The invariant vmalloc relies on: every PGD entry of the area exists. */
static int test_vmalloc_pgds_preallocated(void)
{
	for (unsigned long i = pgd_index(VMALLOC_START); i <= pgd_index(VMALLOC_END); i++)
		EXPECT(!pgd_none(swapper_pg_dir[i]), "entry %lu", i);
	return 0;
}

static const struct htest tests[] = {
	HTEST(test_vmalloc_pgds_preallocated), HTEST(test_vmalloc_maps_and_unmaps),
	HTEST(test_vmalloc_areas), HTEST(test_vzalloc_and_limits),
	HTEST(test_vmalloc_out_of_memory),
};

int main(void)
{
	return hosted_main(tests, sizeof(tests) / sizeof(tests[0]), 32UL << 20);
}
