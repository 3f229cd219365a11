// SPDX-License-Identifier: GPL-2.0
/*
 * The VMA tree against a plain sorted array: 100 000 VMAs inserted in
 * random order, looked up, searched for gaps, erased; every invariant
 * checked along the way.
 */
#include "harness.h"
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/vma_tree.h>
#include <stdlib.h>
#include <string.h>

#define N	100000
#define STEP	0x4000UL	/* each VMA sits in its own 16 KiB slot */

static struct vm_area_struct *vmas;
static bool *present;
static struct vma_tree tree;

static unsigned long rnd(unsigned long n)
{
	return ((unsigned long)rand() << 16 ^ rand()) % n;
}

/* Reference: the first present VMA ending above @addr, by scanning. */
static struct vm_area_struct *ref_find(unsigned long addr)
{
	for (unsigned long i = addr / STEP; i < N; i++)
		if (present[i] && vmas[i].vm_end > addr)
			return &vmas[i];
	return NULL;
}

/* Reference top-down gap search over the sorted slots. */
static unsigned long ref_gap(unsigned long len, unsigned long low, unsigned long high)
{
	unsigned long ge = high;

	for (long i = N - 1; i >= -1; i--) {
		unsigned long gs = i >= 0 ? vmas[i].vm_end : 0, s, e;

		if (i >= 0 && !present[i])
			continue;
		s = gs > low ? gs : low;
		e = ge < high ? ge : high;
		if (e > s && e - s >= len)
			return e - len;
		if (i >= 0)
			ge = vmas[i].vm_start;
	}
	return -ENOMEM;
}

static int test_insert_100k_random_order(void)
{
	unsigned long *order = malloc(N * sizeof(*order));

	vmas = calloc(N, sizeof(*vmas));
	present = calloc(N, sizeof(*present));
	EXPECT(order && vmas && present);
	vma_tree_init(&tree);
	for (unsigned long i = 0; i < N; i++) {
		order[i] = i;
		vmas[i].vm_start = i * STEP + PAGE_SIZE * rnd(2);
		vmas[i].vm_end = vmas[i].vm_start + PAGE_SIZE * (1 + rnd(2));
	}
	for (unsigned long i = N - 1; i > 0; i--) {
		unsigned long j = rnd(i + 1), t = order[i];

		order[i] = order[j];
		order[j] = t;
	}
	for (unsigned long i = 0; i < N; i++) {
		EXPECT(vma_tree_insert(&tree, &vmas[order[i]]) == 0, "insert %lu", i);
		present[order[i]] = true;
		if (i % 9973 == 0)
			EXPECT(vma_tree_check(&tree) == 0, "check %d after %lu",
			       vma_tree_check(&tree), i);
	}
	free(order);
	EXPECT(vma_tree_check(&tree) == 0);
	EXPECT(tree.nr_entries == N);
	printf("    100000 VMAs: tree height %u\n", tree.height);
	EXPECT(tree.height <= 6, "height %u", tree.height);
	return 0;
}

static int test_find_matches_reference(void)
{
	for (int q = 0; q < 200000; q++) {
		unsigned long addr = rnd(N * STEP + STEP);

		EXPECT(vma_tree_find(&tree, addr) == ref_find(addr), "find(%#lx)", addr);
	}
	return 0;
}

static int test_gaps_match_reference(void)
{
	for (int q = 0; q < 2000; q++) {
		unsigned long len = PAGE_SIZE * (1 + rnd(4));
		unsigned long low = rnd(N * STEP), high = low + rnd(N * STEP);

		EXPECT(vma_tree_gap_topdown(&tree, len, low, high) == ref_gap(len, low, high),
		       "gap(%#lx, %#lx, %#lx): %#lx vs %#lx", len, low, high,
		       vma_tree_gap_topdown(&tree, len, low, high), ref_gap(len, low, high));
	}
	/* no hole between the packed VMAs is bigger than STEP */
	EXPECT(vma_tree_gap_topdown(&tree, STEP + PAGE_SIZE, 0x10000, (N - 1) * STEP) ==
	       (unsigned long)-ENOMEM);
	return 0;
}

/* Erase random VMAs, checking find and gaps as holes open up. */
static int test_erase_random_half(void)
{
	for (unsigned long k = 0; k < N / 2; k++) {
		unsigned long i = rnd(N);

		if (!present[i])
			continue;
		vma_tree_erase(&tree, &vmas[i]);
		present[i] = false;
		if (k % 4999 == 0) {
			unsigned long len = STEP + PAGE_SIZE;

			EXPECT(vma_tree_check(&tree) == 0, "check %d", vma_tree_check(&tree));
			EXPECT(vma_tree_gap_topdown(&tree, len, 0, N * STEP) ==
			       ref_gap(len, 0, N * STEP));
		}
	}
	EXPECT(vma_tree_check(&tree) == 0);
	for (int q = 0; q < 20000; q++) {
		unsigned long addr = rnd(N * STEP);

		EXPECT(vma_tree_find(&tree, addr) == ref_find(addr));
	}
	return 0;
}

/* Growing and shrinking a VMA in place keeps the summaries exact. */
static int test_update_in_place(void)
{
	for (unsigned long i = 1; i + 1 < N; i += 97) {
		if (!present[i])
			continue;
		vmas[i].vm_end = vmas[i].vm_start + PAGE_SIZE;
		vma_tree_update(&tree, &vmas[i]);
	}
	EXPECT(vma_tree_check(&tree) == 0, "check %d", vma_tree_check(&tree));
	EXPECT(vma_tree_gap_topdown(&tree, 2 * PAGE_SIZE, 0, N * STEP) ==
	       ref_gap(2 * PAGE_SIZE, 0, N * STEP));
	return 0;
}

/* Erasing everything frees every node (the harness counts pages). */
static int test_erase_all(void)
{
	for (unsigned long i = 0; i < N; i++)
		if (present[i]) {
			vma_tree_erase(&tree, &vmas[i]);
			present[i] = false;
		}
	EXPECT(vma_tree_empty(&tree) && tree.nr_entries == 0 && tree.height == 0);
	EXPECT(vma_tree_check(&tree) == 0);
	EXPECT(vma_tree_gap_topdown(&tree, PAGE_SIZE, 0, 0x10000) == 0x10000 - PAGE_SIZE);
	free(vmas);
	free(present);
	return 0;
}

/* The tree's nodes live as long as it does: count them apart. */
static int test_whole_life_gives_back(void)
{
	struct vm_area_struct v[100];
	unsigned long before = nr_free_pages();

	vma_tree_init(&tree);
	for (int i = 0; i < 100; i++) {
		v[i].vm_start = (unsigned long)(100 - i) * STEP;
		v[i].vm_end = v[i].vm_start + PAGE_SIZE;
		EXPECT(vma_tree_insert(&tree, &v[i]) == 0);
	}
	for (int i = 0; i < 100; i++)
		vma_tree_erase(&tree, &v[(i * 37) % 100]);
	EXPECT(nr_free_pages() == before);
	return 0;
}

static const struct htest tests[] = {
	/* these share one tree: the page check waits for test_erase_all */
	HTEST_KEEP(test_insert_100k_random_order), HTEST_KEEP(test_find_matches_reference),
	HTEST_KEEP(test_gaps_match_reference), HTEST_KEEP(test_erase_random_half),
	HTEST_KEEP(test_update_in_place), HTEST(test_erase_all),
	HTEST(test_whole_life_gives_back),
};

int main(void)
{
	srand(1);
	return hosted_main_setup(tests, sizeof(tests) / sizeof(tests[0]), 64UL << 20, NULL);
}
