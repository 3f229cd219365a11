// SPDX-License-Identifier: GPL-2.0
/*
 * make hosted-bench: instruction counts of the memory manager's main
 * paths, measured by valgrind's callgrind on the hosted build (counts,
 * not times: the same binary gives the same numbers on any machine).
 * Each bench_* function does its operation N times; the Makefile divides
 * callgrind's inclusive count of the function by N.
 */
#include "harness.h"
#include "tasks.h"
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched/mm.h>

#define P	4096UL
#define N	64

static long map(unsigned long len)
{
	return sys(9, 0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static void touch(long a, unsigned long len)
{
	for (unsigned long off = 0; off < len; off += P)
		uwrite(a + off, "x", 1);
}

/* fork of a process holding 16 MiB it has written, and its exit. */
static noinline void bench_fork_16m(struct task_struct *proc)
{
	for (int i = 0; i < N; i++) {
		struct task_struct *c = fork_task();

		task_exit(c, 0);
		reap(proc, NULL);
	}
}

/* a first write to an anonymous page (demand-zero, with the zeroing). */
static noinline void bench_fault_anon(long a)
{
	for (int i = 0; i < N; i++)
		uwrite(a + i * P, "y", 1);
}

/* a write to a page shared copy-on-write with a live child. */
static noinline void bench_fault_cow(long a)
{
	for (int i = 0; i < N; i++)
		uwrite(a + i * P, "z", 1);
}

/* mmap and munmap of 4 KiB, untouched. */
static noinline void bench_mmap_munmap(void)
{
	for (int i = 0; i < N; i++)
		sys(11, map(P), P, 0, 0, 0, 0);
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
	(void)child;
	printf("bench: done (N = %d)\n", N);
	return 0;
}
