/* SPDX-License-Identifier: GPL-2.0 */
/*
 * coredump: a "core" signal writes an ELF core file, as Linux's:
 *   - with RLIMIT_CORE unlimited, SIGSEGV leaves core_pattern's file in
 *     the working directory (mode 0600, ours) and the wait status has
 *     the core bit (WCOREDUMP; waitid says CLD_DUMPED);
 *   - the file is ET_CORE with a PT_NOTE first, whose NT_PRSTATUS names
 *     the signal and the thread, and a PT_LOAD for each mapping: a
 *     written private anonymous one and a shared anonymous one whole,
 *     with their bytes at p_offset; a shared file mapping not at all
 *     (coredump_filter's default 0x33);
 *   - coredump_filter 0 leaves anonymous memory out; it is inherited;
 *     MADV_DONTDUMP leaves one mapping out whatever the filter;
 *   - RLIMIT_CORE of one page: the core bit, and the file cut there;
 *   - no file and no core bit with RLIMIT_CORE 0 or after
 *     prctl(PR_SET_DUMPABLE, 0); PR_GET_DUMPABLE, and EINVAL for 2.
 * kernel.core_pattern and core_uses_pid are machine-wide: set only as
 * root, inside a child, and restored by the parent however it ends.
 */
#include "t.h"
#include <elf.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define P 4096
#define PATTERN "core.mmos-test"

/* The core file's head (headers and notes) is read whole; the pages
 * are read where the headers say (the dump of this test is larger than
 * any buffer it keeps: its own buffers are dumped too). */
static char core[65536];
static long core_len;
static int core_fd = -1;
static char anon_mark[32], shared_mark[32], file_mark[32], nodump_mark[32];

/* read_core - open the core file @name and read its head into core[];
 * its size, or -1 if there is none. */
static long read_core(const char *name)
{
	struct stat sb;

	if (core_fd >= 0)
		close(core_fd);
	core_fd = open(name, O_RDONLY);
	if (core_fd < 0 || fstat(core_fd, &sb))
		return -1;
	memset(core, 0, sizeof(core));
	if (pread(core_fd, core, sizeof(core), 0) < (long)sizeof(Elf64_Ehdr))
		return -1;
	return sb.st_size;
}

/* phdr_at - the PT_LOAD of the core whose mapping holds address @va
 * (it may have merged with a neighbour), or NULL. */
static const Elf64_Phdr *phdr_at(unsigned long va)
{
	const Elf64_Ehdr *h = (const void *)core;
	const Elf64_Phdr *ph = (const void *)(core + h->e_phoff);

	if (h->e_phoff + h->e_phnum * sizeof(*ph) > sizeof(core))
		return NULL;
	for (int i = 0; i < h->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && ph[i].p_vaddr <= va &&
		    va < ph[i].p_vaddr + ph[i].p_memsz)
			return &ph[i];
	return NULL;
}

/* load_has - the dump holds @mark at address @va's place. */
static int load_has(unsigned long va, const char *mark)
{
	const Elf64_Phdr *ph = phdr_at(va);
	unsigned long in = ph ? va - ph->p_vaddr : 0;
	char buf[32] = "";

	return ph && ph->p_filesz >= in + P &&
	       pread(core_fd, buf, strlen(mark), ph->p_offset + in) == (long)strlen(mark) &&
	       !memcmp(buf, mark, strlen(mark));
}

/* core_holds - is @mark anywhere in the core file? */
static int core_holds(const char *mark)
{
	static char buf[65536 + 32];
	long n;

	for (off_t off = 0; (n = pread(core_fd, buf, sizeof(buf), off)) > 0; off += 65536)
		if (memmem(buf, n, mark, strlen(mark)))
			return 1;
	return 0;
}

/* prstatus - the pr_cursig and pr_pid of the first NT_PRSTATUS note. */
static int prstatus(int *sig, int *pid)
{
	const Elf64_Ehdr *h = (const void *)core;
	const Elf64_Phdr *ph = (const void *)(core + h->e_phoff);
	const Elf64_Nhdr *n;

	if (ph[0].p_type != PT_NOTE || ph[0].p_offset + sizeof(*n) > (unsigned long)core_len)
		return 0;
	n = (const void *)(core + ph[0].p_offset);
	if (n->n_type != NT_PRSTATUS || n->n_namesz != 5)
		return 0;
	/* name "CORE\0" padded to 8; pr_info (12 bytes), then pr_cursig;
	 * pr_pid after pr_sigpend and pr_sighold (offset 32) */
	*sig = *(const short *)((const char *)(n + 1) + 8 + 12);
	*pid = *(const int *)((const char *)(n + 1) + 8 + 32);
	return 1;
}

/* has_note - does the PT_NOTE hold a "CORE" note of @type? */
static int has_note(unsigned int type)
{
	const Elf64_Ehdr *h = (const void *)core;
	const Elf64_Phdr *ph = (const void *)(core + h->e_phoff);
	unsigned long off = ph[0].p_offset, end = off + ph[0].p_filesz;

	while (ph[0].p_type == PT_NOTE && off + sizeof(Elf64_Nhdr) <= end && end <= sizeof(core)) {
		const Elf64_Nhdr *n = (const void *)(core + off);

		if (n->n_type == type)
			return 1;
		off += sizeof(*n) + ((n->n_namesz + 3) & ~3) + ((n->n_descsz + 3) & ~3);
	}
	return 0;
}

static char *anon, *shared, *filemap, *nodump;

/* The marks are kept XORed with this in the process's own memory (which
 * is dumped too), and written plain only into the mappings. */
#define MARK_KEY 0x5a

/* put_mark - write the mark kept XORed in @x, plain, at @dst. */
static void put_mark(char *dst, const char *x)
{
	for (size_t i = 0; i < strlen(x); i++)
		dst[i] = x[i] ^ MARK_KEY;
}

/* plain - the mark kept in @x, decoded into a static buffer. */
static const char *plain(const char *x)
{
	static char buf[3][32];
	static int k;
	char *b = buf[k++ % 3];

	for (size_t i = 0; i <= strlen(x); i++)
		b[i] = x[i] ? x[i] ^ MARK_KEY : 0;
	return b;
}

/* crash - the child's part: map and mark, then die of SIGSEGV. */
static void crash(long limit, int dumpable)
{
	struct rlimit rl = { limit, limit };

	setrlimit(RLIMIT_CORE, &rl);
	if (!dumpable)
		prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	put_mark(anon, anon_mark);
	put_mark(shared, shared_mark);
	put_mark(filemap, file_mark);
	put_mark(nodump, nodump_mark);
	*(volatile int *)8 = 1;
	_exit(99);
}

/* run_crash - fork a child that crash()es; its wait status. */
static int run_crash(long limit, int dumpable)
{
	pid_t pid = fork();
	int st = -1;

	if (!pid)
		crash(limit, dumpable);
	waitpid(pid, &st, 0);
	return st;
}

static int write_str(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_TRUNC);
	int n = fd < 0 ? -1 : write(fd, s, strlen(s));

	if (fd >= 0)
		close(fd);
	return n;
}

static void dump_tests(void)
{
	struct stat sb;
	siginfo_t si;
	int st, sig = 0, pid = 0;
	pid_t child;

	CHECK(write_str("/proc/sys/kernel/core_pattern", PATTERN "\n") > 0, "core_pattern set");
	CHECK(write_str("/proc/sys/kernel/core_uses_pid", "0\n") > 0, "core_uses_pid 0");
	unlink(PATTERN);

	st = run_crash(RLIM_INFINITY, 1);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV && WCOREDUMP(st),
	      "SIGSEGV with the core bit: %#x", st);
	CHECK(stat(PATTERN, &sb) == 0 && S_ISREG(sb.st_mode) && (sb.st_mode & 0777) == 0600 &&
	      sb.st_uid == geteuid(), "the core file: mode 0600, ours");
	core_len = read_core(PATTERN);
	CHECK(core_len > 2 * P && !memcmp(core, ELFMAG, SELFMAG) &&
	      ((Elf64_Ehdr *)core)->e_type == ET_CORE &&
	      ((Elf64_Ehdr *)core)->e_machine == EM_X86_64, "an x86-64 ELF core: %ld bytes",
	      core_len);
	CHECK(prstatus(&sig, &pid) && sig == SIGSEGV && pid > 0,
	      "NT_PRSTATUS first: signal %d, pid %d", sig, pid);
	CHECK(has_note(NT_PRPSINFO) && has_note(NT_SIGINFO) && has_note(NT_AUXV) &&
	      has_note(NT_FILE), "NT_PRPSINFO, NT_SIGINFO, NT_AUXV and NT_FILE too");
	CHECK(load_has((unsigned long)anon, plain(anon_mark)), "private anonymous memory dumped");
	CHECK(load_has((unsigned long)shared, plain(shared_mark)), "shared anonymous memory dumped");
	CHECK(phdr_at((unsigned long)filemap) && phdr_at((unsigned long)filemap)->p_filesz == 0,
	      "a shared file mapping is not (filter 0x33)");
	CHECK(!core_holds(plain(file_mark)), "... nowhere");
	CHECK(phdr_at((unsigned long)nodump) && phdr_at((unsigned long)nodump)->p_filesz == 0 &&
	      !core_holds(plain(nodump_mark)), "MADV_DONTDUMP memory is left out");
	unlink(PATTERN);

	/* waitid's view of it */
	child = fork();
	if (!child)
		crash(RLIM_INFINITY, 1);
	memset(&si, 0, sizeof(si));
	CHECK(waitid(P_PID, child, &si, WEXITED) == 0 && si.si_code == CLD_DUMPED &&
	      si.si_status == SIGSEGV, "waitid: CLD_DUMPED, SIGSEGV (%d %d)", si.si_code,
	      si.si_status);
	unlink(PATTERN);

	/* a limit of one page: the dump begins and is cut there, and the
	 * status still says it dumped (LTP's waitpid01) */
	st = run_crash(P, 1);
	CHECK(WIFSIGNALED(st) && WCOREDUMP(st), "RLIMIT_CORE one page: core bit (%#x)", st);
	CHECK(stat(PATTERN, &sb) == 0 && sb.st_size > 0 && sb.st_size <= P,
	      "... and a file of at most a page: %ld", (long)sb.st_size);
	unlink(PATTERN);

	/* no dump at all */
	st = run_crash(0, 1);
	CHECK(WIFSIGNALED(st) && !WCOREDUMP(st) && access(PATTERN, F_OK) != 0,
	      "RLIMIT_CORE 0: no core (%#x)", st);
	st = run_crash(RLIM_INFINITY, 0);
	CHECK(WIFSIGNALED(st) && !WCOREDUMP(st) && access(PATTERN, F_OK) != 0,
	      "not dumpable: no core (%#x)", st);

	/* the filter, inherited by the child */
	CHECK(write_str("/proc/self/coredump_filter", "0x0\n") > 0, "filter 0");
	st = run_crash(RLIM_INFINITY, 1);
	core_len = read_core(PATTERN);
	CHECK(WCOREDUMP(st) && core_len > 0 && phdr_at((unsigned long)anon) &&
	      phdr_at((unsigned long)anon)->p_filesz == 0, "filter 0: anonymous memory left out");
	write_str("/proc/self/coredump_filter", "0x33\n");
	unlink(PATTERN);
}

int main(void)
{
	char dir[64], pattern[256] = "", uses_pid[16] = "";
	const char *s;
	pid_t pid;
	int st = -1, fd;

	/* made at run time: a literal would be in the dumped image */
	snprintf(anon_mark, sizeof(anon_mark), "%s-%d", "anon-private", getpid() * 7);
	snprintf(shared_mark, sizeof(shared_mark), "%s-%d", "anon-shared", getpid() * 7);
	snprintf(file_mark, sizeof(file_mark), "%s-%d", "file-shared", getpid() * 7);
	snprintf(nodump_mark, sizeof(nodump_mark), "%s-%d", "no-dump", getpid() * 7);
	for (char *m[] = { anon_mark, shared_mark, file_mark, nodump_mark }, **q = m; q < m + 4;
	     q++)
		for (char *c = *q; *c; c++)
			*c ^= MARK_KEY;
	s = t_read_file("/proc/self/coredump_filter");
	CHECK(s && !strcmp(s, "00000033\n"), "coredump_filter default: %s", s ? s : "-");
	CHECK(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 1, "PR_GET_DUMPABLE: 1");
	CHECK(prctl(PR_SET_DUMPABLE, 2, 0, 0, 0) == -1 && errno == EINVAL,
	      "PR_SET_DUMPABLE 2: EINVAL");
	if (!t_sysctl_writable("/proc/sys/kernel/core_pattern")) {
		CHECK(t_free_pages() < 0, "in mmos, root may set core_pattern");
		printf("coredump: core_pattern not writable here: dumps not tested\n");
		return t_done("coredump");
	}
	snprintf(dir, sizeof(dir), "coredump.%d", getpid());
	CHECK(mkdir(dir, 0700) == 0 && chdir(dir) == 0, "scratch directory");
	anon = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	shared = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	fd = open("mapped", O_RDWR | O_CREAT, 0600);
	CHECK(fd >= 0 && ftruncate(fd, P) == 0, "a file to map");
	filemap = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	/* its own VMA, away from anon's: PROT_EXEC keeps them apart */
	nodump = mmap(NULL, P, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS,
		      -1, 0);
	CHECK(anon != MAP_FAILED && shared != MAP_FAILED && filemap != MAP_FAILED &&
	      nodump != MAP_FAILED, "mapped");
	CHECK(madvise(nodump, P, MADV_DONTDUMP) == 0, "MADV_DONTDUMP");
	CHECK(madvise(nodump, P, 1000) == -1 && errno == EINVAL, "unknown advice: EINVAL");
	if ((s = t_read_file("/proc/sys/kernel/core_pattern")))
		snprintf(pattern, sizeof(pattern), "%s", s);
	if ((s = t_read_file("/proc/sys/kernel/core_uses_pid")))
		snprintf(uses_pid, sizeof(uses_pid), "%s", s);
	fflush(stdout);
	pid = fork();
	if (!pid) {
		dump_tests();
		_exit(t_done("coredump (child)"));
	}
	waitpid(pid, &st, 0);
	write_str("/proc/sys/kernel/core_pattern", pattern);
	write_str("/proc/sys/kernel/core_uses_pid", uses_pid);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the child's checks passed (%#x)", st);
	s = t_read_file("/proc/sys/kernel/core_pattern");
	CHECK(s && !strcmp(s, pattern), "core_pattern restored");
	close(fd);
	unlink("mapped");
	unlink(PATTERN);
	CHECK(chdir("..") == 0 && rmdir(dir) == 0, "scratch directory removed");
	return t_done("coredump");
}
