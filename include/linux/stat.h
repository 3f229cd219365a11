/* SPDX-License-Identifier: GPL-2.0 */
/* struct kstat: what stat(2) and statx(2) report, filled by the VFS. */
#ifndef _LINUX_STAT_H
#define _LINUX_STAT_H

#include <linux/types.h>
#include <linux/time64.h>

/* statx's stx_mask bits (Linux's values) */
#define STATX_TYPE		0x0001U
#define STATX_MODE		0x0002U
#define STATX_NLINK		0x0004U
#define STATX_UID		0x0008U
#define STATX_GID		0x0010U
#define STATX_ATIME		0x0020U
#define STATX_MTIME		0x0040U
#define STATX_CTIME		0x0080U
#define STATX_INO		0x0100U
#define STATX_SIZE		0x0200U
#define STATX_BLOCKS		0x0400U
#define STATX_BASIC_STATS	0x07ffU
#define STATX_BTIME		0x0800U
#define STATX__RESERVED		0x80000000U

struct kstat {
	u32 result_mask;		/* STATX_* that are filled */
	u32 mode;			/* umode_t */
	unsigned int nlink;
	u32 blksize;
	u64 ino;
	u32 dev, rdev;			/* dev_t */
	unsigned int uid, gid;
	u64 size;
	struct timespec64 atime, mtime, ctime;
	u64 blocks;			/* 512-byte units */
};

#endif
