/* SPDX-License-Identifier: GPL-2.0 */
/* /proc/kpagecount and /proc/kpageflags, as Linux's: root's files (0400:
 * uid 1000 cannot open them), 8 bytes per page frame (EINVAL for an
 * unaligned offset or count; nothing past the last frame; lseek has no
 * end); a written anonymous page is ANON and MMAP, mapped once, twice
 * while a forked child maps it too, and once again after; the zero
 * page is ZERO_PAGE and counts no mapping. The frames come from
 * pagemap, which shows them only with CAP_SYS_ADMIN: without it those
 * checks are skipped. */
#include "t.h"
#include <grp.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define P 4096L
#define KPF_SLAB	7
#define KPF_BUDDY	10
#define KPF_MMAP	11
#define KPF_ANON	12
#define KPF_NOPAGE	20
#define KPF_ZERO_PAGE	24
#define KPF_RESERVED	32

static int count_fd, flags_fd;

/* pfn_of - the page frame mapped at @a (pagemap), 0 if none shows. */
static unsigned long long pfn_of(const volatile void *a)
{
	int fd = open("/proc/self/pagemap", O_RDONLY);
	unsigned long long e = 0;

	CHECK(pread(fd, &e, 8, (unsigned long)a / P * 8) == 8, "pagemap");
	close(fd);
	return e & ((1ULL << 55) - 1);
}

/* kpage - entry @pfn of @fd. */
static unsigned long long kpage(int fd, unsigned long long pfn)
{
	unsigned long long v = ~0ULL;

	CHECK(pread(fd, &v, 8, pfn * 8) == 8, "pread frame %#llx: %s", pfn, strerror(errno));
	return v;
}

/* test_files - modes, offsets, the end, lseek, writes, other users. */
static void test_files(void)
{
	struct stat st;
	char buf[16];
	int status;
	pid_t pid;

	CHECK(stat("/proc/kpagecount", &st) == 0 && st.st_mode == (S_IFREG | 0400) &&
	      st.st_uid == 0, "kpagecount mode %o", st.st_mode);
	CHECK(stat("/proc/kpageflags", &st) == 0 && st.st_mode == (S_IFREG | 0400) &&
	      st.st_uid == 0, "kpageflags mode %o", st.st_mode);
	errno = 0;
	CHECK(pread(flags_fd, buf, 8, 4) == -1 && errno == EINVAL, "unaligned offset: %s",
	      strerror(errno));
	errno = 0;
	CHECK(pread(count_fd, buf, 12, 8) == -1 && errno == EINVAL, "unaligned count: %s",
	      strerror(errno));
	CHECK(pread(flags_fd, buf, 16, 0) == 16, "two frames at 0");
	CHECK(pread(flags_fd, buf, 8, 1LL << 50) == 0, "past the last frame");
	CHECK(lseek(flags_fd, 1LL << 40, SEEK_SET) == 1LL << 40, "lseek far");
	CHECK(lseek(flags_fd, 8, SEEK_CUR) == (1LL << 40) + 8, "lseek on");
	errno = 0;
	CHECK(lseek(flags_fd, 0, SEEK_END) == -1 && errno == EINVAL, "SEEK_END: %s",
	      strerror(errno));
	if (t_has_cap(1)) {	/* CAP_DAC_OVERRIDE opens 0400 for writing */
		int fd = open("/proc/kpageflags", O_RDWR);

		errno = 0;
		CHECK(fd >= 0 && write(fd, buf, 8) == -1 && errno == EIO, "write: %s",
		      strerror(errno));
		close(fd);
	}
	pid = fork();
	if (pid == 0) {
		if (setgroups(0, NULL) || setgid(1000) || setuid(1000))
			_exit(2);
		_exit(open("/proc/kpageflags", O_RDONLY) == -1 && errno == EACCES ? 0 : 3);
	}
	waitpid(pid, &status, 0);
	CHECK(status == 0, "uid 1000 opening kpageflags: status %#x", status);
}

/* test_pages - an anon page's flags and counts across fork, and the
 * zero page's. */
static void test_pages(void)
{
	char *p = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	volatile char *z = mmap(NULL, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long long pfn, f;
	int go[2], ready[2], status;
	pid_t pid;
	char c;

	p[0] = 1;
	CHECK(z[0] == 0, "zero");
	pfn = pfn_of(p);
	if (!pfn) {
		printf("kpageflags: no CAP_SYS_ADMIN, no PFNs: pages not checked\n");
		return;
	}
	f = kpage(flags_fd, pfn);
	CHECK((f >> KPF_ANON & 1) && (f >> KPF_MMAP & 1), "anon page flags %#llx", f);
	CHECK(!(f >> KPF_BUDDY & 1) && !(f >> KPF_SLAB & 1) && !(f >> KPF_NOPAGE & 1) &&
	      !(f >> KPF_ZERO_PAGE & 1), "anon page flags %#llx", f);
	CHECK(kpage(count_fd, pfn) == 1, "count %llu", kpage(count_fd, pfn));

	CHECK(pipe(go) == 0 && pipe(ready) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		if (p[0] != 1 || write(ready[1], "x", 1) != 1 || read(go[0], &c, 1) != 1)
			_exit(3);
		_exit(0);
	}
	CHECK(read(ready[0], &c, 1) == 1, "child ready");
	CHECK(kpage(count_fd, pfn) == 2, "count with the child %llu", kpage(count_fd, pfn));
	CHECK(write(go[1], "x", 1) == 1, "go");
	waitpid(pid, &status, 0);
	CHECK(status == 0, "child %#x", status);
	CHECK(kpage(count_fd, pfn) == 1, "count after %llu", kpage(count_fd, pfn));

	pfn = pfn_of(z);
	f = kpage(flags_fd, pfn);
	CHECK(pfn && (f >> KPF_ZERO_PAGE & 1) && !(f >> KPF_ANON & 1),
	      "zero page %#llx flags %#llx", pfn, f);
	CHECK(kpage(count_fd, pfn) == 0, "zero page count %llu", kpage(count_fd, pfn));
	munmap(p, P), munmap((void *)z, P);
	CHECK(kpage(flags_fd, pfn_of(&count_fd)) >> KPF_MMAP & 1, "our data is mapped");
}

/* test_all_frames - every frame once: some free (BUDDY, mapped by
 * nobody), some slab, some reserved; none both free and mapped, or
 * free and slab. In mmos, the free frames are the free pages. */
static void test_all_frames(void)
{
	static unsigned long long fl[8192], cn[8192];
	long buddy = 0, slab = 0, reserved = 0, bad = 0, frames = 0, n, free0;

	free0 = t_free_pages();
	for (unsigned long long pfn = 0;; pfn += n / 8) {
		n = pread(flags_fd, fl, sizeof(fl), pfn * 8);
		if (n <= 0 || pread(count_fd, cn, n, pfn * 8) != n)
			break;
		for (long i = 0; i < n / 8; i++) {
			buddy += fl[i] >> KPF_BUDDY & 1;
			slab += fl[i] >> KPF_SLAB & 1;
			reserved += fl[i] >> KPF_RESERVED & 1;
			bad += (fl[i] >> KPF_BUDDY & 1) &&
			       ((fl[i] >> KPF_MMAP & 1) || (fl[i] >> KPF_SLAB & 1) || cn[i]);
		}
		frames += n / 8;
	}
	CHECK(frames > 1000 && buddy > 0 && slab > 0 && reserved > 0,
	      "%ld frames: %ld free, %ld slab, %ld reserved", frames, buddy, slab, reserved);
	/* natively other programs allocate between the two reads */
	CHECK(free0 >= 0 ? bad == 0 : bad < buddy / 100 + 1, "%ld free frames mapped or slab",
	      bad);
	if (free0 >= 0)
		CHECK(buddy >= free0 - 64 && buddy <= free0 + 64, "%ld free frames, %ld free pages",
		      buddy, free0);
}

int main(void)
{
	count_fd = open("/proc/kpagecount", O_RDONLY);
	flags_fd = open("/proc/kpageflags", O_RDONLY);
	CHECK(count_fd >= 0 && flags_fd >= 0, "open: %s", strerror(errno));
	test_files();
	test_pages();
	test_all_frames();
	return t_done("kpageflags");
}
