/* SPDX-License-Identifier: GPL-2.0 */
/* memfd_create(2) and file seals, as Linux: the flags and name checks
 * (EINVAL, EFAULT; MFD_HUGETLB is ENOSYS without hugetlbfs), the file
 * (O_RDWR|O_LARGEFILE, S_IFREG 0777, no links, "/memfd:NAME (deleted)"
 * in /proc/self/fd and maps), F_ADD_SEALS/F_GET_SEALS and their errors,
 * each seal's effect on write, truncate, fallocate, mmap and mprotect,
 * F_SEAL_WRITE's EBUSY while a shared writable mapping exists (also one
 * a fork's child holds, and after splits), sharing through the fd and
 * through fork, and the pages coming back with the last fd and map. */
#include "t.h"
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define MFD_CLOEXEC		0x0001U
#define MFD_ALLOW_SEALING	0x0002U
#define MFD_HUGETLB		0x0004U
#ifndef F_ADD_SEALS
#define F_ADD_SEALS		1033
#define F_GET_SEALS		1034
#define F_SEAL_SEAL		0x0001
#define F_SEAL_SHRINK		0x0002
#define F_SEAL_GROW		0x0004
#define F_SEAL_WRITE		0x0008
#endif
#ifndef F_SEAL_FUTURE_WRITE
#define F_SEAL_FUTURE_WRITE	0x0010
#endif
#define P 4096L

static long memfd(const char *name, unsigned int flags)
{
	return RAW(SYS_memfd_create, name, flags);
}

/* has_hugetlbfs - whether this kernel knows hugetlbfs (mmos does not) */
static int has_hugetlbfs(void)
{
	const char *s = t_read_file("/proc/filesystems");

	return s && strstr(s, "hugetlbfs");
}

/* maps_has - does a line of our maps for address @p contain @s? */
static int maps_has(void *p, const char *s)
{
	char start[32];
	const char *m = t_read_file("/proc/self/maps"), *l;

	snprintf(start, sizeof(start), "%lx-", (unsigned long)p);
	l = m ? strstr(m, start) : NULL;
	if (!l)
		return 0;
	for (const char *e = l; *e && *e != '\n'; e++)
		if (!strncmp(e, s, strlen(s)))
			return 1;
	return 0;
}

static void test_create_errors(void)
{
	char name[300];
	long fd;

	CHECK(memfd("x", 0x100) == -EINVAL, "unknown flag");
	CHECK(memfd("x", MFD_HUGETLB | 0x100) == -EINVAL, "unknown flag with HUGETLB");
	fd = memfd("x", MFD_HUGETLB);
	if (!has_hugetlbfs())
		CHECK(fd == -ENOSYS, "MFD_HUGETLB without hugetlbfs: %ld", fd);
	else if (fd >= 0)
		close(fd);
	CHECK(memfd(NULL, 0) == -EFAULT, "NULL name");
	CHECK(memfd((char *)1, 0) == -EFAULT, "bad name");
	memset(name, 'a', sizeof(name));
	name[249] = 0;
	fd = memfd(name, 0);
	CHECK(fd >= 0, "249-byte name: %ld", fd);
	if (fd >= 0)
		close(fd);
	name[249] = 'a';
	name[250] = 0;
	CHECK(memfd(name, 0) == -EINVAL, "250-byte name");
	name[299] = 0;
	CHECK(memfd(name, 0) == -EINVAL, "299-byte name");
}

static void test_file(void)
{
	char path[64], link[128];
	struct stat st;
	long fd = memfd("test", MFD_CLOEXEC), n;
	char *p;

	CHECK(fd >= 0, "memfd_create: %ld", fd);
	if (fd < 0)
		return;
	snprintf(path, sizeof(path), "/proc/self/fd/%ld", fd);
	n = readlink(path, link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = 0;
	CHECK(!strcmp(link, "/memfd:test (deleted)"), "fd link '%s'", link);
	CHECK(fcntl(fd, F_GETFL) == (O_RDWR | 0100000), "F_GETFL %#x", fcntl(fd, F_GETFL));
	CHECK(fcntl(fd, F_GETFD) == FD_CLOEXEC, "MFD_CLOEXEC");
	CHECK(fstat(fd, &st) == 0 && st.st_mode == (S_IFREG | 0777) && st.st_nlink == 0 &&
	      st.st_size == 0, "mode %o nlink %ld size %ld", st.st_mode, (long)st.st_nlink,
	      (long)st.st_size);
	CHECK(fcntl(fd, F_GET_SEALS) == F_SEAL_SEAL, "sealed: %d", fcntl(fd, F_GET_SEALS));
	CHECK(RAW(SYS_fcntl, fd, F_ADD_SEALS, F_SEAL_SHRINK) == -EPERM, "add to sealed");
	CHECK(write(fd, "hello", 5) == 5 && pread(fd, link, 5, 0) == 5 &&
	      !memcmp(link, "hello", 5), "write, pread");
	p = mmap(NULL, P, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(p != MAP_FAILED && maps_has(p, "/memfd:test (deleted)"), "maps name");
	if (p != MAP_FAILED) {
		CHECK(!memcmp(p, "hello", 5), "mapped contents");
		munmap(p, P);
	}
	close(fd);
	fd = memfd("", 0);
	CHECK(fd >= 0 && fcntl(fd, F_GETFD) == 0, "empty name, no cloexec");
	snprintf(path, sizeof(path), "/proc/self/fd/%ld", fd);
	n = readlink(path, link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = 0;
	CHECK(!strcmp(link, "/memfd: (deleted)"), "fd link '%s'", link);
	close(fd);
}

static void test_seal_errors(void)
{
	long fd = memfd("seals", MFD_ALLOW_SEALING);
	int pfd[2];

	CHECK(fd >= 0, "memfd_create");
	CHECK(fcntl(fd, F_GET_SEALS) == 0, "no seals: %d", fcntl(fd, F_GET_SEALS));
	CHECK(RAW(SYS_fcntl, fd, F_ADD_SEALS, 0x40) == -EINVAL, "unknown seal");
	/* fcntl takes the seals as an unsigned int (Linux since 6.x) */
	CHECK(RAW(SYS_fcntl, fd, F_ADD_SEALS, 1UL << 32) == 0 &&
	      fcntl(fd, F_GET_SEALS) == 0, "bits above 32 are dropped");
	CHECK(RAW(SYS_fcntl, fd, F_ADD_SEALS, 0) == 0, "no seal");
	CHECK(RAW(SYS_fcntl, fd, F_ADD_SEALS, F_SEAL_SHRINK) == 0, "shrink");
	CHECK(RAW(SYS_fcntl, fd, F_ADD_SEALS, F_SEAL_SHRINK) == 0, "shrink again");
	CHECK(fcntl(fd, F_GET_SEALS) == F_SEAL_SHRINK, "shrink sealed");
	CHECK(RAW(SYS_fcntl, fd, F_ADD_SEALS, F_SEAL_SEAL) == 0, "seal");
	CHECK(fcntl(fd, F_GET_SEALS) == (F_SEAL_SEAL | F_SEAL_SHRINK), "sealed");
	CHECK(RAW(SYS_fcntl, fd, F_ADD_SEALS, F_SEAL_GROW) == -EPERM, "grow after seal");
	CHECK(RAW(SYS_fcntl, fd, F_ADD_SEALS, 0) == -EPERM, "nothing after seal");
	close(fd);
	CHECK(RAW(SYS_fcntl, fd, F_GET_SEALS) == -EBADF, "closed fd");
	CHECK(pipe(pfd) == 0, "pipe");
	CHECK(RAW(SYS_fcntl, pfd[0], F_GET_SEALS) == -EINVAL, "pipe has no seals");
	CHECK(RAW(SYS_fcntl, pfd[0], F_ADD_SEALS, F_SEAL_SEAL) == -EPERM, "read end: EPERM");
	CHECK(RAW(SYS_fcntl, pfd[1], F_ADD_SEALS, F_SEAL_SEAL) == -EINVAL, "write end: EINVAL");
	close(pfd[0]);
	close(pfd[1]);
	fd = open("/proc/self/status", O_RDONLY);
	CHECK(RAW(SYS_fcntl, fd, F_GET_SEALS) == -EINVAL, "proc file has no seals");
	close(fd);
	/* an O_PATH fd has only its own flags: EBADF before any seal check */
	fd = open("/proc/self/status", O_PATH);
	CHECK(RAW(SYS_fcntl, fd, F_GET_SEALS) == -EBADF, "O_PATH get");
	CHECK(RAW(SYS_fcntl, fd, F_ADD_SEALS, F_SEAL_SEAL) == -EBADF, "O_PATH add");
	CHECK(RAW(SYS_fcntl, fd, F_SETFL, O_NONBLOCK) == -EBADF, "O_PATH F_SETFL");
	CHECK(fcntl(fd, F_GETFD) >= 0 && (fcntl(fd, F_GETFL) & O_PATH), "O_PATH F_GETFL");
	close(fd);
}

/* test_tmpfs_file - an ordinary tmpfs file is sealed with F_SEAL_SEAL
 * for good; its directory has no seals. */
static void test_tmpfs_file(void)
{
	char dir[64], file[80];
	int fd, dfd;

	snprintf(dir, sizeof(dir), "memfd.%d", getpid());
	snprintf(file, sizeof(file), "%s/f", dir);
	CHECK(mkdir(dir, 0700) == 0, "mkdir");
	CHECK(mount("none", dir, "tmpfs", 0, NULL) == 0, "mount tmpfs: %d", errno);
	fd = open(file, O_RDWR | O_CREAT, 0600);
	CHECK(fd >= 0, "create");
	CHECK(fcntl(fd, F_GET_SEALS) == F_SEAL_SEAL, "tmpfs file: %d", fcntl(fd, F_GET_SEALS));
	CHECK(RAW(SYS_fcntl, fd, F_ADD_SEALS, F_SEAL_WRITE) == -EPERM, "tmpfs file add");
	close(fd);
	dfd = open(dir, O_RDONLY | O_DIRECTORY);
	CHECK(RAW(SYS_fcntl, dfd, F_GET_SEALS) == -EINVAL, "tmpfs dir: %ld",
	      RAW(SYS_fcntl, dfd, F_GET_SEALS));
	close(dfd);
	unlink(file);
	CHECK(umount(dir) == 0, "umount");
	rmdir(dir);
}

static void test_shrink_grow(void)
{
	char buf[P];
	long fd = memfd("size", MFD_ALLOW_SEALING);

	memset(buf, 'x', sizeof(buf));
	CHECK(ftruncate(fd, 2 * P) == 0, "size 8K");
	CHECK(RAW(SYS_fcntl, fd, F_ADD_SEALS, F_SEAL_SHRINK) == 0, "shrink seal");
	CHECK(RAW(SYS_ftruncate, fd, P) == -EPERM, "shrink");
	CHECK(RAW(SYS_ftruncate, fd, 2 * P) == 0, "same size");
	CHECK(RAW(SYS_ftruncate, fd, 3 * P) == 0, "grow");
	CHECK(RAW(SYS_fcntl, fd, F_ADD_SEALS, F_SEAL_GROW) == 0, "grow seal");
	CHECK(RAW(SYS_ftruncate, fd, 4 * P) == -EPERM, "grow sealed");
	CHECK(RAW(SYS_fallocate, fd, 0, 0L, 4 * P) == -EPERM, "fallocate past the end");
	CHECK(RAW(SYS_fallocate, fd, 0, 0L, 3 * P) == 0, "fallocate inside");
	CHECK(RAW(SYS_pwrite64, fd, buf, P, 0L) == P, "write inside");
	CHECK(RAW(SYS_pwrite64, fd, buf, 10, 3 * P) == -EPERM, "write at the end");
	CHECK(RAW(SYS_pwrite64, fd, buf, P, 5 * P) == -EPERM, "write past the end");
	CHECK(lseek(fd, 0, SEEK_END) == 3 * P, "size stays");
	close(fd);
}

/* child_holds - fork a child that keeps its copy of our mappings until
 * it reads a byte from @rfd; returns its pid. */
static pid_t child_holds(int rfd)
{
	pid_t pid = fork();
	char c;

	if (pid == 0) {
		_exit(read(rfd, &c, 1) == 1 ? 0 : 1);
	}
	return pid;
}

static void test_seal_write(void)
{
	long fd = memfd("write", MFD_ALLOW_SEALING);
	char *w, *r, *q, buf[8];
	int pfd[2], status;
	pid_t pid;

	CHECK(ftruncate(fd, 4 * P) == 0 && pwrite(fd, "abc", 3, 0) == 3, "contents");
	w = mmap(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(w != MAP_FAILED, "shared writable map");
	CHECK(RAW(SYS_fcntl, fd, F_ADD_SEALS, F_SEAL_WRITE) == -EBUSY, "EBUSY while mapped");
	/* split it, and unmap the pieces: the count goes with each */
	CHECK(mprotect(w + P, P, PROT_READ) == 0, "split");
	CHECK(munmap(w, P) == 0, "unmap first piece");
	CHECK(RAW(SYS_fcntl, fd, F_ADD_SEALS, F_SEAL_WRITE) == -EBUSY, "EBUSY, pieces left");
	/* a read-only shared mapping may become writable: it counts too */
	CHECK(munmap(w + P, 3 * P) == 0, "unmap the rest");
	r = mmap(NULL, P, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(RAW(SYS_fcntl, fd, F_ADD_SEALS, F_SEAL_WRITE) == -EBUSY, "EBUSY, read-only");
	munmap(r, P);
	/* a fork's child holds the parent's mapping */
	w = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(pipe(pfd) == 0, "pipe");
	pid = child_holds(pfd[0]);
	munmap(w, P);
	CHECK(RAW(SYS_fcntl, fd, F_ADD_SEALS, F_SEAL_WRITE) == -EBUSY, "EBUSY, the child's");
	CHECK(write(pfd[1], "x", 1) == 1, "let the child go");
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child");
	close(pfd[0]);
	close(pfd[1]);
	/* a private mapping is not the file's business */
	q = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(RAW(SYS_fcntl, fd, F_ADD_SEALS, F_SEAL_WRITE) == 0, "sealed against writes");
	CHECK(fcntl(fd, F_GET_SEALS) == F_SEAL_WRITE, "F_SEAL_WRITE");
	CHECK(RAW(SYS_write, fd, "z", 1) == -EPERM, "write");
	CHECK(RAW(SYS_pwrite64, fd, "z", 1, 2 * P) == -EPERM, "pwrite");
	CHECK(mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED &&
	      errno == EPERM, "shared writable map");
	r = mmap(NULL, P, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(r != MAP_FAILED, "shared read-only map");
	CHECK(mprotect(r, P, PROT_READ | PROT_WRITE) == -1 && errno == EACCES,
	      "mprotect writable: %d", errno);
	CHECK(r[0] == 'a', "read the sealed contents");
	munmap(r, P);
	q[0] = 'Q';	/* the private copy */
	CHECK(pread(fd, buf, 3, 0) == 3 && !memcmp(buf, "abc", 3), "file unchanged");
	munmap(q, P);
	CHECK(ftruncate(fd, 8 * P) == 0, "grow without F_SEAL_GROW");
	CHECK(RAW(SYS_fallocate, fd, 0, 0L, 8 * P) == 0, "fallocate inside");
	CHECK(ftruncate(fd, P) == 0, "shrink without F_SEAL_SHRINK");
	close(fd);
}

static void test_seal_future_write(void)
{
	long fd = memfd("future", MFD_ALLOW_SEALING);
	char *w, *r, buf[4];

	CHECK(ftruncate(fd, P) == 0, "size");
	w = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(RAW(SYS_fcntl, fd, F_ADD_SEALS, F_SEAL_FUTURE_WRITE) == 0, "future write");
	w[0] = 'W';	/* a mapping made before stays writable */
	CHECK(pread(fd, buf, 1, 0) == 1 && buf[0] == 'W', "old mapping writes");
	CHECK(RAW(SYS_pwrite64, fd, "z", 1, 0L) == -EPERM, "pwrite");
	CHECK(mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED &&
	      errno == EPERM, "new shared writable map");
	r = mmap(NULL, P, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(r != MAP_FAILED && r[0] == 'W', "shared read-only map");
	CHECK(mprotect(r, P, PROT_WRITE) == -1 && errno == EACCES, "mprotect writable");
	munmap(r, P);
	munmap(w, P);
	close(fd);
}

/* test_sharing - the pages are one object: through the fd and a shared
 * mapping in a child, and they come back when the last fd and mapping
 * go. */
static void test_sharing(void)
{
	long fd = memfd("share", 0), before, during, after;
	int status;
	char buf[4];
	pid_t pid;
	char *p;

	CHECK(ftruncate(fd, 32 * P) == 0, "size");
	p = mmap(NULL, 32 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(p != MAP_FAILED, "map");
	before = t_free_pages();
	for (int i = 0; i < 32; i++)
		p[i * P] = 'a' + i % 26;
	during = t_free_pages();
	pid = fork();
	if (pid == 0) {
		char c;
		int ok = pread(fd, &c, 1, P) == 1 && c == 'b';

		p[0] = 'C';		/* through its inherited mapping */
		ok = ok && pwrite(fd, "D", 1, 2 * P) == 1;
		_exit(ok ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child read");
	CHECK(p[0] == 'C' && p[2 * P] == 'D', "the child's stores");
	close(fd);	/* the mapping keeps the file */
	CHECK(p[P] == 'b' && pread(fd, buf, 1, 0) == -1, "mapping outlives the fd");
	munmap(p, 32 * P);
	after = t_free_pages();
	if (before >= 0)
		CHECK(during <= before - 32 && after >= during + 32,
		      "pages back: before %ld during %ld after %ld", before, during, after);
}

int main(void)
{
	test_create_errors();
	test_file();
	test_seal_errors();
	test_tmpfs_file();
	test_shrink_grow();
	test_seal_write();
	test_seal_future_write();
	test_sharing();
	return t_done("memfd");
}
