/* SPDX-License-Identifier: GPL-2.0 */
/* fallocate(FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE) on a tmpfs file
 * mapped shared in two processes: the whole pages inside leave the
 * cache and both mappings (which then read zeros), the parts of the
 * edge pages inside are zeroed, st_blocks drops, the size stays, and a
 * private mapping's own copy of a punched page stays. Then KEEP_SIZE
 * allocation, and vfs_fallocate()'s errors in Linux's order. */
#include "t.h"
#include <fcntl.h>
#include <limits.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>

/* Linux's values (uapi/linux/falloc.h), for a libc without them */
#ifndef FALLOC_FL_NO_HIDE_STALE
#define FALLOC_FL_NO_HIDE_STALE		0x04
#endif
#ifndef FALLOC_FL_COLLAPSE_RANGE
#define FALLOC_FL_COLLAPSE_RANGE	0x08
#endif
#ifndef FALLOC_FL_ZERO_RANGE
#define FALLOC_FL_ZERO_RANGE		0x10
#endif

/* all_are - whether [p, p + n) holds only @c. */
static int all_are(const char *p, long n, char c)
{
	for (long i = 0; i < n; i++)
		if (p[i] != c)
			return 0;
	return 1;
}

/* hole_as_seen - whether @m (4 pages of the file, mapped) shows the
 * hole [pg + 100, 3 * pg + 50) punched into pages 'A'..'D'. */
static int hole_as_seen(const char *m, long pg)
{
	return all_are(m, pg, 'A') && all_are(m + pg, 100, 'B') &&
	       all_are(m + pg + 100, 2 * pg - 100 + 50, 0) &&
	       all_are(m + 3 * pg + 50, pg - 50, 'D');
}

static long blocks(int fd)
{
	struct stat st;

	return fstat(fd, &st) ? -1 : (long)st.st_blocks;
}

/* errors - Linux's order: EINVAL, EOPNOTSUPP (mode), EBADF, ESPIPE,
 * EISDIR, EFBIG, then the file system's EOPNOTSUPP. */
static void errors(const char *dir, const char *name, int fd)
{
	int ro = open(name, O_RDONLY), d = open(dir, O_RDONLY | O_DIRECTORY), p[2];
	const int ph = FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE;

	CHECK(fallocate(fd, ph, 0, 0) == -1 && errno == EINVAL, "len 0: %d", errno);
	CHECK(fallocate(fd, ph, -1, 10) == -1 && errno == EINVAL, "offset < 0: %d", errno);
	CHECK(fallocate(fd, FALLOC_FL_PUNCH_HOLE, 0, 10) == -1 && errno == EOPNOTSUPP,
	      "PUNCH_HOLE without KEEP_SIZE: %d", errno);
	CHECK(fallocate(ro, FALLOC_FL_PUNCH_HOLE, 0, 10) == -1 && errno == EOPNOTSUPP,
	      "the mode is checked before the fd's access: %d", errno);
	CHECK(fallocate(fd, ph | FALLOC_FL_ZERO_RANGE, 0, 10) == -1 && errno == EOPNOTSUPP,
	      "two modes: %d", errno);
	CHECK(fallocate(fd, FALLOC_FL_NO_HIDE_STALE, 0, 10) == -1 && errno == EOPNOTSUPP,
	      "an unknown bit: %d", errno);
	CHECK(fallocate(fd, FALLOC_FL_COLLAPSE_RANGE | FALLOC_FL_KEEP_SIZE, 0, 4096) == -1 &&
	      errno == EOPNOTSUPP, "COLLAPSE_RANGE with KEEP_SIZE: %d", errno);
	CHECK(fallocate(ro, ph, 0, 10) == -1 && errno == EBADF, "read-only fd: %d", errno);
	CHECK(fallocate(d, ph, 0, 10) == -1 && errno == EBADF, "a directory (read-only): %d",
	      errno);
	CHECK(pipe(p) == 0, "pipe");
	CHECK(fallocate(p[1], ph, 0, 10) == -1 && errno == ESPIPE, "a pipe: %d", errno);
	close(p[0]);
	close(p[1]);
	CHECK(fallocate(fd, ph, LLONG_MAX - 10, 100) == -1 && errno == EFBIG, "wraps: %d", errno);
	CHECK(fallocate(fd, FALLOC_FL_ZERO_RANGE, 0, 10) == -1 && errno == EOPNOTSUPP,
	      "tmpfs has no ZERO_RANGE: %d", errno);
	CHECK(fallocate(fd, FALLOC_FL_COLLAPSE_RANGE, 0, 4096) == -1 && errno == EOPNOTSUPP,
	      "nor COLLAPSE_RANGE: %d", errno);
	close(ro);
	close(d);
}

/* ramfs_refuses - Linux's ramfs has no fallocate: a hole cannot be
 * punched there (-EOPNOTSUPP). */
static void ramfs_refuses(const char *dir)
{
	char sub[128], name[160];
	int fd;

	snprintf(sub, sizeof(sub), "%s/ram", dir);
	snprintf(name, sizeof(name), "%s/f", sub);
	CHECK(mkdir(sub, 0700) == 0 && mount("ramfs", sub, "ramfs", 0, NULL) == 0,
	      "mount ramfs: %s", strerror(errno));
	fd = open(name, O_CREAT | O_RDWR, 0600);
	CHECK(fd >= 0 && write(fd, "x", 1) == 1, "ramfs file");
	CHECK(fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, 1) == -1 &&
	      errno == EOPNOTSUPP, "ramfs: %d", errno);
	close(fd);
	CHECK(unlink(name) == 0 && umount(sub) == 0 && rmdir(sub) == 0, "ramfs away");
}

int main(void)
{
	char dir[64], name[96], buf[4096], c;
	long pg = sysconf(_SC_PAGESIZE);
	int ready[2], go[2], fd, status;
	struct stat st;
	char *s, *p;
	pid_t pid;

	snprintf(dir, sizeof(dir), "punch_hole.%d", getpid());
	snprintf(name, sizeof(name), "%s/f", dir);
	CHECK(mkdir(dir, 0700) == 0, "mkdir");
	CHECK(mount("tmpfs", dir, "tmpfs", 0, NULL) == 0, "mount tmpfs: %s", strerror(errno));
	fd = open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
	CHECK(fd >= 0, "create");
	for (int i = 0; i < 4; i++) {
		memset(buf, 'A' + i, sizeof(buf));
		CHECK(write(fd, buf, pg) == pg, "write page %d", i);
	}
	CHECK(blocks(fd) == 4 * pg / 512, "4 pages: %ld blocks", blocks(fd));
	s = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	p = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(s != MAP_FAILED && p != MAP_FAILED, "map");
	CHECK(s[2 * pg] == 'C' && p[3 * pg] == 'D', "read through both");
	p[2 * pg] = 'x';	/* a private copy of a page about to be punched */

	CHECK(pipe(ready) == 0 && pipe(go) == 0, "pipes");
	pid = fork();
	if (pid == 0) {
		t_failed = 0;	/* the child's own count is its status */
		char *own = mmap(NULL, 4 * pg, PROT_READ, MAP_SHARED, fd, 0);

		CHECK(own != MAP_FAILED && own[2 * pg] == 'C' && s[pg + 200] == 'B', "child maps");
		CHECK(write(ready[1], "r", 1) == 1 && read(go[0], &c, 1) == 1, "handshake");
		CHECK(hole_as_seen(own, pg), "child's own mapping reads the hole");
		CHECK(hole_as_seen(s, pg), "child's inherited mapping reads the hole");
		CHECK(p[2 * pg] == 'x', "child's copy of the private page stays");
		fflush(stdout);
		_exit(t_failed);
	}
	CHECK(read(ready[0], &c, 1) == 1, "child ready");
	CHECK(fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, pg + 100,
			2 * pg - 50) == 0, "punch [pg + 100, 3 pg + 50): %s", strerror(errno));
	CHECK(fstat(fd, &st) == 0 && st.st_size == 4 * pg, "the size stays: %ld",
	      (long)st.st_size);
	CHECK(st.st_blocks == 3 * pg / 512, "one whole page gone: %ld blocks", (long)st.st_blocks);
	CHECK(write(go[1], "g", 1) == 1, "tell the child");
	CHECK(hole_as_seen(s, pg), "the shared mapping reads the hole");
	CHECK(pread(fd, buf, pg, 2 * pg) == pg && all_are(buf, pg, 0), "read(2) reads zeros");
	CHECK(p[2 * pg] == 'x', "a private copy of a punched page stays (Linux keeps COWs)");
	CHECK(all_are(p + 3 * pg, 50, 0) && p[3 * pg + 50] == 'D',
	      "the private mapping shares the zeroed edge page");
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "child saw the hole: %#x", status);
	s[2 * pg] = 'n';	/* the hole fills again */
	CHECK(pread(fd, buf, 1, 2 * pg) == 1 && buf[0] == 'n' && blocks(fd) == 4 * pg / 512,
	      "a store fills the hole: %ld blocks", blocks(fd));

	/* within one page: zeros, no block freed */
	CHECK(fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 10, 20) == 0,
	      "punch inside a page");
	CHECK(all_are(s, 10, 'A') && all_are(s + 10, 20, 0) && s[30] == 'A' &&
	      blocks(fd) == 4 * pg / 512, "a partial page is zeroed in place");
	/* past the end: nothing there, no error */
	CHECK(fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 8 * pg, pg) == 0,
	      "punch past the end");
	/* KEEP_SIZE allocation: blocks but no size; then punched away */
	CHECK(fallocate(fd, FALLOC_FL_KEEP_SIZE, 4 * pg, 2 * pg) == 0 &&
	      fstat(fd, &st) == 0 && st.st_size == 4 * pg && st.st_blocks == 6 * pg / 512,
	      "KEEP_SIZE allocates past the end: size %ld blocks %ld", (long)st.st_size,
	      (long)st.st_blocks);
	CHECK(fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, 6 * pg) == 0 &&
	      blocks(fd) == 0, "punch it all: %ld blocks", blocks(fd));
	CHECK(all_are(s, 4 * pg, 0), "all zeros");

	errors(dir, name, fd);
	ramfs_refuses(dir);
	CHECK(munmap(s, 4 * pg) == 0 && munmap(p, 4 * pg) == 0, "unmap");
	close(fd);
	CHECK(unlink(name) == 0, "unlink");
	CHECK(umount(dir) == 0, "umount: %s", strerror(errno));
	CHECK(rmdir(dir) == 0, "rmdir");
	return t_done("punch_hole");
}
