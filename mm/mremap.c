// SPDX-License-Identifier: GPL-2.0
/*
 * mremap: resizing a mapping in place, or moving it with its pages to
 * a new address (move_vma, and move_page_tables for the page tables),
 * leaving the old range mapped and empty with MREMAP_DONTUNMAP; and the
 * mremap syscall.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include "internal.h"

/*
 * mremap's move. It walks the source's tables like the other range
 * walks, skipping empty entries whole, and goes in steps that each stay
 * inside one PTE table on both sides; a step that covers a whole source
 * PTE table moving to an empty, aligned destination entry moves the
 * table page itself (Linux's move_normal_pmd) instead of its 512
 * entries. The walk runs twice: first to make every destination table
 * (prepare_move_step), so that running out of memory moves nothing and
 * the mapping stays as it was, then to move (move_one_step), which
 * cannot fail. mmap_lock is held for writing throughout: no fault or
 * other walk changes the tables between the two passes.
 */
struct move_walk {
	struct mm_struct *mm;
	unsigned long delta;	/* new address - old address (mod 2^64) */
	/* one step [old_addr, old_addr + extent) under @old_pmd */
	int (*step)(struct move_walk *w, pmd_t *old_pmd, unsigned long old_addr,
		    unsigned long extent);
};

/* move_extent - the length of the step at @old_addr (towards @old_end,
 * within one source PTE table) moving to @new_addr: up to the next PMD
 * boundary of the destination, if that comes first. */
static unsigned long move_extent(unsigned long old_addr, unsigned long old_end,
				 unsigned long new_addr)
{
	unsigned long extent = old_end - old_addr;

	return min(extent, pmd_addr_end(new_addr, new_addr + extent) - new_addr);
}

/* ptes_none - whether [addr, end) under @pmd maps nothing (such a step
 * moves nothing and needs no destination table). */
static bool ptes_none(pmd_t *pmd, unsigned long addr, unsigned long end)
{
	pte_t *pte = pte_offset_map(pmd, addr);

	for (; addr < end; addr += PAGE_SIZE, pte++)
		if (!pte_none(*pte))
			return false;
	return true;
}

/* can_move_pmd - whether a step of @extent moves the source PTE table
 * whole into @new_pmd: it spans a whole table (so both ends are PMD
 * aligned) and the destination entry is empty. */
static bool can_move_pmd(unsigned long extent, pmd_t *new_pmd)
{
	return extent == PMD_SIZE && pmd_none(*new_pmd);
}

/* alloc_new_pmd - the PMD entry over @addr, making the PUD and PMD
 * tables if missing (not the PTE table). NULL when memory is out. */
static pmd_t *alloc_new_pmd(struct mm_struct *mm, unsigned long addr)
{
	p4d_t *p4d = p4d_alloc(mm, pgd_offset(mm, addr), addr);
	pud_t *pud = p4d ? pud_alloc(mm, p4d, addr) : NULL;

	return pud ? pmd_alloc(mm, pud, addr) : NULL;
}

/* prepare_move_step - make the tables a step will write into: the
 * destination's PUD and PMD tables, and its PTE table unless the step
 * moves the source's whole. The move's only allocations (page_table_lock
 * not held). 0 or -ENOMEM; tables made before a failure stay empty, for
 * the unmap of the destination to free. */
static int prepare_move_step(struct move_walk *w, pmd_t *old_pmd,
			     unsigned long old_addr, unsigned long extent)
{
	pmd_t *new_pmd = alloc_new_pmd(w->mm, old_addr + w->delta);

	if (!new_pmd)
		return -ENOMEM;
	if (!can_move_pmd(extent, new_pmd) && pte_alloc(w->mm, new_pmd))
		return -ENOMEM;
	return 0;
}

/* move_ptes - move the PTEs of [old_addr, old_end), under @old_pmd, to
 * the same offsets from @new_addr under @new_pmd. page_table_lock held. */
static void move_ptes(pmd_t *old_pmd, unsigned long old_addr,
		      unsigned long old_end, pmd_t *new_pmd, unsigned long new_addr)
{
	pte_t *old = pte_offset_map(old_pmd, old_addr);
	pte_t *new = pte_offset_map(new_pmd, new_addr);

	for (; old_addr < old_end; old_addr += PAGE_SIZE, old++, new++) {
		if (pte_none(*old))
			continue;
		/* moved is soft-dirty at its new address (Linux's
		 * move_soft_dirty_pte): the tracker saw nothing there */
		set_pte(new, __pte(pte_val(*old) | (pte_present(*old) ? _PAGE_SOFT_DIRTY : 0)));
		pte_clear(old);
	}
}

/* move_normal_pmd - hand the PTE table under @old_pmd to the empty
 * @new_pmd: one entry written instead of 512. page_table_lock held. */
static void move_normal_pmd(pmd_t *old_pmd, pmd_t *new_pmd)
{
	set_pmd(new_pmd, *old_pmd);
	pmd_clear(old_pmd);
}

/* move_one_step - move a step into the tables prepare_move_step() made.
 * Takes page_table_lock for the step only. Returns 0. */
static int move_one_step(struct move_walk *w, pmd_t *old_pmd,
			 unsigned long old_addr, unsigned long extent)
{
	unsigned long new_addr = old_addr + w->delta;
	pmd_t *new_pmd = pmd_lookup(w->mm, new_addr);

	BUG_ON(!new_pmd);
	spin_lock(&w->mm->page_table_lock);
	if (can_move_pmd(extent, new_pmd)) {
		move_normal_pmd(old_pmd, new_pmd);
	} else {
		BUG_ON(pmd_none(*new_pmd));
		move_ptes(old_pmd, old_addr, old_addr + extent, new_pmd, new_addr);
	}
	spin_unlock(&w->mm->page_table_lock);
	return 0;
}

/* move_pmd_range - w->step for each step with something to move in the
 * PTE tables under @pud in [addr, end), with a preemption point after
 * each table. The first error stops the walk. */
static int move_pmd_range(struct move_walk *w, pud_t *pud, unsigned long addr,
			  unsigned long end)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next, extent;
	int err;

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*pmd))
			continue;
		for (unsigned long a = addr; a < next; a += extent) {
			extent = move_extent(a, next, a + w->delta);
			if (ptes_none(pmd, a, a + extent))
				continue;
			err = w->step(w, pmd, a, extent);
			if (err)
				return err;
		}
		cond_resched();
	} while (pmd++, addr = next, addr != end);
	return 0;
}

/* move_pud_range - move_pmd_range() for each PMD table under @p4d in
 * [addr, end). */
static int move_pud_range(struct move_walk *w, p4d_t *p4d, unsigned long addr,
			  unsigned long end)
{
	pud_t *pud = pud_offset(p4d, addr);
	unsigned long next;
	int err;

	do {
		next = pud_addr_end(addr, end);
		if (pud_none(*pud))
			continue;
		err = move_pmd_range(w, pud, addr, next);
		if (err)
			return err;
	} while (pud++, addr = next, addr != end);
	return 0;
}

/* move_p4d_range - move_pud_range() for the (folded) p4d entries under
 * @pgd in [addr, end). */
static int move_p4d_range(struct move_walk *w, pgd_t *pgd, unsigned long addr,
			  unsigned long end)
{
	p4d_t *p4d = p4d_offset(pgd, addr);
	unsigned long next;
	int err;

	do {
		next = p4d_addr_end(addr, end);
		if (p4d_none(*p4d))
			continue;
		err = move_pud_range(w, p4d, addr, next);
		if (err)
			return err;
	} while (p4d++, addr = next, addr != end);
	return 0;
}

/* move_pgd_range - move_p4d_range() for each pgd entry of w->mm in
 * [addr, end), addr < end. */
static int move_pgd_range(struct move_walk *w, unsigned long addr,
			  unsigned long end)
{
	pgd_t *pgd = pgd_offset(w->mm, addr);
	unsigned long next;
	int err;

	do {
		next = pgd_addr_end(addr, end);
		if (pgd_none(*pgd))
			continue;
		err = move_p4d_range(w, pgd, addr, next);
		if (err)
			return err;
	} while (pgd++, addr = next, addr != end);
	return 0;
}

/*
 * move_page_tables - move the PTEs of [old_addr, old_addr + len) to
 * new_addr (mremap; the ranges do not overlap): pages keep their
 * mapcounts and references, only their address changes. Returns 0, or
 * -ENOMEM with nothing moved. The old range's translations are flushed
 * at the end; until then a thread of this mm may still reach a moved
 * page at its old address, which is the page it would reach anyway.
 */
int move_page_tables(struct vm_area_struct *vma, unsigned long old_addr,
		     struct vm_area_struct *new_vma, unsigned long new_addr,
		     unsigned long len)
{
	struct move_walk w = {
		.mm = vma->vm_mm, .delta = new_addr - old_addr,
		.step = prepare_move_step,
	};
	int err;

	if (!len)
		return 0;
	err = move_pgd_range(&w, old_addr, old_addr + len);
	if (err)
		return err;
	w.step = move_one_step;
	WARN_ON_ONCE(move_pgd_range(&w, old_addr, old_addr + len));
	flush_tlb_mm_range(w.mm, old_addr, old_addr + len);
	return 0;
}

/* vma_dup_at - a copy of @vma covering [addr, addr + len), inserted in
 * its mm (no pages yet). NULL without memory. */
static struct vm_area_struct *vma_dup_at(struct vm_area_struct *vma,
					 unsigned long addr, unsigned long len)
{
	struct vm_area_struct *new_vma = vm_area_dup(vma, vma->vm_mm);

	if (!new_vma)
		return NULL;
	new_vma->vm_start = addr;
	new_vma->vm_end = addr + len;
	if (insert_vm_struct(vma->vm_mm, new_vma)) {
		vm_area_free(new_vma);
		return NULL;
	}
	return new_vma;
}

/* vma_isolate - split @vma so that it covers exactly [addr, addr + len),
 * which lies inside it. 0 or -ENOMEM. */
static int vma_isolate(struct vm_area_struct *vma, unsigned long addr,
		       unsigned long len)
{
	if (addr > vma->vm_start && split_vma(vma, addr, true))
		return -ENOMEM;
	if (addr + len < vma->vm_end && split_vma(vma, addr + len, false))
		return -ENOMEM;
	return 0;
}

/*
 * dontunmap_complete - MREMAP_DONTUNMAP's end: the old range, now @vma
 * exactly, stays mapped with no pages (its next touch faults afresh:
 * zeroes for anonymous memory, the file's page for a file) and keeps
 * its commitment; it loses its lock, which the new VMA holds now, as
 * Linux's (locked_vm is what it was).
 */
static void dontunmap_complete(struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_LOCKED)
		vma->vm_mm->locked_vm -= vma_pages(vma);
	vma->vm_flags &= ~VM_LOCKED_MASK;
}

/*
 * move_vma - move [old_addr, old_addr + old_len) of @vma with its pages
 * to a new VMA [new_addr, new_addr + new_len), unmapping what was there
 * first if @fixed, then unmap the old range, or with @dontunmap leave
 * it mapped and empty (the new VMA is then a commitment of its own:
 * new_len, not the growth). Returns new_addr, or -ENOMEM with the pages
 * still at the old address.
 */
static unsigned long move_vma(struct vm_area_struct *vma, unsigned long old_addr,
			      unsigned long old_len, unsigned long new_len,
			      unsigned long new_addr, bool fixed, bool dontunmap)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *new_vma;
	long to_account = dontunmap ? new_len : new_len - old_len;
	struct address_space *mapping;
	int err;

	/* a move may split the old VMA in three and add the new one */
	if (mm_map_count(mm) >= sysctl_max_map_count - 3)
		return -ENOMEM;
	if (to_account > 0 && (vma->vm_flags & VM_ACCOUNT) &&
	    !vm_enough_memory(mm, to_account >> PAGE_SHIFT))
		return -ENOMEM;	/* Linux's vrm_charge */
	if (vma_isolate(vma, old_addr, old_len))
		return -ENOMEM;
	if (fixed && do_munmap(mm, new_addr, new_len))
		return -ENOMEM;
	new_vma = vma_dup_at(vma, new_addr, new_len);
	if (!new_vma)
		return -ENOMEM;
	/* a truncate walking the file's VMAs must not find the PTEs half
	 * moved, nor a PTE table gone from under it (Linux's
	 * take_rmap_locks) */
	mapping = i_mmap_lock_vma(vma);
	err = move_page_tables(vma, old_addr, new_vma, new_addr, min(old_len, new_len));
	i_mmap_unlock_vma(mapping);
	if (err) {
		do_munmap(mm, new_addr, new_len);	/* nothing was moved */
		return -ENOMEM;
	}
	if (dontunmap)
		dontunmap_complete(vma);
	else
		do_munmap(mm, old_addr, old_len);
	vma_merge_neighbours(new_vma);
	return new_addr;
}

/*
 * mremap_to - MREMAP_FIXED: move the range to exactly @new_addr; or
 * MREMAP_DONTUNMAP without it: move it where @new_addr hints (else
 * anywhere free). -EINVAL if @new_addr is unaligned, beyond user space
 * or overlaps the old range (a hint too, as Linux's), -EPERM below
 * mmap_min_addr when fixed, -ENOMEM with no room, else move_vma()'s
 * result.
 */
static unsigned long mremap_to(struct vm_area_struct *vma, unsigned long addr,
			       unsigned long old_len, unsigned long new_len,
			       unsigned long new_addr, unsigned long flags)
{
	bool fixed = flags & MREMAP_FIXED;

	if ((new_addr & ~PAGE_MASK) || new_addr > TASK_SIZE - new_len ||
	    (new_addr < addr + old_len && addr < new_addr + new_len))
		return -EINVAL;
	if (fixed && new_addr < MMAP_MIN_ADDR)
		return -EPERM;
	if (new_len > old_len && mlock_future_check(vma->vm_mm, vma->vm_flags, new_len - old_len))
		return -EAGAIN;	/* a locked VMA's growth, as Linux's vma_to_resize */
	if (!fixed) {
		new_addr = get_unmapped_area(vma->vm_file, new_addr, new_len, 0, 0);
		if (IS_ERR_VALUE(new_addr))
			return -ENOMEM;
	}
	return move_vma(vma, addr, old_len, new_len, new_addr, fixed,
			flags & MREMAP_DONTUNMAP);
}

/* vma_expandable - whether @vma can grow by @delta bytes at its end:
 * the range after it is in user space and no VMA is there. */
static bool vma_expandable(struct vm_area_struct *vma, unsigned long delta)
{
	struct vm_area_struct *next = vma_next(vma);
	unsigned long end = vma->vm_end + delta;

	return end <= TASK_SIZE && (!next || next->vm_start >= end);
}

/* vma_expand_in_place - grow @vma by @delta bytes at its end (checked
 * by vma_expandable) and merge it with a like neighbour. */
static void vma_expand_in_place(struct vm_area_struct *vma, unsigned long delta)
{
	struct mm_struct *mm = vma->vm_mm;
	struct address_space *mapping;

	vm_stat_account(mm, vma->vm_flags, delta >> PAGE_SHIFT);
	vma_acct(vma->vm_flags, delta >> PAGE_SHIFT);
	mapping = i_mmap_lock_vma(vma);	/* the reverse map sees it grow */
	vma->vm_end += delta;
	vma_tree_update(&mm->mm_mt, vma);
	i_mmap_unlock_vma(mapping);
	vma_merge_neighbours(vma);
}

/*
 * do_mremap - mremap's work after its argument checks (lengths page
 * aligned, nonzero, at most TASK_SIZE): with MREMAP_FIXED or
 * MREMAP_DONTUNMAP move (mremap_to()); otherwise shrink by unmapping the tail, grow in place if
 * the space after is free, or move (MREMAP_MAYMOVE) to a free range.
 * mmap_lock held for writing. Returns the mapping's address or -errno:
 * -EFAULT if [addr, addr + old_len) is not inside one VMA, -EAGAIN if a
 * locked VMA would grow past RLIMIT_MEMLOCK, -ENOMEM if it cannot grow
 * or move.
 */
static unsigned long do_mremap(struct mm_struct *mm, unsigned long addr,
			       unsigned long old_len, unsigned long new_len,
			       unsigned long flags, unsigned long new_addr)
{
	struct vm_area_struct *vma = vma_lookup(mm, addr);

	if (!vma || old_len > vma->vm_end - addr)
		return -EFAULT;
	if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP))
		return mremap_to(vma, addr, old_len, new_len, new_addr, flags);
	if (new_len <= old_len) {
		if (new_len < old_len && do_munmap(mm, addr + new_len, old_len - new_len))
			return -ENOMEM;
		return addr;
	}
	if (mlock_future_check(mm, vma->vm_flags, new_len - old_len))
		return -EAGAIN;	/* a locked VMA's growth, as Linux's vma_to_resize */
	if (addr + old_len == vma->vm_end && vma_expandable(vma, new_len - old_len)) {
		if ((vma->vm_flags & VM_ACCOUNT) &&
		    !vm_enough_memory(mm, (new_len - old_len) >> PAGE_SHIFT))
			return -ENOMEM;
		vma_expand_in_place(vma, new_len - old_len);
		return addr;
	}
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	new_addr = get_unmapped_area(vma->vm_file, 0, new_len, 0, 0);
	if (IS_ERR_VALUE(new_addr))
		return -ENOMEM;
	return move_vma(vma, addr, old_len, new_len, new_addr, false, false);
}

/*
 * mremap - resize [addr, addr + old_len) to new_len: shrinking unmaps the
 * tail; growing extends in place if the space after is free, else moves
 * the mapping (MREMAP_MAYMOVE) with its pages to a new range (or to
 * new_addr with MREMAP_FIXED). MREMAP_DONTUNMAP moves the pages of a
 * range to a new one of the same size and leaves the old range mapped
 * and empty. A locked mapping's new part is faulted in once mmap_lock
 * is dropped, as Linux's.
 */
SYSCALL_DEFINE5(mremap, unsigned long, addr, unsigned long, old_len,
		unsigned long, new_len, unsigned long, flags, unsigned long, new_addr)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret;
	bool populate;

	if (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP) || (addr & ~PAGE_MASK))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	if (old_len > TASK_SIZE || new_len > TASK_SIZE)
		return -EINVAL;	/* keeps every sum below from wrapping */
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	/* MREMAP_DONTUNMAP is always a move, and never a resize (of the
	 * rounded lengths, as Linux 6.18; 6.1 compared them as given) */
	if ((flags & MREMAP_DONTUNMAP) && (!(flags & MREMAP_MAYMOVE) || old_len != new_len))
		return -EINVAL;
	if (!new_len || !old_len)
		return -EINVAL;
	mmap_write_lock(mm);
	ret = do_mremap(mm, addr, old_len, new_len, flags, new_addr);
	populate = !IS_ERR_VALUE(ret) && new_len > old_len &&
		   (vma_lookup(mm, ret)->vm_flags & VM_LOCKED);
	mmap_write_unlock(mm);
	if (populate)
		mm_populate(ret + old_len, new_len - old_len);
	return ret;
}
