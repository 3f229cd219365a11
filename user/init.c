/* SPDX-License-Identifier: GPL-2.0 */
/*
 * /init: the first user program. It says hello and ends the run with
 * reboot(2), as PID 1 of a test system does (QEMU exits under -no-reboot).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/reboot.h>

int main(int argc, char **argv)
{
	printf("Hello from %s, pid %d\n", argc ? argv[0] : "init", (int)getpid());
	fflush(stdout);
	if (getpid() == 1)
		reboot(RB_AUTOBOOT);
	return 0;
}
