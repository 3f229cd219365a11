/* SPDX-License-Identifier: GPL-2.0 */
/* tmpfs (mm/shmem.c), as the rest of mm/ asks about it. */
#ifndef _LINUX_SHMEM_FS_H
#define _LINUX_SHMEM_FS_H

#include <linux/fs.h>

bool shmem_mapping(const struct address_space *mapping);
struct vm_area_struct;
struct file *shmem_kernel_file_setup(const char *name, loff_t size, unsigned long flags);
bool shmem_acct_blocks(struct inode *inode, long nr);
void shmem_unacct_blocks(struct inode *inode, long nr);
void shmem_unacct_size(struct inode *inode);
int shmem_zero_setup(struct vm_area_struct *vma);
long shmem_punch_hole(struct inode *inode, loff_t offset, loff_t len);

#endif
