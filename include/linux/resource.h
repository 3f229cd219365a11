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

/* Resource limits (kernel/sys.c): Linux's numbers and ABI struct. */
struct rlimit64 {
	u64 rlim_cur, rlim_max;
};

#define RLIMIT_CPU		0
#define RLIMIT_FSIZE		1
#define RLIMIT_DATA		2
#define RLIMIT_STACK		3
#define RLIMIT_CORE		4
#define RLIMIT_RSS		5
#define RLIMIT_NPROC		6
#define RLIMIT_NOFILE		7
#define RLIMIT_MEMLOCK		8
#define RLIMIT_AS		9
#define RLIMIT_LOCKS		10
#define RLIMIT_SIGPENDING	11
#define RLIMIT_MSGQUEUE		12
#define RLIMIT_NICE		13
#define RLIMIT_RTPRIO		14
#define RLIMIT_RTTIME		15
#define RLIM_NLIMITS		16
#define RLIM_INFINITY		(~0ULL)

/*
 * INIT_RLIMITS - init's limits, which every process inherits: Linux's,
 * except that the fd table has NR_OPEN_DEFAULT (256) slots, which is
 * also the largest RLIMIT_NOFILE (Linux's nr_open), and that the
 * limits Linux derives from RAM (NPROC, SIGPENDING) and MSGQUEUE, which
 * mmos has nothing to limit with, are unlimited. RLIMIT_MEMLOCK is
 * Linux's MLOCK_LIMIT (8 MiB since 5.16; mm/mlock.c).
 */
#define MLOCK_LIMIT		(8ULL << 20)
#define INIT_RLIMITS {						\
	[RLIMIT_CPU]		= { RLIM_INFINITY, RLIM_INFINITY },	\
	[RLIMIT_FSIZE]		= { RLIM_INFINITY, RLIM_INFINITY },	\
	[RLIMIT_DATA]		= { RLIM_INFINITY, RLIM_INFINITY },	\
	[RLIMIT_STACK]		= { 8UL << 20, RLIM_INFINITY },	\
	[RLIMIT_CORE]		= { 0, RLIM_INFINITY },			\
	[RLIMIT_RSS]		= { RLIM_INFINITY, RLIM_INFINITY },	\
	[RLIMIT_NPROC]		= { RLIM_INFINITY, RLIM_INFINITY },	\
	[RLIMIT_NOFILE]		= { 256, 256 },				\
	[RLIMIT_MEMLOCK]	= { MLOCK_LIMIT, MLOCK_LIMIT },	\
	[RLIMIT_AS]		= { RLIM_INFINITY, RLIM_INFINITY },	\
	[RLIMIT_LOCKS]		= { RLIM_INFINITY, RLIM_INFINITY },	\
	[RLIMIT_SIGPENDING]	= { RLIM_INFINITY, RLIM_INFINITY },	\
	[RLIMIT_MSGQUEUE]	= { RLIM_INFINITY, RLIM_INFINITY },	\
	[RLIMIT_NICE]		= { 0, 0 },				\
	[RLIMIT_RTPRIO]		= { 0, 0 },				\
	[RLIMIT_RTTIME]		= { RLIM_INFINITY, RLIM_INFINITY },	\
}

void task_rlimit64(struct task_struct *t, unsigned int res, struct rlimit64 *r);

#endif
