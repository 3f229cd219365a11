/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A fork bomb bounded by memory: children each hold 4 MiB until told to
 * go. fork must fail with ENOMEM/EAGAIN (or a child be OOM-killed), never
 * crash the kernel; afterwards every page comes back (mmos). Natively it
 * stops at 100 children.
 */
#include "t.h"
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define MAXKIDS 100

int main(void)
{
	static pid_t kids[MAXKIDS];
	int go[2], ready[2], n = 0, killed = 0, status;
	long before;
	char c;

	/* this process's own pages first (bss, stdout's buffer), then count */
	memset(kids, 0, sizeof(kids));
	printf("forkbomb: up to %d children of 4 MiB\n", MAXKIDS);
	fflush(stdout);
	before = t_free_pages();

	CHECK(pipe(go) == 0, "pipe");
	for (; n < MAXKIDS; n++) {
		/* a pipe per child: EOF tells the parent that it died early */
		if (pipe(ready)) {
			CHECK(errno == ENOMEM || errno == EMFILE, "pipe failed with %d", errno);
			break;
		}
		kids[n] = fork();
		if (kids[n] < 0) {
			CHECK(errno == ENOMEM || errno == EAGAIN, "fork failed with %d", errno);
			close(ready[0]);
			close(ready[1]);
			break;
		}
		if (kids[n] == 0) {
			char *m = mmap(NULL, 4 << 20, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

			close(go[1]);
			close(ready[0]);
			if (m != MAP_FAILED)
				for (long off = 0; off < (4 << 20); off += 4096)
					m[off] = 1;
			write(ready[1], "r", 1);
			close(ready[1]);
			read(go[0], &c, 1);	/* EOF when the parent closes go */
			_exit(0);
		}
		close(ready[1]);
		if (read(ready[0], &c, 1) != 1) {	/* it died: still reap it */
			close(ready[0]);
			n++;
			break;
		}
		close(ready[0]);
	}
	close(go[1]);
	for (int i = 0; i < n; i++) {
		if (waitpid(kids[i], &status, 0) != kids[i])
			CHECK(0, "wait %d", i);
		else if (WIFSIGNALED(status))
			killed++;
	}
	printf("forkbomb: %d children, %d killed by the OOM path\n", n, killed);
	if (before >= 0) {
		CHECK(n < MAXKIDS, "memory never ran out (%d children)", n);
		/* this process may itself have faulted in a stack page or two;
		 * the runner checks the exact count once it has exited */
		CHECK(before - t_free_pages() <= 4, "free pages %ld -> %ld", before, t_free_pages());
	}
	return t_done("forkbomb");
}
