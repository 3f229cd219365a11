// SPDX-License-Identifier: GPL-2.0
/*
 * Dentries: names in directories (Documentation/filesystems/vfs.md).
 * mmos keeps no negative dentries and no LRU of unused ones: a dentry
 * lives while it is referenced, and the names of in-memory file systems
 * are pinned by one reference of their own. A directory's children are
 * a list in directory order, each with a stable offset (d_offset) that
 * getdents uses as its position, so removing an entry never moves
 * another (as Linux's tmpfs offsets do).
 */
#include <linux/kernel.h>
#include <linux/dcache.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>

/* Guards d_parent and d_name of every dentry: d_move() and d_exchange()
 * write them under it (allocating the new name before), and readers
 * that do not hold the parent's i_rwsem (dget_parent, dentry_path) read
 * them under it. */
DEFINE_SPINLOCK(rename_lock);

/*
 * A dentry's name lives in a counted buffer (Linux's external_name), so
 * that a rename can give the moved dentry its target's name by taking a
 * reference on it, with no allocation, and the target keeps it too.
 */
struct external_name {
	atomic_t count;
	char name[];
};

static struct external_name *external_name(const struct dentry *d)
{
	return (struct external_name *)(d->d_name.name - offsetof(struct external_name, name));
}

/* put_name - drop a reference on a name; the last frees it. */
static void put_name(struct external_name *n)
{
	if (atomic_dec_and_test(&n->count))
		kfree(n);
}

/* dname_dup - a NUL-terminated counted copy of @name (one reference);
 * NULL if out of memory. */
static char *dname_dup(const struct qstr *name)
{
	struct external_name *n = kmalloc(sizeof(*n) + name->len + 1, GFP_KERNEL);

	if (!n)
		return NULL;
	atomic_set(&n->count, 1);
	memcpy(n->name, name->name, name->len);
	n->name[name->len] = 0;
	return n->name;
}

/*
 * __d_alloc - a new, negative, unhashed dentry of @sb named @name, its
 * own parent until d_alloc() gives it one. One reference. NULL if out
 * of memory.
 */
static struct dentry *__d_alloc(struct super_block *sb, const struct qstr *name)
{
	struct dentry *d = kzalloc(sizeof(*d), GFP_KERNEL);
	char *s;

	if (!d)
		return NULL;
	s = dname_dup(name);
	if (!s) {
		kfree(d);
		return NULL;
	}
	atomic_set(&d->d_count, 1);
	d->d_sb = sb;
	d->d_name.name = s;
	d->d_name.len = name->len;
	d->d_parent = d;
	INIT_LIST_HEAD(&d->d_child);
	INIT_LIST_HEAD(&d->d_subdirs);
	return d;
}

/* d_alloc - a negative dentry @name under @parent (which it references),
 * not yet in the directory: d_add() or d_instantiate() + d_hash puts it
 * there. NULL if out of memory. */
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *d = __d_alloc(parent->d_sb, name);

	if (d)
		d->d_parent = dget(parent);
	return d;
}

/* d_alloc_anon - a nameless dentry of @sb in no directory (O_TMPFILE's,
 * and roots). NULL if out of memory. */
struct dentry *d_alloc_anon(struct super_block *sb)
{
	static const struct qstr slash = { "/", 1 };

	return __d_alloc(sb, &slash);
}

/* d_make_root - the root dentry of a new super block, over @root_inode
 * (whose reference it takes; dropped on failure). NULL if out of memory. */
struct dentry *d_make_root(struct inode *root_inode)
{
	struct dentry *d;

	if (!root_inode)
		return NULL;
	d = d_alloc_anon(root_inode->i_sb);
	if (!d) {
		iput(root_inode);
		return NULL;
	}
	d->d_inode = root_inode;
	return d;
}

/* d_instantiate - make negative @dentry name @inode (its reference moves
 * to the dentry). Precondition: @dentry not yet visible to lookups. */
void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	dentry->d_inode = inode;
}

/*
 * d_add - instantiate @dentry with @inode and put it in its parent's
 * list, at a new offset, findable by d_lookup(). Precondition: the
 * parent's i_rwsem held for writing.
 */
void d_add(struct dentry *dentry, struct inode *inode)
{
	struct inode *dir = dentry->d_parent->d_inode;

	d_instantiate(dentry, inode);
	dentry->d_offset = dir->i_dir_offset++;
	list_add_tail(&dentry->d_child, &dentry->d_parent->d_subdirs);
	dentry->d_flags |= DCACHE_HASHED;
}

/* d_lookup - the child of @parent named @name, with a reference, or
 * NULL. Precondition: the parent's i_rwsem held (shared is enough). */
struct dentry *d_lookup(const struct dentry *parent, const struct qstr *name)
{
	struct dentry *c;

	list_for_each_entry(c, &parent->d_subdirs, d_child)
		if (c->d_name.len == name->len &&
		    !memcmp(c->d_name.name, name->name, name->len))
			return dget(c);
	return NULL;
}

/* d_delete - take @dentry out of its directory: lookups and getdents no
 * longer see it; holders keep it (and its inode) until they dput().
 * Precondition: the parent's i_rwsem held for writing. */
void d_delete(struct dentry *dentry)
{
	if (d_unhashed(dentry))
		return;
	list_del(&dentry->d_child);
	INIT_LIST_HEAD(&dentry->d_child);
	dentry->d_flags &= ~DCACHE_HASHED;
}

/*
 * d_move - rename: @dentry takes @target's place, its parent and (a
 * reference on) its name, and @target, if still hashed, leaves its
 * directory, keeping its name as Linux's does (/proc's maps of a file
 * renamed over say "NAME (deleted)"). Nothing is allocated, so nothing
 * can fail. Preconditions: both parents' i_rwsem held for writing (and
 * the super block's rename mutex if they differ).
 */
void d_move(struct dentry *dentry, struct dentry *target)
{
	struct dentry *old_parent = dentry->d_parent;
	struct dentry *new_parent = dget(target->d_parent);
	struct external_name *old_name = external_name(dentry);

	d_delete(target);
	d_delete(dentry);
	atomic_inc(&external_name(target)->count);
	spin_lock(&rename_lock);
	dentry->d_name = target->d_name;
	dentry->d_parent = new_parent;
	spin_unlock(&rename_lock);
	d_add(dentry, dentry->d_inode);
	put_name(old_name);
	dput(old_parent);	/* held by the caller's path: never the last */
}

/*
 * d_exchange - RENAME_EXCHANGE: @d1 and @d2 swap parents and names.
 * Preconditions as d_move(); no allocation, so it cannot fail.
 */
void d_exchange(struct dentry *d1, struct dentry *d2)
{
	struct dentry *p1 = d1->d_parent, *p2 = d2->d_parent;
	struct qstr n1 = d1->d_name;
	long off1 = d1->d_offset;
	struct list_head tmp;

	/* d1 takes d2's place in p2's list and d2 takes d1's: the lists
	 * stay in offset order, since the offsets swap too */
	list_add(&tmp, &d1->d_child);
	list_del(&d1->d_child);
	list_add(&d1->d_child, &d2->d_child);
	list_del(&d2->d_child);
	list_add(&d2->d_child, &tmp);
	list_del(&tmp);
	spin_lock(&rename_lock);
	d1->d_name = d2->d_name;
	d2->d_name = n1;
	d1->d_parent = p2;
	d2->d_parent = p1;
	spin_unlock(&rename_lock);
	d1->d_offset = d2->d_offset;
	d2->d_offset = off1;
}

/* dget_parent - @dentry's parent, with a reference (stable against a
 * concurrent rename by rename_lock). */
struct dentry *dget_parent(struct dentry *dentry)
{
	struct dentry *p;

	spin_lock(&rename_lock);
	p = dget(dentry->d_parent);
	spin_unlock(&rename_lock);
	return p;
}

/* dentry_free - the last reference went: free @d, drop its inode, and
 * return its parent (whose reference the caller must drop), or NULL
 * for a root. */
static struct dentry *dentry_free(struct dentry *d)
{
	struct dentry *parent = IS_ROOT(d) ? NULL : d->d_parent;

	if (d->d_inode)
		iput(d->d_inode);
	put_name(external_name(d));
	kfree(d);
	return parent;
}

/*
 * dput - drop a reference on @dentry (NULL is allowed). The last one
 * frees it, which drops its inode and its parent in turn. A hashed
 * dentry still pinned by its file system never reaches zero here.
 */
void dput(struct dentry *dentry)
{
	while (dentry && atomic_dec_and_test(&dentry->d_count)) {
		BUG_ON(!d_unhashed(dentry));
		dentry = dentry_free(dentry);
	}
}

/* is_subdir - is @new_dentry @old_dentry or below it? Walks up under
 * rename_lock. */
bool is_subdir(struct dentry *new_dentry, struct dentry *old_dentry)
{
	bool ret = false;

	spin_lock(&rename_lock);
	for (struct dentry *d = new_dentry;; d = d->d_parent) {
		if (d == old_dentry) {
			ret = true;
			break;
		}
		if (IS_ROOT(d))
			break;
	}
	spin_unlock(&rename_lock);
	return ret;
}

/*
 * d_genocide - remove every name below @root (a super block going
 * away): each is unhashed and its pin dropped, so what nobody holds is
 * freed now and the rest when its holders let go. Precondition: nobody
 * else can reach the tree (it is unmounted, or being torn down).
 */
void d_genocide(struct dentry *root)
{
	struct dentry *d, *n;

	list_for_each_entry_safe(d, n, &root->d_subdirs, d_child) {
		d_genocide(d);
		if (d->d_inode)
			clear_nlink(d->d_inode);
		d_delete(d);
		dput(d);		/* the pin */
	}
}

/*
 * dentry_path - the path of @d from its super block's root into @buf
 * (@size bytes, NUL-terminated), under rename_lock. Returns its length,
 * or -1 if it does not fit.
 */
int dentry_path(const struct dentry *d, char *buf, int size)
{
	int len, pos = size - 1;

	if (size < 2)
		return -1;
	buf[pos] = 0;
	spin_lock(&rename_lock);
	for (; !IS_ROOT(d); d = d->d_parent) {
		int n = d->d_name.len;

		if (pos - n - 1 < 0) {
			spin_unlock(&rename_lock);
			return -1;
		}
		pos -= n;
		memcpy(buf + pos, d->d_name.name, n);
		buf[--pos] = '/';
	}
	spin_unlock(&rename_lock);
	if (pos == size - 1)
		buf[--pos] = '/';
	len = size - 1 - pos;
	memmove(buf, buf + pos, len + 1);
	return len;
}
