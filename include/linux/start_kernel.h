/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_START_KERNEL_H
#define _LINUX_START_KERNEL_H

/* start_kernel - the generic boot, called by the architecture's entry
 * once it has a stack and the early page tables (init/main.c). */
void start_kernel(void);

#endif
