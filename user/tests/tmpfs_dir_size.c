/* SPDX-License-Identifier: GPL-2.0 */
/* A tmpfs directory's st_size is 20 bytes a name (Linux's shmem
 * BOGO_DIRENT_SIZE), 40 when empty, through mkdir, create, link,
 * symlink, mknod, rename (moves, replacements, exchanges), unlink and
 * rmdir; a ramfs directory's stays 0. Needs root (it is, natively as
 * the runner runs it, and in mmos). */
#include "t.h"
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

/* size - st_size of @path, or -1. */
static long size(const char *path)
{
	struct stat st;

	return stat(path, &st) ? -1 : (long)st.st_size;
}

/* touch - an empty regular file @path. */
static int touch(const char *path)
{
	int fd = open(path, O_CREAT | O_WRONLY, 0644);

	return fd < 0 ? -1 : close(fd);
}

int main(void)
{
	char scratch[64];

	snprintf(scratch, sizeof(scratch), "tmpfs_dir_size.%d", getpid());
	CHECK(mkdir(scratch, 0755) == 0 && chdir(scratch) == 0, "scratch");
	CHECK(mkdir("m", 0755) == 0 && mount("none", "m", "tmpfs", 0, NULL) == 0,
	      "mount tmpfs: %s", strerror(errno));
	CHECK(size("m") == 40, "empty root: %ld", size("m"));
	CHECK(mkdir("m/d", 0755) == 0 && size("m") == 60 && size("m/d") == 40, "mkdir: %ld",
	      size("m"));
	CHECK(touch("m/f") == 0 && size("m") == 80, "create: %ld", size("m"));
	CHECK(link("m/f", "m/d/g") == 0 && size("m/d") == 60, "link: %ld", size("m/d"));
	CHECK(symlink("f", "m/s") == 0 && size("m") == 100, "symlink: %ld", size("m"));
	CHECK(mknod("m/p", S_IFIFO | 0644, 0) == 0 && size("m") == 120, "mknod: %ld", size("m"));
	CHECK(rename("m/p", "m/d/p") == 0 && size("m") == 100 && size("m/d") == 80,
	      "move: %ld %ld", size("m"), size("m/d"));
	CHECK(rename("m/s", "m/d/g") == 0 && size("m") == 80 && size("m/d") == 80,
	      "move over a name: %ld %ld", size("m"), size("m/d"));
	CHECK(rename("m/f", "m/f2") == 0 && size("m") == 80, "rename in place: %ld", size("m"));
	CHECK(syscall(SYS_renameat2, AT_FDCWD, "m/f2", AT_FDCWD, "m/d/p", RENAME_EXCHANGE) == 0 &&
	      size("m") == 80 && size("m/d") == 80, "exchange: %ld %ld", size("m"), size("m/d"));
	CHECK(unlink("m/d/p") == 0 && unlink("m/d/g") == 0 && size("m/d") == 40, "unlink: %ld",
	      size("m/d"));
	CHECK(rmdir("m/d") == 0 && size("m") == 60, "rmdir: %ld", size("m"));
	CHECK(unlink("m/f2") == 0 && size("m") == 40, "empty again: %ld", size("m"));
	CHECK(umount("m") == 0, "umount");

	/* ramfs: no sizes */
	CHECK(mount("none", "m", "ramfs", 0, NULL) == 0, "mount ramfs: %s", strerror(errno));
	CHECK(mkdir("m/d", 0755) == 0 && touch("m/d/f") == 0 && size("m") == 0 && size("m/d") == 0,
	      "ramfs: %ld %ld", size("m"), size("m/d"));
	CHECK(unlink("m/d/f") == 0 && rmdir("m/d") == 0 && umount("m") == 0, "ramfs gone");
	CHECK(rmdir("m") == 0 && chdir("..") == 0 && rmdir(scratch) == 0, "scratch gone");
	return t_done("tmpfs_dir_size");
}
