// SPDX-License-Identifier: GPL-2.0
/* copy_{from,to}_user and friends (see <asm/uaccess.h>). */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <asm/extable.h>
#include <asm/uaccess.h>

bool smap_enabled;

/* rep movsb with a fixup: on an unresolvable fault it stops with %rcx =
 * the bytes left. */
static unsigned long __copy_user(void *to, const void *from, unsigned long n)
{
	stac();
	__asm__ volatile("1:	rep movsb\n"
			 "2:\n"
			 _ASM_EXTABLE(1b, 2b)
			 : "+c"(n), "+D"(to), "+S"(from) :: "memory");
	clac();
	return n;
}

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long left;

	if (!access_ok(from, n))
		return n;
	left = __copy_user(to, from, n);
	if (left)	/* never leave kernel memory half stale */
		memset((char *)to + (n - left), 0, left);
	return left;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return __copy_user(to, from, n);
}

unsigned long clear_user(void __user *to, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	stac();
	__asm__ volatile("1:	rep stosb\n"
			 "2:\n"
			 _ASM_EXTABLE(1b, 2b)
			 : "+c"(n), "+D"(to) : "a"(0) : "memory");
	clac();
	return n;
}

/* Read one user byte; 0 or -EFAULT. */
static int get_user_u8(u8 *v, const u8 __user *p)
{
	int err = 0;
	u8 val = 0;

	stac();
	__asm__ volatile("1:	movb (%2), %1\n"
			 "	jmp 3f\n"
			 "2:	movl %3, %0\n"
			 "3:\n"
			 _ASM_EXTABLE(1b, 2b)
			 : "+r"(err), "+q"(val) : "r"(p), "i"(-EFAULT) : "memory");
	clac();
	*v = val;
	return err;
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	for (long i = 0; i < count; i++) {
		u8 c;

		if (!access_ok(src + i, 1) || get_user_u8(&c, (const u8 *)src + i))
			return -EFAULT;
		dst[i] = c;
		if (!c)
			return i;
	}
	return count;
}

long strnlen_user(const char __user *s, long n)
{
	for (long i = 0; i < n; i++) {
		u8 c;

		if (!access_ok(s + i, 1) || get_user_u8(&c, (const u8 *)s + i))
			return 0;
		if (!c)
			return i + 1;
	}
	return n + 1;
}
