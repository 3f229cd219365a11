/* SPDX-License-Identifier: GPL-2.0 */
/* A writer and a reader hammer one pipe with chunks of every size (and
 * the pipe is resized meanwhile, which must not wait for a writer that
 * waits for room): every byte arrives in order. And a pipe that was
 * filled and drained holds no more than the one page it keeps for its
 * next write, as Linux's tmp_page (in mmos the free-page count says so;
 * natively only the bytes are checked). */
#include "t.h"
#include <fcntl.h>
#include <sys/wait.h>

#ifndef F_SETPIPE_SZ
#define F_SETPIPE_SZ 1031
#endif

#define TOTAL (3 << 20)

static unsigned int rnd(unsigned int *s)
{
	*s = *s * 1103515245 + 12345;
	return *s >> 8;
}

int main(void)
{
	static unsigned char buf[70000];
	long before, after;
	unsigned int seed = 12345;
	long got = 0, bad = 0;
	int p[2], status;
	pid_t pid;

	CHECK(pipe(p) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		unsigned int ws = 777;
		long sent = 0;

		close(p[0]);
		while (sent < TOTAL) {
			long n = rnd(&ws) % 70000 + 1, w;

			if (n > TOTAL - sent)
				n = TOTAL - sent;
			for (long i = 0; i < n; i++)
				buf[i] = (unsigned char)((sent + i) * 13 + ((sent + i) >> 11));
			w = write(p[1], buf, n);
			if (w <= 0)
				_exit(1);
			sent += w;
		}
		_exit(0);
	}
	close(p[1]);
	while (got < TOTAL) {
		long n = rnd(&seed) % 9000 + 1, r;

		if (rnd(&seed) % 97 == 0)
			fcntl(p[0], F_SETPIPE_SZ, 4096 << (rnd(&seed) % 6));
		r = read(p[0], buf, n);
		if (r <= 0)
			break;
		for (long i = 0; i < r; i++)
			bad += buf[i] != (unsigned char)((got + i) * 13 + ((got + i) >> 11));
		got += r;
	}
	CHECK(got == TOTAL && !bad, "%ld bytes, %ld wrong", got, bad);
	CHECK(waitpid(pid, &status, 0) == pid && status == 0, "writer: %#x", status);
	close(p[0]);

	CHECK(pipe2(p, O_NONBLOCK) == 0, "pipe");
	CHECK(write(p[1], buf, 1) == 1 && read(p[0], buf, 1) == 1, "warm up");
	memset(buf, 1, sizeof(buf));	/* its pages are in before the count */
	t_free_pages();
	before = t_free_pages();
	CHECK(write(p[1], buf, 60000) == 60000 && read(p[0], buf, 70000) == 60000, "fill, drain");
	after = t_free_pages();
	CHECK(before < 0 || after == before, "a drained pipe gave its pages back: %ld -> %ld",
	      before, after);
	close(p[0]);
	close(p[1]);
	return t_done("pipe_stress");
}
