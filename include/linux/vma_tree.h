/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The tree of an mm's VMAs (Linux 6.x: the maple tree `mm_mt`). mmos's
 * is a B-tree of ranges with gap tracking; the user-process issue fills
 * it. An empty tree is a NULL root, so init_mm's is statically empty.
 */
#ifndef _LINUX_VMA_TREE_H
#define _LINUX_VMA_TREE_H

struct vma_tree_node;

struct vma_tree {
	struct vma_tree_node *root;
	unsigned long nr_entries;
};

#define VMA_TREE_INIT(name)	{ .root = NULL, .nr_entries = 0 }

static inline bool vma_tree_empty(const struct vma_tree *t)
{
	return t->root == NULL;
}

#endif
