/* SPDX-License-Identifier: GPL-2.0 */
/*
 * reboot(2)'s checks, in Linux's order: CAP_SYS_BOOT (-EPERM) first, then
 * the magic numbers (-EINVAL; four second magics are accepted), then the
 * command (-EINVAL for one that is not). CAD_ON and CAD_OFF return 0.
 *
 * This test also runs natively, as root, on the build machine, so it
 * makes no call that could end a system: the magic checks go with
 * CAD_ON/CAD_OFF (accepted: 0, refused: -EINVAL), and the ctrl-alt-del
 * setting the machine had is put back (/proc/sys/kernel/ctrl-alt-del).
 * RESTART, HALT, POWER_OFF and RESTART2 end the run and are tested by
 * the boots (tests/run.sh, the busybox session's poweroff).
 */
#include "t.h"

#define MAGIC1		0xfee1deadU
#define MAGIC2		672274793
#define MAGIC2A		85072278
#define MAGIC2B		369367448
#define MAGIC2C		537993216
#define CMD_CAD_ON	0x89abcdefU
#define CMD_CAD_OFF	0x00000000U
#define CMD_NONE	0x12345678U	/* no such command */

static long sys_reboot(unsigned int m1, int m2, unsigned int cmd)
{
	return RAW(SYS_reboot, m1, m2, cmd, NULL);
}

int main(void)
{
	const char *cad = t_read_file("/proc/sys/kernel/ctrl-alt-del");

	if (geteuid() != 0) {
		/* without CAP_SYS_BOOT, EPERM comes before the magic check */
		CHECK(sys_reboot(0, 0, CMD_CAD_OFF) == -EPERM, "bad magic");
		CHECK(sys_reboot(MAGIC1, MAGIC2, CMD_CAD_OFF) == -EPERM, "CAD_OFF");
		return t_done("reboot_errors");
	}
	CHECK(sys_reboot(0, MAGIC2, CMD_CAD_OFF) == -EINVAL, "magic1 0");
	CHECK(sys_reboot(MAGIC1 + 1, MAGIC2, CMD_CAD_OFF) == -EINVAL, "magic1 + 1");
	CHECK(sys_reboot(MAGIC1, 0, CMD_CAD_OFF) == -EINVAL, "magic2 0");
	CHECK(sys_reboot(MAGIC1, MAGIC2 + 1, CMD_CAD_OFF) == -EINVAL, "magic2 + 1");
	CHECK(sys_reboot(MAGIC1, MAGIC2, CMD_NONE) == -EINVAL, "unknown command");
	CHECK(sys_reboot(MAGIC1, MAGIC2A, CMD_NONE) == -EINVAL, "unknown command");
	CHECK(sys_reboot(MAGIC1, MAGIC2, 1) == -EINVAL, "command 1");
	CHECK(sys_reboot(MAGIC1, MAGIC2, CMD_CAD_ON) == 0, "CAD_ON");
	CHECK(sys_reboot(MAGIC1, MAGIC2A, CMD_CAD_OFF) == 0, "CAD_OFF, magic2A");
	CHECK(sys_reboot(MAGIC1, MAGIC2B, CMD_CAD_ON) == 0, "CAD_ON, magic2B");
	CHECK(sys_reboot(MAGIC1, MAGIC2C, CMD_CAD_OFF) == 0, "CAD_OFF, magic2C");
	if (cad)	/* natively: as it was */
		sys_reboot(MAGIC1, MAGIC2, atoi(cad) ? CMD_CAD_ON : CMD_CAD_OFF);
	return t_done("reboot_errors");
}
