/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memfd_create(2) and file seals (mm/memfd.c), with Linux's uapi values
 * (<linux/memfd.h> and <linux/fcntl.h>).
 */
#ifndef _LINUX_MEMFD_H
#define _LINUX_MEMFD_H

#include <linux/types.h>

struct file;

/* memfd_create(2)'s flags */
#define MFD_CLOEXEC		0x0001U
#define MFD_ALLOW_SEALING	0x0002U
#define MFD_HUGETLB		0x0004U
/* with MFD_HUGETLB, a huge page size's log2 in bits 26..31 */
#define MFD_HUGE_SHIFT		26
#define MFD_HUGE_MASK		0x3fU

/* fcntl(2)'s seal commands (F_LINUX_SPECIFIC_BASE + 9, + 10) */
#define F_ADD_SEALS		1033
#define F_GET_SEALS		1034

#define F_SEAL_SEAL		0x0001	/* no more seals */
#define F_SEAL_SHRINK		0x0002	/* the size may not shrink */
#define F_SEAL_GROW		0x0004	/* the size may not grow */
#define F_SEAL_WRITE		0x0008	/* the contents may not change */
#define F_SEAL_FUTURE_WRITE	0x0010	/* no new writers; mappings made before stay */

long memfd_fcntl(struct file *file, unsigned int cmd, unsigned int arg);
unsigned int *memfd_file_seals_ptr(struct file *file);
int memfd_check_seals_mmap(struct file *file, unsigned long *vm_flags_ptr);

#endif
