/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The tree of an mm's VMAs (Linux 6.x keeps them in the maple tree
 * `mm_mt`). mmos's is a B+tree keyed by vm_start: leaves hold VMAs in
 * address order, inner nodes hold children. Every node also summarises
 * its subtree: the lowest start, the highest end, and the largest gap
 * between two consecutive VMAs inside it. The summaries are local (a
 * gap between two children is computed from their bounds), so a change
 * only touches the path to the root, and get_unmapped_area() finds a
 * free range of a given size by descending only into subtrees whose
 * largest gap is big enough: O(log n) for lookups, inserts, erases and
 * gap searches. The VMAs are also on a sorted list for walking in order.
 */
#ifndef _LINUX_VMA_TREE_H
#define _LINUX_VMA_TREE_H

#include <linux/types.h>
#include <linux/list.h>

struct vm_area_struct;

#define VMA_TREE_SLOTS	16	/* entries per node; at least half full */

struct vma_tree_node {
	struct vma_tree_node *parent;
	unsigned int nr;
	bool leaf;
	unsigned long min_start, max_end, max_gap;	/* the subtree's summary */
	union {
		struct vm_area_struct *vma[VMA_TREE_SLOTS + 1];
		struct vma_tree_node *child[VMA_TREE_SLOTS + 1];
	};
};

struct vma_tree {
	struct vma_tree_node *root;
	unsigned long nr_entries;
	unsigned int height;		/* 0: empty, 1: the root is a leaf */
	struct list_head list;		/* every VMA, by address */
};

#define VMA_TREE_INIT(name)	{ .root = NULL, .nr_entries = 0, .height = 0, \
				  .list = LIST_HEAD_INIT(name.list) }

static inline bool vma_tree_empty(const struct vma_tree *t)
{
	return t->root == NULL;
}

void vma_tree_init(struct vma_tree *t);
int vma_tree_insert(struct vma_tree *t, struct vm_area_struct *vma);
void vma_tree_erase(struct vma_tree *t, struct vm_area_struct *vma);
void vma_tree_update(struct vma_tree *t, struct vm_area_struct *vma);
struct vm_area_struct *vma_tree_find(const struct vma_tree *t, unsigned long addr);
unsigned long vma_tree_gap_topdown(const struct vma_tree *t, unsigned long len,
				   unsigned long low, unsigned long high);
int vma_tree_check(const struct vma_tree *t);

#endif
