/* SPDX-License-Identifier: GPL-2.0 */
/* Process IDs: one number space, from 1 (kernel/pid.c). */
#ifndef _LINUX_PID_H
#define _LINUX_PID_H

typedef int pid_t;

pid_t alloc_pid(void);
void free_pid(pid_t pid);

#endif
