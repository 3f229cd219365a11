// SPDX-License-Identifier: GPL-2.0
/*
 * panic(): the end of the machine after a kernel bug. What happens next
 * follows panic= as on Linux: N < 0 resets at once, N > 0 resets after N
 * seconds, 0 halts. mmos's default is -1 (under QEMU -no-reboot a reset
 * ends the run, so a test never hangs on a dead kernel).
 */
#include <linux/arch.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/reboot.h>
#include <asm/irqflags.h>
#include <asm/processor.h>

static int panic_timeout = -1;
static bool in_panic;


static int panic_setup(char *s)
{
	long v = 0;
	int neg = *s == '-';

	for (s += neg; *s >= '0' && *s <= '9'; s++)
		v = v * 10 + *s - '0';
	panic_timeout = neg ? -v : v;
	return 0;
}
early_param("panic=", panic_setup);

/* Wait @secs seconds by the TSC (the timer may be dead). */
static void panic_delay(int secs)
{
	u64 end = local_clock() + (u64)secs * 1000000000;

	while (local_clock() < end)
		cpu_relax();
}

void panic(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	arch_local_irq_disable();
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_loglevel = 7;
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	if (!in_panic) {
		in_panic = true;
		dump_stack();
	}
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
	if (panic_timeout == 0)
		machine_halt();
	if (panic_timeout > 0) {
		printk(KERN_EMERG "Rebooting in %d seconds..\n", panic_timeout);
		panic_delay(panic_timeout);
	}
	machine_restart();
}

/* __warn - a WARN_ON fired: the report, and the kernel tainted W. */
void __warn(const char *file, int line, const char *cond)
{
	printk(KERN_WARNING "WARNING: CPU: 0 at %s:%d: %s\n", file, line, cond);
	dump_stack();
	add_taint(TAINT_WARN);
}
