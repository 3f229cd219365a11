// SPDX-License-Identifier: GPL-2.0
/*
 * make hosted-bench: instruction counts of the memory manager's main
 * paths, measured by valgrind's callgrind on the hosted build (counts,
 * not times: the same binary gives the same numbers on any machine).
 * Each bench_* function does its operation N times; the Makefile divides
 * callgrind's inclusive count of the function by N. They are noipa
 * (never inlined, cloned or folded together: some have the same body on
 * different ranges), so each keeps its own count.
 */
#include "harness.h"
#include "tasks.h"
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched/mm.h>
#include <linux/unistd.h>

#define P	4096UL
#define N	64

static long map(unsigned long len)
{
	return sys(__NR_mmap, 0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static void touch(long a, unsigned long len)
{
	for (unsigned long off = 0; off < len; off += P)
		uwrite(a + off, "x", 1);
}

/* fork of a process holding 16 MiB it has written, and its exit. */
static __attribute__((noipa)) void bench_fork_16m(struct task_struct *proc)
{
	for (int i = 0; i < N; i++) {
		struct task_struct *c = fork_task();

		task_exit(c, 0);
		reap(proc, NULL);
	}
}

/* a first write to an anonymous page (demand-zero, with the zeroing). */
static __attribute__((noipa)) void bench_fault_anon(long a)
{
	for (int i = 0; i < N; i++)
		uwrite(a + i * P, "y", 1);
}

/* a write to a page shared copy-on-write with a live child. */
static __attribute__((noipa)) void bench_fault_cow(long a)
{
	for (int i = 0; i < N; i++)
		uwrite(a + i * P, "z", 1);
}

/* mmap and munmap of 4 KiB, untouched. */
static __attribute__((noipa)) void bench_mmap_munmap(void)
{
	for (int i = 0; i < N; i++)
		sys(__NR_munmap, map(P), P, 0, 0, 0, 0);
}

/*
 * Range operations over a sparse mapping: 16 TiB (PROT_READ|PROT_WRITE,
 * MAP_NORESERVE) with one page touched in its middle, beside the same
 * operation on a 4 KiB mapping with its page touched. The walks skip
 * empty page-table levels whole, so the two rows should be close: the
 * difference is a few table scans, not 2^32 pages. Each bench_*_op
 * function holds just the operation; main() redoes the setup between
 * calls, outside it, and calls it N times.
 */
#define SPARSE		(16UL << 40)
#define SPARSE_TOUCH	(SPARSE / 2 + 12345 * P)
#define WINDOW		(1UL << 30)	/* mincore's: it writes a byte a page */

struct range_bench {
	unsigned long len, touch;
	long a, b;			/* the mapping, and mremap's other place */
};

static long map_range(struct range_bench *r)
{
	r->a = sys(__NR_mmap, 0, r->len, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	uwrite(r->a + r->touch, "t", 1);
	return r->a;
}

static __attribute__((noipa)) void bench_mprotect_4k(struct range_bench *r, int i)
{
	sys(__NR_mprotect, r->a, r->len, i & 1 ? PROT_READ | PROT_WRITE : PROT_READ, 0, 0, 0);
}

static __attribute__((noipa)) void bench_mprotect_16t(struct range_bench *r, int i)
{
	sys(__NR_mprotect, r->a, r->len, i & 1 ? PROT_READ | PROT_WRITE : PROT_READ, 0, 0, 0);
}

static __attribute__((noipa)) void bench_dontneed_4k(struct range_bench *r)
{
	sys(__NR_madvise, r->a, r->len, MADV_DONTNEED, 0, 0, 0);
}

static __attribute__((noipa)) void bench_dontneed_16t(struct range_bench *r)
{
	sys(__NR_madvise, r->a, r->len, MADV_DONTNEED, 0, 0, 0);
}

/* mremap to the other place and back on the next call */
static __attribute__((noipa)) void bench_mremap_4k(struct range_bench *r, int i)
{
	long from = i & 1 ? r->b : r->a, to = i & 1 ? r->a : r->b;

	sys(__NR_mremap, from, r->len, r->len, MREMAP_MAYMOVE | MREMAP_FIXED, to, 0);
}

static __attribute__((noipa)) void bench_mremap_16t(struct range_bench *r, int i)
{
	long from = i & 1 ? r->b : r->a, to = i & 1 ? r->a : r->b;

	sys(__NR_mremap, from, r->len, r->len, MREMAP_MAYMOVE | MREMAP_FIXED, to, 0);
}

/* mincore's vector, in user memory (mapped by range_rows) */
static long mincore_vec;

static __attribute__((noipa)) void bench_mincore_4k(struct range_bench *r)
{
	sys(__NR_mincore, r->a, r->len, mincore_vec, 0, 0, 0);
}

/* a 1 GiB window of the sparse mapping (not 16 TiB: the vector would
 * be 4 GiB) */
static __attribute__((noipa)) void bench_mincore_1g_of_16t(struct range_bench *r)
{
	sys(__NR_mincore, r->a + (r->touch & ~(WINDOW - 1)), WINDOW, mincore_vec, 0, 0, 0);
}

static __attribute__((noipa)) void bench_fork_exit_4k(struct task_struct *proc)
{
	task_exit(fork_task(), 0);
	reap(proc, NULL);
}

static __attribute__((noipa)) void bench_fork_exit_16t(struct task_struct *proc)
{
	task_exit(fork_task(), 0);
	reap(proc, NULL);
}

static __attribute__((noipa)) void bench_munmap_4k(struct range_bench *r)
{
	sys(__NR_munmap, r->a, r->len, 0, 0, 0, 0);
}

static __attribute__((noipa)) void bench_munmap_16t(struct range_bench *r)
{
	sys(__NR_munmap, r->a, r->len, 0, 0, 0, 0);
}

/* range_rows - every row above, for one size (@sparse or 4 KiB). */
static void range_rows(struct task_struct *proc, bool sparse)
{
	struct range_bench r = {
		.len = sparse ? SPARSE : P, .touch = sparse ? SPARSE_TOUCH : 0,
	};

	map_range(&r);
	for (int i = 0; i < N; i++)
		sparse ? bench_mprotect_16t(&r, i) : bench_mprotect_4k(&r, i);
	for (int i = 0; i < N; i++) {
		uwrite(r.a + r.touch, "t", 1);
		sparse ? bench_dontneed_16t(&r) : bench_dontneed_4k(&r);
	}
	uwrite(r.a + r.touch, "t", 1);
	for (int i = 0; i < N; i++)
		sparse ? bench_mincore_1g_of_16t(&r) : bench_mincore_4k(&r);
	for (int i = 0; i < N; i++)
		sparse ? bench_fork_exit_16t(proc) : bench_fork_exit_4k(proc);
	r.b = sys(__NR_mmap, 0, r.len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	for (int i = 0; i < N; i++)
		sparse ? bench_mremap_16t(&r, i) : bench_mremap_4k(&r, i);
	sys(__NR_munmap, r.b, r.len, 0, 0, 0, 0);	/* N is even: the pages are back at a */
	for (int i = 0; i < N; i++) {
		if (i)
			map_range(&r);
		sparse ? bench_munmap_16t(&r) : bench_munmap_4k(&r);
	}
}

int main(void)
{
	struct task_struct *proc, *child;
	long big, fresh, shared;

	hosted_boot(64UL << 20);
	proc = spawn(false);
	run(proc);
	become_process();
	big = map(16UL << 20);
	touch(big, 16UL << 20);
	bench_fork_16m(proc);
	fresh = map(N * P);
	bench_fault_anon(fresh);
	shared = map(N * P);
	touch(shared, N * P);
	child = fork_task();
	run(proc);
	bench_fault_cow(shared);
	bench_mmap_munmap();
	/* the range rows last, so that the rows above measure as they did
	 * before them; the child goes, and the process gives back what
	 * those rows mapped */
	task_exit(child, 0);
	reap(proc, NULL);
	sys(__NR_munmap, big, 16UL << 20, 0, 0, 0, 0);
	sys(__NR_munmap, fresh, N * P, 0, 0, 0, 0);
	sys(__NR_munmap, shared, N * P, 0, 0, 0, 0);
	mincore_vec = map(WINDOW / P);
	touch(mincore_vec, WINDOW / P);
	range_rows(proc, false);
	range_rows(proc, true);
	printf("bench: done (N = %d)\n", N);
	return 0;
}
