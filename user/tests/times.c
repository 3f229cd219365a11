/* SPDX-License-Identifier: GPL-2.0 */
/* File times as Linux keeps them: creating, writing, renaming and
 * removing move a directory's mtime and ctime; a write moves the file's
 * mtime and ctime, a chmod its ctime only; a read moves atime under the
 * relatime rule; utime, utimes, futimesat set them. */
#include "t.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <utime.h>

static struct timespec mtime_of(const char *p)
{
	struct stat st;

	stat(p, &st);
	return st.st_mtim;
}

/* set_old - put @p's atime and mtime (and so nothing else) in 2001. */
static void set_old(const char *p)
{
	struct timespec ts[2] = { { 1000000000, 0 }, { 1000000000, 0 } };

	utimensat(AT_FDCWD, p, ts, AT_SYMLINK_NOFOLLOW);
}

int main(void)
{
	char scratch[64], buf[8];
	struct stat st, st2;
	int fd;

	snprintf(scratch, sizeof(scratch), "times.%d", getpid());
	CHECK(mkdir(scratch, 0755) == 0 && chdir(scratch) == 0, "scratch");

	/* a directory's mtime moves with its entries */
	set_old(".");
	fd = open("f", O_CREAT | O_RDWR, 0644);
	CHECK(mtime_of(".").tv_sec > 1000000000, "create moves the dir's mtime");
	set_old(".");
	CHECK(rename("f", "g") == 0 && mtime_of(".").tv_sec > 1000000000, "rename moves it");
	set_old(".");
	CHECK(mkdir("d", 0755) == 0 && mtime_of(".").tv_sec > 1000000000, "mkdir moves it");
	set_old(".");
	CHECK(rmdir("d") == 0 && mtime_of(".").tv_sec > 1000000000, "rmdir moves it");

	/* a write moves mtime and ctime */
	set_old("g");
	CHECK(write(fd, "abc", 3) == 3 && fstat(fd, &st) == 0 && st.st_mtim.tv_sec > 1000000000 &&
	      st.st_ctim.tv_sec > 1000000000, "write: mtime %ld", (long)st.st_mtim.tv_sec);
	/* a chmod only ctime */
	set_old("g");
	CHECK(fchmod(fd, 0600) == 0 && fstat(fd, &st) == 0 && st.st_mtim.tv_sec == 1000000000 &&
	      st.st_ctim.tv_sec > 1000000000, "chmod: ctime only");
	/* a read moves atime when it is not newer than mtime (relatime) */
	{
		struct timespec ts[2] = { { 1000000000, 0 }, { 1100000000, 0 } };

		utimensat(AT_FDCWD, "g", ts, 0);
	}
	CHECK(pread(fd, buf, 1, 0) == 1 && fstat(fd, &st) == 0 && st.st_atim.tv_sec > 1100000000,
	      "read moves an old atime: %ld", (long)st.st_atim.tv_sec);
	close(fd);

	/* utime, utimes, futimesat */
	{
		struct utimbuf ub = { 1200000000, 1300000000 };
		struct timeval tv[2] = { { 1400000000, 5 }, { 1500000000, 6 } };

		CHECK(utime("g", &ub) == 0 && stat("g", &st) == 0 && st.st_atim.tv_sec == 1200000000 &&
		      st.st_mtim.tv_sec == 1300000000, "utime");
		CHECK(utimes("g", tv) == 0 && stat("g", &st) == 0 && st.st_atim.tv_sec == 1400000000 &&
		      st.st_atim.tv_nsec == 5000 && st.st_mtim.tv_nsec == 6000, "utimes");
		CHECK(RAW(SYS_futimesat, AT_FDCWD, "g", tv) == 0, "futimesat");
		tv[0].tv_usec = 1000000;
		CHECK(utimes("g", tv) == -1 && errno == EINVAL, "utimes bad usec");
		CHECK(utime("g", NULL) == 0 && stat("g", &st2) == 0 && st2.st_mtim.tv_sec > 1500000000,
		      "utime(NULL): now");
		CHECK(utime("nope", NULL) == -1 && errno == ENOENT, "utime ENOENT");
	}
	/* a symlink's own times */
	CHECK(symlink("g", "l") == 0, "symlink");
	set_old("l");
	CHECK(lstat("l", &st) == 0 && st.st_mtim.tv_sec == 1000000000 && stat("l", &st2) == 0 &&
	      st2.st_mtim.tv_sec != 1000000000, "AT_SYMLINK_NOFOLLOW sets the link's");

	CHECK(unlink("l") == 0 && unlink("g") == 0, "cleanup");
	CHECK(chdir("..") == 0 && rmdir(scratch) == 0, "rmdir scratch: %d", errno);
	return t_done("times");
}
