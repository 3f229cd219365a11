/* SPDX-License-Identifier: GPL-2.0 */
/* Symlinks: absolute, relative, nested and dangling; readlink's
 * truncation; the 40-link limit; O_NOFOLLOW; lstat; trailing slashes;
 * O_CREAT through a dangling link; ENAMETOOLONG. */
#include "t.h"
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>

int main(void)
{
	char scratch[64], cwd[4096], buf[PATH_MAX + 16], name[16];
	struct stat st;
	int fd;

	snprintf(scratch, sizeof(scratch), "symlinks.%d", getpid());
	CHECK(mkdir(scratch, 0755) == 0 && chdir(scratch) == 0, "scratch");
	CHECK(getcwd(cwd, sizeof(cwd)) != NULL, "getcwd");
	CHECK(mkdir("dir", 0755) == 0, "dir");
	fd = open("dir/file", O_CREAT | O_WRONLY, 0644);
	CHECK(fd >= 0 && write(fd, "data", 4) == 4, "file");
	close(fd);

	/* relative, absolute, nested */
	CHECK(symlink("dir/file", "rel") == 0, "symlink rel");
	snprintf(buf, sizeof(buf), "%s/dir", cwd);
	CHECK(symlink(buf, "abs") == 0, "symlink abs");
	CHECK(symlink("rel", "nest") == 0 && symlink("abs/../nest", "nest2") == 0, "nested");
	CHECK(stat("rel", &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 4, "stat follows");
	CHECK(lstat("rel", &st) == 0 && S_ISLNK(st.st_mode) && st.st_size == 8 &&
	      (st.st_mode & 0777) == 0777, "lstat: size %ld", (long)st.st_size);
	CHECK(stat("abs/file", &st) == 0 && st.st_size == 4, "through abs");
	CHECK(stat("nest2", &st) == 0 && S_ISREG(st.st_mode), "nest2");
	CHECK(symlink("../rel", "dir/up") == 0 && stat("dir/up", &st) == 0 && S_ISREG(st.st_mode),
	      "relative to the link's directory");

	/* readlink */
	memset(buf, 'X', sizeof(buf));
	CHECK(readlink("rel", buf, sizeof(buf)) == 8 && !memcmp(buf, "dir/file", 8) && buf[8] == 'X',
	      "readlink without NUL");
	CHECK(readlink("rel", buf, 3) == 3 && !memcmp(buf, "dir", 3), "readlink truncates");
	CHECK(readlink("dir/file", buf, sizeof(buf)) == -1 && errno == EINVAL, "readlink of a file");
	CHECK(RAW(SYS_readlink, "rel", buf, 0) == -EINVAL, "readlink size 0");
	CHECK(readlink("nope", buf, 10) == -1 && errno == ENOENT, "readlink ENOENT");
	CHECK(RAW(SYS_readlink, "rel", (void *)8, 10) == -EFAULT, "readlink EFAULT");
	fd = open("dir", O_RDONLY | O_DIRECTORY);
	CHECK(RAW(SYS_readlinkat, fd, "up", buf, 10) == 6, "readlinkat");
	close(fd);

	/* dangling, loops, the limit */
	CHECK(symlink("nowhere", "dangle") == 0, "dangling");
	CHECK(stat("dangle", &st) == -1 && errno == ENOENT, "stat dangling: %d", errno);
	CHECK(lstat("dangle", &st) == 0 && S_ISLNK(st.st_mode), "lstat dangling");
	CHECK(symlink("loop", "loop") == 0 && stat("loop", &st) == -1 && errno == ELOOP,
	      "self loop: %d", errno);
	/* a chain of 40 links resolves, 41 is ELOOP */
	CHECK(symlink("dir/file", "l0") == 0, "l0");
	for (int i = 1; i <= 41; i++) {
		char prev[16];

		snprintf(prev, sizeof(prev), "l%d", i - 1);
		snprintf(name, sizeof(name), "l%d", i);
		symlink(prev, name);
	}
	CHECK(stat("l39", &st) == 0, "40 links: %d", errno);
	CHECK(stat("l40", &st) == -1 && errno == ELOOP, "41 links: %d", errno);

	/* O_NOFOLLOW, O_PATH */
	CHECK(open("rel", O_RDONLY | O_NOFOLLOW) == -1 && errno == ELOOP, "O_NOFOLLOW: %d", errno);
	CHECK((fd = open("abs/file", O_RDONLY | O_NOFOLLOW)) >= 0, "O_NOFOLLOW on a middle link");
	close(fd);
	fd = open("rel", O_PATH | O_NOFOLLOW);
	CHECK(fd >= 0, "O_PATH|O_NOFOLLOW opens the link");
	CHECK(RAW(SYS_readlinkat, fd, "", buf, sizeof(buf)) == 8, "readlinkat(fd, \"\")");
	CHECK(fstat(fd, &st) == 0 && S_ISLNK(st.st_mode), "fstat of the link");
	CHECK(read(fd, buf, 1) == -1 && errno == EBADF, "no I/O on O_PATH");
	close(fd);
	/* what an O_PATH fd is good for, and what it is not */
	fd = open("dir", O_PATH | O_DIRECTORY);
	CHECK(fd >= 0, "O_PATH dir");
	CHECK(fstat(fd, &st) == 0 && S_ISDIR(st.st_mode), "fstat O_PATH");
	CHECK(fstatat(fd, "file", &st, 0) == 0 && st.st_size == 4, "as a dirfd");
	CHECK(fcntl(fd, F_GETFL) & O_PATH, "F_GETFL has O_PATH");
	{
		int fd2 = dup(fd);

		CHECK(fd2 >= 0, "dup O_PATH");
		close(fd2);
	}
	CHECK(RAW(SYS_getdents64, fd, buf, sizeof(buf)) == -EBADF, "getdents O_PATH");
	CHECK(RAW(SYS_ioctl, fd, 0x5401, buf) == -EBADF, "ioctl O_PATH");
	CHECK(RAW(SYS_pread64, fd, buf, 1, 0) == -EBADF, "pread O_PATH");
	CHECK(RAW(SYS_fchmod, fd, 0755) == -EBADF, "fchmod O_PATH");
	CHECK(RAW(SYS_mmap, 0, 4096, 1, 2, fd, 0) == -EBADF, "mmap O_PATH");
	CHECK(fchdir(fd) == 0 && chdir("..") == 0, "fchdir O_PATH");
	close(fd);

	/* trailing slashes follow and want a directory */
	CHECK(stat("abs/", &st) == 0 && S_ISDIR(st.st_mode), "abs/");
	CHECK(lstat("abs/", &st) == 0 && S_ISDIR(st.st_mode), "lstat abs/ follows");
	CHECK(stat("rel/", &st) == -1 && errno == ENOTDIR, "file link with slash: %d", errno);
	CHECK(unlink("abs/") == -1 && (errno == EISDIR || errno == ENOTDIR), "unlink abs/");

	/* O_CREAT through a dangling link creates its target */
	fd = open("dangle", O_CREAT | O_WRONLY, 0644);
	CHECK(fd >= 0 && access("nowhere", F_OK) == 0, "created the target: %d", errno);
	close(fd);
	CHECK(open("dangle", O_CREAT | O_EXCL | O_WRONLY, 0644) == -1 && errno == EEXIST,
	      "O_EXCL on a link: %d", errno);

	/* names */
	memset(buf, 'a', 300);
	buf[300] = 0;
	CHECK(symlink("x", buf) == -1 && errno == ENAMETOOLONG, "long name: %d", errno);
	CHECK(symlink(buf, "longtarget") == 0, "a long target is fine");
	CHECK(stat("longtarget", &st) == -1 && errno == ENAMETOOLONG, "...until followed: %d", errno);
	memset(buf, 'a', PATH_MAX);
	buf[PATH_MAX] = 0;
	CHECK(stat(buf, &st) == -1 && errno == ENAMETOOLONG, "PATH_MAX: %d", errno);
	CHECK(symlink("", "empty") == -1 && errno == ENOENT, "empty target: %d", errno);
	CHECK(symlink("x", "rel") == -1 && errno == EEXIST, "symlink over a name");
	CHECK(symlink("x", "nope/x") == -1 && errno == ENOENT, "symlink no dir");

	/* cleanup */
	const char *names[] = { "rel", "abs", "nest", "nest2", "dir/up", "dangle", "nowhere",
				"loop", "longtarget", "dir/file" };
	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		CHECK(unlink(names[i]) == 0, "unlink %s: %d", names[i], errno);
	for (int i = 0; i <= 41; i++) {
		snprintf(name, sizeof(name), "l%d", i);
		CHECK(unlink(name) == 0, "unlink %s", name);
	}
	CHECK(rmdir("dir") == 0 && chdir("..") == 0 && rmdir(scratch) == 0, "rmdir scratch");
	return t_done("symlinks");
}
