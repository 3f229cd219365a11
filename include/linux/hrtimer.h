/* SPDX-License-Identifier: GPL-2.0 */
/* Sleeping on the monotonic clock (kernel/time/hrtimer.c). */
#ifndef _LINUX_HRTIMER_H
#define _LINUX_HRTIMER_H

#include <linux/types.h>
#include <linux/time64.h>
#include <linux/uaccess.h>

long hrtimer_sleep_until(u64 end, u64 *left);
long hrtimer_nanosleep(const struct timespec64 *t, struct timespec64 __user *rmtp,
		       int clockid);
struct restart_block;
long hrtimer_nanosleep_restart(struct restart_block *restart);

#endif
