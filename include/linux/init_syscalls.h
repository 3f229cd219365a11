/* SPDX-License-Identifier: GPL-2.0 */
/* The kernel's file calls on kernel names (fs/init.c). */
#ifndef _LINUX_INIT_SYSCALLS_H
#define _LINUX_INIT_SYSCALLS_H

#include <linux/fs.h>

int init_mkdir(const char *name, umode_t mode);
int init_mknod(const char *name, umode_t mode, dev_t dev);
int init_symlink(const char *target, const char *name);
int init_link(const char *oldname, const char *newname);
int init_chown(const char *name, unsigned int uid, unsigned int gid);
int init_chmod(const char *name, umode_t mode);
int init_utimes(const char *name, struct timespec64 ts);
int init_eaccess(const char *name);

#endif
