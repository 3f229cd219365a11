// SPDX-License-Identifier: GPL-2.0
#include <linux/string.h>
#include <linux/errno.h>

/* strscpy - copy @src into @dst of @size bytes, always terminated.
 * Returns the length copied, or -E2BIG (as size_t) when truncated. */
long strscpy(char *dst, const char *src, size_t size)
{
	size_t n = 0;

	if (!size)
		return -E2BIG;
	while (n + 1 < size && src[n]) {
		dst[n] = src[n];
		n++;
	}
	dst[n] = 0;
	return src[n] ? -E2BIG : (long)n;
}
