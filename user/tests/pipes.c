/* SPDX-License-Identifier: GPL-2.0 */
/* Pipes between processes: data, EOF, EPIPE, dup2. */
#include "t.h"
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>

int main(void)
{
	int p[2], q[2], status;
	char buf[100000];
	pid_t pid;

	CHECK(pipe(p) == 0 && pipe(q) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		char c;
		long n = 0;

		close(p[1]);
		dup2(q[1], 1);		/* stdout into the pipe */
		while (read(p[0], &c, 1) == 1)
			n++;
		printf("%ld", n);	/* EOF came: report the count */
		fflush(stdout);
		_exit(0);
	}
	close(p[0]);
	close(q[1]);
	memset(buf, 'a', sizeof(buf));
	CHECK(write(p[1], buf, sizeof(buf)) == sizeof(buf), "a write larger than the pipe");
	close(p[1]);
	long got = read(q[0], buf, sizeof(buf) - 1);
	buf[got > 0 ? got : 0] = 0;
	CHECK(atol(buf) == 100000, "child read %s bytes", buf);
	CHECK(waitpid(pid, &status, 0) == pid && status == 0, "child status %#x", status);
	close(q[0]);

	CHECK(pipe(p) == 0, "pipe");
	close(p[0]);
	signal(SIGPIPE, SIG_IGN);
	CHECK(write(p[1], "x", 1) == -1 && errno == EPIPE, "EPIPE without readers");
	close(p[1]);
	CHECK(pipe2(p, O_CLOEXEC | O_NONBLOCK) == 0, "pipe2");
	CHECK(read(p[0], buf, 1) == -1 && errno == EAGAIN, "O_NONBLOCK read");
	CHECK((fcntl(p[0], F_GETFD) & FD_CLOEXEC) != 0, "O_CLOEXEC");
	CHECK(RAW(SYS_pipe2, p, 0x12345) == -EINVAL, "pipe2 bad flags");
	CHECK(RAW(SYS_pipe, (void *)8) == -EFAULT, "pipe(bad)");
	return t_done("pipes");
}
