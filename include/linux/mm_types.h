/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <linux/rwsem.h>
#include <linux/cpumask.h>
#include <linux/vma_tree.h>
#include <asm/pgtable_types.h>
#include <asm/mmu.h>

struct kmem_cache;

/* the auxiliary vector's room in an mm: Linux's x86-64 AT_VECTOR_SIZE */
#define AT_VECTOR_SIZE	52
struct address_space;

enum {
	MM_FILEPAGES,	/* file pages mapped */
	MM_ANONPAGES,	/* anonymous pages mapped */
	NR_MM_COUNTERS
};

/*
 * struct page - one per physical page frame, in mem_map[] by pfn.
 * A page is in exactly one state, told by flags:
 *   PG_reserved  never given to the buddy allocator (firmware, image, ...)
 *   PG_buddy     free, head of a 2^private block on a free list (lru)
 *   PG_slab      a slab: slab_cache, freelist, inuse describe it
 *   PG_head      the first page of a multi-page allocation of order private
 *   none         an allocated page owned by whoever holds _refcount
 */
struct page {
	unsigned long flags;
	atomic_t _refcount;	/* 0 when free; 1 for a fresh allocation */
	atomic_t _mapcount;	/* page-table mappings - 1 (so -1: none) */
	struct list_head lru;	/* free list or slab list */
	unsigned long private;	/* buddy or compound order */
	struct kmem_cache *slab_cache;
	void *freelist;		/* first free object of a slab */
	unsigned int inuse;	/* objects allocated from this slab */
	/* set by add_to_page_cache() and cleared when the page leaves the
	 * cache, both under mapping->tree_lock: the file it is a page of
	 * (NULL: none, or truncated away) and its offset there, in pages */
	struct address_space *mapping;
	unsigned long index;
	/* changed with the PTEs, under the mapping mm's page_table_lock
	 * (atomic: a shared page is in several mms): the VM_LOCKED VMAs
	 * mapping the page; above 0 it is mlocked (Linux's PG_mlocked,
	 * NR_MLOCK) */
	atomic_t mlock_count;
};

enum pageflags {
	PG_reserved,
	PG_buddy,
	PG_slab,
	PG_head,
	PG_anon,	/* anonymous memory (not a file's page) */
	PG_dirty,	/* a page-cache page written since it was made or
			 * last cleaned (set_page_dirty(), mm/page-writeback.c) */
};

struct file;
struct vm_fault;

/*
 * struct vm_operations_struct - what the backing of a mapping does for
 * it (Linux's): ->fault finds the page for a missing PTE, ->open and
 * ->close hear of each new VMA (fork, split) and each one removed. A
 * VMA with no vm_ops is anonymous memory.
 */
struct vm_operations_struct {
	void (*open)(struct vm_area_struct *vma);
	void (*close)(struct vm_area_struct *vma);
	unsigned int (*fault)(struct vm_fault *vmf);	/* vm_fault_t */
};

/*
 * struct vm_area_struct - one contiguous range of an address space with
 * one set of permissions and one backing: anonymous memory, or a file
 * from page vm_pgoff on. Lives in its mm's mm_mt; changed only under
 * the mm's mmap_lock held for writing.
 */
struct vm_area_struct {
	unsigned long vm_start, vm_end;		/* [vm_start, vm_end) */
	struct mm_struct *vm_mm;
	unsigned long vm_flags;			/* VM_READ, VM_WRITE, ... */
	pgprot_t vm_page_prot;			/* PTE bits for its pages */
	unsigned long vm_pgoff;			/* file offset, in pages */
	struct file *vm_file;			/* NULL: anonymous */
	const struct vm_operations_struct *vm_ops;	/* NULL: anonymous */
	struct list_head vm_list;		/* in mm_mt.list, by address */
	struct vma_tree_node *vm_node;		/* the leaf holding it */
	/* vm_file's mapping->i_mmap_rwsem must be held when using this
	 * (and, for writing, to change vm_start, vm_end or vm_pgoff of a
	 * VMA on the list): the link on that mapping's i_mmap, the reverse
	 * map from the file to the VMAs that map it (mm/rmap.c); empty
	 * while the VMA is in no mm's tree */
	struct list_head i_mmap_link;
};

/*
 * struct mm_struct - one address space
 * (Documentation/mm/process-address-space.md, "Objects").
 * mm_users counts the users of the user address space; all of them
 * together hold one mm_count, the count of references to the struct.
 */
struct mm_struct {
	/* VMAs: read under mmap_lock (read), changed under it (write) */
	struct rw_semaphore mmap_lock;
	struct vma_tree mm_mt;	/* a B+tree (vma_tree.h); Linux's field name */

	/* Page tables: entries change under page_table_lock */
	spinlock_t page_table_lock;
	pgd_t *pgd;

	/* Lifetime: atomic, no lock */
	atomic_t mm_users;
	atomic_t mm_count;

	/* Layout: written at exec and by brk under mmap_lock */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;

	/* arg_lock must be held when using these (exec writes them, /proc
	 * reads them): where argv's and envp's strings are */
	spinlock_t arg_lock;
	unsigned long arg_start, arg_end, env_start, env_end;
	/* set by exec before the mm is anyone's, never changed: the
	 * auxiliary vector it gave the program, up to AT_NULL
	 * (/proc/PID/auxv, a core's NT_AUXV) */
	unsigned long saved_auxv[AT_VECTOR_SIZE];

	/* CPUs that may hold this mm's translations: set by switch_mm */
	struct cpumask cpu_bitmap;

	/* Architecture state (<asm/mmu.h>) */
	mm_context_t context;

	/* Accounting for /proc: pages mapped, VM sizes (in pages) */
	atomic_long_t rss_stat[NR_MM_COUNTERS];
	atomic_long_t pgtables_bytes;
	unsigned long total_vm, hiwater_vm, data_vm, exec_vm, stack_vm;
	unsigned long locked_vm;		/* pages in VM_LOCKED VMAs */
	/* mmap_lock must be held when using this: what every new VMA gets
	 * (mlockall(MCL_FUTURE): VM_LOCKED) */
	unsigned long def_flags;
	/* the largest RSS seen, in pages: raised after each fault
	 * (update_hiwater_rss(), unlocked as in Linux: a lost update
	 * only makes it lag), for getrusage's ru_maxrss */
	unsigned long hiwater_rss;
	unsigned long mmap_base;		/* top-down mmap starts below */
	/* set by exec before the mm is anyone's, never changed: the
	 * file it executes (a reference), /proc/PID/exe */
	struct file *exe_file;
	/* whether a dump may be made and of what (<linux/coredump.h>'s
	 * MMF_* bits): read with READ_ONCE, changed only by
	 * mm_flags_replace() (a compare-and-exchange: exec and prctl change
	 * the dumpable bits, /proc/PID/coredump_filter the filter, from
	 * other processes too); inherited at fork and exec */
	unsigned long flags;
};

#endif
