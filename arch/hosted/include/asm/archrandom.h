/* SPDX-License-Identifier: GPL-2.0 */
/*
 * No CPU random numbers on the hosted target, and a cycle counter that
 * is the tests' jiffies: drivers/char/random.c is then a deterministic
 * generator, so a hosted run replays exactly (Documentation/arch.md).
 */
#ifndef _ASM_HOSTED_ARCHRANDOM_H
#define _ASM_HOSTED_ARCHRANDOM_H

#include <linux/types.h>
#include <linux/jiffies.h>

static inline size_t arch_get_random_longs(unsigned long *v, size_t max)
{
	return 0;
}

static inline size_t arch_get_random_seed_longs(unsigned long *v, size_t max)
{
	return 0;
}

static inline unsigned long random_get_entropy(void)
{
	return jiffies;
}

#endif
