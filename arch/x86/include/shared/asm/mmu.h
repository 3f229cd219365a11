/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_MMU_H
#define _ASM_X86_MMU_H

#include <linux/types.h>

/* Per-mm architecture state: none yet. With one CPU and no PCID (QEMU's
 * TCG offers none) there is no ASID to name and no TLB generation to
 * track; Linux's ctx_id and tlb_gen come with several CPUs. */
typedef struct {
} mm_context_t;

#define INIT_MM_CONTEXT(mm)	.context = { }

#endif
