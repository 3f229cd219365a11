/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmap, munmap, mprotect, mremap, madvise, mincore, brk: results, error
 * numbers, and /proc/self/maps after every step. The work happens inside
 * a PROT_NONE reservation, so neighbouring mappings never merge with the
 * ones under test and the expected VMA list is the same on Linux and mmos.
 */
#include "t.h"
#include <fcntl.h>
#include <sys/mman.h>

#define P 4096UL
#define RES 24			/* pages reserved */

struct vma { unsigned long s, e; char perms[5]; };

/* The VMAs of /proc/self/maps inside [lo, hi), clipped to it. */
static int maps_in(unsigned long lo, unsigned long hi, struct vma *v, int max)
{
	const char *line = t_read_file("/proc/self/maps");
	int n = 0;

	for (; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : "") {
		unsigned long s, e;
		char perms[5];

		if (sscanf(line, "%lx-%lx %4s", &s, &e, perms) != 3 || e <= lo || s >= hi)
			continue;
		if (n < max) {
			v[n].s = s < lo ? lo : s;
			v[n].e = e > hi ? hi : e;
			memcpy(v[n].perms, perms, 5);
		}
		n++;
	}
	return n;
}

/* expect "off-off perms ..." (offsets in pages from base) to be exactly
 * the VMAs of the reservation. */
static void expect_maps(int line, unsigned long base, const char *spec)
{
	struct vma v[16];
	int n = maps_in(base, base + RES * P, v, 16), i = 0, used;
	unsigned long s, e;
	char perms[5];
	char got[512] = "";

	for (int k = 0; k < n && k < 16; k++)
		sprintf(got + strlen(got), "%lu-%lu %s ", (v[k].s - base) / P,
			(v[k].e - base) / P, v[k].perms);
	while (sscanf(spec, "%lu-%lu %4s%n", &s, &e, perms, &used) == 3) {
		if (i >= n || v[i].s != base + s * P || v[i].e != base + e * P ||
		    strcmp(v[i].perms, perms))
			break;
		i++;
		spec += used;
	}
	while (*spec == ' ')
		spec++;
	CHECK(i == n && !*spec, "line %d: maps are [%s]", line, got);
}
#define EXPECT_MAPS(base, spec) expect_maps(__LINE__, base, spec)

int main(void)
{
	unsigned char vec[32];
	char *base, *p, *q;
	long before;

	base = mmap(NULL, RES * P, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(base != MAP_FAILED, "reserve");
	EXPECT_MAPS((unsigned long)base, "0-24 ---p");

	p = mmap(base + 4 * P, 16 * P, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	CHECK(p == base + 4 * P, "MAP_FIXED");
	EXPECT_MAPS((unsigned long)base, "0-4 ---p 4-20 rw-p 20-24 ---p");
	CHECK(p[0] == 0 && p[15 * P] == 0, "fresh memory reads zero");
	CHECK(mincore(p, 16 * P, vec) == 0, "mincore");
	memset(p, 0x5a, 8 * P);
	CHECK(mincore(p, 16 * P, vec) == 0 && (vec[0] & 1) && (vec[7] & 1) && !(vec[12] & 1),
	      "mincore: touched %d %d untouched %d", vec[0], vec[7], vec[12]);

	CHECK(mprotect(p + 4 * P, 4 * P, PROT_READ) == 0, "mprotect split");
	EXPECT_MAPS((unsigned long)base, "0-4 ---p 4-8 rw-p 8-12 r--p 12-20 rw-p 20-24 ---p");
	CHECK(p[4 * P] == 0x5a, "contents kept through mprotect");
	CHECK(mprotect(p + 4 * P, 4 * P, PROT_READ | PROT_WRITE) == 0, "mprotect back");
	EXPECT_MAPS((unsigned long)base, "0-4 ---p 4-20 rw-p 20-24 ---p");
	p[4 * P] = 1;
	/* raw syscalls: libc wrappers may round or check arguments themselves */
	CHECK(RAW(SYS_mprotect, p + P, P, PROT_READ | PROT_WRITE | 0x1000) == -EINVAL,
	      "mprotect bad prot");
	CHECK(RAW(SYS_mprotect, p + 1, P, PROT_READ) == -EINVAL, "mprotect unaligned");
	CHECK(RAW(SYS_mprotect, P, P, PROT_READ) == -ENOMEM, "mprotect of nothing");

	CHECK(munmap(p + 2 * P, 2 * P) == 0, "munmap hole");
	EXPECT_MAPS((unsigned long)base, "0-4 ---p 4-6 rw-p 8-20 rw-p 20-24 ---p");
	CHECK(munmap(p + P, 4 * P) == 0, "munmap across the hole");
	EXPECT_MAPS((unsigned long)base, "0-4 ---p 4-5 rw-p 9-20 rw-p 20-24 ---p");
	CHECK(p[0] == 0x5a && p[5 * P] == 0x5a, "contents around the hole");
	CHECK(munmap(p + P, 4 * P) == 0, "munmap of nothing is fine");
	CHECK(RAW(SYS_munmap, p + 1, P) == -EINVAL, "munmap unaligned");
	CHECK(RAW(SYS_munmap, p, 0) == -EINVAL, "munmap length 0");

	q = mmap(p + P, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	CHECK(q == p + P, "MAP_FIXED_NOREPLACE into a hole");
	q = mmap(p, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	CHECK(q == MAP_FAILED && errno == EEXIST, "MAP_FIXED_NOREPLACE over a mapping");
	EXPECT_MAPS((unsigned long)base, "0-4 ---p 4-5 rw-p 5-6 r--p 9-20 rw-p 20-24 ---p");
	q = mmap(p + 2 * P, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(q == p + 2 * P, "a free hint is taken");
	munmap(q, P);

	CHECK(RAW(SYS_mmap, 0, P, PROT_READ, MAP_ANONYMOUS, -1, 0) == -EINVAL,
	      "no MAP_PRIVATE/SHARED");
	CHECK(RAW(SYS_mmap, 0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == -EINVAL,
	      "length 0");
	CHECK(RAW(SYS_mmap, 0, P, PROT_READ, MAP_PRIVATE, 99, 0) == -EBADF, "bad fd");
	CHECK(RAW(SYS_mmap, 0, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 1) == -EINVAL,
	      "unaligned offset");
	CHECK(RAW(SYS_mmap, p + 1, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) ==
	      -EINVAL, "unaligned MAP_FIXED");

	/* mremap: shrink, grow in place, move */
	CHECK(mremap(base + 9 * P, 11 * P, 5 * P, 0) == base + 9 * P, "mremap shrink");
	EXPECT_MAPS((unsigned long)base, "0-4 ---p 4-5 rw-p 5-6 r--p 9-14 rw-p 20-24 ---p");
	CHECK(mremap(base + 9 * P, 5 * P, 8 * P, 0) == base + 9 * P, "mremap grow in place");
	EXPECT_MAPS((unsigned long)base, "0-4 ---p 4-5 rw-p 5-6 r--p 9-17 rw-p 20-24 ---p");
	base[9 * P] = 42;
	CHECK(RAW(SYS_mremap, base + 9 * P, 8 * P, 12 * P, 0) == -ENOMEM,
	      "mremap grow without room or MAYMOVE");
	q = mremap(base + 9 * P, 8 * P, 12 * P, MREMAP_MAYMOVE);
	CHECK(q != MAP_FAILED && q != base + 9 * P && q[0] == 42, "mremap move keeps the data");
	EXPECT_MAPS((unsigned long)base, "0-4 ---p 4-5 rw-p 5-6 r--p 20-24 ---p");
	CHECK(RAW(SYS_mremap, p + 1, P, P, 0) == -EINVAL, "mremap unaligned");
	CHECK(RAW(SYS_mremap, P, P, 2 * P, 0) == -EFAULT, "mremap of nothing");
	munmap(q, 12 * P);

	/* madvise(MADV_DONTNEED) drops anonymous pages: they read as zero */
	p[0] = 7;
	CHECK(madvise(p, P, MADV_DONTNEED) == 0 && p[0] == 0, "MADV_DONTNEED");
	CHECK(RAW(SYS_madvise, p, P, 12345) == -EINVAL, "madvise bad advice");

	/* a 64 MiB anonymous mapping, touched and freed: every page comes back */
	before = t_free_pages();
	q = mmap(NULL, 64 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(q != MAP_FAILED, "64 MiB");
	for (unsigned long off = 0; off < (64UL << 20); off += P)
		q[off] = 1;
	CHECK(munmap(q, 64 << 20) == 0, "munmap 64 MiB");
	if (before >= 0)
		CHECK(t_free_pages() == before, "free pages %ld -> %ld", before, t_free_pages());

	/* brk: grows, shrinks, refuses to go below its start (raw: musl's
	 * sbrk only reads the break) */
	long b0 = RAW(SYS_brk, 0);
	CHECK(RAW(SYS_brk, b0 + 3 * P) == b0 + (long)(3 * P), "brk grow");
	((char *)b0)[0] = 1;
	((char *)b0)[3 * P - 1] = 2;
	CHECK(RAW(SYS_brk, b0 + P) == b0 + (long)P, "brk shrink");
	CHECK(((char *)b0)[0] == 1, "heap kept below the new break");
	CHECK(RAW(SYS_brk, 0) == b0 + (long)P, "brk(0)");
	CHECK(RAW(SYS_brk, 4096) == b0 + (long)P, "brk below its start fails");
	CHECK(RAW(SYS_brk, b0) == b0, "brk back");

	munmap(base, RES * P);
	return t_done("mmap");
}
