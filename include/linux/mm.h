/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/gfp.h>
#include <asm/page.h>

extern struct page *mem_map;
extern unsigned long max_pfn;
extern struct mm_struct init_mm;

#define PFN_UP(x)	(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define PFN_PHYS(x)	((phys_addr_t)(x) << PAGE_SHIFT)
#define PAGE_ALIGN(x)	ALIGN(x, PAGE_SIZE)

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map);
}

static inline void *page_address(const struct page *page)
{
	return __va(PFN_PHYS(page_to_pfn(page)));
}

static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(PFN_DOWN(__pa(addr)));
}

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn < max_pfn;
}

static inline bool PageFlag(const struct page *p, int bit)
{
	return p->flags & (1UL << bit);
}

static inline void SetPageFlag(struct page *p, int bit)
{
	p->flags |= 1UL << bit;
}

static inline void ClearPageFlag(struct page *p, int bit)
{
	p->flags &= ~(1UL << bit);
}

#define PageReserved(p)		PageFlag(p, PG_reserved)
#define PageBuddy(p)		PageFlag(p, PG_buddy)
#define PageSlab(p)		PageFlag(p, PG_slab)
#define PageHead(p)		PageFlag(p, PG_head)

static inline int page_ref_count(const struct page *p)
{
	return atomic_read(&p->_refcount);
}

static inline void get_page(struct page *p)
{
	BUG_ON(page_ref_count(p) <= 0);
	atomic_inc(&p->_refcount);
}

void put_page(struct page *page);

/* Page accounting (mm/page_alloc.c): what leak checks compare. */
unsigned long nr_free_pages(void);
unsigned long totalram_pages(void);
unsigned long nr_used_pages(void);
void free_area_init(unsigned long max_pfn);
void memblock_free_all(void);
void free_reserved_area(phys_addr_t start, phys_addr_t end, const char *what);
void show_free_areas(void);
unsigned long free_area_count(unsigned int order);
bool is_free_buddy_page(const struct page *page);

void setup_initial_init_mm(void *start_code, void *end_code,
			   void *end_data, void *brk);

#define PageAnon(p)		PageFlag(p, PG_anon)
#define PageDirty(p)		PageFlag(p, PG_dirty)
#define ClearPageDirty(p)	ClearPageFlag(p, PG_dirty)

/* TestSetPageDirty - set PG_dirty atomically (two mms' zaps may mark
 * one page); whether it was set already. */
static inline bool TestSetPageDirty(struct page *p)
{
	return __atomic_fetch_or(&p->flags, 1UL << PG_dirty, __ATOMIC_SEQ_CST) &
	       (1UL << PG_dirty);
}

/* mm/page-writeback.c */
bool set_page_dirty(struct page *page);

static inline int page_mapcount(const struct page *p)
{
	return atomic_read(&p->_mapcount) + 1;
}

/* ---- VMAs (mm/mmap.c) -------------------------------------------- */

#define VM_NONE		0x00000000
#define VM_READ		0x00000001
#define VM_WRITE	0x00000002
#define VM_EXEC		0x00000004
#define VM_SHARED	0x00000008
#define VM_MAYREAD	0x00000010
#define VM_MAYWRITE	0x00000020
#define VM_MAYEXEC	0x00000040
#define VM_MAYSHARE	0x00000080
#define VM_GROWSDOWN	0x00000100
#define VM_LOCKED	0x00002000	/* mlock: populated, counted in locked_vm */
#define VM_DONTCOPY	0x00020000	/* MADV_DONTFORK: not in a fork's child */
#define VM_LOCKONFAULT	0x00080000	/* mlock2(MLOCK_ONFAULT): locked as faulted */
#define VM_LOCKED_MASK	(VM_LOCKED | VM_LOCKONFAULT)
#define VM_ACCOUNT	0x00100000	/* its pages are in vm_committed_as */
#define VM_NORESERVE	0x00200000	/* MAP_NORESERVE: never accounted */
#define VM_WIPEONFORK	0x02000000	/* MADV_WIPEONFORK: empty in a fork's child */
/* new or grown since the last clear_refs "4": every page of it reads as
 * soft-dirty in pagemap (Linux's; ignored when VMAs merge) */
#define VM_SOFTDIRTY	0x08000000
#define VM_DONTDUMP	0x04000000	/* MADV_DONTDUMP: not in a core dump */
#define VM_ACCESS_FLAGS	(VM_READ | VM_WRITE | VM_EXEC)
#define VM_STACK_FLAGS	(VM_GROWSDOWN | VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | \
			 VM_MAYEXEC | VM_ACCOUNT)

/* mm/util.c: the committed address space (Committed_AS) */
void vm_acct_memory(long pages);
void vm_unacct_memory(long pages);
unsigned long vm_memory_committed(void);
bool vm_commit_allowed(struct mm_struct *mm, long pages, bool cap_sys_admin);
bool vm_enough_memory(struct mm_struct *mm, long pages);
unsigned long vm_commit_limit(void);
void init_reserves(void);

/* vm.overcommit_memory (mm/util.c) */
#define OVERCOMMIT_GUESS	0
#define OVERCOMMIT_ALWAYS	1
#define OVERCOMMIT_NEVER	2
extern int sysctl_overcommit_memory;
extern int sysctl_overcommit_ratio;
extern unsigned long sysctl_overcommit_kbytes;
extern unsigned long sysctl_admin_reserve_kbytes;
extern unsigned long sysctl_user_reserve_kbytes;

/* The lowest address mmap hands out (Linux's vm.mmap_min_addr). */
#define MMAP_MIN_ADDR	0x10000UL
/* Linux's stack_guard_gap: 256 pages kept free below a growing stack. */
#define STACK_GUARD_GAP	(256UL << PAGE_SHIFT)
#define STACK_TOP	TASK_SIZE
/* The end of what user page tables can map: the whole lower half. */
#define USER_PGTABLES_CEILING	(1UL << 47)

pgprot_t vm_get_page_prot(unsigned long vm_flags);
/* mm/gup.c: fault in [start, start + len) of current's mm as mlock and
 * MAP_POPULATE do; mmap_lock not held. 0 or -errno (unless ignored). */
int __mm_populate(unsigned long start, unsigned long len, int ignore_errors);
int faultin_vma_page_range(struct vm_area_struct *vma, unsigned long start,
			   unsigned long end, bool write);
pte_t *follow_pte_slot(struct mm_struct *mm, unsigned long addr);	/* mm/memory.c */
static inline void mm_populate(unsigned long start, unsigned long len)
{
	(void)__mm_populate(start, len, 1);
}
/* mm/mlock.c */
bool can_do_mlock(void);
int mlock_future_check(struct mm_struct *mm, unsigned long flags, unsigned long len);
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm);
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig, struct mm_struct *mm);
void vm_area_free(struct vm_area_struct *vma);
void expand_downwards(struct vm_area_struct *vma, unsigned long start);
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *vma_next(struct vm_area_struct *vma);
struct vm_area_struct *vma_prev(struct vm_area_struct *vma);
struct vm_area_struct *find_extend_vma(struct mm_struct *mm, unsigned long addr);
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma);
unsigned long get_unmapped_area(struct file *file, unsigned long addr,
				unsigned long len, unsigned long pgoff,
				unsigned long flags);
unsigned long do_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags, unsigned long pgoff);
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);
int do_brk_flags(unsigned long addr, unsigned long len, unsigned long flags);
int split_vma(struct vm_area_struct *vma, unsigned long addr, bool new_below);

/* vm.max_map_count: the VMAs an address space may have (Linux's default
 * leaves room below 65535 for the ELF core dump's section count) */
#define DEFAULT_MAX_MAP_COUNT	(65535 - 5)
extern int sysctl_max_map_count;

/* mm_auxv_words - the longs of @mm's saved_auxv, AT_NULL's pair (type
 * 0) included. */
static inline size_t mm_auxv_words(const struct mm_struct *mm)
{
	size_t n = 0;

	do {
		n += 2;
	} while (n < AT_VECTOR_SIZE && mm->saved_auxv[n - 2] != 0);
	return n;
}

/* mm_map_count - the VMAs of @mm (Linux's mm->map_count: the tree
 * already counts them). Under mmap_lock. */
static inline int mm_map_count(const struct mm_struct *mm)
{
	return mm->mm_mt.nr_entries;
}
int split_vma_range(struct vm_area_struct *vma, unsigned long start, unsigned long end);
void exit_mmap(struct mm_struct *mm);
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages);
void vma_acct(unsigned long flags, long npages);

/* vma_pages - the number of pages @vma spans. */
static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/* vma_is_shared_maywrite - a shared mapping that is or may become
 * writable: what i_mmap_writable counts (Linux's). */
static inline bool vma_is_shared_maywrite(const struct vm_area_struct *vma)
{
	return (vma->vm_flags & (VM_SHARED | VM_MAYWRITE)) == (VM_SHARED | VM_MAYWRITE);
}

/* vma_is_anonymous - private anonymous memory, which has no vm_ops
 * (shared anonymous memory is a tmpfs file's, with them). */
static inline bool vma_is_anonymous(const struct vm_area_struct *vma)
{
	return !vma->vm_ops;
}

/* mm_for_each_vma - walk @mm's VMAs in address order, along the sorted
 * list the VMA tree keeps (mm_mt.list). Not Linux's for_each_vma(),
 * which takes a vma_iterator over the maple tree: mmos's walk needs no
 * iterator state, so it has a name of its own. mmap_lock held. */
#define mm_for_each_vma(mm, vma) list_for_each_entry(vma, &(mm)->mm_mt.list, vm_list)

/* ---- faults and page tables (mm/memory.c) ------------------------- */

typedef unsigned int vm_fault_t;
#define VM_FAULT_OOM		0x0001
#define VM_FAULT_SIGBUS		0x0002
#define VM_FAULT_SIGSEGV	0x0004
#define VM_FAULT_ERROR		(VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV)

#define FAULT_FLAG_WRITE	0x01
#define FAULT_FLAG_USER		0x02
#define FAULT_FLAG_INSTRUCTION	0x04

/*
 * struct vm_fault - one page fault on its way through the handlers
 * (Linux's name and shape): where, how, and what the PTE held when the
 * fault looked at it, so that a handler that prepared a page without
 * the lock can tell whether another thread changed the PTE meanwhile.
 */
struct vm_fault {
	struct vm_area_struct *vma;
	unsigned long address;		/* page aligned */
	unsigned int flags;		/* FAULT_FLAG_* */
	pte_t *pte;			/* the slot; mmap_lock keeps its table */
	pte_t orig_pte;			/* its value when the fault began */
	unsigned long pgoff;		/* file mappings: the page's offset */
	struct page *page;		/* what ->fault found, referenced */
};

/* mm/filemap.c: the page cache */
struct address_space;
struct page *find_get_page(struct address_space *mapping, unsigned long index);
vm_fault_t filemap_fault(struct vm_fault *vmf);
int generic_file_mmap(struct file *file, struct vm_area_struct *vma);
extern const struct vm_operations_struct generic_file_vm_ops;

extern unsigned long zero_pfn;

/* is_zero_pfn - whether @pfn is the shared zero page (never counted). */
static inline bool is_zero_pfn(unsigned long pfn)
{
	return pfn == zero_pfn;
}

struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr, pte_t pte);

vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long addr,
			   unsigned int flags);
int handle_user_fault(struct mm_struct *mm, unsigned long addr,
		      unsigned int flags, int *code);
void zap_page_range(struct vm_area_struct *vma, unsigned long start,
		    unsigned long end);
void free_pgtables(struct mm_struct *mm, unsigned long start, unsigned long end,
		   unsigned long floor, unsigned long ceiling);
/* mm/mprotect.c */
void change_protection(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end);
/* mm/mremap.c */
int move_page_tables(struct vm_area_struct *vma, unsigned long old_addr,
		     struct vm_area_struct *new_vma, unsigned long new_addr,
		     unsigned long len);
/* mm/tlb.c */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start,
			unsigned long end);
/* mm/memory.c */
struct page *fault_in_user_page(struct mm_struct *mm, unsigned long addr, bool write);
/* get_user_pages flags (Linux's values) */
#define FOLL_WRITE	0x01	/* the access writes */
#define FOLL_FORCE	0x10	/* as ptrace: past the VMA's protection */
long access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf,
		      unsigned long len, unsigned int gup_flags);
void zero_page_init(void);
int copy_page_range(struct mm_struct *dst_mm, struct vm_area_struct *vma);

static inline unsigned long get_mm_counter(struct mm_struct *mm, int member)
{
	return atomic_long_read(&mm->rss_stat[member]);
}

static inline void add_mm_counter(struct mm_struct *mm, int member, long v)
{
	atomic_long_add(v, &mm->rss_stat[member]);
}

/* mm_counter - the RSS counter that a mapping of @page counts in. */
static inline int mm_counter(const struct page *page)
{
	return PageAnon(page) ? MM_ANONPAGES : MM_FILEPAGES;
}

static inline unsigned long get_mm_rss(struct mm_struct *mm)
{
	return get_mm_counter(mm, MM_FILEPAGES) + get_mm_counter(mm, MM_ANONPAGES);
}

/* update_hiwater_rss - remember @mm's RSS if it is the largest yet. */
static inline void update_hiwater_rss(struct mm_struct *mm)
{
	unsigned long rss = get_mm_rss(mm);

	if (mm->hiwater_rss < rss)
		mm->hiwater_rss = rss;
}

/* get_mm_hiwater_rss - the largest RSS @mm has had, in pages. */
static inline unsigned long get_mm_hiwater_rss(struct mm_struct *mm)
{
	unsigned long rss = get_mm_rss(mm);

	return mm->hiwater_rss > rss ? mm->hiwater_rss : rss;
}

/* setmax_mm_hiwater_rss - *@maxrss = max(*@maxrss, @mm's largest RSS). */
static inline void setmax_mm_hiwater_rss(unsigned long *maxrss, struct mm_struct *mm)
{
	unsigned long hiwater_rss = get_mm_hiwater_rss(mm);

	if (*maxrss < hiwater_rss)
		*maxrss = hiwater_rss;
}

/* mm/mm_init.c, mm/mmap.c */
void mem_map_init(void);
void mm_core_init(void);
void vma_cache_init(void);
struct vm_area_struct *vma_merge_neighbours(struct vm_area_struct *vma);

#endif
