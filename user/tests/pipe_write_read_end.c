/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The open mode is checked for every file (the fuzzer's write to a
 * pipe's read end, which succeeded and then blocked): write/writev on
 * a read end and read/readv on a write end are EBADF, however much is
 * written; a file opened O_RDONLY cannot be written either. Nothing
 * reaches the pipe.
 */
#include "t.h"
#include <fcntl.h>
#include <sys/uio.h>

int main(void)
{
	static char big[70000];
	struct iovec iov = { big, sizeof(big) };
	int fds[2], fd;
	char c;

	CHECK(pipe(fds) == 0, "pipe");
	CHECK(RAW(SYS_write, fds[0], "x", 1) == -EBADF, "write on the read end");
	for (int i = 0; i < 20; i++)	/* more than a pipe holds: never blocks */
		CHECK(RAW(SYS_write, fds[0], big, sizeof(big)) == -EBADF, "big write");
	CHECK(RAW(SYS_writev, fds[0], &iov, 1) == -EBADF, "writev on the read end");
	CHECK(RAW(SYS_read, fds[1], &c, 1) == -EBADF, "read on the write end");
	CHECK(RAW(SYS_readv, fds[1], &iov, 1) == -EBADF, "readv on the write end");
	/* nothing went in: the read end is empty */
	CHECK(fcntl(fds[0], F_SETFL, O_NONBLOCK) == 0, "O_NONBLOCK");
	CHECK(RAW(SYS_read, fds[0], &c, 1) == -EAGAIN, "the pipe is empty");
	/* and the right ends still work */
	CHECK(write(fds[1], "y", 1) == 1 && read(fds[0], &c, 1) == 1 && c == 'y',
	      "the pipe works");
	close(fds[0]);
	close(fds[1]);

	fd = open("/proc/self/status", O_RDONLY);
	CHECK(fd >= 0, "open /proc/self/status");
	CHECK(RAW(SYS_write, fd, "x", 1) == -EBADF, "write on an O_RDONLY file");
	CHECK(RAW(SYS_writev, fd, &iov, 1) == -EBADF, "writev on an O_RDONLY file");
	close(fd);
	return t_done("pipe_write_read_end");
}
