/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The sticky bit (Linux's may_delete() and check_sticky()): in a
 * sticky directory only the file's owner, the directory's owner or
 * CAP_FOWNER may unlink, rmdir or rename a name away or replace it
 * (EPERM), after the directory's write permission (EACCES) and before
 * the type (EISDIR, ENOTDIR). Also rename's write permission on a
 * directory that changes parent (its ".."). Runs as root; the
 * unprivileged half in a child that is uid 1000, gid 1000.
 */
#include "t.h"
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define ERR(call) ((call) == -1 ? errno : 0)

/* make - a file @name of @uid and @mode. */
static void make(const char *name, uid_t uid, mode_t mode)
{
	int fd = open(name, O_CREAT | O_EXCL | O_WRONLY, 0600);

	CHECK(fd >= 0 && fchown(fd, uid, uid) == 0 && fchmod(fd, mode) == 0, "make %s", name);
	close(fd);
}

/* dir - a directory @name of @uid and exactly @mode. */
static void dir(const char *name, uid_t uid, mode_t mode)
{
	CHECK(mkdir(name, 0700) == 0 && chown(name, uid, uid) == 0 && chmod(name, mode) == 0,
	      "mkdir %s", name);
}

static int exists(const char *name)
{
	struct stat st;

	return lstat(name, &st) == 0;
}

/* as_user - the unprivileged checks, as uid 1000. */
static int as_user(void)
{
	int fd;

	CHECK(setgroups(0, NULL) == 0 && setresgid(1000, 1000, 1000) == 0 &&
	      setresuid(1000, 1000, 1000) == 0, "drop root");
	/* in the sticky directory st (root's, 01777) */
	CHECK(ERR(unlink("st/rootfile")) == EPERM, "unlink of root's file: EPERM");
	CHECK(ERR(rmdir("st/rootfile")) == EPERM, "rmdir of it: EPERM before ENOTDIR");
	CHECK(ERR(rmdir("st/rootdir")) == EPERM, "rmdir of root's directory: EPERM");
	CHECK(ERR(unlink("st/rootdir")) == EPERM, "unlink of it: EPERM before EISDIR");
	CHECK(ERR(rename("st/rootfile", "open/x")) == EPERM, "rename it away: EPERM");
	CHECK(ERR(rename("st/rootfile", "st/y")) == EPERM, "rename it within: EPERM");
	fd = open("st/mine", O_CREAT | O_EXCL | O_WRONLY, 0644);
	CHECK(fd >= 0, "create in a sticky directory: %d", errno);
	close(fd);
	CHECK(ERR(rename("st/mine", "st/rootfile")) == EPERM, "rename over root's: EPERM");
	CHECK(ERR(rename("open/userfile", "st/rootfile")) == EPERM,
	      "rename from elsewhere over root's: EPERM");
	CHECK(RAW(SYS_renameat2, AT_FDCWD, "st/mine", AT_FDCWD, "st/rootfile", 2) == -EPERM,
	      "RENAME_EXCHANGE with root's: EPERM");
	CHECK(rename("st/mine", "st/mine2") == 0, "rename my own file");
	CHECK(rename("open/userfile", "st/userfile") == 0, "rename into a new name");
	CHECK(unlink("st/mine2") == 0 && unlink("st/userfile") == 0, "unlink my own files");
	CHECK(unlink("st/chowned") == 0, "unlink a file root made mine");
	CHECK(rmdir("st/mydir") == 0, "rmdir my own directory");
	CHECK(exists("st/rootfile") && exists("st/rootdir"), "root's are still there");
	/* sticky directory mine (uid 1000, 01777): I own the directory */
	CHECK(unlink("mine/rootfile") == 0, "the directory's owner unlinks root's file");
	CHECK(rmdir("mine/rootdir") == 0, "and rmdirs root's directory");
	/* sticky but not writable: the permission first */
	CHECK(ERR(unlink("closed/rootfile")) == EACCES, "01755: EACCES before EPERM");
	/* not sticky: write permission is enough */
	CHECK(unlink("open/rootfile") == 0, "0777 directory: unlink root's file");
	/* rename of a directory to another parent needs write on it */
	CHECK(ERR(rename("open/rootdir", "open2/rootdir")) == EACCES,
	      "moving root's directory elsewhere: EACCES (its ..)");
	CHECK(rename("open/rootdir", "open/rootdir2") == 0, "within the same parent: allowed");
	CHECK(ERR(unlink("st/nonexistent")) == ENOENT, "ENOENT");
	fflush(stdout);
	return t_failed ? 1 : 0;
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
	char scratch[64];
	int status;
	pid_t pid;

	snprintf(scratch, sizeof(scratch), "sticky.%d", getpid());
	CHECK(mkdir(scratch, 0755) == 0 && chdir(scratch) == 0, "scratch");
	umask(0);
	dir("st", 0, 01777);
	make("st/rootfile", 0, 0666);
	make("st/chowned", 1000, 0644);
	dir("st/rootdir", 0, 0777);
	dir("st/mydir", 1000, 0755);
	dir("mine", 1000, 01777);
	make("mine/rootfile", 0, 0644);
	dir("mine/rootdir", 0, 0755);
	dir("closed", 0, 01755);
	make("closed/rootfile", 0, 0644);
	dir("open", 0, 0777);
	dir("open2", 0, 0777);
	make("open/rootfile", 0, 0644);
	make("open/userfile", 1000, 0644);
	dir("open/rootdir", 0, 0755);
	pid = fork();
	if (pid == 0)
		_exit(as_user());
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "the unprivileged checks (status %#x)", status);
	/* root: CAP_FOWNER removes anything from a sticky directory */
	make("mine/root2", 0, 0644);
	CHECK(seteuid(2000) == 0 && ERR(unlink("st/rootfile")) == EPERM && seteuid(0) == 0,
	      "uid 2000: EPERM");
	CHECK(unlink("st/rootfile") == 0 && rmdir("st/rootdir") == 0, "root may");
	CHECK(rmdir("st") == 0, "st empty");
	CHECK(unlink("mine/root2") == 0 && rmdir("mine") == 0, "mine");
	CHECK(unlink("closed/rootfile") == 0 && rmdir("closed") == 0, "closed");
	CHECK(rmdir("open/rootdir2") == 0 && rmdir("open") == 0 && rmdir("open2") == 0, "open");
	CHECK(chdir("..") == 0 && rmdir(scratch) == 0, "clean up");
	settle();
	return t_done("sticky");
}
