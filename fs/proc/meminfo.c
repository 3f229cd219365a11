// SPDX-License-Identifier: GPL-2.0
/* /proc/meminfo and /proc/mmstat. */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/vm_event.h>

static void show_val_kb(struct seq_buf *s, const char *name, unsigned long pages)
{
	seq_printf(s, "%-16s%8lu kB\n", name, pages << (PAGE_SHIFT - 10));
}

void proc_meminfo(struct seq_buf *s)
{
	show_val_kb(s, "MemTotal:", totalram_pages());
	show_val_kb(s, "MemFree:", nr_free_pages());
	show_val_kb(s, "MemAvailable:", nr_free_pages());
}

/* Every event counter, "name value" a line (Linux's /proc/vmstat format),
 * then the gauges the tests watch. Kernel page tables are never freed,
 * so a leak check subtracts the ones made meanwhile (make fuzz-kernel). */
void proc_mmstat(struct seq_buf *s)
{
	unsigned long ev[NR_VM_EVENT_ITEMS];

	all_vm_events(ev);
	for (int i = 0; i < NR_VM_EVENT_ITEMS; i++)
		seq_printf(s, "%s %lu\n", vm_event_names[i], ev[i]);
	seq_printf(s, "nr_free_pages %lu\n", nr_free_pages());
	seq_printf(s, "nr_live_mm_structs %lu\n", nr_live_mms());
	seq_printf(s, "nr_tasks %lu\n", nr_tasks());
	seq_printf(s, "nr_kernel_pgtable_pages %lu\n", nr_kernel_pgtable_pages());
}
