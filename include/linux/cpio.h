/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reading a cpio "newc" archive (the initramfs format): a 110-byte ASCII
 * header, the name (NUL-terminated, padded so header+name is a multiple
 * of 4), then the data padded to 4. "TRAILER!!!" ends an archive; zero
 * padding and further archives may follow it.
 */
#ifndef _LINUX_CPIO_H
#define _LINUX_CPIO_H

#include <linux/types.h>

struct cpio_entry {
	const char *name;	/* NUL-terminated, inside the archive */
	unsigned long ino, mode, uid, gid, nlink, mtime;
	unsigned long rdevmajor, rdevminor;	/* a device node's number */
	const void *data;
	unsigned long size;
};

struct cpio_iter {
	const u8 *buf;
	unsigned long len, pos;
	const char *error;	/* why cpio_next() failed */
	bool in_archive;	/* between a header and its TRAILER!!! */
};

void cpio_iter_init(struct cpio_iter *it, const void *buf, unsigned long len);
int cpio_next(struct cpio_iter *it, struct cpio_entry *e);
int unpack_to_rootfs(const void *buf, unsigned long len, unsigned long *nr_files);

#endif
