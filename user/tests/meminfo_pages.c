/* SPDX-License-Identifier: GPL-2.0 */
/*
 * /proc/meminfo's page lines for the pages smaps and pagemap show, as
 * Linux counts them: 1 MiB of shared anonymous memory, touched, is
 * Shmem, Cached and Mapped and not AnonPages, and munmap gives back
 * Mapped, Shmem and Cached (the object goes with its last mapping);
 * a private page shared with a forked child counts once in AnonPages
 * and twice once the child has written its own copy; page tables for
 * 64 pages 2 MiB apart are 64 PTE tables more PageTables (256 kB), gone
 * again at munmap (checked in mmos only: natively the drop may wait in
 * a CPU's vmstat delta).
 *
 * In mmos the test is alone, so a change must be exact within a few
 * pages; natively the machine is shared, so it must be seen within a
 * wider tolerance in one of several tries (as user/tests/meminfo.c).
 */
#include "t.h"
#include <sys/mman.h>
#include <sys/wait.h>

#define MIB	(1024L * 1024)
#define TRIES	20

static int in_mmos;

/* meminfo - the value in kB of @key in /proc/meminfo now; -1 if none. */
static long meminfo(const char *key)
{
	const char *s = t_read_file("/proc/meminfo");
	size_t n = strlen(key);

	for (; s && *s; s = strchr(s, '\n') ? strchr(s, '\n') + 1 : "")
		if (!strncmp(s, key, n) && s[n] == ':')
			return atol(s + n + 1);
	return -1;
}

/* near - @got kB is @want kB within a few pages in mmos, a quarter of
 * what moved natively. */
static int near(long got, long want, long moved)
{
	long tol = in_mmos ? 32 : moved / 4;

	return got >= want - tol && got <= want + tol;
}

/* check_shared_anon - MAP_SHARED|MAP_ANONYMOUS memory is tmpfs's. */
static void check_shared_anon(void)
{
	int shmem = 0, mapped = 0, cached = 0, anon = 0, gone = 0;

	for (int i = 0; i < TRIES && !(shmem && mapped && cached && anon && gone); i++) {
		long s0 = meminfo("Shmem"), m0 = meminfo("Mapped"), c0 = meminfo("Cached");
		long a0 = meminfo("AnonPages"), s1, m1, c1, a1;
		char *p = mmap(NULL, MIB, PROT_READ | PROT_WRITE,
			       MAP_SHARED | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED)
			break;
		for (long off = 0; off < MIB; off += 4096)
			p[off] = 1;
		s1 = meminfo("Shmem"), m1 = meminfo("Mapped"), c1 = meminfo("Cached");
		a1 = meminfo("AnonPages");
		shmem |= near(s1 - s0, 1024, 1024);
		mapped |= near(m1 - m0, 1024, 1024);
		cached |= near(c1 - c0, 1024, 1024);
		anon |= near(a1 - a0, 0, 1024);
		munmap(p, MIB);
		gone |= near(s1 - meminfo("Shmem"), 1024, 1024) &&
			near(m1 - meminfo("Mapped"), 1024, 1024);
	}
	CHECK(shmem, "Shmem did not grow by 1 MiB");
	CHECK(mapped, "Mapped did not grow by 1 MiB");
	CHECK(cached, "Cached did not grow by 1 MiB");
	CHECK(anon, "shared anonymous memory counted in AnonPages");
	CHECK(gone, "Shmem/Mapped did not shrink by 1 MiB at munmap");
}

/* check_fork - a page shared after fork is one AnonPages page; the
 * child's write makes a second. */
static void check_fork(void)
{
	int shared = 0, copied = 0;

	for (int i = 0; i < TRIES && !(shared && copied); i++) {
		char *p = mmap(NULL, MIB, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		int go[2], ready[2], status;
		long a0, a1, a2;
		pid_t pid;
		char c;

		if (p == MAP_FAILED || pipe(go) || pipe(ready))
			break;
		for (long off = 0; off < MIB; off += 4096)
			p[off] = 1;
		a0 = meminfo("AnonPages");
		pid = fork();
		if (pid == 0) {
			if (write(ready[1], "x", 1) != 1 || read(go[0], &c, 1) != 1)
				_exit(3);
			for (long off = 0; off < MIB; off += 4096)
				p[off] = 2;
			if (write(ready[1], "x", 1) != 1 || read(go[0], &c, 1) != 1)
				_exit(3);
			_exit(0);
		}
		CHECK(read(ready[0], &c, 1) == 1, "child");
		a1 = meminfo("AnonPages");
		CHECK(write(go[1], "x", 1) == 1 && read(ready[0], &c, 1) == 1, "child");
		a2 = meminfo("AnonPages");
		CHECK(write(go[1], "x", 1) == 1, "child");
		waitpid(pid, &status, 0);
		/* the child's own stack and data pages count too: a few */
		shared |= near(a1 - a0, 0, 1024);
		copied |= near(a2 - a1, 1024, 1024);
		munmap(p, MIB);
		close(go[0]), close(go[1]), close(ready[0]), close(ready[1]);
	}
	CHECK(shared, "a page shared by fork counted twice in AnonPages");
	CHECK(copied, "the child's copies did not add 1 MiB to AnonPages");
}

/* check_page_tables - 64 pages each in a PTE table of its own. */
static void check_page_tables(void)
{
	int up = 0, down = 0;
	long span = 64 * 2 * MIB;

	for (int i = 0; i < TRIES && !(up && down); i++) {
		char *m = mmap(NULL, span + 2 * MIB, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		long t0 = meminfo("PageTables"), t1;
		char *p;

		if (m == MAP_FAILED)
			break;
		p = (char *)(((unsigned long)m + 2 * MIB - 1) & ~(2 * MIB - 1));
		madvise(m, span + 2 * MIB, MADV_NOHUGEPAGE);	/* natively: no THP */
		for (long off = 0; off < span; off += 2 * MIB)
			p[off] = 1;
		t1 = meminfo("PageTables");
		up |= near(t1 - t0, 256, 256);
		munmap(m, span + 2 * MIB);
		down |= near(t1 - meminfo("PageTables"), 256, 256);
	}
	CHECK(up, "PageTables did not grow by 64 tables");
	/* natively the drop may stay in a CPU's vmstat delta for long (its
	 * threshold is above 64 pages on a big machine): mmos's only */
	CHECK(down || !in_mmos, "PageTables did not shrink by 64 tables at munmap");
}

int main(void)
{
	in_mmos = t_free_pages() >= 0;
	check_shared_anon();
	check_fork();
	check_page_tables();
	return t_done("meminfo_pages");
}
