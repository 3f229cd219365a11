/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>

struct kmem_cache;

struct kmem_cache *kmem_cache_create(const char *name, size_t size,
				     size_t align);
void kmem_cache_destroy(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp);
void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *s, void *obj);

/* kmalloc: sizes up to KMALLOC_MAX_CACHE_SIZE come from caches; larger
 * ones are whole buddy blocks. */
#define KMALLOC_MIN_SIZE	8
#define KMALLOC_MAX_CACHE_SIZE	2048
void *kmalloc(size_t size, gfp_t gfp);
void *kzalloc(size_t size, gfp_t gfp);
void kfree(const void *p);
size_t ksize(const void *p);
void kmem_cache_init(void);
bool slab_is_available(void);

#endif
