// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy page allocator: one zone over all of mem_map[].
 *
 * A free block of order k is 2^k pages starting at a pfn that is a
 * multiple of 2^k; its head page has PG_buddy set and private = k and
 * sits on free_area[k]. The buddy of block pfn at order k is pfn ^ 2^k.
 * Freeing merges a block with its buddy while the buddy is free and of
 * the same order, so free memory is always held in the largest blocks
 * alignment allows. Reserved pages never enter, so they stop merging.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include <linux/string.h>

struct free_area {
	struct list_head free_list;
	unsigned long nr_free;
};

/*
 * struct zone - mmos has one. Its fields are guarded by lock; the page
 * counts are also read without it (a racy snapshot is fine there).
 */
static struct zone {
	spinlock_t lock;
	struct free_area free_area[NR_PAGE_ORDERS];
	unsigned long free_pages;	/* pages in free_area[] */
	unsigned long managed_pages;	/* pages ever given to the buddy */
} zone = { .lock = __SPIN_LOCK_UNLOCKED(zone.lock) };

struct page *mem_map;
unsigned long max_pfn;

/* nr_free_pages - the pages free in the buddy allocator now. */
unsigned long nr_free_pages(void)
{
	return READ_ONCE(zone.free_pages);
}

/* totalram_pages - the pages the buddy allocator manages. */
unsigned long totalram_pages(void)
{
	return READ_ONCE(zone.managed_pages);
}

/*
 * is_free_buddy_page - is @page in a free block of the buddy allocator
 * (the head of one, which has PG_buddy, or a page inside one)? Linux's:
 * for each order, the block that would hold @page is free if its head
 * is a free block of at least that order. Takes zone.lock.
 */
bool is_free_buddy_page(const struct page *page)
{
	unsigned long pfn = page_to_pfn(page), flags;
	bool free = false;

	spin_lock_irqsave(&zone.lock, flags);
	for (unsigned int order = 0; order < NR_PAGE_ORDERS && !free; order++) {
		const struct page *head = pfn_to_page(pfn & ~((1UL << order) - 1));

		free = PageBuddy(head) && head->private >= order;
	}
	spin_unlock_irqrestore(&zone.lock, flags);
	return free;
}

/* nr_used_pages - managed pages not free now (what leak checks compare). */
unsigned long nr_used_pages(void)
{
	return totalram_pages() - nr_free_pages();
}

/*
 * free_area_init - set up mem_map for pfns [0, @pfns): every page starts
 * reserved with one reference, as if firmware owned it; memblock_free_all()
 * then frees what is RAM and not reserved. mem_map must be allocated.
 */
void free_area_init(unsigned long pfns)
{
	max_pfn = pfns;
	for (unsigned long pfn = 0; pfn < pfns; pfn++) {
		struct page *p = pfn_to_page(pfn);

		memset(p, 0, sizeof(*p));
		p->flags = 1UL << PG_reserved;
		atomic_set(&p->_refcount, 1);
		atomic_set(&p->_mapcount, -1);
	}
	for (int o = 0; o < NR_PAGE_ORDERS; o++) {
		INIT_LIST_HEAD(&zone.free_area[o].free_list);
		zone.free_area[o].nr_free = 0;
	}
	zone.free_pages = 0;
	zone.managed_pages = 0;
}

static void add_to_free_list(struct page *page, unsigned int order)
{
	SetPageFlag(page, PG_buddy);
	page->private = order;
	list_add(&page->lru, &zone.free_area[order].free_list);
	zone.free_area[order].nr_free++;
}

static void del_from_free_list(struct page *page, unsigned int order)
{
	list_del(&page->lru);
	ClearPageFlag(page, PG_buddy);
	page->private = 0;
	zone.free_area[order].nr_free--;
}

/* A free block of exactly @order starts at @pfn. */
static bool page_is_buddy(unsigned long pfn, unsigned int order)
{
	struct page *p;

	if (!pfn_valid(pfn))
		return false;
	p = pfn_to_page(pfn);
	return PageBuddy(p) && p->private == order;
}

/* __free_one_page - put the 2^order block at @pfn back, merging it with
 * free buddies. zone.lock held. */
static void __free_one_page(unsigned long pfn, unsigned int order)
{
	unsigned long n = 1UL << order;

	lockdep_assert_held(&zone.lock);
	while (order < MAX_PAGE_ORDER) {
		unsigned long buddy = pfn ^ (1UL << order);

		if (!page_is_buddy(buddy, order))
			break;
		del_from_free_list(pfn_to_page(buddy), order);
		pfn &= buddy;
		order++;
	}
	add_to_free_list(pfn_to_page(pfn), order);
	zone.free_pages += n;
}

/* A page being freed must be an ordinary, unmapped, unreferenced page,
 * in no page cache. */
static void free_pages_check(struct page *p)
{
	if (unlikely(PageBuddy(p) || PageReserved(p) || PageSlab(p) ||
		     atomic_read(&p->_mapcount) != -1 || p->mapping ||
		     page_ref_count(p) != 0))
		panic("Bad page state: pfn %#lx flags %#lx count %d mapcount %d",
		      page_to_pfn(p), p->flags, page_ref_count(p),
		      atomic_read(&p->_mapcount));
}

static void free_pages_ok(struct page *page, unsigned int order)
{
	unsigned long flags;

	for (unsigned long i = 0; i < (1UL << order); i++) {
		ClearPageFlag(page + i, PG_head);
		ClearPageFlag(page + i, PG_anon);	/* its next owner decides */
		ClearPageFlag(page + i, PG_dirty);
		free_pages_check(page + i);
	}
	spin_lock_irqsave(&zone.lock, flags);
	__free_one_page(page_to_pfn(page), order);
	spin_unlock_irqrestore(&zone.lock, flags);
}

/*
 * __rmqueue - take a block of @order off the free lists, splitting a
 * larger one and returning the unused halves. NULL if nothing fits.
 * zone.lock held.
 */
static struct page *__rmqueue(unsigned int order)
{
	unsigned int o = order;
	struct page *page;
	unsigned long pfn;

	lockdep_assert_held(&zone.lock);
	while (o < NR_PAGE_ORDERS && list_empty(&zone.free_area[o].free_list))
		o++;
	if (o == NR_PAGE_ORDERS)
		return NULL;
	page = list_first_entry(&zone.free_area[o].free_list, struct page, lru);
	del_from_free_list(page, o);
	pfn = page_to_pfn(page);
	while (o > order) {
		o--;
		add_to_free_list(pfn_to_page(pfn + (1UL << o)), o);
	}
	zone.free_pages -= 1UL << order;
	return page;
}

/*
 * alloc_pages - 2^order physically contiguous pages, each with one
 * reference (the head carries PG_head and the order when order > 0).
 * __GFP_ZERO zeroes them. Returns NULL when memory is out.
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	unsigned long flags;
	struct page *page;

	if (order > MAX_PAGE_ORDER)
		return NULL;
	spin_lock_irqsave(&zone.lock, flags);
	page = __rmqueue(order);
	spin_unlock_irqrestore(&zone.lock, flags);
	if (!page)
		return NULL;
	for (unsigned long i = 0; i < (1UL << order); i++)
		atomic_set(&page[i]._refcount, 1);
	if (order) {
		SetPageFlag(page, PG_head);
		page->private = order;
	}
	if (gfp & __GFP_ZERO)
		memset(page_address(page), 0, PAGE_SIZE << order);
	return page;
}

/* __free_pages - drop the reference alloc_pages() gave; free the block
 * when it was the last. */
void __free_pages(struct page *page, unsigned int order)
{
	BUG_ON(order && (!PageHead(page) || page->private != order));
	if (!atomic_dec_and_test(&page->_refcount))
		return;
	for (unsigned long i = 1; i < (1UL << order); i++)
		atomic_set(&page[i]._refcount, 0);
	page->private = 0;
	free_pages_ok(page, order);
}

/* put_page - drop one reference; the last frees the page (or block). */
void put_page(struct page *page)
{
	__free_pages(page, PageHead(page) ? page->private : 0);
}

/* __get_free_pages - 2^@order pages, by their direct-map address; 0
 * without memory. */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

/* free_pages - give back __get_free_pages()'s @addr (0 is ignored). */
void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page((void *)addr), order);
}

/* Give [start, end) pfns to the buddy allocator in aligned blocks. */
static void __free_pages_range(unsigned long start, unsigned long end)
{
	unsigned long flags;

	spin_lock_irqsave(&zone.lock, flags);
	while (start < end) {
		unsigned int order = MAX_PAGE_ORDER;

		while (order && ((start & ((1UL << order) - 1)) ||
				 start + (1UL << order) > end))
			order--;
		for (unsigned long i = 0; i < (1UL << order); i++) {
			ClearPageFlag(pfn_to_page(start + i), PG_reserved);
			atomic_set(&pfn_to_page(start + i)->_refcount, 0);
		}
		__free_one_page(start, order);
		zone.managed_pages += 1UL << order;
		start += 1UL << order;
	}
	spin_unlock_irqrestore(&zone.lock, flags);
}

/*
 * memblock_free_all - hand every page that is RAM and not reserved to the
 * buddy allocator. After this, memblock must not allocate.
 */
void memblock_free_all(void)
{
	for (unsigned long pfn = 0; pfn < max_pfn;) {
		unsigned long end = pfn;

		while (end < max_pfn && memblock_is_memory(PFN_PHYS(end)) &&
		       !memblock_is_reserved(PFN_PHYS(end)))
			end++;
		if (end > pfn)
			__free_pages_range(pfn, end);
		pfn = end + 1;
	}
}

/*
 * free_reserved_area - give reserved pages [start, end) (physical, page
 * rounded inwards) to the buddy allocator, as Linux frees the initrd.
 */
void free_reserved_area(phys_addr_t start, phys_addr_t end, const char *what)
{
	unsigned long s = PFN_UP(start), e = PFN_DOWN(end);

	if (s >= e)
		return;
	for (unsigned long pfn = s; pfn < e; pfn++)
		BUG_ON(!PageReserved(pfn_to_page(pfn)));
	__free_pages_range(s, e);
	pr_info("Freeing %s memory: %luK\n", what, (e - s) << (PAGE_SHIFT - 10));
}

/* free_area_count - free blocks of @order now (Linux's /proc/buddyinfo). */
unsigned long free_area_count(unsigned int order)
{
	return READ_ONCE(zone.free_area[order].nr_free);
}

/* show_free_areas - print the free lists, Linux's "Node 0 Normal: ..." */
void show_free_areas(void)
{
	pr_info("Normal:");
	for (int o = 0; o < NR_PAGE_ORDERS; o++)
		pr_cont(" %lu*%luK", zone.free_area[o].nr_free, 4UL << o);
	pr_cont(" = %luK free\n", nr_free_pages() * 4);
}
