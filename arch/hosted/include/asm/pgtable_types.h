/* SPDX-License-Identifier: GPL-2.0 */
/* The hosted MMU uses the x86-64 page-table format itself. */
#include "../../../x86/include/asm/pgtable_types.h"
