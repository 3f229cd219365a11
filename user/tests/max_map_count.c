/* SPDX-License-Identifier: GPL-2.0 */
/*
 * max_map_count: vm.max_map_count bounds the VMAs of an address space,
 * as Linux's checks place it:
 *   - mmap (and brk) refuse with ENOMEM once the count is over the
 *     limit, so a process filled with separate mappings ends one over;
 *   - munmap of a page in the middle of a VMA (one more VMA) is ENOMEM
 *     at the limit (LTP's munmap04), and works once there is room;
 *   - mprotect of a middle page needs two splits: the first may take
 *     the last slot and stays made, the second is ENOMEM;
 *   - the sysctl reads 65530 by default and refuses bad writes.
 * The limit is not lowered: natively that would hit every process on
 * the machine; the test fills the default 65530 instead.
 */
#include "t.h"
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define P	4096UL
#define BASE	0x200000000UL
#define MAXMAPS	70000

static char *maps[MAXMAPS];

/* write_max - write @text to vm/max_map_count: its result or -errno. */
static long write_max(const char *text)
{
	long fd = RAW(SYS_open, "/proc/sys/vm/max_map_count", O_WRONLY), n;

	if (fd < 0)
		return fd;
	n = RAW(SYS_write, fd, text, strlen(text));
	RAW(SYS_close, fd);
	return n;
}

/* fill - map 3-page PROT_NONE VMAs one page apart (so none merge) until
 * mmap refuses; returns how many, with the last errno in *@err. */
static int fill(int *err)
{
	unsigned long addr = BASE;
	int n = 0;

	while (n < MAXMAPS) {
		char *p = mmap((void *)addr, 3 * P, PROT_NONE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);

		if (p == MAP_FAILED) {
			*err = errno;
			break;
		}
		maps[n++] = p;
		addr += 4 * P;
	}
	return n;
}

int main(void)
{
	const char *s = t_read_file("/proc/sys/vm/max_map_count");
	long max = s ? strtol(s, NULL, 10) : -1;
	int n, err = 0, r, r_err, splits_r, splits_err, hole_r;
	long brk_r;
	char text[32];
	void *brk0;

	/* mmos has Linux's default; a native machine may have raised it
	 * (some distributions do), past what this test fills cheaply */
	CHECK(max > 0 && (max == 65530 || t_free_pages() < 0),
	      "vm.max_map_count is Linux's default in mmos: %ld", max);
	if (max <= 0 || max > MAXMAPS - 1000) {
		printf("max_map_count: the limit here is %ld: not filled\n", max);
		return t_done("max_map_count");
	}
	snprintf(text, sizeof(text), "%ld\n", max);
	if (t_sysctl_writable("/proc/sys/vm/max_map_count")) {
		CHECK(write_max(text) > 0, "root writes it (the same value back)");
		CHECK(write_max("-1\n") == -EINVAL, "-1: EINVAL");
		CHECK(write_max("x\n") == -EINVAL, "x: EINVAL");
	} else {
		CHECK(t_free_pages() < 0, "in mmos, root may write max_map_count");
	}

	brk0 = (void *)RAW(SYS_brk, 0);
	n = fill(&err);
	/* no printf until all is unmapped: stdio might want to map */
	errno = 0;
	r = munmap(maps[2] + P, P);
	r_err = errno;
	brk_r = RAW(SYS_brk, (char *)brk0 + P);	/* the old break: refused */
	munmap(maps[n - 1], 3 * P);
	munmap(maps[n - 2], 3 * P);	/* now max - 1 VMAs */
	errno = 0;
	splits_r = mprotect(maps[3] + P, P, PROT_READ);
	splits_err = errno;
	hole_r = munmap(maps[4] + P, P);	/* the count is max: a hole needs max + 1 */
	for (int i = 0; i < n - 2; i++)
		munmap(maps[i], 3 * P);

	CHECK(n > max - 1000 && n <= max + 1 && err == ENOMEM,
	      "mmap stops near the limit with ENOMEM: %d maps, errno %d", n, err);
	CHECK(r == -1 && r_err == ENOMEM, "munmap of a middle page at the limit: ENOMEM (%d %d)",
	      r, r_err);
	CHECK(brk_r == (long)brk0, "brk growth over the limit: refused (%#lx, break %p)", brk_r,
	      brk0);
	CHECK(splits_r == -1 && splits_err == ENOMEM,
	      "mprotect needing two splits with room for one: ENOMEM (%d %d)", splits_r,
	      splits_err);
	CHECK(hole_r == -1, "the first split stayed: the count is at the limit again");
	CHECK(mmap((void *)BASE, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
		   -1, 0) == (void *)BASE, "room again once unmapped");
	munmap((void *)BASE, P);
	return t_done("max_map_count");
}
