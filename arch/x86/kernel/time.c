// SPDX-License-Identifier: GPL-2.0
/*
 * Time: the PIT (i8253) ticks at HZ through the i8259 PIC on IRQ 0, and
 * the TSC, calibrated against the PIT once at boot, dates printk lines.
 */
#include <linux/kernel.h>
#include <linux/arch.h>
#include <linux/jiffies.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/timer.h>
#include <linux/timekeeping.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/traps.h>

#define PIT_HZ		1193182
#define PIT_CH0		0x40
#define PIT_CH2		0x42
#define PIT_CMD		0x43
#define PIC1		0x20
#define PIC2		0xa0

volatile unsigned long jiffies;
unsigned long tsc_khz;
static u64 tsc_at_boot;

/*
 * calibrate_tsc - count TSC ticks while PIT channel 2 counts down 10 ms
 * (its gate is port 0x61 bit 0, its output bit 5). Sets tsc_khz.
 */
void calibrate_tsc(void)
{
	unsigned int count = PIT_HZ / 100;
	u64 t0, t1;

	tsc_at_boot = rdtsc();
	outb((inb(0x61) & ~0x02) | 0x01, 0x61);
	outb(0xb0, PIT_CMD);		/* ch2, lobyte/hibyte, mode 0 */
	outb(count & 0xff, PIT_CH2);
	outb(count >> 8, PIT_CH2);
	t0 = rdtsc();
	while (!(inb(0x61) & 0x20))
		;
	t1 = rdtsc();
	tsc_khz = (t1 - t0) / 10;
}

/* local_clock - nanoseconds since boot, from the TSC. */
u64 local_clock(void)
{
	u64 d;

	if (!tsc_khz)
		return 0;
	d = rdtsc() - tsc_at_boot;
	return d / tsc_khz * 1000000 + (d % tsc_khz) * 1000000 / tsc_khz;
}

/* Remap the PICs to vectors 32..47 and mask every line. */
static void i8259_init(void)
{
	outb(0x11, PIC1);
	outb(0x11, PIC2);
	outb(IRQ0_VECTOR, PIC1 + 1);
	outb(IRQ0_VECTOR + 8, PIC2 + 1);
	outb(0x04, PIC1 + 1);		/* slave on IRQ 2 */
	outb(0x02, PIC2 + 1);
	outb(0x01, PIC1 + 1);		/* 8086 mode */
	outb(0x01, PIC2 + 1);
	outb(0xff, PIC1 + 1);
	outb(0xff, PIC2 + 1);
}

/* i8259_unmask - let legacy IRQ line @irq through the PIC. */
void i8259_unmask(unsigned int irq)
{
	u16 port = irq < 8 ? PIC1 + 1 : PIC2 + 1;

	outb(inb(port) & ~(1u << (irq & 7)), port);
}

void i8259_eoi(unsigned int irq)
{
	if (irq >= 8)
		outb(0x20, PIC2);
	outb(0x20, PIC1);
}

/* timer_interrupt - the tick, as Linux's tick_periodic(): time moves
 * on, and the interrupted task is charged the tick (user or system). */
static void timer_interrupt(struct pt_regs *regs)
{
	jiffies++;
	update_wall_time();
	add_interrupt_randomness(0);
	update_process_times(user_mode(regs));
}

/* time_init - start the HZ tick. Interrupts stay off until the caller
 * enables them. */
void time_init(void)
{
	unsigned int div = PIT_HZ / HZ;

	i8259_init();
	outb(0x34, PIT_CMD);		/* ch0, lobyte/hibyte, rate generator */
	outb(div & 0xff, PIT_CH0);
	outb(div >> 8, PIT_CH0);
	request_irq(0, timer_interrupt);
	i8259_unmask(0);
	pr_info("clocksource: tsc %lu.%03lu MHz, tick: PIT at %d Hz\n",
		tsc_khz / 1000, tsc_khz % 1000, HZ);
}
