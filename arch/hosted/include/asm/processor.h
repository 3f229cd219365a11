/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_HOSTED_PROCESSOR_H
#define _ASM_HOSTED_PROCESSOR_H

static inline void cpu_relax(void) { }

#endif
