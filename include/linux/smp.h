/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

/*
 * mmos brings up one CPU. Per-CPU data is nevertheless kept in arrays
 * indexed by smp_processor_id() (or, for the runqueue, reached through
 * this_rq()), so the rules of Documentation/ are written for many CPUs.
 */
static inline int smp_processor_id(void)
{
	return 0;
}

#endif
