// SPDX-License-Identifier: GPL-2.0
/* kmalloc and kmem caches over simulated RAM. */
#include "harness.h"
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmstat.h>
#include <stdlib.h>
#include <string.h>

/* Sizes from 1 to 9000 bytes: aligned, big enough, distinct. */
static int test_kmalloc_many_sizes(void)
{
	static void *p[9001];

	for (size_t s = 1; s <= 9000; s += 7) {
		p[s] = kmalloc(s, GFP_KERNEL);
		EXPECT(p[s], "kmalloc(%zu)", s);
		EXPECT(ksize(p[s]) >= s);
		EXPECT(((unsigned long)p[s] & 7) == 0, "misaligned %p", p[s]);
		memset(p[s], (int)(s & 0xff), s);
	}
	for (size_t s = 1; s <= 9000; s += 7) {
		unsigned char *c = p[s];

		EXPECT(c[0] == (s & 0xff) && c[s - 1] == (s & 0xff), "size %zu clobbered", s);
		kfree(p[s]);
	}
	return 0;
}

static int test_kmalloc_zero_and_null(void)
{
	EXPECT(kmalloc(0, GFP_KERNEL) == NULL);
	kfree(NULL);
	EXPECT(kmalloc((PAGE_SIZE << MAX_PAGE_ORDER) + 1, GFP_KERNEL) == NULL);
	return 0;
}

static int test_kzalloc_zeroes(void)
{
	unsigned char *p = kmalloc(200, GFP_KERNEL);

	EXPECT(p);
	memset(p, 0xee, 200);
	kfree(p);
	p = kzalloc(200, GFP_KERNEL);
	EXPECT(p);
	for (int i = 0; i < 200; i++)
		EXPECT(p[i] == 0);
	kfree(p);
	return 0;
}

struct thing {
	long a, b, c;
};

/* A named cache: objects come from its slabs, empty slabs go back. */
static int test_cache_create_destroy(void)
{
	unsigned long before = nr_free_pages();
	struct kmem_cache *c = kmem_cache_create("thing", sizeof(struct thing), 8);
	struct thing *t[1000];

	EXPECT(c);
	for (int i = 0; i < 1000; i++) {
		t[i] = kmem_cache_zalloc(c, GFP_KERNEL);
		EXPECT(t[i] && t[i]->a == 0);
		t[i]->a = i;
	}
	EXPECT(nr_free_pages() < before);
	for (int i = 999; i >= 0; i--) {
		EXPECT(t[i]->a == i);
		kmem_cache_free(c, t[i]);
	}
	kmem_cache_destroy(c);
	EXPECT(nr_free_pages() == before, "%lu != %lu", nr_free_pages(), before);
	return 0;
}

/* Every page slab or a large kmalloc takes is in SUnreclaim (bytes),
 * and leaves it when given back. */
static int test_slab_bytes_counted(void)
{
	unsigned long free0 = nr_free_pages();
	unsigned long b0 = global_node_page_state(NR_SLAB_UNRECLAIMABLE_B);
	void *small[100], *big = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);

	EXPECT(big);
	for (int i = 0; i < 100; i++)
		EXPECT((small[i] = kmalloc(512, GFP_KERNEL)));
	EXPECT(global_node_page_state(NR_SLAB_UNRECLAIMABLE_B) - b0 ==
	       (free0 - nr_free_pages()) * PAGE_SIZE, "slab %lu bytes, pages taken %lu",
	       global_node_page_state(NR_SLAB_UNRECLAIMABLE_B) - b0, free0 - nr_free_pages());
	EXPECT(global_node_page_state(NR_SLAB_UNRECLAIMABLE_B) - b0 >= 4 * PAGE_SIZE + 100 * 512);
	kfree(big);
	for (int i = 0; i < 100; i++)
		kfree(small[i]);
	EXPECT(global_node_page_state(NR_SLAB_UNRECLAIMABLE_B) == b0);
	EXPECT(nr_free_pages() == free0);
	return 0;
}

/* Out of memory: kmalloc returns NULL, and everything comes back. */
static int test_kmalloc_exhaustion(void)
{
	enum { MAX = 1 << 16 };
	void **p = malloc(MAX * sizeof(*p));
	int n = 0;

	EXPECT(p);
	while (n < MAX && (p[n] = kmalloc(1024, GFP_KERNEL)))
		n++;
	EXPECT(n < MAX, "never ran out");
	EXPECT(nr_free_pages() < 4, "stopped with %lu pages free", nr_free_pages());
	while (n--)
		kfree(p[n]);
	free(p);
	return 0;
}

static const struct htest tests[] = {
	HTEST(test_kmalloc_many_sizes), HTEST(test_kmalloc_zero_and_null),
	HTEST(test_kzalloc_zeroes), HTEST(test_cache_create_destroy),
	HTEST(test_kmalloc_exhaustion), HTEST(test_slab_bytes_counted),
};

int main(void)
{
	return hosted_main(tests, sizeof(tests) / sizeof(tests[0]), 32UL << 20);
}
