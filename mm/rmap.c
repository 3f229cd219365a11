// SPDX-License-Identifier: GPL-2.0
/*
 * The reverse map of file pages, as Linux's mm/rmap.c and
 * mm/interval_tree.c: from a file's address_space to every VMA, in any
 * mm, that maps it (mapping->i_mmap, under i_mmap_rwsem), so that
 * truncate and hole punching can find the PTEs that map a page of the
 * file (unmap_mapping_range(), mm/memory.c).
 *
 * i_mmap is a plain list, not Linux's interval tree: a walk looks at
 * every VMA of the file and skips those that miss its range. A VMA is
 * on the list exactly while it is in an mm's tree: linked when
 * insert_vm_struct() or split_vma() puts it there (at the tail, so a
 * fork's copy, which gets its PTEs after it is linked, is walked after
 * the parent it copies from), unlinked when vm_area_free() frees it.
 * Every change of a linked VMA's vm_start, vm_end or vm_pgoff (split,
 * merge, mremap's growth) and mremap's move of its page tables is made
 * with i_mmap_rwsem held for writing, so a walker holding it for
 * reading sees each VMA whole and its page tables where they are. A
 * VMA leaves the list before its page tables are freed (munmap and
 * exit zap, unlink, then free_pgtables()), so a walker never reaches a
 * freed table.
 *
 * Anonymous pages have no reverse map here (Linux's anon_vma): nothing
 * in mmos needs to find the PTEs of an anonymous page.
 */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/list.h>
#include <linux/mm.h>
#include "internal.h"

/* vma_mapping - the page cache @vma maps (its file's), or NULL for
 * anonymous memory. */
struct address_space *vma_mapping(const struct vm_area_struct *vma)
{
	return vma->vm_file ? vma->vm_file->f_inode->i_mapping : NULL;
}

/* __vma_link_file - put @vma (just inserted in its mm's tree) on its
 * file's i_mmap, at the tail. Precondition: that mapping's
 * i_mmap_rwsem held for writing. */
void __vma_link_file(struct vm_area_struct *vma)
{
	struct address_space *mapping = vma_mapping(vma);

	if (mapping)
		list_add_tail(&vma->i_mmap_link, &mapping->i_mmap);
}

/* vma_link_file - __vma_link_file() under its own i_mmap_lock_write().
 * Precondition: the mm's mmap_lock held for writing. */
void vma_link_file(struct vm_area_struct *vma)
{
	struct address_space *mapping = vma_mapping(vma);

	if (!mapping)
		return;
	i_mmap_lock_write(mapping);
	__vma_link_file(vma);
	i_mmap_unlock_write(mapping);
}

/* __unlink_file_vma - take @vma off its file's i_mmap, if it is on it.
 * Precondition: i_mmap_rwsem held for writing. */
void __unlink_file_vma(struct vm_area_struct *vma)
{
	if (!list_empty(&vma->i_mmap_link))
		list_del_init(&vma->i_mmap_link);
}

/* unlink_file_vma - __unlink_file_vma() under i_mmap_lock_write(): the
 * VMA is leaving its mm's tree (Linux's name). Waits for a walk in
 * progress, which may be zapping this VMA's PTEs. Precondition: the
 * mm's mmap_lock held for writing (only its holder links and unlinks
 * the VMA, so the unlocked look at the link is stable). */
void unlink_file_vma(struct vm_area_struct *vma)
{
	struct address_space *mapping = vma_mapping(vma);

	if (!mapping || list_empty(&vma->i_mmap_link))
		return;
	i_mmap_lock_write(mapping);
	__unlink_file_vma(vma);
	i_mmap_unlock_write(mapping);
}

/* i_mmap_lock_vma - before changing the range or file offset of @vma
 * (in its mm's tree) in place, or moving its page tables: its file's
 * i_mmap_rwsem for writing, as Linux's vma_prepare(); nothing for
 * anonymous memory. Returns the mapping to give i_mmap_unlock_vma(). */
struct address_space *i_mmap_lock_vma(struct vm_area_struct *vma)
{
	struct address_space *mapping = vma_mapping(vma);

	if (mapping)
		i_mmap_lock_write(mapping);
	return mapping;
}

/* i_mmap_unlock_vma - the change is made: release what
 * i_mmap_lock_vma() returned (NULL: nothing). */
void i_mmap_unlock_vma(struct address_space *mapping)
{
	if (mapping)
		i_mmap_unlock_write(mapping);
}

/* vma_pgoff_overlaps - whether @vma maps any page of the file in
 * [first, last] (page offsets, inclusive): the interval tree's test. */
bool vma_pgoff_overlaps(const struct vm_area_struct *vma, unsigned long first,
			unsigned long last)
{
	unsigned long vba = vma->vm_pgoff, vea = vba + vma_pages(vma) - 1;

	return vba <= last && vea >= first;
}
