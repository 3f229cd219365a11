/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

#include <linux/types.h>

#define NR_CPUS		64
#define CPU_BITS_NONE	{ 0 }

/* One bit per CPU; NR_CPUS fits a word. */
struct cpumask {
	unsigned long bits;
};

static inline void cpumask_set_cpu(int cpu, struct cpumask *m)
{
	__atomic_or_fetch(&m->bits, 1UL << cpu, __ATOMIC_RELAXED);
}

static inline void cpumask_clear_cpu(int cpu, struct cpumask *m)
{
	__atomic_and_fetch(&m->bits, ~(1UL << cpu), __ATOMIC_RELAXED);
}

static inline bool cpumask_test_cpu(int cpu, const struct cpumask *m)
{
	return m->bits & (1UL << cpu);
}

static inline bool cpumask_empty(const struct cpumask *m)
{
	return m->bits == 0;
}

#endif
