/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pid_max: /proc/sys/kernel/pid_max bounds the pid numbers, as Linux's:
 * a write below RESERVED_PIDS + 1 (301) or that is not a number is
 * EINVAL and changes nothing; once lowered, new pids stay below it and
 * wrap around to just above the reserved 300, never reusing a number
 * at once. The value is lowered only to our own pid + 50 (or 400), so
 * natively the rest of the machine keeps plenty of numbers, and it is
 * restored however the test ends (the parent does it).
 */
#include "t.h"
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#define PATH "/proc/sys/kernel/pid_max"

static long read_max(void)
{
	const char *s = t_read_file(PATH);

	return s ? strtol(s, NULL, 10) : -1;
}

static long write_max(const char *text)
{
	long fd = RAW(SYS_open, PATH, O_WRONLY), n;

	if (fd < 0)
		return fd;
	n = RAW(SYS_write, fd, text, strlen(text));
	RAW(SYS_close, fd);
	return n;
}

/* wrap - with pid_max at @max, fork until a child's pid wraps below
 * the one before: every pid is below @max and the wrapped one at least
 * 300. Returns 0 when all held. */
static int wrap(long max)
{
	pid_t prev = 0, pid;
	int st;

	for (int i = 0; i < 4 * max; i++) {
		pid = fork();
		if (pid < 0)
			return 1;
		if (!pid)
			_exit(0);
		waitpid(pid, &st, 0);
		if (pid >= max)
			return 2;
		if (prev && pid < prev)
			return pid >= 300 ? 0 : 3;
		prev = pid;
	}
	return 4;
}

int main(void)
{
	long max = read_max(), low;
	char text[32];
	pid_t pid;
	int st = -1;

	CHECK(max > 300, "pid_max reads: %ld", max);
	snprintf(text, sizeof(text), "%ld\n", max);
	if (!t_sysctl_writable(PATH)) {
		CHECK(t_free_pages() < 0, "in mmos, root may write %s", PATH);
		printf("pid_max: %s not writable here: read only\n", PATH);
		return t_done("pid_max");
	}
	CHECK(write_max(text) > 0, "root writes it (the same value)");
	CHECK(write_max("300\n") == -EINVAL, "300 (RESERVED_PIDS): EINVAL");
	CHECK(write_max("0\n") == -EINVAL, "0: EINVAL");
	CHECK(write_max("many\n") == -EINVAL, "not a number: EINVAL");
	CHECK(read_max() == max, "unchanged after EINVAL");
	low = getpid() + 50 > 400 ? getpid() + 50 : 400;
	if (low >= max) {
		printf("pid_max: our pid is too near pid_max to lower it\n");
		return t_done("pid_max");
	}
	fflush(stdout);
	pid = fork();
	if (!pid) {
		snprintf(text, sizeof(text), "%ld\n", low);
		_exit(write_max(text) > 0 ? 10 + wrap(low) : 9);
	}
	waitpid(pid, &st, 0);
	snprintf(text, sizeof(text), "%ld\n", max);
	write_max(text);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 10,
	      "pids below a lowered pid_max, wrapping above 300 (%#x)", st);
	CHECK(read_max() == max, "restored");
	return t_done("pid_max");
}
