/* SPDX-License-Identifier: GPL-2.0 */
/* tmpfs (mm/shmem.c), as the rest of mm/ asks about it. */
#ifndef _LINUX_SHMEM_FS_H
#define _LINUX_SHMEM_FS_H

#include <linux/fs.h>
#include <linux/kernel.h>

/*
 * struct shmem_inode_info - a tmpfs inode: what tmpfs keeps beside the
 * VFS inode (super_operations->alloc_inode makes both together).
 */
struct shmem_inode_info {
	/* vfs_inode.i_rwsem must be held for writing to change these (a
	 * writer checks them under it, so a seal added stops every later
	 * write): */
	unsigned int seals;		/* F_SEAL_*; F_SEAL_SEAL unless a memfd
					 * made with MFD_ALLOW_SEALING */
	/* set before the inode is visible, never changed: the pages
	 * committed (Committed_AS) by size when the object was made
	 * (Linux's shmem objects without VM_NORESERVE: shared anonymous
	 * memory, SysV shm); 0: each page is committed when allocated */
	unsigned long acct_pages;
	struct inode vfs_inode;
};

/* SHMEM_I - the tmpfs inode around @inode (a tmpfs one). */
static inline struct shmem_inode_info *SHMEM_I(struct inode *inode)
{
	return container_of(inode, struct shmem_inode_info, vfs_inode);
}

bool shmem_mapping(const struct address_space *mapping);
bool shmem_file(struct file *file);
struct vm_area_struct;
struct file *shmem_kernel_file_setup(const char *name, loff_t size, unsigned long flags);
bool shmem_acct_blocks(struct inode *inode, long nr);
void shmem_unacct_blocks(struct inode *inode, long nr);
void shmem_unacct_size(struct inode *inode);
int shmem_zero_setup(struct vm_area_struct *vma);
long shmem_punch_hole(struct inode *inode, loff_t offset, loff_t len);
int shmem_write_seals_check(struct inode *inode, loff_t pos, unsigned int len);
int shmem_size_seals_check(struct inode *inode, loff_t newsize);

#endif
