// SPDX-License-Identifier: GPL-2.0
/*
 * The CMOS real-time clock (the MC146818 of the PC), read once at boot
 * for CLOCK_REALTIME, as Linux's mach_get_cmos_time(). Registers 0x00
 * (seconds) .. 0x09 (year) through index port 0x70 and data port 0x71;
 * status register B says whether they are BCD (bit 2 clear) and whether
 * the hour is 12-hour (bit 1 clear, bit 7 of the hour then means PM).
 */
#include <linux/kernel.h>
#include <linux/arch.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <asm/io.h>
#include <asm/processor.h>

#define RTC_SECONDS		0x00
#define RTC_MINUTES		0x02
#define RTC_HOURS		0x04
#define RTC_DAY_OF_MONTH	0x07
#define RTC_MONTH		0x08
#define RTC_YEAR		0x09
#define RTC_FREQ_SELECT		0x0a	/* register A */
#define   RTC_UIP		0x80	/* update in progress */
#define RTC_CONTROL		0x0b	/* register B */
#define   RTC_DM_BINARY		0x04
#define   RTC_24H		0x02
#define RTC_CENTURY		0x32	/* the ACPI FADT's usual century register */

struct cmos_time {
	unsigned int sec, min, hour, day, mon, year, century, control;
};

/* CMOS_READ - one CMOS register. */
static unsigned int CMOS_READ(unsigned int reg)
{
	outb(reg, 0x70);
	return inb(0x71);
}

static unsigned int bcd2bin(unsigned int v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

/* cmos_read_raw - the registers as the chip holds them, read once the
 * update-in-progress flag is clear (an update takes under 2 ms and the
 * registers are not consistent meanwhile). */
static void cmos_read_raw(struct cmos_time *t)
{
	unsigned long spins = 0;

	while ((CMOS_READ(RTC_FREQ_SELECT) & RTC_UIP) && spins++ < 10000000)
		cpu_relax();
	t->sec = CMOS_READ(RTC_SECONDS);
	t->min = CMOS_READ(RTC_MINUTES);
	t->hour = CMOS_READ(RTC_HOURS);
	t->day = CMOS_READ(RTC_DAY_OF_MONTH);
	t->mon = CMOS_READ(RTC_MONTH);
	t->year = CMOS_READ(RTC_YEAR);
	t->century = CMOS_READ(RTC_CENTURY);
	t->control = CMOS_READ(RTC_CONTROL);
}

/* cmos_decode - binary, 24-hour values from what the chip gave. */
static void cmos_decode(struct cmos_time *t)
{
	bool pm = !(t->control & RTC_24H) && (t->hour & 0x80);

	t->hour &= 0x7f;
	if (!(t->control & RTC_DM_BINARY)) {
		t->sec = bcd2bin(t->sec);
		t->min = bcd2bin(t->min);
		t->hour = bcd2bin(t->hour);
		t->day = bcd2bin(t->day);
		t->mon = bcd2bin(t->mon);
		t->year = bcd2bin(t->year);
		t->century = bcd2bin(t->century);
	}
	if (!(t->control & RTC_24H))	/* 12 AM is 0 h, 12 PM is 12 h */
		t->hour = (t->hour % 12) + (pm ? 12 : 0);
	/* no century register (or nonsense in it): years 70..99 are
	 * 19xx, as Linux's mach_get_cmos_time() assumes */
	if (t->century >= 19 && t->century <= 30)
		t->year += t->century * 100;
	else
		t->year += t->year < 70 ? 2000 : 1900;
}

/*
 * read_persistent_clock64 - the wall clock at boot, from the CMOS RTC
 * (which keeps UTC under QEMU, `-rtc base=...`). The registers are read
 * until two readings agree, so that no update falls between the reads
 * of one. Prints the time set, as Linux's rtc_cmos does.
 */
void read_persistent_clock64(struct timespec64 *ts)
{
	struct cmos_time t, again;
	int tries = 0;

	cmos_read_raw(&t);
	do {
		again = t;
		cmos_read_raw(&t);
	} while (memcmp(&t, &again, sizeof(t)) && ++tries < 10);
	cmos_decode(&t);
	ts->tv_nsec = 0;
	ts->tv_sec = mktime64(t.year, t.mon, t.day, t.hour, t.min, t.sec);
	pr_info("rtc_cmos: setting system clock to %04u-%02u-%02uT%02u:%02u:%02u UTC (%ld)\n",
		t.year, t.mon, t.day, t.hour, t.min, t.sec, ts->tv_sec);
}
