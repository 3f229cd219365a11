/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel log's records (kernel/printk/printk_ringbuffer.c): a byte
 * ring of variable-length records, each with its sequence number,
 * level, facility and time stamp, as Linux's log_buf before 5.10.
 * When the ring is full the oldest records are dropped; a reader that
 * asks for a dropped sequence number gets the oldest one left, and sees
 * from info.seq that it skipped some.
 */
#ifndef _KERNEL_PRINTK_RINGBUFFER_H
#define _KERNEL_PRINTK_RINGBUFFER_H

#include <linux/types.h>

#define LOG_BUF_LEN		(1 << 17)	/* 128 KiB, Linux's default at 17 */
#define PRINTKRB_RECORD_MAX	1024		/* longest text of one record */

#define LOG_NEWLINE	2	/* the text ended with a newline */
#define LOG_CONT	8	/* a fragment of a line (KERN_CONT) */

struct printk_info {
	u64 seq;		/* sequence number */
	u64 ts_nsec;		/* local_clock() when stored */
	u16 text_len;
	u8 facility;		/* syslog facility: 0 kernel, 1 user */
	u8 flags : 5;		/* LOG_* */
	u8 level : 3;		/* syslog level */
};

u64 log_store(u8 facility, u8 level, u8 flags, u64 ts_nsec, const char *text, u16 text_len);
bool log_read(u64 seq, struct printk_info *info, char *text, size_t size);
u64 log_first_seq(void);
u64 log_next_seq(void);

#endif
