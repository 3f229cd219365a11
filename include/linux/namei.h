/* SPDX-License-Identifier: GPL-2.0 */
/* The path walk (fs/namei.c): names to struct paths. */
#ifndef _LINUX_NAMEI_H
#define _LINUX_NAMEI_H

#include <linux/types.h>
#include <linux/path.h>
#include <linux/dcache.h>

#ifndef __user
#define __user
#endif

/* lookup flags */
#define LOOKUP_FOLLOW		0x0001	/* follow a trailing symlink */
#define LOOKUP_DIRECTORY	0x0002	/* the last component must be a directory */
#define LOOKUP_EMPTY		0x4000	/* "" names the start (AT_EMPTY_PATH) */

/* the *at() flags (Linux's values) */
#define AT_FDCWD		-100
#define AT_SYMLINK_NOFOLLOW	0x100
#define AT_EACCESS		0x200
#define AT_REMOVEDIR		0x200
#define AT_SYMLINK_FOLLOW	0x400
#define AT_NO_AUTOMOUNT		0x800
#define AT_EMPTY_PATH		0x1000
#define AT_STATX_SYNC_TYPE	0x6000

int filename_lookup(int dfd, const char *name, unsigned int flags,
		    struct path *path);
/* at_lookup_flags - the walk an *at call's AT_SYMLINK_NOFOLLOW and
 * AT_EMPTY_PATH in @flags ask for: follow a last symlink unless told not
 * to, and let "" name the dfd itself. */
static inline unsigned int at_lookup_flags(int flags)
{
	return ((flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW) |
	       ((flags & AT_EMPTY_PATH) ? LOOKUP_EMPTY : 0);
}
int user_path_at(int dfd, const char __user *name, unsigned int flags,
		 struct path *path);
int kern_path(const char *name, unsigned int flags, struct path *path);
struct dentry *filename_create(int dfd, const char *name, struct path *path,
			       unsigned int lookup_flags);
void done_path_create(struct path *path, struct dentry *dentry);
char *getname_flags(const char __user *upath, unsigned int flags);
long do_remove(int dfd, const char *name, bool is_rmdir);

#endif
