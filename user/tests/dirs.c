/* SPDX-License-Identifier: GPL-2.0 */
/* Directories: mkdir, rmdir, getdents64/getdents (with lseek to d_off),
 * chdir, fchdir, getcwd, link counts, and their error cases. Runs in a
 * scratch directory of its own under the working directory. */
#include "t.h"
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

struct dirent64_ {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

/* count_entries - how many entries directory fd @fd has from its
 * position on; *@found counts those named @want with d_type @type. */
static int count_entries(int fd, const char *want, unsigned char type, int *found)
{
	char buf[4096];
	long n;
	int total = 0;

	*found = 0;
	while ((n = RAW(SYS_getdents64, fd, buf, sizeof(buf))) > 0) {
		for (long off = 0; off < n;) {
			struct dirent64_ *d = (void *)(buf + off);

			total++;
			if (!strcmp(d->d_name, want) && d->d_type == type)
				(*found)++;
			off += d->d_reclen;
		}
	}
	return n < 0 ? (int)n : total;
}

int main(void)
{
	char scratch[64], cwd[4096], buf[4096];
	struct stat st, st2;
	int fd, found, n;
	long r;

	snprintf(scratch, sizeof(scratch), "dirs.%d", getpid());
	CHECK(mkdir(scratch, 0755) == 0, "mkdir scratch: %d", errno);
	CHECK(chdir(scratch) == 0, "chdir: %d", errno);
	CHECK(getcwd(cwd, sizeof(cwd)) && strstr(cwd, scratch) &&
	      !strcmp(cwd + strlen(cwd) - strlen(scratch), scratch), "getcwd %s", cwd);

	/* mkdir and its errors */
	CHECK(mkdir("a", 0700) == 0, "mkdir a");
	CHECK(stat("a", &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & 0777) == (0700 & ~022 & 0777),
	      "mode %o", st.st_mode);
	CHECK(st.st_nlink == 2, "new dir nlink %lu", (unsigned long)st.st_nlink);
	CHECK(mkdir("a", 0755) == -1 && errno == EEXIST, "mkdir exists: %d", errno);
	CHECK(mkdir("a/", 0755) == -1 && errno == EEXIST, "mkdir a/: %d", errno);
	CHECK(mkdir("nope/b", 0755) == -1 && errno == ENOENT, "mkdir no parent: %d", errno);
	CHECK(mkdir(".", 0755) == -1 && errno == EEXIST, "mkdir .: %d", errno);
	CHECK(mkdir("..", 0755) == -1 && errno == EEXIST, "mkdir ..: %d", errno);
	CHECK(mkdir("b/", 06755) == 0, "mkdir with a trailing slash: %d", errno);
	CHECK(stat("b", &st) == 0 && (st.st_mode & 07777) == 0755, "set-id bits dropped: %o",
	      st.st_mode);
	CHECK(mkdir("t", 01777) == 0 && stat("t", &st) == 0 && (st.st_mode & 07777) == 01755 &&
	      rmdir("t") == 0, "sticky kept: %o", st.st_mode);
	CHECK(RAW(SYS_mkdir, (void *)8, 0755) == -EFAULT, "mkdir EFAULT");
	memset(buf, 'x', 300);
	buf[300] = 0;
	CHECK(mkdir(buf, 0755) == -1 && errno == ENAMETOOLONG, "NAME_MAX: %d", errno);
	fd = open("f", O_CREAT | O_WRONLY, 0644);
	CHECK(fd >= 0, "create f");
	close(fd);
	CHECK(mkdir("f/x", 0755) == -1 && errno == ENOTDIR, "mkdir under a file: %d", errno);

	/* link counts: 2 + subdirectories */
	CHECK(mkdir("a/s1", 0755) == 0 && mkdir("a/s2", 0755) == 0, "subdirs");
	CHECK(stat("a", &st) == 0 && st.st_nlink == 4, "nlink 2+2: %lu", (unsigned long)st.st_nlink);

	/* getdents64: ".", "..", the children with their types */
	fd = open("a", O_RDONLY | O_DIRECTORY);
	CHECK(fd >= 0, "open dir");
	n = count_entries(fd, "s1", DT_DIR, &found);
	CHECK(n == 4 && found == 1, "entries %d, s1 %d", n, found);
	CHECK(lseek(fd, 0, SEEK_SET) == 0, "rewind");
	n = count_entries(fd, ".", DT_DIR, &found);
	CHECK(n == 4 && found == 1, "dot after rewind: %d %d", n, found);
	CHECK(lseek(fd, 0, SEEK_SET) == 0 && count_entries(fd, "..", DT_DIR, &found) == 4 &&
	      found == 1, "dotdot");
	/* d_off: seeking to an entry's d_off continues after it */
	lseek(fd, 0, SEEK_SET);
	r = RAW(SYS_getdents64, fd, buf, sizeof(buf));
	CHECK(r > 0, "getdents64 %ld", r);
	if (r > 0) {
		struct dirent64_ *first = (void *)buf;
		char second[256];
		struct dirent64_ *d2 = (void *)(buf + first->d_reclen);

		strcpy(second, d2->d_name);
		CHECK(lseek(fd, first->d_off, SEEK_SET) == first->d_off, "seek to d_off");
		r = RAW(SYS_getdents64, fd, buf, sizeof(buf));
		CHECK(r > 0 && !strcmp(((struct dirent64_ *)buf)->d_name, second),
		      "after d_off: %s", r > 0 ? ((struct dirent64_ *)buf)->d_name : "-");
	}
	lseek(fd, 0, SEEK_SET);
	CHECK(RAW(SYS_getdents64, fd, buf, 10) == -EINVAL, "tiny buffer EINVAL");
	CHECK(RAW(SYS_getdents64, fd, (void *)8, 4096) == -EFAULT, "getdents EFAULT");
	CHECK(read(fd, buf, 10) == -1 && errno == EISDIR, "read dir: %d", errno);
	CHECK(lseek(fd, 0, SEEK_SET) == 0, "lseek dir");
	/* the old getdents: d_type in the last byte of the record */
	r = RAW(SYS_getdents, fd, buf, sizeof(buf));
	CHECK(r > 0, "getdents %ld", r);
	if (r > 0) {
		int dirs = 0;

		for (long off = 0; off < r;) {
			unsigned short reclen = *(unsigned short *)(buf + off + 16);

			if (buf[off + reclen - 1] == DT_DIR)
				dirs++;
			off += reclen;
		}
		CHECK(dirs == 4, "old getdents d_type dirs %d", dirs);
	}
	close(fd);
	/* the C library's readdir, as ls uses it; telldir/seekdir too */
	{
		DIR *dir = opendir("a");
		struct dirent *e;
		int names = 0, s1 = 0;
		long pos = -1;

		CHECK(dir != NULL, "opendir");
		while (dir && (e = readdir(dir))) {
			names++;
			if (!strcmp(e->d_name, "s1")) {
				s1 = e->d_type == DT_DIR;
				pos = telldir(dir);
			}
		}
		CHECK(names == 4 && s1, "readdir: %d names", names);
		if (dir && pos >= 0) {
			int after = 0;

			seekdir(dir, pos);
			while ((e = readdir(dir)))
				after++;
			CHECK(after < 4, "seekdir continues after s1: %d", after);
		}
		if (dir)
			closedir(dir);
	}
	fd = open("f", O_RDONLY);
	CHECK(RAW(SYS_getdents64, fd, buf, sizeof(buf)) == -ENOTDIR, "getdents of a file");
	close(fd);
	CHECK(RAW(SYS_getdents64, 999, buf, sizeof(buf)) == -EBADF, "getdents EBADF");
	CHECK(open("f", O_RDONLY | O_DIRECTORY) == -1 && errno == ENOTDIR, "O_DIRECTORY on a file");
	CHECK(open("a", O_WRONLY) == -1 && errno == EISDIR, "open dir for writing: %d", errno);

	/* rmdir and its errors */
	CHECK(rmdir("a") == -1 && errno == ENOTEMPTY, "rmdir not empty: %d", errno);
	CHECK(rmdir("f") == -1 && errno == ENOTDIR, "rmdir a file: %d", errno);
	CHECK(rmdir("nope") == -1 && errno == ENOENT, "rmdir nothing: %d", errno);
	CHECK(rmdir(".") == -1 && errno == EINVAL, "rmdir .: %d", errno);
	CHECK(rmdir("a/s1/..") == -1 && errno == ENOTEMPTY, "rmdir ..: %d", errno);
	CHECK(unlink("a") == -1 && errno == EISDIR, "unlink a dir: %d", errno);
	CHECK(rmdir("a/s1") == 0 && rmdir("a/s2") == 0, "rmdir subdirs");
	CHECK(stat("a", &st) == 0 && st.st_nlink == 2, "nlink back to 2: %lu",
	      (unsigned long)st.st_nlink);

	/* chdir, fchdir, and a removed working directory */
	CHECK(chdir("f") == -1 && errno == ENOTDIR, "chdir to a file: %d", errno);
	CHECK(chdir("nope") == -1 && errno == ENOENT, "chdir to nothing: %d", errno);
	fd = open(".", O_RDONLY | O_DIRECTORY);
	CHECK(chdir("a") == 0, "chdir a");
	CHECK(stat(".", &st) == 0 && stat("../a", &st2) == 0 && st.st_ino == st2.st_ino, "cwd is a");
	CHECK(rmdir("../a") == 0, "rmdir the cwd");
	CHECK(RAW(SYS_getcwd, cwd, sizeof(cwd)) == -ENOENT, "getcwd of a removed dir");
	CHECK(open("new", O_CREAT | O_WRONLY, 0644) == -1 && errno == ENOENT,
	      "create in a removed dir: %d", errno);
	CHECK(mkdir("new", 0755) == -1 && errno == ENOENT, "mkdir in a removed dir: %d", errno);
	CHECK(fchdir(fd) == 0, "fchdir back");
	CHECK(getcwd(cwd, sizeof(cwd)) && !strcmp(cwd + strlen(cwd) - strlen(scratch), scratch),
	      "getcwd after fchdir: %s", cwd);
	close(fd);
	fd = open("f", O_RDONLY);
	CHECK(fchdir(fd) == -1 && errno == ENOTDIR, "fchdir to a file");
	close(fd);
	CHECK(fchdir(999) == -1 && errno == EBADF, "fchdir EBADF");
	CHECK(RAW(SYS_getcwd, cwd, 1) == -ERANGE, "getcwd ERANGE");
	r = RAW(SYS_getcwd, cwd, sizeof(cwd));
	CHECK(r == (long)strlen(cwd) + 1, "getcwd returns the length with NUL: %ld", r);

	/* the root's parent is the root */
	CHECK(stat("/..", &st) == 0 && stat("/", &st2) == 0 && st.st_ino == st2.st_ino, "/..");
	CHECK(rmdir("/") == -1 && (errno == EBUSY), "rmdir /: %d", errno);

	CHECK(unlink("f") == 0 && rmdir("b") == 0, "cleanup");
	CHECK(chdir("..") == 0 && rmdir(scratch) == 0, "rmdir scratch: %d", errno);
	return t_done("dirs");
}
