/* SPDX-License-Identifier: GPL-2.0 */
/* Shared anonymous memory, as Linux: MAP_SHARED|MAP_ANONYMOUS (and a
 * shared mapping of /dev/zero) is one object across fork, so a store by
 * the child is seen by the parent and the other way round, and it
 * starts zeroed; /proc/self/maps names it "/dev/zero (deleted)"; a
 * private /dev/zero mapping is private anonymous memory (copied on
 * write at fork, named "/dev/zero"); MAP_SHARED_VALIDATE and
 * MAP_GROWSDOWN are refused for anonymous memory (EINVAL); mprotect
 * and munmap of part of it work; a futex in it wakes across processes,
 * and a shared futex word in no mapping is EFAULT. */
#include "t.h"
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_PRIVATE_FLAG	128

#ifndef MAP_SHARED_VALIDATE
#define MAP_SHARED_VALIDATE 0x03
#endif
#define P 4096L

/* child_writes - fork a child that writes @v at @p[@i] then exits,
 * and wait for it. Returns its exit status. */
static int child_writes(volatile int *p, long i, int v)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		p[i] = v;
		_exit(p[0] == 7 ? 0 : 3);	/* it saw the parent's store */
	}
	waitpid(pid, &status, 0);
	return status;
}

/* maps_has - does a line of our maps for address @p contain @s? */
static int maps_has(void *p, const char *s)
{
	char start[32];
	const char *m = t_read_file("/proc/self/maps"), *l;

	snprintf(start, sizeof(start), "%lx-", (unsigned long)p);
	l = m ? strstr(m, start) : NULL;
	if (!l)
		return 0;
	for (const char *e = l; *e && *e != '\n'; e++)
		if (!strncmp(e, s, strlen(s)))
			return 1;
	return 0;
}

int main(void)
{
	volatile int *a, *z, *pz;
	int fd, status, zeros = 1;
	pid_t pid;

	a = mmap(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	CHECK(a != MAP_FAILED, "MAP_SHARED|MAP_ANONYMOUS: %s", strerror(errno));
	for (long i = 0; i < 4 * P / 4; i++)
		zeros &= a[i] == 0;
	CHECK(zeros, "zeroed");
	a[0] = 7;
	CHECK(child_writes(a, 1024, 42) == 0 && a[1024] == 42, "the child's store is seen");
	CHECK(maps_has((void *)a, "/dev/zero (deleted)"), "maps: /dev/zero (deleted)");
	CHECK(maps_has((void *)a, " rw-s "), "maps: shared");
	CHECK(mprotect((void *)a, P, PROT_READ) == 0 && a[0] == 7, "mprotect");
	CHECK(munmap((void *)(a + 1024), P) == 0 && a[2048] == 0, "munmap of a part");
	pid = fork();
	if (pid == 0) {
		a[2048] = 5;
		_exit(0);
	}
	CHECK(waitpid(pid, &status, 0) == pid && status == 0 && a[2048] == 5,
	      "after the split too");
	/* a futex in it is one futex for both processes (keyed by the
	 * object's page, not by the mm) */
	a[3000] = 0;
	pid = fork();
	if (pid == 0) {
		t_sleep_ms(50);
		a[3000] = 1;
		_exit(syscall(SYS_futex, a + 3000, FUTEX_WAKE, 1, NULL, NULL, 0) == 1 ? 0 : 4);
	}
	CHECK(syscall(SYS_futex, a + 3000, FUTEX_WAIT, 0, NULL, NULL, 0) == 0 ||
	      (errno == EAGAIN && a[3000] == 1), "FUTEX_WAIT across fork: %s", strerror(errno));
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status), "the waker ran");
	CHECK(munmap((void *)a, 4 * P) == 0, "munmap");
	CHECK(RAW(SYS_futex, a, FUTEX_WAKE, 1, NULL, NULL, 0) == -EFAULT,
	      "a shared futex in no mapping: EFAULT");
	CHECK(RAW(SYS_futex, a, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1, NULL, NULL, 0) == 0,
	      "a private one is not looked up: 0");

	fd = open("/dev/zero", O_RDWR);
	CHECK(fd >= 0, "open /dev/zero");
	z = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(z != MAP_FAILED && z[5] == 0, "shared /dev/zero: %s", strerror(errno));
	z[0] = 7;
	CHECK(child_writes(z, 1, 9) == 0 && z[1] == 9, "shared /dev/zero across fork");
	CHECK(maps_has((void *)z, "/dev/zero (deleted)"), "maps: its object");
	pz = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(pz != MAP_FAILED && pz[3] == 0, "private /dev/zero: %s", strerror(errno));
	pz[0] = 7;
	CHECK(child_writes(pz, 1, 9) == 0 && pz[1] == 0, "private: the child's store stays its own");
	CHECK(maps_has((void *)pz, "/dev/zero") && !maps_has((void *)pz, "(deleted)") &&
	      maps_has((void *)pz, " rw-p "), "maps: /dev/zero, private");
	munmap((void *)z, 2 * P);
	munmap((void *)pz, 2 * P);
	close(fd);

	CHECK(mmap(NULL, P, PROT_READ, MAP_SHARED_VALIDATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED &&
	      errno == EINVAL, "MAP_SHARED_VALIDATE anonymous: EINVAL");
	CHECK(mmap(NULL, P, PROT_READ, MAP_SHARED | MAP_ANONYMOUS | MAP_GROWSDOWN, -1, 0) ==
	      MAP_FAILED && errno == EINVAL, "shared and growing: EINVAL");
	return t_done("shared_anon");
}
