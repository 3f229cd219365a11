/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Access to user memory from the kernel, for every target. Each target
 * implements the copies (arch/x86/lib/usercopy.c with exception-table
 * fixups and stac/clac; arch/hosted/mm/mmu.c through its software MMU):
 * a fault on a user address is first resolved like a user fault (the
 * page may just not be there yet); if no VMA allows the access, the copy
 * stops and reports how much was not done, which syscalls turn into
 * -EFAULT. A bad user pointer never becomes a kernel fault.
 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/types.h>
#include <asm/page.h>

#define __user

/* access_ok - [p, p + n) lies in the user half. */
static inline bool access_ok(const void __user *p, unsigned long n)
{
	unsigned long a = (unsigned long)p;

	return a <= TASK_SIZE && n <= TASK_SIZE - a;
}

/* copy_from_user/copy_to_user/clear_user: return the bytes NOT done. */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long clear_user(void __user *to, unsigned long n);
/* strncpy_from_user - the length copied (without the NUL), @count if no
 * NUL came within @count bytes, or -EFAULT. */
long strncpy_from_user(char *dst, const char __user *src, long count);
/* strnlen_user - the length of user string @s with its NUL, 0 on a
 * fault, more than @n if no NUL comes within @n bytes. */
long strnlen_user(const char __user *s, long n);

#define get_user(x, ptr)	(copy_from_user(&(x), (ptr), sizeof(*(ptr))) ? -14 : 0)
#define put_user(x, ptr)						\
	({ __typeof__(*(ptr)) __v = (x);				\
	   copy_to_user((ptr), &__v, sizeof(__v)) ? -14 : 0; })

#endif
