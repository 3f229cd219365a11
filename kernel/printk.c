// SPDX-License-Identifier: GPL-2.0
/*
 * printk: format a message, and if its level is within console_loglevel
 * write it to the console with Linux's "[seconds.micros] " prefix at the
 * start of each line. KERN_CONT (pr_cont) continues the current line.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/jiffies.h>
#include <linux/string.h>
#include <asm/irqflags.h>

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
static bool line_open;		/* the console's last line has no "\n" yet */

static const char *printk_level(const char *fmt, int *level, bool *cont)
{
	*level = MESSAGE_LOGLEVEL_DEFAULT;
	*cont = false;
	while (fmt[0] == KERN_SOH[0] && fmt[1]) {
		if (fmt[1] >= '0' && fmt[1] <= '7')
			*level = fmt[1] - '0';
		else if (fmt[1] == 'c')
			*cont = true;
		fmt += 2;
	}
	return fmt;
}

static void print_time(void)
{
	u64 ns = local_clock();
	char ts[32];
	int n;

	n = snprintf(ts, sizeof(ts), "[%5lu.%06lu] ",
		     (unsigned long)(ns / 1000000000),
		     (unsigned long)(ns % 1000000000) / 1000);
	console_write(ts, n);
}

int vprintk(const char *fmt, va_list args)
{
	char buf[512];
	unsigned long flags;
	int level, n;
	bool cont;

	fmt = printk_level(fmt, &level, &cont);
	n = vsnprintf(buf, sizeof(buf), fmt, args);
	if (n >= (int)sizeof(buf))
		n = sizeof(buf) - 1;
	if (level > console_loglevel)
		return n;
	flags = arch_local_irq_save();
	if (line_open && !cont) {
		console_write("\n", 1);
		line_open = false;
	}
	for (int i = 0; i < n;) {
		int j = i;

		if (!line_open)
			print_time();
		while (j < n && buf[j] != '\n')
			j++;
		line_open = j == n;
		console_write(buf + i, j - i + (j < n));
		i = j + 1;
	}
	arch_local_irq_restore(flags);
	return n;
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
