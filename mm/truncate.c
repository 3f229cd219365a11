// SPDX-License-Identifier: GPL-2.0
/*
 * Truncating the page cache: the pages wholly past a new end leave the
 * cache, and the part of the last page past it is zeroed, so a file
 * that grows again reads zeros there. Pages that a process has mapped
 * stay mapped (and referenced) until it unmaps them: mmos has no
 * reverse map to find them (Linux unmaps them: unmap_mapping_range).
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/string.h>

/* truncate_inode_pages - drop the pages of @mapping from byte @lstart
 * on, as said above. Precondition: the owner's i_rwsem held for writing
 * (or the inode being evicted). */
void truncate_inode_pages(struct address_space *mapping, u64 lstart)
{
	unsigned long first = PFN_UP(lstart);
	size_t in = lstart & (PAGE_SIZE - 1);
	struct page *page;

	if (in && (page = find_get_page(mapping, lstart >> PAGE_SHIFT))) {
		memset((char *)page_address(page) + in, 0, PAGE_SIZE - in);
		put_page(page);
	}
	for (unsigned long i = first;; i++) {
		spin_lock(&mapping->tree_lock);
		if (i >= mapping->nrpages) {
			spin_unlock(&mapping->tree_lock);
			break;
		}
		page = mapping->i_pages[i];
		mapping->i_pages[i] = NULL;
		if (page)
			mapping->host->i_blocks -= PAGE_SIZE / 512;
		spin_unlock(&mapping->tree_lock);
		if (page) {
			page_cache_account(mapping, -1);
			put_page(page);
		}
	}
}
