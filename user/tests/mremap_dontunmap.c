/* SPDX-License-Identifier: GPL-2.0 */
/* mremap(MREMAP_DONTUNMAP), as Linux's: the pages move to a new range
 * of the same size and the old range stays mapped and empty (private
 * anonymous memory reads zeroes there again; a shared mapping reads its
 * object's pages again); VmSize grows by the size, the old range loses
 * its lock; with MREMAP_FIXED it goes exactly there; the
 * errors: without MREMAP_MAYMOVE or with another length (rounded to
 * pages, as Linux 6.18) EINVAL, an unaligned or overlapping hint EINVAL, an old
 * range not mapped EFAULT. */
#include "t.h"
#include <sys/mman.h>
#include <sys/wait.h>

#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif
#define P 4096L

/* xmremap - mremap(2) itself with all five arguments (glibc's wrapper
 * passes new_address only with MREMAP_FIXED). */
static void *xmremap(void *old, long old_len, long new_len, long flags, void *new_addr)
{
	return (void *)syscall(SYS_mremap, old, old_len, new_len, flags, new_addr);
}

/* status_kb - a "Vm...:" line of /proc/self/status, in kB. */
static long status_kb(const char *field)
{
	const char *s = t_read_file("/proc/self/status");
	const char *l = s ? strstr(s, field) : NULL;

	return l ? atol(l + strlen(field)) : -1;
}

/* resident - how many of the @n pages at @p are resident (mincore). */
static int resident(void *p, long n)
{
	unsigned char vec[64];
	int r = 0;

	if (mincore(p, n * P, vec))
		return -1;
	for (long i = 0; i < n; i++)
		r += vec[i] & 1;
	return r;
}

static void test_private(void)
{
	char *p = mmap(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long vmsize;
	char *q;
	int ok = 1;

	for (long i = 0; i < 4 * P; i++)
		p[i] = (char)(i * 7 + 1);
	vmsize = status_kb("VmSize:");
	q = xmremap(p, 4 * P, 4 * P, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL);
	CHECK(q != MAP_FAILED && q != p, "moved: %p (%s)", q, strerror(errno));
	if (q == MAP_FAILED)
		return;
	CHECK(status_kb("VmSize:") == vmsize + 16, "VmSize grew by the size: %ld -> %ld",
	      vmsize, status_kb("VmSize:"));
	for (long i = 0; i < 4 * P; i++)
		ok &= q[i] == (char)(i * 7 + 1);
	CHECK(ok, "the new range holds the data");
	CHECK(resident(p, 4) == 0, "the old range is empty: %d", resident(p, 4));
	ok = 1;
	for (long i = 0; i < 4 * P; i++)
		ok &= p[i] == 0;
	CHECK(ok, "and reads zeroes");
	p[0] = 5;
	CHECK(p[0] == 5 && q[0] == 1, "stores stay apart");
	CHECK(munmap(p, 4 * P) == 0 && munmap(q, 4 * P) == 0, "munmap");
}

static void test_shared_and_fixed(void)
{
	char *p = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	char *hole = mmap(NULL, 2 * P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *q;

	p[0] = 'a';
	p[P] = 'b';
	q = xmremap(p, 2 * P, 2 * P, MREMAP_MAYMOVE | MREMAP_DONTUNMAP | MREMAP_FIXED, hole);
	CHECK(q == hole, "MREMAP_FIXED: %p %p (%s)", q, hole, strerror(errno));
	CHECK(q[0] == 'a' && q[P] == 'b', "the new range holds the data");
	CHECK(p[0] == 'a' && p[P] == 'b', "the old shared range reads the object again");
	q[1] = 'c';
	CHECK(p[1] == 'c', "one object");
	munmap(p, 2 * P);
	munmap(q, 2 * P);
}

/* test_locked - the old range of a locked mapping is not locked any
 * more: it faults its pages one by one. (VmLck itself is not checked:
 * Linux 6.1 keeps it, later kernels count the range twice.) */
static void test_locked(void)
{
	char *p = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *q;

	CHECK(mlock(p, 2 * P) == 0, "mlock: %s", strerror(errno));
	p[0] = 9;
	q = xmremap(p, 2 * P, 2 * P, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL);
	CHECK(q != MAP_FAILED && q[0] == 9 && resident(q, 2) == 2, "moved, still locked");
	CHECK(resident(p, 2) == 0 && p[0] == 0 && resident(p, 2) == 1,
	      "the old range is not locked: it faults one page");
	munmap(q, 2 * P);
	munmap(p, 2 * P);
}

static void test_errors(void)
{
	char *p = mmap(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *hole = mmap(NULL, 4 * P, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), *q;

	munmap(hole, 4 * P);
	CHECK(RAW(SYS_mremap, p, 4 * P, 4 * P, MREMAP_DONTUNMAP, 0) == -EINVAL,
	      "without MREMAP_MAYMOVE: EINVAL");
	CHECK(RAW(SYS_mremap, p, 4 * P, 2 * P, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0) == -EINVAL,
	      "shrinking: EINVAL");
	CHECK(RAW(SYS_mremap, p, 2 * P, 4 * P, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0) == -EINVAL,
	      "growing: EINVAL");
	CHECK(RAW(SYS_mremap, p, 4 * P, 4 * P, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, p + P) == -EINVAL,
	      "a hint overlapping the old range: EINVAL");
	CHECK(RAW(SYS_mremap, p, 4 * P, 4 * P, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, hole + 1) ==
	      -EINVAL, "an unaligned hint: EINVAL");
	CHECK(RAW(SYS_mremap, hole, 4 * P, 4 * P, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0) == -EFAULT,
	      "nothing mapped: EFAULT");
	CHECK(RAW(SYS_mremap, p, 8 * P, 8 * P, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0) == -EFAULT,
	      "beyond the VMA: EFAULT");
	CHECK(RAW(SYS_mremap, p, 4 * P, 4 * P, MREMAP_MAYMOVE | MREMAP_DONTUNMAP | 8, 0) == -EINVAL,
	      "an unknown flag: EINVAL");
	q = xmremap(p, 4 * P, 4 * P - 1, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL);
	CHECK(q != MAP_FAILED, "the lengths compared rounded (Linux 6.18): %s", strerror(errno));
	if (q != MAP_FAILED)
		munmap(q, 4 * P);
	munmap(p, 4 * P);
}

/* test_part - DONTUNMAP of a page in the middle of a VMA: the VMA is
 * split, the page moves, the rest is untouched. */
static void test_part(void)
{
	char *p = mmap(NULL, 3 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *q;
	pid_t pid;
	int status;

	p[0] = 1;
	p[P] = 2;
	p[2 * P] = 3;
	q = xmremap(p + P, P, P, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL);
	CHECK(q != MAP_FAILED && q[0] == 2, "the middle page moved");
	CHECK(p[0] == 1 && p[P] == 0 && p[2 * P] == 3, "the rest stays, the middle is empty");
	pid = fork();
	if (pid == 0)
		_exit(q[0] == 2 && p[2 * P] == 3 ? 0 : 1);
	CHECK(waitpid(pid, &status, 0) == pid && status == 0, "fork copies both");
	munmap(p, 3 * P);
	munmap(q, P);
}

int main(void)
{
	test_private();
	test_shared_and_fixed();
	test_locked();
	test_errors();
	test_part();
	return t_done("mremap_dontunmap");
}
