/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sendfile(2) from a regular file to a file and to a pipe: with the
 * file position (moved) or an offset pointer (moved instead, the
 * position kept), stopping at the end of the input, a nonblocking full
 * pipe's partial write and -EAGAIN; and Linux's errors: EBADF for bad
 * descriptors or ones open the wrong way, ESPIPE for an offset on a
 * pipe, EINVAL for a negative offset, a non-regular input or an
 * O_APPEND output or an offset and count that overflow, EFAULT for a
 * bad offset pointer.
 */
#include "t.h"
#include <sys/sendfile.h>
#include <sys/stat.h>

#define SIZE	100000

static char data[SIZE], back[SIZE];

/* same_as - the file @path holds data[@from .. @from + @n). */
static int same_as(const char *path, long from, long n)
{
	int fd = open(path, O_RDONLY);
	long got = fd >= 0 ? read(fd, back, sizeof(back)) : -1;

	close(fd);
	return got == n && !memcmp(back, data + from, n);
}

int main(void)
{
	char in_path[64], out_path[64];
	int in, out, p[2], fd;
	off_t off;
	long n;

	for (int i = 0; i < SIZE; i++)
		data[i] = 'a' + i % 23 + i / 4096;
	snprintf(in_path, sizeof(in_path), "sendfile_in.%d", getpid());
	snprintf(out_path, sizeof(out_path), "sendfile_out.%d", getpid());
	fd = open(in_path, O_CREAT | O_WRONLY | O_TRUNC, 0600);
	CHECK(write(fd, data, SIZE) == SIZE, "write input");
	close(fd);
	in = open(in_path, O_RDONLY);

	/* file to file at the positions, which move */
	out = open(out_path, O_CREAT | O_WRONLY | O_TRUNC, 0600);
	CHECK(sendfile(out, in, NULL, SIZE + 5) == SIZE, "whole file");
	CHECK(lseek(in, 0, SEEK_CUR) == SIZE && lseek(out, 0, SEEK_CUR) == SIZE, "positions");
	CHECK(same_as(out_path, 0, SIZE), "copy differs");
	CHECK(sendfile(out, in, NULL, 10) == 0, "at the end: 0");
	close(out);

	/* with an offset: it moves, the position does not */
	out = open(out_path, O_WRONLY | O_TRUNC);
	lseek(in, 7, SEEK_SET);
	off = 1000;
	CHECK(sendfile(out, in, &off, 5000) == 5000 && off == 6000, "offset: %ld", (long)off);
	CHECK(lseek(in, 0, SEEK_CUR) == 7, "the position moved");
	off = SIZE - 100;
	CHECK(sendfile(out, in, &off, 5000) == 100 && off == SIZE, "short at the end");
	close(out);
	{
		int f = open(out_path, O_RDONLY);

		CHECK(read(f, back, sizeof(back)) == 5100 && !memcmp(back, data + 1000, 5000) &&
		      !memcmp(back + 5000, data + SIZE - 100, 100), "offset copy differs");
		close(f);
	}

	/* to a pipe; a nonblocking full one takes part, then -EAGAIN */
	CHECK(pipe(p) == 0, "pipe");
	off = 3;
	CHECK(sendfile(p[1], in, &off, 3000) == 3000, "to a pipe");
	CHECK(read(p[0], back, sizeof(back)) == 3000 && !memcmp(back, data + 3, 3000),
	      "pipe data");
	fcntl(p[1], F_SETFL, O_NONBLOCK);
	off = 0;
	n = sendfile(p[1], in, &off, SIZE);
	CHECK(n > 0 && n < SIZE && off == n, "nonblocking full pipe: %ld", n);
	CHECK(sendfile(p[1], in, &off, SIZE) == -1 && errno == EAGAIN, "EAGAIN: %s",
	      strerror(errno));
	CHECK(read(p[0], back, n) == n && !memcmp(back, data, n), "partial data");
	off = 0x7ffffffffffffff0LL;
	CHECK(sendfile(p[1], in, &off, 100) == -1 && errno == EINVAL, "offset + count overflows: %s",
	      strerror(errno));
	off = 200000;
	CHECK(sendfile(p[1], in, &off, 100) == 0 && off == 200000, "past the end: 0");

	/* errors, in Linux's order */
	out = open(out_path, O_WRONLY);
	CHECK(sendfile(out, t_closed_fd(3), NULL, 1) == -1 && errno == EBADF, "bad in");
	CHECK(sendfile(t_closed_fd(3), in, NULL, 1) == -1 && errno == EBADF, "bad out");
	CHECK(sendfile(out, out, NULL, 1) == -1 && errno == EBADF, "in not readable");
	CHECK(sendfile(in, in, NULL, 1) == -1 && errno == EBADF, "out not writable");
	off = 0;
	CHECK(sendfile(out, p[0], &off, 1) == -1 && errno == ESPIPE, "offset on a pipe: %s",
	      strerror(errno));
	CHECK(sendfile(out, p[0], NULL, 1) == -1 && errno == EINVAL, "pipe input: %s",
	      strerror(errno));
	fd = open(".", O_RDONLY | O_DIRECTORY);
	CHECK(sendfile(out, fd, NULL, 1) == -1 && errno == EINVAL, "directory input: %s",
	      strerror(errno));
	close(fd);
	off = -1;
	CHECK(sendfile(out, in, &off, 1) == -1 && errno == EINVAL, "negative offset");
	CHECK(sendfile(out, in, (off_t *)8, 1) == -1 && errno == EFAULT, "bad offset pointer");
	close(out);
	out = open(out_path, O_WRONLY | O_APPEND);
	CHECK(sendfile(out, in, NULL, 1) == -1 && errno == EINVAL, "O_APPEND: %s",
	      strerror(errno));
	close(out);

	close(p[0]);
	close(p[1]);
	close(in);
	unlink(in_path);
	unlink(out_path);
	return t_done("sendfile");
}
