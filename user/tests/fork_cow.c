/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fork shares pages copy-on-write: the child sees the parent's data, the
 * two diverge on write, and (in mmos, from /proc/mmstat) no page was
 * copied until written; a page whose other sharer exited is reused.
 */
#include "t.h"
#include <sys/mman.h>
#include <sys/wait.h>

#define PAGES 256
#define P 4096

int main(void)
{
	char *buf = mmap(NULL, PAGES * P, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int to_child[2], to_parent[2], status;
	long copies0, copies1, reuse0;
	char c;
	pid_t pid;

	CHECK(buf != MAP_FAILED, "mmap");
	for (int i = 0; i < PAGES; i++)
		buf[i * P] = (char)i;
	CHECK(pipe(to_child) == 0 && pipe(to_parent) == 0, "pipes");
	copies0 = t_mmstat("cow_fault_copy");
	pid = fork();
	if (pid == 0) {
		long copies_before;
		int bad = 0;

		/* reading /proc writes this process's buffer, which is shared
		 * with the parent: copy it now, then count */
		t_mmstat("cow_fault_copy");
		copies_before = t_mmstat("cow_fault_copy");

		for (int i = 0; i < PAGES; i++)
			bad |= buf[i * P] != (char)i;
		/* reading shares: no copies yet */
		if (copies_before >= 0 && t_mmstat("cow_fault_copy") != copies_before)
			bad |= 2;
		for (int i = 0; i < PAGES; i++)
			buf[i * P] = (char)(i + 1);
		if (copies_before >= 0 && t_mmstat("cow_fault_copy") < copies_before + PAGES)
			bad |= 4;
		write(to_parent[1], "x", 1);
		read(to_child[0], &c, 1);
		_exit(bad);
	}
	CHECK(pid > 0, "fork");
	CHECK(read(to_parent[0], &c, 1) == 1, "child ran");
	for (int i = 0; i < PAGES; i++)
		if (buf[i * P] != (char)i) {
			CHECK(0, "the child's write showed in the parent at page %d", i);
			break;
		}
	write(to_child[1], "x", 1);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status), "wait");
	CHECK(WEXITSTATUS(status) == 0, "child saw %d (1: wrong data, 2: copied on read, "
	      "4: not copied on write)", WEXITSTATUS(status));
	copies1 = t_mmstat("cow_fault_copy");

	/* The child wrote all pages and exited: the parent's pages have one
	 * user again and its writes reuse them in place. */
	reuse0 = t_mmstat("cow_fault_reuse");
	if (fork() == 0)
		_exit(0);
	wait(&status);
	for (int i = 0; i < PAGES; i++)
		buf[i * P] = 9;
	if (copies0 >= 0) {
		CHECK(t_mmstat("cow_fault_reuse") >= reuse0 + PAGES, "reuse %ld -> %ld",
		      reuse0, t_mmstat("cow_fault_reuse"));
		CHECK(t_mmstat("cow_fault_copy") < copies1 + 8, "copied although alone: %ld -> %ld",
		      copies1, t_mmstat("cow_fault_copy"));
	}
	munmap(buf, PAGES * P);
	return t_done("fork_cow");
}
