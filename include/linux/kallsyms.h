/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/types.h>

#define KSYM_NAME_LEN		128
#define KSYM_SYMBOL_LEN		(KSYM_NAME_LEN + 48)

/* sprint_symbol - "name+0xoff/0xsize" for @addr, or the hex address. */
int sprint_symbol(char *buf, size_t size, unsigned long addr);
/* kallsyms_lookup_name - the address of symbol @name, or 0. */
unsigned long kallsyms_lookup_name(const char *name);

#endif
