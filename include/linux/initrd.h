/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_INITRD_H
#define _LINUX_INITRD_H

#include <linux/types.h>

/* Where the boot loader put the initrd (0/0: none). */
extern phys_addr_t phys_initrd_start;
extern unsigned long phys_initrd_size;

void populate_rootfs(void);

#endif
