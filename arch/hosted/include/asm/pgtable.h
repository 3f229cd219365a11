/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_HOSTED_PGTABLE_H
#define _ASM_HOSTED_PGTABLE_H

#include <asm/page.h>
#include <asm/pgtable_types.h>

/* swapper_pg_dir is physical page 0 of the simulated RAM, so that
 * __pa()/__va() work on it as on every other page table. */
#define swapper_pg_dir	((pgd_t *)hosted_phys_mem)

#endif
