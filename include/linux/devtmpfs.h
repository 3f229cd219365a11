/* SPDX-License-Identifier: GPL-2.0 */
/* devtmpfs (drivers/base/devtmpfs.c) and the memory devices
 * (drivers/char/mem.c). */
#ifndef _LINUX_DEVTMPFS_H
#define _LINUX_DEVTMPFS_H

#include <linux/fs.h>

void devtmpfs_init(void);
int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev);
int devtmpfs_mount_dev(void);
void chr_dev_init(void);

#endif
