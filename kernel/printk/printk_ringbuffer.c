// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel log's ring of records (printk_ringbuffer.h). Each record
 * is a struct printk_log header and its text, padded to 8 bytes, in
 * log_buf; a header with len 0 where the next record would not fit
 * says "continue at the start". log_first_* is the oldest record kept,
 * log_next_* where the next goes. Records are copied in and out under
 * logbuf_lock with interrupts off: printk may be called anywhere, and
 * a copy of at most PRINTKRB_RECORD_MAX bytes is short.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include "printk_ringbuffer.h"

struct printk_log {
	u64 ts_nsec;
	u16 len;		/* header + text + padding; 0: wrap */
	u16 text_len;
	u8 facility;
	u8 flags : 5;
	u8 level : 3;
} __attribute__((aligned(8)));

static char log_buf[LOG_BUF_LEN] __attribute__((aligned(8)));
static DEFINE_SPINLOCK(logbuf_lock);
/* logbuf_lock (irqsave) must be held when using these: */
static u64 log_first_seq_, log_next_seq_;
static u32 log_first_idx, log_next_idx;

static struct printk_log *log_from_idx(u32 idx)
{
	struct printk_log *msg = (struct printk_log *)(log_buf + idx);

	if (!msg->len)		/* a wrap marker: the record is at 0 */
		return (struct printk_log *)log_buf;
	return msg;
}

/* log_next - the index after the record at @idx. */
static u32 log_next(u32 idx)
{
	struct printk_log *msg = (struct printk_log *)(log_buf + idx);

	if (!msg->len)
		return ((struct printk_log *)log_buf)->len;
	return idx + msg->len;
}

/* logbuf_has_space - can @size bytes go at log_next_idx without
 * reaching the oldest record? (@empty: the ring holds nothing) */
static bool logbuf_has_space(u32 size, bool empty)
{
	u32 free;

	if (log_next_idx > log_first_idx || empty)
		free = max(LOG_BUF_LEN - log_next_idx, log_first_idx);
	else
		free = log_first_idx - log_next_idx;
	/* room for a wrap marker too */
	return free >= size + sizeof(struct printk_log);
}

/* log_make_free_space - drop the oldest records until @size fits. */
static void log_make_free_space(u32 size)
{
	while (log_first_seq_ < log_next_seq_ && !logbuf_has_space(size, false)) {
		log_first_idx = log_next(log_first_idx);
		log_first_seq_++;
	}
	if (log_first_seq_ == log_next_seq_)	/* empty: start over */
		log_first_idx = log_next_idx = 0;
}

/*
 * log_store - append a record (text cut to PRINTKRB_RECORD_MAX).
 * Returns its sequence number.
 */
u64 log_store(u8 facility, u8 level, u8 flags, u64 ts_nsec, const char *text, u16 text_len)
{
	struct printk_log *msg;
	unsigned long irqflags;
	u32 size;
	u64 seq;

	text_len = min(text_len, (u16)PRINTKRB_RECORD_MAX);
	size = ALIGN(sizeof(*msg) + text_len, 8);
	spin_lock_irqsave(&logbuf_lock, irqflags);
	log_make_free_space(size);
	if (log_next_idx + size + sizeof(*msg) > LOG_BUF_LEN) {
		/* no room before the end: a wrap marker, and start at 0 */
		memset(log_buf + log_next_idx, 0, sizeof(*msg));
		log_next_idx = 0;
	}
	msg = (struct printk_log *)(log_buf + log_next_idx);
	memcpy(msg + 1, text, text_len);
	msg->ts_nsec = ts_nsec;
	msg->len = size;
	msg->text_len = text_len;
	msg->facility = facility;
	msg->flags = flags;
	msg->level = level;
	log_next_idx += size;
	seq = log_next_seq_++;
	spin_unlock_irqrestore(&logbuf_lock, irqflags);
	return seq;
}

/*
 * log_read - the record @seq, or the oldest one kept if @seq is gone:
 * its info, and its text (cut to @size) into @text. Returns false if
 * there is no record at or after @seq yet.
 */
bool log_read(u64 seq, struct printk_info *info, char *text, size_t size)
{
	struct printk_log *msg;
	unsigned long flags;
	u32 idx;
	u64 s;

	spin_lock_irqsave(&logbuf_lock, flags);
	if (seq >= log_next_seq_) {
		spin_unlock_irqrestore(&logbuf_lock, flags);
		return false;
	}
	s = log_first_seq_;
	idx = log_first_idx;
	for (; s < seq; s++)
		idx = log_next(idx);
	msg = log_from_idx(idx);
	info->seq = s;
	info->ts_nsec = msg->ts_nsec;
	info->text_len = msg->text_len;
	info->facility = msg->facility;
	info->flags = msg->flags;
	info->level = msg->level;
	memcpy(text, msg + 1, min((size_t)msg->text_len, size));
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return true;
}

/* log_first_seq - the oldest record's sequence number. */
u64 log_first_seq(void)
{
	unsigned long flags;
	u64 s;

	spin_lock_irqsave(&logbuf_lock, flags);
	s = log_first_seq_;
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return s;
}

/* log_next_seq - the sequence number the next record will get. */
u64 log_next_seq(void)
{
	unsigned long flags;
	u64 s;

	spin_lock_irqsave(&logbuf_lock, flags);
	s = log_next_seq_;
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return s;
}
