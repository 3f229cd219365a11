/* SPDX-License-Identifier: GPL-2.0 */
/*
 * shared_file: the pages of a file are the file's, not a process's, as
 * Linux's page cache makes them:
 *   - two processes mapping a file MAP_SHARED see each other's stores
 *     at once (a child's store, the parent's answer);
 *   - write(2) is seen through every mapping at once, and a store
 *     through a mapping by read(2);
 *   - a MAP_PRIVATE mapping reads the file, later writes included,
 *     until its own first write to a page copies that page: from then
 *     on that page is its own (the file's later writes are not seen
 *     there, nor is its write in the file), the other pages still the
 *     file's.
 */
#include "t.h"
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define P 4096

static int fd;

/* file_byte - the byte at @off of the file, read with pread(2). */
static int file_byte(off_t off)
{
	unsigned char c = 0;

	return pread(fd, &c, 1, off) == 1 ? c : -1;
}

/* put_byte - pwrite(2) of @c at @off. */
static void put_byte(off_t off, unsigned char c)
{
	CHECK(pwrite(fd, &c, 1, off) == 1, "pwrite at %ld", (long)off);
}

static void test_two_processes(volatile unsigned char *shared)
{
	int to_child[2], to_parent[2];
	char b;
	pid_t pid;
	int st;

	CHECK(pipe(to_child) == 0 && pipe(to_parent) == 0, "pipes");
	pid = fork();
	if (!pid) {
		/* the child: store, then wait for the parent's answer */
		shared[0] = 'c';
		write(to_parent[1], "1", 1);
		read(to_child[0], &b, 1);
		_exit(shared[1] == 'p' && shared[P] == 'w' ? 0 : 1);
	}
	read(to_parent[0], &b, 1);
	CHECK(shared[0] == 'c', "the child's store, seen by the parent at once");
	CHECK(file_byte(0) == 'c', "... and by read(2)");
	shared[1] = 'p';
	put_byte(P, 'w');	/* write(2) into the child's mapping too */
	write(to_child[1], "1", 1);
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "the child saw the parent's store and write(2) (%#x)", st);
	close(to_child[0]);
	close(to_child[1]);
	close(to_parent[0]);
	close(to_parent[1]);
}

static void test_private(volatile unsigned char *shared)
{
	volatile unsigned char *priv = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE,
					     fd, 0);

	CHECK(priv != MAP_FAILED, "private mapping");
	if (priv == MAP_FAILED)
		return;
	CHECK(priv[0] == 'c' && priv[P] == 'w', "it reads the file");
	put_byte(2, 'x');
	CHECK(priv[2] == 'x', "a later write(2), before its own: seen");
	shared[3] = 's';
	CHECK(priv[3] == 's', "a later store through a shared mapping: seen");
	priv[4] = 'm';		/* page 0 becomes its own */
	CHECK(file_byte(4) == 0 && shared[4] == 0, "its write is not the file's");
	put_byte(5, 'y');
	CHECK(priv[5] == 0 && priv[4] == 'm' && priv[2] == 'x',
	      "after its write, page 0 is its own: the file's later write is not seen");
	put_byte(P + 1, 'z');
	CHECK(priv[P + 1] == 'z', "page 1, never written by it, is still the file's");
	munmap((void *)priv, 2 * P);
}

int main(void)
{
	char name[64];
	volatile unsigned char *shared;

	snprintf(name, sizeof(name), "shared_file.%d", getpid());
	fd = open(name, O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0 && ftruncate(fd, 2 * P) == 0, "a two-page file");
	shared = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(shared != MAP_FAILED, "shared mapping");
	if (shared != MAP_FAILED) {
		test_two_processes(shared);
		test_private(shared);
		munmap((void *)shared, 2 * P);
	}
	close(fd);
	unlink(name);
	return t_done("shared_file");
}
