// SPDX-License-Identifier: GPL-2.0
/*
 * madvise: MADV_DONTNEED and MADV_FREE unmap the pages of a range (the
 * next touch faults in zeroes, or the file's page); the other advice
 * mmos knows is accepted and ignored (no readahead, no huge pages).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

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

/* madvise - advice @behavior for [start, start + len): MADV_DONTNEED and
 * MADV_FREE unmap the pages, the hints are accepted. 0, -EINVAL (start
 * unaligned, the range wraps, unknown advice) or -ENOMEM (a hole). */
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
	default:
		return -EINVAL;
	}
	mmap_write_lock(mm);
	err = madvise_dontneed_range(mm, start, end);
	mmap_write_unlock(mm);
	return err;
}
