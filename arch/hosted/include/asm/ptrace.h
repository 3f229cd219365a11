/* SPDX-License-Identifier: GPL-2.0 */
/* The hosted target shares x86-64's definitions. */
#include "../../../x86/include/asm/ptrace.h"
