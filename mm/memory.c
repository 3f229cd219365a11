// SPDX-License-Identifier: GPL-2.0
/*
 * User page tables and page faults.
 *
 * A user PTE maps one of three kinds of page:
 *   the zero page  read-only, shared by every read fault on anonymous
 *                  memory (no allocation until the first write)
 *   a file page   the ramfs page itself (its page cache), read-only in
 *                  private mappings: a write copies it first
 *   an anon page  PG_anon, private to the mappings that share it
 * Writable PTEs appear only for anon pages (and shared file mappings);
 * a write to anything else faults into do_wp_page(), which copies the
 * page, or reuses it in place when this mapping is its only user.
 * Page-table pages come from the buddy allocator and are freed when
 * their range is unmapped and they are empty (free_pgtables).
 *
 * Here: faults, zap (also for a file's sake: unmap_mapping_range),
 * free_pgtables, fork's copy_page_range and access_remote_vm, with the
 * page-table helpers the other walkers share
 * (mm/internal.h). mprotect.c, mremap.c and mincore.c hold the other
 * range walks, tlb.c the flushes.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/vm_event.h>
#include <linux/vmstat.h>
#include <asm/mmu_context.h>
#include <asm/tlbflush.h>
#include "internal.h"

unsigned long zero_pfn;

/* zero_page_init - the shared zero page (never freed). */
void zero_page_init(void)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);

	if (!page)
		panic("no memory for the zero page");
	zero_pfn = page_to_pfn(page);
}

/* A zeroed page-table page for @mm, accounted in pgtables_bytes. */
static void *pt_alloc_user(struct mm_struct *mm)
{
	void *p = (void *)get_zeroed_page(GFP_KERNEL);

	if (p) {
		atomic_long_add(PAGE_SIZE, &mm->pgtables_bytes);
		inc_node_page_state(NR_PAGETABLE);
	}
	return p;
}

static void pt_free_user(struct mm_struct *mm, void *table)
{
	atomic_long_add(-(long)PAGE_SIZE, &mm->pgtables_bytes);
	dec_node_page_state(NR_PAGETABLE);
	free_page((unsigned long)table);
}

/*
 * __pt_alloc - give the empty entry @slot of one of @mm's tables a new
 * lower table. The page is allocated before page_table_lock is taken
 * (nothing is allocated under a spinlock) and installed under it only
 * if the slot is still empty: another thread of @mm may have filled it
 * meanwhile (faults hold mmap_lock only for reading), and then the
 * spare goes back. Must not be called with page_table_lock held.
 * Returns 0 or -ENOMEM.
 */
static int __pt_alloc(struct mm_struct *mm, pteval_t *slot)
{
	void *new = pt_alloc_user(mm);

	if (!new)
		return -ENOMEM;
	spin_lock(&mm->page_table_lock);
	if (!READ_ONCE(*slot)) {
		WRITE_ONCE(*slot, __pa(new) | _PAGE_TABLE);
		new = NULL;
	}
	spin_unlock(&mm->page_table_lock);
	if (new)
		pt_free_user(mm, new);
	return 0;
}

/* p4d_alloc - the p4d entry for @addr under @pgd. The level is folded
 * (<linux/pgtable.h>), so there is never a table to make. */
p4d_t *p4d_alloc(struct mm_struct *mm, pgd_t *pgd, unsigned long addr)
{
	return p4d_offset(pgd, addr);
}

/* pud_alloc - the PUD entry for @addr under @p4d, making the PUD table
 * if it is missing. NULL when memory is out. */
pud_t *pud_alloc(struct mm_struct *mm, p4d_t *p4d, unsigned long addr)
{
	if (p4d_none(*p4d) && __pt_alloc(mm, &p4d->pgd.pgd))
		return NULL;
	return pud_offset(p4d, addr);
}

/* pmd_alloc - the PMD entry for @addr under @pud, making the PMD table
 * if it is missing. NULL when memory is out. */
pmd_t *pmd_alloc(struct mm_struct *mm, pud_t *pud, unsigned long addr)
{
	if (pud_none(*pud) && __pt_alloc(mm, &pud->pud))
		return NULL;
	return pmd_offset(pud, addr);
}

/* pte_alloc - make the PTE table under @pmd if it is missing. Returns 0
 * or -ENOMEM (nonzero on failure, as Linux's). */
int pte_alloc(struct mm_struct *mm, pmd_t *pmd)
{
	return pmd_none(*pmd) ? __pt_alloc(mm, &pmd->pmd) : 0;
}

/* pte_alloc_map - the PTE slot for user address @addr in @mm, making
 * the missing tables. NULL when memory is out. The caller holds
 * mmap_lock, which keeps the tables from being freed (only
 * free_pgtables frees them, with mmap_lock held for writing). */
static pte_t *pte_alloc_map(struct mm_struct *mm, unsigned long addr)
{
	p4d_t *p4d = p4d_alloc(mm, pgd_offset(mm, addr), addr);
	pud_t *pud = p4d ? pud_alloc(mm, p4d, addr) : NULL;
	pmd_t *pmd = pud ? pmd_alloc(mm, pud, addr) : NULL;

	if (!pmd || pte_alloc(mm, pmd))
		return NULL;
	return pte_offset_map(pmd, addr);
}

/* pmd_lookup - the PMD entry over @addr in @mm, or NULL if the PUD or
 * PMD table is missing. Allocates nothing. */
pmd_t *pmd_lookup(struct mm_struct *mm, unsigned long addr)
{
	p4d_t *p4d = p4d_offset(pgd_offset(mm, addr), addr);
	pud_t *pud;

	if (p4d_none(*p4d))
		return NULL;
	pud = pud_offset(p4d, addr);
	if (pud_none(*pud))
		return NULL;
	return pmd_offset(pud, addr);
}

/* pte_lookup - the PTE slot for @addr in @mm, or NULL if a table is
 * missing. Allocates nothing. */
static pte_t *pte_lookup(struct mm_struct *mm, unsigned long addr)
{
	pmd_t *pmd = pmd_lookup(mm, addr);

	if (!pmd || pmd_none(*pmd))
		return NULL;
	return pte_offset_map(pmd, addr);
}

/* follow_pte_slot - the PTE slot of @addr in @mm if its tables exist,
 * else NULL (allocates nothing; mm/gup.c asks whether a fault is
 * needed). mmap_lock held, so the tables stay. */
pte_t *follow_pte_slot(struct mm_struct *mm, unsigned long addr)
{
	mmap_assert_locked(mm);
	return pte_lookup(mm, addr);
}

/*
 * pt_lock_break - the preemption point of a walk that holds @mm's
 * page_table_lock, taken between two page-table pages: if a reschedule
 * is due, flush what @tlb (if any) gathered, drop the lock, reschedule
 * and take the lock again (Linux's cond_resched_lock, plus the flush).
 * The flush comes first because a zap has freed the pages it unmapped
 * and the next task may be a thread of this mm, still holding their
 * translations. The walks that break hold mmap_lock for writing, so
 * the tables they are in cannot change meanwhile; or, zapping for a
 * file (unmap_mapping_pages()), its i_mmap_rwsem with the VMA on
 * i_mmap, which keeps that VMA's tables: a fault may add a table or a
 * PTE meanwhile, nothing frees or moves one (mm/rmap.c).
 */
void pt_lock_break(struct mm_struct *mm, struct tlb_range *tlb)
{
	lockdep_assert_held(&mm->page_table_lock);
	if (!need_resched())
		return;
	if (tlb)
		tlb_range_flush(tlb);
	spin_unlock(&mm->page_table_lock);
	cond_resched();
	spin_lock(&mm->page_table_lock);
}

/*
 * vm_normal_page - the page that the present PTE @pte of @vma (at
 * @addr) maps, or NULL for the shared zero page: Linux's "special"
 * mapping, which no rmap, RSS or smaps counts. Reads only; the caller
 * holds page_table_lock (or mmap_lock, for a PTE it just read).
 */
struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr, pte_t pte)
{
	unsigned long pfn = pte_pfn(pte);

	if (is_zero_pfn(pfn) || !pfn_valid(pfn))
		return NULL;
	return pfn_to_page(pfn);
}

static void set_user_pte(pte_t *pte, unsigned long pfn, pteval_t prot)
{
	set_pte(pte, __pte(PFN_PHYS(pfn) | prot | _PAGE_ACCESSED));
}

/*
 * The reverse-map counts: _mapcount counts the PTEs that map a page (the
 * zero page is never counted). These only count; the callers adjust the
 * mm's RSS (mm_counter) and the page's reference as well. A page's first
 * mapping and its last unmapping move it into and out of NR_ANON_MAPPED
 * or NR_FILE_MAPPED (/proc/meminfo's AnonPages and Mapped), as Linux's.
 */

/* page_add_new_anon_rmap - @page, fresh and private, gets its first
 * mapping and becomes anonymous. */
static void page_add_new_anon_rmap(struct page *page)
{
	SetPageFlag(page, PG_anon);
	atomic_set(&page->_mapcount, 0);
	inc_node_page_state(NR_ANON_MAPPED);
}

/* page_add_file_rmap - one more mapping of the file page @page. */
static void page_add_file_rmap(struct page *page)
{
	if (atomic_add_return(1, &page->_mapcount) == 0)
		inc_node_page_state(NR_FILE_MAPPED);
}

/* page_dup_rmap - fork copied a PTE that maps @page (anon or file): the
 * page was mapped already, so no state changes. */
static void page_dup_rmap(struct page *page)
{
	atomic_inc(&page->_mapcount);
}

/* page_remove_rmap - one mapping of @page is gone; the last one takes
 * it out of the mapped count of its kind. */
static void page_remove_rmap(struct page *page)
{
	if (atomic_add_return(-1, &page->_mapcount) < 0)
		dec_node_page_state(PageAnon(page) ? NR_ANON_MAPPED : NR_FILE_MAPPED);
}

/* maybe_mkwrite_bits - _PAGE_RW if @vma may be written (Linux's
 * maybe_mkwrite): a page that a forced write (/proc/PID/mem, FOLL_FORCE)
 * copied into a read-only private mapping stays read-only to the user. */
static pteval_t maybe_mkwrite_bits(const struct vm_area_struct *vma)
{
	return (vma->vm_flags & VM_WRITE) ? _PAGE_RW : 0;
}

/* Map a fresh anon page at @pte: first write to anonymous memory, or the
 * copy of a shared page. */
static void map_new_anon(struct vm_area_struct *vma, pte_t *pte, struct page *page)
{
	page_add_new_anon_rmap(page);
	mlock_vma_page(page, vma);
	add_mm_counter(vma->vm_mm, MM_ANONPAGES, 1);
	/* dirty and soft-dirty (pte_mkdirty): it is mapped for a write */
	set_user_pte(pte, page_to_pfn(page), vma->vm_page_prot | maybe_mkwrite_bits(vma) |
		     _PAGE_DIRTY | _PAGE_SOFT_DIRTY);
}

/* unmap_page - a PTE of @mm that mapped @page (not the zero page) was
 * cleared: drop that mapping, its RSS count and its reference. */
static void unmap_page(struct mm_struct *mm, struct page *page)
{
	page_remove_rmap(page);
	add_mm_counter(mm, mm_counter(page), -1);
	put_page(page);
}

/*
 * The fault handlers. Each one gets what the slot held when the fault
 * looked at it (vmf->orig_pte), prepares what it needs with no lock
 * held (a page allocated, zeroed or copied: never under a spinlock),
 * then takes page_table_lock and installs only if the slot still holds
 * orig_pte (pte_same). If another thread of the mm got there first, it
 * backs out what it prepared and returns 0: the access is retried, and
 * faults again only if it must.
 */

/* fault_lock_pte - take page_table_lock; true if the slot is still
 * what the fault saw. On false the lock is dropped again. */
static bool fault_lock_pte(struct vm_fault *vmf)
{
	spinlock_t *ptl = &vmf->vma->vm_mm->page_table_lock;

	spin_lock(ptl);
	if (pte_same(*vmf->pte, vmf->orig_pte))
		return true;
	spin_unlock(ptl);
	return false;
}

static void fault_unlock_pte(struct vm_fault *vmf)
{
	spin_unlock(&vmf->vma->vm_mm->page_table_lock);
}

/* install_new_anon - under the PTE lock, if the slot is unchanged, map
 * @page (fresh, private to this mapping) writable; otherwise free it.
 * Returns 0 either way. */
static vm_fault_t install_new_anon(struct vm_fault *vmf, struct page *page)
{
	if (!fault_lock_pte(vmf)) {
		put_page(page);
		return 0;
	}
	map_new_anon(vmf->vma, vmf->pte, page);
	fault_unlock_pte(vmf);
	return 0;
}

/* do_anonymous_page - first touch of anonymous memory: a read maps the
 * shared zero page, a write a new zeroed page. */
static vm_fault_t do_anonymous_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct page *page;

	if (!(vmf->flags & FAULT_FLAG_WRITE)) {
		if (!fault_lock_pte(vmf))
			return 0;
		count_vm_event(PGFAULT_ZERO);
		set_user_pte(vmf->pte, zero_pfn, vma->vm_page_prot & ~_PAGE_RW);
		fault_unlock_pte(vmf);
		return 0;
	}
	page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!page)
		return VM_FAULT_OOM;
	return install_new_anon(vmf, page);
}

/* shared_write_bits - the PTE bits a write fault on a shared mapping
 * adds to vm_page_prot, which lacks RW while the mapping's writes are
 * tracked for soft-dirty (vm_get_page_prot()): writable, dirty and
 * soft-dirty, as Linux's pte_mkdirty(maybe_mkwrite()); 0 otherwise. */
static pteval_t shared_write_bits(const struct vm_fault *vmf)
{
	if (!(vmf->flags & FAULT_FLAG_WRITE) || !(vmf->vma->vm_flags & VM_SHARED))
		return 0;
	return _PAGE_RW | _PAGE_DIRTY | _PAGE_SOFT_DIRTY;
}

/*
 * fault_lock_file_pte - fault_lock_pte() for a page @page that ->fault
 * found in the page cache: also false (lock dropped) if, meanwhile, a
 * truncate or hole punch took @page out of the cache or the file now
 * ends before it. Linux closes this window with the page lock; here
 * the check under page_table_lock does: truncate removes the page
 * (page->mapping cleared) and sets i_size before its last
 * unmap_mapping_range(), which takes this lock after us. The fault is
 * then retried, and finds the hole or the end of the file.
 */
static bool fault_lock_file_pte(struct vm_fault *vmf, struct page *page)
{
	struct address_space *mapping = vmf->vma->vm_file->f_inode->i_mapping;

	if (!fault_lock_pte(vmf))
		return false;
	if (READ_ONCE(page->mapping) == mapping &&
	    vmf->pgoff < PFN_UP(READ_ONCE(mapping->host->i_size)))
		return true;
	fault_unlock_pte(vmf);
	return false;
}

/* do_cow_fault - a write to a private file mapping's missing page: a
 * private copy of the cache page @page (referenced, dropped here),
 * installed only if @page is still the file's (fault_lock_file_pte). */
static vm_fault_t do_cow_fault(struct vm_fault *vmf, struct page *page)
{
	struct page *copy = alloc_page(GFP_KERNEL);

	if (!copy) {
		put_page(page);
		return VM_FAULT_OOM;
	}
	memcpy(page_address(copy), page_address(page), PAGE_SIZE);
	if (fault_lock_file_pte(vmf, page)) {
		map_new_anon(vmf->vma, vmf->pte, copy);
		fault_unlock_pte(vmf);
	} else {
		put_page(copy);
	}
	put_page(page);
	return 0;
}

/*
 * do_fault - first touch of a mapping with a backing (vm_ops): its
 * ->fault finds the page (for a file, the page cache page at pgoff),
 * which is mapped read-only (and shared), or, for a write to a private
 * mapping, copied into a page private from the start.
 */
static vm_fault_t do_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct page *page;
	vm_fault_t ret;

	vmf->pgoff = vma->vm_pgoff + ((vmf->address - vma->vm_start) >> PAGE_SHIFT);
	ret = vma->vm_ops->fault(vmf);
	if (ret)
		return ret;
	page = vmf->page;	/* referenced: the mapping's, if it maps */
	if ((vmf->flags & FAULT_FLAG_WRITE) && !(vma->vm_flags & VM_SHARED))
		return do_cow_fault(vmf, page);
	if (!fault_lock_file_pte(vmf, page)) {
		put_page(page);
		return 0;
	}
	page_add_file_rmap(page);
	mlock_vma_page(page, vma);
	add_mm_counter(vma->vm_mm, MM_FILEPAGES, 1);
	set_user_pte(vmf->pte, page_to_pfn(page), vma->vm_page_prot | shared_write_bits(vmf));
	fault_unlock_pte(vmf);
	return 0;
}

/* wp_page_reuse - the faulting mapping is the only user of its anon
 * page: make the PTE writable in place. PTE lock held. */
static void wp_page_reuse(struct vm_fault *vmf)
{
	count_vm_event(COW_FAULT_REUSE);
	/* pte_mkdirty: soft-dirty too, so a page clear_refs "4" cleaned and
	 * write-protected reads as written again */
	set_pte(vmf->pte, __pte(pte_val(pte_mkdirty(*vmf->pte)) | maybe_mkwrite_bits(vmf->vma)));
	flush_tlb_mm_range(vmf->vma->vm_mm, vmf->address, vmf->address + PAGE_SIZE);
}

/*
 * wp_page_copy - give the faulting mapping its own copy of @old (NULL:
 * the zero page, so a zeroed page). Called without the PTE lock, with a
 * reference on @old so that it stays while it is copied; that reference
 * is dropped here.
 */
static vm_fault_t wp_page_copy(struct vm_fault *vmf, struct page *old)
{
	struct mm_struct *mm = vmf->vma->vm_mm;
	struct page *copy = alloc_page(old ? GFP_KERNEL : GFP_KERNEL | __GFP_ZERO);

	if (copy && old)
		memcpy(page_address(copy), page_address(old), PAGE_SIZE);
	if (copy && fault_lock_pte(vmf)) {
		if (old) {
			count_vm_event(COW_FAULT_COPY);
			munlock_vma_page(old, vmf->vma);
			unmap_page(mm, old);
		}
		map_new_anon(vmf->vma, vmf->pte, copy);
		flush_tlb_mm_range(mm, vmf->address, vmf->address + PAGE_SIZE);
		fault_unlock_pte(vmf);
	} else if (copy) {
		put_page(copy);		/* someone else fixed the PTE */
	}
	if (old)
		put_page(old);
	return copy ? 0 : VM_FAULT_OOM;
}

/*
 * do_wp_page - a write hit a present, read-only PTE in a writable VMA.
 * An anon page that only this mapping uses is made writable in place;
 * anything else (the zero page, a file page, an anon page still shared
 * after fork) is copied, outside the lock. The old translation is
 * flushed either way.
 */
static vm_fault_t do_wp_page(struct vm_fault *vmf)
{
	unsigned long pfn = pte_pfn(vmf->orig_pte);
	struct page *old = is_zero_pfn(pfn) ? NULL : pfn_to_page(pfn);

	if (!fault_lock_pte(vmf))
		return 0;
	/* a shared mapping's page is written in place, never copied: its
	 * PTE was read-only only to see the write (soft-dirty tracking) */
	if ((vmf->vma->vm_flags & VM_SHARED) ||
	    (old && PageAnon(old) && page_mapcount(old) == 1 &&
	     page_ref_count(old) == 1)) {
		wp_page_reuse(vmf);
		fault_unlock_pte(vmf);
		return 0;
	}
	if (old)
		get_page(old);	/* it must outlive the unlocked copy */
	fault_unlock_pte(vmf);
	return wp_page_copy(vmf, old);
}

/* handle_pte_fault - dispatch on what the slot held: nothing, a page
 * mapped read-only that is written, or a translation already fixed (a
 * stale TLB entry, dropped). */
static vm_fault_t handle_pte_fault(struct vm_fault *vmf)
{
	struct mm_struct *mm = vmf->vma->vm_mm;

	if (pte_none(vmf->orig_pte))
		return vmf->vma->vm_ops ? do_fault(vmf) : do_anonymous_page(vmf);
	if ((vmf->flags & FAULT_FLAG_WRITE) && !(pte_val(vmf->orig_pte) & _PAGE_RW))
		return do_wp_page(vmf);
	flush_tlb_mm_range(mm, vmf->address, vmf->address + PAGE_SIZE);
	return 0;
}

/*
 * handle_mm_fault - resolve a fault at @addr in @vma, which allows the
 * access (the caller checked). mmap_lock held (it keeps the page tables
 * from being freed). Returns 0 or VM_FAULT_*.
 */
vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long addr,
			   unsigned int flags)
{
	struct vm_fault vmf = {
		.vma = vma,
		.address = addr & PAGE_MASK,
		.flags = flags,
	};

	mmap_assert_locked(vma->vm_mm);
	count_vm_event(PGFAULT);
	vmf.pte = pte_alloc_map(vma->vm_mm, vmf.address);	/* the tables */
	if (!vmf.pte)
		return VM_FAULT_OOM;
	vmf.orig_pte = READ_ONCE(*vmf.pte);
	return handle_pte_fault(&vmf);
}

/*
 * lock_mm_and_find_vma - take @mm's mmap_lock and find the VMA that
 * covers @addr, growing a stack VMA down to it if @addr is just below
 * one. A lookup needs the lock only for reading; growing the stack
 * needs it for writing, so then the read lock is dropped and the write
 * lock taken (*write says which is held). Returns the VMA, or NULL
 * (the lock still held) if none covers @addr.
 */
static struct vm_area_struct *lock_mm_and_find_vma(struct mm_struct *mm,
						   unsigned long addr, bool *write)
{
	struct vm_area_struct *vma;

	*write = false;
	mmap_read_lock(mm);
	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start <= addr)
		return vma;
	mmap_read_unlock(mm);
	mmap_write_lock(mm);
	*write = true;
	vma = find_extend_vma(mm, addr);
	return vma && vma->vm_start <= addr ? vma : NULL;
}

/* access_error - does @vma forbid the access that @flags describe? */
static bool access_error(unsigned int flags, const struct vm_area_struct *vma)
{
	if (flags & FAULT_FLAG_WRITE)
		return !(vma->vm_flags & VM_WRITE);
	if (flags & FAULT_FLAG_INSTRUCTION)
		return !(vma->vm_flags & VM_EXEC);
	return !(vma->vm_flags & VM_ACCESS_FLAGS);
}

/* mm_fault_error - the signal of handle_mm_fault()'s result @fault, with
 * its si_code in *code: 0 (none), SIGKILL (out of memory), SIGBUS
 * (BUS_ADRERR) or SIGSEGV (SEGV_MAPERR). */
static int mm_fault_error(vm_fault_t fault, int *code)
{
	if (!(fault & VM_FAULT_ERROR))
		return 0;
	if (fault & VM_FAULT_OOM)
		return SIGKILL;
	if (fault & VM_FAULT_SIGBUS) {
		*code = BUS_ADRERR;
		return SIGBUS;
	}
	*code = SEGV_MAPERR;
	return SIGSEGV;
}

/*
 * mm_account_fault - a resolved fault counts against current, as
 * Linux's: a major fault is one that waited for I/O, which none here
 * does (the page cache is the file), so each is a minor one; and the
 * RSS may have reached a new high for getrusage's ru_maxrss.
 */
static void mm_account_fault(struct mm_struct *mm, vm_fault_t fault)
{
	if (fault & VM_FAULT_ERROR)
		return;
	current->min_flt++;
	update_hiwater_rss(mm);
}

/*
 * handle_user_fault - the architecture-independent part of a page fault
 * on a user address of @mm: find the VMA (growing a stack), check the
 * access @flags (FAULT_FLAG_*, decoded by the architecture from its
 * error code) against it, and resolve it with handle_mm_fault(). Takes
 * and drops mmap_lock. Returns 0 when resolved, else the signal to
 * deliver with its si_code in *code: SIGSEGV with SEGV_MAPERR (no VMA)
 * or SEGV_ACCERR (a VMA that forbids it), SIGBUS with BUS_ADRERR (past
 * the end of a file), or SIGKILL for out of memory. Both targets call
 * it: arch/x86/mm/fault.c and arch/hosted/mm/mmu.c.
 */
int handle_user_fault(struct mm_struct *mm, unsigned long addr,
		      unsigned int flags, int *code)
{
	struct vm_area_struct *vma;
	vm_fault_t fault;
	bool wlocked;

	vma = lock_mm_and_find_vma(mm, addr, &wlocked);
	if (!vma || access_error(flags, vma)) {
		wlocked ? mmap_write_unlock(mm) : mmap_read_unlock(mm);
		*code = vma ? SEGV_ACCERR : SEGV_MAPERR;
		return SIGSEGV;
	}
	fault = handle_mm_fault(vma, addr, flags);
	mm_account_fault(mm, fault);
	wlocked ? mmap_write_unlock(mm) : mmap_read_unlock(mm);
	return mm_fault_error(fault, code);
}

/*
 * Range walks. Each operation over [addr, end) of user space goes down
 * the levels in one function per level, as Linux's do: the loop of a
 * level steps with p?d_addr_end() and skips an empty entry with its
 * whole span, so the cost follows what is mapped, not the size of the
 * range. Each walker takes page_table_lock (never allocating under it)
 * and has a preemption point between two PTE tables.
 */

/*
 * struct zap_details - what a zap leaves, and what it owes the pages it
 * takes. With !even_cows (a zap for a file's sake: unmap_mapping_range)
 * it leaves the anon pages of a private mapping, which are the
 * process's own copies (hole punching keeps them; truncate zaps them
 * too); a caller's NULL details means even_cows (munmap, exit,
 * MADV_DONTNEED). @munlock: the VMA is locked, so each page taken
 * loses a locked mapping too (Linux's page_remove_rmap does it).
 * Linux's name; even_cows is its field.
 */
struct zap_details {
	bool even_cows;
	bool munlock;
};

/* should_zap_page - whether a zap with @details takes the PTE mapping
 * @page (NULL: the zero page). */
static bool should_zap_page(const struct zap_details *details, struct page *page)
{
	if (details->even_cows)
		return true;
	return page && !PageAnon(page);
}

/* zap_pte_range - unmap the PTEs of [addr, end), all under @pmd, that
 * @details lets go: each page loses this mapping and its reference, and
 * a file page written through the PTE (its dirty bit) is marked dirty
 * first, as Linux's zap_present_ptes(). page_table_lock held. */
static void zap_pte_range(struct tlb_range *tlb, pmd_t *pmd, unsigned long addr,
			  unsigned long end, const struct zap_details *details)
{
	pte_t *pte = pte_offset_map(pmd, addr);
	const struct zap_details d = *details;	/* read once, not per PTE */

	lockdep_assert_held(&tlb->mm->page_table_lock);
	for (; addr < end; addr += PAGE_SIZE, pte++) {
		struct page *page;

		if (!pte_present(*pte))
			continue;
		page = is_zero_pfn(pte_pfn(*pte)) ? NULL : pfn_to_page(pte_pfn(*pte));
		if (!should_zap_page(&d, page))
			continue;
		if (page) {
			if (!PageAnon(page) && (pte_val(*pte) & _PAGE_DIRTY))
				set_page_dirty(page);
			if (d.munlock)
				munlock_page(page);
			unmap_page(tlb->mm, page);
		}
		pte_clear(pte);
		tlb_range_add(tlb, addr, addr + PAGE_SIZE);
	}
}

/* zap_pmd_range - zap_pte_range() for each PTE table under @pud in
 * [addr, end), with a lock break after each. page_table_lock held. */
static void zap_pmd_range(struct tlb_range *tlb, pud_t *pud, unsigned long addr,
			  unsigned long end, const struct zap_details *details)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*pmd))
			continue;
		zap_pte_range(tlb, pmd, addr, next, details);
		pt_lock_break(tlb->mm, tlb);
	} while (pmd++, addr = next, addr != end);
}

/* zap_pud_range - zap_pmd_range() for each PMD table under @p4d in
 * [addr, end). page_table_lock held. */
static void zap_pud_range(struct tlb_range *tlb, p4d_t *p4d, unsigned long addr,
			  unsigned long end, const struct zap_details *details)
{
	pud_t *pud = pud_offset(p4d, addr);
	unsigned long next;

	do {
		next = pud_addr_end(addr, end);
		if (!pud_none(*pud))
			zap_pmd_range(tlb, pud, addr, next, details);
	} while (pud++, addr = next, addr != end);
}

/* zap_p4d_range - zap_pud_range() for the (folded) p4d entries under
 * @pgd in [addr, end). page_table_lock held. */
static void zap_p4d_range(struct tlb_range *tlb, pgd_t *pgd, unsigned long addr,
			  unsigned long end, const struct zap_details *details)
{
	p4d_t *p4d = p4d_offset(pgd, addr);
	unsigned long next;

	do {
		next = p4d_addr_end(addr, end);
		if (!p4d_none(*p4d))
			zap_pud_range(tlb, p4d, addr, next, details);
	} while (p4d++, addr = next, addr != end);
}

/* unmap_page_range - zap_p4d_range() for each pgd entry of @tlb's mm
 * in [addr, end), addr < end. page_table_lock held. */
static void unmap_page_range(struct tlb_range *tlb, unsigned long addr,
			     unsigned long end, const struct zap_details *details)
{
	pgd_t *pgd = pgd_offset(tlb->mm, addr);
	unsigned long next;

	do {
		next = pgd_addr_end(addr, end);
		if (!pgd_none(*pgd))
			zap_p4d_range(tlb, pgd, addr, next, details);
	} while (pgd++, addr = next, addr != end);
}

/* zap_page_range_single - unmap the PTEs of [start, end) of @vma that
 * @details lets go (NULL: all), and flush them. Page tables stay. The
 * caller keeps the tables from being freed: mmap_lock held for writing,
 * or the file's i_mmap_rwsem with @vma on its i_mmap. */
static void zap_page_range_single(struct vm_area_struct *vma, unsigned long start,
				  unsigned long end, const struct zap_details *details)
{
	struct zap_details d = { .even_cows = !details || details->even_cows,
				 .munlock = vma->vm_flags & VM_LOCKED };
	struct mm_struct *mm = vma->vm_mm;
	struct tlb_range tlb;

	if (start >= end)
		return;
	tlb_range_init(&tlb, mm);
	spin_lock(&mm->page_table_lock);
	unmap_page_range(&tlb, start, end, &d);
	tlb_range_flush(&tlb);
	spin_unlock(&mm->page_table_lock);
}

/*
 * zap_page_range - unmap [start, end) of @vma: drop each page's mapping
 * (and, in a locked VMA, its locked mapping: zap_details.munlock)
 * and reference, clear the PTEs, flush what was mapped (in one flush,
 * unless a reschedule came due on the way). Page tables stay
 * (free_pgtables). mmap_lock held for writing.
 */
void zap_page_range(struct vm_area_struct *vma, unsigned long start,
		    unsigned long end)
{
	zap_page_range_single(vma, start, end, NULL);
}

/*
 * unmap_mapping_pages - zap, in every VMA of every mm that maps
 * @mapping, the PTEs that map its pages [start, start + nr) (nr 0: to
 * the end of the file): the file's pages, and with @even_cows also a
 * private mapping's own copies of them (truncate: nothing past the end
 * may stay reachable; hole punching keeps the copies). Walks i_mmap
 * under i_mmap_rwsem for reading, which keeps each VMA's range and page
 * tables (mm/rmap.c); takes each mm's page_table_lock in turn, never
 * its mmap_lock (Linux's order: mmap_lock -> i_mmap_rwsem). Sleeps.
 */
void unmap_mapping_pages(struct address_space *mapping, unsigned long start,
			 unsigned long nr, bool even_cows)
{
	struct zap_details details = { .even_cows = even_cows };
	unsigned long last = start + nr - 1;
	struct vm_area_struct *vma;

	if (!nr || last < start)
		last = ~0UL;	/* to the end, or past the largest offset */
	i_mmap_lock_read(mapping);
	list_for_each_entry(vma, &mapping->i_mmap, i_mmap_link) {
		unsigned long vba = vma->vm_pgoff, zba, zea;

		if (!vma_pgoff_overlaps(vma, start, last))
			continue;
		zba = max(start, vba);
		zea = min(last, vba + vma_pages(vma) - 1);
		zap_page_range_single(vma, vma->vm_start + ((zba - vba) << PAGE_SHIFT),
				      vma->vm_start + ((zea - vba + 1) << PAGE_SHIFT),
				      &details);
	}
	i_mmap_unlock_read(mapping);
}

/*
 * unmap_mapping_range - unmap_mapping_pages() in bytes, as Linux's:
 * the pages from the one holding @holebegin through the one holding
 * byte @holebegin + @holelen - 1 (@holelen rounded up to pages; 0: to
 * the end of the file). @even_cows: as unmap_mapping_pages(). Sleeps.
 */
void unmap_mapping_range(struct address_space *mapping, loff_t holebegin,
			 loff_t holelen, int even_cows)
{
	unsigned long hba = (unsigned long)holebegin >> PAGE_SHIFT;
	unsigned long hlen = ((unsigned long)holelen + PAGE_SIZE - 1) >> PAGE_SHIFT;

	if (holelen && (unsigned long)holelen + PAGE_SIZE - 1 < (unsigned long)holelen)
		hlen = 0;	/* rounding wrapped: to the end */
	unmap_mapping_pages(mapping, hba, hlen, even_cows);
}

/* span_in_gap - whether the table mapping [base, base + size) lies
 * wholly in [floor, ceiling), the gap no VMA covers (a @ceiling of 0
 * is the top of the address space). */
static bool span_in_gap(unsigned long base, unsigned long size,
			unsigned long floor, unsigned long ceiling)
{
	return base >= floor && base + size - 1 <= ceiling - 1;
}

/* free_table - give back a table page that an entry no longer points
 * to. The MMU may still cache that entry (paging-structure caches), so
 * all of the mm's translations go at the next flush. */
static void free_table(struct tlb_range *tlb, void *table)
{
	lockdep_assert_held(&tlb->mm->page_table_lock);
	pt_free_user(tlb->mm, table);
	tlb_range_add(tlb, 0, TASK_SIZE);
}

/* free_pte_table - free the PTE table under @pmd (nothing in it is
 * mapped any more). page_table_lock held. */
static void free_pte_table(struct tlb_range *tlb, pmd_t *pmd)
{
	void *table = __va(pmd_phys(*pmd));

	pmd_clear(pmd);
	free_table(tlb, table);
}

/* free_pmd_table - free the PMD table under @pud and every PTE table
 * under it. page_table_lock held. */
static void free_pmd_table(struct tlb_range *tlb, pud_t *pud)
{
	pmd_t *pmd = __va(pud_phys(*pud));

	for (int i = 0; i < PTRS_PER_TABLE; i++)
		if (!pmd_none(pmd[i]))
			free_pte_table(tlb, &pmd[i]);
	pud_clear(pud);
	free_table(tlb, pmd);
}

/* free_pud_table - free the PUD table under @p4d and every table under
 * it. page_table_lock held. */
static void free_pud_table(struct tlb_range *tlb, p4d_t *p4d)
{
	pud_t *pud = __va(p4d_phys(*p4d));

	for (int i = 0; i < PTRS_PER_TABLE; i++)
		if (!pud_none(pud[i]))
			free_pmd_table(tlb, &pud[i]);
	p4d_clear(p4d);
	free_table(tlb, pud);
}

/* free_pmd_range - under @pud, over [addr, end): the whole PMD table if
 * its span is in the gap, else each PTE table whose span is.
 * page_table_lock held. */
static void free_pmd_range(struct tlb_range *tlb, pud_t *pud, unsigned long addr,
			   unsigned long end, unsigned long floor,
			   unsigned long ceiling)
{
	pmd_t *pmd;
	unsigned long next;

	if (span_in_gap(addr & PUD_MASK, PUD_SIZE, floor, ceiling)) {
		free_pmd_table(tlb, pud);
		return;
	}
	pmd = pmd_offset(pud, addr);
	do {
		next = pmd_addr_end(addr, end);
		if (!pmd_none(*pmd) &&
		    span_in_gap(addr & PMD_MASK, PMD_SIZE, floor, ceiling))
			free_pte_table(tlb, pmd);
	} while (pmd++, addr = next, addr != end);
}

/* free_pud_range - under @p4d, over [addr, end): the whole PUD table if
 * its span is in the gap, else free_pmd_range() for each PMD table,
 * with a lock break after each. page_table_lock held. */
static void free_pud_range(struct tlb_range *tlb, p4d_t *p4d, unsigned long addr,
			   unsigned long end, unsigned long floor,
			   unsigned long ceiling)
{
	pud_t *pud;
	unsigned long next;

	if (span_in_gap(addr & PGDIR_MASK, PGDIR_SIZE, floor, ceiling)) {
		free_pud_table(tlb, p4d);
		return;
	}
	pud = pud_offset(p4d, addr);
	do {
		next = pud_addr_end(addr, end);
		if (pud_none(*pud))
			continue;
		free_pmd_range(tlb, pud, addr, next, floor, ceiling);
		pt_lock_break(tlb->mm, tlb);
	} while (pud++, addr = next, addr != end);
}

/* free_p4d_range - free_pud_range() for the (folded) p4d entries under
 * @pgd in [addr, end). page_table_lock held. */
static void free_p4d_range(struct tlb_range *tlb, pgd_t *pgd, unsigned long addr,
			   unsigned long end, unsigned long floor,
			   unsigned long ceiling)
{
	p4d_t *p4d = p4d_offset(pgd, addr);
	unsigned long next;

	do {
		next = p4d_addr_end(addr, end);
		if (!p4d_none(*p4d))
			free_pud_range(tlb, p4d, addr, next, floor, ceiling);
	} while (p4d++, addr = next, addr != end);
}

/* next_used_pgd - the first non-empty entry of @p..@last, or NULL. A
 * plain scan: exit passes all of user space, whose 256 top-level
 * entries are nearly all empty, and this passes one in a few
 * instructions where a p?d_addr_end step costs twice that. */
static pgd_t *next_used_pgd(pgd_t *p, pgd_t *last)
{
	for (; p <= last; p++)
		if (!pgd_none(*p))
			return p;
	return NULL;
}

/*
 * free_pgtables - free the page-table pages over [start, end) whose
 * whole span lies in [floor, ceiling), the gap around it that no VMA
 * covers (Linux's floor/ceiling rule: nothing is scanned, a table that
 * might still map something is kept until later or exit). The CPU may
 * cache upper-level entries (paging-structure caches), so if a table
 * went, this mm's translations are flushed, before page_table_lock is
 * dropped. mmap_lock held for writing.
 */
void free_pgtables(struct mm_struct *mm, unsigned long start, unsigned long end,
		   unsigned long floor, unsigned long ceiling)
{
	pgd_t *pgd = mm->pgd, *last, *p;
	struct tlb_range tlb;

	end = min(end, USER_PGTABLES_CEILING);	/* the kernel half stays */
	if (start >= end)
		return;
	tlb_range_init(&tlb, mm);
	spin_lock(&mm->page_table_lock);
	last = pgd_offset(mm, end - 1);
	for (p = next_used_pgd(pgd_offset(mm, start), last); p;
	     p = next_used_pgd(p + 1, last)) {
		unsigned long base = (unsigned long)(p - pgd) << PGDIR_SHIFT;

		free_p4d_range(&tlb, p, max(start, base), pgd_addr_end(base, end),
			       floor, ceiling);
	}
	tlb_range_flush(&tlb);
	spin_unlock(&mm->page_table_lock);
}

/*
 * check_vma_flags - may a get_user_pages access with @gup_flags reach
 * @vma (Linux's)? A write needs VM_WRITE, or FOLL_FORCE on a private
 * mapping that could be made writable (it copies on write, never
 * writing a file); a read needs VM_READ, or FOLL_FORCE and VM_MAYREAD
 * (PROT_NONE memory too: its pages are faulted in unreachable, PROTNONE).
 */
static bool check_vma_flags(const struct vm_area_struct *vma, unsigned int gup_flags)
{
	unsigned long f = vma->vm_flags;

	if (gup_flags & FOLL_WRITE)
		return (f & VM_WRITE) || ((gup_flags & FOLL_FORCE) &&
					  (f & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE);
	return (f & VM_READ) || ((gup_flags & FOLL_FORCE) && (f & VM_MAYREAD));
}

/*
 * can_follow_write_pte - may a FOLL_FORCE write go through the
 * read-only @pte of @vma (Linux's)? Only into an anon page this mapping
 * owns alone, in a private mapping that is not writable: the copy a
 * forced write fault made. page_table_lock held.
 */
static bool can_follow_write_pte(const struct vm_area_struct *vma, pte_t pte,
				 unsigned int gup_flags)
{
	struct page *page;

	if (!(gup_flags & FOLL_FORCE) || (vma->vm_flags & (VM_SHARED | VM_MAYSHARE)) ||
	    !(vma->vm_flags & VM_MAYWRITE) || (vma->vm_flags & VM_WRITE))
		return false;
	page = vm_normal_page((struct vm_area_struct *)vma, 0, pte);
	return page && PageAnon(page) && page_mapcount(page) == 1 &&
	       page_ref_count(page) == 1;
}

/*
 * get_user_page_locked - the page mapped at @addr in @mm for an access
 * with @gup_flags (FOLL_WRITE, FOLL_FORCE), faulting it in (for writing
 * with FOLL_WRITE) if it is not mapped so. NULL if no VMA allows the
 * access or memory is out. mmap_lock held; no reference is taken: the
 * page stays valid while the lock is held.
 */
static struct page *get_user_page_locked(struct mm_struct *mm, unsigned long addr,
					 unsigned int gup_flags)
{
	struct vm_area_struct *vma = vma_lookup(mm, addr);
	bool write = gup_flags & FOLL_WRITE;
	pte_t *pte;

	if (!vma || !check_vma_flags(vma, gup_flags))
		return NULL;
	for (int tries = 0; tries < 2; tries++) {
		spin_lock(&mm->page_table_lock);
		pte = pte_lookup(mm, addr);
		/* pte_present: a PROT_NONE page too (only FOLL_FORCE gets
		 * past check_vma_flags() there) */
		if (pte && pte_present(*pte) &&
		    (!write || pte_write(*pte) || can_follow_write_pte(vma, *pte, gup_flags))) {
			struct page *page = pfn_to_page(pte_pfn(*pte));

			spin_unlock(&mm->page_table_lock);
			return page;
		}
		spin_unlock(&mm->page_table_lock);
		if (handle_mm_fault(vma, addr, write ? FAULT_FLAG_WRITE : 0))
			return NULL;
	}
	return NULL;
}

/* fault_in_user_page - the page mapped at @addr in @mm, faulting it in
 * (for writing when @write) if it is not mapped so (unlike Linux's
 * follow_page, which only looks): get_user_page_locked() without
 * FOLL_FORCE. mmap_lock held; no reference is taken. */
struct page *fault_in_user_page(struct mm_struct *mm, unsigned long addr, bool write)
{
	return get_user_page_locked(mm, addr, write ? FOLL_WRITE : 0);
}

/*
 * access_remote_vm - copy between @buf and @mm's user memory at @addr,
 * faulting pages in as a user access would (FOLL_WRITE in @gup_flags to
 * write; FOLL_FORCE as ptrace: through read-only private mappings, by
 * copy-on-write), through the direct map (so @mm need not be loaded:
 * exec fills a new stack this way, /proc reads another process's
 * memory). Returns the bytes done, or -EFAULT if none.
 */
long access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf,
		      unsigned long len, unsigned int gup_flags)
{
	bool write = gup_flags & FOLL_WRITE;
	unsigned long done = 0;

	mmap_read_lock(mm);
	while (done < len) {
		unsigned long off = (addr + done) & ~PAGE_MASK;
		unsigned long n = min(len - done, PAGE_SIZE - off);
		struct page *page = get_user_page_locked(mm, addr + done, gup_flags);
		char *kaddr;

		if (!page)
			break;
		kaddr = (char *)page_address(page) + off;
		if (write)
			memcpy(kaddr, (char *)buf + done, n);
		else
			memcpy((char *)buf + done, kaddr, n);
		done += n;
	}
	mmap_read_unlock(mm);
	return done ? (long)done : -EFAULT;
}

/* Copy one present PTE of a private mapping for fork: an anon page is
 * shared copy-on-write (write bit cleared in both), a file page or the
 * zero page is shared as it is. Returns whether the parent's PTE lost
 * its write bit (its TLB entry must go). */
static bool copy_one_pte(struct mm_struct *dst_mm, struct vm_area_struct *vma,
			 pte_t *dst, pte_t *src)
{
	pteval_t v = pte_val(*src);
	unsigned long pfn = pte_pfn(*src);
	struct page *page;
	bool wp = false;

	if (!is_zero_pfn(pfn)) {
		page = pfn_to_page(pfn);
		get_page(page);
		page_dup_rmap(page);
		add_mm_counter(dst_mm, mm_counter(page), 1);
		if (PageAnon(page) && !(vma->vm_flags & VM_SHARED) && (v & _PAGE_RW)) {
			v &= ~_PAGE_RW;
			set_pte(src, __pte(v));
			wp = true;
		}
	}
	set_pte(dst, __pte(v));
	return wp;
}

/*
 * copy_pte_range - fork's copy of the present PTEs of [addr, end), all
 * under @src_pmd, into @dst_mm. The destination tables are made at the
 * first present PTE (an empty source table costs the child nothing),
 * before src_mm's page_table_lock is taken; src_mm's mmap_lock is held
 * for writing, so its tables stay as they are. *wp is set if a parent
 * PTE lost its write bit. Returns 0 or -ENOMEM.
 */
static int copy_pte_range(struct mm_struct *dst_mm, struct vm_area_struct *vma,
			  pmd_t *src_pmd, unsigned long addr, unsigned long end,
			  bool *wp)
{
	struct mm_struct *src_mm = vma->vm_mm;
	pte_t *src = pte_offset_map(src_pmd, addr), *dst;

	for (; addr < end && !pte_present(*src); addr += PAGE_SIZE)
		src++;
	if (addr == end)
		return 0;
	dst = pte_alloc_map(dst_mm, addr);
	if (!dst)
		return -ENOMEM;
	spin_lock(&src_mm->page_table_lock);
	for (; addr < end; addr += PAGE_SIZE, src++, dst++)
		if (pte_present(*src))
			*wp |= copy_one_pte(dst_mm, vma, dst, src);
	spin_unlock(&src_mm->page_table_lock);
	return 0;
}

/* copy_pmd_range - copy_pte_range() for each PTE table under @src_pud
 * in [addr, end), with a preemption point after each. 0 or -ENOMEM. */
static int copy_pmd_range(struct mm_struct *dst_mm, struct vm_area_struct *vma,
			  pud_t *src_pud, unsigned long addr, unsigned long end,
			  bool *wp)
{
	pmd_t *src_pmd = pmd_offset(src_pud, addr);
	unsigned long next;
	int err;

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*src_pmd))
			continue;
		err = copy_pte_range(dst_mm, vma, src_pmd, addr, next, wp);
		if (err)
			return err;
		cond_resched();
	} while (src_pmd++, addr = next, addr != end);
	return 0;
}

/* copy_pud_range - copy_pmd_range() for each PMD table under @src_p4d
 * in [addr, end). 0 or -ENOMEM. */
static int copy_pud_range(struct mm_struct *dst_mm, struct vm_area_struct *vma,
			  p4d_t *src_p4d, unsigned long addr, unsigned long end,
			  bool *wp)
{
	pud_t *src_pud = pud_offset(src_p4d, addr);
	unsigned long next;
	int err;

	do {
		next = pud_addr_end(addr, end);
		if (pud_none(*src_pud))
			continue;
		err = copy_pmd_range(dst_mm, vma, src_pud, addr, next, wp);
		if (err)
			return err;
	} while (src_pud++, addr = next, addr != end);
	return 0;
}

/* copy_p4d_range - copy_pud_range() for the (folded) p4d entries under
 * @src_pgd in [addr, end). 0 or -ENOMEM. */
static int copy_p4d_range(struct mm_struct *dst_mm, struct vm_area_struct *vma,
			  pgd_t *src_pgd, unsigned long addr, unsigned long end,
			  bool *wp)
{
	p4d_t *src_p4d = p4d_offset(src_pgd, addr);
	unsigned long next;
	int err;

	do {
		next = p4d_addr_end(addr, end);
		if (p4d_none(*src_p4d))
			continue;
		err = copy_pud_range(dst_mm, vma, src_p4d, addr, next, wp);
		if (err)
			return err;
	} while (src_p4d++, addr = next, addr != end);
	return 0;
}

/*
 * copy_page_range - fork's copy of @vma's page tables into @dst_mm: only
 * the tables that exist are walked (empty ranges cost nothing), and
 * private writable anon pages become copy-on-write in both; the
 * parent's translations are flushed if any lost its write bit. A shared
 * mapping is not copied at all: it has no page of its own, so the
 * child's faults find the same pages in the file (Linux's
 * vma_needs_copy() says the same of every VMA without an anon_vma;
 * mmos cannot tell those private ones apart, so it copies them).
 * Returns 0 or -ENOMEM (the caller tears the half-built mm down).
 * src_mm's mmap_lock held for writing.
 */
int copy_page_range(struct mm_struct *dst_mm, struct vm_area_struct *vma)
{
	struct mm_struct *src_mm = vma->vm_mm;
	unsigned long addr = vma->vm_start, end = vma->vm_end, next;
	pgd_t *src_pgd = pgd_offset(src_mm, addr);
	bool wp = false;
	int err = 0;

	if (vma->vm_flags & VM_SHARED)
		return 0;

	do {
		next = pgd_addr_end(addr, end);
		if (pgd_none(*src_pgd))
			continue;
		err = copy_p4d_range(dst_mm, vma, src_pgd, addr, next, &wp);
		if (err)
			break;
	} while (src_pgd++, addr = next, addr != end);
	if (wp)
		flush_tlb_mm_range(src_mm, vma->vm_start, vma->vm_end);
	return err;
}
