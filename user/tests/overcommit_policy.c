/*
 * overcommit_policy: vm.overcommit_memory's three policies, as Linux's
 * __vm_enough_memory applies them, and the numbers behind them.
 *   - /proc/sys/vm/overcommit_{memory,ratio,kbytes} read and write as
 *     Linux's sysctls: bad values are EINVAL and change nothing, ratio
 *     and kbytes clear each other, a non-root writer gets EACCES;
 *   - CommitLimit in /proc/meminfo follows them;
 *   - 0 (heuristic, tested in depth by overcommit.c): one mapping > RAM is
 *     ENOMEM, unless MAP_NORESERVE or not writable; Committed_AS counts
 *     a private writable mapping by its size;
 *   - 1 (always): the same mapping succeeds;
 *   - 2 (strict): the CommitLimit is enforced on mmap (MAP_NORESERVE
 *     ignored), mprotect to writable, shared anonymous memory and fork.
 * The policy is changed only inside a child, and the parent restores
 * every value however the child ends: a test that dies in strict mode
 * must not leave the machine there.
 */
#include "t.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define VM "/proc/sys/vm/"
#define MiB (1024L * 1024)

/* meminfo_kb - the kB value of @field in /proc/meminfo, -1 if absent. */
static long meminfo_kb(const char *field)
{
	const char *s = t_read_file("/proc/meminfo"), *p;

	if (!s || !(p = strstr(s, field)))
		return -1;
	return strtol(p + strlen(field), NULL, 10);
}

/* read_num - the number in /proc/sys/vm/@name, -1 if unreadable. */
static long read_num(const char *name)
{
	char path[64];
	const char *s;

	snprintf(path, sizeof(path), VM "%s", name);
	s = t_read_file(path);
	return s ? strtol(s, NULL, 10) : -1;
}

/* write_str - write @text to /proc/sys/vm/@name in one write(2);
 * returns its result, or -errno. */
static long write_str(const char *name, const char *text)
{
	char path[64];
	long fd, n;

	snprintf(path, sizeof(path), VM "%s", name);
	fd = RAW(SYS_open, path, O_WRONLY);
	if (fd < 0)
		return fd;
	n = RAW(SYS_write, fd, text, strlen(text));
	RAW(SYS_close, fd);
	return n;
}

/* write_num - write_str() of @v in decimal and a newline. */
static long write_num(const char *name, long v)
{
	char text[32];

	snprintf(text, sizeof(text), "%ld\n", v);
	return write_str(name, text);
}

/* map - mmap of @len anonymous bytes; the address, or NULL with errno. */
static void *map(size_t len, int prot, int flags)
{
	void *p = mmap(NULL, len, prot, flags | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

static void test_sysctl_syntax(void)
{
	long mode = read_num("overcommit_memory"), fd;

	CHECK(mode >= 0 && mode <= 2, "overcommit_memory reads 0..2: %ld", mode);
	CHECK(write_str("overcommit_memory", "3\n") == -EINVAL, "3: EINVAL");
	CHECK(write_str("overcommit_memory", "-1\n") == -EINVAL, "-1: EINVAL");
	CHECK(write_str("overcommit_memory", "abc\n") == -EINVAL, "abc: EINVAL");
	CHECK(write_str("overcommit_memory", "1x\n") == -EINVAL, "1x: EINVAL");
	CHECK(write_str("overcommit_memory", "\n") == -EINVAL, "empty: EINVAL");
	CHECK(read_num("overcommit_memory") == mode, "unchanged after EINVAL");
	CHECK(write_str("overcommit_memory", "  0\n") == 4, "blanks around: taken whole");
	CHECK(read_num("overcommit_memory") == 0, "0 set");
	CHECK(write_str("overcommit_kbytes", "-5") == -EINVAL, "negative kbytes: EINVAL");
	/* fopen("w") creates and truncates: an existing sysctl is opened
	 * and ignores the truncation (LTP's save_restore does this) */
	fd = RAW(SYS_open, VM "overcommit_memory", O_WRONLY | O_CREAT | O_TRUNC, 0666);
	CHECK(fd >= 0 && RAW(SYS_write, fd, "0\n", 2) == 2,
	      "fopen(\"w\")'s open (O_CREAT|O_TRUNC) and write: %ld", fd);
	RAW(SYS_close, fd);
	CHECK(read_num("overcommit_memory") == 0, "still reads");
}

/* CommitLimit for the values now set: kbytes, else ratio % of RAM, in
 * pages as Linux computes it, plus swap. */
static long expected_commit_limit(void)
{
	long kbytes = read_num("overcommit_kbytes"), ratio = read_num("overcommit_ratio");
	long pages = kbytes ? kbytes / 4 : meminfo_kb("MemTotal:") / 4 * ratio / 100;

	return pages * 4 + meminfo_kb("SwapTotal:");
}

static void test_ratio_kbytes(void)
{
	CHECK(write_num("overcommit_kbytes", 123456) > 0, "kbytes written");
	CHECK(read_num("overcommit_ratio") == 0, "kbytes clears ratio");
	CHECK(meminfo_kb("CommitLimit:") == expected_commit_limit(),
	      "CommitLimit from kbytes: %ld", meminfo_kb("CommitLimit:"));
	CHECK(write_num("overcommit_ratio", 30) > 0, "ratio written");
	CHECK(read_num("overcommit_kbytes") == 0, "ratio clears kbytes");
	CHECK(meminfo_kb("CommitLimit:") == expected_commit_limit(),
	      "CommitLimit from ratio: %ld vs %ld", meminfo_kb("CommitLimit:"),
	      expected_commit_limit());
}

/* committed_grows - does Committed_AS grow by @len when a writable
 * anonymous mapping of @len with @flags (MAP_PRIVATE or MAP_SHARED and
 * more) is made (other processes' commitments move
 * it too natively: a few tries, one exact-enough one is enough)? */
static int committed_grows(size_t len, int flags)
{
	for (int i = 0; i < 10; i++) {
		long before = meminfo_kb("Committed_AS:");
		void *p = map(len, PROT_READ | PROT_WRITE, flags);
		long delta = meminfo_kb("Committed_AS:") - before;

		if (p)
			munmap(p, len);
		if (delta >= (long)(len >> 10) - 1024 && delta <= (long)(len >> 10) + 1024)
			return 1;
	}
	return 0;
}

static void test_guess(void)
{
	size_t big = (meminfo_kb("MemTotal:") + meminfo_kb("SwapTotal:")) * 1024L + 512 * MiB;
	void *p;

	CHECK(write_num("overcommit_memory", 0) > 0, "mode 0");
	errno = 0;
	p = map(big, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	CHECK(!p && errno == ENOMEM, "0: private writable > RAM: ENOMEM (%d)", errno);
	p = map(big, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_NORESERVE);
	CHECK(p, "0: MAP_NORESERVE > RAM: allowed (%d)", errno);
	if (p)
		munmap(p, big);
	p = map(big, PROT_READ, MAP_PRIVATE);
	CHECK(p, "0: read-only > RAM: not committed, allowed (%d)", errno);
	if (p) {
		CHECK(mprotect(p, big, PROT_READ | PROT_WRITE) == -1 && errno == ENOMEM,
		      "0: mprotect it writable: ENOMEM");
		munmap(p, big);
	}
	CHECK(committed_grows(64 * MiB, MAP_PRIVATE), "Committed_AS grows by a private writable map");
	CHECK(!committed_grows(64 * MiB, MAP_PRIVATE | MAP_NORESERVE),
	      "... not by a MAP_NORESERVE one");
	CHECK(committed_grows(64 * MiB, MAP_SHARED), "... by shared anonymous memory's size");
	CHECK(!committed_grows(64 * MiB, MAP_SHARED | MAP_NORESERVE),
	      "... not with MAP_NORESERVE");

	CHECK(write_num("overcommit_memory", 1) > 0, "mode 1");
	p = map(big, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	CHECK(p, "1: private writable > RAM: allowed (%d)", errno);
	if (p)
		munmap(p, big);
}

/* fork_result - fork and let the child exit at once: 0 when the fork
 * worked, else its errno. */
static int fork_result(void)
{
	pid_t pid = fork();
	int st;

	if (pid < 0)
		return errno;
	if (!pid)
		_exit(0);
	waitpid(pid, &st, 0);
	return 0;
}

/*
 * test_never - strict mode with a limit 512 MiB above what is committed
 * now: 1 GiB more is refused every way it can be asked for; 64 MiB is
 * not. Natively other processes move Committed_AS a little meanwhile;
 * the margins are far wider than that.
 */
static void test_never(void)
{
	long limit = (meminfo_kb("Committed_AS:") + 512 * 1024) & ~3L;
	size_t gib = 1024 * MiB, hold = 300 * MiB;
	void *p, *q;

	CHECK(write_num("overcommit_kbytes", limit) > 0, "kbytes = committed + 512 MiB");
	CHECK(write_num("overcommit_memory", 2) > 0, "mode 2");
	errno = 0;
	p = map(gib, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	CHECK(!p && errno == ENOMEM, "2: 1 GiB private writable: ENOMEM (%d)", errno);
	p = map(gib, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_NORESERVE);
	CHECK(!p && errno == ENOMEM, "2: MAP_NORESERVE is not heeded: ENOMEM (%d)", errno);
	p = map(gib, PROT_READ | PROT_WRITE, MAP_SHARED);
	CHECK(!p && errno == ENOMEM, "2: 1 GiB shared anonymous: ENOMEM (%d)", errno);
	p = map(gib, PROT_READ, MAP_PRIVATE);
	CHECK(p, "2: read-only private: not committed (%d)", errno);
	if (p) {
		CHECK(mprotect(p, gib, PROT_READ | PROT_WRITE) == -1 && errno == ENOMEM,
		      "2: mprotect it writable: ENOMEM");
		munmap(p, gib);
	}
	p = map(64 * MiB, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	CHECK(p, "2: 64 MiB within the limit (%d)", errno);
	if (p)
		munmap(p, 64 * MiB);
	q = map(hold, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	CHECK(q, "2: hold 300 MiB (%d)", errno);
	if (q) {
		CHECK(fork_result() == ENOMEM, "2: fork needs the 300 MiB again: ENOMEM");
		munmap(q, hold);
	}
	CHECK(fork_result() == 0, "2: a small process forks");
}

/* test_nonroot - the files are 0644: a non-root writer is refused at
 * open (EACCES), a reader is not. */
static void test_nonroot(void)
{
	pid_t pid = fork();
	int st = -1;

	if (!pid) {
		if (setuid(65534))
			_exit(2);
		_exit(write_num("overcommit_memory", 0) == -EACCES &&
		      read_num("overcommit_memory") >= 0 ? 0 : 1);
	}
	waitpid(pid, &st, 0);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "non-root: EACCES to write, may read");
}

int main(void)
{
	long mode = read_num("overcommit_memory"), ratio = read_num("overcommit_ratio");
	long kbytes = read_num("overcommit_kbytes");
	pid_t pid;
	int st = -1;

	CHECK(mode >= 0 && ratio >= 0 && kbytes >= 0, "the three files read");
	CHECK(meminfo_kb("CommitLimit:") == expected_commit_limit(),
	      "CommitLimit: %ld, expected %ld", meminfo_kb("CommitLimit:"),
	      expected_commit_limit());
	if (!t_sysctl_writable(VM "overcommit_ratio")) {
		CHECK(t_free_pages() < 0, "in mmos, root may write /proc/sys/vm");
		printf("overcommit_policy: /proc/sys/vm not writable here: reads only\n");
		return t_done("overcommit_policy");
	}
	CHECK(write_num("overcommit_ratio", ratio) > 0, "root writes (the same value)");
	fflush(stdout);
	pid = fork();
	if (!pid) {
		test_sysctl_syntax();
		test_ratio_kbytes();
		test_guess();
		test_never();
		write_num("overcommit_memory", mode);	/* before anything else */
		test_nonroot();
		_exit(t_done("overcommit_policy (child)"));
	}
	waitpid(pid, &st, 0);
	write_num("overcommit_memory", mode);
	write_num("overcommit_ratio", ratio);
	if (kbytes)
		write_num("overcommit_kbytes", kbytes);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the child's checks passed (%#x)", st);
	CHECK(read_num("overcommit_memory") == mode && read_num("overcommit_ratio") == ratio &&
	      read_num("overcommit_kbytes") == kbytes, "every value restored");
	return t_done("overcommit_policy");
}
