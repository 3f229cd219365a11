/* SPDX-License-Identifier: GPL-2.0 */
/*
 * __NR_<name>: the number of every syscall mmos implements, made from
 * the one table there is (<asm/syscalls_64.h>, Linux's numbers), so that
 * no test or dispatcher writes a number by hand.
 */
#ifndef _LINUX_UNISTD_H
#define _LINUX_UNISTD_H

enum {
#define __SYSCALL(nr, name) __NR_##name = nr,
#include <asm/syscalls_64.h>
#undef __SYSCALL
};

#endif
