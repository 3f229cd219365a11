/* SPDX-License-Identifier: GPL-2.0 */
/* sysfs (fs/sysfs/mount.c): a few fixed names, Documentation/filesystems/proc.md */
#ifndef _LINUX_SYSFS_H
#define _LINUX_SYSFS_H

void sysfs_init(void);

#endif
