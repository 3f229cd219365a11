// SPDX-License-Identifier: GPL-2.0
/*
 * printk, panic and warnings for the hosted target: messages go to
 * stderr when MMOS_VERBOSE is set (tests provoke errors on purpose and
 * check the result, not the message); a panic
 * aborts the program so AddressSanitizer prints where it happened.
 */
#include <linux/kernel.h>
#include <stdio.h>
#include <stdlib.h>

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
unsigned long hosted_nr_warnings;

int vprintk(const char *fmt, va_list args)
{
	int level = MESSAGE_LOGLEVEL_DEFAULT;

	while (fmt[0] == KERN_SOH[0] && fmt[1]) {
		if (fmt[1] >= '0' && fmt[1] <= '7')
			level = fmt[1] - '0';
		fmt += 2;
	}
	(void)level;
	if (!getenv("MMOS_VERBOSE"))
		return 0;
	return vfprintf(stderr, fmt, args);
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

void panic(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "Kernel panic - not syncing: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	abort();
}

void __warn(const char *file, int line, const char *cond)
{
	fprintf(stderr, "WARNING: at %s:%d: %s\n", file, line, cond);
	hosted_nr_warnings++;
	add_taint(TAINT_WARN);
}
