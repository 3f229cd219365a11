/* SPDX-License-Identifier: GPL-2.0 */
/* A pipe holds 64 KiB, as Linux's 16 pages; F_GETPIPE_SZ says so and
 * F_SETPIPE_SZ changes it (rounded up to a power of two pages; EBUSY if
 * what is in it does not fit, EPERM above fs.pipe-max-size without
 * CAP_SYS_RESOURCE, EBADF for a file that is not a pipe), keeping the
 * bytes in it; FIONREAD says how many bytes it holds; a megabyte goes
 * through intact (LTP's pipe12, pipe15). */
#include "t.h"
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/wait.h>

#ifndef F_SETPIPE_SZ
#define F_SETPIPE_SZ 1031
#define F_GETPIPE_SZ 1032
#endif

static unsigned char pattern(long i)
{
	return (unsigned char)(i * 7 + (i >> 9));
}

/* fill - write @n pattern bytes from offset @from; what write returned. */
static long fill(int fd, long from, long n)
{
	static unsigned char buf[1 << 17];

	for (long i = 0; i < n; i++)
		buf[i] = pattern(from + i);
	return write(fd, buf, n);
}

/* drain_ok - read @n bytes; do they follow the pattern from @from? */
static int drain_ok(int fd, long from, long n)
{
	static unsigned char buf[1 << 17];
	long got = 0, r;

	while (got < n && (r = read(fd, buf + got, n - got)) > 0)
		got += r;
	if (got != n)
		return 0;
	for (long i = 0; i < n; i++)
		if (buf[i] != pattern(from + i))
			return 0;
	return 1;
}

int main(void)
{
	int p[2], fd, status, n;
	long sum = 0;
	pid_t pid;

	CHECK(pipe2(p, O_NONBLOCK) == 0, "pipe");
	CHECK(fcntl(p[0], F_GETPIPE_SZ) == 65536 && fcntl(p[1], F_GETPIPE_SZ) == 65536,
	      "64 KiB: %d", fcntl(p[0], F_GETPIPE_SZ));
	CHECK(fill(p[1], 0, 65536) == 65536, "it takes 64 KiB");
	CHECK(fill(p[1], 0, 1) == -1 && errno == EAGAIN, "and no more");
	CHECK(ioctl(p[0], FIONREAD, &n) == 0 && n == 65536, "FIONREAD: %d", n);
	CHECK(ioctl(p[0], FIONREAD, (void *)8) == -1 && errno == EFAULT, "FIONREAD: EFAULT");
	CHECK(fcntl(p[1], F_SETPIPE_SZ, 4096) == -1 && errno == EBUSY, "too full to shrink");
	CHECK(drain_ok(p[0], 0, 65536), "the bytes come back");
	CHECK(fcntl(p[1], F_SETPIPE_SZ, 1) == 4096 && fcntl(p[0], F_GETPIPE_SZ) == 4096,
	      "one page");
	CHECK(fill(p[1], 0, 8192) == 4096, "a page takes a page");
	CHECK(fcntl(p[0], F_SETPIPE_SZ, 5000) == 8192, "rounded up to two pages");
	CHECK(fill(p[1], 4096, 4096) == 4096, "the rest fits now");
	CHECK(drain_ok(p[0], 0, 8192), "bytes kept across the resize");
	CHECK(fcntl(p[1], F_SETPIPE_SZ, 0) == 4096, "0: a page");
	CHECK(fcntl(p[1], F_SETPIPE_SZ, (1UL << 31) + 1) == -1 && errno == EINVAL, "too big");
	if (t_has_cap(24))	/* CAP_SYS_RESOURCE */
		CHECK(fcntl(p[1], F_SETPIPE_SZ, 2 << 20) == 2 << 20, "CAP_SYS_RESOURCE: past 1 MiB");
	else
		CHECK(fcntl(p[1], F_SETPIPE_SZ, 2 << 20) == -1 && errno == EPERM,
		      "no CAP_SYS_RESOURCE: EPERM past 1 MiB");
	fd = open("/proc/self/exe", O_RDONLY);
	CHECK(fcntl(fd, F_GETPIPE_SZ) == -1 && errno == EBADF, "not a pipe: EBADF");
	CHECK(fcntl(fd, F_SETPIPE_SZ, 4096) == -1 && errno == EBADF, "not a pipe: EBADF");
	close(fd);

	pid = fork();
	if (pid == 0) {		/* unprivileged: no more than fs.pipe-max-size */
		if (setresuid(65534, 65534, 65534))
			_exit(2);
		if (fcntl(p[1], F_SETPIPE_SZ, 4 << 20) != -1 || errno != EPERM)
			_exit(3);
		_exit(fcntl(p[1], F_SETPIPE_SZ, 1 << 20) == 1 << 20 ? 0 : 4);
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && !WEXITSTATUS(status),
	      "unprivileged: EPERM above 1 MiB: %#x", status);
	close(p[0]);
	close(p[1]);

	/* a megabyte through a 64 KiB pipe, a writer and a reader at once */
	CHECK(pipe(p) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		for (long off = 0; off < (1 << 20); off += 100000)
			if (fill(p[1], off, off + 100000 > (1 << 20) ? (1 << 20) - off : 100000) < 0)
				_exit(1);
		_exit(0);
	}
	close(p[1]);
	for (long off = 0; off < (1 << 20); off += 65536)
		sum += drain_ok(p[0], off, 65536);
	CHECK(sum == 16, "1 MiB intact: %ld of 16 chunks", sum);
	CHECK(waitpid(pid, &status, 0) == pid && status == 0, "writer done");
	close(p[0]);
	return t_done("pipe_size");
}
