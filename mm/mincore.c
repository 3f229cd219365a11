// SPDX-License-Identifier: GPL-2.0
/*
 * mincore: which pages of a range are resident, read from the page
 * tables (a missing table answers for its whole span), and for file
 * mappings from the file; and the mincore syscall.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include "internal.h"

/* mincore_pte_range - residency of the pages of [addr, end), all under
 * @pmd, into @vec. Takes page_table_lock: faults may fill PTEs. */
static void mincore_pte_range(struct mm_struct *mm, pmd_t *pmd, unsigned long addr,
			      unsigned long end, unsigned char *vec)
{
	pte_t *pte = pte_offset_map(pmd, addr);

	spin_lock(&mm->page_table_lock);
	for (; addr < end; addr += PAGE_SIZE, pte++)
		*vec++ = pte_present(*pte);
	spin_unlock(&mm->page_table_lock);
}

/* mincore_hole - [addr, end) has no page table: nothing is resident. */
static void mincore_hole(unsigned long addr, unsigned long end, unsigned char *vec)
{
	memset(vec, 0, (end - addr) >> PAGE_SHIFT);
}

/* mincore_pmd_range - residency of [addr, end) under @pud into @vec. */
static void mincore_pmd_range(struct mm_struct *mm, pud_t *pud, unsigned long addr,
			      unsigned long end, unsigned char *vec)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*pmd))
			mincore_hole(addr, next, vec);
		else
			mincore_pte_range(mm, pmd, addr, next, vec);
		vec += (next - addr) >> PAGE_SHIFT;
	} while (pmd++, addr = next, addr != end);
}

/* mincore_pud_range - residency of [addr, end) under @p4d into @vec. */
static void mincore_pud_range(struct mm_struct *mm, p4d_t *p4d, unsigned long addr,
			      unsigned long end, unsigned char *vec)
{
	pud_t *pud = pud_offset(p4d, addr);
	unsigned long next;

	do {
		next = pud_addr_end(addr, end);
		if (pud_none(*pud))
			mincore_hole(addr, next, vec);
		else
			mincore_pmd_range(mm, pud, addr, next, vec);
		vec += (next - addr) >> PAGE_SHIFT;
	} while (pud++, addr = next, addr != end);
}

/* mincore_p4d_range - residency of [addr, end) under the (folded) p4d
 * entries of @pgd into @vec. */
static void mincore_p4d_range(struct mm_struct *mm, pgd_t *pgd, unsigned long addr,
			      unsigned long end, unsigned char *vec)
{
	p4d_t *p4d = p4d_offset(pgd, addr);
	unsigned long next;

	do {
		next = p4d_addr_end(addr, end);
		if (p4d_none(*p4d))
			mincore_hole(addr, next, vec);
		else
			mincore_pud_range(mm, p4d, addr, next, vec);
		vec += (next - addr) >> PAGE_SHIFT;
	} while (p4d++, addr = next, addr != end);
}

/*
 * mincore_range - one byte per page of [addr, end) into @vec: 1 where a
 * page is mapped (resident), 0 elsewhere; a missing table answers for
 * its whole span at once. mmap_lock held (the tables stay).
 */
static void mincore_range(struct mm_struct *mm, unsigned long addr,
			  unsigned long end, unsigned char *vec)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	unsigned long next;

	if (addr >= end)
		return;
	do {
		next = pgd_addr_end(addr, end);
		if (pgd_none(*pgd))
			mincore_hole(addr, next, vec);
		else
			mincore_p4d_range(mm, pgd, addr, next, vec);
		vec += (next - addr) >> PAGE_SHIFT;
	} while (pgd++, addr = next, addr != end);
}

/* file_resident - whether page @a of file mapping @vma is in memory:
 * whether its page cache holds that page (Linux's mincore_page). */
static bool file_resident(struct vm_area_struct *vma, unsigned long a)
{
	struct address_space *mapping = vma->vm_file->f_inode->i_mapping;
	unsigned long pgoff = vma->vm_pgoff + ((a - vma->vm_start) >> PAGE_SHIFT);

	return pgoff < PFN_UP(mapping->host->i_size) && pgoff < mapping->nrpages &&
	       mapping->i_pages[pgoff];
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

/* mincore - one byte per page of [start, start + len) into the user's
 * @vec, 1 if resident, in chunks (mincore_chunk). 0, -EINVAL (start
 * unaligned), -ENOMEM (outside user space, or a hole) or -EFAULT (@vec). */
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
