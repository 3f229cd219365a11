/* SPDX-License-Identifier: GPL-2.0 */
/* tmpfs (mm/shmem.c), as the rest of mm/ asks about it. */
#ifndef _LINUX_SHMEM_FS_H
#define _LINUX_SHMEM_FS_H

#include <linux/fs.h>

bool shmem_mapping(const struct address_space *mapping);

#endif
