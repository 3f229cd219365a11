/* SPDX-License-Identifier: GPL-2.0 */
/* MADV_FREE, MADV_POPULATE_READ/WRITE, MADV_COLD and MADV_PAGEOUT, as
 * Linux: after MADV_FREE a page reads as it was or as zeroes (Linux
 * keeps it until memory is short, mmos frees it at once) and a write
 * then keeps the new data; MADV_FREE is EINVAL for shared, file and
 * locked mappings. POPULATE_READ maps every page (mincore), and of
 * anonymous memory the zero page (no RSS); POPULATE_WRITE makes every
 * page (RSS in /proc/self/statm) and breaks COW of a private file
 * mapping; EINVAL without the access (PROT_NONE, read-only for write),
 * EFAULT past the end of a file, ENOMEM at a hole. COLD and PAGEOUT
 * keep the data and refuse a locked VMA. */
#include "t.h"
#include <sys/mman.h>
#include <sys/wait.h>

#ifndef MADV_COLD
#define MADV_COLD		20
#define MADV_PAGEOUT		21
#endif
#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ	22
#define MADV_POPULATE_WRITE	23
#endif
#define P 4096L
#define N 16

/* rss - resident pages of this process (statm's second field) */
static long rss(void)
{
	const char *s = t_read_file("/proc/self/statm");
	long size, res;

	return s && sscanf(s, "%ld %ld", &size, &res) == 2 ? res : -1;
}

/* resident - how many of the @n pages at @p mincore says are there */
static int resident(char *p, int n)
{
	unsigned char v[64];
	int r = 0;

	if (mincore(p, n * P, v))
		return -1;
	for (int i = 0; i < n; i++)
		r += v[i] & 1;
	return r;
}

static char *anon(int n, int prot)
{
	return mmap(NULL, n * P, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static void test_free(void)
{
	char *p = anon(N, PROT_READ | PROT_WRITE), *s;
	long fd = RAW(SYS_memfd_create, "free", 0);
	int ok = 1;

	memset(p, 'x', N * P);
	CHECK(madvise(p, N * P, MADV_FREE) == 0, "MADV_FREE");
	for (long i = 0; i < N * P; i += 512)
		ok &= p[i] == 'x' || p[i] == 0;
	CHECK(ok, "freed pages read as before or as zeroes");
	for (int i = 0; i < N; i++)
		p[i * P + 1] = 'y';
	ok = 1;
	for (int i = 0; i < N; i++)
		ok &= p[i * P + 1] == 'y';
	CHECK(ok, "a write after MADV_FREE stays");
	CHECK(madvise(p + 1, P, MADV_FREE) == -1 && errno == EINVAL, "unaligned");
	CHECK(munmap(p + P, P) == 0 && madvise(p, 3 * P, MADV_FREE) == -1 && errno == ENOMEM,
	      "hole");
	CHECK(p[2 * P + 1] == 'y' || p[2 * P + 1] == 0, "past the hole");
	munmap(p, N * P);

	s = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	s[0] = 's';
	CHECK(madvise(s, P, MADV_FREE) == -1 && errno == EINVAL, "shared anonymous");
	CHECK(s[0] == 's', "kept");
	munmap(s, P);
	CHECK(ftruncate(fd, P) == 0 && pwrite(fd, "f", 1, 0) == 1, "memfd");
	s = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	s[0] = 'g';	/* an anonymous copy, in a file mapping still */
	CHECK(madvise(s, P, MADV_FREE) == -1 && errno == EINVAL, "private file");
	CHECK(s[0] == 'g', "kept");
	munmap(s, P);
	close(fd);
	s = anon(1, PROT_READ | PROT_WRITE);
	CHECK(mlock(s, P) == 0, "mlock");
	CHECK(madvise(s, P, MADV_FREE) == -1 && errno == EINVAL, "locked");
	CHECK(madvise(s, P, MADV_COLD) == -1 && errno == EINVAL, "COLD locked");
	CHECK(madvise(s, P, MADV_PAGEOUT) == -1 && errno == EINVAL, "PAGEOUT locked");
	munmap(s, P);
}

static void test_populate_anon(void)
{
	char *p = anon(N, PROT_READ | PROT_WRITE), *q;
	long before;

	CHECK(resident(p, N) == 0, "nothing there yet");
	before = rss();
	CHECK(madvise(p, N * P, MADV_POPULATE_READ) == 0, "POPULATE_READ");
	CHECK(resident(p, N) == N, "all mapped: %d", resident(p, N));
	CHECK(rss() - before <= 2, "the zero page is not RSS: %ld", rss() - before);
	CHECK(p[5 * P] == 0, "zeroes");
	before = rss();
	CHECK(madvise(p, N * P, MADV_POPULATE_WRITE) == 0, "POPULATE_WRITE");
	CHECK(rss() - before >= N && rss() - before <= N + 2, "RSS +%ld", rss() - before);
	before = rss();
	CHECK(madvise(p, N * P, MADV_POPULATE_WRITE) == 0 && rss() - before <= 2,
	      "again: nothing new");
	munmap(p, N * P);

	p = anon(4, PROT_NONE);
	CHECK(madvise(p, 4 * P, MADV_POPULATE_READ) == -1 && errno == EINVAL, "PROT_NONE");
	CHECK(madvise(p, 4 * P, MADV_POPULATE_WRITE) == -1 && errno == EINVAL, "PROT_NONE w");
	munmap(p, 4 * P);
	p = anon(4, PROT_READ);
	CHECK(madvise(p, 4 * P, MADV_POPULATE_WRITE) == -1 && errno == EINVAL, "read-only");
	CHECK(madvise(p, 4 * P, MADV_POPULATE_READ) == 0 && resident(p, 4) == 4, "read of it");
	munmap(p, 4 * P);
	/* a hole: ENOMEM, what comes before it is populated */
	p = anon(4, PROT_READ | PROT_WRITE);
	munmap(p + 2 * P, P);
	CHECK(madvise(p, 4 * P, MADV_POPULATE_WRITE) == -1 && errno == ENOMEM, "hole");
	CHECK(resident(p, 2) == 2, "before the hole");
	munmap(p, 4 * P);
	q = anon(1, PROT_READ | PROT_WRITE);
	munmap(q, P);
	CHECK(madvise(q, P, MADV_POPULATE_READ) == -1 && errno == ENOMEM, "unmapped");
}

static void test_populate_file(void)
{
	long fd = RAW(SYS_memfd_create, "populate", 0);
	char *s, *p, c[2];

	CHECK(ftruncate(fd, 4 * P) == 0 && pwrite(fd, "abcd", 4, 0) == 4, "memfd");
	s = mmap(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(madvise(s, 4 * P, MADV_POPULATE_READ) == 0 && resident(s, 4) == 4,
	      "shared read");
	CHECK(madvise(s, 4 * P, MADV_POPULATE_WRITE) == 0, "shared write");
	munmap(s, 4 * P);
	s = mmap(NULL, 4 * P, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(madvise(s, 4 * P, MADV_POPULATE_WRITE) == -1 && errno == EINVAL,
	      "read-only shared");
	munmap(s, 4 * P);
	/* a private file mapping: writing breaks COW, the file keeps its data */
	p = mmap(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(madvise(p, 4 * P, MADV_POPULATE_READ) == 0 && p[0] == 'a', "private read");
	CHECK(pwrite(fd, "b", 1, 0) == 1 && p[0] == 'b', "the page cache's page, shared");
	CHECK(madvise(p, 4 * P, MADV_POPULATE_WRITE) == 0, "private write");
	CHECK(pwrite(fd, "c", 1, 0) == 1 && p[0] == 'b', "a copy of its own now");
	p[1] = 'Z';
	CHECK(pread(fd, &c, 2, 0) == 2 && !memcmp(c, "cb", 2), "file unchanged");
	munmap(p, 4 * P);
	/* past the end of the file: what a touch would SIGBUS is EFAULT */
	s = mmap(NULL, 8 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(madvise(s, 8 * P, MADV_POPULATE_READ) == -1 && errno == EFAULT, "past EOF");
	CHECK(madvise(s, 8 * P, MADV_POPULATE_WRITE) == -1 && errno == EFAULT, "past EOF w");
	CHECK(resident(s, 4) == 4, "the file's part");
	munmap(s, 8 * P);
	close(fd);
}

static void test_cold_pageout(void)
{
	char *p = anon(4, PROT_READ | PROT_WRITE);

	memset(p, 'c', 4 * P);
	CHECK(madvise(p, 4 * P, MADV_COLD) == 0, "COLD");
	CHECK(madvise(p, 4 * P, MADV_PAGEOUT) == 0, "PAGEOUT");
	CHECK(p[0] == 'c' && p[3 * P + 7] == 'c', "data kept");
	munmap(p + P, P);
	CHECK(madvise(p, 4 * P, MADV_COLD) == -1 && errno == ENOMEM, "COLD hole");
	munmap(p, 4 * P);
}

int main(void)
{
	rss();	/* its buffer's pages, faulted in now, are not what is measured */
	test_free();
	test_populate_anon();
	test_populate_file();
	test_cold_pageout();
	return t_done("madvise_free_populate");
}
