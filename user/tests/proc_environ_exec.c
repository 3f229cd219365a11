// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/PID/environ is bound to the address space at open (Linux's
 * proc_mem_open): the file holds the mm_struct by mm_count, not as a
 * user. So a file opened before an exec reads nothing after it (the old
 * mm has no users: `tr '\0' '\n' < /proc/self/environ` prints nothing
 * on Linux), and one opened on a process that then exits reads nothing.
 */
#include "t.h"
#include <fcntl.h>
#include <sys/wait.h>

extern char **environ;

/* env_block - our environment as the kernel laid it out: the strings,
 * NUL after each, back to back. Returns its length. */
static size_t env_block(char *buf, size_t size)
{
	size_t n = 0;

	for (char **e = environ; *e; e++) {
		size_t l = strlen(*e) + 1;

		if (n + l > size)
			break;
		memcpy(buf + n, *e, l);
		n += l;
	}
	return n;
}

/* read_all - everything @fd gives from its position. */
static ssize_t read_all(int fd, char *buf, size_t size)
{
	size_t n = 0;
	ssize_t r;

	while (n < size && (r = read(fd, buf + n, size - n)) > 0)
		n += r;
	return r < 0 ? -1 : (ssize_t)n;
}

int main(int argc, char **argv)
{
	static char want[65536], got[65536];
	int fd, status, p[2];
	ssize_t n;
	pid_t pid;

	if (argc == 3 && !strcmp(argv[1], "--read-fd")) {
		/* after the exec: the fd opened by the process before it */
		n = read_all(atoi(argv[2]), got, sizeof(got));
		return n == 0 ? 0 : 10 + (n > 0);
	}
	fd = open("/proc/self/environ", O_RDONLY);
	CHECK(fd >= 0, "open: %s", strerror(errno));
	n = read_all(fd, got, sizeof(got));
	CHECK(n > 0 && (size_t)n == env_block(want, sizeof(want)) && !memcmp(got, want, n),
	      "own environment: %zd bytes", n);
	CHECK(lseek(fd, 2, SEEK_SET) == 2 && read(fd, got, 3) == 3 && !memcmp(got, want + 2, 3),
	      "read from an offset");
	close(fd);

	/* a child opens its own environ, then execs: the file is empty */
	pid = fork();
	if (pid == 0) {
		char num[16];

		fd = open("/proc/self/environ", O_RDONLY);
		if (fd < 0 || read(fd, got, 1) != 1)
			_exit(20);	/* before the exec it reads */
		lseek(fd, 0, SEEK_SET);
		snprintf(num, sizeof(num), "%d", fd);
		execl("/proc/self/exe", argv[0], "--read-fd", num, (char *)NULL);
		_exit(21);
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "after exec the old mm's environ reads nothing: status %#x", status);

	/* a file on a live child's environ reads nothing once it exited */
	CHECK(pipe(p) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		char c;

		close(p[1]);
		read(p[0], &c, 1);
		_exit(0);
	}
	close(p[0]);
	snprintf(got, sizeof(got), "/proc/%d/environ", pid);
	fd = open(got, O_RDONLY);
	CHECK(fd >= 0, "open the child's: %s", strerror(errno));
	CHECK(read(fd, got, 1) == 1, "the child's reads while it lives");
	close(p[1]);
	CHECK(waitpid(pid, &status, 0) == pid, "the child ended");
	CHECK(lseek(fd, 0, SEEK_SET) == 0 && read(fd, got, sizeof(got)) == 0,
	      "once it is gone, nothing");
	close(fd);
	snprintf(got, sizeof(got), "/proc/%d/environ", pid);
	CHECK(open(got, O_RDONLY) < 0 && errno == ENOENT, "its directory went: %s",
	      strerror(errno));
	return t_done("proc_environ_exec");
}
