// SPDX-License-Identifier: GPL-2.0
/*
 * The VMA tree (see <linux/vma_tree.h>): a B+tree of VMAs keyed by
 * vm_start, each node summarising its subtree (lowest start, highest
 * end, largest inner gap), with parent pointers so that a change is
 * summarised upwards from the leaf without a search.
 *
 * Invariants (vma_tree_check() verifies them all):
 *   - VMAs are sorted and do not overlap; all leaves are at one depth
 *   - every node but the root holds VMA_TREE_MIN..VMA_TREE_SLOTS entries
 *   - each summary is exact; vma->vm_node is its leaf; list == tree order
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm_types.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vma_tree.h>

#define VMA_TREE_MIN		(VMA_TREE_SLOTS / 2)
#define VMA_TREE_MAX_HEIGHT	16

/* vma_tree_init - make @t an empty tree with an empty list. */
void vma_tree_init(struct vma_tree *t)
{
	t->root = NULL;
	t->nr_entries = 0;
	t->height = 0;
	INIT_LIST_HEAD(&t->list);
}

static void node_summarise(struct vma_tree_node *n)
{
	unsigned long gap = 0;

	if (n->leaf) {
		n->min_start = n->vma[0]->vm_start;
		n->max_end = n->vma[n->nr - 1]->vm_end;
		for (unsigned i = 1; i < n->nr; i++)
			gap = max(gap, n->vma[i]->vm_start - n->vma[i - 1]->vm_end);
	} else {
		n->min_start = n->child[0]->min_start;
		n->max_end = n->child[n->nr - 1]->max_end;
		for (unsigned i = 0; i < n->nr; i++) {
			gap = max(gap, n->child[i]->max_gap);
			if (i)
				gap = max(gap, n->child[i]->min_start - n->child[i - 1]->max_end);
		}
	}
	n->max_gap = gap;
}

static void summarise_up(struct vma_tree_node *n)
{
	for (; n; n = n->parent)
		node_summarise(n);
}

/* Put entry @p (a VMA in a leaf, a child in an inner node) in slot @i. */
static void set_slot(struct vma_tree_node *n, unsigned i, void *p)
{
	if (n->leaf) {
		n->vma[i] = p;
		n->vma[i]->vm_node = n;
	} else {
		n->child[i] = p;
		n->child[i]->parent = n;
	}
}

static void *get_slot(struct vma_tree_node *n, unsigned i)
{
	return n->leaf ? (void *)n->vma[i] : (void *)n->child[i];
}

static void insert_slot(struct vma_tree_node *n, unsigned i, void *p)
{
	for (unsigned j = n->nr; j > i; j--)
		set_slot(n, j, get_slot(n, j - 1));
	set_slot(n, i, p);
	n->nr++;
}

static void remove_slot(struct vma_tree_node *n, unsigned i)
{
	for (unsigned j = i; j + 1 < n->nr; j++)
		set_slot(n, j, get_slot(n, j + 1));
	n->nr--;
}

static unsigned index_in_parent(struct vma_tree_node *n)
{
	struct vma_tree_node *p = n->parent;
	unsigned i = 0;

	while (p->child[i] != n)
		i++;
	return i;
}

/* The child of inner node @n whose range would hold key @start. */
static unsigned child_for(const struct vma_tree_node *n, unsigned long start)
{
	unsigned i = n->nr - 1;

	while (i > 0 && n->child[i]->min_start > start)
		i--;
	return i;
}

static struct vma_tree_node *node_alloc(void)
{
	return kzalloc(sizeof(struct vma_tree_node), GFP_KERNEL);
}

/*
 * Split overfull @n (VMA_TREE_SLOTS + 1 entries): its upper half moves
 * to @m, which joins the parent right after @n (a new root if @n was
 * the root, taking @spare_root).
 */
static void split_node(struct vma_tree *t, struct vma_tree_node *n,
		       struct vma_tree_node *m, struct vma_tree_node *spare_root)
{
	unsigned half = n->nr / 2;

	m->leaf = n->leaf;
	m->nr = 0;
	for (unsigned j = half; j < n->nr; j++)
		set_slot(m, m->nr++, get_slot(n, j));
	n->nr = half;
	node_summarise(n);
	node_summarise(m);
	if (n == t->root) {
		spare_root->leaf = false;
		spare_root->parent = NULL;
		spare_root->nr = 0;
		set_slot(spare_root, spare_root->nr++, n);
		set_slot(spare_root, spare_root->nr++, m);
		t->root = spare_root;
		t->height++;
		node_summarise(spare_root);
		return;
	}
	insert_slot(n->parent, index_in_parent(n) + 1, m);
}

/*
 * vma_tree_insert - add @vma, which must not overlap any VMA in @t.
 * Returns 0, or -ENOMEM with the tree unchanged: every node a split
 * could need is allocated before anything changes.
 */
int vma_tree_insert(struct vma_tree *t, struct vm_area_struct *vma)
{
	struct vma_tree_node *spare[VMA_TREE_MAX_HEIGHT + 2], *n, *p;
	struct vm_area_struct *next;
	unsigned need = 0, pos = 0;

	if (!t->root) {
		n = node_alloc();
		if (!n)
			return -ENOMEM;
		n->leaf = true;
		t->root = n;
		t->height = 1;
	}
	for (n = t->root; !n->leaf; n = n->child[child_for(n, vma->vm_start)])
		;
	for (p = n; p && p->nr == VMA_TREE_SLOTS; p = p->parent)
		need++;
	if (need && !p)
		need++;				/* the root splits: a new root */
	for (unsigned i = 0; i < need; i++) {
		spare[i] = node_alloc();
		if (!spare[i]) {
			while (i--)
				kfree(spare[i]);
			return -ENOMEM;
		}
	}
	next = vma_tree_find(t, vma->vm_start);
	list_add_tail(&vma->vm_list, next ? &next->vm_list : &t->list);
	while (pos < n->nr && n->vma[pos]->vm_start < vma->vm_start)
		pos++;
	insert_slot(n, pos, vma);
	t->nr_entries++;
	while (n->nr > VMA_TREE_SLOTS) {
		struct vma_tree_node *m = spare[--need];

		split_node(t, n, m, need ? spare[need - 1] : NULL);
		n = n->parent;
	}
	summarise_up(n);
	return 0;
}

/* Move one entry from sibling @from into @to (front or back). */
static void borrow(struct vma_tree_node *to, struct vma_tree_node *from,
		   bool from_left)
{
	if (from_left) {
		insert_slot(to, 0, get_slot(from, from->nr - 1));
		from->nr--;
	} else {
		insert_slot(to, to->nr, get_slot(from, 0));
		remove_slot(from, 0);
	}
	node_summarise(from);
	node_summarise(to);
}

/* Append @right's entries to @left, drop @right from the parent, free it. */
static void merge(struct vma_tree_node *left, struct vma_tree_node *right)
{
	struct vma_tree_node *p = right->parent;

	for (unsigned j = 0; j < right->nr; j++)
		set_slot(left, left->nr++, get_slot(right, j));
	remove_slot(p, index_in_parent(right));
	node_summarise(left);
	kfree(right);
}

/* Restore the fill invariant from @n upwards after it lost an entry. */
static void rebalance(struct vma_tree *t, struct vma_tree_node *n)
{
	while (n != t->root && n->nr < VMA_TREE_MIN) {
		struct vma_tree_node *p = n->parent, *l = NULL, *r = NULL;
		unsigned i = index_in_parent(n);

		if (i > 0)
			l = p->child[i - 1];
		if (i + 1 < p->nr)
			r = p->child[i + 1];
		if (l && l->nr > VMA_TREE_MIN) {
			borrow(n, l, true);
		} else if (r && r->nr > VMA_TREE_MIN) {
			borrow(n, r, false);
		} else if (l) {
			merge(l, n);
		} else {
			merge(n, r);
		}
		n = p;
	}
	if (n == t->root && n->nr == 0) {
		kfree(n);
		t->root = NULL;
		t->height = 0;
		return;
	}
	if (n == t->root && !n->leaf && n->nr == 1) {
		t->root = n->child[0];
		t->root->parent = NULL;
		t->height--;
		kfree(n);
		n = t->root;
	}
	summarise_up(n);
}

/* vma_tree_erase - remove @vma from @t. Never allocates. */
void vma_tree_erase(struct vma_tree *t, struct vm_area_struct *vma)
{
	struct vma_tree_node *n = vma->vm_node;
	unsigned i = 0;

	while (n->vma[i] != vma)
		i++;
	remove_slot(n, i);
	list_del(&vma->vm_list);
	vma->vm_node = NULL;
	t->nr_entries--;
	rebalance(t, n);
}

/* vma_tree_update - @vma's bounds changed (without passing a neighbour):
 * refresh the summaries above it. */
void vma_tree_update(struct vma_tree *t, struct vm_area_struct *vma)
{
	summarise_up(vma->vm_node);
}

/* vma_tree_find - the first VMA that ends above @addr, or NULL. */
struct vm_area_struct *vma_tree_find(const struct vma_tree *t, unsigned long addr)
{
	struct vma_tree_node *n = t->root;
	unsigned i;

	if (!n || n->max_end <= addr)
		return NULL;
	while (!n->leaf) {
		for (i = 0; n->child[i]->max_end <= addr; i++)
			;
		n = n->child[i];
	}
	for (i = 0; n->vma[i]->vm_end <= addr; i++)
		;
	return n->vma[i];
}

/* The top @len bytes of [gs, ge) clipped to [low, high), if they fit. */
static bool fit_top(unsigned long gs, unsigned long ge, unsigned long len,
		    unsigned long low, unsigned long high, unsigned long *where)
{
	gs = max(gs, low);
	ge = min(ge, high);
	if (ge <= gs || ge - gs < len)
		return false;
	*where = ge - len;
	return true;
}

/* The highest fit among the gaps between VMAs inside @n's subtree. */
static bool gap_search(const struct vma_tree_node *n, unsigned long len,
		       unsigned long low, unsigned long high, unsigned long *where)
{
	if (n->max_gap < len || n->max_end <= low || n->min_start >= high)
		return false;
	for (unsigned i = n->nr; i-- > 0;) {
		unsigned long gs, ge;

		if (!n->leaf && gap_search(n->child[i], len, low, high, where))
			return true;
		if (i == 0)
			break;
		gs = n->leaf ? n->vma[i - 1]->vm_end : n->child[i - 1]->max_end;
		ge = n->leaf ? n->vma[i]->vm_start : n->child[i]->min_start;
		if (fit_top(gs, ge, len, low, high, where))
			return true;
		if (ge <= low)
			break;
	}
	return false;
}

/*
 * vma_tree_gap_topdown - the highest address A with [A, A + len) free
 * and inside [low, high), as Linux's top-down get_unmapped_area looks
 * for one. Returns A, or -ENOMEM (as unsigned long) if nothing fits.
 */
unsigned long vma_tree_gap_topdown(const struct vma_tree *t, unsigned long len,
				   unsigned long low, unsigned long high)
{
	unsigned long where;

	if (!t->root)
		return fit_top(low, high, len, low, high, &where) ? where : -ENOMEM;
	if (fit_top(t->root->max_end, high, len, low, high, &where) ||
	    gap_search(t->root, len, low, high, &where) ||
	    fit_top(low, t->root->min_start, len, low, high, &where))
		return where;
	return -ENOMEM;
}

/* ---- checking ------------------------------------------------------ */

static int check_node(const struct vma_tree *t, struct vma_tree_node *n,
		      unsigned depth, unsigned long *count,
		      struct vm_area_struct **prev)
{
	struct vma_tree_node copy;

	if (n != t->root && (n->nr < VMA_TREE_MIN || n->nr > VMA_TREE_SLOTS))
		return -1;
	if (n->leaf != (depth == t->height))
		return -2;
	for (unsigned i = 0; i < n->nr; i++) {
		if (n->leaf) {
			struct vm_area_struct *v = n->vma[i];

			if (v->vm_node != n || v->vm_start >= v->vm_end)
				return -3;
			if (*prev && ((*prev)->vm_end > v->vm_start ||
				      (*prev)->vm_list.next != &v->vm_list))
				return -4;
			*prev = v;
			(*count)++;
		} else {
			int r;

			if (n->child[i]->parent != n)
				return -5;
			r = check_node(t, n->child[i], depth + 1, count, prev);
			if (r)
				return r;
		}
	}
	copy = *n;
	node_summarise(&copy);
	if (copy.min_start != n->min_start || copy.max_end != n->max_end ||
	    copy.max_gap != n->max_gap)
		return -6;
	return 0;
}

/* vma_tree_check - 0 if every invariant holds, else which failed (<0). */
int vma_tree_check(const struct vma_tree *t)
{
	struct vm_area_struct *prev = NULL;
	unsigned long count = 0;
	int r;

	if (!t->root)
		return t->nr_entries || !list_empty(&t->list) ? -7 : 0;
	if (t->root->parent)
		return -8;
	r = check_node(t, t->root, 1, &count, &prev);
	if (r)
		return r;
	if (count != t->nr_entries || t->list.prev != &prev->vm_list)
		return -9;
	return 0;
}
