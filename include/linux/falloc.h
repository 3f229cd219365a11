/* SPDX-License-Identifier: GPL-2.0 */
/* fallocate(2)'s mode bits, Linux's values (uapi/linux/falloc.h). */
#ifndef _LINUX_FALLOC_H
#define _LINUX_FALLOC_H

#define FALLOC_FL_ALLOCATE_RANGE	0x00	/* the default: allocate */
#define FALLOC_FL_KEEP_SIZE		0x01	/* ... without growing i_size */
#define FALLOC_FL_PUNCH_HOLE		0x02	/* free the range's blocks */
#define FALLOC_FL_NO_HIDE_STALE		0x04	/* reserved */
#define FALLOC_FL_COLLAPSE_RANGE	0x08
#define FALLOC_FL_ZERO_RANGE		0x10
#define FALLOC_FL_INSERT_RANGE		0x20
#define FALLOC_FL_UNSHARE_RANGE		0x40
#define FALLOC_FL_WRITE_ZEROES		0x80

/* the modes, of which a call names one (or none: allocate) */
#define FALLOC_FL_MODE_MASK	(FALLOC_FL_ALLOCATE_RANGE | FALLOC_FL_PUNCH_HOLE | \
				 FALLOC_FL_COLLAPSE_RANGE | FALLOC_FL_ZERO_RANGE | \
				 FALLOC_FL_INSERT_RANGE | FALLOC_FL_UNSHARE_RANGE | \
				 FALLOC_FL_WRITE_ZEROES)

#endif
