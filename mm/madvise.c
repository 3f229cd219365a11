// SPDX-License-Identifier: GPL-2.0
/*
 * madvise: MADV_DONTNEED unmaps the pages of a range (the next touch
 * faults in zeroes, or the file's page); MADV_REMOVE punches a hole in
 * the tmpfs file behind a shared mapping. The rest, VMA by VMA as
 * Linux's madvise_walk_vmas(): MADV_FREE frees private anonymous pages
 * (see madvise_free_single_vma), MADV_DONTFORK/DOFORK and
 * MADV_WIPEONFORK/KEEPONFORK set what fork copies (VM_DONTCOPY,
 * VM_WIPEONFORK), MADV_DONTDUMP/DODUMP what a core dump holds
 * (VM_DONTDUMP), MADV_POPULATE_READ/WRITE fault pages in, MADV_COLD
 * and MADV_PAGEOUT check the VMA and move nothing (no swap, and every
 * file here is in memory). The other hints are accepted and ignored
 * (no readahead, no huge pages).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/falloc.h>
#include <linux/file.h>
#include <linux/fs.h>

/* madvise_dontneed_range - zap the pages of each VMA's part of [start,
 * end). Returns 0, -ENOMEM if part of the range is not mapped (what is
 * mapped after a hole is still zapped, as in Linux), or -EINVAL at a
 * locked VMA (those before it are zapped). mmap_lock held for writing. */
static int madvise_dontneed_range(struct mm_struct *mm, unsigned long start,
				  unsigned long end)
{
	struct vm_area_struct *vma;
	int err = 0;

	for (unsigned long a = start; a < end;) {
		vma = find_vma(mm, a);
		if (!vma || vma->vm_start >= end)
			return -ENOMEM;
		if (vma->vm_start > a)
			err = -ENOMEM;	/* a hole: Linux still zaps the rest */
		if (vma->vm_flags & VM_LOCKED)
			return -EINVAL;	/* locked pages stay (Linux's valid_vma check) */
		zap_page_range(vma, max(a, vma->vm_start), min(end, vma->vm_end));
		a = vma->vm_end;
	}
	return err;
}

/*
 * madvise_update_vma - give [start, end) of @vma (inside it) @new_flags:
 * split off the rest and merge with like neighbours, as Linux's. No
 * accounting changes (only VM_DONTCOPY, VM_WIPEONFORK and VM_DONTDUMP
 * change here).
 * mmap_lock held for writing. 0, or -EAGAIN when a split has no memory
 * (Linux's answer for a resource that may come back).
 */
static int madvise_update_vma(struct vm_area_struct *vma, unsigned long start,
			      unsigned long end, unsigned long new_flags)
{
	int err;

	if (new_flags == vma->vm_flags)
		return 0;
	err = split_vma_range(vma, start, end);
	if (err)
		return err == -ENOMEM ? -EAGAIN : err;
	vma->vm_flags = new_flags;
	vma_merge_neighbours(vma);
	return 0;
}

/*
 * madvise_free_single_vma - MADV_FREE of [start, end) of @vma: -EINVAL
 * for a locked VMA, then for one that is not private anonymous memory,
 * as Linux's. Linux marks the pages lazily free and drops them only
 * under memory pressure, unless written again; mmos has no reclaim,
 * so it drops them now: the man page allows it (the contents are
 * undefined until the next write, and then the new data stay), and
 * the memory comes back, which is what a caller of MADV_FREE wants.
 * mmap_lock held for writing. Returns 0 or -EINVAL.
 */
static int madvise_free_single_vma(struct vm_area_struct *vma, unsigned long start,
				   unsigned long end)
{
	if (vma->vm_flags & VM_LOCKED)
		return -EINVAL;
	if (!vma_is_anonymous(vma))
		return -EINVAL;
	zap_page_range(vma, start, end);
	return 0;
}

/*
 * madvise_vma_behavior - @behavior for [start, end) of @vma (inside
 * it), Linux's rules: MADV_WIPEONFORK only for private anonymous
 * memory, MADV_COLD and MADV_PAGEOUT not for a locked VMA (-EINVAL).
 * Returns 0 or -errno.
 */
static int madvise_vma_behavior(struct vm_area_struct *vma, unsigned long start,
				unsigned long end, int behavior)
{
	unsigned long new_flags = vma->vm_flags;

	switch (behavior) {
	case MADV_FREE:
		return madvise_free_single_vma(vma, start, end);
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
		return faultin_vma_page_range(vma, start, end,
					      behavior == MADV_POPULATE_WRITE);
	case MADV_COLD:
	case MADV_PAGEOUT:	/* can_madv_lru_vma(); nothing to age or page out */
		return (vma->vm_flags & VM_LOCKED) ? -EINVAL : 0;
	case MADV_DONTFORK:
		new_flags |= VM_DONTCOPY;
		break;
	case MADV_DOFORK:
		new_flags &= ~VM_DONTCOPY;
		break;
	case MADV_WIPEONFORK:
		if (vma->vm_file || (vma->vm_flags & VM_SHARED))
			return -EINVAL;
		new_flags |= VM_WIPEONFORK;
		break;
	case MADV_KEEPONFORK:
		new_flags &= ~VM_WIPEONFORK;
		break;
	case MADV_DONTDUMP:
		new_flags |= VM_DONTDUMP;
		break;
	case MADV_DODUMP:	/* Linux refuses it only for VM_SPECIAL ones: none here */
		new_flags &= ~VM_DONTDUMP;
		break;
	}
	return madvise_update_vma(vma, start, end, new_flags);
}

/*
 * madvise_remove - MADV_REMOVE of @vma's part [start, end), as Linux's:
 * a hole punched in the file behind it (vfs_fallocate() with
 * PUNCH_HOLE|KEEP_SIZE), so its pages leave the cache and every shared
 * mapping, and the range reads zeros. -EINVAL for a locked VMA or
 * anonymous memory, -EACCES unless the mapping is shared and may be
 * written (vma_is_shared_maywrite()), else the punch's result
 * (-EOPNOTSUPP where the file system cannot). mmap_lock is held for
 * reading on entry and dropped here, as in Linux: the punch takes the
 * file's i_rwsem, which comes before mmap_lock.
 */
static int madvise_remove(struct mm_struct *mm, struct vm_area_struct *vma,
			  unsigned long start, unsigned long end)
{
	struct file *f = vma->vm_file;
	loff_t offset;
	int err;

	if (vma->vm_flags & VM_LOCKED) {
		err = -EINVAL;
	} else if (!f) {
		err = -EINVAL;
	} else if ((vma->vm_flags & (VM_SHARED | VM_MAYWRITE)) != (VM_SHARED | VM_MAYWRITE)) {
		err = -EACCES;
	} else {
		offset = (loff_t)(start - vma->vm_start) + ((loff_t)vma->vm_pgoff << PAGE_SHIFT);
		get_file(f);
		mmap_read_unlock(mm);
		err = vfs_fallocate(f, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
				    offset, end - start);
		fput(f);
		return err;
	}
	mmap_read_unlock(mm);
	return err;
}

/* madvise_remove_range - madvise_remove() of each VMA's part of [start,
 * end), finding the next VMA anew after each (the lock was dropped), as
 * Linux's madvise_walk_vmas(). Returns 0, the first error, or -ENOMEM
 * if part of the range was not mapped. */
static int madvise_remove_range(struct mm_struct *mm, unsigned long start,
				unsigned long end)
{
	int unmapped_error = 0, err;

	while (start < end) {
		struct vm_area_struct *vma;
		unsigned long tmp;

		mmap_read_lock(mm);
		vma = find_vma(mm, start);
		if (!vma) {
			mmap_read_unlock(mm);
			return -ENOMEM;
		}
		if (start < vma->vm_start) {
			unmapped_error = -ENOMEM;
			start = vma->vm_start;
			if (start >= end) {
				mmap_read_unlock(mm);
				break;
			}
		}
		tmp = min(end, vma->vm_end);
		err = madvise_remove(mm, vma, start, tmp);	/* unlocks */
		if (err)
			return err;
		start = tmp;
	}
	return unmapped_error;
}

/*
 * madvise_walk_vmas - madvise_vma_behavior() on each VMA's part of
 * [start, end), as Linux's: the first error stops the walk (what was
 * done before it stays); a hole does not, but the call then returns
 * -ENOMEM. VMAs may split and merge on the way, so each next one is
 * looked up again. Returns 0 or -errno.
 */
static int madvise_walk_vmas(struct mm_struct *mm, unsigned long start,
			     unsigned long end, int behavior)
{
	struct vm_area_struct *vma = find_vma(mm, start);
	int unmapped_error = 0, err;
	unsigned long tmp;

	for (;;) {
		if (!vma)
			return -ENOMEM;
		if (start < vma->vm_start) {
			unmapped_error = -ENOMEM;
			start = vma->vm_start;
			if (start >= end)
				break;
		}
		tmp = min(vma->vm_end, end);
		err = madvise_vma_behavior(vma, start, tmp, behavior);
		if (err)
			return err;
		start = tmp;
		if (start >= end)
			break;
		vma = find_vma(mm, start);
	}
	return unmapped_error;
}

/* madvise_need_mmap_write - whether @behavior changes VMAs or zaps
 * pages (mmos zaps under the write lock), or only faults and looks
 * (the read lock, as Linux's). */
static bool madvise_need_mmap_write(int behavior)
{
	switch (behavior) {
	case MADV_COLD:
	case MADV_PAGEOUT:
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
		return false;
	default:
		return true;
	}
}

/* madvise - advice @behavior for [start, start + len): MADV_DONTNEED
 * unmaps the pages, MADV_REMOVE removes them from the file, the others
 * go VMA by VMA (madvise_walk_vmas()), the hints are accepted. 0,
 * -EINVAL (start unaligned, the range wraps, unknown advice), -ENOMEM
 * (a hole), -EAGAIN, -EFAULT, or MADV_REMOVE's errors. */
SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len, int, behavior)
{
	struct mm_struct *mm = current->mm;
	unsigned long end;
	int err;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (len && !PAGE_ALIGN(len))
		return -EINVAL;	/* rounded up past the top */
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -EINVAL;
	switch (behavior) {
	case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL:
	case MADV_WILLNEED: case MADV_HUGEPAGE: case MADV_NOHUGEPAGE:
		return 0;	/* hints; mmos has no readahead or huge pages */
	case MADV_DONTNEED:
		mmap_write_lock(mm);
		err = madvise_dontneed_range(mm, start, end);
		mmap_write_unlock(mm);
		return err;
	case MADV_REMOVE:
		return madvise_remove_range(mm, start, end);
	case MADV_FREE:
	case MADV_DONTFORK: case MADV_DOFORK:
	case MADV_WIPEONFORK: case MADV_KEEPONFORK:
	case MADV_DONTDUMP: case MADV_DODUMP:
	case MADV_COLD: case MADV_PAGEOUT:
	case MADV_POPULATE_READ: case MADV_POPULATE_WRITE:
		break;
	default:
		return -EINVAL;
	}
	if (start == end)
		return 0;
	if (madvise_need_mmap_write(behavior)) {
		mmap_write_lock(mm);
		err = madvise_walk_vmas(mm, start, end, behavior);
		mmap_write_unlock(mm);
	} else {
		mmap_read_lock(mm);
		err = madvise_walk_vmas(mm, start, end, behavior);
		mmap_read_unlock(mm);
	}
	return err;
}
