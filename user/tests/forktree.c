/* SPDX-License-Identifier: GPL-2.0 */
/* A fork tree 4 deep and 3 wide: every exit status is collected. */
#include "t.h"
#include <sys/wait.h>

/* Returns the number of processes below (and including) this one whose
 * status was right, as this process's own exit status. */
static int node(int depth)
{
	int ok = 1;

	if (depth == 4)
		return ok;
	for (int i = 0; i < 3; i++) {
		pid_t pid = fork();
		int status;

		if (pid == 0)
			_exit(node(depth + 1));
		if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
			return 0;
		ok += WEXITSTATUS(status);
	}
	return ok;
}

int main(void)
{
	/* 1 + 3 + 9 + 27 = 40 processes under the root's children */
	int n = node(1);

	CHECK(n == 40, "%d of 40 processes reported", n);
	CHECK(wait(NULL) == -1 && errno == ECHILD, "no children left");
	return t_done("forktree");
}
