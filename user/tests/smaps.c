/* SPDX-License-Identifier: GPL-2.0 */
/* /proc/self/smaps and smaps_rollup, as Linux 6.1 shows them: a
 * written private anonymous page is 4 kB of Rss, Pss, Private_Dirty and
 * Anonymous, in Linux's exact columns; a page only read maps the zero
 * page, which counts nowhere; after fork the page is shared, Pss halves
 * to 2 kB and it is Shared_Dirty, until the child writes its own copy;
 * a MAP_SHARED page is shared with a child that maps it too; a mlocked
 * page is Locked; smaps_rollup is the sum of every VMA's lines with Pss
 * split into Pss_Anon/Pss_File/Pss_Shmem; VmFlags names the VMA's
 * flags with Linux's two letters; another user may not open them. */
#include "t.h"
#include <grp.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define P 4096L

static char smaps[1 << 18], rollup[1 << 14];

/* read_into - the whole of @path into @buf (@size), with raw syscalls:
 * the buffers are static and touched beforehand, so reading does not
 * change the memory it reports. Returns the length or -1. */
static long read_into(const char *path, char *buf, long size)
{
	long fd = RAW(SYS_open, path, 0), n, len = 0;

	if (fd < 0)
		return -1;
	while ((n = RAW(SYS_read, fd, buf + len, size - 1 - len)) > 0)
		len += n;
	RAW(SYS_close, fd);
	buf[len] = 0;
	return len;
}

/* vma_block - the start of the smaps block of the VMA that starts at
 * @addr, or NULL. */
static const char *vma_block(unsigned long addr)
{
	char pat[32];
	const char *p;

	snprintf(pat, sizeof(pat), "%08lx-", addr);
	if (!strncmp(smaps, pat, strlen(pat)))
		return smaps;
	snprintf(pat, sizeof(pat), "\n%08lx-", addr);
	p = strstr(smaps, pat);
	return p ? p + 1 : NULL;
}

/* field - the kB value of line @name ("Rss:") of the block of @addr,
 * read afresh from /proc/self/smaps; -1 if missing. */
static long field(void *addr, const char *name)
{
	const char *b, *f;
	char pat[40];

	read_into("/proc/self/smaps", smaps, sizeof(smaps));
	b = vma_block((unsigned long)addr);
	if (!b)
		return -1;
	snprintf(pat, sizeof(pat), "\n%s", name);
	f = strstr(b, pat);
	return f ? atol(f + strlen(pat)) : -1;
}

/* vmflags - the VmFlags line of the block of @addr (without the name),
 * in a static buffer; "" if missing. */
static const char *vmflags(void *addr)
{
	static char line[256];
	const char *b, *f;
	size_t n;

	read_into("/proc/self/smaps", smaps, sizeof(smaps));
	line[0] = 0;
	b = vma_block((unsigned long)addr);
	f = b ? strstr(b, "\nVmFlags: ") : NULL;
	if (!f)
		return line;
	f += 10;
	n = strcspn(f, "\n");
	if (n >= sizeof(line))
		n = sizeof(line) - 1;
	memcpy(line, f, n);
	line[n] = 0;
	return line;
}

/* has_flag - is two-letter flag @fl in VmFlags line @line? */
static int has_flag(const char *line, const char *fl)
{
	for (const char *p = line; *p; p += 3)
		if (p[0] == fl[0] && p[1] == fl[1] && p[2] == ' ')
			return 1;
	return 0;
}

/* sum_all - the sum over every VMA of smaps of line @name, in kB. */
static long sum_all(const char *name)
{
	char pat[40];
	long sum = 0;

	snprintf(pat, sizeof(pat), "\n%s", name);
	for (const char *p = strstr(smaps, pat); p; p = strstr(p + 1, pat))
		sum += atol(p + strlen(pat));
	return sum;
}

/* rollup_field - line @name of the rollup text, in kB; -1 if missing. */
static long rollup_field(const char *name)
{
	char pat[40];
	const char *f;

	snprintf(pat, sizeof(pat), "\n%s", name);
	f = strstr(rollup, pat);
	return f ? atol(f + strlen(pat)) : -1;
}

/* child_holds - fork a child that keeps the parent's pages mapped until
 * it reads a byte from @go; it reads *@p (which must be 1) first, or
 * with @write writes it (its own copy), and says so on @done. Returns its pid. */
static pid_t child_holds(int go, int done, volatile char *p, int write)
{
	pid_t pid = fork();
	char c;

	if (pid)
		return pid;
	if (write)
		p[0] = 2;
	else if (p[0] != 1)	/* and maps it: fork copies no PTE of a
				 * shared mapping in Linux */
		_exit(5);
	if (RAW(SYS_write, done, "x", 1) != 1)
		_exit(3);
	if (RAW(SYS_read, go, &c, 1) != 1)
		_exit(4);
	_exit(0);
}

/* test_private_anon - one written page: 4 kB private and dirty, in
 * Linux's columns; shared and halved after fork; private again once the
 * child has its own copy. */
static void test_private_anon(void)
{
	char *p = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int go[2], done[2], status;
	const char *b;
	pid_t pid;
	char c;

	CHECK(p != MAP_FAILED, "mmap: %s", strerror(errno));
	p[0] = 1;
	field(p, "Rss:");
	b = vma_block((unsigned long)p);
	CHECK(b && strstr(b, "\nSize:                  4 kB\nKernelPageSize:        4 kB\n"
			  "MMUPageSize:           4 kB\nRss:                   4 kB\n"
			  "Pss:                   4 kB\n"),
	      "the first lines of the block:\n%.300s", b ? b : "(none)");
	CHECK(field(p, "Pss:") == 4, "Pss %ld", field(p, "Pss:"));
	CHECK(field(p, "Private_Dirty:") == 4, "Private_Dirty %ld", field(p, "Private_Dirty:"));
	CHECK(field(p, "Anonymous:") == 4, "Anonymous %ld", field(p, "Anonymous:"));
	CHECK(field(p, "Shared_Dirty:") == 0, "Shared_Dirty %ld", field(p, "Shared_Dirty:"));
	CHECK(field(p, "Referenced:") == 4, "Referenced %ld", field(p, "Referenced:"));
	CHECK(field(p, "Swap:") == 0 && field(p, "Locked:") == 0, "Swap/Locked");

	CHECK(pipe(go) == 0 && pipe(done) == 0, "pipe");
	pid = child_holds(go[0], done[1], p, 0);
	CHECK(read(done[0], &c, 1) == 1, "child ready");
	CHECK(field(p, "Rss:") == 4, "Rss after fork %ld", field(p, "Rss:"));
	CHECK(field(p, "Pss:") == 2, "Pss after fork %ld, want 2", field(p, "Pss:"));
	CHECK(field(p, "Shared_Dirty:") == 4, "Shared_Dirty after fork %ld",
	      field(p, "Shared_Dirty:"));
	CHECK(field(p, "Private_Dirty:") == 0, "Private_Dirty after fork %ld",
	      field(p, "Private_Dirty:"));
	CHECK(write(go[1], "x", 1) == 1, "go");
	waitpid(pid, &status, 0);
	CHECK(status == 0, "child status %#x", status);

	/* a child that writes: it takes a copy, ours is private again */
	pid = child_holds(go[0], done[1], p, 1);
	CHECK(read(done[0], &c, 1) == 1, "child wrote");
	CHECK(field(p, "Pss:") == 4, "Pss after the child's COW %ld", field(p, "Pss:"));
	CHECK(field(p, "Private_Dirty:") == 4, "Private_Dirty after the child's COW %ld",
	      field(p, "Private_Dirty:"));
	CHECK(write(go[1], "x", 1) == 1, "go");
	waitpid(pid, &status, 0);
	CHECK(status == 0, "child status %#x", status);
	CHECK(p[0] == 1, "our page kept our byte");
	close(go[0]), close(go[1]), close(done[0]), close(done[1]);
	munmap(p, P);
}

/* test_zero_page - a page only read maps the zero page: no Rss. */
static void test_zero_page(void)
{
	volatile char *p = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(p != MAP_FAILED, "mmap");
	CHECK(p[0] == 0 && p[P] == 0, "zeroed");
	CHECK(field((void *)p, "Rss:") == 0, "Rss of read-only touched pages %ld",
	      field((void *)p, "Rss:"));
	CHECK(field((void *)p, "Size:") == 8, "Size %ld", field((void *)p, "Size:"));
	p[P] = 1;
	CHECK(field((void *)p, "Rss:") == 4, "Rss after one write %ld",
	      field((void *)p, "Rss:"));
	munmap((void *)p, 2 * P);
}

/* test_shared_anon - a MAP_SHARED page written by us: private while we
 * are its only mapping, shared (and halved) while a child maps it. */
static void test_shared_anon(void)
{
	char *p = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int go[2], done[2], status;
	const char *fl;
	pid_t pid;
	char c;

	CHECK(p != MAP_FAILED, "mmap");
	p[0] = 1;
	CHECK(field(p, "Rss:") == 4, "Rss %ld", field(p, "Rss:"));
	CHECK(field(p, "Private_Dirty:") == 4, "Private_Dirty %ld", field(p, "Private_Dirty:"));
	CHECK(field(p, "Anonymous:") == 0, "a shmem page is not Anonymous: %ld",
	      field(p, "Anonymous:"));
	fl = vmflags(p);
	CHECK(!strncmp(fl, "rd wr sh mr mw me ms ", 21), "VmFlags '%s'", fl);
	CHECK(!has_flag(fl, "ac"), "a shared mapping is not accounted: '%s'", fl);

	CHECK(pipe(go) == 0 && pipe(done) == 0, "pipe");
	pid = child_holds(go[0], done[1], p, 0);
	CHECK(read(done[0], &c, 1) == 1, "child ready");
	CHECK(field(p, "Shared_Dirty:") == 4, "Shared_Dirty with the child %ld",
	      field(p, "Shared_Dirty:"));
	CHECK(field(p, "Pss:") == 2, "Pss with the child %ld", field(p, "Pss:"));
	CHECK(write(go[1], "x", 1) == 1, "go");
	waitpid(pid, &status, 0);
	CHECK(status == 0, "child status %#x", status);
	close(go[0]), close(go[1]), close(done[0]), close(done[1]);
	munmap(p, P);
}

/* test_vmflags - Linux's letters for a private writable mapping, a
 * read-only one, a locked one and MAP_NORESERVE. */
static void test_vmflags(void)
{
	char *rw = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *ro = mmap(NULL, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *nr = mmap(NULL, P, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	const char *fl;

	fl = vmflags(rw);
	CHECK(!strncmp(fl, "rd wr mr mw me ", 15) && has_flag(fl, "ac"), "rw VmFlags '%s'", fl);
	fl = vmflags(ro);
	CHECK(!strncmp(fl, "rd mr mw me ", 12) && !has_flag(fl, "ac"), "ro VmFlags '%s'", fl);
	fl = vmflags(nr);
	CHECK(has_flag(fl, "nr") && !has_flag(fl, "ac"), "noreserve VmFlags '%s'", fl);
	if (mlock(rw, P) == 0) {
		fl = vmflags(rw);
		CHECK(has_flag(fl, "lo"), "locked VmFlags '%s'", fl);
		CHECK(field(rw, "Locked:") == 4, "Locked %ld", field(rw, "Locked:"));
		munlock(rw, P);
	} else {
		printf("smaps: mlock: %s, Locked not checked\n", strerror(errno));
	}
	munmap(rw, P), munmap(ro, P), munmap(nr, P);
}

/* test_rollup - smaps_rollup is the sum of smaps (read twice, both
 * buffers already touched, so the two reads see the same pages). */
static void test_rollup(void)
{
	long pss, split;

	memset(rollup, 1, sizeof(rollup));
	for (int i = 0; i < 2; i++) {
		read_into("/proc/self/smaps_rollup", rollup, sizeof(rollup));
		read_into("/proc/self/smaps", smaps, sizeof(smaps));
	}
	CHECK(strstr(rollup, " ---p 00000000 00:00 0 ") != NULL, "header '%.80s'", rollup);
	CHECK(strstr(rollup, "[rollup]\nRss:") != NULL, "header '%.100s'", rollup);
	CHECK(strchr(rollup, '[') - rollup == 73, "[rollup] at column %ld",
	      (long)(strchr(rollup, '[') - rollup));
	CHECK(!strncmp(rollup, smaps, 9), "starts at the first VMA: '%.20s' '%.20s'",
	      rollup, smaps);
	CHECK(strstr(rollup, "\nPss_Dirty:") && strstr(rollup, "\nPss_Anon:") &&
	      strstr(rollup, "\nPss_File:") && strstr(rollup, "\nPss_Shmem:"),
	      "the Pss lines:\n%s", rollup);
	CHECK(rollup_field("Rss:") == sum_all("Rss:"), "Rss %ld, sum %ld",
	      rollup_field("Rss:"), sum_all("Rss:"));
	CHECK(rollup_field("Anonymous:") == sum_all("Anonymous:"), "Anonymous %ld, sum %ld",
	      rollup_field("Anonymous:"), sum_all("Anonymous:"));
	CHECK(rollup_field("Private_Dirty:") == sum_all("Private_Dirty:"),
	      "Private_Dirty %ld, sum %ld", rollup_field("Private_Dirty:"),
	      sum_all("Private_Dirty:"));
	CHECK(rollup_field("Shared_Clean:") == sum_all("Shared_Clean:"),
	      "Shared_Clean %ld, sum %ld", rollup_field("Shared_Clean:"),
	      sum_all("Shared_Clean:"));
	pss = rollup_field("Pss:");
	split = rollup_field("Pss_Anon:") + rollup_field("Pss_File:") + rollup_field("Pss_Shmem:");
	CHECK(pss >= sum_all("Pss:") && pss - sum_all("Pss:") < 64, "Pss %ld, sum %ld",
	      pss, sum_all("Pss:"));
	CHECK(split <= pss && pss - split <= 2, "Pss %ld, its split %ld", pss, split);
	CHECK(rollup_field("Rss:") > 0, "Rss %ld", rollup_field("Rss:"));
}

/* test_access - another user may not look: uid 1000 opening our
 * maps, smaps or smaps_rollup is EACCES (ptrace's read check); its own
 * it may open. */
static void test_access(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		static const char *const names[] = { "maps", "smaps", "smaps_rollup" };
		pid_t parent = getppid();
		char path[64];

		if (setgroups(0, NULL) || setgid(1000) || setuid(1000))
			_exit(2);
		for (int i = 0; i < 3; i++) {
			int fd;

			snprintf(path, sizeof(path), "/proc/%d/%s", parent, names[i]);
			if (open(path, O_RDONLY) != -1 || errno != EACCES)
				_exit(10 + i);
			snprintf(path, sizeof(path), "/proc/self/%s", names[i]);
			fd = open(path, O_RDONLY);
			if (fd < 0)
				_exit(20 + i);
			close(fd);
		}
		_exit(0);
	}
	waitpid(pid, &status, 0);
	CHECK(status == 0, "uid 1000 and our maps, smaps, smaps_rollup: status %#x", status);
}

int main(void)
{
	memset(smaps, 1, sizeof(smaps));
	test_private_anon();
	test_zero_page();
	test_shared_anon();
	test_vmflags();
	test_rollup();
	test_access();
	return t_done("smaps");
}
