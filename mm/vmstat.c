// SPDX-License-Identifier: GPL-2.0
/* The event counters of <linux/vm_event.h> (per CPU, summed on read)
 * and the page state counters of <linux/vmstat.h>. */
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <linux/vm_event.h>
#include <linux/vmstat.h>
#include <linux/atomic.h>
#include <linux/mm.h>

const char *const vm_event_names[NR_VM_EVENT_ITEMS] = {
	[CONTEXT_SWITCH]	= "context_switch",
	[SWITCH_MM_CR3]		= "switch_mm_cr3",
	[SWITCH_MM_SAME]	= "switch_mm_same",
	[LAZY_TLB_ENTER]	= "lazy_tlb_enter",
	[NR_TLB_LOCAL_FLUSH_ALL] = "nr_tlb_local_flush_all",
	[NR_TLB_LOCAL_FLUSH_ONE] = "nr_tlb_local_flush_one",
	[NR_TLB_REMOTE_FLUSH]	= "nr_tlb_remote_flush",
	[PGFAULT]		= "pgfault",
	[PGFAULT_ZERO]		= "pgfault_zero",
	[COW_FAULT_COPY]	= "cow_fault_copy",
	[COW_FAULT_REUSE]	= "cow_fault_reuse",
};

static unsigned long vm_events[NR_CPUS][NR_VM_EVENT_ITEMS];

/* count_vm_event - one more @item on this CPU. Safe from interrupts. */
void count_vm_event(enum vm_event_item item)
{
	__atomic_fetch_add(&vm_events[smp_processor_id()][item], 1, __ATOMIC_RELAXED);
}

/* sum_vm_event - @item summed over all CPUs. */
unsigned long sum_vm_event(enum vm_event_item item)
{
	unsigned long sum = 0;

	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		sum += __atomic_load_n(&vm_events[cpu][item], __ATOMIC_RELAXED);
	return sum;
}

/* all_vm_events - every counter, summed over CPUs, into @ret. */
void all_vm_events(unsigned long *ret)
{
	for (int i = 0; i < NR_VM_EVENT_ITEMS; i++)
		ret[i] = sum_vm_event(i);
}

/* The state counters of <linux/vmstat.h>: changed from any context
 * (slab frees may run with interrupts off), so atomic. */
static atomic_long_t vm_node_stat[NR_VM_NODE_STAT_ITEMS];

/* mod_node_page_state - add @delta (pages, or bytes for a _B item, kB
 * for a _KB one) to @item. */
void mod_node_page_state(enum node_stat_item item, long delta)
{
	atomic_long_add(delta, &vm_node_stat[item]);
}

/* global_node_page_state - @item now, in its own unit. A transiently
 * negative sum reads 0, as Linux's does. */
unsigned long global_node_page_state(enum node_stat_item item)
{
	long x = atomic_long_read(&vm_node_stat[item]);

	return x < 0 ? 0 : x;
}

/* global_node_page_state_pages - @item in pages, whatever its unit
 * (Linux's: a byte item is divided by the page size). */
unsigned long global_node_page_state_pages(enum node_stat_item item)
{
	unsigned long x = global_node_page_state(item);

	if (item == NR_SLAB_RECLAIMABLE_B || item == NR_SLAB_UNRECLAIMABLE_B)
		return x >> PAGE_SHIFT;
	return x;
}
