/* SPDX-License-Identifier: GPL-2.0 */
/* mknod: FIFOs that work as pipes between processes (open's blocking
 * and O_NONBLOCK rules, EOF, ESPIPE), character device nodes that open
 * their driver by number (ENXIO without one), and mknod's errors. */
#include "t.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>

int main(void)
{
	char scratch[64], buf[64];
	struct stat st;
	int fd, rfd, status;
	pid_t pid;

	snprintf(scratch, sizeof(scratch), "mknod_fifo.%d", getpid());
	CHECK(mkdir(scratch, 0755) == 0 && chdir(scratch) == 0, "scratch");

	CHECK(mknod("fifo", S_IFIFO | 0644, 0) == 0, "mknod fifo: %d", errno);
	CHECK(stat("fifo", &st) == 0 && S_ISFIFO(st.st_mode) && (st.st_mode & 0777) == 0644,
	      "a fifo: %o", st.st_mode);
	CHECK(mkfifo("fifo", 0644) == -1 && errno == EEXIST, "EEXIST");

	/* no reader: a non-blocking writer is ENXIO, a non-blocking reader opens */
	CHECK(open("fifo", O_WRONLY | O_NONBLOCK) == -1 && errno == ENXIO, "ENXIO: %d", errno);
	rfd = open("fifo", O_RDONLY | O_NONBLOCK);
	CHECK(rfd >= 0, "O_RDONLY|O_NONBLOCK opens");
	CHECK(read(rfd, buf, sizeof(buf)) == 0, "no writer yet: EOF");
	fd = open("fifo", O_WRONLY | O_NONBLOCK);
	CHECK(fd >= 0, "a writer now that there is a reader");
	CHECK(write(fd, "abc", 3) == 3 && read(rfd, buf, sizeof(buf)) == 3 && !memcmp(buf, "abc", 3),
	      "through the fifo");
	CHECK(lseek(fd, 0, SEEK_SET) == -1 && errno == ESPIPE, "ESPIPE");
	close(fd);
	close(rfd);

	/* between processes: each open waits for the other end */
	pid = fork();
	if (pid == 0) {
		int w = open("fifo", O_WRONLY);	/* waits for the reader */

		if (w < 0 || write(w, "from child", 10) != 10)
			_exit(1);
		close(w);
		_exit(0);
	}
	rfd = open("fifo", O_RDONLY);	/* waits for the writer */
	CHECK(rfd >= 0, "blocking open for reading");
	memset(buf, 0, sizeof(buf));
	{
		int got = 0;
		long n;

		while ((n = read(rfd, buf + got, sizeof(buf) - 1 - got)) > 0)
			got += n;
		CHECK(got == 10 && !strcmp(buf, "from child"), "read %d: %s", got, buf);
	}
	close(rfd);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "child: %#x", status);
	/* O_RDWR never waits, and the data survives another open */
	fd = open("fifo", O_RDWR);
	CHECK(fd >= 0 && write(fd, "x", 1) == 1, "O_RDWR");
	rfd = open("fifo", O_RDONLY);
	CHECK(rfd >= 0 && read(rfd, buf, 1) == 1 && buf[0] == 'x', "same pipe for both opens");
	close(rfd);
	close(fd);

	/* character devices: opened by number */
	CHECK(mknod("null", S_IFCHR | 0666, makedev(1, 3)) == 0, "mknod c 1 3: %d", errno);
	CHECK(stat("null", &st) == 0 && S_ISCHR(st.st_mode) && major(st.st_rdev) == 1 &&
	      minor(st.st_rdev) == 3, "st_rdev %lx", (unsigned long)st.st_rdev);
	fd = open("null", O_RDWR);
	CHECK(fd >= 0 && write(fd, "gone", 4) == 4 && read(fd, buf, 4) == 0, "null by number");
	close(fd);
	CHECK(mknod("zero", S_IFCHR | 0666, makedev(1, 5)) == 0, "mknod c 1 5");
	fd = open("zero", O_RDONLY);
	buf[0] = 1;
	CHECK(fd >= 0 && read(fd, buf, 8) == 8 && buf[0] == 0 && buf[7] == 0, "zero by number");
	close(fd);
	CHECK(mknod("none", S_IFCHR | 0666, makedev(240, 77)) == 0, "mknod unknown major");
	CHECK(open("none", O_RDONLY) == -1 && errno == ENXIO, "no driver: ENXIO: %d", errno);

	/* an anonymous pipe is a FIFO too */
	{
		int p[2];

		CHECK(pipe(p) == 0 && fstat(p[0], &st) == 0 && S_ISFIFO(st.st_mode) &&
		      fstat(p[1], &st) == 0 && S_ISFIFO(st.st_mode), "fstat of a pipe: %o",
		      st.st_mode);
		close(p[0]);
		close(p[1]);
	}

	/* a socket node does not open */
	CHECK(mknod("sock", S_IFSOCK | 0644, 0) == 0 && stat("sock", &st) == 0 &&
	      S_ISSOCK(st.st_mode), "mknod a socket");
	CHECK(open("sock", O_RDONLY) == -1 && errno == ENXIO, "open a socket node: %d", errno);
	CHECK(unlink("sock") == 0, "unlink sock");

	/* errors */
	CHECK(mknod("d", S_IFDIR | 0755, 0) == -1 && errno == EPERM, "S_IFDIR: %d", errno);
	CHECK(mknod("bad", 0170000, 0) == -1 && errno == EINVAL, "bad type: %d", errno);
	CHECK(mknod("nope/x", S_IFIFO, 0) == -1 && errno == ENOENT, "no dir");
	CHECK(mknod("fifo/x", S_IFIFO, 0) == -1 && errno == ENOTDIR, "not a dir: %d", errno);

	CHECK(unlink("fifo") == 0 && unlink("null") == 0 && unlink("zero") == 0 &&
	      unlink("none") == 0, "cleanup");
	CHECK(chdir("..") == 0 && rmdir(scratch) == 0, "rmdir scratch: %d", errno);
	return t_done("mknod_fifo");
}
