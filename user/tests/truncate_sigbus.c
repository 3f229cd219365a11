/* SPDX-License-Identifier: GPL-2.0 */
/* Truncating a mapped tmpfs file unmaps what lies past the new end from
 * every mapping (the reverse map): in the truncating process and in a
 * child that maps it, shared and private (a private mapping's own
 * copies too), so the next access there is SIGBUS with BUS_ADRERR and
 * si_addr the faulting byte; the tail of the last page reads zeros;
 * growing the file again makes the range readable as zeros, through
 * read(2) and every mapping, with no data from before the cut. */
#include "t.h"
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>

static sigjmp_buf env;
static volatile int bus_code;
static void *volatile bus_addr;

static void on_bus(int sig, siginfo_t *si, void *uc)
{
	bus_code = si->si_code;
	bus_addr = si->si_addr;
	siglongjmp(env, 1);
}

/* probe - read (or, if @write, store to) @p; 0 if it worked, else the
 * SIGBUS si_code, with its si_addr in bus_addr. Only volatile state
 * crosses the jump. */
static int probe(char *p, int write)
{
	bus_code = 0;
	bus_addr = NULL;
	if (!sigsetjmp(env, 1)) {
		if (write)
			*(volatile char *)p = 'w';
		else
			(void)*(volatile char *)p;
		return 0;
	}
	return bus_code;
}

/* all_are - whether [p, p + n) holds only @c. */
static int all_are(const char *p, long n, char c)
{
	for (long i = 0; i < n; i++)
		if (p[i] != c)
			return 0;
	return 1;
}

/* child - map the file shared on its own, use the inherited mappings
 * too, tell the parent, wait for the truncate, then check what a
 * process that did not truncate sees. Exit status: failed checks. */
static int child(int fd, char *s, char *p, long pg, int ready, int go)
{
	char *own = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	char c;
	int code;

	t_failed = 0;	/* the child's own count is its status */
	CHECK(own != MAP_FAILED, "child maps the file");
	CHECK(own[pg] == 'B' && s[2 * pg] == 'C' && p[pg] == 'B', "child reads all");
	own[pg + 1] = 'b';	/* a dirty shared PTE in another mm */
	CHECK(write(ready, "r", 1) == 1 && read(go, &c, 1) == 1, "handshake");
	code = probe(own + pg + 77, 0);
	CHECK(code == BUS_ADRERR && bus_addr == own + pg + 77,
	      "child's own map past the end: code %d addr %p want %p", code, bus_addr,
	      own + pg + 77);
	code = probe(s + 2 * pg, 1);
	CHECK(code == BUS_ADRERR && bus_addr == s + 2 * pg,
	      "inherited shared map: code %d addr %p", code, bus_addr);
	code = probe(p + 2 * pg + 5, 0);
	CHECK(code == BUS_ADRERR && bus_addr == p + 2 * pg + 5,
	      "inherited private map (its own copy too): code %d", code);
	CHECK(all_are(own, pg / 2, 'A') && all_are(own + pg / 2, pg / 2, 0),
	      "child: the last page's tail reads zeros");
	fflush(stdout);
	return t_failed;
}

int main(void)
{
	struct sigaction sa = { .sa_sigaction = on_bus, .sa_flags = SA_SIGINFO };
	char dir[64], name[96], buf[4096];
	long pg = sysconf(_SC_PAGESIZE);
	int ready[2], go[2], fd, status, code;
	struct stat st;
	char *s, *p, *split, *moved, *hold;
	pid_t pid;

	sigaction(SIGBUS, &sa, NULL);
	snprintf(dir, sizeof(dir), "truncate_sigbus.%d", getpid());
	snprintf(name, sizeof(name), "%s/f", dir);
	CHECK(mkdir(dir, 0700) == 0, "mkdir");
	CHECK(mount("tmpfs", dir, "tmpfs", 0, NULL) == 0, "mount tmpfs: %s", strerror(errno));
	fd = open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
	CHECK(fd >= 0, "create");
	for (int i = 0; i < 3; i++) {
		memset(buf, 'A' + i, sizeof(buf));
		CHECK(write(fd, buf, pg) == pg, "write page %d", i);
	}
	s = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	p = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(s != MAP_FAILED && p != MAP_FAILED, "map shared and private");
	CHECK(s[0] == 'A' && s[pg] == 'B' && s[2 * pg] == 'C' && p[pg] == 'B', "read through both");
	p[2 * pg] = 'c';	/* a private copy of the last page */
	CHECK(s[2 * pg] == 'C', "the copy is private");
	/* a mapping split by mprotect, and one moved by mremap: the reverse
	 * map must know each part where it is now */
	split = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(split != MAP_FAILED && mprotect(split + pg, pg, PROT_READ) == 0, "split");
	CHECK(split[pg] == 'B' && split[2 * pg] == 'C', "read the parts");
	hold = mmap(NULL, 4 * pg, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	moved = mmap(NULL, 2 * pg, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(hold != MAP_FAILED && moved != MAP_FAILED && moved[pg] == 'B', "map to move");
	moved = mremap(moved, 2 * pg, 3 * pg, MREMAP_MAYMOVE | MREMAP_FIXED, hold);
	CHECK(moved == hold && moved[pg] == 'B' && moved[2 * pg] == 'C', "moved and grown");

	CHECK(pipe(ready) == 0 && pipe(go) == 0, "pipes");
	pid = fork();
	if (pid == 0)
		_exit(child(fd, s, p, pg, ready[1], go[0]));
	CHECK(read(ready[0], buf, 1) == 1, "child ready");
	CHECK(s[pg + 1] == 'b', "the child's store is the file's");

	/* cut to half a page, with both processes' mappings in place */
	CHECK(ftruncate(fd, pg / 2) == 0, "ftruncate shrinks");
	CHECK(fstat(fd, &st) == 0 && st.st_size == pg / 2 && st.st_blocks == pg / 512,
	      "one page left: %ld blocks", (long)st.st_blocks);
	CHECK(write(go[1], "g", 1) == 1, "tell the child");
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "child saw SIGBUS past the end: status %#x", status);

	code = probe(s + pg, 0);
	CHECK(code == BUS_ADRERR && bus_addr == s + pg, "shared read past the end: %d %p", code,
	      bus_addr);
	code = probe(s + 2 * pg + 100, 1);
	CHECK(code == BUS_ADRERR && bus_addr == s + 2 * pg + 100, "shared store past the end: %d",
	      code);
	code = probe(p + 2 * pg, 0);
	CHECK(code == BUS_ADRERR && bus_addr == p + 2 * pg,
	      "the private copy past the end is gone too: %d", code);
	code = probe(p + pg + 9, 1);
	CHECK(code == BUS_ADRERR && bus_addr == p + pg + 9, "private store past the end: %d", code);
	CHECK(probe(s + pg / 2 - 1, 0) == 0 && probe(p, 0) == 0, "the first page stays");
	code = probe(split + pg, 0);
	CHECK(code == BUS_ADRERR && bus_addr == split + pg, "the split-off part: %d", code);
	code = probe(split + 2 * pg, 0);
	CHECK(code == BUS_ADRERR && bus_addr == split + 2 * pg, "the part after it: %d", code);
	code = probe(moved + pg, 0);
	CHECK(code == BUS_ADRERR && bus_addr == moved + pg, "the moved mapping: %d", code);
	code = probe(moved + 2 * pg, 0);
	CHECK(code == BUS_ADRERR && bus_addr == moved + 2 * pg, "its grown part: %d", code);
	CHECK(munmap(split, 3 * pg) == 0 && munmap(moved, 4 * pg) == 0, "unmap those");
	CHECK(all_are(s, pg / 2, 'A') && all_are(s + pg / 2, pg / 2, 0),
	      "the last page's tail reads zeros through the shared map");
	CHECK(all_are(p, pg / 2, 'A') && all_are(p + pg / 2, pg / 2, 0),
	      "and through the private map");

	/* grow back: zeros everywhere past the cut, nothing stale */
	CHECK(ftruncate(fd, 3 * pg) == 0, "ftruncate grows");
	CHECK(probe(s + 2 * pg, 0) == 0 && probe(p + 2 * pg, 0) == 0, "readable again");
	CHECK(all_are(s + pg / 2, 3 * pg - pg / 2, 0), "shared: zeros from the cut on");
	CHECK(all_are(p + pg / 2, 3 * pg - pg / 2, 0), "private: zeros from the cut on");
	CHECK(pread(fd, buf, pg, pg) == pg && all_are(buf, pg, 0), "read(2): zeros");
	s[2 * pg] = 'n';
	CHECK(pread(fd, buf, 1, 2 * pg) == 1 && buf[0] == 'n', "a new store is the file's");
	CHECK(p[2 * pg] == 'n', "and the private map, not written, sees it");

	/* truncate to 0 with a store pending in a dirty PTE */
	CHECK(ftruncate(fd, 0) == 0, "ftruncate to 0");
	CHECK(probe(s, 0) == BUS_ADRERR && bus_addr == s, "nothing left to read");
	CHECK(fstat(fd, &st) == 0 && st.st_blocks == 0, "no blocks: %ld", (long)st.st_blocks);

	CHECK(munmap(s, 3 * pg) == 0 && munmap(p, 3 * pg) == 0, "unmap");
	close(fd);
	CHECK(unlink(name) == 0, "unlink");
	CHECK(umount(dir) == 0, "umount: %s", strerror(errno));
	CHECK(rmdir(dir) == 0, "rmdir");
	return t_done("truncate_sigbus");
}
