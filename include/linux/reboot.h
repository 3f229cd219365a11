/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H

#include <linux/compiler.h>

__noreturn void machine_restart(void);
__noreturn void machine_halt(void);
/* machine_power_off - pm_power_off() if there is one, else halt. */
__noreturn void machine_power_off(void);
__noreturn void mmos_test_exit(unsigned int status);

/* How to power this machine off, set by the arch at boot (x86: ACPI's
 * S5); NULL if it cannot, and reboot(2)'s POWER_OFF then halts. */
extern void (*pm_power_off)(void);

/* Statuses a test boot reports through mmos_test_exit(). */
#define MMOS_EXIT_PASS	0x10
#define MMOS_EXIT_FAIL	0x11

#endif
