// SPDX-License-Identifier: GPL-2.0
/*
 * In-kernel self-tests of the buddy allocator, kmalloc and vmalloc on
 * the real machine's memory; the hosted unit tests go deeper on a
 * simulated one. Each test gives back all it takes; the runner checks.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/selftest.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

static int test_buddy_orders(void)
{
	unsigned long before = nr_free_pages();
	struct page *p[NR_PAGE_ORDERS];

	for (int o = 0; o < NR_PAGE_ORDERS; o++) {
		p[o] = alloc_pages(GFP_KERNEL, o);
		KTEST_EXPECT(p[o], "order %d failed", o);
		KTEST_EXPECT(IS_ALIGNED(page_to_pfn(p[o]), 1UL << o), "order %d misaligned", o);
		memset(page_address(p[o]), 0x5a, PAGE_SIZE << o);
	}
	KTEST_EXPECT(nr_free_pages() == before - ((1UL << NR_PAGE_ORDERS) - 1),
		     "free count %lu", nr_free_pages());
	for (int o = 0; o < NR_PAGE_ORDERS; o++)
		__free_pages(p[o], o);
	KTEST_EXPECT(nr_free_pages() == before, "free count %lu != %lu",
		     nr_free_pages(), before);
	return 0;
}
SELFTEST(test_buddy_orders);

static int test_kmalloc_sizes(void)
{
	static void *objs[64];
	static const size_t sizes[] = { 1, 8, 13, 64, 100, 512, 2048, 2049, 4096, 5000, 65536 };

	for (unsigned s = 0; s < ARRAY_SIZE(sizes); s++) {
		for (int i = 0; i < 64; i++) {
			objs[i] = kmalloc(sizes[s], GFP_KERNEL);
			KTEST_EXPECT(objs[i], "kmalloc(%zu)", sizes[s]);
			KTEST_EXPECT(ksize(objs[i]) >= sizes[s], "ksize");
			memset(objs[i], i, sizes[s]);
		}
		for (int i = 0; i < 64; i++) {
			KTEST_EXPECT(((u8 *)objs[i])[sizes[s] - 1] == (u8)i, "overlap");
			kfree(objs[i]);
		}
	}
	return 0;
}
SELFTEST(test_kmalloc_sizes);

static int test_vmalloc_large(void)
{
	unsigned long n = 1024, before = vmalloc_nr_areas();
	u32 *p = vmalloc(n * PAGE_SIZE);

	KTEST_EXPECT(p, "vmalloc of %lu pages", n);
	for (unsigned long i = 0; i < n * PAGE_SIZE / 4; i += 1024)
		p[i] = i;
	for (unsigned long i = 0; i < n * PAGE_SIZE / 4; i += 1024)
		KTEST_EXPECT(p[i] == i, "word %lu", i);
	KTEST_EXPECT(vmalloc_nr_areas() == before + 1, "areas");
	vfree(p);
	KTEST_EXPECT(vmalloc_nr_areas() == before, "areas after vfree");
	return 0;
}
SELFTEST(test_vmalloc_large);
