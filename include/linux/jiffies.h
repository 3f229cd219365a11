/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/types.h>

#define HZ	100

extern volatile unsigned long jiffies;
extern unsigned long tsc_khz;

u64 local_clock(void);
void calibrate_tsc(void);

#endif
