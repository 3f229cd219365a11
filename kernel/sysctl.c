// SPDX-License-Identifier: GPL-2.0
/*
 * The number handlers of /proc/sys, as Linux's kernel/sysctl.c: a read
 * prints the value and a newline; a write takes one number (any base
 * by its prefix, Linux's strtoul_lenient), with spaces around it, and
 * refuses anything else, or a value out of the table's bounds, with
 * -EINVAL, leaving the value as it was. As with Linux's default
 * sysctl_writes_strict, a write that does not start at offset 0 is
 * ignored.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/sysctl.h>

const int sysctl_vals[] = { 0, 1, 2 };

/* proc_skip_spaces - move *@buf past blanks and newlines; returns how
 * many were skipped. */
static size_t proc_skip_spaces(char **buf, size_t left)
{
	size_t n = 0;

	while (n < left && ((*buf)[n] == ' ' || (*buf)[n] == '\t' || (*buf)[n] == '\n'))
		n++;
	*buf += n;
	return n;
}

/*
 * proc_get_long - the number at *@buf (of @left bytes), an optional '-'
 * first, into *@val and *@neg; it must end the buffer or be followed by
 * a blank or newline. Moves *@buf past it. Returns the bytes used, or
 * -EINVAL.
 */
static int proc_get_long(char **buf, size_t left, unsigned long *val, bool *neg)
{
	char tmp[24], *p = tmp;
	size_t len = min(left, sizeof(tmp) - 1);
	unsigned long long v;
	int n;

	memcpy(tmp, *buf, len);
	tmp[len] = 0;
	*neg = *p == '-';
	if (*neg)
		p++;
	n = parse_integer_prefix(p, 0, &v);
	if (n <= 0)
		return -EINVAL;
	p += n;
	if ((size_t)(p - tmp) == sizeof(tmp) - 1 ||
	    (*p && *p != ' ' && *p != '\t' && *p != '\n'))
		return -EINVAL;	/* too long, or not followed by a blank */
	*val = v;
	*buf += p - tmp;
	return p - tmp;
}

/*
 * proc_get_value - the one number a write holds, for the int and
 * unsigned long handlers: *@lenp is set to the bytes taken (the number
 * and the blanks around it). Returns 0, -EINVAL for no number or a bad
 * one, or 1 when the write is to be ignored (not at offset 0).
 */
static int proc_get_value(char *buffer, size_t *lenp, loff_t *ppos,
			  unsigned long *val, bool *neg)
{
	size_t left = *lenp;
	char *p = buffer;
	int n;

	if (*ppos) {
		*lenp = 0;
		return 1;
	}
	left -= proc_skip_spaces(&p, left);
	if (!left)
		return -EINVAL;
	n = proc_get_long(&p, left, val, neg);
	if (n < 0)
		return n;
	left -= n;
	left -= proc_skip_spaces(&p, left);
	*lenp -= left;
	*ppos += *lenp;
	return 0;
}

/* proc_put_text - a read: the text @s from *@ppos, as much as *@lenp
 * allows; *@lenp becomes what was copied. */
static int proc_put_text(const char *s, char *buffer, size_t *lenp, loff_t *ppos)
{
	size_t len = strlen(s);

	if ((size_t)*ppos >= len) {
		*lenp = 0;
		return 0;
	}
	len = min(len - (size_t)*ppos, *lenp);
	memcpy(buffer, s + *ppos, len);
	*lenp = len;
	*ppos += len;
	return 0;
}

/* proc_dointvec_minmax - an int within [*extra1, *extra2] (each bound
 * optional). Returns 0 or -EINVAL. */
int proc_dointvec_minmax(const struct ctl_table *table, int write, char *buffer,
			 size_t *lenp, loff_t *ppos)
{
	const int *min = table->extra1, *max = table->extra2;
	unsigned long v;
	char text[16];
	bool neg;
	long val;
	int err;

	if (!write) {
		snprintf(text, sizeof(text), "%d\n", *(int *)table->data);
		return proc_put_text(text, buffer, lenp, ppos);
	}
	err = proc_get_value(buffer, lenp, ppos, &v, &neg);
	if (err)
		return err < 0 ? err : 0;
	if (v > (unsigned long)INT_MAX + neg)
		return -EINVAL;
	val = neg ? -(long)v : (long)v;
	if ((min && val < *min) || (max && val > *max))
		return -EINVAL;
	*(int *)table->data = val;
	return 0;
}

/* proc_dointvec - an int, unbounded. Returns 0 or -EINVAL. */
int proc_dointvec(const struct ctl_table *table, int write, char *buffer,
		  size_t *lenp, loff_t *ppos)
{
	struct ctl_table t = { .data = table->data };

	return proc_dointvec_minmax(&t, write, buffer, lenp, ppos);
}

/* proc_doulongvec_minmax - an unsigned long within the bounds; a minus
 * sign is -EINVAL. Returns 0 or -EINVAL. */
int proc_doulongvec_minmax(const struct ctl_table *table, int write, char *buffer,
			   size_t *lenp, loff_t *ppos)
{
	const unsigned long *min = table->extra1, *max = table->extra2;
	unsigned long v;
	char text[24];
	bool neg;
	int err;

	if (!write) {
		snprintf(text, sizeof(text), "%lu\n", *(unsigned long *)table->data);
		return proc_put_text(text, buffer, lenp, ppos);
	}
	err = proc_get_value(buffer, lenp, ppos, &v, &neg);
	if (err)
		return err < 0 ? err : 0;
	if (neg || (min && v < *min) || (max && v > *max))
		return -EINVAL;
	*(unsigned long *)table->data = v;
	return 0;
}
