/* SPDX-License-Identifier: GPL-2.0 */
/* getdents' side of a directory: ->iterate_shared emits entries. */
#ifndef _LINUX_READDIR_H
#define _LINUX_READDIR_H

#include <linux/types.h>
#include <linux/file.h>

/* d_type values (the S_IFMT bits >> 12) */
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

struct dir_context;
/* filldir_t - take one entry; false when the caller's buffer is full */
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name, int len,
			  loff_t pos, u64 ino, unsigned int type);

struct dir_context {
	filldir_t actor;
	loff_t pos;		/* the position of the next entry */
};

/* dir_emit - give the entry at ctx->pos to the caller's actor. */
static inline bool dir_emit(struct dir_context *ctx, const char *name, int len,
			    u64 ino, unsigned int type)
{
	return ctx->actor(ctx, name, len, ctx->pos, ino, type);
}

int dcache_readdir(struct file *file, struct dir_context *ctx);
ssize_t generic_read_dir(struct file *f, char *ubuf, size_t len, loff_t *pos);

#endif
