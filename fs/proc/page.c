// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/kpagecount and /proc/kpageflags (Linux's fs/proc/page.c): 8
 * bytes per page frame, the frame of PFN N at offset N * 8, up to
 * max_pfn. Mode 0400: root's, as Linux's (which has no other check).
 *
 * What mmos's page states say, in Linux's KPF_* bits
 * (include/uapi/linux/kernel-page-flags.h):
 *   MMAP 11       some PTE maps it (_mapcount >= 0; never a slab page)
 *   ANON 12       PG_anon
 *   UPTODATE 3    an anon page (it holds its data from the first map, as
 *                 Linux's are marked uptodate before they are mapped), or
 *                 a page-cache page (page->mapping: mmos's are filled, or
 *                 zeroed, before they are added);
 *   SWAPBACKED 14 anon pages and tmpfs pages (memory that only swap
 *                 could back)
 *   ZERO_PAGE 24  the shared zero page
 *   BUDDY 10      free: the head of a free block (PG_buddy) or inside one
 *   SLAB 7        PG_slab (every page of a slab)
 *   COMPOUND_HEAD 15  PG_head: the first page of a multi-page allocation
 *                 (mmos marks no tails: COMPOUND_TAIL is never set)
 *   RESERVED 32   PG_reserved (never given to the buddy allocator)
 *   DIRTY 4       PG_dirty (set_page_dirty(): written, or a dirty PTE zapped)
 * Never set, as mmos has no such state: LOCKED, ERROR, REFERENCED (no
 * PG_referenced), LRU, ACTIVE, RECLAIM, UNEVICTABLE, MLOCKED (no LRU
 * lists: nothing is reclaimed), WRITEBACK, SWAPCACHE, HWPOISON, KSM,
 * THP, HUGE, OFFLINE, IDLE, PGTABLE (page-table pages carry no flag),
 * and NOPAGE: every PFN below max_pfn has a struct page.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/shmem_fs.h>
#include <linux/uaccess.h>
#include "internal.h"

#define KPMSIZE		sizeof(u64)
#define KPMMASK		(KPMSIZE - 1)
#define KPMBATCH	64	/* entries made per copy to the user */

#define KPF_UPTODATE		3
#define KPF_DIRTY		4
#define KPF_SLAB		7
#define KPF_BUDDY		10
#define KPF_MMAP		11
#define KPF_ANON		12
#define KPF_SWAPBACKED		14
#define KPF_COMPOUND_HEAD	15
#define KPF_ZERO_PAGE		24
#define KPF_RESERVED		32

/* kpagecount_of - the mappings of page frame @pfn: its mapcount, 0 for
 * a slab or free page (Linux's, whose _mapcount those reuse). */
static u64 kpagecount_of(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	if (PageSlab(page) || PageBuddy(page))
		return 0;
	return max(page_mapcount(page), 0);
}

/* stable_page_flags - the KPF_* bits of page frame @pfn (the table at
 * the top of this file). Read without locks, as Linux's: a snapshot. */
static u64 stable_page_flags(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	u64 u = 0;

	if (!PageSlab(page) && page_mapcount(page) > 0)
		u |= 1ULL << KPF_MMAP;
	if (PageAnon(page))
		u |= 1ULL << KPF_ANON | 1ULL << KPF_UPTODATE | 1ULL << KPF_SWAPBACKED;
	else if (page->mapping)
		u |= 1ULL << KPF_UPTODATE |
		     (shmem_mapping(page->mapping) ? 1ULL << KPF_SWAPBACKED : 0);
	if (PageHead(page))
		u |= 1ULL << KPF_COMPOUND_HEAD;
	else if (is_zero_pfn(pfn))
		u |= 1ULL << KPF_ZERO_PAGE;
	if (PageBuddy(page) || (page_ref_count(page) == 0 && is_free_buddy_page(page)))
		u |= 1ULL << KPF_BUDDY;
	if (PageSlab(page))
		u |= 1ULL << KPF_SLAB;
	if (PageDirty(page))
		u |= 1ULL << KPF_DIRTY;
	if (PageReserved(page))
		u |= 1ULL << KPF_RESERVED;
	return u;
}

/*
 * kpage_read - the entries of @value for the frames from *@ppos / 8 on,
 * @count / 8 of them, up to max_pfn. -EINVAL for an offset or a count
 * that is not a multiple of 8; 0 at or past the end; -EFAULT if nothing
 * could be copied. Returns the bytes read.
 */
static ssize_t kpage_read(char __user *buf, size_t count, loff_t *ppos,
			  u64 (*value)(unsigned long pfn))
{
	unsigned long src = *ppos, pfn = src / KPMSIZE;
	u64 batch[KPMBATCH];
	size_t done = 0;

	if ((src & KPMMASK) || (count & KPMMASK))
		return -EINVAL;
	if (src >= max_pfn * KPMSIZE)
		return 0;
	count = min(count, max_pfn * KPMSIZE - src);
	while (done < count) {
		size_t n = min((count - done) / KPMSIZE, (size_t)KPMBATCH);

		for (size_t i = 0; i < n; i++)
			batch[i] = value(pfn + i);
		if (copy_to_user(buf + done, batch, n * KPMSIZE)) {
			if (!done)
				return -EFAULT;
			break;
		}
		done += n * KPMSIZE;
		pfn += n;
		cond_resched();
	}
	*ppos += done;
	return done;
}

static ssize_t kpagecount_read(struct file *f, char __user *buf, size_t count,
			       loff_t *ppos)
{
	return kpage_read(buf, count, ppos, kpagecount_of);
}

static ssize_t kpageflags_read(struct file *f, char __user *buf, size_t count,
			       loff_t *ppos)
{
	return kpage_read(buf, count, ppos, stable_page_flags);
}

/* kpage_write - neither file takes writes: -EIO, as Linux's /proc files
 * without a ->write. */
static ssize_t kpage_write(struct file *f, const char __user *buf, size_t count,
			   loff_t *ppos)
{
	return -EIO;
}

const struct file_operations proc_kpagecount_operations = {
	.read = kpagecount_read,
	.write = kpage_write,
	.llseek = mem_lseek,
	.seekable = true,
};

const struct file_operations proc_kpageflags_operations = {
	.read = kpageflags_read,
	.write = kpage_write,
	.llseek = mem_lseek,
	.seekable = true,
};
