/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H

#include <linux/compiler.h>

__noreturn void machine_restart(void);
__noreturn void machine_halt(void);
__noreturn void mmos_test_exit(unsigned int status);

/* Statuses a test boot reports through mmos_test_exit(). */
#define MMOS_EXIT_PASS	0x10
#define MMOS_EXIT_FAIL	0x11

#endif
