// SPDX-License-Identifier: GPL-2.0
/*
 * cpio newc parsing, with every length checked against the buffer: a
 * malformed archive yields an error and its offset, never a read past
 * the end. Nothing here allocates, so the hosted tests can fuzz it.
 */
#include <linux/kernel.h>
#include <linux/cpio.h>
#include <linux/errno.h>
#include <linux/string.h>

#define CPIO_HDR_LEN	110
#define CPIO_FIELDS	13

void cpio_iter_init(struct cpio_iter *it, const void *buf, unsigned long len)
{
	it->buf = buf;
	it->len = len;
	it->pos = 0;
	it->error = NULL;
	it->in_archive = false;
}

static int cpio_fail(struct cpio_iter *it, const char *why)
{
	it->error = why;
	return -EINVAL;
}

/* Parse 8 hex digits at @s into *v; false if any is not hex. */
static bool parse_hex8(const u8 *s, unsigned long *v)
{
	*v = 0;
	for (int i = 0; i < 8; i++) {
		int c = s[i], d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return false;
		*v = *v << 4 | d;
	}
	return true;
}

/* Skip the zero padding between archives. Returns 1 at a clean end. */
static int skip_padding(struct cpio_iter *it)
{
	while (it->pos < it->len && it->buf[it->pos] == 0)
		it->pos++;
	if (it->pos == it->len)
		return 1;
	if (it->pos & 3)
		return cpio_fail(it, "junk between archives");
	return 0;
}

static int parse_header(struct cpio_iter *it, unsigned long f[CPIO_FIELDS])
{
	const u8 *h = it->buf + it->pos;

	if (it->len - it->pos < CPIO_HDR_LEN)
		return cpio_fail(it, "truncated header");
	if (memcmp(h, "070701", 6) && memcmp(h, "070702", 6))
		return cpio_fail(it, memcmp(h, "070707", 6) ?
				 "not a cpio newc archive (compressed initramfs is not supported)" :
				 "old binary/odc cpio format is not supported");
	for (int i = 0; i < CPIO_FIELDS; i++)
		if (!parse_hex8(h + 6 + 8 * i, &f[i]))
			return cpio_fail(it, "bad hex digit in header");
	return 0;
}

/*
 * cpio_next - the next entry of the archive. Returns 0 with *e filled,
 * 1 at the end of the buffer, or -EINVAL with it->error set (it->pos is
 * then the offset of the bad header). The trailer entry is consumed,
 * not returned.
 */
int cpio_next(struct cpio_iter *it, struct cpio_entry *e)
{
	unsigned long f[CPIO_FIELDS], namesize, data, end;
	int r;

	for (;;) {
		if (!it->in_archive) {
			r = skip_padding(it);
			if (r)
				return r;
		}
		r = parse_header(it, f);
		if (r)
			return r;
		it->in_archive = true;
		namesize = f[11];
		if (namesize == 0 || namesize > 4096 ||
		    namesize > it->len - it->pos - CPIO_HDR_LEN)
			return cpio_fail(it, "name runs past the archive");
		e->name = (const char *)it->buf + it->pos + CPIO_HDR_LEN;
		if (e->name[namesize - 1] != 0 || strlen(e->name) != namesize - 1)
			return cpio_fail(it, "name is not NUL-terminated");
		data = ALIGN(it->pos + CPIO_HDR_LEN + namesize, 4);
		if (data > it->len || f[6] > it->len - data)
			return cpio_fail(it, "file data runs past the archive");
		end = min(ALIGN(data + f[6], 4), it->len);
		e->ino = f[0];
		e->mode = f[1];
		e->uid = f[2];
		e->gid = f[3];
		e->nlink = f[4];
		e->mtime = f[5];
		e->rdevmajor = f[9];
		e->rdevminor = f[10];
		e->size = f[6];
		e->data = it->buf + data;
		it->pos = end;
		if (strcmp(e->name, "TRAILER!!!")) 
			return 0;
		it->in_archive = false;
	}
}
