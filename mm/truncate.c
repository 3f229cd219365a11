// SPDX-License-Identifier: GPL-2.0
/*
 * Truncating the page cache, as Linux's mm/truncate.c: the pages wholly
 * inside a range leave the cache (and, before that, every mapping:
 * unmap_mapping_range() through the reverse map, mm/rmap.c), and the
 * parts of the pages at its edges are zeroed, so a file that grows again
 * reads zeros there and a mapping never sees data from before the cut.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/string.h>

/* zero_page_range - zero bytes [from, to) of the cache page at @index of
 * @mapping, if there is one (a hole reads zeros already). Mappings of
 * the page see the zeros at once: it is the same page. */
static void zero_page_range(struct address_space *mapping, unsigned long index,
			    size_t from, size_t to)
{
	struct page *page = find_get_page(mapping, index);

	if (!page)
		return;
	memset((char *)page_address(page) + from, 0, to - from);
	put_page(page);
}

/* delete_from_page_cache_index - take the page at @index out of
 * @mapping, if there is one: it is no longer the file's (mapping
 * cleared, dirt cancelled, blocks and counts given back) and the cache's
 * reference goes. Returns whether there was a page. */
static bool delete_from_page_cache_index(struct address_space *mapping,
					 unsigned long index)
{
	struct page *page = NULL;

	spin_lock(&mapping->tree_lock);
	if (index < mapping->nrpages && (page = mapping->i_pages[index])) {
		mapping->i_pages[index] = NULL;
		mapping->host->i_blocks -= PAGE_SIZE / 512;
		WRITE_ONCE(page->mapping, NULL);	/* a racing fault backs out */
		ClearPageDirty(page);	/* Linux's folio_cancel_dirty() */
	}
	spin_unlock(&mapping->tree_lock);
	if (!page)
		return false;
	page_cache_account(mapping, -1);
	put_page(page);
	return true;
}

/*
 * truncate_inode_pages_range - drop the pages of @mapping that lie wholly
 * in bytes [lstart, lend] (@lend inclusive; -1: to the end), and zero
 * what of the pages at the edges is inside the range. Mapped pages must
 * have been unmapped by the caller (truncate_pagecache() does); a page
 * still mapped stays valid for its mapping until it is zapped, but is
 * no longer the file's. Precondition: the owner's i_rwsem held for
 * writing (or the inode being evicted).
 */
void truncate_inode_pages_range(struct address_space *mapping, loff_t lstart,
				loff_t lend)
{
	unsigned long start = ((u64)lstart + PAGE_SIZE - 1) >> PAGE_SHIFT;
	unsigned long end;	/* the first page past the whole ones */
	size_t partial_start = lstart & (PAGE_SIZE - 1);
	size_t partial_end;

	if (lend == -1) {
		end = ~0UL;
		partial_end = 0;
	} else {
		end = ((u64)lend + 1) >> PAGE_SHIFT;
		partial_end = ((u64)lend + 1) & (PAGE_SIZE - 1);
	}
	if (partial_start) {
		unsigned long index = lstart >> PAGE_SHIFT;
		size_t to = PAGE_SIZE;

		if (lend != -1 && index == end)	/* the range ends in this page */
			to = partial_end;
		zero_page_range(mapping, index, partial_start, to);
	}
	if (partial_end && !(partial_start && (u64)lstart >> PAGE_SHIFT == end))
		zero_page_range(mapping, end, 0, partial_end);
	for (unsigned long i = start; i < end; i++) {
		unsigned long nr;

		spin_lock(&mapping->tree_lock);
		nr = mapping->nrpages;
		spin_unlock(&mapping->tree_lock);
		if (i >= nr)
			break;	/* past the slots: nothing more to drop */
		delete_from_page_cache_index(mapping, i);
	}
}

/* truncate_inode_pages - truncate_inode_pages_range() from byte @lstart
 * to the end. */
void truncate_inode_pages(struct address_space *mapping, u64 lstart)
{
	truncate_inode_pages_range(mapping, lstart, -1);
}

/*
 * truncate_pagecache - the file of @inode now ends at @newsize (i_size
 * already set): unmap every page past it from every mapping (private
 * copies too), drop those pages from the cache and zero the tail of the
 * last one, then unmap again: a fault that found a page before it left
 * the cache may have mapped it meanwhile (Linux's order and reason).
 * Precondition: i_rwsem held for writing.
 */
void truncate_pagecache(struct inode *inode, loff_t newsize)
{
	struct address_space *mapping = inode->i_mapping;
	loff_t holebegin = ((u64)newsize + PAGE_SIZE - 1) & PAGE_MASK;

	unmap_mapping_range(mapping, holebegin, 0, 1);
	truncate_inode_pages(mapping, newsize);
	unmap_mapping_range(mapping, holebegin, 0, 1);
}

/* truncate_setsize - set @inode's size to @newsize, and truncate the
 * page cache if it shrank (a growth leaves a hole that reads zeros).
 * Precondition: i_rwsem held for writing. */
void truncate_setsize(struct inode *inode, loff_t newsize)
{
	loff_t oldsize = inode->i_size;

	WRITE_ONCE(inode->i_size, newsize);
	if (newsize < oldsize)
		truncate_pagecache(inode, newsize);
}
