// SPDX-License-Identifier: GPL-2.0
/* reboot(2), as Linux's kernel/reboot.c. */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/reboot.h>
#include <linux/syscalls.h>

#define LINUX_REBOOT_MAGIC1		0xfee1dead
#define LINUX_REBOOT_MAGIC2		672274793
#define LINUX_REBOOT_CMD_RESTART	0x01234567
#define LINUX_REBOOT_CMD_HALT		0xcdef0123
#define LINUX_REBOOT_CMD_POWER_OFF	0x4321fedc

/* reboot - the run ends: under QEMU -no-reboot any of these exits. */
SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd, void __user *, arg)
{
	if ((unsigned)magic1 != LINUX_REBOOT_MAGIC1 || magic2 != LINUX_REBOOT_MAGIC2)
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_RESTART:
	case LINUX_REBOOT_CMD_HALT:
	case LINUX_REBOOT_CMD_POWER_OFF:
		pr_notice("reboot: %s\n", cmd == LINUX_REBOOT_CMD_RESTART ? "Restarting system" :
			  "Power down");
		machine_restart();
	default:
		return -EINVAL;
	}
}
