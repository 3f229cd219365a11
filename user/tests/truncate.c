/* SPDX-License-Identifier: GPL-2.0 */
/* Regular files on a writable root: O_CREAT/O_EXCL/O_TRUNC/O_APPEND,
 * write and read back, truncate/ftruncate (grow reads zeros, shrink
 * frees), st_blocks, fallocate, fsync, times, an unlinked file kept
 * alive by its fd, O_TMPFILE and linkat, and the error cases. */
#include "t.h"
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>

#ifndef O_TMPFILE
#define O_TMPFILE (020000000 | O_DIRECTORY)
#endif

int main(void)
{
	char scratch[64], buf[16384], path[64];
	struct stat st, st2;
	int fd, fd2;

	snprintf(scratch, sizeof(scratch), "truncate.%d", getpid());
	CHECK(mkdir(scratch, 0755) == 0 && chdir(scratch) == 0, "scratch");

	/* O_CREAT, O_EXCL, umask */
	umask(027);
	fd = open("f", O_CREAT | O_EXCL | O_RDWR, 0666);
	CHECK(fd >= 0, "create");
	CHECK(fstat(fd, &st) == 0 && (st.st_mode & 0777) == 0640 && st.st_size == 0 &&
	      st.st_nlink == 1 && st.st_blocks == 0, "new file: mode %o", st.st_mode);
	CHECK(umask(022) == 027, "umask returns the old mask");
	CHECK(open("f", O_CREAT | O_EXCL | O_RDWR, 0666) == -1 && errno == EEXIST, "O_EXCL");
	CHECK(open("f/", O_CREAT | O_RDWR, 0666) == -1 && errno == EISDIR, "O_CREAT with slash: %d",
	      errno);
	CHECK(open("nope", O_RDONLY) == -1 && errno == ENOENT, "ENOENT");
	CHECK(open(".", O_CREAT | O_RDWR, 0666) == -1 && errno == EISDIR, "O_CREAT on .: %d", errno);
	CHECK(open("g", O_CREAT | O_DIRECTORY | O_RDONLY, 0666) == -1 && errno == EINVAL &&
	      access("g", F_OK) == -1, "O_CREAT|O_DIRECTORY: %d", errno);

	/* write, read back, st_blocks in 512-byte units */
	memset(buf, 'a', sizeof(buf));
	CHECK(write(fd, buf, 5000) == 5000, "write");
	CHECK(fstat(fd, &st) == 0 && st.st_size == 5000 && st.st_blocks == 16,
	      "size %ld blocks %ld", (long)st.st_size, (long)st.st_blocks);
	CHECK(pread(fd, buf + 8000, 10, 4995) == 5 && !memcmp(buf + 8000, "aaaaa", 5), "pread end");
	CHECK(pwrite(fd, "XY", 2, 100) == 2 && pread(fd, buf + 8000, 4, 99) == 4 &&
	      !memcmp(buf + 8000, "aXYa", 4), "pwrite");
	CHECK(RAW(SYS_write, fd, (void *)8, 10) == -EFAULT, "write EFAULT");
	CHECK(lseek(fd, 0, SEEK_END) == 5000, "SEEK_END");

	/* ftruncate: grow reads zeros, shrink frees blocks */
	CHECK(ftruncate(fd, 10000) == 0 && fstat(fd, &st) == 0 && st.st_size == 10000, "grow");
	memset(buf, 'x', 100);
	CHECK(pread(fd, buf, 100, 9000) == 100, "read the hole");
	{
		int zeros = 1;

		for (int i = 0; i < 100; i++)
			zeros &= buf[i] == 0;
		CHECK(zeros, "hole reads zeros");
	}
	CHECK(ftruncate(fd, 10) == 0 && fstat(fd, &st) == 0 && st.st_size == 10 &&
	      st.st_blocks == 8, "shrink: blocks %ld", (long)st.st_blocks);
	CHECK(ftruncate(fd, 4096) == 0 && pread(fd, buf, 20, 0) == 20 && buf[9] == 'a' &&
	      buf[10] == 0 && buf[19] == 0, "regrown tail is zeros");
	CHECK(ftruncate(fd, -1) == -1 && errno == EINVAL, "negative length");
	CHECK(ftruncate(999, 0) == -1 && errno == EBADF, "ftruncate EBADF");
	fd2 = open("f", O_RDONLY);
	CHECK(ftruncate(fd2, 0) == -1 && errno == EINVAL, "ftruncate read-only fd: %d", errno);
	close(fd2);
	fd2 = open(".", O_RDONLY | O_DIRECTORY);
	CHECK(ftruncate(fd2, 0) == -1 && errno == EINVAL, "ftruncate a dir: %d", errno);
	close(fd2);
	CHECK(truncate("f", 3) == 0 && stat("f", &st) == 0 && st.st_size == 3, "truncate");
	CHECK(truncate(".", 0) == -1 && errno == EISDIR, "truncate a dir: %d", errno);
	CHECK(truncate("nope", 0) == -1 && errno == ENOENT, "truncate ENOENT");

	/* O_TRUNC, O_APPEND */
	close(fd);
	fd = open("f", O_WRONLY | O_TRUNC);
	CHECK(fd >= 0 && fstat(fd, &st) == 0 && st.st_size == 0, "O_TRUNC");
	close(fd);
	fd = open("f", O_WRONLY | O_APPEND);
	CHECK(write(fd, "one", 3) == 3 && lseek(fd, 0, SEEK_SET) == 0 && write(fd, "two", 3) == 3,
	      "append");
	close(fd);
	fd = open("f", O_RDONLY);
	CHECK(read(fd, buf, 100) == 6 && !memcmp(buf, "onetwo", 6), "appended");
	CHECK(write(fd, "x", 1) == -1 && errno == EBADF, "write to O_RDONLY");
	close(fd);

	/* fallocate, fsync, fdatasync, sync, syncfs */
	fd = open("f", O_RDWR);
	CHECK(fallocate(fd, 0, 0, 20000) == 0 && fstat(fd, &st) == 0 && st.st_size == 20000 &&
	      st.st_blocks == 40, "fallocate: size %ld blocks %ld", (long)st.st_size,
	      (long)st.st_blocks);
	CHECK(fallocate(fd, 0, 0, 0) == -1 && errno == EINVAL, "fallocate len 0");
	CHECK(fallocate(fd, 0, -1, 10) == -1 && errno == EINVAL, "fallocate negative");
	CHECK(fallocate(999, 0, 0, 10) == -1 && errno == EBADF, "fallocate EBADF");
	CHECK(fsync(fd) == 0 && fdatasync(fd) == 0 && syncfs(fd) == 0, "fsync");
	sync();
	CHECK(fsync(999) == -1 && errno == EBADF, "fsync EBADF");
	{
		int p[2];

		pipe(p);
		CHECK(fsync(p[0]) == -1 && errno == EINVAL, "fsync a pipe");
		CHECK(fallocate(p[1], 0, 0, 10) == -1 && errno == ESPIPE, "fallocate a pipe: %d",
		      errno);
		close(p[0]);
		close(p[1]);
	}
	close(fd);
	fd = open("f", O_RDONLY);
	CHECK(fallocate(fd, 0, 0, 10) == -1 && errno == EBADF, "fallocate read-only");
	close(fd);

	/* times: a write moves mtime and ctime; utimensat */
	{
		struct timespec ts[2] = { { 1000000000, 5 }, { 1100000000, 7 } };

		CHECK(utimensat(AT_FDCWD, "f", ts, 0) == 0 && stat("f", &st) == 0 &&
		      st.st_atim.tv_sec == 1000000000 && st.st_mtim.tv_sec == 1100000000 &&
		      st.st_mtim.tv_nsec == 7, "utimensat");
		ts[0].tv_nsec = UTIME_OMIT;
		ts[1].tv_nsec = UTIME_NOW;
		CHECK(utimensat(AT_FDCWD, "f", ts, 0) == 0 && stat("f", &st2) == 0 &&
		      st2.st_atim.tv_sec == 1000000000 && st2.st_mtim.tv_sec > 1100000000,
		      "UTIME_OMIT / UTIME_NOW");
		ts[0].tv_nsec = 1000000000;
		CHECK(utimensat(AT_FDCWD, "f", ts, 0) == -1 && errno == EINVAL, "bad nsec");
		fd = open("f", O_WRONLY);
		ts[1].tv_nsec = 0;
		ts[0].tv_nsec = 0;
		utimensat(fd, NULL, ts, 0);
		CHECK(write(fd, "z", 1) == 1 && fstat(fd, &st) == 0 && st.st_mtim.tv_sec > 1100000000,
		      "write updates mtime");
		close(fd);
		CHECK(RAW(SYS_utimensat, AT_FDCWD, "nope", NULL, 0) == -ENOENT, "utimensat ENOENT");
	}

	/* chmod, chown */
	CHECK(chmod("f", 04711) == 0 && stat("f", &st) == 0 && (st.st_mode & 07777) == 04711, "chmod");
	CHECK(chown("f", 7, 8) == 0 && stat("f", &st) == 0 && st.st_uid == 7 && st.st_gid == 8 &&
	      (st.st_mode & 07777) == 0711, "chown clears set-uid: %o", st.st_mode);
	fd = open("f", O_RDONLY);
	CHECK(fchmod(fd, 0600) == 0 && fchown(fd, 0, 0) == 0 && fstat(fd, &st) == 0 &&
	      (st.st_mode & 0777) == 0600 && st.st_uid == 0, "fchmod/fchown");
	close(fd);
	CHECK(chmod("nope", 0) == -1 && errno == ENOENT, "chmod ENOENT");

	/* a shared writable mapping is the file: each side sees the other */
	fd = open("f", O_RDWR);
	CHECK(ftruncate(fd, 8192) == 0, "size for the mapping");
	{
		char *s = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

		CHECK(s != MAP_FAILED, "MAP_SHARED: %d", errno);
		if (s != MAP_FAILED) {
			memcpy(s + 4096, "mapped", 6);
			CHECK(pread(fd, buf, 6, 4096) == 6 && !memcmp(buf, "mapped", 6),
			      "read sees the store");
			CHECK(pwrite(fd, "WRITE", 5, 4100) == 5 && !memcmp(s + 4100, "WRITE", 5),
			      "the mapping sees the write");
			munmap(s, 8192);
		}
	}
	close(fd);
	fd = open("f", O_RDONLY);
	CHECK(mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED &&
	      errno == EACCES, "shared writable needs O_RDWR");
	close(fd);

	/* an unlinked file lives while it is open, and its mapping too */
	fd = open("f", O_RDWR);
	CHECK(pwrite(fd, "alive", 5, 0) == 5, "write");
	char *m = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(m != MAP_FAILED, "mmap: %d", errno);
	CHECK(unlink("f") == 0 && access("f", F_OK) == -1, "unlink");
	CHECK(fstat(fd, &st) == 0 && st.st_nlink == 0, "nlink 0: %lu", (unsigned long)st.st_nlink);
	CHECK(pread(fd, buf, 5, 0) == 5 && !memcmp(buf, "alive", 5), "still readable");
	CHECK(m != MAP_FAILED && !memcmp(m, "alive", 5), "still mapped");
	if (m != MAP_FAILED)
		munmap(m, 4096);
	close(fd);

	/* O_TMPFILE, then a name for it with linkat */
	fd = open(".", O_TMPFILE | O_RDWR, 0600);
	CHECK(fd >= 0, "O_TMPFILE: %d", errno);
	CHECK(write(fd, "tmp", 3) == 3 && fstat(fd, &st) == 0 && st.st_nlink == 0, "unnamed");
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	CHECK(RAW(SYS_linkat, fd, "", AT_FDCWD, "named", 0x1000) == 0, "linkat AT_EMPTY_PATH: %d",
	      errno);
	CHECK(stat("named", &st) == 0 && st.st_size == 3 && st.st_nlink == 1, "named now");
	close(fd);
	fd = open(".", O_TMPFILE | O_RDWR | O_EXCL, 0600);
	CHECK(fd >= 0 && RAW(SYS_linkat, fd, "", AT_FDCWD, "never", 0x1000) == -ENOENT,
	      "O_EXCL tmpfile cannot be linked");
	close(fd);
	CHECK(open(".", O_TMPFILE | O_RDONLY, 0600) == -1 && errno == EINVAL, "O_TMPFILE read-only");
	CHECK(open("named", O_TMPFILE | O_RDWR, 0600) == -1 && errno == ENOTDIR, "O_TMPFILE on a file");
	CHECK(unlink("named") == 0, "unlink named");

	CHECK(chdir("..") == 0 && rmdir(scratch) == 0, "rmdir scratch: %d", errno);
	return t_done("truncate");
}
