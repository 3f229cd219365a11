/* SPDX-License-Identifier: GPL-2.0 */
/*
 * /proc/PID/cmdline and /proc/PID/environ: the strings exec put on the
 * stack, each with its NUL, read through the task's mm (mm->arg_start..
 * arg_end and env_start..env_end); a forked child reads its parent's;
 * after exec they are the new image's.
 */
#include "t.h"
#include <sys/wait.h>

extern char **environ;

/* The strings of @v, each with its NUL, into @buf; returns the length. */
static size_t join(char *const *v, char *buf, size_t size)
{
	size_t n = 0;

	for (; *v; v++) {
		size_t len = strlen(*v) + 1;

		if (n + len > size)
			break;
		memcpy(buf + n, *v, len);
		n += len;
	}
	return n;
}

/* Does /proc/@pid/@what hold exactly the strings of @v? */
static int proc_matches(pid_t pid, const char *what, char *const *v)
{
	static char want[16384];
	size_t n = join(v, want, sizeof(want));
	char path[64];
	long fd, len = 0, r;
	static char got[16384];

	snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, what);
	fd = RAW(SYS_open, path, 0);
	if (fd < 0)
		return 0;
	while ((r = RAW(SYS_read, fd, got + len, sizeof(got) - len)) > 0)
		len += r;
	RAW(SYS_close, fd);
	return (size_t)len == n && !memcmp(got, want, n);
}

int main(int argc, char **argv)
{
	char *args[] = { argv[0], "exec'd", "two words", "", "last", NULL };
	int status = -1;
	pid_t parent = getpid(), pid;

	if (argc > 1 && !strcmp(argv[1], "exec'd")) {
		CHECK(proc_matches(getpid(), "cmdline", argv), "new image's cmdline");
		CHECK(proc_matches(getpid(), "environ", environ), "new image's environ");
		return t_done("proc_cmdline (exec'd)");
	}
	CHECK(proc_matches(getpid(), "cmdline", argv), "own cmdline");
	CHECK(proc_matches(getpid(), "environ", environ), "own environ");
	pid = fork();
	if (pid == 0) {
		if (!proc_matches(parent, "cmdline", argv) ||
		    !proc_matches(parent, "environ", environ))
			_exit(1);
		execv(argv[0], args);
		_exit(2);
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0, "child: status %#x", status);
	return t_done("proc_cmdline");
}
