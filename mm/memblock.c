// SPDX-License-Identifier: GPL-2.0
/*
 * Boot-time physical memory map (see <linux/memblock.h>).
 *
 * Both tables hold sorted, non-overlapping, non-adjacent regions: every
 * change re-normalises the table, so lookups may stop at the first
 * region that ends above the address.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <asm/page.h>

struct memblock memblock = {
	.current_limit = ~(phys_addr_t)0,
	.memory.name = "memory",
	.reserved.name = "reserved",
};

/* memblock_reset - forget every region (hosted tests start afresh). */
void memblock_reset(void)
{
	memblock.memory.cnt = 0;
	memblock.reserved.cnt = 0;
	memblock.current_limit = ~(phys_addr_t)0;
}

static void memblock_remove_region(struct memblock_type *t, unsigned long i)
{
	memmove(&t->regions[i], &t->regions[i + 1],
		(t->cnt - i - 1) * sizeof(t->regions[0]));
	t->cnt--;
}

/* Merge overlapping or touching neighbours of a sorted table. */
static void memblock_merge_regions(struct memblock_type *t)
{
	unsigned long i = 0;

	while (i + 1 < t->cnt) {
		struct memblock_region *a = &t->regions[i], *b = a + 1;

		if (a->base + a->size < b->base) {
			i++;
			continue;
		}
		a->size = max(a->base + a->size, b->base + b->size) - a->base;
		memblock_remove_region(t, i + 1);
	}
}

/* memblock_add_range - add [base, base+size) to @t. Returns 0 or -ENOMEM
 * when the table is full. */
static int memblock_add_range(struct memblock_type *t, phys_addr_t base,
			      phys_addr_t size)
{
	unsigned long i = 0;

	if (!size)
		return 0;
	if (t->cnt == INIT_MEMBLOCK_REGIONS)
		return -ENOMEM;
	while (i < t->cnt && t->regions[i].base < base)
		i++;
	memmove(&t->regions[i + 1], &t->regions[i],
		(t->cnt - i) * sizeof(t->regions[0]));
	t->regions[i].base = base;
	t->regions[i].size = size;
	t->cnt++;
	memblock_merge_regions(t);
	return 0;
}

/* memblock_remove_range - cut [base, base+size) out of @t, splitting a
 * region that straddles it. */
static int memblock_remove_range(struct memblock_type *t, phys_addr_t base,
				 phys_addr_t size)
{
	phys_addr_t end = base + size;
	unsigned long i = 0;

	while (i < t->cnt) {
		struct memblock_region *r = &t->regions[i];
		phys_addr_t rend = r->base + r->size;

		if (rend <= base || r->base >= end) {
			i++;
			continue;
		}
		if (r->base < base && rend > end) {
			r->size = base - r->base;
			return memblock_add_range(t, end, rend - end);
		}
		if (r->base < base) {
			r->size = base - r->base;
			i++;
		} else if (rend > end) {
			r->size = rend - end;
			r->base = end;
			i++;
		} else {
			memblock_remove_region(t, i);
		}
	}
	return 0;
}

/* memblock_add - record [base, base + size) as RAM. 0 or -ENOMEM (the
 * region table is full). */
int memblock_add(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.memory, base, size);
}

/* memblock_reserve - mark [base, base + size) as in use (never handed
 * to the buddy allocator). 0 or -ENOMEM. */
int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.reserved, base, size);
}

/* memblock_remove - forget [base, base + size) as RAM. 0 or -ENOMEM. */
int memblock_remove(phys_addr_t base, phys_addr_t size)
{
	return memblock_remove_range(&memblock.memory, base, size);
}

static bool memblock_search(const struct memblock_type *t, phys_addr_t a)
{
	for (unsigned long i = 0; i < t->cnt; i++) {
		const struct memblock_region *r = &t->regions[i];

		if (a < r->base)
			return false;
		if (a < r->base + r->size)
			return true;
	}
	return false;
}

/* memblock_is_reserved - whether @addr lies in a reserved region. */
bool memblock_is_reserved(phys_addr_t addr)
{
	return memblock_search(&memblock.reserved, addr);
}

/* memblock_is_memory - whether @addr lies in RAM. */
bool memblock_is_memory(phys_addr_t addr)
{
	return memblock_search(&memblock.memory, addr);
}

/* The highest reserved region overlapping [base, end), or NULL. */
static struct memblock_region *memblock_overlap(phys_addr_t base,
						phys_addr_t end)
{
	struct memblock_type *t = &memblock.reserved;

	for (unsigned long i = t->cnt; i-- > 0;) {
		struct memblock_region *r = &t->regions[i];

		if (r->base < end && r->base + r->size > base)
			return r;
	}
	return NULL;
}

/* Top-down search of one RAM region for @size free bytes; 0 if none. */
static phys_addr_t memblock_find_in(const struct memblock_region *m,
				    phys_addr_t size, phys_addr_t align)
{
	phys_addr_t end = min(m->base + m->size, memblock.current_limit);

	while (end >= m->base + size) {
		phys_addr_t cand = ALIGN_DOWN(end - size, align);
		struct memblock_region *r;

		if (cand < m->base)
			return 0;
		r = memblock_overlap(cand, cand + size);
		if (!r)
			return cand;
		end = r->base;
	}
	return 0;
}

/*
 * memblock_phys_alloc - reserve @size bytes aligned to @align, as high
 * as possible below current_limit (top-down, as Linux does, to keep low
 * memory for those who need it). Returns the physical address, or 0.
 */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	struct memblock_type *t = &memblock.memory;

	for (unsigned long i = t->cnt; i-- > 0;) {
		phys_addr_t pa = memblock_find_in(&t->regions[i], size, align);

		if (pa && memblock_reserve(pa, size) == 0)
			return pa;
	}
	return 0;
}

/* memblock_alloc - like memblock_phys_alloc, zeroed, as a direct-map
 * pointer. Returns NULL when no RAM is left. */
void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	phys_addr_t pa = memblock_phys_alloc(size, align);
	void *p;

	if (!pa)
		return NULL;
	p = __va(pa);
	memset(p, 0, size);
	return p;
}

/* memblock_end_of_DRAM - the end of the highest RAM region (0 if none). */
phys_addr_t memblock_end_of_DRAM(void)
{
	struct memblock_type *t = &memblock.memory;

	if (!t->cnt)
		return 0;
	return t->regions[t->cnt - 1].base + t->regions[t->cnt - 1].size;
}

/* memblock_phys_mem_size - the bytes of RAM recorded. */
phys_addr_t memblock_phys_mem_size(void)
{
	phys_addr_t total = 0;

	for (unsigned long i = 0; i < memblock.memory.cnt; i++)
		total += memblock.memory.regions[i].size;
	return total;
}

/* memblock_cap_memory - drop RAM above @limit (the mem= parameter). */
void memblock_cap_memory(phys_addr_t limit)
{
	phys_addr_t end = memblock_end_of_DRAM();

	if (limit < end)
		memblock_remove(limit, end - limit);
}

static void memblock_dump(const struct memblock_type *t)
{
	pr_info("memblock %s: %lu regions\n", t->name, t->cnt);
	for (unsigned long i = 0; i < t->cnt; i++) {
		const struct memblock_region *r = &t->regions[i];

		pr_info("  [%#018llx-%#018llx] %llu KiB\n",
			(unsigned long long)r->base,
			(unsigned long long)(r->base + r->size - 1),
			(unsigned long long)(r->size >> 10));
	}
}

/* memblock_dump_all - print the RAM and reserved regions. */
void memblock_dump_all(void)
{
	memblock_dump(&memblock.memory);
	memblock_dump(&memblock.reserved);
}
