/* SPDX-License-Identifier: GPL-2.0 */
/* /proc/PID/mem, as Linux's: its offsets are addresses (pread, pwrite,
 * lseek to any of the 64 bits, none past an end: SEEK_END EINVAL; a
 * negative pread offset EINVAL); read and write our own memory; a
 * write into a read-only private mapping goes in, as ptrace's poke,
 * copying the page: the file under it is unchanged; PROT_NONE memory is
 * read and written too, and kept for a later mprotect; an unmapped address
 * (or a kernel one) is EIO; a parent reads and writes its child's
 * memory; a process of another user may not open it (EACCES); the
 * file stays on the mm it was opened on. */
#include "t.h"
#include <grp.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define P 4096L

static volatile int word = 1234;
static char scratch[64];

/* test_self - our own memory through /proc/self/mem. */
static void test_self(int fd)
{
	int v = 0, w = 5678;
	char *gone;

	CHECK(pread(fd, &v, sizeof(v), (unsigned long)&word) == sizeof(v) && v == 1234,
	      "read word: %d", v);
	CHECK(pwrite(fd, &w, sizeof(w), (unsigned long)&word) == sizeof(w) && word == 5678,
	      "write word: %d", word);
	CHECK(lseek(fd, (off_t)(unsigned long)&word, SEEK_SET) == (off_t)(unsigned long)&word,
	      "lseek to the address");
	CHECK(read(fd, &v, sizeof(v)) == sizeof(v) && v == 5678, "read after lseek: %d", v);
	CHECK(lseek(fd, 0, SEEK_CUR) == (off_t)(unsigned long)&word + 4, "read moved on");
	CHECK(lseek(fd, -4, SEEK_CUR) == (off_t)(unsigned long)&word, "SEEK_CUR back");
	errno = 0;
	CHECK(lseek(fd, 0, SEEK_END) == -1 && errno == EINVAL, "SEEK_END: %s", strerror(errno));

	gone = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(gone, P);
	errno = 0;
	CHECK(pread(fd, &v, sizeof(v), (unsigned long)gone) == -1 && errno == EIO,
	      "unmapped: %s", strerror(errno));
	errno = 0;
	CHECK(pwrite(fd, &v, sizeof(v), (unsigned long)gone) == -1 && errno == EIO,
	      "unmapped write: %s", strerror(errno));
	/* a kernel address: lseek takes it (as an unsigned offset), read EIO */
	CHECK(lseek(fd, (off_t)0xffffffff81000000UL, SEEK_SET) == (off_t)0xffffffff81000000UL,
	      "lseek to the kernel half");
	errno = 0;
	CHECK(read(fd, &v, sizeof(v)) == -1 && errno == EIO, "kernel read: %s", strerror(errno));
	errno = 0;
	CHECK(pread(fd, &v, sizeof(v), (off_t)0xffffffff81000000UL) == -1 && errno == EINVAL,
	      "negative pread offset: %s", strerror(errno));
	errno = 0;
	CHECK(pread(fd, (void *)8, sizeof(v), (unsigned long)&word) == -1 && errno == EFAULT,
	      "bad buffer: %s", strerror(errno));
}

/* test_readonly - a forced write into read-only private mappings: the
 * mapping sees it, the file does not; anonymous read-only memory too. */
static void test_readonly(int fd)
{
	int f = open(scratch, O_RDWR | O_CREAT | O_TRUNC, 0600);
	char buf[8] = { 0 };
	char *m, *ro;

	CHECK(f >= 0 && write(f, "hello", 5) == 5, "scratch file: %s", strerror(errno));
	m = mmap(NULL, P, PROT_READ, MAP_PRIVATE, f, 0);
	CHECK(m != MAP_FAILED && m[0] == 'h', "map the file");
	CHECK(pwrite(fd, "HE", 2, (unsigned long)m) == 2, "write into a read-only mapping: %s",
	      strerror(errno));
	CHECK(!memcmp(m, "HEllo", 5), "the mapping has it: %.5s", m);
	CHECK(pread(f, buf, 5, 0) == 5 && !memcmp(buf, "hello", 5), "the file has not: %.5s",
	      buf);
	CHECK(pwrite(fd, "L", 1, (unsigned long)m + 2) == 1 && !memcmp(m, "HELlo", 5),
	      "again, into the copy: %.5s", m);
	munmap(m, P);
	m = mmap(NULL, P, PROT_READ, MAP_PRIVATE, f, 0);
	CHECK(m != MAP_FAILED && !memcmp(m, "hello", 5), "a new mapping: %.5s", m);
	munmap(m, P);
	close(f);
	unlink(scratch);

	ro = mmap(NULL, 2 * P, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(pread(fd, buf, 4, (unsigned long)ro + P) == 4 && !memcmp(buf, "\0\0\0\0", 4),
	      "read PROT_NONE memory");
	CHECK(pwrite(fd, "pn", 2, (unsigned long)ro) == 2, "write PROT_NONE memory: %s",
	      strerror(errno));
	CHECK(pread(fd, buf, 2, (unsigned long)ro) == 2 && !memcmp(buf, "pn", 2),
	      "read it back: %.2s", buf);
	CHECK(mprotect(ro, 2 * P, PROT_READ) == 0 && !memcmp(ro, "pn", 2) && ro[P] == 0,
	      "made readable, it is there: %.2s", ro);
	munmap(ro, 2 * P);

	ro = mmap(NULL, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(pwrite(fd, "x", 1, (unsigned long)ro + 7) == 1 && ro[7] == 'x' && ro[0] == 0,
	      "read-only anonymous memory: %d", ro[7]);
	munmap(ro, P);
}

/* test_child - the parent reads and writes a child's memory; a child
 * of another user may not open the parent's. */
static void test_child(void)
{
	int go[2], ready[2], status, fd, v = 0, w = 42;
	char path[64], c;
	pid_t pid;

	CHECK(pipe(go) == 0 && pipe(ready) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		word = 777;
		if (write(ready[1], "x", 1) != 1 || read(go[0], &c, 1) != 1)
			_exit(3);
		_exit(word == 42 ? 0 : 4);
	}
	CHECK(read(ready[0], &c, 1) == 1, "child ready");
	snprintf(path, sizeof(path), "/proc/%d/mem", pid);
	fd = open(path, O_RDWR);
	CHECK(fd >= 0, "open the child's mem: %s", strerror(errno));
	CHECK(pread(fd, &v, 4, (unsigned long)&word) == 4 && v == 777, "the child's word: %d", v);
	CHECK(pwrite(fd, &w, 4, (unsigned long)&word) == 4, "write the child's word");
	CHECK(word != 42, "ours is our own: %d", word);
	CHECK(write(go[1], "x", 1) == 1, "go");
	waitpid(pid, &status, 0);
	CHECK(status == 0, "the child saw our write: status %#x", status);
	CHECK(pread(fd, &v, 4, (unsigned long)&word) == 0, "its mm is gone: nothing");
	close(fd);

	pid = fork();
	if (pid == 0) {
		snprintf(path, sizeof(path), "/proc/%d/mem", getppid());
		if (setgroups(0, NULL) || setgid(1000) || setuid(1000))
			_exit(2);
		_exit(open(path, O_RDONLY) == -1 && errno == EACCES ? 0 : 3);
	}
	waitpid(pid, &status, 0);
	CHECK(status == 0, "uid 1000 opening root's mem: status %#x", status);
	close(go[0]), close(go[1]), close(ready[0]), close(ready[1]);
}

int main(void)
{
	int fd = open("/proc/self/mem", O_RDWR);
	struct stat st;

	snprintf(scratch, sizeof(scratch), "proc_mem.%d", getpid());
	CHECK(fd >= 0, "open: %s", strerror(errno));
	CHECK(fstat(fd, &st) == 0 && (st.st_mode & 07777) == 0600, "mode %o", st.st_mode);
	test_self(fd);
	test_readonly(fd);
	test_child();
	close(fd);
	return t_done("proc_mem");
}
