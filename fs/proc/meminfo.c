// SPDX-License-Identifier: GPL-2.0
/* /proc/meminfo and /proc/mmstat. */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/vm_event.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>

static void show_val_kb(struct seq_buf *s, const char *name, unsigned long pages)
{
	seq_printf(s, "%-16s%8lu kB\n", name, pages << (PAGE_SHIFT - 10));
}

/*
 * proc_meminfo - /proc/meminfo, every line busybox free/top and LTP
 * read, in Linux's order and format. The counted lines come from the
 * page state counters (<linux/vmstat.h>), as Linux's: Cached is every
 * page-cache page (tmpfs included: there are no block-device Buffers
 * and no swap cache to take out), Shmem the tmpfs ones, AnonPages and
 * Mapped the anonymous and file pages some PTE maps, Slab all of it
 * unreclaimable (no cache has a shrinker), PageTables the user tables
 * and the kernel's, Committed_AS vm_committed_as (mm/util.c).
 * MemAvailable is MemFree: nothing can be reclaimed.
 * What mmos does not have (swap, LRU lists, mlock, huge pages, zswap,
 * writeback, per-CPU areas) reads 0: Documentation/filesystems/proc.md.
 */
void proc_meminfo(struct seq_buf *s)
{
	unsigned long total = totalram_pages(), free = nr_free_pages();
	unsigned long sunreclaim = global_node_page_state_pages(NR_SLAB_UNRECLAIMABLE_B);
	unsigned long sreclaimable = global_node_page_state_pages(NR_SLAB_RECLAIMABLE_B);

	show_val_kb(s, "MemTotal:", total);
	show_val_kb(s, "MemFree:", free);
	show_val_kb(s, "MemAvailable:", free);
	show_val_kb(s, "Buffers:", 0);
	show_val_kb(s, "Cached:", global_node_page_state(NR_FILE_PAGES));
	show_val_kb(s, "SwapCached:", 0);
	show_val_kb(s, "Active:", 0);
	show_val_kb(s, "Inactive:", 0);
	show_val_kb(s, "Active(anon):", 0);
	show_val_kb(s, "Inactive(anon):", 0);
	show_val_kb(s, "Active(file):", 0);
	show_val_kb(s, "Inactive(file):", 0);
	/* mlocked pages are Linux's unevictable ones here (no swap) */
	show_val_kb(s, "Unevictable:", global_node_page_state(NR_MLOCK));
	show_val_kb(s, "Mlocked:", global_node_page_state(NR_MLOCK));
	show_val_kb(s, "SwapTotal:", 0);
	show_val_kb(s, "SwapFree:", 0);
	show_val_kb(s, "Zswap:", 0);
	show_val_kb(s, "Zswapped:", 0);
	show_val_kb(s, "Dirty:", 0);
	show_val_kb(s, "Writeback:", 0);
	show_val_kb(s, "AnonPages:", global_node_page_state(NR_ANON_MAPPED));
	show_val_kb(s, "Mapped:", global_node_page_state(NR_FILE_MAPPED));
	show_val_kb(s, "Shmem:", global_node_page_state(NR_SHMEM));
	show_val_kb(s, "KReclaimable:", sreclaimable);
	show_val_kb(s, "Slab:", sreclaimable + sunreclaim);
	show_val_kb(s, "SReclaimable:", sreclaimable);
	show_val_kb(s, "SUnreclaim:", sunreclaim);
	seq_printf(s, "%-16s%8lu kB\n", "KernelStack:",
		   global_node_page_state(NR_KERNEL_STACK_KB));
	show_val_kb(s, "PageTables:", global_node_page_state(NR_PAGETABLE) +
		    nr_kernel_pgtable_pages());
	show_val_kb(s, "SecPageTables:", 0);
	show_val_kb(s, "NFS_Unstable:", 0);
	show_val_kb(s, "Bounce:", 0);
	show_val_kb(s, "WritebackTmp:", 0);
	show_val_kb(s, "CommitLimit:", vm_commit_limit());
	show_val_kb(s, "Committed_AS:", vm_memory_committed());
	seq_printf(s, "%-16s%8lu kB\n", "VmallocTotal:",
		   (unsigned long)((VMALLOC_END - VMALLOC_START + 1) >> 10));
	show_val_kb(s, "VmallocUsed:", vmalloc_nr_pages());
	show_val_kb(s, "VmallocChunk:", 0);
	show_val_kb(s, "Percpu:", 0);
	/* Linux's own format for this one: a 5-wide value after the name */
	seq_printf(s, "HardwareCorrupted: %5lu kB\n", 0UL);
	show_val_kb(s, "AnonHugePages:", 0);
	show_val_kb(s, "ShmemHugePages:", 0);
	show_val_kb(s, "ShmemPmdMapped:", 0);
	show_val_kb(s, "FileHugePages:", 0);
	show_val_kb(s, "FilePmdMapped:", 0);
	seq_printf(s, "HugePages_Total:   %5lu\nHugePages_Free:    %5lu\n"
		   "HugePages_Rsvd:    %5lu\nHugePages_Surp:    %5lu\n", 0UL, 0UL, 0UL, 0UL);
	seq_printf(s, "Hugepagesize:   %8lu kB\n", 2048UL);
	show_val_kb(s, "Hugetlb:", 0);
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
