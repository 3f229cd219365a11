// SPDX-License-Identifier: GPL-2.0
/*
 * The taint mask (Linux keeps it in kernel/panic.c; here it is apart
 * because panic.c ends the machine and is not built for arch/hosted,
 * whose __warn taints too): the TAINT_* flags of what has happened to
 * the kernel that a bug report should know, shown and added to through
 * /proc/sys/kernel/tainted. Bits are only ever added.
 */
#include <linux/kernel.h>
#include <linux/bug.h>

static unsigned long tainted_mask;

/* add_taint - mark the kernel as having seen @flag (TAINT_*). */
void add_taint(unsigned int flag)
{
	__atomic_or_fetch(&tainted_mask, 1UL << flag, __ATOMIC_RELAXED);
}

/* add_taint_mask - the bits of @mask too (a root write of tainted). */
void add_taint_mask(unsigned long mask)
{
	__atomic_or_fetch(&tainted_mask, mask, __ATOMIC_RELAXED);
}

/* get_taint - the TAINT_* bits so far. */
unsigned long get_taint(void)
{
	return __atomic_load_n(&tainted_mask, __ATOMIC_RELAXED);
}
