/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The capabilities Linux's file-system calls ask for, and where in
 * their order of checks: mount and umount CAP_SYS_ADMIN (after the
 * walk; umount's EPERM before its EINVAL), chroot CAP_SYS_CHROOT (after
 * search permission), mknod of a device CAP_MKNOD (after the
 * directory's permission; a FIFO and the 0:0 whiteout need none),
 * linkat(AT_EMPTY_PATH) CAP_DAC_READ_SEARCH (ENOENT). Runs as root;
 * the unprivileged half in a child that is uid 1000, gid 1000.
 */
#include "t.h"
#include <grp.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>

#define ERR(call) ((call) == -1 ? errno : 0)

/* as_user - the unprivileged checks; @rootfd was opened by root. */
static int as_user(int rootfd)
{
	CHECK(setgroups(0, NULL) == 0 && setresgid(1000, 1000, 1000) == 0 &&
	      setresuid(1000, 1000, 1000) == 0, "drop root");
	CHECK(ERR(mount("none", "mnt2", "tmpfs", 0, NULL)) == EPERM, "mount: EPERM");
	CHECK(ERR(mount("none", "nonexistent", "tmpfs", 0, NULL)) == ENOENT,
	      "mount: the walk first (ENOENT)");
	CHECK(ERR(mount("none", "mnt2", "tmpfs", MS_NOUSER, NULL)) == EINVAL,
	      "mount: MS_NOUSER's EINVAL before EPERM");
	CHECK(ERR(umount("mnt")) == EPERM, "umount: EPERM");
	CHECK(ERR(umount("mnt2")) == EPERM, "umount of no mount: EPERM before EINVAL");
	CHECK(ERR(umount2("mnt", 0x100)) == EINVAL, "umount2: a bad flag's EINVAL first");
	CHECK(ERR(umount("nonexistent")) == ENOENT, "umount: ENOENT");
	CHECK(ERR(chroot("mnt2")) == EPERM, "chroot: EPERM");
	CHECK(ERR(chroot("closed")) == EACCES, "chroot: EACCES before EPERM");
	CHECK(ERR(chroot("file")) == ENOTDIR, "chroot: ENOTDIR");
	CHECK(ERR(mknod("open/null", S_IFCHR | 0666, makedev(1, 3))) == EPERM,
	      "mknod of a character device: EPERM");
	CHECK(ERR(mknod("open/blk", S_IFBLK | 0666, makedev(7, 0))) == EPERM,
	      "mknod of a block device: EPERM");
	CHECK(ERR(mknod("closed/null", S_IFCHR | 0666, makedev(1, 3))) == EACCES,
	      "the directory's permission first: EACCES");
	CHECK(mknod("open/fifo", S_IFIFO | 0600, 0) == 0, "a FIFO needs nothing");
	CHECK(mknod("open/whiteout", S_IFCHR | 0600, makedev(0, 0)) == 0,
	      "nor does the whiteout (0:0)");
	CHECK(RAW(SYS_linkat, rootfd, "", AT_FDCWD, "open/link", AT_EMPTY_PATH) == -ENOENT,
	      "linkat AT_EMPTY_PATH: ENOENT");
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
	int status, fd;
	pid_t pid;

	snprintf(scratch, sizeof(scratch), "fs_privileges.%d", getpid());
	CHECK(mkdir(scratch, 0755) == 0 && chdir(scratch) == 0, "scratch");
	umask(0);
	CHECK(mkdir("mnt", 0755) == 0 && mkdir("mnt2", 0755) == 0 && mkdir("closed", 0700) == 0 &&
	      mkdir("open", 0777) == 0, "dirs");
	fd = open("file", O_CREAT | O_RDWR, 0644);
	CHECK(fd >= 0, "file");
	CHECK(mount("none", "mnt", "tmpfs", 0, NULL) == 0, "root mounts: %s", strerror(errno));
	pid = fork();
	if (pid == 0)
		_exit(as_user(fd));
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "the unprivileged checks (status %#x)", status);
	CHECK(RAW(SYS_linkat, fd, "", AT_FDCWD, "open/link", AT_EMPTY_PATH) == 0,
	      "root: linkat AT_EMPTY_PATH");
	CHECK(mknod("open/null", S_IFCHR | 0666, makedev(1, 3)) == 0, "root: mknod");
	CHECK(umount("mnt") == 0, "root unmounts");
	close(fd);
	CHECK(unlink("open/fifo") == 0 && unlink("open/whiteout") == 0 && unlink("open/link") == 0 &&
	      unlink("open/null") == 0 && unlink("file") == 0,
	      "unlink");
	CHECK(rmdir("mnt") == 0 && rmdir("mnt2") == 0 && rmdir("closed") == 0 && rmdir("open") == 0,
	      "rmdir");
	CHECK(chdir("..") == 0 && rmdir(scratch) == 0, "clean up");
	settle();
	return t_done("fs_privileges");
}
