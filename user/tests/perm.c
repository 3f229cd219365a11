/* SPDX-License-Identifier: GPL-2.0 */
/* Permission checks by credentials (Linux's generic_permission): the
 * owner's, group's or others' mode bits by fsuid and groups, and root's
 * overrides (read and write anything, execute only with an x bit). The
 * unprivileged half runs in a child that gave up root. */
#include "t.h"
#include <fcntl.h>
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>

static void make(const char *name, mode_t mode)
{
	int fd = open(name, O_CREAT | O_EXCL | O_WRONLY, 0600);

	CHECK(fd >= 0 && write(fd, "data", 4) == 4 && fchmod(fd, mode) == 0, "make %s", name);
	close(fd);
}

/* as_user - the checks of a process that is uid 1000, gid 1000, in no
 * other group: it owns "mine", is in the group of "group" (gid 1000). */
static int as_user(void)
{
	CHECK(setgroups(0, NULL) == 0 && setgid(1000) == 0 && setuid(1000) == 0, "drop root");
	CHECK(open("secret", O_RDONLY) == -1 && errno == EACCES, "0600 root file: EACCES (%d)", errno);
	CHECK(open("public", O_RDONLY) >= 0, "0644 root file: readable");
	CHECK(open("public", O_WRONLY) == -1 && errno == EACCES, "0644 root file: not writable");
	CHECK(access("public", R_OK) == 0 && access("public", W_OK) == -1 && errno == EACCES,
	      "access() says the same");
	CHECK(open("group", O_RDWR) >= 0, "0660 file of my group: read-write");
	CHECK(open("mine", O_RDONLY) == -1 && errno == EACCES, "my own 0044 file: the owner bits win");
	CHECK(open("closed/inside", O_RDONLY) == -1 && errno == EACCES,
	      "no search in a 0700 root directory");
	CHECK(open("new", O_CREAT | O_WRONLY, 0600) == -1 && errno == EACCES,
	      "no creating in a 0755 root directory");
	CHECK(unlink("public") == -1 && errno == EACCES, "no unlinking there either");
	CHECK(access("tool", X_OK) == 0 && access("noexec", X_OK) == -1 && errno == EACCES,
	      "x bits for others");
	return t_failed ? 1 : 0;
}

int main(void)
{
	char dir[64];
	int status;
	pid_t pid;

	snprintf(dir, sizeof(dir), "perm.%d", getpid());
	CHECK(mkdir(dir, 0755) == 0 && chdir(dir) == 0, "scratch");
	umask(0);
	make("secret", 0600);
	make("public", 0644);
	make("group", 0660);
	CHECK(chown("group", 0, 1000) == 0, "chown group");
	make("mine", 0044);
	CHECK(chown("mine", 1000, 1000) == 0, "chown mine");
	make("tool", 0755);
	make("noexec", 0644);
	CHECK(mkdir("closed", 0700) == 0, "closed dir");
	make("closed/inside", 0644);
	/* root: the overrides */
	CHECK(open("secret", O_RDWR) >= 0, "root reads and writes a 0600 file");
	CHECK(open("mine", O_RDWR) >= 0, "root reads and writes anyone's file");
	CHECK(access("noexec", X_OK) == -1 && errno == EACCES, "root cannot execute without x bits");
	CHECK(open("closed/inside", O_RDONLY) >= 0, "root searches any directory");
	pid = fork();
	if (pid == 0)
		_exit(as_user());
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "the unprivileged checks (status %#x)", status);
	unlink("closed/inside");
	rmdir("closed");
	unlink("secret"); unlink("public"); unlink("group"); unlink("mine");
	unlink("tool"); unlink("noexec");
	CHECK(chdir("..") == 0 && rmdir(dir) == 0, "clean up");
	return t_done("perm");
}
