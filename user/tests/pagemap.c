/* SPDX-License-Identifier: GPL-2.0 */
/* /proc/self/pagemap and /proc/self/clear_refs, as Linux's: 8 bytes per
 * virtual page (offset = address / 4096 * 8; EINVAL for an unaligned
 * offset or count), present bit 63, exclusively mapped bit 56 (cleared
 * while a forked child shares the page, set again after its COW), file
 * or shared-anonymous bit 61, the PFN only with CAP_SYS_ADMIN (the same
 * in parent and child before the COW, different after; the opener's
 * capability decides, not the reader's; one zero page
 * for every read-only touch); clear_refs "4" clears soft-dirty (bit 55)
 * until the next write (where the kernel has soft-dirty: mmos always),
 * "1" the accessed bits (smaps' Referenced), "5"
 * VmHWM; anything else EINVAL. */
#include "t.h"
#include <grp.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define P 4096L
#define PM_PFN(e)		((e) & ((1ULL << 55) - 1))
#define PM_SOFT_DIRTY		(1ULL << 55)
#define PM_EXCLUSIVE		(1ULL << 56)
#define PM_FILE			(1ULL << 61)
#define PM_PRESENT		(1ULL << 63)

static int pm_fd, show_pfn;

/* pme - the pagemap entry of the page at @addr. */
static unsigned long long pme(const volatile void *addr)
{
	unsigned long long e = 0;
	long n = pread(pm_fd, &e, 8, (unsigned long)addr / P * 8);

	CHECK(n == 8, "pread of pagemap at %p: %ld %s", addr, n, strerror(errno));
	return e;
}

/* clear_refs - write @what to /proc/self/clear_refs; the write's result
 * (or -errno). */
static long clear_refs(const char *what)
{
	int fd = open("/proc/self/clear_refs", O_WRONLY);
	long n;

	if (fd < 0)
		return -errno;
	n = write(fd, what, strlen(what));
	if (n < 0)
		n = -errno;
	close(fd);
	return n;
}

/* status_kb - the kB of line @name of /proc/self/status. */
static long status_kb(const char *name)
{
	const char *s = t_read_file("/proc/self/status");
	const char *f = s ? strstr(s, name) : NULL;

	return f ? atol(f + strlen(name)) : -1;
}

/* smaps_referenced - smaps' Referenced of the VMA that starts at @a. */
static long smaps_referenced(void *a)
{
	const char *s = t_read_file("/proc/self/smaps");
	char pat[32];
	const char *b, *f;

	snprintf(pat, sizeof(pat), "%08lx-", (unsigned long)a);
	b = s ? strstr(s, pat) : NULL;
	f = b ? strstr(b, "\nReferenced:") : NULL;
	return f ? atol(f + 12) : -1;
}

/* test_layout - the file's shape: the entry of a page at its offset,
 * read with pread or after lseek, many at once; EINVAL for an offset or
 * a count that is not a multiple of 8. */
static void test_layout(void)
{
	char *p = mmap(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long long e[4], one;
	char buf[8];

	CHECK(p != MAP_FAILED, "mmap");
	p[P] = 1;
	CHECK(!(pme(p) & PM_PRESENT), "an untouched page is not present: %#llx", pme(p));
	CHECK(pme(p + P) & PM_PRESENT, "a written page is present: %#llx", pme(p + P));
	CHECK(pread(pm_fd, e, sizeof(e), (unsigned long)p / P * 8) == sizeof(e), "pread 4");
	CHECK(!(e[0] & PM_PRESENT) && (e[1] & PM_PRESENT) && !(e[2] & PM_PRESENT),
	      "entries %#llx %#llx %#llx", e[0], e[1], e[2]);
	CHECK(lseek(pm_fd, (unsigned long)(p + P) / P * 8, SEEK_SET) ==
	      (off_t)((unsigned long)(p + P) / P * 8), "lseek");
	CHECK(read(pm_fd, &one, 8) == 8 && one == e[1], "read after lseek %#llx", one);
	CHECK(lseek(pm_fd, 0, SEEK_CUR) == (off_t)((unsigned long)(p + 2 * P) / P * 8),
	      "read moved the offset by 8");
	errno = 0;
	CHECK(pread(pm_fd, buf, 8, (unsigned long)p / P * 8 + 4) == -1 && errno == EINVAL,
	      "unaligned offset: %s", strerror(errno));
	errno = 0;
	CHECK(pread(pm_fd, buf, 4, (unsigned long)p / P * 8) == -1 && errno == EINVAL,
	      "unaligned count: %s", strerror(errno));
	CHECK(pread(pm_fd, buf, 0, (unsigned long)p / P * 8) == 0, "count 0");
	CHECK(pread(pm_fd, buf, 8, 0x7ffffffff000UL / P * 8) == 0, "the end of user space");
	errno = 0;
	CHECK(pread(pm_fd, (void *)8, 8, (unsigned long)p / P * 8) == -1 && errno == EFAULT,
	      "bad buffer: %s", strerror(errno));
	munmap(p, 4 * P);
	CHECK(!(pme(p + P) & PM_PRESENT), "unmapped: %#llx", pme(p + P));
}

/* entry_of_child - fork a child that reports the entry of @p (after
 * writing it if @write) on a pipe and waits for a byte on another; the
 * entry in *@e, its pid returned. */
static pid_t entry_of_child(char *p, int write_it, int go[2], unsigned long long *e)
{
	int rep[2];
	pid_t pid;

	CHECK(pipe(rep) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		unsigned long long x;
		char c;

		if (write_it)
			p[0] = 2;
		else if (p[0] != 1)
			_exit(5);
		/* its own: the inherited fd shows the mm it was opened on */
		pm_fd = open("/proc/self/pagemap", O_RDONLY);
		x = pme(p);
		if (write(rep[1], &x, 8) != 8 || read(go[0], &c, 1) != 1)
			_exit(3);
		_exit(0);
	}
	CHECK(read(rep[0], e, 8) == 8, "the child's entry");
	close(rep[0]), close(rep[1]);
	return pid;
}

/* test_fork - the exclusive bit and the PFN across fork and COW. */
static void test_fork(void)
{
	char *p = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long long mine, childs;
	int go[2], status;
	pid_t pid;

	CHECK(p != MAP_FAILED && pipe(go) == 0, "mmap, pipe");
	p[0] = 1;
	mine = pme(p);
	CHECK((mine & PM_PRESENT) && (mine & PM_EXCLUSIVE) && !(mine & PM_FILE),
	      "a private anon page: %#llx", mine);
	CHECK(show_pfn ? PM_PFN(mine) != 0 : PM_PFN(mine) == 0,
	      "PFN %#llx with CAP_SYS_ADMIN %d", PM_PFN(mine), show_pfn);

	pid = entry_of_child(p, 0, go, &childs);
	CHECK(!(pme(p) & PM_EXCLUSIVE), "shared with the child: %#llx", pme(p));
	CHECK(!(childs & PM_EXCLUSIVE) && (childs & PM_PRESENT), "the child's: %#llx", childs);
	if (show_pfn)
		CHECK(PM_PFN(childs) == PM_PFN(mine), "one page before COW: %#llx %#llx",
		      PM_PFN(childs), PM_PFN(mine));
	CHECK(write(go[1], "x", 1) == 1, "go");
	waitpid(pid, &status, 0);
	CHECK(status == 0, "child %#x", status);
	CHECK(pme(p) & PM_EXCLUSIVE, "ours alone again: %#llx", pme(p));

	pid = entry_of_child(p, 1, go, &childs);
	CHECK(pme(p) & PM_EXCLUSIVE, "the child's COW left ours exclusive: %#llx", pme(p));
	CHECK((childs & PM_EXCLUSIVE) && (childs & PM_PRESENT), "the child's copy: %#llx",
	      childs);
	if (show_pfn)
		CHECK(PM_PFN(childs) != PM_PFN(pme(p)), "two pages after COW: %#llx",
		      PM_PFN(childs));
	else
		printf("pagemap: no CAP_SYS_ADMIN: PFNs not compared\n");
	CHECK(write(go[1], "x", 1) == 1, "go");
	waitpid(pid, &status, 0);
	CHECK(status == 0, "child %#x", status);
	close(go[0]), close(go[1]);

	/* the opener's capability decides, not the reader's: a child that
	 * gave up root still sees our PFNs through our file */
	mine = pme(p);
	pid = fork();
	if (pid == 0) {
		unsigned long long e = 0;

		if (setgroups(0, NULL) || setgid(1000) || setuid(1000))
			_exit(2);
		if (pread(pm_fd, &e, 8, (unsigned long)p / P * 8) != 8)
			_exit(3);
		_exit(PM_PFN(e) == PM_PFN(mine) && (e & PM_PRESENT) ? 0 : 4);
	}
	waitpid(pid, &status, 0);
	CHECK(status == 0, "uid 1000 reading our file: status %#x", status);
	munmap(p, P);
}

/* test_kinds - the zero page (present, neither exclusive nor file, one
 * PFN for all), shared anonymous memory and the program's text (file). */
static void test_kinds(void)
{
	volatile char *z = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *sh = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	unsigned long long e;

	CHECK(z != MAP_FAILED && sh != MAP_FAILED, "mmap");
	CHECK(z[0] == 0 && z[P] == 0, "zeroes");
	e = pme(z);
	CHECK((e & PM_PRESENT) && !(e & PM_EXCLUSIVE) && !(e & PM_FILE), "zero page %#llx", e);
	if (show_pfn)
		CHECK(PM_PFN(e) && PM_PFN(e) == PM_PFN(pme(z + P)), "one zero page: %#llx %#llx",
		      PM_PFN(e), PM_PFN(pme(z + P)));
	sh[0] = 1;
	e = pme(sh);
	CHECK((e & PM_PRESENT) && (e & PM_FILE) && (e & PM_EXCLUSIVE), "shared anon %#llx", e);
	e = pme((void *)test_kinds);
	CHECK((e & PM_PRESENT) && (e & PM_FILE), "our text %#llx", e);
	munmap((void *)z, 2 * P), munmap(sh, P);
}

/* test_soft_dirty - clear_refs "4": every page clean until written,
 * a write makes its page (only) soft-dirty again, new mappings are
 * soft-dirty; VmFlags loses "sd" (smaps). */
static void test_soft_dirty(void)
{
	char *p = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *sh = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	long r;
	char *q;

	CHECK(p != MAP_FAILED && sh != MAP_FAILED, "mmap");
	p[0] = 1, p[P] = 1, sh[0] = 1;
	if (!(pme(p) & PM_SOFT_DIRTY) && t_free_pages() < 0) {
		/* Linux without CONFIG_MEM_SOFT_DIRTY (mmos has it always) */
		printf("pagemap: this kernel has no soft-dirty bits: not checked\n");
		munmap(p, 2 * P), munmap(sh, P);
		return;
	}
	CHECK(pme(p) & PM_SOFT_DIRTY, "written: soft-dirty %#llx", pme(p));
	r = clear_refs("4");
	CHECK(r == 1, "clear_refs 4: %ld", r);
	CHECK(!(pme(p) & PM_SOFT_DIRTY) && (pme(p) & PM_PRESENT), "cleared: %#llx", pme(p));
	CHECK(!(pme(sh) & PM_SOFT_DIRTY), "shared cleared: %#llx", pme(sh));
	CHECK(p[0] == 1, "read");
	CHECK(!(pme(p) & PM_SOFT_DIRTY), "a read leaves it clean: %#llx", pme(p));
	p[0] = 2;
	CHECK(pme(p) & PM_SOFT_DIRTY, "written again: %#llx", pme(p));
	CHECK(!(pme(p + P) & PM_SOFT_DIRTY), "its neighbour still clean: %#llx", pme(p + P));
	CHECK(pme(p) & PM_EXCLUSIVE, "written in place, not copied: %#llx", pme(p));
	sh[0] = 2;
	CHECK(pme(sh) & PM_SOFT_DIRTY, "shared written again: %#llx", pme(sh));
	q = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(pme(q) & PM_SOFT_DIRTY, "a new mapping is soft-dirty untouched: %#llx", pme(q));
	CHECK(p[0] == 2 && p[P] == 1 && sh[0] == 2, "contents kept");
	munmap(p, 2 * P), munmap(sh, P), munmap(q, P);
}

/* test_clear_refs - the values clear_refs takes and refuses; "1" clears
 * Referenced until the page is touched again; "5" resets VmHWM. */
static void test_clear_refs(void)
{
	char *p = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *big;
	long hwm;

	CHECK(clear_refs("0") == -EINVAL, "0: %ld", clear_refs("0"));
	CHECK(clear_refs("6") == -EINVAL, "6: %ld", clear_refs("6"));
	CHECK(clear_refs("-1") == -EINVAL, "-1: %ld", clear_refs("-1"));
	CHECK(clear_refs("x") == -EINVAL, "x: %ld", clear_refs("x"));
	CHECK(clear_refs("99999999999") == -ERANGE, "overflow: %ld",
	      clear_refs("99999999999"));
	CHECK(clear_refs(" 3\n") == 3, "' 3\\n': %ld", clear_refs(" 3\n"));
	CHECK(clear_refs("2 ") == 2, "'2 ': %ld", clear_refs("2 "));
	CHECK(clear_refs("3                      ") == 12, "long: %ld",
	      clear_refs("3                      "));

	p[0] = 1;
	CHECK(smaps_referenced(p) == 4, "Referenced %ld", smaps_referenced(p));
	CHECK(clear_refs("1") == 1, "1");
	CHECK(smaps_referenced(p) == 0, "Referenced after clear %ld", smaps_referenced(p));
	/* (a touch need not set it again: Linux does not flush the TLB) */

	big = mmap(NULL, 256 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(big, 1, 256 * P);
	munmap(big, 256 * P);
	hwm = status_kb("VmHWM:");
	CHECK(hwm >= status_kb("VmRSS:") + 900, "VmHWM %ld, VmRSS %ld", hwm,
	      status_kb("VmRSS:"));
	CHECK(clear_refs("5") == 1, "5");
	CHECK(status_kb("VmHWM:") < hwm - 800, "VmHWM after 5: %ld (was %ld)",
	      status_kb("VmHWM:"), hwm);
	munmap(p, P);
}

int main(void)
{
	pm_fd = open("/proc/self/pagemap", O_RDONLY);
	CHECK(pm_fd >= 0, "open pagemap: %s", strerror(errno));
	show_pfn = t_has_cap(21);	/* CAP_SYS_ADMIN */
	test_layout();
	test_fork();
	test_kinds();
	test_soft_dirty();
	test_clear_refs();
	return t_done("pagemap");
}
