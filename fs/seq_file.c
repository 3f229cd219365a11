// SPDX-License-Identifier: GPL-2.0
/*
 * The text buffers /proc's files are generated into (Linux's
 * fs/seq_file.c does this for seq_file; mmos makes the whole text at
 * open into one growing buffer, struct seq_buf).
 */
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/slab.h>
#include <linux/string.h>

/* seq_grow - room for @n more bytes (and a NUL) in @s; false (overflow
 * set) when memory is out. */
static bool seq_grow(struct seq_buf *s, size_t n)
{
	size_t want;
	char *nb;

	if (s->buf && s->len + n < s->size)
		return true;
	want = max(s->size * 2, s->len + n + 256);
	nb = kmalloc(want, GFP_KERNEL);
	if (!nb) {
		s->overflow = true;
		return false;
	}
	if (s->buf)
		memcpy(nb, s->buf, s->len);
	kfree(s->buf);
	s->buf = nb;
	s->size = want;
	return true;
}

/* seq_printf - append to @s, growing its buffer; on -ENOMEM the text
 * stops there (overflow is set). */
void seq_printf(struct seq_buf *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (!seq_grow(s, n))
		return;
	va_start(ap, fmt);
	vsnprintf(s->buf + s->len, s->size - s->len, fmt, ap);
	va_end(ap);
	s->len += n;
}

/* seq_write - append @len bytes of @data (NULs and all) to @s. */
void seq_write(struct seq_buf *s, const void *data, size_t len)
{
	if (!seq_grow(s, len))
		return;
	memcpy(s->buf + s->len, data, len);
	s->len += len;
}

/* seq_pad - spaces up to column @col of the current line. */
void seq_pad(struct seq_buf *s, size_t col)
{
	size_t start = s->len;

	while (start && s->buf[start - 1] != '\n')
		start--;
	if (s->len - start < col)
		seq_printf(s, "%*s", (int)(col - (s->len - start)), "");
}
