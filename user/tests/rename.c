/* SPDX-License-Identifier: GPL-2.0 */
/* rename, renameat, renameat2 (RENAME_NOREPLACE, RENAME_EXCHANGE): the
 * moves, the overwriting rules, and every error of Linux's order. */
#include "t.h"
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE	1
#define RENAME_EXCHANGE		2
#endif

static int mkfile(const char *name, const char *text)
{
	int fd = open(name, O_CREAT | O_WRONLY | O_TRUNC, 0644);

	if (fd < 0)
		return -1;
	write(fd, text, strlen(text));
	close(fd);
	return 0;
}

static const char *contents(const char *name)
{
	static char buf[64];
	int fd = open(name, O_RDONLY), n;

	if (fd < 0)
		return "(none)";
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	return buf;
}

static long r2(const char *a, const char *b, unsigned int flags)
{
	return RAW(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, flags);
}

int main(void)
{
	char scratch[64];
	struct stat st, st2;
	int fd;

	snprintf(scratch, sizeof(scratch), "rename.%d", getpid());
	CHECK(mkdir(scratch, 0755) == 0 && chdir(scratch) == 0, "scratch");
	CHECK(mkfile("a", "A") == 0 && mkfile("b", "B") == 0, "files");
	CHECK(mkdir("d", 0755) == 0 && mkdir("e", 0755) == 0 && mkdir("d/sub", 0755) == 0, "dirs");

	/* a plain move, keeping the inode */
	stat("a", &st);
	CHECK(rename("a", "d/a2") == 0, "rename into a dir: %d", errno);
	CHECK(stat("d/a2", &st2) == 0 && st2.st_ino == st.st_ino && access("a", F_OK) == -1,
	      "moved");
	CHECK(rename("d/a2", "a") == 0, "back");
	/* overwriting a file: the target's name now has the source */
	CHECK(rename("a", "b") == 0 && !strcmp(contents("b"), "A") && access("a", F_OK) == -1,
	      "overwrite: %s", contents("b"));
	CHECK(mkfile("a", "A2") == 0, "again");
	/* same inode both sides: nothing happens */
	CHECK(link("a", "a.link") == 0 && rename("a", "a.link") == 0 &&
	      access("a", F_OK) == 0, "hard links: a stays");
	CHECK(unlink("a.link") == 0, "unlink link");

	/* the overwriting rules */
	CHECK(rename("a", "d") == -1 && errno == EISDIR, "file over dir: %d", errno);
	CHECK(rename("d", "a") == -1 && errno == ENOTDIR, "dir over file: %d", errno);
	CHECK(rename("e", "d") == -1 && errno == ENOTEMPTY, "dir over non-empty dir: %d", errno);
	CHECK(rename("d/sub", "e") == 0, "dir over empty dir: %d", errno);
	CHECK(stat("e", &st) == 0 && S_ISDIR(st.st_mode) && stat("d", &st2) == 0 &&
	      st2.st_nlink == 2, "d lost its subdir: nlink %lu", (unsigned long)st2.st_nlink);
	CHECK(mkdir("e/x", 0755) == 0 && stat("e", &st) == 0 && st.st_nlink == 3, "e/x");
	CHECK(rename("e/x", "d/x") == 0 && stat("e", &st) == 0 && st.st_nlink == 2 &&
	      stat("d", &st2) == 0 && st2.st_nlink == 3, "dir move fixes .. links");

	/* a directory into itself */
	CHECK(rename("d", "d/x/y") == -1 && errno == EINVAL, "into itself: %d", errno);
	CHECK(rename("d", "d/x") == -1 && errno == EINVAL, "onto own child: %d", errno);
	CHECK(rename("d/x", "d") == -1 && errno == ENOTEMPTY, "onto own parent: %d", errno);

	/* names */
	CHECK(rename("nope", "z") == -1 && errno == ENOENT, "source missing: %d", errno);
	CHECK(rename("a", "nope/z") == -1 && errno == ENOENT, "target dir missing: %d", errno);
	CHECK(rename(".", "z") == -1 && errno == EBUSY, "rename .: %d", errno);
	CHECK(rename("a", ".") == -1 && errno == EBUSY, "rename onto .: %d", errno);
	CHECK(rename("a/", "z") == -1 && errno == ENOTDIR, "file with slash: %d", errno);
	CHECK(rename("a", "z/") == -1 && errno == ENOTDIR, "target with slash: %d", errno);
	CHECK(rename("e/", "e2/") == 0 && rename("e2", "e") == 0, "dirs with slashes");
	CHECK(RAW(SYS_rename, "a", (void *)8) == -EFAULT, "EFAULT");

	/* renameat2 */
	CHECK(r2("a", "b", RENAME_NOREPLACE) == -EEXIST, "NOREPLACE onto existing");
	CHECK(r2("a", "c", RENAME_NOREPLACE) == 0 && r2("c", "a", 0) == 0, "NOREPLACE to new");
	CHECK(r2("a", "b", RENAME_NOREPLACE | RENAME_EXCHANGE) == -EINVAL, "both flags");
	CHECK(r2("a", "b", 0x80) == -EINVAL, "unknown flag");
	CHECK(r2("a", "b", RENAME_EXCHANGE) == 0 && !strcmp(contents("a"), "A") &&
	      !strcmp(contents("b"), "A2"), "EXCHANGE files: a=%s", contents("a"));
	CHECK(r2("a", "nope", RENAME_EXCHANGE) == -ENOENT, "EXCHANGE with nothing");
	CHECK(r2("a", "d", RENAME_EXCHANGE) == 0, "EXCHANGE file and dir");
	CHECK(stat("a", &st) == 0 && S_ISDIR(st.st_mode) && stat("d", &st2) == 0 &&
	      S_ISREG(st2.st_mode), "swapped types");
	CHECK(r2("a", "d", RENAME_EXCHANGE) == 0, "swap back");
	CHECK(r2("d", "d/x", RENAME_EXCHANGE) == -EINVAL, "EXCHANGE with a descendant");
	CHECK(RAW(SYS_renameat, AT_FDCWD, "a", 999, "q") == -EBADF, "renameat EBADF");
	fd = open("d", O_RDONLY | O_DIRECTORY);
	CHECK(RAW(SYS_renameat, AT_FDCWD, "a", fd, "moved") == 0 && access("d/moved", F_OK) == 0,
	      "renameat into a dirfd");
	CHECK(RAW(SYS_renameat, fd, "moved", AT_FDCWD, "a") == 0, "renameat out");
	close(fd);

	/* an open file keeps its data across a rename over it, and its
	 * mapping keeps its name, "(deleted)" */
	fd = open("b", O_RDONLY);
	void *m = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
	CHECK(m != MAP_FAILED, "mmap b");
	CHECK(rename("a", "b") == 0, "rename over an open file");
	{
		const char *maps = t_read_file("/proc/self/maps");
		char want[128];

		snprintf(want, sizeof(want), "/%s/b (deleted)\n", scratch);
		CHECK(maps && strstr(maps, want), "maps names the old file: %s", want);
	}
	munmap(m, 4096);
	{
		char buf[8] = { 0 };

		CHECK(read(fd, buf, sizeof(buf)) == 2 && !strcmp(buf, "A2"), "old data: %s", buf);
	}
	close(fd);

	CHECK(unlink("b") == 0 && rmdir("d/x") == 0 && rmdir("d") == 0 && rmdir("e") == 0,
	      "cleanup");
	CHECK(chdir("..") == 0 && rmdir(scratch) == 0, "rmdir scratch: %d", errno);
	return t_done("rename");
}
