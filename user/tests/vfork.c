/* SPDX-License-Identifier: GPL-2.0 */
/* vfork: the child runs in the parent's memory until it execs or exits. */
#include "t.h"
#include <sys/wait.h>

int main(int argc, char **argv)
{
	static volatile int shared;
	int status;
	pid_t pid;

	if (argc > 1)		/* the exec'd child */
		return atoi(argv[1]);
	pid = vfork();
	if (pid == 0) {
		shared = 42;
		_exit(3);
	}
	CHECK(pid > 0, "vfork");
	CHECK(shared == 42, "the child's write is the parent's: %d", shared);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 3,
	      "status %#x", status);

	pid = vfork();
	if (pid == 0) {
		char *args[] = { argv[0], "5", NULL };

		execv(argv[0], args);
		_exit(99);
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 5,
	      "vfork+exec status %#x", status);
	return t_done("vfork");
}
