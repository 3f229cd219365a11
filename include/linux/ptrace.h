/* SPDX-License-Identifier: GPL-2.0 */
/* The ptrace access check other calls share (kernel/ptrace.c); mmos has
 * no ptrace(2) itself. */
#ifndef _LINUX_PTRACE_H
#define _LINUX_PTRACE_H

#include <linux/types.h>

struct task_struct;

#define PTRACE_MODE_READ	0x01
#define PTRACE_MODE_ATTACH	0x02
#define PTRACE_MODE_FSCREDS	0x04
#define PTRACE_MODE_REALCREDS	0x08
#define PTRACE_MODE_READ_FSCREDS	(PTRACE_MODE_READ | PTRACE_MODE_FSCREDS)
#define PTRACE_MODE_READ_REALCREDS	(PTRACE_MODE_READ | PTRACE_MODE_REALCREDS)

bool ptrace_may_access(struct task_struct *task, unsigned int mode);

#endif
