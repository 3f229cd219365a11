/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A tiny harness for user tests: CHECK(cond, fmt, ...) prints what failed
 * and counts it; main returns t_done(), 0 when all checks held. Tests run
 * natively on Linux first (proving they expect Linux's behaviour), then
 * as /init in mmos.
 */
#ifndef T_H
#define T_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

static int t_failed, t_checks;

#define CHECK(cond, ...)						\
	do {								\
		t_checks++;						\
		if (!(cond)) {						\
			t_failed++;					\
			printf("FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond); \
			printf(__VA_ARGS__);				\
			printf("\n");					\
		}							\
	} while (0)

/* A raw syscall's result: -errno on failure, as the kernel returns it. */
#define RAW(...) ({ long __r = syscall(__VA_ARGS__); __r < 0 ? -errno : __r; })

static inline int t_done(const char *name)
{
	printf("%s: %d checks, %d failed\n", name, t_checks, t_failed);
	fflush(stdout);
	return t_failed ? 1 : 0;
}

/* t_read_file - the whole of a (small) file into a static buffer, with
 * raw syscalls only: no malloc, so reading /proc does not itself change
 * the address space being looked at. NULL if it cannot be read. */
static inline const char *t_read_file(const char *path)
{
	static char buf[65536];
	long fd = RAW(SYS_open, path, 0), n, len = 0;

	if (fd < 0)
		return NULL;
	while ((n = RAW(SYS_read, fd, buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	RAW(SYS_close, fd);
	buf[len] = 0;
	return buf;
}

/* In mmos, the free-page count from /proc/mmstat; -1 on Linux. */
static inline long t_free_pages(void)
{
	const char *s = t_read_file("/proc/mmstat");

	s = s ? strstr(s, "nr_free_pages ") : NULL;
	return s ? atol(s + 14) : -1;
}

/* In mmos, a counter of /proc/mmstat; -1 on Linux. */
static inline long t_mmstat(const char *name)
{
	const char *s = t_read_file("/proc/mmstat");
	size_t n = strlen(name);

	for (; s && *s; s = strchr(s, '\n') ? strchr(s, '\n') + 1 : "")
		if (!strncmp(s, name, n) && s[n] == ' ')
			return atol(s + n + 1);
	return -1;
}

#include <time.h>
#include <sys/prctl.h>

/* t_now_ns - CLOCK_MONOTONIC in nanoseconds. */
static inline long long t_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* t_sleep_ms - sleep @ms milliseconds (nanosleep, restarted). */
static inline void t_sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* t_become_reaper - orphans of this test's children come to it: in mmos
 * the test is PID 1; natively it asks to be their subreaper. Returns
 * whether that holds. */
static inline int t_become_reaper(void)
{
	return getpid() == 1 || prctl(PR_SET_CHILD_SUBREAPER, 1) == 0;
}

/* t_closed_fd - a descriptor number at or above @from that is not open.
 * The test may inherit descriptors from whatever ran it (a CI runner
 * keeps lock files open on high numbers), so no number is assumed free. */
static inline int t_closed_fd(int from)
{
	while (fcntl(from, F_GETFD) != -1)
		from++;
	return from;
}

/* t_sysctl_writable - may we write the machine-wide /proc/sys file
 * @path? In mmos root always may; natively a container often mounts
 * /proc/sys read-only (EROFS) or runs us without root, and a test that
 * needs the write says why it skips that part. */
static inline int t_sysctl_writable(const char *path)
{
	long fd = RAW(SYS_open, path, 01 /* O_WRONLY */);

	if (fd < 0)
		return 0;
	RAW(SYS_close, fd);
	return 1;
}

/* t_has_cap - is capability @cap in our effective set? From CapEff in
 * /proc/self/status (a native root may lack some: a container's does);
 * where there is no such line (mmos does not print it yet), root has
 * them all and others none, as mmos's capable(). */
static inline int t_has_cap(int cap)
{
	const char *s = t_read_file("/proc/self/status");
	const char *e = s ? strstr(s, "CapEff:\t") : NULL;

	if (!e)
		return geteuid() == 0;
	return (strtoull(e + 8, NULL, 16) >> cap) & 1;
}

#endif
