// SPDX-License-Identifier: GPL-2.0
/*
 * Dirty page-cache pages, the part of Linux's mm/page-writeback.c that
 * mmos has. A page is marked dirty (PG_dirty) when its data changes:
 * write(2) into it, and a store through a mapping, which the MMU
 * records in the PTE's dirty bit and which moves to the page when the
 * PTE is zapped or made writable again (mm/memory.c). The flag goes
 * when the page leaves the cache (mm/truncate.c).
 *
 * Every file system of mmos keeps its files in memory only (ramfs,
 * tmpfs: the cache is the file), and Linux gives those no writeback:
 * their ->dirty_folio is noop_dirty_folio(), which sets the flag and
 * counts nothing, so /proc/meminfo's Dirty (NR_FILE_DIRTY) does not
 * move for them, and msync() or fsync() have nothing to clean (shmem's
 * noop_fsync; folio_clear_dirty_for_io() and page_mkclean() run only
 * for writeback). mmos does the same; a file system with a backing
 * store would add the accounting and the cleaning here.
 */
#include <linux/kernel.h>
#include <linux/mm.h>

/* set_page_dirty - @page, a page-cache page, holds data changed since
 * it was made: PG_dirty, as noop_dirty_folio() (see above). Returns
 * true if this made it dirty. Any context: it takes no lock. */
bool set_page_dirty(struct page *page)
{
	return !TestSetPageDirty(page);
}
