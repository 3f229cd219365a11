/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_HOSTED_PROCESSOR_H
#define _ASM_HOSTED_PROCESSOR_H

#include <linux/types.h>

static inline void cpu_relax(void) { }

/* The hosted CPU reports no features. */
static inline void cpuid_count(u32 leaf, u32 sub, u32 *a, u32 *b, u32 *c, u32 *d)
{
	*a = *b = *c = *d = 0;
}

#endif
