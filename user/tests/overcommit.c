/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux's default heuristic overcommit (vm.overcommit_memory 0): a
 * private writable mapping larger than RAM (and swap) is refused with
 * ENOMEM by mmap, mprotect to writable, mremap growth and brk; one with
 * MAP_NORESERVE, a read-only or a shared one is not; a refused MAP_FIXED
 * keeps what was there; Committed_AS is where it was after each refusal.
 * Natively the test needs overcommit_memory 0 and no swap larger than
 * RAM: it checks both and only then expects Linux's answers.
 */
#include "t.h"
#include <sys/mman.h>

#define P	4096UL

/* meminfo_kb - a /proc/meminfo value in kB, -1 if missing. */
static long meminfo_kb(const char *key)
{
	const char *s = t_read_file("/proc/meminfo");
	size_t n = strlen(key);

	for (; s && *s; s = strchr(s, '\n') ? strchr(s, '\n') + 1 : "")
		if (!strncmp(s, key, n) && s[n] == ':')
			return atol(s + n + 1);
	return -1;
}

static long committed0;

/* unchanged - Committed_AS is about where it started (natively other
 * programs move it: within 64 MiB there; exactly in mmos). */
static int unchanged(void)
{
	long d = meminfo_kb("Committed_AS") - committed0;

	return t_free_pages() >= 0 ? d == 0 : d > -65536 && d < 65536;
}

int main(void)
{
	const char *f = t_read_file("/proc/sys/vm/overcommit_memory");
	char mode = f ? *f : '0';	/* mmos has no such file: its mode is 0 */
	unsigned long ram = (unsigned long)meminfo_kb("MemTotal") * 1024;
	unsigned long big = (ram + ram / 2 + (64UL << 20)) & ~(P - 1);
	char *p, *q, *brk0;

	if (mode != '0') {
		printf("overcommit: vm.overcommit_memory is %c, not the default; skipped\n", mode);
		return t_done("overcommit");
	}
	CHECK(meminfo_kb("SwapTotal") * 1024 < (long)(big - ram), "swap too large to test");
	committed0 = meminfo_kb("Committed_AS");

	p = mmap(NULL, big, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p == MAP_FAILED && errno == ENOMEM, "private writable > RAM: %p %s", p,
	      strerror(errno));
	CHECK(unchanged(), "Committed_AS moved after a refusal");

	p = mmap(NULL, big, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
		 -1, 0);
	CHECK(p != MAP_FAILED, "MAP_NORESERVE: %s", strerror(errno));
	CHECK(unchanged(), "MAP_NORESERVE committed");
	/* a refused MAP_FIXED over it leaves it mapped */
	q = mmap(p, big, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	CHECK(q == MAP_FAILED && errno == ENOMEM, "MAP_FIXED > RAM: %s", strerror(errno));
	p[0] = 1;
	p[big - 1] = 2;
	CHECK(p[0] == 1 && p[big - 1] == 2, "the old mapping went");
	/* mprotect of a MAP_NORESERVE one to writable commits nothing */
	CHECK(mprotect(p, big, PROT_READ) == 0 && mprotect(p, big, PROT_READ | PROT_WRITE) == 0,
	      "mprotect of NORESERVE: %s", strerror(errno));
	munmap(p, big);

	p = mmap(NULL, big, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED, "read-only > RAM: %s", strerror(errno));
	CHECK(mprotect(p, big, PROT_READ | PROT_WRITE) == -1 && errno == ENOMEM,
	      "mprotect to writable > RAM: %s", strerror(errno));
	CHECK(mprotect(p, 16 * P, PROT_READ | PROT_WRITE) == 0, "a small part: %s",
	      strerror(errno));
	munmap(p, big);
	CHECK(unchanged(), "Committed_AS: %ld kB more", meminfo_kb("Committed_AS") - committed0);

	/* mremap growth past RAM, in place and moving */
	p = mmap(NULL, 16 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	q = mremap(p, 16 * P, big, 0);
	CHECK(q == MAP_FAILED && errno == ENOMEM, "mremap in place: %s", strerror(errno));
	q = mremap(p, 16 * P, big, MREMAP_MAYMOVE);
	CHECK(q == MAP_FAILED && errno == ENOMEM, "mremap moving: %s", strerror(errno));
	munmap(p, 16 * P);

	/* a shared mapping of a file commits nothing */
	{
		char path[64];
		int w;

		snprintf(path, sizeof(path), "overcommit.%d", getpid());
		w = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
		CHECK(w >= 0 && ftruncate(w, P) == 0, "file");
		p = mmap(NULL, big, PROT_READ | PROT_WRITE, MAP_SHARED, w, 0);
		CHECK(p != MAP_FAILED, "shared > RAM: %s", strerror(errno));
		if (p != MAP_FAILED)
			munmap(p, big);
		close(w);
		unlink(path);
	}

	/* brk past RAM: the break stays */
	brk0 = sbrk(0);
	CHECK((long)syscall(SYS_brk, brk0 + big) == (long)brk0, "brk > RAM moved the break");
	CHECK(unchanged(), "Committed_AS at the end: %ld kB more",
	      meminfo_kb("Committed_AS") - committed0);
	return t_done("overcommit");
}
