// SPDX-License-Identifier: GPL-2.0
/*
 * msync(2), as Linux's mm/msync.c. Every file system of mmos keeps its
 * files in the page cache and nowhere else (the cache *is* the file),
 * so a shared file mapping is always in sync and vfs_fsync_range()
 * would have nothing to write (Linux's tmpfs says the same with
 * noop_fsync). What is left is Linux's answer for the range: -EINVAL
 * for bad flags or an unaligned start, -ENOMEM for a range that wraps
 * or has unmapped holes (after looking at all of it, except with plain
 * MS_ASYNC, which stops at the first hole), and MS_INVALIDATE's -EBUSY
 * at a locked VMA (mlock: its pages may not be dropped).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

#define MS_ASYNC	1
#define MS_INVALIDATE	2
#define MS_SYNC		4

/*
 * msync_check_range - walk the VMAs of [@start, @end) (not empty) as
 * Linux's msync loop does. Precondition: mmap_lock held for reading.
 * Returns 0, -ENOMEM if some of it is not mapped, or -EBUSY at a locked
 * VMA for MS_INVALIDATE.
 */
static int msync_check_range(struct mm_struct *mm, unsigned long start,
			     unsigned long end, int flags)
{
	struct vm_area_struct *vma = find_vma(mm, start);
	int unmapped_error = 0;

	for (;;) {
		if (!vma)
			return -ENOMEM;
		if (start < vma->vm_start) {
			if (flags == MS_ASYNC)
				return -ENOMEM;
			start = vma->vm_start;
			if (start >= end)
				return -ENOMEM;
			unmapped_error = -ENOMEM;
		}
		if ((flags & MS_INVALIDATE) && (vma->vm_flags & VM_LOCKED))
			return -EBUSY;
		start = vma->vm_end;
		if (start >= end)
			return unmapped_error;
		vma = find_vma(mm, start);
	}
}

SYSCALL_DEFINE3(msync, unsigned long, start, size_t, len, int, flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long end;
	int err;

	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	len = (len + ~PAGE_MASK) & PAGE_MASK;
	end = start + len;
	if (end < start)
		return -ENOMEM;
	if (end == start)
		return 0;
	mmap_read_lock(mm);
	err = msync_check_range(mm, start, end, flags);
	mmap_read_unlock(mm);
	return err;
}
