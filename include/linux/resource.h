/* SPDX-License-Identifier: GPL-2.0 */
/* Resource usage: struct rusage as the ABI has it, and getrusage(). */
#ifndef _LINUX_RESOURCE_H
#define _LINUX_RESOURCE_H

#include <linux/types.h>

struct task_struct;

struct __kernel_old_timeval_ru {
	long tv_sec, tv_usec;
};

struct rusage {
	struct __kernel_old_timeval_ru ru_utime, ru_stime;
	long ru_maxrss;		/* KiB */
	long ru_ixrss, ru_idrss, ru_isrss;	/* never kept, as in Linux */
	long ru_minflt, ru_majflt, ru_nswap;
	long ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals;
	long ru_nvcsw, ru_nivcsw;
};

#define RUSAGE_SELF	0
#define RUSAGE_CHILDREN	(-1)
#define RUSAGE_BOTH	(-2)	/* self and children: wait4's, not the syscall's */
#define RUSAGE_THREAD	1

void getrusage(struct task_struct *p, int who, struct rusage *ru);

#endif
