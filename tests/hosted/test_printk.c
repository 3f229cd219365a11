// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel log's ring of records (kernel/printk/printk_ringbuffer.c):
 * records come back with their sequence numbers, levels, facilities,
 * times and texts; once the ring wraps the oldest go, a reader asking
 * for a lost record gets the oldest kept (and sees the skip), and
 * texts longer than a record's limit are cut.
 */
#include "harness.h"
#include <linux/string.h>
#include "../../kernel/printk/printk_ringbuffer.h"

static int test_records_come_back(void)
{
	u64 first = log_next_seq(), s;
	struct printk_info info;
	char text[64];

	s = log_store(0, 6, LOG_NEWLINE, 1234, "hello", 5);
	EXPECT(s == first, "seq %llu, next was %llu", (unsigned long long)s, (unsigned long long)first);
	log_store(1, 3, LOG_NEWLINE, 5678, "world!", 6);
	EXPECT(log_next_seq() == first + 2);
	EXPECT(log_read(first, &info, text, sizeof(text)));
	EXPECT(info.seq == first && info.level == 6 && info.facility == 0 &&
	       info.ts_nsec == 1234 && info.text_len == 5 && !memcmp(text, "hello", 5));
	EXPECT(log_read(first + 1, &info, text, sizeof(text)));
	EXPECT(info.level == 3 && info.facility == 1 && !memcmp(text, "world!", 6));
	EXPECT(!log_read(first + 2, &info, text, sizeof(text)), "a record that is not there yet");
	return 0;
}

static int test_the_ring_wraps_and_drops_the_oldest(void)
{
	static char text[PRINTKRB_RECORD_MAX + 100];
	struct printk_info info;
	u64 start = log_next_seq(), last = 0;
	char want[32];

	for (int i = 0; i < 20000; i++) {
		int n = snprintf(want, sizeof(want), "record %d", i);

		last = log_store(0, i & 7, LOG_NEWLINE, i, want, n);
	}
	EXPECT(log_first_seq() > start, "nothing was dropped from a full ring");
	EXPECT(log_read(start, &info, text, sizeof(text)));
	EXPECT(info.seq == log_first_seq(), "a lost record did not give the oldest");
	for (u64 s = log_first_seq(); s <= last; s++) {
		int i = (int)(s - start), n = snprintf(want, sizeof(want), "record %d", i);

		EXPECT(log_read(s, &info, text, sizeof(text)) && info.seq == s);
		EXPECT(info.text_len == n && !memcmp(text, want, n) && info.level == (i & 7),
		       "record %llu", (unsigned long long)s);
	}
	memset(text, 'x', sizeof(text));
	last = log_store(0, 4, 0, 0, text, sizeof(text));
	EXPECT(log_read(last, &info, text, sizeof(text)) && info.text_len == PRINTKRB_RECORD_MAX);
	return 0;
}

static const struct htest tests[] = {
	HTEST(test_records_come_back), HTEST(test_the_ring_wraps_and_drops_the_oldest),
};

int main(void)
{
	return hosted_main(tests, sizeof(tests) / sizeof(tests[0]), 32UL << 20);
}
