/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Resource limits are the process's own, as Linux keeps them: what
 * setrlimit/prlimit set is what getrlimit and /proc/self/limits give
 * back, fork and exec keep it, prlimit reaches another process (ESRCH
 * for none, EPERM for a non-root caller on root's), and Linux's errors:
 * EINVAL for a bad resource or soft above hard, EPERM for raising the
 * hard limit without CAP_SYS_RESOURCE or RLIMIT_NOFILE above nr_open,
 * EFAULT. RLIMIT_NOFILE bounds new descriptors (EMFILE), dup2's target
 * (EBADF) and F_DUPFD's start (EINVAL).
 */
#include "t.h"
#include <sys/resource.h>
#include <sys/wait.h>

/* has_cap_sys_resource - in mmos root has every capability; natively
 * the runner may be root without CAP_SYS_RESOURCE (a sandbox): ask
 * /proc/self/status. */
static int has_cap_sys_resource(void)
{
	const char *s = t_free_pages() >= 0 ? NULL : t_read_file("/proc/self/status");

	s = s ? strstr(s, "CapEff:") : NULL;
	return s ? (strtoull(s + 7, NULL, 16) >> 24) & 1 : 1;
}

/* limit_is - @res of process @pid is {@cur, @max} (prlimit). */
static int limit_is(pid_t pid, int res, rlim_t cur, rlim_t max)
{
	struct rlimit r;

	return prlimit(pid, res, NULL, &r) == 0 && r.rlim_cur == cur && r.rlim_max == max;
}

/* child_status - run @fn in a child, its exit status (or -1). */
static int child_status(int (*fn)(void))
{
	int st;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn());
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static const char *self;

/* inherited - the limits set before fork are the child's, and stay
 * across its exec (checked by the new image: "check"). */
static int inherited(void)
{
	char *argv[] = { (char *)self, "check", NULL };

	if (!limit_is(0, RLIMIT_CPU, 100, RLIM_INFINITY))
		return 1;
	execv(self, argv);
	return 2;
}

/* as_nobody - without root: raising a hard limit and prlimit on root's
 * process are EPERM; lowering is fine, raising back is not. */
static int as_nobody(void)
{
	struct rlimit r = { 50, 200 };
	pid_t parent = getppid();

	if (setuid(65534))
		return 1;
	if (setrlimit(RLIMIT_CPU, &r))
		return 2;
	r.rlim_max = 300;
	if (setrlimit(RLIMIT_CPU, &r) != -1 || errno != EPERM)
		return 3;
	if (prlimit(parent, RLIMIT_CPU, NULL, &r) != -1 || errno != EPERM)
		return 4;
	return 0;
}

/* few_fds - with RLIMIT_NOFILE 8, fd 8 is never handed out. */
static int few_fds(void)
{
	struct rlimit r = { 8, 8 };
	int src = open("/", O_RDONLY), fd, last = -1;

	if (src < 0 || src >= 8 || setrlimit(RLIMIT_NOFILE, &r))
		return 1;
	while ((fd = dup(src)) >= 0)
		last = fd;
	if (errno != EMFILE || last != 7)
		return 2;
	if (open("/", O_RDONLY) != -1 || errno != EMFILE)
		return 3;
	if (dup2(src, 8) != -1 || errno != EBADF)	/* dup2 past the limit */
		return 4;
	close(last);
	if (fcntl(src, F_DUPFD, 8) != -1 || errno != EINVAL)
		return 5;
	return fcntl(src, F_DUPFD, 7) == 7 ? 0 : 6;
}

int main(int argc, char **argv)
{
	struct rlimit r = { 100, RLIM_INFINITY }, big = { 1 << 30, 1 << 30 };
	int p[2], st;
	pid_t pid;

	if (argc > 1 && !strcmp(argv[1], "check"))
		return limit_is(0, RLIMIT_CPU, 100, RLIM_INFINITY) ? 0 : 3;
	self = argv[0];

	CHECK(setrlimit(RLIMIT_CPU, &r) == 0, "setrlimit: %s", strerror(errno));
	CHECK(limit_is(0, RLIMIT_CPU, 100, RLIM_INFINITY), "not kept");
	CHECK(strstr(t_read_file("/proc/self/limits"),
		     "Max cpu time              100                  unlimited"), "/proc/self/limits");
	CHECK(child_status(inherited) == 0, "not inherited across fork and exec");

	/* errors */
	CHECK(RAW(SYS_getrlimit, 16, &r) == -EINVAL, "getrlimit 16");
	CHECK(RAW(SYS_setrlimit, 16, &r) == -EINVAL, "setrlimit 16");
	CHECK(RAW(SYS_prlimit64, 0, 16, NULL, &r) == -EINVAL, "prlimit 16");
	r.rlim_cur = 200;
	r.rlim_max = 100;
	CHECK(setrlimit(RLIMIT_CPU, &r) == -1 && errno == EINVAL, "soft above hard");
	CHECK(setrlimit(RLIMIT_NOFILE, &big) == -1 && errno == EPERM, "NOFILE above nr_open: %s",
	      strerror(errno));
	CHECK(RAW(SYS_setrlimit, RLIMIT_CPU, (void *)8) == -EFAULT, "setrlimit EFAULT");
	CHECK(RAW(SYS_getrlimit, RLIMIT_CPU, (void *)8) == -EFAULT, "getrlimit EFAULT");
	CHECK(RAW(SYS_prlimit64, 0, RLIMIT_CPU, (void *)8, NULL) == -EFAULT, "prlimit new EFAULT");
	CHECK(RAW(SYS_prlimit64, 0x3ffffff0, RLIMIT_CPU, NULL, &r) == -ESRCH, "prlimit ESRCH");
	CHECK(RAW(SYS_prlimit64, 0x3ffffff0, RLIMIT_CPU, (void *)8, NULL) == -EFAULT,
	      "EFAULT before ESRCH");

	/* anyone may lower the hard limit; raising it needs CAP_SYS_RESOURCE */
	CHECK(child_status(as_nobody) == 0, "as nobody: %d", child_status(as_nobody));
	r.rlim_cur = 10;
	r.rlim_max = 20;
	CHECK(setrlimit(RLIMIT_CPU, &r) == 0 && limit_is(0, RLIMIT_CPU, 10, 20), "lower");
	r.rlim_max = RLIM_INFINITY;
	if (has_cap_sys_resource())
		CHECK(setrlimit(RLIMIT_CPU, &r) == 0, "raise with the capability: %s",
		      strerror(errno));
	else
		CHECK(setrlimit(RLIMIT_CPU, &r) == -1 && errno == EPERM, "raise without it");
	CHECK(child_status(few_fds) == 0, "RLIMIT_NOFILE: %d", child_status(few_fds));

	/* prlimit on another process, set and read */
	CHECK(pipe(p) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		char c;

		read(p[0], &c, 1);
		_exit(limit_is(0, RLIMIT_FSIZE, 4096, 8192) ? 0 : 1);
	}
	r.rlim_cur = 4096;
	r.rlim_max = 8192;
	CHECK(prlimit(pid, RLIMIT_FSIZE, &r, NULL) == 0, "prlimit set: %s", strerror(errno));
	CHECK(limit_is(pid, RLIMIT_FSIZE, 4096, 8192), "prlimit read back");
	CHECK(limit_is(0, RLIMIT_FSIZE, RLIM_INFINITY, RLIM_INFINITY), "ours changed");
	write(p[1], "x", 1);
	waitpid(pid, &st, 0);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the child did not see it: %#x", st);
	return t_done("rlimits");
}
