// SPDX-License-Identifier: GPL-2.0
/* kstrtoull, kstrtouint: strict string to number (Linux's lib/kstrtox.c):
 * the whole string must be the number (one trailing newline allowed). */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>

/* _parse_integer - digits of @base at @s into *@res; returns how many
 * characters were used, or -ERANGE on overflow. Base 0: 0x hex, 0 octal,
 * else decimal. */
static int _parse_integer(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v = 0;
	const char *p = s;

	for (;; p++) {
		unsigned int d;

		if (*p >= '0' && *p <= '9')
			d = *p - '0';
		else if ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'f')
			d = (*p | 0x20) - 'a' + 10;
		else
			break;
		if (d >= base)
			break;
		if (v > (~0ULL - d) / base)
			return -ERANGE;
		v = v * base + d;
	}
	*res = v;
	return p - s;
}

/* _parse_integer_fixup_radix - the base of the number at *@s: @base, or
 * for 0 its prefix (0x hex, 0 octal, else decimal); *@s is moved past a
 * "0x" that a hex number starts with. */
static unsigned int _parse_integer_fixup_radix(const char **s, unsigned int base)
{
	const char *p = *s;

	if (base == 0) {
		base = 10;
		if (p[0] == '0' && (p[1] | 0x20) == 'x' && p[2])
			base = 16;
		else if (p[0] == '0')
			base = 8;
	}
	if (base == 16 && p[0] == '0' && (p[1] | 0x20) == 'x')
		*s = p + 2;
	return base;
}

/* parse_integer_prefix - the number at the start of @s in @base (0: by
 * its prefix) into *@res, whatever follows it. Returns how many
 * characters it took (0: no number there), or -ERANGE on overflow. */
int parse_integer_prefix(const char *s, unsigned int base, unsigned long long *res)
{
	const char *p = s;
	int n;

	base = _parse_integer_fixup_radix(&p, base);
	n = _parse_integer(p, base, res);
	return n <= 0 ? n : (int)(p - s) + n;
}

/* kstrtoull - @s as an unsigned number in @base (0: by its prefix).
 * 0, -EINVAL for anything but a number, -ERANGE on overflow. */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	int n = parse_integer_prefix(s, base, res);

	if (n < 0)
		return n;
	if (n == 0)
		return -EINVAL;
	s += n;
	if (*s == '\n')
		s++;
	return *s ? -EINVAL : 0;
}

/* kstrtouint - kstrtoull into an unsigned int: -ERANGE if it does not fit. */
int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long v;
	int err = kstrtoull(s, base, &v);

	if (err)
		return err;
	if (v != (unsigned int)v)
		return -ERANGE;
	*res = v;
	return 0;
}

/* memparse - a number with an optional K/M/G/T/P/E suffix (powers of
 * 1024), as the kernel's size options are written; *@retptr is set past
 * what was used. */
unsigned long long memparse(const char *ptr, char **retptr)
{
	unsigned long long v = 0;
	int n = 0;

	if (ptr[0] == '0' && (ptr[1] | 0x20) == 'x')
		n = _parse_integer(ptr + 2, 16, &v) + 2;
	else
		n = _parse_integer(ptr, 10, &v);
	if (n < 0)
		n = 0;
	ptr += n;
	switch (*ptr) {
	case 'E': case 'e': v <<= 10; /* fall through */
	case 'P': case 'p': v <<= 10; /* fall through */
	case 'T': case 't': v <<= 10; /* fall through */
	case 'G': case 'g': v <<= 10; /* fall through */
	case 'M': case 'm': v <<= 10; /* fall through */
	case 'K': case 'k': v <<= 10;
		ptr++;
	default:
		break;
	}
	if (retptr)
		*retptr = (char *)ptr;
	return v;
}
