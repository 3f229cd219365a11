// SPDX-License-Identifier: GPL-2.0
/*
 * A small slab allocator: each cache cuts buddy blocks ("slabs") into
 * objects of one size. A free object holds the pointer to the next free
 * object of its slab (page->freelist heads the chain). Slabs with a free
 * object sit on the partial list, full ones on the full list; a slab that
 * becomes empty goes straight back to the buddy allocator, so every page
 * a cache took is returned as soon as its objects are.
 *
 * Every page of a slab has PG_slab and slab_cache set, so kfree() finds
 * the cache from any object; the slab's head page (the block is aligned
 * to its size) holds freelist and inuse.
 *
 * Slab pages and kmalloc's large blocks are counted in
 * NR_SLAB_UNRECLAIMABLE_B (/proc/meminfo's SUnreclaim), as Linux counts
 * both: no cache here has a shrinker, so none is reclaimable.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/string.h>
#include <linux/vmstat.h>

struct kmem_cache {
	/* Constant after creation */
	const char *name;
	unsigned int size;		/* object size, rounded to align */
	unsigned int order;		/* pages per slab: 2^order */
	unsigned int objs_per_slab;
	struct list_head list;		/* on slab_caches */

	/* Slab lists and counts: lock */
	spinlock_t lock;
	struct list_head partial;
	struct list_head full;
	unsigned long nr_slabs;
	unsigned long nr_active;	/* objects handed out */
};

#define NR_KMALLOC_CACHES	9	/* 8 .. 2048 bytes */

static struct kmem_cache kmalloc_caches[NR_KMALLOC_CACHES];
static char kmalloc_names[NR_KMALLOC_CACHES][16];
static LIST_HEAD(slab_caches);
static bool slab_up;

/* slab_is_available - whether kmalloc and the caches work yet (else
 * boot code allocates from memblock). */
bool slab_is_available(void)
{
	return slab_up;
}

static unsigned int slab_order(unsigned int size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) / size < 8 && order < 3)
		order++;
	return order;
}

static void __kmem_cache_init(struct kmem_cache *s, const char *name,
			      size_t size, size_t align)
{
	if (align < sizeof(void *))
		align = sizeof(void *);
	s->name = name;
	s->size = ALIGN(max(size, sizeof(void *)), align);
	s->order = slab_order(s->size);
	s->objs_per_slab = (PAGE_SIZE << s->order) / s->size;
	BUG_ON(s->objs_per_slab == 0);
	spin_lock_init(&s->lock);
	INIT_LIST_HEAD(&s->partial);
	INIT_LIST_HEAD(&s->full);
	s->nr_slabs = 0;
	s->nr_active = 0;
	list_add_tail(&s->list, &slab_caches);
}

/* kmem_cache_init - set up the kmalloc caches; the buddy allocator must
 * be up. */
void kmem_cache_init(void)
{
	for (int i = 0; i < NR_KMALLOC_CACHES; i++) {
		snprintf(kmalloc_names[i], sizeof(kmalloc_names[i]),
			 "kmalloc-%u", 8u << i);
		__kmem_cache_init(&kmalloc_caches[i], kmalloc_names[i],
				  8u << i, 8);
	}
	slab_up = true;
}

/*
 * kmem_cache_create - a cache of @size-byte objects aligned to @align.
 * Returns NULL when memory is out.
 */
struct kmem_cache *kmem_cache_create(const char *name, size_t size,
				     size_t align)
{
	struct kmem_cache *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return NULL;
	__kmem_cache_init(s, name, size, align);
	return s;
}

/* kmem_cache_destroy - free a cache; all its objects must be freed. */
void kmem_cache_destroy(struct kmem_cache *s)
{
	if (!s)
		return;
	BUG_ON(s->nr_active || s->nr_slabs);
	list_del(&s->list);
	kfree(s);
}

/* Allocate and format one slab: all objects chained on the freelist. */
static struct page *new_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct page *page = alloc_pages(gfp & ~__GFP_ZERO, s->order);
	char *base;

	if (!page)
		return NULL;
	for (unsigned long i = 0; i < (1UL << s->order); i++) {
		SetPageFlag(page + i, PG_slab);
		page[i].slab_cache = s;
	}
	base = page_address(page);
	for (unsigned int i = 0; i < s->objs_per_slab; i++)
		*(void **)(base + i * s->size) = i + 1 < s->objs_per_slab ?
			base + (i + 1) * s->size : NULL;
	page->freelist = base;
	page->inuse = 0;
	mod_node_page_state(NR_SLAB_UNRECLAIMABLE_B, PAGE_SIZE << s->order);
	return page;
}

static void discard_slab(struct kmem_cache *s, struct page *page)
{
	for (unsigned long i = 0; i < (1UL << s->order); i++) {
		ClearPageFlag(page + i, PG_slab);
		page[i].slab_cache = NULL;
	}
	page->freelist = NULL;
	mod_node_page_state(NR_SLAB_UNRECLAIMABLE_B, -(long)(PAGE_SIZE << s->order));
	__free_pages(page, s->order);
}

/* kmem_cache_alloc - one object from @s; NULL when memory is out. */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	unsigned long flags;
	struct page *page;
	void *obj;

	spin_lock_irqsave(&s->lock, flags);
	if (list_empty(&s->partial)) {
		spin_unlock_irqrestore(&s->lock, flags);
		page = new_slab(s, gfp);
		if (!page)
			return NULL;
		spin_lock_irqsave(&s->lock, flags);
		list_add(&page->lru, &s->partial);
		s->nr_slabs++;
	}
	page = list_first_entry(&s->partial, struct page, lru);
	obj = page->freelist;
	page->freelist = *(void **)obj;
	page->inuse++;
	s->nr_active++;
	if (!page->freelist) {
		list_del(&page->lru);
		list_add(&page->lru, &s->full);
	}
	spin_unlock_irqrestore(&s->lock, flags);
	if (gfp & __GFP_ZERO)
		memset(obj, 0, s->size);
	return obj;
}

/* kmem_cache_zalloc - a zeroed object of @s, or NULL. */
void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp)
{
	return kmem_cache_alloc(s, gfp | __GFP_ZERO);
}

/* The head page of the slab holding @obj. */
static struct page *obj_to_slab(struct kmem_cache *s, const void *obj)
{
	unsigned long pfn = PFN_DOWN(__pa(obj));

	return pfn_to_page(pfn & ~((1UL << s->order) - 1));
}

/* kmem_cache_free - return @obj to @s. A pointer that is not the start
 * of an object of @s is a kernel bug. */
void kmem_cache_free(struct kmem_cache *s, void *obj)
{
	struct page *page = obj_to_slab(s, obj);
	unsigned long off = (char *)obj - (char *)page_address(page);
	bool empty;
	unsigned long flags;

	if (unlikely(!PageSlab(page) || page->slab_cache != s ||
		     off % s->size || off / s->size >= s->objs_per_slab))
		panic("kmem_cache_free(%s): bad object %p", s->name, obj);
	spin_lock_irqsave(&s->lock, flags);
	if (!page->freelist) {
		list_del(&page->lru);
		list_add(&page->lru, &s->partial);
	}
	*(void **)obj = page->freelist;
	page->freelist = obj;
	page->inuse--;
	s->nr_active--;
	empty = page->inuse == 0;
	if (empty) {
		list_del(&page->lru);
		s->nr_slabs--;
	}
	spin_unlock_irqrestore(&s->lock, flags);
	if (empty)
		discard_slab(s, page);
}

static unsigned int get_order(size_t size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

/*
 * kmalloc - @size bytes, aligned to the smaller of their size rounded up
 * to a power of two and a page. NULL for size 0 or when memory is out.
 */
void *kmalloc(size_t size, gfp_t gfp)
{
	struct page *page;
	unsigned int order;

	if (!size)
		return NULL;
	if (size <= KMALLOC_MAX_CACHE_SIZE) {
		int i = 0;

		while ((8u << i) < size)
			i++;
		return kmem_cache_alloc(&kmalloc_caches[i], gfp);
	}
	order = get_order(size);
	if (order > MAX_PAGE_ORDER)
		return NULL;
	page = alloc_pages(gfp, order);
	if (!page)
		return NULL;
	SetPageFlag(page, PG_head);
	page->private = order;
	mod_node_page_state(NR_SLAB_UNRECLAIMABLE_B, PAGE_SIZE << order);
	return page_address(page);
}

/* kzalloc - @size zeroed bytes, or NULL. */
void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

/* kfree - free what kmalloc() gave; NULL is ignored. */
void kfree(const void *p)
{
	struct page *page;

	if (!p)
		return;
	page = virt_to_page(p);
	if (PageSlab(page)) {
		kmem_cache_free(page->slab_cache, (void *)p);
		return;
	}
	if (unlikely(!PageHead(page) || page_address(page) != p))
		panic("kfree: bad pointer %p", p);
	mod_node_page_state(NR_SLAB_UNRECLAIMABLE_B, -(long)(PAGE_SIZE << page->private));
	__free_pages(page, page->private);
}

/* ksize - how many bytes the object at @p really has. */
size_t ksize(const void *p)
{
	struct page *page = virt_to_page(p);

	if (PageSlab(page))
		return page->slab_cache->size;
	return PAGE_SIZE << page->private;
}
