/* SPDX-License-Identifier: GPL-2.0 */
/*
 * /init: the first user program. It says hello, shows the address space
 * exec built for it (/proc/self/maps) and ends the run with reboot(2),
 * as PID 1 of a test system does (QEMU exits under -no-reboot).
 */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/reboot.h>

static void cat(const char *path)
{
	char buf[4096];
	int fd = open(path, O_RDONLY);
	long n;

	if (fd < 0)
		return;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		write(1, buf, n);
	close(fd);
}

int main(int argc, char **argv)
{
	printf("Hello from %s, pid %d\n", argc ? argv[0] : "init", (int)getpid());
	fflush(stdout);
	cat("/proc/self/maps");
	if (getpid() == 1)
		reboot(RB_AUTOBOOT);
	return 0;
}
