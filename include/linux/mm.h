/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/gfp.h>
#include <asm/page.h>

extern struct page *mem_map;
extern unsigned long max_pfn;
extern struct mm_struct init_mm;

#define PFN_UP(x)	(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define PFN_PHYS(x)	((phys_addr_t)(x) << PAGE_SHIFT)
#define PAGE_ALIGN(x)	ALIGN(x, PAGE_SIZE)

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map);
}

static inline void *page_address(const struct page *page)
{
	return __va(PFN_PHYS(page_to_pfn(page)));
}

static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(PFN_DOWN(__pa(addr)));
}

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn < max_pfn;
}

static inline bool PageFlag(const struct page *p, int bit)
{
	return p->flags & (1UL << bit);
}

static inline void SetPageFlag(struct page *p, int bit)
{
	p->flags |= 1UL << bit;
}

static inline void ClearPageFlag(struct page *p, int bit)
{
	p->flags &= ~(1UL << bit);
}

#define PageReserved(p)		PageFlag(p, PG_reserved)
#define PageBuddy(p)		PageFlag(p, PG_buddy)
#define PageSlab(p)		PageFlag(p, PG_slab)
#define PageHead(p)		PageFlag(p, PG_head)

static inline int page_ref_count(const struct page *p)
{
	return atomic_read(&p->_refcount);
}

static inline void get_page(struct page *p)
{
	BUG_ON(page_ref_count(p) <= 0);
	atomic_inc(&p->_refcount);
}

void put_page(struct page *page);

/* Page accounting (mm/page_alloc.c): what leak checks compare. */
unsigned long nr_free_pages(void);
unsigned long totalram_pages(void);
unsigned long nr_used_pages(void);
void free_area_init(unsigned long max_pfn);
void memblock_free_all(void);
void free_reserved_area(phys_addr_t start, phys_addr_t end, const char *what);
void show_free_areas(void);
unsigned long free_area_count(unsigned int order);

void setup_initial_init_mm(void *start_code, void *end_code,
			   void *end_data, void *brk);

#endif
