/* SPDX-License-Identifier: GPL-2.0 */
/* madvise's fork advice, as Linux: MADV_DONTFORK leaves the range out
 * of a fork's child (no VMA: mincore is ENOMEM there), MADV_DOFORK puts
 * it back; MADV_WIPEONFORK gives the child the VMA empty (zeroes), for
 * private anonymous memory only (EINVAL for shared or file mappings),
 * and a grandchild too; MADV_KEEPONFORK undoes it. Part of a mapping
 * splits off and merges back (/proc/self/maps). The range checks:
 * unaligned start and unknown advice EINVAL, a hole ENOMEM with the
 * advice still applied to the mapped parts, length 0 does nothing. */
#include "t.h"
#include <sys/mman.h>
#include <sys/wait.h>

#ifndef MADV_WIPEONFORK
#define MADV_WIPEONFORK	18
#define MADV_KEEPONFORK	19
#endif
#define P 4096L

/* mapped - is the page at @p mapped in this process (mincore answers
 * ENOMEM for an unmapped range)? */
static int mapped(char *p)
{
	unsigned char v;

	return mincore(p, P, &v) == 0;
}

/* in_child - run @fn(@p) in a fork's child; its exit status (0: all its
 * checks held). */
static int in_child(int (*fn)(char *), char *p)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn(p));
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/* count_vmas - how many lines of our maps lie inside [p, p + len) */
static int count_vmas(char *p, long len)
{
	const char *m = t_read_file("/proc/self/maps");
	int n = 0;

	for (; m && *m; m = strchr(m, '\n') ? strchr(m, '\n') + 1 : "") {
		unsigned long s = strtoul(m, NULL, 16);

		if (s >= (unsigned long)p && s < (unsigned long)p + len)
			n++;
	}
	return n;
}

/* child_dontfork - the middle page of three is not there, the others
 * are, with the parent's data. */
static int child_dontfork(char *p)
{
	return !(mapped(p) && !mapped(p + P) && mapped(p + 2 * P) &&
		 p[0] == 'a' && p[2 * P] == 'c');
}

static int child_all_there(char *p)
{
	return !(mapped(p) && mapped(p + P) && mapped(p + 2 * P) &&
		 p[0] == 'a' && p[P] == 'b' && p[2 * P] == 'c');
}

static int child_wiped_again(char *p)
{
	return !(p[P] == 0 && p[0] == 'a');
}

/* child_wiped - the middle page reads zeroes, the others the parent's
 * data; a store there is the child's own, and a grandchild gets it
 * wiped again. */
static int child_wiped(char *p)
{
	int ok = p[0] == 'a' && p[P] == 0 && p[P + 100] == 0 && p[2 * P] == 'c';

	p[P] = 'X';
	return !(ok && p[P] == 'X' && in_child(child_wiped_again, p) == 0);
}

static char *three_pages(void)
{
	char *p = mmap(NULL, 3 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	p[0] = 'a';
	p[P] = 'b';
	p[2 * P] = 'c';
	return p;
}

static void test_dontfork(void)
{
	char *p = three_pages();

	CHECK(madvise(p + P, P, MADV_DONTFORK) == 0, "DONTFORK");
	CHECK(count_vmas(p, 3 * P) == 3, "split in three: %d", count_vmas(p, 3 * P));
	CHECK(in_child(child_dontfork, p) == 0, "child without the middle page");
	CHECK(p[P] == 'b', "the parent keeps it");
	CHECK(madvise(p + P, P, MADV_DOFORK) == 0, "DOFORK");
	CHECK(count_vmas(p, 3 * P) == 1, "merged again: %d", count_vmas(p, 3 * P));
	CHECK(in_child(child_all_there, p) == 0, "child with every page");
	munmap(p, 3 * P);
}

static int child_not_there(char *p)
{
	return !(!mapped(p + P) && mapped(p) && p[0] == 0);
}

static void test_wipeonfork(void)
{
	char *p = three_pages();

	CHECK(madvise(p + P, P, MADV_WIPEONFORK) == 0, "WIPEONFORK");
	CHECK(in_child(child_wiped, p) == 0, "child with the middle page wiped");
	CHECK(p[P] == 'b', "the parent keeps its data");
	CHECK(madvise(p + P, P, MADV_KEEPONFORK) == 0, "KEEPONFORK");
	CHECK(count_vmas(p, 3 * P) == 1, "merged again");
	CHECK(in_child(child_all_there, p) == 0, "child with every page");
	/* DONTFORK wins: the child has no VMA to wipe */
	CHECK(madvise(p, 3 * P, MADV_WIPEONFORK) == 0 && madvise(p + P, P, MADV_DONTFORK) == 0,
	      "both");
	CHECK(in_child(child_not_there, p) == 0, "child without the page");
	munmap(p, 3 * P);
}

static void test_wipe_refused(void)
{
	char *s = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	long fd = RAW(SYS_memfd_create, "wipe", 0);
	char *f;

	CHECK(madvise(s, P, MADV_WIPEONFORK) == -1 && errno == EINVAL, "shared anonymous");
	CHECK(madvise(s, P, MADV_DONTFORK) == 0, "DONTFORK of shared is fine");
	CHECK(ftruncate(fd, P) == 0, "memfd");
	f = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(madvise(f, P, MADV_WIPEONFORK) == -1 && errno == EINVAL, "private file");
	CHECK(madvise(f, P, MADV_KEEPONFORK) == 0, "KEEPONFORK of a file is fine");
	munmap(f, P);
	munmap(s, P);
	close(fd);
}

/* child_hole - neither page around the hole came to the child */
static int child_hole(char *p)
{
	return !(!mapped(p) && !mapped(p + 2 * P));
}

static void test_ranges(void)
{
	char *p = mmap(NULL, 3 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	p[0] = 'a';
	p[2 * P] = 'c';
	CHECK(madvise(p + 1, P, MADV_DONTFORK) == -1 && errno == EINVAL, "unaligned");
	CHECK(madvise(p, P, 999) == -1 && errno == EINVAL, "unknown advice");
	CHECK(madvise(p, 0, MADV_DONTFORK) == 0, "length 0");
	CHECK(madvise(p, -1UL, MADV_DONTFORK) == -1 && errno == EINVAL, "length wraps");
	CHECK(munmap(p + P, P) == 0, "a hole");
	CHECK(madvise(p, 3 * P, MADV_DONTFORK) == -1 && errno == ENOMEM, "ENOMEM at the hole");
	/* the page after the hole got the advice anyway */
	CHECK(in_child(child_hole, p) == 0, "advice past the hole applied");
	CHECK(madvise(p + P, P, MADV_DOFORK) == -1 && errno == ENOMEM, "all hole");
	munmap(p, 3 * P);
}

int main(void)
{
	test_dontfork();
	test_wipeonfork();
	test_wipe_refused();
	test_ranges();
	return t_done("madvise_fork");
}
