/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The CPU's random numbers (RDRAND, RDSEED, where CPUID offers them) and
 * the cycle counter as a source of timing noise, as Linux's
 * <asm/archrandom.h> and random_get_entropy().
 */
#ifndef _ASM_X86_ARCHRANDOM_H
#define _ASM_X86_ARCHRANDOM_H

#include <linux/types.h>
#include <asm/processor.h>

#define RDRAND_RETRY_LOOPS	10

static inline bool rdrand_long(unsigned long *v)
{
	bool ok;

	for (int i = 0; i < RDRAND_RETRY_LOOPS; i++) {
		__asm__ volatile("rdrand %0" : "=r"(*v), "=@ccc"(ok));
		if (ok)
			return true;
	}
	return false;
}

static inline bool rdseed_long(unsigned long *v)
{
	bool ok;

	__asm__ volatile("rdseed %0" : "=r"(*v), "=@ccc"(ok));
	return ok;
}

/* arch_get_random_longs - up to @max longs from RDRAND; how many. */
static inline size_t arch_get_random_longs(unsigned long *v, size_t max)
{
	return max && boot_cpu_data.rdrand && rdrand_long(v) ? 1 : 0;
}

/* arch_get_random_seed_longs - up to @max longs from RDSEED (full
 * entropy, unlike RDRAND's generator output); how many. */
static inline size_t arch_get_random_seed_longs(unsigned long *v, size_t max)
{
	return max && boot_cpu_data.rdseed && rdseed_long(v) ? 1 : 0;
}

/* random_get_entropy - a fast-moving counter whose low bits jitter. */
static inline unsigned long random_get_entropy(void)
{
	return rdtsc();
}

#endif
