// SPDX-License-Identifier: GPL-2.0
/*
 * vsnprintf: the subset of C's formats the kernel uses: flags - 0 # +
 * space, width and precision (also *), length h hh l ll z t, and
 * conversions d i u x X o c s p %. %p prints the raw pointer in hex
 * (mmos does not hash pointers: it is a kernel for reading).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <stdarg.h>

struct out {
	char *buf;
	size_t size, len;
};

/* emit - one character to @o; counts it even when the buffer is full,
 * so snprintf can return the length it would have written. */
static void emit(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

struct spec {
	bool left, zero, alt, plus, space;
	int width, prec;
};

/* emit_padded - @pfx and @body (of @blen bytes) padded to the spec's
 * width: zeros after the prefix or spaces on the left or right. */
static void emit_padded(struct out *o, const struct spec *s, const char *pfx,
			const char *body, int blen)
{
	int plen = strlen(pfx), pad = s->width - plen - blen;

	if (!s->left && !s->zero)
		for (; pad > 0; pad--)
			emit(o, ' ');
	while (*pfx)
		emit(o, *pfx++);
	if (!s->left && s->zero)
		for (; pad > 0; pad--)
			emit(o, '0');
	for (int i = 0; i < blen; i++)
		emit(o, body[i]);
	for (; pad > 0; pad--)
		emit(o, ' ');
}

/* emit_number - @v in @base under spec @s, with its sign ('-' when
 * @neg) or base prefix, padded by emit_padded(). */
static void emit_number(struct out *o, struct spec s, unsigned long long v,
			bool neg, int base, bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24], pfx[4] = "";
	int n = 0;

	do {
		tmp[sizeof(tmp) - 1 - n++] = digits[v % base];
		v /= base;
	} while (v);
	while (s.prec >= 0 && n < s.prec && n < (int)sizeof(tmp))
		tmp[sizeof(tmp) - 1 - n++] = '0';
	if (neg)
		strcpy(pfx, "-");
	else if (s.plus)
		strcpy(pfx, "+");
	else if (s.space)
		strcpy(pfx, " ");
	if (s.alt && base == 16)
		strcat(pfx, upper ? "0X" : "0x");
	if (s.alt && base == 8 && tmp[sizeof(tmp) - n] != '0')
		strcat(pfx, "0");
	if (s.prec >= 0)
		s.zero = false;
	emit_padded(o, &s, pfx, tmp + sizeof(tmp) - n, n);
}

/* parse_spec - read the flags, width and precision after a '%' at @f
 * into @s (a '*' takes its value from @ap); returns what follows. */
static const char *parse_spec(const char *f, struct spec *s, va_list *ap)
{
	memset(s, 0, sizeof(*s));
	s->prec = -1;
	for (;; f++) {
		if (*f == '-') s->left = true;
		else if (*f == '0') s->zero = true;
		else if (*f == '#') s->alt = true;
		else if (*f == '+') s->plus = true;
		else if (*f == ' ') s->space = true;
		else break;
	}
	if (*f == '*') {
		s->width = va_arg(*ap, int);
		f++;
	}
	while (*f >= '0' && *f <= '9')
		s->width = s->width * 10 + *f++ - '0';
	if (*f == '.') {
		s->prec = 0;
		if (*++f == '*') {
			s->prec = va_arg(*ap, int);
			f++;
		}
		while (*f >= '0' && *f <= '9')
			s->prec = s->prec * 10 + *f++ - '0';
	}
	return f;
}

/* Length modifier: 0 int, 1 long, 2 long long; h/hh read as int. */
static const char *parse_length(const char *f, int *len)
{
	*len = 0;
	while (*f == 'h')
		f++;
	if (*f == 'l') {
		*len = 1;
		if (*++f == 'l') {
			*len = 2;
			f++;
		}
	} else if (*f == 'z' || *f == 't') {
		*len = 1;
		f++;
	}
	return f;
}

/* get_unsigned - the next unsigned argument of length modifier @len
 * (0 int, 1 long, 2 long long). */
static unsigned long long get_unsigned(va_list *ap, int len)
{
	if (len == 2)
		return va_arg(*ap, unsigned long long);
	if (len == 1)
		return va_arg(*ap, unsigned long);
	return va_arg(*ap, unsigned int);
}

/* get_signed - the next signed argument of length modifier @len. */
static long long get_signed(va_list *ap, int len)
{
	if (len == 2)
		return va_arg(*ap, long long);
	if (len == 1)
		return va_arg(*ap, long);
	return va_arg(*ap, int);
}

/* emit_conv - format one conversion @c (d i u x X o p s c %) of spec
 * @s and length @len, taking its argument from @ap. */
static void emit_conv(struct out *o, char c, struct spec *s, int len,
		      va_list *ap)
{
	long long sv;
	const char *str;

	switch (c) {
	case 'd': case 'i':
		sv = get_signed(ap, len);
		emit_number(o, *s, sv < 0 ? -(unsigned long long)sv : sv, sv < 0, 10, false);
		break;
	case 'u': emit_number(o, *s, get_unsigned(ap, len), false, 10, false); break;
	case 'x': emit_number(o, *s, get_unsigned(ap, len), false, 16, false); break;
	case 'X': emit_number(o, *s, get_unsigned(ap, len), false, 16, true); break;
	case 'o': emit_number(o, *s, get_unsigned(ap, len), false, 8, false); break;
	case 'p':
		s->alt = true;
		emit_number(o, *s, (unsigned long)va_arg(*ap, void *), false, 16, false);
		break;
	case 'c': {
		char ch = (char)va_arg(*ap, int);

		emit_padded(o, s, "", &ch, 1);
		break;
	}
	case 's':
		str = va_arg(*ap, const char *);
		if (!str)
			str = "(null)";
		emit_padded(o, s, "", str, s->prec >= 0 ? (int)strnlen(str, s->prec) : (int)strlen(str));
		break;
	default:
		emit(o, '%');
		if (c)
			emit(o, c);
	}
}

/* vsnprintf - format into @buf (always terminated when @size > 0).
 * Returns the length the whole output would have had. */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { buf, size, 0 };
	va_list ap;

	va_copy(ap, args);
	while (*fmt) {
		struct spec s;
		int len;

		if (*fmt != '%') {
			emit(&o, *fmt++);
			continue;
		}
		if (fmt[1] == '%') {
			emit(&o, '%');
			fmt += 2;
			continue;
		}
		fmt = parse_spec(fmt + 1, &s, &ap);
		fmt = parse_length(fmt, &len);
		emit_conv(&o, *fmt, &s, len, &ap);
		if (*fmt)
			fmt++;
	}
	va_end(ap);
	if (size)
		buf[min(o.len, size - 1)] = 0;
	return o.len;
}

/* snprintf - vsnprintf() with a variable argument list. */
int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
