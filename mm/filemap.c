// SPDX-License-Identifier: GPL-2.0
/*
 * The page cache, as mm/ sees it: a file's pages by page offset, in its
 * inode's address_space. read(2) copies from them (filemap_read), and a
 * fault on a file mapping maps them (filemap_fault, the ->fault of
 * generic_file_vm_ops, which a file system's ->mmap installs). The file
 * system fills the cache (for ramfs the cache is the file: fs/ramfs.c);
 * nothing here knows which file system it is.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/fdtable.h>
#include <linux/mount.h>
#include <linux/slab.h>
#include <linux/shmem_fs.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <linux/uaccess.h>

/* find_get_page - the page at @index of @mapping, with a reference the
 * caller drops with put_page(); NULL for a hole or past the end. */
struct page *find_get_page(struct address_space *mapping, unsigned long index)
{
	struct page *page = NULL;

	spin_lock(&mapping->tree_lock);
	if (index < mapping->nrpages && (page = mapping->i_pages[index]))
		get_page(page);
	spin_unlock(&mapping->tree_lock);
	return page;
}

/*
 * mapping_reserve - make @mapping's slot array hold @nr pages. The new
 * array is allocated with tree_lock not held and swapped in under it
 * (unless someone grew it meanwhile). Returns 0 or -ENOMEM.
 */
static int mapping_reserve(struct address_space *mapping, unsigned long nr)
{
	struct page **new, **old;
	unsigned long have, want;

	spin_lock(&mapping->tree_lock);
	have = mapping->nrpages;
	spin_unlock(&mapping->tree_lock);
	if (have >= nr)
		return 0;
	want = max(nr, have * 2);
	new = kzalloc(want * sizeof(*new), GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	spin_lock(&mapping->tree_lock);
	old = mapping->i_pages;
	if (mapping->nrpages >= nr) {
		old = new;	/* grown meanwhile: ours is not needed */
	} else {
		if (mapping->nrpages)
			memcpy(new, old, mapping->nrpages * sizeof(*new));
		mapping->i_pages = new;
		mapping->nrpages = want;
	}
	spin_unlock(&mapping->tree_lock);
	kfree(old);
	return 0;
}

/* page_cache_account - @nr pages (negative: removed) entered @mapping:
 * NR_FILE_PAGES (Cached), and NR_SHMEM too for a tmpfs file. */
void page_cache_account(struct address_space *mapping, long nr)
{
	mod_node_page_state(NR_FILE_PAGES, nr);
	if (shmem_mapping(mapping))
		mod_node_page_state(NR_SHMEM, nr);
}

/*
 * add_to_page_cache - put @page at @index of @mapping; the cache takes
 * its own reference, the page records where it is (page->mapping,
 * page->index), and it is counted (page_cache_account).
 * Precondition: the owner's i_rwsem held for writing.
 * Returns 0, -EEXIST if the slot is taken, or -ENOMEM.
 */
int add_to_page_cache(struct page *page, struct address_space *mapping,
		      unsigned long index)
{
	int err = mapping_reserve(mapping, index + 1);

	if (err)
		return err;
	spin_lock(&mapping->tree_lock);
	if (mapping->i_pages[index]) {
		err = -EEXIST;
	} else {
		get_page(page);
		page->mapping = mapping;
		page->index = index;
		mapping->i_pages[index] = page;
		mapping->host->i_blocks += PAGE_SIZE / 512;
	}
	spin_unlock(&mapping->tree_lock);
	if (!err)
		page_cache_account(mapping, 1);
	return err;
}

/*
 * find_or_create_page - the page at @index of @mapping with a reference,
 * a new zeroed one added if there was none. Precondition: the owner's
 * i_rwsem held for writing. NULL if out of memory.
 */
struct page *find_or_create_page(struct address_space *mapping,
				 unsigned long index)
{
	struct page *page = find_get_page(mapping, index);

	if (page)
		return page;
	page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!page)
		return NULL;
	if (add_to_page_cache(page, mapping, index)) {
		put_page(page);
		return NULL;
	}
	return page;
}

/*
 * generic_perform_write - copy @len bytes from @src (user memory if
 * @user, else kernel memory) into a page-cache file at *@pos: each page
 * comes from the file system's write_begin (which may refuse with
 * -ENOSPC) unless a tmpfs file's seals forbid the write there (-EPERM:
 * shmem_write_seals_check()), and is copied into with no spinlock
 * held. i_size grows to what was written. Precondition: the inode's i_rwsem held for writing.
 * Returns the bytes written (moving *@pos), or -errno if none were.
 */
ssize_t generic_perform_write(struct file *file, const void *src, size_t len,
			      loff_t *pos, bool user)
{
	struct address_space *mapping = file->f_inode->i_mapping;
	struct inode *inode = mapping->host;
	ssize_t done = 0, err = 0;

	while (done < len) {
		u64 off = *pos;
		size_t in = off & (PAGE_SIZE - 1);
		size_t n = min(len - done, PAGE_SIZE - in);
		struct page *page;
		unsigned long left = 0;
		char *dst;

		/* a sealed memfd's refusal, per page as Linux's shmem_write_begin */
		err = shmem_write_seals_check(inode, off, n);
		if (!err)
			err = mapping->a_ops->write_begin(file, mapping, off, n, &page);
		if (err)
			break;
		dst = (char *)page_address(page) + in;
		if (user)
			left = copy_from_user(dst, (const char __user *)src + done, n);
		else
			memcpy(dst, (const char *)src + done, n);
		if (n - left)
			set_page_dirty(page);	/* Linux's simple_write_end() */
		put_page(page);
		n -= left;
		done += n;
		*pos += n;
		if ((u64)*pos > inode->i_size)
			inode->i_size = *pos;
		if (left) {
			err = -EFAULT;
			break;
		}
	}
	return done ? done : err;
}

/* MAX_LFS_FILESIZE - the largest file offset (Linux's, on 64-bit) */
#define MAX_LFS_FILESIZE	((loff_t)0x7fffffffffffffffLL)

/*
 * __generic_file_write - write(2) of a page-cache file under its
 * i_rwsem: O_APPEND writes at the end, -EINVAL for a negative position,
 * -EFBIG past the largest offset; a write of something by a caller
 * without CAP_FSETID takes the set-id bits away (file_remove_privs())
 * and updates mtime and ctime, as Linux's file_update_time.
 */
static ssize_t __generic_file_write(struct file *f, const void *buf, size_t len,
				    loff_t *pos, bool user)
{
	struct inode *inode = f->f_inode;
	ssize_t ret;

	inode_lock(inode);
	if (f->f_flags & O_APPEND)
		*pos = inode->i_size;
	if (*pos < 0)
		ret = -EINVAL;
	else if (!len)
		ret = 0;
	else if (*pos >= MAX_LFS_FILESIZE)
		ret = -EFBIG;
	else {
		if (len > (u64)(MAX_LFS_FILESIZE - *pos))
			len = MAX_LFS_FILESIZE - *pos;
		ret = file_remove_privs(f);
		if (!ret) {
			inode->i_mtime = inode->i_ctime = current_time(inode);
			ret = generic_perform_write(f, buf, len, pos, user);
		}
	}
	inode_unlock(inode);
	return ret;
}

/* generic_file_write - the ->write of a page-cache file. */
ssize_t generic_file_write(struct file *f, const char __user *buf, size_t len,
			   loff_t *pos)
{
	return __generic_file_write(f, buf, len, pos, true);
}

/* generic_file_kernel_write - the same from a kernel buffer (the
 * initramfs unpacker's kernel_write). */
ssize_t generic_file_kernel_write(struct file *f, const void *buf, size_t len,
				  loff_t *pos)
{
	return __generic_file_write(f, buf, len, pos, false);
}

/*
 * filemap_read - read(2) of a regular file from its page cache: up to
 * @len bytes at *@pos, never past i_size; a hole (a file grown by
 * ftruncate) reads as zeros. Returns the bytes copied (and moves *@pos),
 * 0 at the end, -EINVAL for a negative position, -EFAULT if nothing
 * could be copied to @ubuf.
 */
ssize_t filemap_read(struct file *f, char __user *ubuf, size_t len, loff_t *pos)
{
	struct address_space *mapping = f->f_inode->i_mapping;
	u64 size = mapping->host->i_size;
	size_t done = 0;

	if (*pos < 0)
		return -EINVAL;
	while (done < len && (u64)*pos < size) {
		u64 off = *pos;
		size_t in = off & (PAGE_SIZE - 1);
		size_t n = min(min(len - done, PAGE_SIZE - in), size - off);
		struct page *page = find_get_page(mapping, off >> PAGE_SHIFT);
		unsigned long left;

		if (!page) {
			left = clear_user(ubuf + done, n);
		} else {
			left = copy_to_user(ubuf + done, (char *)page_address(page) + in, n);
			put_page(page);
		}
		if (left)
			return done ? (ssize_t)done : -EFAULT;
		done += n;
		*pos += n;
	}
	touch_atime(f);
	return done;
}

/* relatime_need_update - Linux's relatime rule: on a relatime mount,
 * atime moves only if it is not newer than mtime or ctime, or is a day
 * old; on a strictatime one (rootfs, MS_STRICTATIME) always. */
static bool relatime_need_update(struct vfsmount *mnt, struct inode *inode,
				 struct timespec64 now)
{
	if (!(mnt->mnt_flags & MNT_RELATIME))
		return true;
	return timespec64_compare(&inode->i_atime, &inode->i_mtime) <= 0 ||
	       timespec64_compare(&inode->i_atime, &inode->i_ctime) <= 0 ||
	       now.tv_sec - inode->i_atime.tv_sec >= 24 * 60 * 60;
}

/*
 * touch_atime - a read happened: atime is now, if the mount's rule says
 * so (relatime_need_update), and never on a noatime or read-only mount,
 * nor for a directory on a nodiratime one, nor through a file opened
 * O_NOATIME (Linux's file_accessed()). Written without the inode's
 * lock, as Linux does (a racing stat may see half of it).
 */
void touch_atime(struct file *f)
{
	struct inode *inode = f->f_inode;
	struct timespec64 now;

	if (!inode || !f->f_path.mnt || (f->f_path.mnt->mnt_flags & MNT_NOATIME) ||
	    __mnt_is_readonly(f->f_path.mnt) || (f->f_flags & O_NOATIME))
		return;
	if ((f->f_path.mnt->mnt_flags & MNT_NODIRATIME) && S_ISDIR(inode->i_mode))
		return;
	now = current_time(inode);
	if (relatime_need_update(f->f_path.mnt, inode, now))
		inode->i_atime = now;
}

/*
 * filemap_fault_hole - the page for a hole inside the file (a file grown
 * by ftruncate, then mapped): a zeroed page from the file system's
 * write_begin, charged as a write would be, so a full tmpfs gives
 * SIGBUS as Linux's shmem_fault does. Unlike write(), a fault holds
 * mmap_lock and not i_rwsem (taking it here would invert Linux's
 * i_rwsem -> mmap_lock order): add_to_page_cache()'s -EEXIST settles a
 * race with another fault or a write, and a page that a racing truncate
 * misses stays in the cache until the inode goes (Linux closes that
 * window with invalidate_lock). Returns 0 with vmf->page referenced,
 * VM_FAULT_SIGBUS or VM_FAULT_OOM.
 */
static vm_fault_t filemap_fault_hole(struct vm_fault *vmf,
				     struct address_space *mapping)
{
	loff_t pos = (loff_t)vmf->pgoff << PAGE_SHIFT;
	int err;

	do {
		vmf->page = find_get_page(mapping, vmf->pgoff);
		if (vmf->page)
			return 0;
		err = mapping->a_ops->write_begin(vmf->vma->vm_file, mapping, pos,
						  PAGE_SIZE, &vmf->page);
	} while (err == -EEXIST);
	if (err)
		return err == -ENOMEM ? VM_FAULT_OOM : VM_FAULT_SIGBUS;
	return 0;
}

/*
 * filemap_fault - the ->fault of a file mapping: the page cache page at
 * vmf->pgoff, in vmf->page with a reference for the mapping; a hole
 * inside the file becomes a zeroed cache page (filemap_fault_hole).
 * Past the end of the file it is VM_FAULT_SIGBUS, as in Linux.
 */
vm_fault_t filemap_fault(struct vm_fault *vmf)
{
	struct address_space *mapping = vmf->vma->vm_file->f_inode->i_mapping;

	if (vmf->pgoff >= PFN_UP(mapping->host->i_size))
		return VM_FAULT_SIGBUS;
	vmf->page = find_get_page(mapping, vmf->pgoff);
	if (vmf->page)
		return 0;
	if (!mapping->a_ops || !mapping->a_ops->write_begin)
		return VM_FAULT_SIGBUS;
	return filemap_fault_hole(vmf, mapping);
}

const struct vm_operations_struct generic_file_vm_ops = {
	.fault = filemap_fault,
};

/* generic_file_mmap - a file system's ->mmap for files whose pages are
 * their page cache: faults go to filemap_fault. Returns 0. */
int generic_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &generic_file_vm_ops;
	return 0;
}
