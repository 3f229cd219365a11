// SPDX-License-Identifier: GPL-2.0
/* The CMOS real-time clock, read once at boot for CLOCK_REALTIME. */
#include <linux/kernel.h>
#include <linux/arch.h>
#include <asm/io.h>
#include <asm/setup.h>


static unsigned int cmos_read(unsigned int reg)
{
	outb(reg, 0x70);
	return inb(0x71);
}

static unsigned int bcd2bin(unsigned int v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

/* Days since 1970-01-01 of a date (a proleptic Gregorian calendar). */
static u64 days_from_civil(int y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return (u64)era * 146097 + doe - 719468;
}

void read_persistent_clock(void)
{
	unsigned int sec, min, hour, day, mon, year, b;

	while (cmos_read(0x0a) & 0x80)	/* update in progress */
		;
	sec = cmos_read(0x00);
	min = cmos_read(0x02);
	hour = cmos_read(0x04);
	day = cmos_read(0x07);
	mon = cmos_read(0x08);
	year = cmos_read(0x09);
	b = cmos_read(0x0b);
	if (!(b & 0x04)) {	/* BCD */
		sec = bcd2bin(sec);
		min = bcd2bin(min);
		hour = bcd2bin(hour);
		day = bcd2bin(day);
		mon = bcd2bin(mon);
		year = bcd2bin(year);
	}
	boot_wall_seconds = days_from_civil(2000 + year, mon, day) * 86400 +
			    hour * 3600 + min * 60 + sec;
}
