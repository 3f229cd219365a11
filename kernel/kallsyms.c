// SPDX-License-Identifier: GPL-2.0
/*
 * Symbol lookup for backtraces. The table is made at build time
 * (scripts/kallsyms.sh) from the first link's `nm -n` and linked into the
 * last section of the second link, so it names every function.
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/string.h>

extern const unsigned long kallsyms_num_syms;
extern const unsigned long kallsyms_addresses[];
extern const unsigned int kallsyms_name_offsets[];
extern const char kallsyms_names[];

/* The index of the last symbol at or below @addr, or -1. */
static long kallsyms_find(unsigned long addr)
{
	long lo = 0, hi = (long)kallsyms_num_syms - 1, best = -1;

	while (lo <= hi) {
		long mid = (lo + hi) / 2;

		if (kallsyms_addresses[mid] <= addr) {
			best = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return best;
}

int sprint_symbol(char *buf, size_t size, unsigned long addr)
{
	long i = kallsyms_find(addr);
	unsigned long start, next;

	if (i < 0 || (unsigned long)i + 1 >= kallsyms_num_syms)
		return snprintf(buf, size, "%#lx", addr);
	start = kallsyms_addresses[i];
	next = kallsyms_addresses[i + 1];
	return snprintf(buf, size, "%s+%#lx/%#lx",
			kallsyms_names + kallsyms_name_offsets[i],
			addr - start, next - start);
}

unsigned long kallsyms_lookup_name(const char *name)
{
	for (unsigned long i = 0; i < kallsyms_num_syms; i++)
		if (!strcmp(kallsyms_names + kallsyms_name_offsets[i], name))
			return kallsyms_addresses[i];
	return 0;
}
