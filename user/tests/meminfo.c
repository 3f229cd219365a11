/* SPDX-License-Identifier: GPL-2.0 */
/*
 * /proc/meminfo's counted lines follow what the pages do: a 1 MiB tmpfs
 * file adds 256 pages to Cached and Shmem (and to sysinfo's sharedram)
 * and unlinking it takes them away; faulting 1 MiB of anonymous memory
 * adds it to AnonPages and munmap removes it; mapping the tmpfs file
 * and touching it adds it to Mapped. Committed_AS grows by the size of
 * a private writable mapping (untouched), not of a MAP_NORESERVE or
 * read-only one, and by a read-only one that mprotect makes writable;
 * tmpfs pages are committed too. Every field parses, MemFree <=
 * MemTotal, and the categories fit in what is not free.
 *
 * In mmos the test is alone, so each change must be exact within a few
 * pages. Natively the machine is shared (other programs allocate and
 * free meanwhile), so a change must be seen within a wider tolerance in
 * one of several tries. Needs root for the tmpfs mount (it is, natively
 * as the runner runs it, and in mmos).
 */
#include "t.h"
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>

#define MIB		(1024L * 1024)
#define TRIES		20

static int in_mmos;

/* meminfo - the value in kB of @key ("Cached") in /proc/meminfo now;
 * -1 if the line is missing or malformed. */
static long meminfo(const char *key)
{
	const char *s = t_read_file("/proc/meminfo");
	size_t n = strlen(key);

	for (; s && *s; s = strchr(s, '\n') ? strchr(s, '\n') + 1 : "") {
		if (!strncmp(s, key, n) && s[n] == ':')
			return atol(s + n + 1);
	}
	return -1;
}

/* near - @got kB is @want kB within the tolerance: a few pages in mmos,
 * a quarter of the 1 MiB moved natively. */
static int near(long got, long want)
{
	long tol = in_mmos ? 32 : 256;

	return got >= want - tol && got <= want + tol;
}

/* check_format - every line is "Name:  value[ kB]", the kB ones in
 * Linux's columns (name padded to 16, value right-aligned in 8). */
static void check_format(void)
{
	const char *s = t_read_file("/proc/meminfo");
	int lines = 0;

	CHECK(s && *s, "no /proc/meminfo");
	while (s && *s) {
		size_t n = strcspn(s, "\n");
		const char *colon = memchr(s, ':', n);
		char *end;
		unsigned long v;

		CHECK(colon, "no colon: %.*s", (int)n, s);
		if (!colon)
			break;
		v = strtoul(colon + 1, &end, 10);
		CHECK(end > colon + 1 && (!strncmp(end, " kB\n", 4) || *end == '\n'),
		      "bad value: %.*s", (int)n, s);
		if (!strncmp(end, " kB", 3) && v < 100000000)
			CHECK(n == 27, "columns: '%.*s'", (int)n, s);
		lines++;
		s += n + (s[n] == '\n');
	}
	CHECK(lines >= 40, "only %d lines", lines);
}

/* check_totals - MemFree <= MemTotal, MemAvailable <= MemTotal, Shmem
 * within Cached, and the disjoint categories fit with MemFree in RAM. */
static void check_totals(void)
{
	long total = meminfo("MemTotal"), free = meminfo("MemFree");
	long cached = meminfo("Cached"), shmem = meminfo("Shmem");
	long anon = meminfo("AnonPages"), slab = meminfo("Slab");
	long sunr = meminfo("SUnreclaim"), srec = meminfo("SReclaimable");
	long used = free + cached + anon + slab + meminfo("KernelStack") +
		    meminfo("PageTables");

	CHECK(total > 0 && free > 0 && free <= total, "MemFree %ld MemTotal %ld", free, total);
	CHECK(meminfo("MemAvailable") <= total, "MemAvailable");
	CHECK(shmem >= 0 && shmem <= cached, "Shmem %ld Cached %ld", shmem, cached);
	CHECK(slab == sunr + srec, "Slab %ld != %ld + %ld", slab, sunr, srec);
	CHECK(slab > 0 && meminfo("KernelStack") > 0 && meminfo("PageTables") > 0,
	      "kernel memory unaccounted");
	CHECK(used <= total, "categories %ld kB > MemTotal %ld kB", used, total);
	CHECK(meminfo("Mapped") >= 0 && anon > 0, "Mapped/AnonPages");
}

/* write_mib - a 1 MiB file @path of nonzero bytes; 0 or -1. */
static int write_mib(const char *path)
{
	static char buf[MIB];
	int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0600);
	long n;

	memset(buf, 'x', sizeof(buf));
	n = fd >= 0 ? write(fd, buf, sizeof(buf)) : -1;
	close(fd);
	return n == MIB ? 0 : -1;
}

/* check_tmpfs_file - creating and removing a 1 MiB tmpfs file moves
 * Cached, Shmem and sysinfo's sharedram by 1 MiB each way. */
static void check_tmpfs_file(const char *path)
{
	int up = 0, down = 0, shared = 0, committed = 0;

	for (int i = 0; i < TRIES && !(up && down && shared && committed); i++) {
		long c0 = meminfo("Cached"), s0 = meminfo("Shmem"), c1, s1;
		long a0 = meminfo("Committed_AS"), a1;
		struct sysinfo si0, si1;

		sysinfo(&si0);
		if (write_mib(path))
			break;
		c1 = meminfo("Cached");
		s1 = meminfo("Shmem");
		a1 = meminfo("Committed_AS");
		sysinfo(&si1);
		up |= near(c1 - c0, 1024) && near(s1 - s0, 1024);
		committed |= near(a1 - a0, 1024);
		shared |= near((long)((si1.sharedram - si0.sharedram) * si1.mem_unit / 1024), 1024);
		unlink(path);
		down |= near(c1 - meminfo("Cached"), 1024) && near(s1 - meminfo("Shmem"), 1024);
	}
	CHECK(up, "Cached/Shmem did not grow by 1 MiB");
	CHECK(down, "Cached/Shmem did not shrink by 1 MiB on unlink");
	CHECK(shared, "sysinfo sharedram did not grow by 1 MiB");
	CHECK(committed, "tmpfs pages are not committed");
}

/* check_anon - faulting 1 MiB of anonymous memory adds it to AnonPages,
 * and munmap takes it out. */
static void check_anon(void)
{
	int up = 0, down = 0;

	for (int i = 0; i < TRIES && !(up && down); i++) {
		long a0 = meminfo("AnonPages"), a1;
		char *p = mmap(NULL, MIB, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED)
			break;
		for (long off = 0; off < MIB; off += 4096)
			p[off] = 1;
		a1 = meminfo("AnonPages");
		up |= near(a1 - a0, 1024);
		munmap(p, MIB);
		down |= near(a1 - meminfo("AnonPages"), 1024);
	}
	CHECK(up, "AnonPages did not grow by 1 MiB");
	CHECK(down, "AnonPages did not shrink by 1 MiB on munmap");
}

/* committed_delta - how much Committed_AS (kB) moves when 1 MiB is
 * mapped with @prot and @flags and then, if @then_prot >= 0, given
 * that protection; *@after_unmap is the move back at munmap. */
static long committed_delta(int prot, int flags, int then_prot, long *after_unmap)
{
	long c0 = meminfo("Committed_AS"), c1;
	char *p = mmap(NULL, MIB, prot, MAP_PRIVATE | MAP_ANONYMOUS | flags, -1, 0);

	if (p == MAP_FAILED)
		return -1;
	if (then_prot >= 0 && mprotect(p, MIB, then_prot))
		return -1;
	c1 = meminfo("Committed_AS");
	munmap(p, MIB);
	*after_unmap = c1 - meminfo("Committed_AS");
	return c1 - c0;
}

/* check_committed - Linux's accounting of private writable mappings. */
static void check_committed(void)
{
	int rw = 0, noreserve = 0, ro = 0, made_rw = 0;
	long back;

	for (int i = 0; i < TRIES && !(rw && noreserve && ro && made_rw); i++) {
		long d = committed_delta(PROT_READ | PROT_WRITE, 0, -1, &back);

		rw |= near(d, 1024) && near(back, 1024);
		d = committed_delta(PROT_READ | PROT_WRITE, MAP_NORESERVE, -1, &back);
		noreserve |= near(d, 0) && near(back, 0);
		d = committed_delta(PROT_READ, 0, -1, &back);
		ro |= near(d, 0) && near(back, 0);
		d = committed_delta(PROT_READ, 0, PROT_READ | PROT_WRITE, &back);
		made_rw |= near(d, 1024) && near(back, 1024);
	}
	CHECK(rw, "a private writable mapping is not committed");
	CHECK(noreserve, "a MAP_NORESERVE mapping is committed");
	CHECK(ro, "a read-only mapping is committed");
	CHECK(made_rw, "mprotect to writable did not commit");
}

/* check_mapped - a shared mapping of the 1 MiB file, read page by page,
 * adds it to Mapped (and not to AnonPages); munmap takes it out. */
static void check_mapped(const char *path)
{
	int up = 0, down = 0, anon = 0;
	volatile char sum = 0;

	if (write_mib(path))
		return;
	for (int i = 0; i < TRIES && !(up && down && anon); i++) {
		long m0 = meminfo("Mapped"), a0 = meminfo("AnonPages"), m1, a1;
		int fd = open(path, O_RDONLY);
		char *p = mmap(NULL, MIB, PROT_READ, MAP_SHARED, fd, 0);

		close(fd);
		if (p == MAP_FAILED)
			break;
		for (long off = 0; off < MIB; off += 4096)
			sum += p[off];
		m1 = meminfo("Mapped");
		a1 = meminfo("AnonPages");
		up |= near(m1 - m0, 1024);
		anon |= in_mmos ? a1 - a0 < 32 : a1 - a0 < 512;
		munmap(p, MIB);
		down |= near(m1 - meminfo("Mapped"), 1024);
	}
	unlink(path);
	CHECK(up, "Mapped did not grow by 1 MiB");
	CHECK(down, "Mapped did not shrink by 1 MiB on munmap");
	CHECK(anon, "a file mapping counted as AnonPages");
}

int main(void)
{
	char dir[64], path[80];

	in_mmos = t_free_pages() >= 0;
	meminfo("MemTotal");	/* fault in t_read_file's buffer first */
	check_format();
	check_totals();
	snprintf(dir, sizeof(dir), "meminfo.%d", getpid());
	snprintf(path, sizeof(path), "%s/f", dir);
	CHECK(mkdir(dir, 0700) == 0, "mkdir: %s", strerror(errno));
	CHECK(mount("tmpfs", dir, "tmpfs", 0, "size=8m") == 0, "mount: %s", strerror(errno));
	check_tmpfs_file(path);
	check_anon();
	check_committed();
	check_mapped(path);
	CHECK(umount(dir) == 0, "umount: %s", strerror(errno));
	rmdir(dir);
	check_totals();
	return t_done("meminfo");
}
