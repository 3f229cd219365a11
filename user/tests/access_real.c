/* SPDX-License-Identifier: GPL-2.0 */
/*
 * access(2), faccessat(2) and faccessat2(2) ask with the real uid and
 * gid (Linux's access_override_creds()), the walk to the file too;
 * faccessat2's AT_EACCESS asks with the effective ones. A real uid that
 * is not 0 has no root overrides for the question even with euid 0; a
 * real uid 0 has them with another euid. Root's X_OK needs an x bit on
 * a regular file, not on a directory. And the argument errors. Runs as
 * root; each identity in a child.
 */
#include "t.h"
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>

#ifndef AT_EACCESS
#define AT_EACCESS	0x200
#endif

/* acc - faccessat2(2) raw: 0 or -errno. */
static long acc(const char *name, int mode, int flags)
{
	return RAW(SYS_faccessat2, AT_FDCWD, name, mode, flags);
}

/* make - a file @name of @uid:@gid and exactly @mode. */
static void make(const char *name, uid_t uid, gid_t gid, mode_t mode)
{
	int fd = open(name, O_CREAT | O_EXCL | O_WRONLY, 0600);

	CHECK(fd >= 0 && fchown(fd, uid, gid) == 0 && fchmod(fd, mode) == 0, "make %s", name);
	close(fd);
}

/* real_user_euid_root - ruid 1000, euid 0 (a set-uid-root program run
 * by uid 1000): access says what uid 1000 may do. */
static int real_user_euid_root(void)
{
	int fd;

	CHECK(setgroups(0, NULL) == 0 && setresgid(1000, 1000, 1000) == 0 &&
	      setresuid(1000, 0, 0) == 0, "ruid 1000, euid 0");
	CHECK(access("secret", R_OK) == -1 && errno == EACCES, "access: EACCES for uid 1000");
	CHECK(RAW(SYS_faccessat, AT_FDCWD, "secret", W_OK) == -EACCES, "faccessat: EACCES");
	CHECK(acc("secret", R_OK, 0) == -EACCES, "faccessat2: EACCES");
	CHECK(acc("secret", R_OK | W_OK, AT_EACCESS) == 0, "AT_EACCESS: euid 0 may");
	fd = open("secret", O_RDWR);
	CHECK(fd >= 0, "and open (euid 0) may");
	close(fd);
	CHECK(geteuid() == 0 && getuid() == 1000, "the ids are as they were after access");
	CHECK(access("userfile", R_OK | W_OK) == 0, "the real uid's own file");
	CHECK(access("closed/inside", F_OK) == -1 && errno == EACCES,
	      "the walk too is by the real ids: EACCES");
	CHECK(acc("closed/inside", F_OK, AT_EACCESS) == 0, "AT_EACCESS walks as root");
	CHECK(access("groupfile", R_OK) == 0, "group 1000's file by the real gid");
	CHECK(access("tool", X_OK) == -1 && errno == EACCES, "root's 0700 tool: not for uid 1000");
	fflush(stdout);
	return t_failed ? 1 : 0;
}

/* real_root_euid_user - ruid 0, euid 1000: access answers for root. */
static int real_root_euid_user(void)
{
	CHECK(setresuid(0, 1000, 0) == 0, "ruid 0, euid 1000");
	CHECK(open("secret", O_RDONLY) == -1 && errno == EACCES, "open by euid 1000: EACCES");
	CHECK(access("secret", R_OK | W_OK) == 0, "access: real root may");
	CHECK(access("closed/inside", R_OK) == 0, "and walks anywhere");
	CHECK(acc("secret", R_OK, AT_EACCESS) == -EACCES, "AT_EACCESS: euid 1000 may not");
	CHECK(access("noexec", X_OK) == -1 && errno == EACCES, "still no X_OK without an x bit");
	fflush(stdout);
	return t_failed ? 1 : 0;
}

/* real_gid - rgid 1000, egid 0, uids 1000: the group is the real one. */
static int real_gid(void)
{
	CHECK(setgroups(0, NULL) == 0 && setresgid(1000, 0, 0) == 0 &&
	      setresuid(1000, 1000, 1000) == 0, "rgid 1000, egid 0");
	CHECK(access("groupfile", R_OK) == 0, "access by the real gid: group 1000 reads");
	CHECK(acc("groupfile", R_OK, AT_EACCESS) == -EACCES, "AT_EACCESS: egid 0 is others");
	CHECK(access("rootgroup", R_OK) == -1 && errno == EACCES, "group 0's file: EACCES");
	CHECK(acc("rootgroup", R_OK, AT_EACCESS) == 0, "AT_EACCESS: egid 0 reads it");
	fflush(stdout);
	return t_failed ? 1 : 0;
}

/* in_child - run @fn in a child; did it pass? */
static void in_child(int (*fn)(void), const char *what)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn());
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "%s (status %#x)", what, status);
}

/* as_root - root's own answers, and the argument checks. */
static void as_root(void)
{
	CHECK(access("secret", R_OK | W_OK) == 0, "root reads and writes anything");
	CHECK(access("noexec", X_OK) == -1 && errno == EACCES, "X_OK needs an x bit");
	CHECK(access("oneexec", X_OK) == 0, "any one x bit is enough");
	CHECK(access("closed", X_OK | R_OK | W_OK) == 0, "a 0700 directory: everything");
	CHECK(access("nodir", X_OK) == 0, "a 0000 directory: X_OK too");
	CHECK(access("noexec", 8) == -1 && errno == EINVAL, "mode 8: EINVAL");
	CHECK(access("nonexistent", 8) == -1 && errno == EINVAL, "EINVAL before ENOENT");
	CHECK(access("nonexistent", F_OK) == -1 && errno == ENOENT, "ENOENT");
	CHECK(acc("secret", R_OK, 0x1) == -EINVAL, "faccessat2 flag 1: EINVAL");
	CHECK(acc("dangling", F_OK, 0) == -ENOENT, "a dangling link is followed: ENOENT");
	CHECK(acc("dangling", F_OK, AT_SYMLINK_NOFOLLOW) == 0, "AT_SYMLINK_NOFOLLOW: the link");
	CHECK(RAW(SYS_faccessat2, open("secret", O_RDONLY), "", R_OK, AT_EMPTY_PATH) == 0,
	      "AT_EMPTY_PATH: the fd's file");
	CHECK(acc("", F_OK, 0) == -ENOENT, "\"\" without AT_EMPTY_PATH: ENOENT");
	CHECK(RAW(SYS_access, (char *)1, F_OK) == -EFAULT, "a bad pointer: EFAULT");
}

/* settle - before PID 1 exits: a reaped child preempted on its way out
 * (after waking us, before its last switch) still holds its stack, and
 * the runner counts free pages at PID 1's exit; a short sleep lets it
 * finish. Not needed natively, harmless there. */
static void settle(void)
{
	usleep(10000);
}

int main(void)
{
	char dir[64];

	snprintf(dir, sizeof(dir), "access_real.%d", getpid());
	CHECK(mkdir(dir, 0755) == 0 && chdir(dir) == 0, "scratch");
	umask(0);
	make("secret", 0, 0, 0600);
	make("userfile", 1000, 1000, 0600);
	make("groupfile", 0, 1000, 0640);
	make("rootgroup", 2000, 0, 0640);
	make("tool", 0, 0, 0700);
	make("noexec", 0, 0, 0644);
	make("oneexec", 1000, 1000, 0100);
	CHECK(mkdir("closed", 0700) == 0 && mkdir("nodir", 0) == 0, "dirs");
	make("closed/inside", 0, 0, 0644);
	CHECK(symlink("nonexistent", "dangling") == 0, "dangling");
	as_root();
	in_child(real_user_euid_root, "ruid 1000, euid 0");
	in_child(real_root_euid_user, "ruid 0, euid 1000");
	in_child(real_gid, "rgid 1000, egid 0");
	unlink("closed/inside");
	CHECK(rmdir("closed") == 0 && rmdir("nodir") == 0, "rmdir");
	unlink("secret"); unlink("userfile"); unlink("groupfile"); unlink("rootgroup");
	unlink("tool"); unlink("noexec"); unlink("oneexec"); unlink("dangling");
	CHECK(chdir("..") == 0 && rmdir(dir) == 0, "clean up");
	settle();
	return t_done("access_real");
}
