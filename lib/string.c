// SPDX-License-Identifier: GPL-2.0
/* The C string functions the kernel needs (the hosted build uses libc's). */
#include <linux/string.h>

/*
 * memset/memcpy move 8 bytes per rep iteration where they can: on real
 * CPUs with ERMS rep stosb is as fast, but emulators (QEMU's TCG) run
 * one iteration at a time, so qwords are 8x cheaper there.
 */
void *memset(void *s, int c, size_t n)
{
	void *d = s;
	size_t q = n / 8;
	unsigned long v = 0x0101010101010101UL * (unsigned char)c;

	__asm__ volatile("rep stosq" : "+D"(d), "+c"(q) : "a"(v) : "memory");
	n &= 7;
	__asm__ volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
	return s;
}

/* memcpy - copy @n bytes from @src to @dst (they must not overlap). */
void *memcpy(void *dst, const void *src, size_t n)
{
	void *d = dst;
	size_t q = n / 8;

	__asm__ volatile("rep movsq" : "+D"(d), "+S"(src), "+c"(q) :: "memory");
	n &= 7;
	__asm__ volatile("rep movsb" : "+D"(d), "+S"(src), "+c"(n) :: "memory");
	return dst;
}

/* memmove - copy @n bytes from @src to @dst; they may overlap. */
void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	while (n--)
		d[n] = s[n];
	return dst;
}

/* memcmp - <0, 0 or >0 as the first differing byte of @a and @b
 * (unsigned) is less, none, or greater. */
int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

/* strlen - the length of @s without its NUL. */
size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

/* strnlen - strlen(@s), but at most @max. */
size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

/* strcmp - compare two strings as unsigned bytes, like memcmp. */
int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

/* strncmp - strcmp() over at most @n bytes. */
int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}

/* strchr - the first @c in @s (the NUL counts), or NULL. */
char *strchr(const char *s, int c)
{
	for (; *s; s++)
		if (*s == (char)c)
			return (char *)s;
	return c ? NULL : (char *)s;
}

/* strcpy - copy @src with its NUL to @dst; returns @dst. */
char *strcpy(char *dst, const char *src)
{
	char *d = dst;

	while ((*d++ = *src++))
		;
	return dst;
}

/* strcat - append @src to the string in @dst; returns @dst. */
char *strcat(char *dst, const char *src)
{
	strcpy(dst + strlen(dst), src);
	return dst;
}
