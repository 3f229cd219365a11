// SPDX-License-Identifier: GPL-2.0
/*
 * ramfs: directories, regular files and symlinks in kernel memory.
 * Files grow a page at a time; their pages stay until the file goes.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/ramfs.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>

static struct dentry *root;
static unsigned long nr_inodes, last_ino;

static struct inode *new_inode(umode_t mode)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (!inode)
		return NULL;
	inode->i_ino = ++last_ino;
	inode->i_mode = mode;
	inode->i_nlink = 1;
	inode->i_data.host = inode;
	inode->i_mapping = &inode->i_data;
	nr_inodes++;
	return inode;
}

static void free_inode(struct inode *inode)
{
	struct address_space *mapping = inode->i_mapping;

	for (unsigned long i = 0; i < mapping->nrpages; i++)
		if (mapping->i_pages[i])
			__free_page(mapping->i_pages[i]);
	kfree(mapping->i_pages);
	kfree(inode->i_link);
	kfree(inode);
	nr_inodes--;
}

static struct dentry *new_dentry(struct dentry *parent, const char *name,
				 size_t len, struct inode *inode)
{
	struct dentry *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return NULL;
	d->d_name = kmalloc(len + 1, GFP_KERNEL);
	if (!d->d_name) {
		kfree(d);
		return NULL;
	}
	memcpy(d->d_name, name, len);
	d->d_name[len] = 0;
	d->d_inode = inode;
	d->d_parent = parent ? parent : d;
	INIT_LIST_HEAD(&d->d_subdirs);
	if (parent)
		list_add_tail(&d->d_child, &parent->d_subdirs);
	else
		INIT_LIST_HEAD(&d->d_child);
	return d;
}

/* Free @d and everything below it. */
static void free_tree(struct dentry *d)
{
	struct dentry *c, *n;

	list_for_each_entry_safe(c, n, &d->d_subdirs, d_child)
		free_tree(c);
	if (d->d_parent != d)
		list_del(&d->d_child);
	free_inode(d->d_inode);
	kfree(d->d_name);
	kfree(d);
}

/* ramfs_init - an empty root directory. Panics without memory: the
 * kernel cannot go on without a root. */
void ramfs_init(void)
{
	struct inode *inode = new_inode(S_IFDIR | 0755);

	root = inode ? new_dentry(NULL, "/", 1, inode) : NULL;
	if (!root)
		panic("ramfs: no memory for the root directory");
}

/* ramfs_clear - drop every file, keeping (or making) an empty root. */
void ramfs_clear(void)
{
	if (root)
		free_tree(root);
	root = NULL;
	ramfs_init();
}

struct dentry *ramfs_root(void)
{
	return root;
}

unsigned long ramfs_nr_inodes(void)
{
	return nr_inodes;
}

static struct dentry *d_lookup(struct dentry *dir, const char *name, size_t len)
{
	struct dentry *c;

	list_for_each_entry(c, &dir->d_subdirs, d_child)
		if (strlen(c->d_name) == len && !memcmp(c->d_name, name, len))
			return c;
	return NULL;
}

static struct dentry *walk(struct dentry *d, const char *path,
			   const char *stop, bool follow_last, int depth,
			   int *err);

/* Follow symlink @d found in directory @dir. */
static struct dentry *follow_link(struct dentry *dir, struct dentry *d,
				  int depth, int *err)
{
	const char *target = d->d_inode->i_link;

	if (depth >= MAXSYMLINKS) {
		*err = -ELOOP;
		return NULL;
	}
	return walk(dir, target, target + strlen(target), true, depth + 1, err);
}

/* One step: the child of @d named [name, end). */
static struct dentry *walk_one(struct dentry *d, const char *name,
			       const char *end, int *err)
{
	struct dentry *next;

	if (!S_ISDIR(d->d_inode->i_mode)) {
		*err = -ENOTDIR;
		return NULL;
	}
	if (end - name > NAME_MAX) {
		*err = -ENAMETOOLONG;
		return NULL;
	}
	if (end - name == 1 && *name == '.')
		return d;
	if (end - name == 2 && !memcmp(name, "..", 2))
		return d->d_parent;
	next = d_lookup(d, name, end - name);
	if (!next)
		*err = -ENOENT;
	return next;
}

/* Resolve [path, stop) from @d (from the root if it starts with '/'). */
static struct dentry *walk(struct dentry *d, const char *path,
			   const char *stop, bool follow_last, int depth,
			   int *err)
{
	if (path < stop && *path == '/')
		d = root;
	while (path < stop) {
		const char *end;
		struct dentry *next;

		while (path < stop && *path == '/')
			path++;
		if (path == stop)
			break;
		for (end = path; end < stop && *end != '/'; end++)
			;
		next = walk_one(d, path, end, err);
		if (!next)
			return NULL;
		if (S_ISLNK(next->d_inode->i_mode) && (end < stop || follow_last)) {
			next = follow_link(d, next, depth, err);
			if (!next)
				return NULL;
		}
		d = next;
		path = end;
	}
	return d;
}

/* path_lookup - the dentry @path names, or NULL with *err set (-ENOENT,
 * -ENOTDIR, -ELOOP, -ENAMETOOLONG). */
struct dentry *path_lookup(const char *path, bool follow_last, int *err)
{
	*err = 0;
	return walk(root, path, path + strlen(path), follow_last, 0, err);
}

/*
 * lookup_parent - the directory that would hold @path's last component,
 * which is returned through @name/@len. "." and ".." cannot be created.
 */
static struct dentry *lookup_parent(const char *path, const char **name,
				    size_t *len, int *err)
{
	const char *end = path + strlen(path), *last;
	struct dentry *parent;

	while (end > path && end[-1] == '/')
		end--;
	for (last = end; last > path && last[-1] != '/'; last--)
		;
	*name = last;
	*len = end - last;
	*err = 0;
	if (!*len || (*len == 1 && *last == '.') ||
	    (*len == 2 && !memcmp(last, "..", 2))) {
		*err = -EEXIST;
		return NULL;
	}
	if (*len > NAME_MAX) {
		*err = -ENAMETOOLONG;
		return NULL;
	}
	parent = walk(root, path, last, true, 0, err);
	if (parent && !S_ISDIR(parent->d_inode->i_mode)) {
		*err = -ENOTDIR;
		return NULL;
	}
	return parent;
}

/*
 * ramfs_create - a new, empty inode of @mode at @path. The parent must
 * exist. Returns the dentry, or NULL with *err = -EEXIST, -ENOENT,
 * -ENOTDIR, -ENOMEM, ...
 */
struct dentry *ramfs_create(const char *path, umode_t mode, int *err)
{
	struct dentry *parent, *d;
	struct inode *inode;
	const char *name;
	size_t len;

	parent = lookup_parent(path, &name, &len, err);
	if (!parent)
		return NULL;
	if (d_lookup(parent, name, len)) {
		*err = -EEXIST;
		return NULL;
	}
	inode = new_inode(mode);
	d = inode ? new_dentry(parent, name, len, inode) : NULL;
	if (!d) {
		if (inode)
			free_inode(inode);
		*err = -ENOMEM;
	}
	return d;
}

/* ramfs_grow - make sure @inode's page cache has pages to hold @size
 * bytes. Returns 0 or -ENOMEM (the pages made so far stay). */
static int ramfs_grow(struct inode *inode, u64 size)
{
	struct address_space *mapping = inode->i_mapping;
	unsigned long need = PFN_UP(size);
	struct page **pages;

	if (need <= mapping->nrpages)
		return 0;
	pages = kzalloc(need * sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	if (mapping->nrpages)
		memcpy(pages, mapping->i_pages, mapping->nrpages * sizeof(*pages));
	kfree(mapping->i_pages);
	mapping->i_pages = pages;
	for (; mapping->nrpages < need; mapping->nrpages++) {
		pages[mapping->nrpages] = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!pages[mapping->nrpages])
			return -ENOMEM;
	}
	return 0;
}

/* ramfs_write - copy @len bytes into regular file @inode at @off,
 * growing it. Returns 0 or -ENOMEM (the size is then unchanged). */
int ramfs_write(struct inode *inode, u64 off, const void *buf, size_t len)
{
	const char *src = buf;
	int err = ramfs_grow(inode, off + len);

	if (err)
		return err;
	while (len) {
		size_t in = off & (PAGE_SIZE - 1), n = min(len, PAGE_SIZE - in);

		memcpy((char *)page_address(inode->i_mapping->i_pages[off >> PAGE_SHIFT]) + in,
		       src, n);
		src += n;
		off += n;
		len -= n;
	}
	if (off > inode->i_size)
		inode->i_size = off;
	return 0;
}

/* ramfs_read - copy up to @len bytes from @off; returns how many. */
long ramfs_read(struct inode *inode, u64 off, void *buf, size_t len)
{
	char *dst = buf;
	long done = 0;

	if (off >= inode->i_size)
		return 0;
	len = min(len, inode->i_size - off);
	while (len) {
		size_t in = off & (PAGE_SIZE - 1), n = min(len, PAGE_SIZE - in);

		memcpy(dst, (char *)page_address(inode->i_mapping->i_pages[off >> PAGE_SHIFT]) + in, n);
		dst += n;
		off += n;
		len -= n;
		done += n;
	}
	return done;
}

/* ramfs_dir_read - read(2) of a directory: -EISDIR, as Linux's
 * generic_read_dir. */
static ssize_t ramfs_dir_read(struct file *f, char *ubuf, size_t len,
			      loff_t *pos)
{
	return -EISDIR;
}

/* A regular file is its page cache: reads and mappings go to mm's
 * page-cache code. */
const struct file_operations ramfs_file_fops = {
	.read = filemap_read,
	.mmap = generic_file_mmap,
	.seekable = true,
};

const struct file_operations ramfs_dir_fops = {
	.read = ramfs_dir_read,
	.seekable = true,
};

/* ramfs_symlink - a symlink at @path to the @len-byte @target. */
int ramfs_symlink(const char *path, const char *target, size_t len)
{
	struct dentry *d;
	char *link = kmalloc(len + 1, GFP_KERNEL);
	int err;

	if (!link)
		return -ENOMEM;
	memcpy(link, target, len);
	link[len] = 0;
	d = ramfs_create(path, S_IFLNK | 0777, &err);
	if (!d) {
		kfree(link);
		return err;
	}
	d->d_inode->i_link = link;
	d->d_inode->i_size = len;
	return 0;
}

/* dentry_path - the absolute path of @d into @buf; its length, or -1 if
 * it does not fit. */
int dentry_path(const struct dentry *d, char *buf, int size)
{
	int len = 0, pos = size - 1;

	if (size < 2)
		return -1;
	buf[pos] = 0;
	for (; d->d_parent != d; d = d->d_parent) {
		int n = strlen(d->d_name);

		if (pos - n - 1 < 0)
			return -1;
		pos -= n;
		memcpy(buf + pos, d->d_name, n);
		buf[--pos] = '/';
	}
	if (pos == size - 1)
		buf[--pos] = '/';
	len = size - 1 - pos;
	memmove(buf, buf + pos, len + 1);
	return len;
}
