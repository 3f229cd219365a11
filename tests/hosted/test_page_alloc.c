// SPDX-License-Identifier: GPL-2.0
/* The buddy allocator over simulated RAM. */
#include "harness.h"
#include <linux/mm.h>
#include <stdlib.h>
#include <string.h>

/* Split: one order-0 page from a fresh allocator splits a large block;
 * freeing it coalesces everything back (the free lists look as before). */
static int test_split_coalesce(void)
{
	unsigned long before = nr_free_pages(), shape[NR_PAGE_ORDERS];
	struct page *a, *b;

	for (int o = 0; o < NR_PAGE_ORDERS; o++)
		shape[o] = free_area_count(o);
	a = alloc_page(GFP_KERNEL);
	b = alloc_page(GFP_KERNEL);

	EXPECT(a && b && a != b);
	EXPECT(nr_free_pages() == before - 2);
	EXPECT(page_ref_count(a) == 1 && !PageBuddy(a));
	__free_page(a);
	__free_page(b);
	EXPECT(nr_free_pages() == before);
	for (int o = 0; o < NR_PAGE_ORDERS; o++)
		EXPECT(free_area_count(o) == shape[o], "order %d: %lu blocks, was %lu",
		       o, free_area_count(o), shape[o]);
	/* fully coalesced: a max-order block is available again */
	a = alloc_pages(GFP_KERNEL, MAX_PAGE_ORDER);
	EXPECT(a, "no order-%d block after coalescing", MAX_PAGE_ORDER);
	EXPECT(IS_ALIGNED(page_to_pfn(a), 1UL << MAX_PAGE_ORDER));
	__free_pages(a, MAX_PAGE_ORDER);
	return 0;
}

/* Buddies of an order-1 split: the two halves are adjacent and aligned. */
static int test_buddy_pairs(void)
{
	struct page *big = alloc_pages(GFP_KERNEL, 1);
	unsigned long pfn;

	EXPECT(big);
	pfn = page_to_pfn(big);
	EXPECT(IS_ALIGNED(pfn, 2));
	__free_pages(big, 1);
	big = alloc_page(GFP_KERNEL);
	EXPECT(big);
	__free_page(big);
	return 0;
}

/* Exhaustion: allocate until NULL, then free all; count comes back. */
static int test_exhaustion(void)
{
	unsigned long before = nr_free_pages(), n = 0;
	struct page **all = malloc((before + 1) * sizeof(*all));

	EXPECT(all);
	while ((all[n] = alloc_page(GFP_KERNEL)))
		n++;
	EXPECT(n == before, "got %lu of %lu pages", n, before);
	EXPECT(nr_free_pages() == 0);
	EXPECT(!alloc_pages(GFP_KERNEL, 3));
	for (unsigned long i = 0; i < n; i += 2)
		__free_page(all[i]);
	for (unsigned long i = 1; i < n; i += 2)
		__free_page(all[i]);
	free(all);
	EXPECT(nr_free_pages() == before);
	return 0;
}

/* Random orders, random free order: the count always balances and
 * blocks never overlap (each block is filled with its own byte). */
static int test_random_orders(void)
{
	enum { N = 400 };
	struct page *p[N];
	int order[N];
	unsigned long before = nr_free_pages();

	srand(42);
	for (int i = 0; i < N; i++) {
		order[i] = rand() % 5;
		p[i] = alloc_pages(GFP_KERNEL, order[i]);
		EXPECT(p[i]);
		memset(page_address(p[i]), i & 0xff, PAGE_SIZE << order[i]);
	}
	for (int i = 0; i < N; i++) {
		unsigned char *c = page_address(p[i]);

		for (unsigned long j = 0; j < (PAGE_SIZE << order[i]); j += 512)
			EXPECT(c[j] == (i & 0xff), "block %d overwritten", i);
	}
	for (int k = 0; k < N; k++) {
		int i = (k * 7919) % N;

		__free_pages(p[i], order[i]);
	}
	EXPECT(nr_free_pages() == before);
	return 0;
}

static int test_zeroed(void)
{
	struct page *p = alloc_pages(GFP_KERNEL, 2);
	unsigned char *c;

	EXPECT(p);
	memset(page_address(p), 0xff, 4 * PAGE_SIZE);
	__free_pages(p, 2);
	p = alloc_pages(GFP_KERNEL | __GFP_ZERO, 2);
	EXPECT(p);
	c = page_address(p);
	for (unsigned long i = 0; i < 4 * PAGE_SIZE; i++)
		EXPECT(c[i] == 0, "byte %lu", i);
	__free_pages(p, 2);
	return 0;
}

static int test_refcount(void)
{
	unsigned long before = nr_free_pages();
	struct page *p = alloc_page(GFP_KERNEL);

	EXPECT(p);
	get_page(p);
	put_page(p);
	EXPECT(nr_free_pages() == before - 1, "freed with a reference left");
	put_page(p);
	EXPECT(nr_free_pages() == before);
	return 0;
}

static int test_too_big(void)
{
	EXPECT(!alloc_pages(GFP_KERNEL, MAX_PAGE_ORDER + 1));
	return 0;
}

static const struct htest tests[] = {
	HTEST(test_split_coalesce), HTEST(test_buddy_pairs),
	HTEST(test_exhaustion), HTEST(test_random_orders),
	HTEST(test_zeroed), HTEST(test_refcount), HTEST(test_too_big),
};

int main(void)
{
	return hosted_main(tests, sizeof(tests) / sizeof(tests[0]), 32UL << 20);
}
