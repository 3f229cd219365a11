// SPDX-License-Identifier: GPL-2.0
/* pgd_alloc/free_pgtables and the page-table walker, hosted. */
#include "harness.h"
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <string.h>

/* A new pgd: kernel half == swapper_pg_dir's, user half empty. */
static int test_pgd_alloc_copies_kernel_half(void)
{
	pgd_t *pgd = pgd_alloc(NULL);

	EXPECT(pgd);
	for (int i = 0; i < KERNEL_PGD_BOUNDARY; i++)
		EXPECT(pgd_none(pgd[i]), "user entry %d", i);
	EXPECT(!memcmp(pgd + KERNEL_PGD_BOUNDARY, swapper_pg_dir + KERNEL_PGD_BOUNDARY,
		       KERNEL_PGD_PTRS * sizeof(pgd_t)));
	pgd_free(NULL, pgd);
	return 0;
}

/* Next-level table under entry @e, made (user-accessible) if missing. */
static pteval_t *table(pteval_t *e)
{
	if (!*e)
		*e = __pa(page_address(alloc_page(GFP_KERNEL | __GFP_ZERO))) | _PAGE_TABLE;
	return __va(*e & PTE_PFN_MASK);
}

/* Map one user page the way the fault path will: 4 levels, USER set. */
static void map_user(pgd_t *pgd, unsigned long va, phys_addr_t pa)
{
	pteval_t *t = table(&pgd[pgd_index(va)].pgd);

	t = table(&t[pud_index(va)]);
	t = table(&t[pmd_index(va)]);
	t[pte_index(va)] = pa | _PAGE_PRESENT | _PAGE_USER | _PAGE_RW;
}

/* Tables built in the user half (three levels under two PGD entries)
 * are all freed by free_pgtables once nothing is mapped around them. */
static int test_free_pgtables(void)
{
	struct mm_struct mm = { .pgd = pgd_alloc(NULL) };
	unsigned long addrs[] = { 0x400000, 0x401000, 0x7fffffffe000, 0x40000000 };
	unsigned long before;
	struct page *page = alloc_page(GFP_KERNEL);

	EXPECT(mm.pgd && page);
	before = nr_free_pages();
	for (unsigned i = 0; i < sizeof(addrs) / sizeof(addrs[0]); i++)
		map_user(mm.pgd, addrs[i], PFN_PHYS(page_to_pfn(page)));
	EXPECT(nr_free_pages() < before, "no tables were made");
	for (unsigned i = 0; i < sizeof(addrs) / sizeof(addrs[0]); i++) {
		phys_addr_t pa;
		pteval_t f;

		EXPECT(kernel_translate(mm.pgd, addrs[i] + 12, &pa, &f));
		EXPECT(pa == PFN_PHYS(page_to_pfn(page)) + 12 && (f & _PAGE_USER));
		pte_clear(lookup_kernel_pte(mm.pgd, addrs[i]));
	}
	free_pgtables(&mm, 0, TASK_SIZE, 0, USER_PGTABLES_CEILING);
	EXPECT(nr_free_pages() == before, "%ld table pages kept",
	       (long)(before - nr_free_pages()));
	for (int i = 0; i < KERNEL_PGD_BOUNDARY; i++)
		EXPECT(pgd_none(mm.pgd[i]));
	pgd_free(NULL, mm.pgd);
	__free_page(page);
	return 0;
}

static const struct htest tests[] = {
	HTEST(test_pgd_alloc_copies_kernel_half), HTEST(test_free_pgtables),
};

int main(void)
{
	return hosted_main(tests, sizeof(tests) / sizeof(tests[0]), 32UL << 20);
}
