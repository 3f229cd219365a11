// SPDX-License-Identifier: GPL-2.0
/* memblock: region arithmetic and top-down allocation. Runs before
 * hosted_boot's buddy allocator would matter, on its own tables. */
#include "harness.h"
#include <linux/memblock.h>
#include <linux/mm.h>

static int test_memblock_merge_and_remove(void)
{
	memblock_reset();
	memblock_add(0x1000, 0x1000);
	memblock_add(0x3000, 0x1000);
	memblock_add(0x2000, 0x1000);		/* joins both */
	EXPECT(memblock.memory.cnt == 1, "cnt %lu", memblock.memory.cnt);
	EXPECT(memblock_phys_mem_size() == 0x3000);
	memblock_remove(0x2000, 0x800);		/* splits */
	EXPECT(memblock.memory.cnt == 2);
	EXPECT(memblock_is_memory(0x1fff) && !memblock_is_memory(0x2000) &&
	       memblock_is_memory(0x2800));
	memblock_cap_memory(0x3000);
	EXPECT(memblock_end_of_DRAM() == 0x3000);
	return 0;
}

static int test_memblock_alloc_top_down(void)
{
	phys_addr_t a, b;

	memblock_reset();
	memblock_add(0x100000, 0x100000);
	memblock_reserve(0x1ff000, 0x1000);
	a = memblock_phys_alloc(0x1000, 0x1000);
	EXPECT(a == 0x1fe000, "a %#llx", (unsigned long long)a);
	b = memblock_phys_alloc(0x10000, 0x10000);
	EXPECT(b == 0x1e0000, "b %#llx", (unsigned long long)b);
	EXPECT(memblock_is_reserved(a) && memblock_is_reserved(b));
	memblock.current_limit = 0x180000;
	a = memblock_phys_alloc(0x1000, 0x1000);
	EXPECT(a == 0x17f000, "limit ignored: %#llx", (unsigned long long)a);
	EXPECT(memblock_phys_alloc(0x200000, 0x1000) == 0);
	return 0;
}

static const struct htest tests[] = {
	HTEST(test_memblock_merge_and_remove), HTEST(test_memblock_alloc_top_down),
};

int main(void)
{
	/* These tests own memblock's tables; no memory core is booted. */
	int failed = 0;

	for (unsigned i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
		int r = tests[i].fn();

		printf("%s %s\n", r ? "FAIL" : "PASS", tests[i].name);
		failed += r != 0;
	}
	return failed != 0;
}
