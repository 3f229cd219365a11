/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86's part of user access (<linux/uaccess.h> has the rest): with SMAP
 * the kernel may touch user pages only between stac and clac, so every
 * copy in arch/x86/lib/usercopy.c brackets its access with them.
 */
#ifndef _ASM_X86_UACCESS_H
#define _ASM_X86_UACCESS_H

#include <linux/uaccess.h>

extern bool smap_enabled;

static inline void stac(void)
{
	if (smap_enabled)
		__asm__ volatile("stac" ::: "memory");
}

static inline void clac(void)
{
	if (smap_enabled)
		__asm__ volatile("clac" ::: "memory");
}

#endif
