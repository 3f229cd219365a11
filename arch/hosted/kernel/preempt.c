// SPDX-License-Identifier: GPL-2.0
/*
 * Preemption on the hosted target: one thread of control and no timer,
 * so nothing can ever be preempted; the count is still kept so that
 * unbalanced lock/unlock pairs show up in tests.
 */
#include <linux/preempt.h>

static int hosted_preempt_count;

int *preempt_count_ptr(void)
{
	return &hosted_preempt_count;
}

bool need_resched(void)
{
	return false;
}

void preempt_schedule(void)
{
}
