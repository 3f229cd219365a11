/* SPDX-License-Identifier: GPL-2.0 */
/* /proc/meminfo's Mlocked, as Linux: it grows by the pages mlock makes
 * and those faulted into a MLOCK_ONFAULT range, shrinks with munlock,
 * munmap and exit; a page in two locked mappings counts once until the
 * last goes; fork's child inherits no lock, and copy-on-write in the
 * locked parent keeps the count. mremap growth of a locked mapping is
 * checked against RLIMIT_MEMLOCK (EAGAIN past it, for a caller without
 * CAP_IPC_LOCK) and faults the new part in. The Mlocked numbers are
 * checked in mmos only, where the test is alone (see mlocked_is()). */
#include "t.h"
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>

#ifndef MLOCK_ONFAULT
#define MLOCK_ONFAULT	1
#endif
#define P 4096L

static int in_mmos;

/* mlocked_kb - meminfo's Mlocked in kB, -1 if absent */
static long mlocked_kb(void)
{
	const char *s = t_read_file("/proc/meminfo");

	s = s ? strstr(s, "\nMlocked:") : NULL;
	return s ? atol(s + 9) : -1;
}

/* mlocked_is - whether Mlocked is @base + @pages pages, in mmos, where
 * the test is alone and the count must be exact. Natively it is not
 * checked: the number is the machine's, other programs (the other tests
 * of a parallel run among them) lock and unlock meanwhile, and Linux's
 * count lags behind its per-CPU batches; what the test proves natively
 * is the rest (errors, VmLck, population). */
static int mlocked_is(long base, long pages)
{
	if (!in_mmos)
		return 1;
	return mlocked_kb() == base + pages * (P / 1024);
}

/* vm_lck_kb - this process's VmLck in kB */
static long vm_lck_kb(void)
{
	const char *s = t_read_file("/proc/self/status");

	s = s ? strstr(s, "VmLck:") : NULL;
	return s ? atol(s + 6) : -1;
}

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

static char *anon(int n)
{
	return mmap(NULL, n * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static void test_lock_unlock(long base)
{
	char *p = anon(64);

	CHECK(mlock(p, 64 * P) == 0, "mlock");
	CHECK(mlocked_is(base, 64), "64 pages: %ld kB, base %ld", mlocked_kb(), base);
	CHECK(mlock(p, 64 * P) == 0 && mlocked_is(base, 64), "again: no change");
	CHECK(munlock(p, 32 * P) == 0, "munlock half");
	CHECK(mlocked_is(base, 32), "32 pages: %ld kB", mlocked_kb());
	CHECK(mprotect(p + 40 * P, 4 * P, PROT_READ) == 0 && mlocked_is(base, 32),
	      "a split keeps it");
	CHECK(munmap(p + 32 * P, 16 * P) == 0 && mlocked_is(base, 16), "munmap a part");
	CHECK(munmap(p, 64 * P) == 0 && mlocked_is(base, 0), "munmap the rest");

	p = anon(16);
	CHECK(syscall(SYS_mlock2, p, 16 * P, MLOCK_ONFAULT) == 0, "mlock2 ONFAULT");
	CHECK(mlocked_is(base, 0), "nothing faulted yet");
	for (int i = 0; i < 4; i++)
		p[i * P] = 1;
	CHECK(mlocked_is(base, 4), "4 faulted: %ld kB", mlocked_kb());
	CHECK(munlockall() == 0 && mlocked_is(base, 0), "munlockall");
	munmap(p, 16 * P);
}

static void test_shared_twice(long base)
{
	long fd = RAW(SYS_memfd_create, "locked", 0);
	char *a, *b;

	CHECK(ftruncate(fd, 4 * P) == 0, "memfd");
	a = mmap(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_LOCKED, fd, 0);
	CHECK(a != MAP_FAILED && mlocked_is(base, 4), "one locked map: %ld", mlocked_kb());
	b = mmap(NULL, 4 * P, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(mlock(b, 4 * P) == 0 && mlocked_is(base, 4), "two: each page once");
	CHECK(munlock(a, 4 * P) == 0 && mlocked_is(base, 4), "one left");
	CHECK(munmap(b, 4 * P) == 0 && mlocked_is(base, 0), "none left");
	munmap(a, 4 * P);
	close(fd);
}

static void test_fork(long base)
{
	char *p = anon(16);
	int up[2], down[2], status;
	pid_t pid;
	char c;

	memset(p, 'p', 16 * P);
	CHECK(mlock(p, 16 * P) == 0 && mlocked_is(base, 16), "locked");
	CHECK(pipe(up) == 0 && pipe(down) == 0, "pipes");
	pid = fork();
	if (pid == 0) {
		int ok = vm_lck_kb() == 0;

		p[0] = 'c';	/* the child's own copy, not locked */
		ok = ok && write(up[1], "r", 1) == 1;
		_exit(ok && read(down[0], &c, 1) == 1 ? 0 : 1);
	}
	CHECK(read(up[0], &c, 1) == 1, "child ready");
	CHECK(mlocked_is(base, 16), "the child locks nothing: %ld", mlocked_kb());
	memset(p, 'q', 16 * P);	/* copy-on-write in the locked parent */
	CHECK(mlocked_is(base, 16), "COW keeps the count: %ld", mlocked_kb());
	CHECK(write(down[1], "x", 1) == 1, "let it go");
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child");
	CHECK(mlocked_is(base, 16), "after the child");
	close(up[0]);
	close(up[1]);
	close(down[0]);
	close(down[1]);
	munmap(p, 16 * P);
	/* a child that locks and exits gives it back */
	pid = fork();
	if (pid == 0) {
		char *q = anon(8);

		_exit(mlock(q, 8 * P) == 0 ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0 && mlocked_is(base, 0),
	      "exit unlocks");
}

/* mremap_child - as uid 1000 with RLIMIT_MEMLOCK 128 KiB: a locked
 * mapping grows within the limit (faulted in, counted), not past it. */
static int mremap_child(long base)
{
	struct rlimit rl = { 128 * 1024, 128 * 1024 };
	char *p, *q;

	if (setrlimit(RLIMIT_MEMLOCK, &rl) || setresgid(1000, 1000, 1000) ||
	    setresuid(1000, 1000, 1000))
		return 10;
	p = anon(8);
	if (mlock(p, 8 * P))
		return 11;
	q = mremap(p, 8 * P, 16 * P, MREMAP_MAYMOVE);
	if (q == MAP_FAILED)
		return 12;
	if (resident(q, 16) != 16)
		return 13;	/* the new part was faulted in */
	if (!mlocked_is(base, 16) || vm_lck_kb() != 64)
		return 14;
	if (mremap(q, 16 * P, 64 * P, MREMAP_MAYMOVE) != MAP_FAILED || errno != EAGAIN)
		return 15;	/* 256 KiB locked: over the limit */
	if (mremap(q, 16 * P, 33 * P, 0) != MAP_FAILED || errno != EAGAIN)
		return 16;	/* one page over, in place: EAGAIN comes first */
	if (vm_lck_kb() != 64 || !mlocked_is(base, 16))
		return 17;
	q = mremap(q, 16 * P, 4 * P, 0);	/* shrinking is always fine */
	if (q == MAP_FAILED || vm_lck_kb() != 16 || !mlocked_is(base, 4))
		return 18;
	return 0;
}

static void test_mremap(long base)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(mremap_child(base));
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "mremap child: %d",
	      WEXITSTATUS(status));
	CHECK(mlocked_is(base, 0), "back");
}

int main(void)
{
	long base;

	in_mmos = t_mmstat("nr_free_pages") >= 0;
	base = mlocked_kb();
	CHECK(base >= 0, "Mlocked in meminfo");
	test_lock_unlock(base);
	test_shared_twice(base);
	test_fork(base);
	test_mremap(base);
	return t_done("mlocked_meminfo");
}
