/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Event counters, per CPU, summed for readers; /proc/mmstat prints them
 * as "name value" lines (Linux's /proc/vmstat format). The names are an
 * interface: tools and tests rely on them.
 */
#ifndef _LINUX_VM_EVENT_H
#define _LINUX_VM_EVENT_H

#include <linux/types.h>

enum vm_event_item {
	CONTEXT_SWITCH,		/* context_switch() with prev != next */
	SWITCH_MM_CR3,		/* switch_mm loaded another mm's pgd into CR3 */
	SWITCH_MM_SAME,		/* user->user switch that kept CR3 */
	LAZY_TLB_ENTER,		/* a CPU entered lazy TLB mode */
	NR_TLB_LOCAL_FLUSH_ALL,	/* full flushes of this CPU's TLB */
	NR_TLB_LOCAL_FLUSH_ONE,	/* one page flushed (invlpg) */
	NR_TLB_REMOTE_FLUSH,
	PGFAULT,		/* page faults handled (user and kernel) */
	PGFAULT_ZERO,		/* read faults given the shared zero page */
	COW_FAULT_COPY,		/* write to a shared page: copied */
	COW_FAULT_REUSE,	/* write to a page with one user: reused */
	NR_VM_EVENT_ITEMS
};

extern const char *const vm_event_names[NR_VM_EVENT_ITEMS];

void count_vm_event(enum vm_event_item item);
unsigned long sum_vm_event(enum vm_event_item item);
void all_vm_events(unsigned long *ret);

#endif
