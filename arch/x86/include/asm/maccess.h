/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Probing kernel memory that may fault, through the exception table:
 * a fault in the marked instruction resumes at the fixup, which makes
 * the call return -EFAULT instead of an oops.
 */
#ifndef _ASM_X86_MACCESS_H
#define _ASM_X86_MACCESS_H

#include <linux/errno.h>
#include <asm/extable.h>

/* probe_write_u8 - *dst = v; 0, or -EFAULT if the store faulted. */
static inline int probe_write_u8(void *dst, u8 v)
{
	int err = 0;

	__asm__ volatile("1:	movb %2, (%1)\n"
			 "	jmp 3f\n"
			 "2:	movl %3, %0\n"
			 "3:\n"
			 _ASM_EXTABLE(1b, 2b)
			 : "+r"(err) : "r"(dst), "q"(v), "i"(-EFAULT) : "memory");
	return err;
}

/* probe_read_u8 - *v = *src; 0, or -EFAULT if the load faulted. */
static inline int probe_read_u8(const void *src, u8 *v)
{
	int err = 0;
	u8 val = 0;

	__asm__ volatile("1:	movb (%2), %1\n"
			 "	jmp 3f\n"
			 "2:	movl %3, %0\n"
			 "3:\n"
			 _ASM_EXTABLE(1b, 2b)
			 : "+r"(err), "+q"(val) : "r"(src), "i"(-EFAULT) : "memory");
	*v = val;
	return err;
}

/*
 * exec_probe - call the code at @fn (which must just return). Returns 0
 * if it ran, -EFAULT if fetching it faulted: the page-fault handler
 * finds the call's return address in the exception table
 * (fixup_exec_probe) and resumes at the fixup.
 */
static inline int exec_probe(const void *fn)
{
	int ret;

	__asm__ volatile("	xorl %%eax, %%eax\n"
			 "	call *%1\n"
			 "1:	jmp 3f\n"
			 "2:	movl %2, %%eax\n"
			 "3:\n"
			 _ASM_EXTABLE(1b, 2b)
			 : "=&a"(ret) : "r"(fn), "i"(-EFAULT)
			 : "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11",
			   "memory");
	return ret;
}

#endif
