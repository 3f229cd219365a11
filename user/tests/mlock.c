/* SPDX-License-Identifier: GPL-2.0 */
/* mlock(2), mlock2(2), munlock(2), mlockall(2), munlockall(2) as Linux:
 * VmLck counts the locked pages (whole pages, no double counting,
 * splits and munmap kept); a lock faults the pages in (mincore) unless
 * MLOCK_ONFAULT; PROT_NONE locks but cannot be populated (ENOMEM);
 * MCL_FUTURE locks later mappings, fork does not inherit locks;
 * MADV_DONTNEED of a locked range is EINVAL, msync(MS_INVALIDATE)
 * EBUSY; MAP_LOCKED; the flag and
 * range errors; RLIMIT_MEMLOCK for an unprivileged process. */
#include "t.h"
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>

#ifndef MLOCK_ONFAULT
#define MLOCK_ONFAULT 1
#endif
#ifndef MCL_ONFAULT
#define MCL_ONFAULT 4
#endif
#define P 4096L

/* vmlck - VmLck of /proc/self/status in kB, or -1. */
static long vmlck(void)
{
	const char *s = t_read_file("/proc/self/status");
	const char *l = s ? strstr(s, "VmLck:") : NULL;

	return l ? atol(l + 6) : -1;
}

/* resident - how many of the @n pages at @p mincore says are in. */
static int resident(void *p, long n)
{
	unsigned char v[64];
	int r = 0;

	if (mincore(p, n * P, v))
		return -1;
	for (long i = 0; i < n; i++)
		r += v[i] & 1;
	return r;
}

static char *map(long pages, int prot, int flags)
{
	return mmap(NULL, pages * P, prot, MAP_PRIVATE | MAP_ANONYMOUS | flags, -1, 0);
}

int main(void)
{
	char *p, *q, *r;
	long base;
	int status;
	pid_t pid;

	munlockall();
	base = vmlck();
	CHECK(base == 0, "nothing locked at the start: %ld kB", base);
	p = map(16, PROT_NONE, 0);
	CHECK(mlock(p, P) == -1 && errno == ENOMEM, "PROT_NONE: ENOMEM");
	CHECK(vmlck() == 4, "yet it is locked: %ld kB", vmlck());
	CHECK(munlock(p, P) == 0 && vmlck() == 0, "munlock");
	CHECK(mprotect(p, 16 * P, PROT_READ | PROT_WRITE) == 0, "mprotect");
	CHECK(resident(p, 16) == 0, "nothing faulted yet");
	CHECK(mlock(p + 100, P) == 0 && vmlck() == 8, "a page's worth from an offset: 2 pages");
	CHECK(resident(p, 16) == 2, "and faulted in: %d", resident(p, 16));
	CHECK(mlock(p, 0) == 0, "zero length");
	CHECK(mlock(p, 16 * P) == 0 && vmlck() == 64, "all 16, no double count: %ld", vmlck());
	CHECK(resident(p, 16) == 16, "all faulted in");
	CHECK(munlock(p, 8 * P) == 0 && vmlck() == 32, "half unlocked: %ld", vmlck());
	CHECK(syscall(SYS_mlock2, p, P, 2) == -1 && errno == EINVAL, "mlock2 unknown flag");
	CHECK(munmap(p + 12 * P, 4 * P) == 0 && vmlck() == 16, "munmap of locked pages: %ld",
	      vmlck());
	CHECK(madvise(p + 8 * P, P, MADV_DONTNEED) == -1 && errno == EINVAL,
	      "MADV_DONTNEED of a locked page");
	CHECK(madvise(p, P, MADV_DONTNEED) == 0, "of an unlocked one");
	CHECK(msync(p + 8 * P, P, MS_INVALIDATE) == -1 && errno == EBUSY,
	      "MS_INVALIDATE of a locked page: EBUSY");
	CHECK(msync(p, P, MS_INVALIDATE) == 0, "of an unlocked one");
	CHECK(munmap(p, 12 * P) == 0 && vmlck() == 0, "all gone");

	q = map(8, PROT_READ | PROT_WRITE, 0);
	CHECK(syscall(SYS_mlock2, q, 8 * P, MLOCK_ONFAULT) == 0 && vmlck() == 32, "on fault");
	CHECK(resident(q, 8) == 0, "nothing populated");
	q[P] = 1;
	CHECK(resident(q, 8) == 1, "what is touched is in");
	CHECK(munlock(q, 8 * P) == 0 && munmap(q, 8 * P) == 0, "unlock, unmap");
	CHECK(mlock((void *)-P, 2 * P) == -1 && errno == EINVAL, "a wrapping range");
	CHECK(mlock((void *)0x7ffffff0000UL, P) == -1 && errno == ENOMEM, "a hole");
	CHECK(munlock(q, 4 * P) == -1 && errno == ENOMEM, "munlock of a hole");

	CHECK(mlockall(0) == -1 && errno == EINVAL, "mlockall(0)");
	CHECK(mlockall(MCL_ONFAULT) == -1 && errno == EINVAL, "MCL_ONFAULT alone");
	CHECK(mlockall(8) == -1 && errno == EINVAL, "unknown MCL_ flag");
	CHECK(mlockall(MCL_FUTURE) == 0 && vmlck() == 0, "MCL_FUTURE: nothing now");
	r = map(4, PROT_READ | PROT_WRITE, 0);
	CHECK(vmlck() == 16 && resident(r, 4) == 4, "a later mapping: locked and in: %ld",
	      vmlck());
	pid = fork();
	if (pid == 0)
		_exit(vmlck() == 0 ? 0 : 1);
	CHECK(waitpid(pid, &status, 0) == pid && status == 0, "fork inherits no lock");
	CHECK(munlockall() == 0 && vmlck() == 0, "munlockall");
	munmap(r, 4 * P);
	r = map(4, PROT_READ, MAP_LOCKED);
	CHECK(r != MAP_FAILED && vmlck() == 16 && resident(r, 4) == 4, "MAP_LOCKED");
	munmap(r, 4 * P);

	pid = fork();
	if (pid == 0) {		/* unprivileged: RLIMIT_MEMLOCK applies */
		struct rlimit rl = { 8 * P, 8 * P };
		char *u;

		if (setrlimit(RLIMIT_MEMLOCK, &rl) || setresuid(65534, 65534, 65534))
			_exit(2);
		u = map(16, PROT_READ | PROT_WRITE, 0);
		if (mlock(u, 8 * P) || vmlck() != 32)
			_exit(3);
		if (mlock(u, 9 * P) != -1 || errno != ENOMEM)
			_exit(4);
		if (map(1, PROT_READ, MAP_LOCKED) != MAP_FAILED || errno != EAGAIN)
			_exit(5);
		if (mlockall(MCL_CURRENT) != -1 || errno != ENOMEM)
			_exit(6);
		rl.rlim_cur = 0;
		if (setrlimit(RLIMIT_MEMLOCK, &rl) || mlock(u, P) != -1 || errno != EPERM)
			_exit(7);
		if (munlock(u, 16 * P))
			_exit(8);
		_exit(vmlck() == 0 ? 0 : 9);
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && !WEXITSTATUS(status),
	      "RLIMIT_MEMLOCK unprivileged: status %#x", status);
	return t_done("mlock");
}
