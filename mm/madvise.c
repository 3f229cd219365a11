// SPDX-License-Identifier: GPL-2.0
/*
 * madvise: MADV_DONTNEED and MADV_FREE unmap the pages of a range (the
 * next touch faults in zeroes, or the file's page); MADV_REMOVE punches
 * a hole in the tmpfs file behind a shared mapping; the other advice
 * mmos knows is accepted and ignored (no readahead, no huge pages).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/falloc.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

/* madvise_dontneed_range - zap the pages of each VMA's part of [start,
 * end); a shared mapping's stay in the file's page cache, and a later
 * touch maps them again. Returns 0, -ENOMEM if part of the range is not mapped (what is
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

/* madvise - advice @behavior for [start, start + len): MADV_DONTNEED and
 * MADV_FREE unmap the pages, MADV_REMOVE removes them from the file, the
 * hints are accepted. 0, -EINVAL (start unaligned, the range wraps,
 * unknown advice), -ENOMEM (a hole) or MADV_REMOVE's errors. */
SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len, int, behavior)
{
	struct mm_struct *mm = current->mm;
	unsigned long end;
	int err;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -EINVAL;
	switch (behavior) {
	case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL:
	case MADV_WILLNEED: case MADV_HUGEPAGE: case MADV_NOHUGEPAGE:
		return 0;	/* hints; mmos has no readahead or huge pages */
	case MADV_DONTNEED:
	case MADV_FREE:
		break;
	case MADV_REMOVE:
		return madvise_remove_range(mm, start, end);
	default:
		return -EINVAL;
	}
	mmap_write_lock(mm);
	err = madvise_dontneed_range(mm, start, end);
	mmap_write_unlock(mm);
	return err;
}
