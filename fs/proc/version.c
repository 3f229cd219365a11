// SPDX-License-Identifier: GPL-2.0
/* /proc/version: Linux's banner, from init/version.c's names. */
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/utsname.h>
#include "internal.h"

/* version_proc_show - "Linux version RELEASE (BY@HOST) (COMPILER) VERSION". */
int version_proc_show(struct seq_buf *s, struct task_struct *task)
{
	struct new_utsname u;

	spin_lock(&uts_lock);
	memcpy(&u, utsname(), sizeof(u));
	spin_unlock(&uts_lock);
	seq_printf(s, "%s version %s (mmos@mmos) (gcc version " __VERSION__ ") %s\n",
		   u.sysname, u.release, u.version);
	return 0;
}
