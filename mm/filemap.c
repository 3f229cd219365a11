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
#include <linux/uaccess.h>

/* find_get_page - the page at @index of @mapping, with a reference the
 * caller drops with put_page(); NULL for a hole or past the end. */
struct page *find_get_page(struct address_space *mapping, unsigned long index)
{
	struct page *page;

	if (index >= mapping->nrpages || !(page = mapping->i_pages[index]))
		return NULL;
	get_page(page);
	return page;
}

/*
 * filemap_read - read(2) of a regular file from its page cache: up to
 * @len bytes at *@pos, never past i_size. Returns the bytes copied (and
 * moves *@pos), 0 at the end, -EINVAL for a negative position, -EFAULT
 * if nothing could be copied to @ubuf.
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

		if (!page)
			break;
		left = copy_to_user(ubuf + done, (char *)page_address(page) + in, n);
		put_page(page);
		if (left)
			return done ? (ssize_t)done : -EFAULT;
		done += n;
		*pos += n;
	}
	return done;
}

/*
 * filemap_fault - the ->fault of a file mapping: the page cache page at
 * vmf->pgoff, in vmf->page with a reference for the mapping. Past the
 * end of the file it is VM_FAULT_SIGBUS, as in Linux.
 */
vm_fault_t filemap_fault(struct vm_fault *vmf)
{
	struct address_space *mapping = vmf->vma->vm_file->f_inode->i_mapping;

	if (vmf->pgoff >= PFN_UP(mapping->host->i_size))
		return VM_FAULT_SIGBUS;
	vmf->page = find_get_page(mapping, vmf->pgoff);
	return vmf->page ? 0 : VM_FAULT_SIGBUS;
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
