/* SPDX-License-Identifier: GPL-2.0 */
/* madvise(MADV_REMOVE) punches a hole in the tmpfs file behind a shared
 * writable mapping: the pages leave the file and every mapping (a
 * child's too), read(2) and the mappings read zeros, st_blocks drops;
 * shared anonymous memory is a tmpfs object and works the same. Linux's
 * errors: EINVAL for a locked VMA or anonymous memory, EACCES for a
 * private mapping or a file not open for writing, EOPNOTSUPP on ramfs,
 * ENOMEM for a hole in the range (after the rest is removed). And
 * MADV_DONTNEED of a shared mapping only unmaps: the data stays in the
 * file, and the next touch sees it again. */
#include "t.h"
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>

#ifndef MADV_REMOVE
#define MADV_REMOVE 9
#endif

/* all_are - whether [p, p + n) holds only @c. */
static int all_are(const char *p, long n, char c)
{
	for (long i = 0; i < n; i++)
		if (p[i] != c)
			return 0;
	return 1;
}

static long blocks(int fd)
{
	struct stat st;

	return fstat(fd, &st) ? -1 : (long)st.st_blocks;
}

/* file_remove - a 3-page tmpfs file mapped shared here and in a child:
 * MADV_REMOVE of the middle page is seen by both. */
static void file_remove(const char *name, long pg)
{
	int fd = open(name, O_CREAT | O_EXCL | O_RDWR, 0600), ready[2], go[2], status;
	char buf[4096], c;
	char *s;
	pid_t pid;

	CHECK(fd >= 0, "create");
	for (int i = 0; i < 3; i++) {
		memset(buf, 'A' + i, sizeof(buf));
		CHECK(write(fd, buf, pg) == pg, "write page %d", i);
	}
	s = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(s != MAP_FAILED && s[pg] == 'B', "map shared");
	CHECK(pipe(ready) == 0 && pipe(go) == 0, "pipes");
	pid = fork();
	if (pid == 0) {
		t_failed = 0;	/* the child's own count is its status */
		CHECK(s[pg + 1] == 'B', "child reads");
		CHECK(write(ready[1], "r", 1) == 1 && read(go[0], &c, 1) == 1, "handshake");
		CHECK(all_are(s + pg, pg, 0) && s[0] == 'A' && s[2 * pg] == 'C',
		      "child reads the hole");
		fflush(stdout);
		_exit(t_failed);
	}
	CHECK(read(ready[0], &c, 1) == 1, "child ready");
	CHECK(madvise(s + pg, pg, MADV_REMOVE) == 0, "MADV_REMOVE: %s", strerror(errno));
	CHECK(blocks(fd) == 2 * pg / 512, "a page gone: %ld blocks", blocks(fd));
	CHECK(write(go[1], "g", 1) == 1, "tell the child");
	CHECK(pread(fd, buf, pg, pg) == pg && all_are(buf, pg, 0), "read(2) reads zeros");
	CHECK(all_are(s + pg, pg, 0) && all_are(s, pg, 'A'), "the mapping reads zeros");
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && !WEXITSTATUS(status),
	      "child: %#x", status);

	/* a shared mapping of the file's second half: offset is the VMA's */
	CHECK(munmap(s, 3 * pg) == 0, "unmap");
	s = mmap(NULL, pg, PROT_READ, MAP_SHARED, fd, 2 * pg);
	CHECK(s != MAP_FAILED && s[0] == 'C', "map page 2 read-only");
	CHECK(madvise(s, pg, MADV_REMOVE) == 0 && blocks(fd) == 2 * pg / 512,
	      "PROT_READ of a file open for writing may remove: %s, %ld blocks",
	      strerror(errno), blocks(fd));
	CHECK(s[0] == 0, "and reads zeros");
	CHECK(munmap(s, pg) == 0, "unmap");
	close(fd);
	CHECK(unlink(name) == 0, "unlink");
}

/* anon_remove - shared anonymous memory is a tmpfs object. */
static void anon_remove(long pg)
{
	char *a = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int status;
	pid_t pid;

	CHECK(a != MAP_FAILED, "shared anonymous");
	memset(a, 'S', 2 * pg);
	pid = fork();
	if (pid == 0) {
		t_failed = 0;	/* the child's own count is its status */
		CHECK(madvise(a, pg, MADV_REMOVE) == 0, "child removes: %s", strerror(errno));
		fflush(stdout);
		_exit(t_failed);
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && !WEXITSTATUS(status),
	      "child: %#x", status);
	CHECK(all_are(a, pg, 0) && all_are(a + pg, pg, 'S'), "the parent sees the hole");
	CHECK(munmap(a, 2 * pg) == 0, "unmap");
}

/* dontneed_keeps - MADV_DONTNEED of a shared mapping drops the PTEs,
 * not the data. */
static void dontneed_keeps(const char *name, long pg)
{
	int fd = open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
	char *s, *t, buf[8];

	CHECK(fd >= 0 && ftruncate(fd, 2 * pg) == 0, "create");
	s = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	t = mmap(NULL, 2 * pg, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(s != MAP_FAILED && t != MAP_FAILED, "map twice");
	memcpy(s + pg, "kept", 5);
	CHECK(t[pg] == 'k', "the other mapping sees the store");
	CHECK(madvise(s, 2 * pg, MADV_DONTNEED) == 0, "MADV_DONTNEED");
	CHECK(!strcmp(s + pg, "kept"), "the data comes back through the mapping");
	CHECK(pread(fd, buf, 5, pg) == 5 && !strcmp(buf, "kept"), "and through read(2)");
	CHECK(blocks(fd) == pg / 512, "still one page: %ld blocks", blocks(fd));
	CHECK(munmap(s, 2 * pg) == 0 && munmap(t, 2 * pg) == 0, "unmap");
	close(fd);
	CHECK(unlink(name) == 0, "unlink");
}

/* errors - Linux's madvise_remove() refusals. */
static void errors(const char *dir, const char *name, long pg)
{
	int fd = open(name, O_CREAT | O_EXCL | O_RDWR, 0600), ro;
	char sub[128], rname[160], *m, *a;

	CHECK(fd >= 0 && ftruncate(fd, 4 * pg) == 0, "create");
	ro = open(name, O_RDONLY);
	m = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(madvise(m, pg, MADV_REMOVE) == -1 && errno == EACCES, "private: %d", errno);
	munmap(m, pg);
	m = mmap(NULL, pg, PROT_READ, MAP_SHARED, ro, 0);
	CHECK(m != MAP_FAILED && madvise(m, pg, MADV_REMOVE) == -1 && errno == EACCES,
	      "shared, file not open for writing: %d", errno);
	munmap(m, pg);
	a = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(madvise(a, pg, MADV_REMOVE) == -1 && errno == EINVAL, "anonymous: %d", errno);
	munmap(a, pg);
	m = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(madvise(m + 1, pg, MADV_REMOVE) == -1 && errno == EINVAL, "unaligned: %d", errno);
	if (t_has_cap(14)) {	/* CAP_IPC_LOCK: root in a sandbox may lack it */
		CHECK(mlock(m, pg) == 0, "mlock");
		CHECK(madvise(m, pg, MADV_REMOVE) == -1 && errno == EINVAL, "locked: %d", errno);
		munlock(m, pg);
	}
	munmap(m, pg);

	/* a hole in the range: the mapped parts are removed, then ENOMEM */
	m = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	memset(m, 'h', 3 * pg);
	CHECK(munmap(m + pg, pg) == 0, "a hole in the middle");
	CHECK(madvise(m, 3 * pg, MADV_REMOVE) == -1 && errno == ENOMEM, "hole: %d", errno);
	CHECK(m[0] == 0 && m[2 * pg] == 0, "both sides removed");
	munmap(m, 3 * pg);
	close(ro);
	close(fd);
	CHECK(unlink(name) == 0, "unlink");

	snprintf(sub, sizeof(sub), "%s/ram", dir);
	snprintf(rname, sizeof(rname), "%s/f", sub);
	CHECK(mkdir(sub, 0700) == 0 && mount("ramfs", sub, "ramfs", 0, NULL) == 0, "ramfs");
	fd = open(rname, O_CREAT | O_RDWR, 0600);
	CHECK(fd >= 0 && ftruncate(fd, pg) == 0, "ramfs file");
	m = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(m != MAP_FAILED && madvise(m, pg, MADV_REMOVE) == -1 && errno == EOPNOTSUPP,
	      "ramfs cannot punch: %d", errno);
	munmap(m, pg);
	close(fd);
	CHECK(unlink(rname) == 0 && umount(sub) == 0 && rmdir(sub) == 0, "ramfs away");
}

int main(void)
{
	char dir[64], name[96];
	long pg = sysconf(_SC_PAGESIZE);

	snprintf(dir, sizeof(dir), "madvise_remove.%d", getpid());
	snprintf(name, sizeof(name), "%s/f", dir);
	CHECK(mkdir(dir, 0700) == 0, "mkdir");
	CHECK(mount("tmpfs", dir, "tmpfs", 0, NULL) == 0, "mount tmpfs: %s", strerror(errno));
	file_remove(name, pg);
	anon_remove(pg);
	dontneed_keeps(name, pg);
	errors(dir, name, pg);
	CHECK(umount(dir) == 0, "umount: %s", strerror(errno));
	CHECK(rmdir(dir) == 0, "rmdir");
	return t_done("madvise_remove");
}
