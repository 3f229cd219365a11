/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_MMU_H
#define _ASM_X86_MMU_H

#include <linux/types.h>

/* Per-mm architecture state. ctx_id names the mm for PCID/TLB tracking;
 * tlb_gen counts changes that need a flush (used by later issues). */
typedef struct {
	u64 ctx_id;
	u64 tlb_gen;
} mm_context_t;

#define INIT_MM_CONTEXT(mm)	.context = { .ctx_id = 1, .tlb_gen = 0 }

#endif
