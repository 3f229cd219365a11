/* SPDX-License-Identifier: GPL-2.0 */
/* /dev/null, /dev/zero, /dev/full (devtmpfs on /dev), and devtmpfs
 * mounted again by hand: the same nodes. */
#include "t.h"
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

static int is_chr(const char *path, unsigned int ma, unsigned int mi)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISCHR(st.st_mode) && major(st.st_rdev) == ma &&
	       minor(st.st_rdev) == mi;
}

int main(void)
{
	char buf[4096], scratch[64], path[128];
	int fd;

	CHECK(is_chr("/dev/null", 1, 3), "/dev/null is 1,3");
	CHECK(is_chr("/dev/zero", 1, 5), "/dev/zero is 1,5");
	CHECK(is_chr("/dev/full", 1, 7), "/dev/full is 1,7");

	fd = open("/dev/null", O_RDWR);
	CHECK(fd >= 0, "open null");
	CHECK(write(fd, buf, sizeof(buf)) == sizeof(buf), "null takes writes");
	CHECK(read(fd, buf, sizeof(buf)) == 0, "null reads EOF");
	CHECK(RAW(SYS_write, fd, (void *)8, 10) == 10, "null does not read the buffer");
	close(fd);

	fd = open("/dev/zero", O_RDWR);
	memset(buf, 7, sizeof(buf));
	CHECK(fd >= 0 && read(fd, buf, sizeof(buf)) == sizeof(buf), "zero reads");
	{
		int all = 1;

		for (size_t i = 0; i < sizeof(buf); i++)
			all &= buf[i] == 0;
		CHECK(all, "zeros");
	}
	CHECK(write(fd, buf, 100) == 100, "zero takes writes");
	CHECK(RAW(SYS_read, fd, (void *)8, 10) == -EFAULT, "zero read EFAULT");
	close(fd);

	fd = open("/dev/full", O_RDWR);
	CHECK(fd >= 0 && write(fd, "x", 1) == -1 && errno == ENOSPC, "full: ENOSPC: %d", errno);
	CHECK(read(fd, buf, 16) == 16 && buf[0] == 0, "full reads zeros");
	close(fd);

	/* devtmpfs mounted by hand shows the same devices */
	snprintf(scratch, sizeof(scratch), "devnull.%d", getpid());
	CHECK(mkdir(scratch, 0755) == 0, "scratch");
	CHECK(mount("devtmpfs", scratch, "devtmpfs", 0, NULL) == 0, "mount devtmpfs: %d", errno);
	snprintf(path, sizeof(path), "%s/null", scratch);
	CHECK(is_chr(path, 1, 3), "null in the second mount");
	CHECK(umount(scratch) == 0, "umount: %d", errno);
	CHECK(rmdir(scratch) == 0, "rmdir scratch");
	return t_done("devnull");
}
