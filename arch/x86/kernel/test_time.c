// SPDX-License-Identifier: GPL-2.0
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/selftest.h>
#include <asm/irqflags.h>
#include <asm/processor.h>

/* The HZ tick runs: jiffies advances while we wait (bounded by the TSC). */
static int test_timer_ticks(void)
{
	unsigned long start = jiffies;
	u64 deadline = local_clock() + 2000000000ULL;

	KTEST_EXPECT(!arch_irqs_disabled(), "interrupts are off");
	while (jiffies < start + 5 && local_clock() < deadline)
		native_halt();
	KTEST_EXPECT(jiffies >= start + 5, "jiffies stuck at %lu", jiffies);
	return 0;
}
SELFTEST(test_timer_ticks);
