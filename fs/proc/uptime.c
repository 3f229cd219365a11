// SPDX-License-Identifier: GPL-2.0
/* /proc/uptime: seconds since boot and seconds the CPU idled. */
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/proc_fs.h>
#include <linux/timekeeping.h>
#include "internal.h"

/* uptime_proc_show - "UP.cc IDLE.cc" in hundredths, as Linux's. */
int uptime_proc_show(struct seq_buf *s, struct task_struct *task)
{
	u64 up = ktime_get_boottime_ns(), idle = READ_ONCE(kcpustat.cpustat[CPUTIME_IDLE]);

	seq_printf(s, "%llu.%02llu %llu.%02llu\n",
		   (unsigned long long)(up / 1000000000), (unsigned long long)(up % 1000000000 / 10000000),
		   (unsigned long long)(idle / 1000000000),
		   (unsigned long long)(idle % 1000000000 / 10000000));
	return 0;
}
