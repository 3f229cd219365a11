// SPDX-License-Identifier: GPL-2.0
/*
 * The memory syscalls: mmap, munmap, brk, mprotect, mremap, madvise,
 * mincore. Argument checks and error numbers follow Linux's man pages;
 * the work is in mmap.c and memory.c.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/syscalls.h>


SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len, unsigned long, prot,
		unsigned long, flags, unsigned long, fd, unsigned long, off)
{
	struct mm_struct *mm = current->mm;
	struct file *file = NULL;
	unsigned long ret;

	if (off & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return -EINVAL;
	if (PAGE_ALIGN(len) < len || PAGE_ALIGN(len) > TASK_SIZE)
		return -ENOMEM;
	switch (flags & MAP_TYPE) {
	case MAP_PRIVATE:
	case MAP_SHARED:
	case MAP_SHARED_VALIDATE:
		break;
	default:
		return -EINVAL;
	}
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS)) {
		file = fget(fd);
		if (!file)
			return -EBADF;
		if (!file->f_inode || !S_ISREG(file->f_inode->i_mode)) {
			fput(file);
			return -ENODEV;
		}
		if ((flags & MAP_TYPE) != MAP_PRIVATE && (prot & PROT_WRITE)) {
			fput(file);
			return -EACCES;	/* ramfs files are read-only here */
		}
	} else if ((flags & MAP_TYPE) != MAP_PRIVATE) {
		return -EINVAL;		/* shared anonymous memory: not yet */
	}
	mmap_write_lock(mm);
	ret = do_mmap(file, addr, len, prot, flags, off >> PAGE_SHIFT);
	mmap_write_unlock(mm);
	if (file)
		fput(file);
	return ret;
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	struct mm_struct *mm = current->mm;
	int ret;

	mmap_write_lock(mm);
	ret = do_munmap(mm, addr, len);
	mmap_write_unlock(mm);
	return ret;
}

/*
 * brk - move the end of the heap. Returns the new break, or the old one
 * if it cannot move there (below start_brk, into another mapping, out
 * of memory), as Linux's brk(2) does.
 */
SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newbrk, oldbrk, ret;

	mmap_write_lock(mm);
	ret = mm->brk;
	if (brk < mm->start_brk || brk > TASK_SIZE - (64UL << 20))
		goto out;
	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (newbrk < oldbrk) {
		if (do_munmap(mm, newbrk, oldbrk - newbrk))
			goto out;
	} else if (newbrk > oldbrk) {
		struct vm_area_struct *next = find_vma(mm, oldbrk);

		if (next && newbrk + PAGE_SIZE > next->vm_start)
			goto out;	/* keep a page of gap, as Linux does */
		if (do_brk_flags(oldbrk, newbrk - oldbrk, 0))
			goto out;
	}
	mm->brk = ret = brk;
out:
	mmap_write_unlock(mm);
	return ret;
}

/* mprotect_fixup - give [start, end) of @vma (inside it) @newflags:
 * split off the rest, change the PTEs, merge with like neighbours. */
static int mprotect_fixup(struct vm_area_struct *vma, unsigned long start,
			  unsigned long end, unsigned long newflags)
{
	struct mm_struct *mm = vma->vm_mm;
	int err;

	if (newflags == vma->vm_flags)
		return 0;
	if (start > vma->vm_start) {
		err = split_vma(vma, start, true);
		if (err)
			return err;
	}
	if (end < vma->vm_end) {
		err = split_vma(vma, end, false);
		if (err)
			return err;
	}
	vm_stat_account(mm, vma->vm_flags, -((vma->vm_end - vma->vm_start) >> PAGE_SHIFT));
	vma->vm_flags = newflags;
	vma->vm_page_prot = vm_get_page_prot(newflags);
	vm_stat_account(mm, newflags, (vma->vm_end - vma->vm_start) >> PAGE_SHIFT);
	change_protection(vma, start, end);
	vma_merge_neighbours(vma);
	return 0;
}

SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len, unsigned long, prot)
{
	struct mm_struct *mm = current->mm;
	unsigned long end, nstart;
	struct vm_area_struct *vma;
	int err = 0;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start || end > TASK_SIZE)
		return -ENOMEM;
	if (!len)
		return 0;
	mmap_write_lock(mm);
	vma = find_vma(mm, start);
	if (!vma || vma->vm_start > start) {
		err = -ENOMEM;
		goto out;
	}
	for (nstart = start; nstart < end;) {
		unsigned long newflags, tmp;

		if (!vma || vma->vm_start > nstart) {
			err = -ENOMEM;		/* a hole in the range */
			break;
		}
		newflags = (vma->vm_flags & ~VM_ACCESS_FLAGS) |
			   (prot & PROT_READ ? VM_READ : 0) |
			   (prot & PROT_WRITE ? VM_WRITE : 0) |
			   (prot & PROT_EXEC ? VM_EXEC : 0);
		if ((newflags & VM_WRITE) && (vma->vm_flags & VM_SHARED) && vma->vm_file) {
			err = -EACCES;
			break;
		}
		tmp = min(vma->vm_end, end);
		err = mprotect_fixup(vma, nstart, tmp, newflags);
		if (err)
			break;
		nstart = tmp;
		vma = find_vma(mm, nstart);
	}
out:
	mmap_write_unlock(mm);
	return err;
}

/*
 * mremap - resize [addr, addr + old_len) to new_len: shrinking unmaps the
 * tail; growing extends in place if the space after is free, else moves
 * the mapping (MREMAP_MAYMOVE) with its pages to a new range (or to
 * new_addr with MREMAP_FIXED).
 */
SYSCALL_DEFINE5(mremap, unsigned long, addr, unsigned long, old_len,
		unsigned long, new_len, unsigned long, flags, unsigned long, new_addr)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma, *new_vma;
	unsigned long ret;

	if (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED) || (addr & ~PAGE_MASK))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	if (old_len > TASK_SIZE || new_len > TASK_SIZE)
		return -EINVAL;	/* keeps every sum below from wrapping */
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	if (!new_len || !old_len)
		return -EINVAL;
	mmap_write_lock(mm);
	vma = vma_lookup(mm, addr);
	ret = -EFAULT;
	if (!vma || old_len > vma->vm_end - addr)
		goto out;
	if (flags & MREMAP_FIXED) {
		ret = -EINVAL;
		if ((new_addr & ~PAGE_MASK) || new_addr > TASK_SIZE - new_len ||
		    (new_addr < addr + old_len && addr < new_addr + new_len))
			goto out;
		ret = -EPERM;
		if (new_addr < MMAP_MIN_ADDR)
			goto out;
		ret = -ENOMEM;
		goto move;
	}
	ret = addr;
	if (new_len <= old_len) {
		if (new_len < old_len && do_munmap(mm, addr + new_len, old_len - new_len))
			ret = -ENOMEM;
		goto out;
	}
	if (addr + old_len == vma->vm_end) {
		struct vm_area_struct *next = vma_next(vma);

		if (new_len <= TASK_SIZE - addr &&
		    (!next || next->vm_start >= addr + new_len)) {
			vm_stat_account(mm, vma->vm_flags, (new_len - old_len) >> PAGE_SHIFT);
			vma->vm_end = addr + new_len;
			vma_tree_update(&mm->mm_mt, vma);
			vma_merge_neighbours(vma);
			goto out;
		}
	}
	ret = -ENOMEM;
	if (!(flags & MREMAP_MAYMOVE))
		goto out;
	new_addr = get_unmapped_area(vma->vm_file, 0, new_len, 0, 0);
	if (IS_ERR_VALUE(new_addr))
		goto out;
move:
	if (addr > vma->vm_start && split_vma(vma, addr, true))
		goto out;
	if (addr + old_len < vma->vm_end && split_vma(vma, addr + old_len, false))
		goto out;
	if (flags & MREMAP_FIXED && do_munmap(mm, new_addr, new_len))
		goto out;
	new_vma = vm_area_dup(vma, mm);
	if (!new_vma)
		goto out;
	new_vma->vm_start = new_addr;
	new_vma->vm_end = new_addr + new_len;
	if (insert_vm_struct(mm, new_vma)) {
		vm_area_free(new_vma);
		goto out;
	}
	if (move_page_tables(vma, addr, new_vma, new_addr, min(old_len, new_len))) {
		do_munmap(mm, new_addr, new_len);	/* nothing was moved */
		goto out;
	}
	do_munmap(mm, addr, old_len);
	vma_merge_neighbours(new_vma);
	ret = new_addr;
out:
	mmap_write_unlock(mm);
	return ret;
}

SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len, int, behavior)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long end;
	int err = 0;

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
	for (unsigned long a = start; a < end;) {
		vma = find_vma(mm, a);
		if (!vma || vma->vm_start >= end) {
			err = -ENOMEM;
			break;
		}
		if (vma->vm_start > a)
			err = -ENOMEM;	/* a hole: Linux still zaps the rest */
		zap_page_range(vma, max(a, vma->vm_start), min(end, vma->vm_end));
		a = vma->vm_end;
	}
	mmap_write_unlock(mm);
	return err;
}

/* file_resident - whether page @a of file mapping @vma is in memory: a
 * ramfs file's pages always are (ramfs is the page cache), up to its end. */
static bool file_resident(struct vm_area_struct *vma, unsigned long a)
{
	return vma->vm_pgoff + ((a - vma->vm_start) >> PAGE_SHIFT) <
	       PFN_UP(vma->vm_file->f_inode->i_size);
}

/* mincore_chunk - residency of up to 256 pages from @start into @buf,
 * VMA by VMA, each read from the page tables in one walk; the user's
 * vector is written only after mmap_lock is dropped (a fault on it may
 * need the lock itself). 0 or -ENOMEM for a hole. */
static int mincore_chunk(struct mm_struct *mm, unsigned long start,
			 unsigned long pages, unsigned char *buf)
{
	unsigned long end = start + (pages << PAGE_SHIFT), next;
	int err = 0;

	mmap_read_lock(mm);
	for (unsigned long a = start; a < end; a = next) {
		struct vm_area_struct *vma = vma_lookup(mm, a);
		unsigned char *v = buf + ((a - start) >> PAGE_SHIFT);

		if (!vma) {
			err = -ENOMEM;
			break;
		}
		next = min(end, vma->vm_end);
		mincore_range(mm, a, next, v);
		for (unsigned long p = a; vma->vm_file && p < next; p += PAGE_SIZE, v++)
			*v |= file_resident(vma, p);
	}
	mmap_read_unlock(mm);
	return err;
}

SYSCALL_DEFINE3(mincore, unsigned long, start, size_t, len, unsigned char __user *, vec)
{
	struct mm_struct *mm = current->mm;
	unsigned long pages, end;
	unsigned char buf[256];

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (len > TASK_SIZE)
		return -ENOMEM;
	pages = PAGE_ALIGN(len) >> PAGE_SHIFT;
	end = start + (pages << PAGE_SHIFT);
	if (end < start || end > TASK_SIZE)
		return -ENOMEM;
	for (unsigned long done = 0; done < pages;) {
		unsigned long n = min(pages - done, sizeof(buf));
		int err = mincore_chunk(mm, start + (done << PAGE_SHIFT), n, buf);

		if (err)
			return err;
		if (copy_to_user(vec + done, buf, n))
			return -EFAULT;
		done += n;
		cond_resched();
	}
	return 0;
}
