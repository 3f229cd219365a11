/* SPDX-License-Identifier: GPL-2.0 */
/* What F_GETFL reports, as Linux x86-64: open forces O_LARGEFILE; the
 * open-time flags O_CREAT, O_EXCL, O_NOCTTY and O_TRUNC are not kept;
 * O_CLOEXEC is the descriptor's (F_GETFD), not the file's; O_DIRECTORY
 * and O_NOFOLLOW are kept; pipes have no O_LARGEFILE; F_SETFL changes
 * only the status flags. */
#include "t.h"
#include <fcntl.h>

#define LARGEFILE 0100000	/* x86-64's O_LARGEFILE */

int main(void)
{
	char name[64];
	int fd, p[2];
	long fl;

	snprintf(name, sizeof(name), "fcntl_flags.%d", getpid());
	fd = open(name, O_RDWR | O_CREAT | O_EXCL | O_TRUNC | O_NOCTTY | O_CLOEXEC, 0644);
	CHECK(fd >= 0, "open: %s", strerror(errno));
	fl = fcntl(fd, F_GETFL);
	CHECK(fl == (O_RDWR | LARGEFILE), "created: %#lo", fl);
	CHECK(fcntl(fd, F_GETFD) == FD_CLOEXEC, "O_CLOEXEC is the descriptor's");
	CHECK(fcntl(fd, F_SETFL, O_APPEND | O_NONBLOCK | O_WRONLY | O_TRUNC) == 0, "F_SETFL");
	fl = fcntl(fd, F_GETFL);
	CHECK(fl == (O_RDWR | LARGEFILE | O_APPEND | O_NONBLOCK), "status flags only: %#lo", fl);
	CHECK(fcntl(fd, F_SETFL, 0) == 0 && fcntl(fd, F_GETFL) == (O_RDWR | LARGEFILE),
	      "cleared: %#o", fcntl(fd, F_GETFL));
	close(fd);

	fd = open(name, O_WRONLY | O_APPEND);
	fl = fcntl(fd, F_GETFL);
	CHECK(fl == (O_WRONLY | LARGEFILE | O_APPEND), "append: %#lo", fl);
	close(fd);
	fd = open(".", O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
	fl = fcntl(fd, F_GETFL);
	CHECK(fl == (O_RDONLY | LARGEFILE | O_DIRECTORY | O_NOFOLLOW), "directory: %#lo", fl);
	close(fd);
	fd = creat(name, 0644);
	fl = fcntl(fd, F_GETFL);
	CHECK(fl == (O_WRONLY | LARGEFILE), "creat: %#lo", fl);
	close(fd);

	CHECK(pipe2(p, O_CLOEXEC) == 0, "pipe2");
	CHECK(fcntl(p[0], F_GETFL) == O_RDONLY && fcntl(p[1], F_GETFL) == O_WRONLY,
	      "pipes: %#o %#o", fcntl(p[0], F_GETFL), fcntl(p[1], F_GETFL));
	CHECK(fcntl(t_closed_fd(200), F_GETFL) == -1 && errno == EBADF, "EBADF");
	close(p[0]);
	close(p[1]);
	CHECK(unlink(name) == 0, "unlink");
	return t_done("fcntl_flags");
}
