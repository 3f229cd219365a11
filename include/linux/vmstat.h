/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The memory state counters (Linux's node_stat_item): how many pages are
 * in each state now, kept where a page changes state and read by
 * /proc/meminfo and sysinfo(2). mmos has one node and one CPU, so each
 * is one atomic counter (Linux keeps per-CPU deltas folded into per-node
 * totals). Items ending in _B count bytes, _KB kilobytes, the others
 * pages.
 */
#ifndef _LINUX_VMSTAT_H
#define _LINUX_VMSTAT_H

#include <linux/types.h>

enum node_stat_item {
	NR_FILE_PAGES,		/* in a page cache (ramfs, tmpfs, rootfs) */
	NR_SHMEM,		/* of those, in a tmpfs */
	NR_ANON_MAPPED,		/* anonymous pages mapped by a PTE */
	NR_FILE_MAPPED,		/* page-cache pages mapped by a PTE */
	NR_SLAB_RECLAIMABLE_B,	/* slab a shrinker could free: none in mmos */
	NR_SLAB_UNRECLAIMABLE_B, /* slab pages and large kmalloc blocks */
	NR_KERNEL_STACK_KB,	/* the stacks of tasks made by fork */
	NR_PAGETABLE,		/* user page-table pages, pgds included */
	NR_MLOCK,		/* pages mapped by a VM_LOCKED VMA (mlock_count) */
	NR_VM_NODE_STAT_ITEMS
};

void mod_node_page_state(enum node_stat_item item, long delta);
unsigned long global_node_page_state(enum node_stat_item item);
unsigned long global_node_page_state_pages(enum node_stat_item item);

/* inc/dec_node_page_state - one page (or unit) more or less of @item. */
static inline void inc_node_page_state(enum node_stat_item item)
{
	mod_node_page_state(item, 1);
}

static inline void dec_node_page_state(enum node_stat_item item)
{
	mod_node_page_state(item, -1);
}

#endif
