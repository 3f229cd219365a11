// SPDX-License-Identifier: GPL-2.0
/*
 * Ending the system: reboot(2), and kernel_restart(), kernel_halt(),
 * kernel_power_off() with Linux's messages. What the machine does then is
 * the arch's (machine_restart(), machine_halt(), machine_power_off();
 * under QEMU's -no-reboot a restart or a power off ends QEMU, a halt
 * stops the CPU and QEMU stays, as with Linux).
 */
#define pr_fmt(fmt) "reboot: " fmt

#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define LINUX_REBOOT_MAGIC1		0xfee1dead
#define LINUX_REBOOT_MAGIC2		672274793	/* Torvalds' birthday */
#define LINUX_REBOOT_MAGIC2A		85072278	/* and his daughters' */
#define LINUX_REBOOT_MAGIC2B		369367448
#define LINUX_REBOOT_MAGIC2C		537993216

#define LINUX_REBOOT_CMD_RESTART	0x01234567
#define LINUX_REBOOT_CMD_HALT		0xcdef0123
#define LINUX_REBOOT_CMD_CAD_ON		0x89abcdef
#define LINUX_REBOOT_CMD_CAD_OFF	0x00000000
#define LINUX_REBOOT_CMD_POWER_OFF	0x4321fedc
#define LINUX_REBOOT_CMD_RESTART2	0xa1b2c3d4
#define LINUX_REBOOT_CMD_SW_SUSPEND	0xd000fce2
#define LINUX_REBOOT_CMD_KEXEC		0x45584543

/* Set by the arch at boot (arch/x86/kernel/acpi.c), then only read. */
void (*pm_power_off)(void);

/*
 * C_A_D: what Ctrl-Alt-Del does, 1 = restart at once, 0 = signal init
 * (Linux's ctrl_alt_del()). reboot(2) sets it (busybox init turns it
 * off); mmos has no keyboard, so nothing delivers the key yet. One int,
 * written and read whole.
 */
static int C_A_D = 1;

/* kernel_can_power_off - whether POWER_OFF can do more than halt. */
static bool kernel_can_power_off(void)
{
	return pm_power_off != NULL;
}

/* kernel_restart - restart, saying so (with @cmd, RESTART2's argument). */
static __noreturn void kernel_restart(const char *cmd)
{
	if (!cmd)
		pr_emerg("Restarting system\n");
	else
		pr_emerg("Restarting system with command '%s'\n", cmd);
	machine_restart();
}

/* kernel_halt - stop the machine for good. */
static __noreturn void kernel_halt(void)
{
	pr_emerg("System halted\n");
	machine_halt();
}

/* kernel_power_off - turn the machine off (halts if that cannot be done). */
static __noreturn void kernel_power_off(void)
{
	pr_emerg("Power down\n");
	machine_power_off();
}

/*
 * reboot - Linux's checks in Linux's order: CAP_SYS_BOOT (-EPERM), the
 * magic numbers (-EINVAL), then the command; POWER_OFF without a way to
 * power off is HALT. Returns 0 for CAD_ON/CAD_OFF, -EFAULT if RESTART2's
 * string cannot be read, -EINVAL for any other command (KEXEC and
 * SW_SUSPEND too: mmos has neither); the others do not return.
 *
 * There is one PID namespace, so reboot_pid_ns() has nothing to do.
 */
SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd, void __user *, arg)
{
	char buffer[256];
	long ret;

	if (!capable(CAP_SYS_BOOT))
		return -EPERM;
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	if (cmd == LINUX_REBOOT_CMD_POWER_OFF && !kernel_can_power_off())
		cmd = LINUX_REBOOT_CMD_HALT;
	switch (cmd) {
	case LINUX_REBOOT_CMD_RESTART:
		kernel_restart(NULL);
	case LINUX_REBOOT_CMD_CAD_ON:
		WRITE_ONCE(C_A_D, 1);
		return 0;
	case LINUX_REBOOT_CMD_CAD_OFF:
		WRITE_ONCE(C_A_D, 0);
		return 0;
	case LINUX_REBOOT_CMD_HALT:
		kernel_halt();
	case LINUX_REBOOT_CMD_POWER_OFF:
		kernel_power_off();
	case LINUX_REBOOT_CMD_RESTART2:
		ret = strncpy_from_user(buffer, arg, sizeof(buffer) - 1);
		if (ret < 0)
			return -EFAULT;
		buffer[ret] = '\0';	/* ret <= 255: the string, cut there */
		kernel_restart(buffer);
	default:
		return -EINVAL;
	}
}
