/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Capabilities (kernel/capability.c), Linux's numbers. mmos keeps no
 * capability sets: capable() follows the rule Linux's own setuid
 * emulation gives a task without file capabilities
 * (Documentation/design-differences.md, "Capabilities").
 */
#ifndef _LINUX_CAPABILITY_H
#define _LINUX_CAPABILITY_H

#include <linux/types.h>

#define CAP_CHOWN		0
#define CAP_DAC_OVERRIDE	1
#define CAP_DAC_READ_SEARCH	2
#define CAP_FOWNER		3
#define CAP_FSETID		4
#define CAP_KILL		5
#define CAP_SETGID		6
#define CAP_SETUID		7
#define CAP_LINUX_IMMUTABLE	9
#define CAP_IPC_LOCK		14
#define CAP_IPC_OWNER		15
#define CAP_SYS_CHROOT		18
#define CAP_SYS_PTRACE		19
#define CAP_SYS_ADMIN		21
#define CAP_SYS_BOOT		22
#define CAP_SYS_NICE		23
#define CAP_SYS_RESOURCE	24
#define CAP_SYS_TIME		25
#define CAP_SYS_TTY_CONFIG	26
#define CAP_MKNOD		27
#define CAP_MAC_OVERRIDE	32
#define CAP_SYSLOG		34
#define CAP_LAST_CAP		40

#define cap_valid(x) ((x) >= 0 && (x) <= CAP_LAST_CAP)

bool capable(int cap);

#endif
