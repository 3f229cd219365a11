/* SPDX-License-Identifier: GPL-2.0 */
/* A task's fs_struct: fork copies the working directory, root and
 * umask; threads (CLONE_FS) share them; chroot confines ".." and shows
 * "(unreachable)" for a working directory left outside. */
#include "t.h"
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <sys/wait.h>

static char scratch[64];

static void *thread_chdir(void *arg)
{
	(void)arg;
	if (chdir("sub") != 0)
		return (void *)1;
	umask(077);
	return NULL;
}

/* in_child - run @fn in a child and return its exit status. */
static int in_child(int (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn());
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
}

static int child_chdir(void)
{
	umask(0);
	return chdir("sub") == 0 ? 0 : 1;
}

/* child_chroot - chroot into sub: "/" is sub, ".." stops there, and the
 * old working directory is outside. */
static int child_chroot(void)
{
	struct stat root, up, in;
	char buf[4096];
	long n;

	if (stat("sub", &in) || chroot("sub"))
		return 1;
	n = RAW(SYS_getcwd, buf, sizeof(buf));
	if (n <= 0 || strncmp(buf, "(unreachable)", 13))
		return 2;
	if (chdir("/") || stat("/", &root) || stat("/../..", &up))
		return 3;
	if (root.st_ino != in.st_ino || up.st_ino != in.st_ino)
		return 4;
	if (access("/marker", F_OK))
		return 5;
	n = RAW(SYS_getcwd, buf, sizeof(buf));
	if (n != 2 || strcmp(buf, "/"))
		return 6;
	return 0;
}

int main(void)
{
	char cwd[4096], cwd2[4096];
	pthread_t t;
	void *ret;
	int fd;

	snprintf(scratch, sizeof(scratch), "fs_struct.%d", getpid());
	CHECK(mkdir(scratch, 0755) == 0 && chdir(scratch) == 0, "scratch");
	CHECK(mkdir("sub", 0755) == 0, "sub");
	fd = open("sub/marker", O_CREAT | O_WRONLY, 0644);
	close(fd);
	getcwd(cwd, sizeof(cwd));

	/* fork: the child's chdir and umask are its own */
	umask(022);
	CHECK(in_child(child_chdir) == 0, "child chdir");
	CHECK(getcwd(cwd2, sizeof(cwd2)) && !strcmp(cwd, cwd2), "parent's cwd unchanged");
	CHECK(umask(022) == 022, "parent's umask unchanged");

	/* a thread shares them */
	CHECK(pthread_create(&t, NULL, thread_chdir, NULL) == 0, "thread");
	pthread_join(t, &ret);
	CHECK(ret == NULL, "thread chdir");
	CHECK(getcwd(cwd2, sizeof(cwd2)) && !strcmp(cwd2 + strlen(cwd2) - 4, "/sub"),
	      "the thread moved us: %s", cwd2);
	CHECK(umask(022) == 077, "the thread's umask is ours");
	CHECK(chdir("..") == 0, "back");

	/* chroot in a child */
	CHECK(in_child(child_chroot) == 0, "chroot: step %d", in_child(child_chroot));
	CHECK(chroot("nope") == -1 && errno == ENOENT, "chroot ENOENT");
	CHECK(chroot("sub/marker") == -1 && errno == ENOTDIR, "chroot ENOTDIR");

	CHECK(unlink("sub/marker") == 0 && rmdir("sub") == 0, "cleanup");
	CHECK(chdir("..") == 0 && rmdir(scratch) == 0, "rmdir scratch: %d", errno);
	return t_done("fs_struct");
}
