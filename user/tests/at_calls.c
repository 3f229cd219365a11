/* SPDX-License-Identifier: GPL-2.0 */
/* The *at calls with real directory fds: openat, mkdirat, mknodat,
 * unlinkat (AT_REMOVEDIR), symlinkat, readlinkat, linkat
 * (AT_SYMLINK_FOLLOW, AT_EMPTY_PATH), newfstatat (AT_SYMLINK_NOFOLLOW,
 * AT_EMPTY_PATH), faccessat2, fchmodat, fchownat, statx; and the fd
 * errors: EBADF, ENOTDIR for a file fd, absolute paths ignoring dfd. */
#include "t.h"
#include <fcntl.h>
#include <sys/stat.h>

#ifndef AT_EMPTY_PATH
#define AT_EMPTY_PATH 0x1000
#endif

struct statx_ {
	unsigned int stx_mask, stx_blksize;
	unsigned long long stx_attributes;
	unsigned int stx_nlink, stx_uid, stx_gid;
	unsigned short stx_mode, pad;
	unsigned long long stx_ino, stx_size, stx_blocks, stx_attributes_mask;
	char times[64];
	unsigned int stx_rdev_major, stx_rdev_minor, stx_dev_major, stx_dev_minor;
	unsigned long long spare[14];
};

int main(void)
{
	char scratch[64], buf[256];
	struct stat st, st2;
	struct statx_ sx;
	int d, f, fd;

	snprintf(scratch, sizeof(scratch), "at_calls.%d", getpid());
	CHECK(mkdir(scratch, 0755) == 0, "scratch");
	d = open(scratch, O_RDONLY | O_DIRECTORY);
	CHECK(d >= 0, "dirfd");

	/* make things relative to the dirfd, look at them from outside */
	CHECK(RAW(SYS_mkdirat, d, "sub", 0755) == 0, "mkdirat");
	fd = openat(d, "sub/file", O_CREAT | O_WRONLY, 0600);
	CHECK(fd >= 0 && write(fd, "hello", 5) == 5, "openat create");
	close(fd);
	snprintf(buf, sizeof(buf), "%s/sub/file", scratch);
	CHECK(stat(buf, &st) == 0 && st.st_size == 5 && (st.st_mode & 0777) == 0600, "seen outside");
	CHECK(RAW(SYS_symlinkat, "sub/file", d, "link") == 0, "symlinkat");
	CHECK(RAW(SYS_readlinkat, d, "link", buf, sizeof(buf)) == 8, "readlinkat");
	CHECK(fstatat(d, "link", &st, 0) == 0 && S_ISREG(st.st_mode), "fstatat follows");
	CHECK(fstatat(d, "link", &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode),
	      "AT_SYMLINK_NOFOLLOW");
	CHECK(fstatat(d, "link", &st, 0x8000) == -1 && errno == EINVAL, "bad flag");
	CHECK(RAW(SYS_mknodat, d, "fifo", S_IFIFO | 0644, 0) == 0, "mknodat fifo");
	CHECK(fstatat(d, "fifo", &st, 0) == 0 && S_ISFIFO(st.st_mode), "it is a fifo");
	CHECK(RAW(SYS_mknodat, d, "dir", S_IFDIR | 0755, 0) == -EPERM, "mknod S_IFDIR: EPERM");
	CHECK(RAW(SYS_mknodat, d, "bad", 0170000 | 0644, 0) == -EINVAL, "mknod bad type");
	CHECK(RAW(SYS_mknodat, d, "reg", 0644, 0) == 0 && fstatat(d, "reg", &st, 0) == 0 &&
	      S_ISREG(st.st_mode), "mknod 0 type: regular");

	/* linkat: a symlink itself, or what it points at */
	stat(scratch, &st2);
	CHECK(RAW(SYS_linkat, d, "link", d, "hard_nofollow", 0) == 0 &&
	      fstatat(d, "hard_nofollow", &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode),
	      "linkat without follow links the symlink");
	CHECK(RAW(SYS_linkat, d, "link", d, "hard_follow", 0x400) == 0 &&
	      fstatat(d, "hard_follow", &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
	      st.st_nlink == 2, "AT_SYMLINK_FOLLOW: nlink %lu", (unsigned long)st.st_nlink);
	CHECK(RAW(SYS_linkat, d, "sub", d, "subhard", 0) == -EPERM, "linkat of a dir: EPERM");
	CHECK(RAW(SYS_linkat, d, "nope", d, "x", 0) == -ENOENT, "linkat ENOENT");
	CHECK(RAW(SYS_linkat, d, "reg", d, "hard_follow", 0) == -EEXIST, "linkat EEXIST");
	CHECK(RAW(SYS_linkat, d, "reg", d, "x", 0x8) == -EINVAL, "linkat bad flag");
	f = openat(d, "reg", O_RDONLY);
	CHECK(RAW(SYS_linkat, f, "", d, "byfd", AT_EMPTY_PATH) == 0 &&
	      fstatat(d, "byfd", &st, 0) == 0 && st.st_nlink == 2, "linkat AT_EMPTY_PATH");

	/* newfstatat AT_EMPTY_PATH; a file fd as dirfd */
	CHECK(fstatat(f, "", &st, AT_EMPTY_PATH) == 0 && S_ISREG(st.st_mode), "AT_EMPTY_PATH");
	CHECK(fstatat(f, "", &st, 0) == -1 && errno == ENOENT, "empty without AT_EMPTY_PATH");
	CHECK(fstatat(f, "x", &st, 0) == -1 && errno == ENOTDIR, "file as dirfd: %d", errno);
	CHECK(openat(f, "x", O_RDONLY) == -1 && errno == ENOTDIR, "openat file dirfd");
	CHECK(fstatat(999, "x", &st, 0) == -1 && errno == EBADF, "EBADF dirfd");
	CHECK(fstatat(999, "/", &st, 0) == 0, "absolute ignores the dirfd");
	CHECK(fstatat(AT_FDCWD, scratch, &st, 0) == 0 && S_ISDIR(st.st_mode), "AT_FDCWD");

	/* statx */
	memset(&sx, 0, sizeof(sx));
	CHECK(RAW(SYS_statx, d, "sub/file", 0, 0x7ff, &sx) == 0, "statx");
	CHECK((sx.stx_mask & 0x7ff) == 0x7ff && sx.stx_size == 5 && sx.stx_nlink == 2 &&
	      (sx.stx_mode & 0777) == 0600, "statx fields: mask %#x", sx.stx_mask);
	CHECK(sx.stx_blocks == 8, "statx blocks %llu", sx.stx_blocks);
	CHECK(RAW(SYS_statx, d, "sub/file", 0, 0x80000000u, &sx) == -EINVAL, "statx reserved");
	CHECK(RAW(SYS_statx, f, "", AT_EMPTY_PATH, 0x7ff, &sx) == 0 && sx.stx_nlink == 2,
	      "statx AT_EMPTY_PATH");

	/* faccessat2, fchmodat, fchownat */
	CHECK(RAW(SYS_faccessat2, d, "sub/file", R_OK | W_OK, 0) == 0, "faccessat2");
	CHECK(RAW(SYS_faccessat2, d, "sub/file", X_OK, 0) == -EACCES, "no x bit");
	CHECK(RAW(SYS_faccessat2, d, "sub", X_OK, 0) == 0, "dir searchable");
	CHECK(RAW(SYS_faccessat2, d, "sub/file", 8, 0) == -EINVAL, "bad mode");
	CHECK(RAW(SYS_faccessat, d, "nope", F_OK) == -ENOENT, "faccessat ENOENT");
	CHECK(access("/proc", F_OK) == 0 && access("/proc/self/status", R_OK) == 0 &&
	      access("/proc/nope", F_OK) == -1 && errno == ENOENT, "/proc");
	CHECK(RAW(SYS_fchmodat, d, "sub/file", 0755) == 0 &&
	      RAW(SYS_faccessat2, d, "sub/file", X_OK, 0) == 0, "fchmodat then X_OK");
	CHECK(fstatat(d, "sub/file", &st, 0) == 0 && (st.st_mode & 07777) == 0755, "mode %o",
	      st.st_mode);
	CHECK(RAW(SYS_fchownat, d, "sub/file", 12, 34, 0) == 0 && fstatat(d, "sub/file", &st, 0) == 0 &&
	      st.st_uid == 12 && st.st_gid == 34, "fchownat");
	CHECK(RAW(SYS_fchownat, d, "link", 56, -1, AT_SYMLINK_NOFOLLOW) == 0 &&
	      fstatat(d, "link", &st, AT_SYMLINK_NOFOLLOW) == 0 && st.st_uid == 56 &&
	      fstatat(d, "link", &st2, 0) == 0 && st2.st_uid == 12, "lchown-style");
	CHECK(RAW(SYS_fchownat, d, "x", 0, 0, 0x1) == -EINVAL, "fchownat bad flag");

	/* unlinkat */
	CHECK(RAW(SYS_unlinkat, d, "sub", 0) == -EISDIR, "unlinkat a dir");
	CHECK(RAW(SYS_unlinkat, d, "sub", AT_REMOVEDIR) == -ENOTEMPTY, "AT_REMOVEDIR not empty");
	CHECK(RAW(SYS_unlinkat, d, "reg", AT_REMOVEDIR) == -ENOTDIR, "AT_REMOVEDIR a file");
	CHECK(RAW(SYS_unlinkat, d, "reg", 0x1) == -EINVAL, "unlinkat bad flag");
	close(f);
	const char *names[] = { "sub/file", "link", "fifo", "reg", "hard_nofollow", "hard_follow",
				"byfd" };
	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		CHECK(RAW(SYS_unlinkat, d, names[i], 0) == 0, "unlinkat %s", names[i]);
	CHECK(RAW(SYS_unlinkat, d, "sub", AT_REMOVEDIR) == 0, "AT_REMOVEDIR");
	close(d);
	CHECK(rmdir(scratch) == 0, "rmdir scratch: %d", errno);
	return t_done("at_calls");
}
