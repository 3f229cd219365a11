/* SPDX-License-Identifier: GPL-2.0 */
/* execve with an empty argv (or a NULL one) starts the program with
 * argc 1 and argv[0] "", as Linux since 5.18, so that argv[1] is the
 * NULL that ends argv and never the first environment string. */
#include "t.h"
#include <sys/wait.h>

/* run_empty - exec this program with argv @argv (empty or NULL) and one
 * environment string; its exit status (0: it saw what Linux gives). */
static int run_empty(char **argv)
{
	char *envp[] = { "EMPTY_ARGV_CHILD=1", NULL };
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		syscall(SYS_execve, "/proc/self/exe", argv, envp);
		_exit(99);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

int main(int argc, char **argv, char **envp)
{
	char *none[] = { NULL };

	if (getenv("EMPTY_ARGV_CHILD")) {
		if (argc != 1)
			return 1;
		if (!argv[0] || argv[0][0] != 0)
			return 2;
		if (argv[1] != NULL)
			return 3;
		if (envp != argv + 2 || !envp[0] || strcmp(envp[0], "EMPTY_ARGV_CHILD=1"))
			return 4;
		return 0;
	}
	CHECK(run_empty(none) == 0, "argv {NULL}: status %d", run_empty(none));
	CHECK(run_empty(NULL) == 0, "argv NULL: status %d", run_empty(NULL));
	return t_done("exec_empty_argv");
}
