/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The tty device nodes: /dev/console (5,1) and /dev/ttyS0 (4,64) open
 * as ttys, show their numbers, cannot seek or be mapped; /dev/tty (5,0)
 * without a controlling terminal is ENXIO. In mmos the nodes come from
 * the tests' initramfs and /dev/console is the tty of PID 1's fd 0.
 * Nothing is written to the devices (natively they are the machine's).
 */
#include "t.h"
#include <fcntl.h>
#include <termios.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>

static void check_node(const char *path, unsigned int maj, unsigned int min)
{
	struct stat st;
	struct termios t;
	int fd;

	CHECK(stat(path, &st) == 0 && S_ISCHR(st.st_mode), "%s: a character device", path);
	CHECK(major(st.st_rdev) == maj && minor(st.st_rdev) == min, "%s: %u:%u", path,
	      major(st.st_rdev), minor(st.st_rdev));
	fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK);
	CHECK(fd >= 0, "open %s: %s", path, strerror(errno));
	if (fd < 0)
		return;
	CHECK(isatty(fd) && tcgetattr(fd, &t) == 0, "%s is a tty", path);
	CHECK(fstat(fd, &st) == 0 && S_ISCHR(st.st_mode) && st.st_rdev == makedev(maj, min),
	      "fstat %s", path);
	CHECK(lseek(fd, 0, SEEK_SET) == -1 && errno == ESPIPE, "lseek %s: ESPIPE", path);
	CHECK(mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0) == MAP_FAILED && errno == ENODEV,
	      "mmap %s: ENODEV", path);
	CHECK(close(fd) == 0, "close %s", path);
}

/* /dev/console is the tty PID 1's fds are on: a setting made through
 * one is seen through the other. Only where fd 0 is the console. */
static void check_same_tty(void)
{
	struct stat st;
	struct termios a, b;
	int fd;

	if (fstat(0, &st) || st.st_rdev != makedev(5, 1))
		return;		/* natively fd 0 is not the console */
	fd = open("/dev/console", O_RDWR | O_NOCTTY);
	CHECK(tcgetattr(fd, &a) == 0, "tcgetattr");
	b = a;
	b.c_cc[VKILL] = 'k';
	CHECK(tcsetattr(fd, TCSANOW, &b) == 0, "tcsetattr");
	CHECK(tcgetattr(0, &b) == 0 && b.c_cc[VKILL] == 'k', "fd 0 sees /dev/console's VKILL");
	tcsetattr(fd, TCSANOW, &a);
	close(fd);
}

int main(void)
{
	int status;
	pid_t pid;

	check_node("/dev/console", 5, 1);
	check_node("/dev/ttyS0", 4, 64);
	check_same_tty();
	pid = fork();
	if (pid == 0) {
		setsid();	/* natively: no controlling terminal now; mmos has none */
		_exit(open("/dev/tty", O_RDWR) == -1 && errno == ENXIO ? 0 : 1);
	}
	CHECK(waitpid(pid, &status, 0) == pid && status == 0, "/dev/tty without a ctty: ENXIO");
	CHECK(open("/dev/console", O_RDWR | O_DIRECTORY) == -1 && errno == ENOTDIR,
	      "O_DIRECTORY on a device: ENOTDIR");
	return t_done("tty_devices");
}
