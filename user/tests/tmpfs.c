/* SPDX-License-Identifier: GPL-2.0 */
/* tmpfs and ramfs mounts: options (size=, nr_inodes=, mode=), ENOSPC
 * with what was written kept, statfs/fstatfs magic and counts, MS_RDONLY
 * and EROFS, MS_REMOUNT, umount2 (EBUSY, MNT_DETACH, EINVAL), EXDEV,
 * EBUSY for a mount point, ".." across the mount, and mount's errors.
 * Needs root (it is, natively as the runner runs it, and in mmos). */
#include "t.h"
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>

#define TMPFS_MAGIC	0x01021994
#define RAMFS_MAGIC	0x858458f6

/* copy_self - this program's bytes into @dst, made executable. */
static int copy_self(const char *self, const char *dst)
{
	static char buf[65536];
	int in = open(self, O_RDONLY), out = open(dst, O_CREAT | O_WRONLY | O_TRUNC, 0755);
	long n, ok = in >= 0 && out >= 0;

	while (ok && (n = read(in, buf, sizeof(buf))) > 0)
		ok = write(out, buf, n) == n;
	close(in);
	close(out);
	return ok ? 0 : -1;
}

/* exec_status - the errno of execve(@path) in a child, or 0 if it ran
 * (with "exit0" it exits 0 at once). */
static int exec_errno(const char *path)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		char *argv[] = { (char *)path, "exit0", NULL };

		execve(path, argv, NULL);
		_exit(errno);
	}
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int main(int argc, char **argv)
{
	char scratch[64], cwd[4096], buf[100000];
	struct statfs sf;
	struct stat st, st2;
	int fd, fd2;
	long n;

	if (argc > 1 && !strcmp(argv[1], "exit0"))
		return 0;
	snprintf(scratch, sizeof(scratch), "tmpfs.%d", getpid());
	CHECK(mkdir(scratch, 0755) == 0 && chdir(scratch) == 0, "scratch");
	CHECK(mkdir("mnt", 0755) == 0 && mkdir("other", 0755) == 0, "dirs");
	fd = open("file", O_CREAT | O_WRONLY, 0644);
	close(fd);

	/* mount's errors */
	CHECK(mount("none", "mnt", "nosuchfs", 0, NULL) == -1 && errno == ENODEV, "ENODEV: %d",
	      errno);
	CHECK(mount("none", "nope", "tmpfs", 0, NULL) == -1 && errno == ENOENT, "no target");
	CHECK(mount("none", "mnt", "tmpfs", 0, "size=abc") == -1 && errno == EINVAL, "bad size");
	CHECK(mount("none", "mnt", "tmpfs", 0, "bogus=1") == -1 && errno == EINVAL, "bad option");
	CHECK(mount("none", "file", "tmpfs", 0, NULL) == -1 && errno == ENOTDIR, "on a file: %d",
	      errno);
	CHECK(umount("mnt") == -1 && errno == EINVAL, "umount a non-mount-point: %d", errno);
	CHECK(umount("nope") == -1 && errno == ENOENT, "umount ENOENT");
	CHECK(umount2("mnt", 0x80) == -1 && errno == EINVAL, "umount2 bad flag");
	CHECK(mount("none", "mnt", "tmpfs", 0, (void *)8) == -1 && errno == EFAULT, "bad data");
	CHECK(mount("none", "mnt", (void *)8, 0, NULL) == -1 && errno == EFAULT, "bad type");

	/* a small tmpfs */
	CHECK(stat("mnt", &st) == 0, "stat mnt");
	CHECK(mount("none", "mnt", "tmpfs", 0, "size=64k,nr_inodes=4,mode=0710") == 0, "mount: %d",
	      errno);
	CHECK(stat("mnt", &st2) == 0 && st2.st_ino != st.st_ino && st2.st_dev != st.st_dev &&
	      (st2.st_mode & 07777) == 0710, "the mount's root: mode %o", st2.st_mode);
	CHECK(statfs("mnt", &sf) == 0 && sf.f_type == TMPFS_MAGIC && sf.f_bsize == 4096 &&
	      sf.f_blocks == 16 && sf.f_bfree == 16 && sf.f_files == 4 && sf.f_ffree == 3,
	      "statfs: type %lx blocks %ld free %ld files %ld ffree %ld", (long)sf.f_type,
	      (long)sf.f_blocks, (long)sf.f_bfree, (long)sf.f_files, (long)sf.f_ffree);
	CHECK(stat("mnt/..", &st) == 0 && stat(".", &st2) == 0 && st.st_ino == st2.st_ino &&
	      st.st_dev == st2.st_dev, ".. of the mount's root is the directory it is on");

	/* ENOSPC: a short write, then none; what was written stays */
	fd = open("mnt/big", O_CREAT | O_RDWR, 0644);
	CHECK(fd >= 0, "create in tmpfs");
	memset(buf, 'q', sizeof(buf));
	n = write(fd, buf, sizeof(buf));
	CHECK(n == 65536, "short write to a full tmpfs: %ld", n);
	CHECK(write(fd, buf, 10) == -1 && errno == ENOSPC, "ENOSPC: %d", errno);
	CHECK(fstatfs(fd, &sf) == 0 && sf.f_bfree == 0, "no blocks left: %ld", (long)sf.f_bfree);
	CHECK(pread(fd, buf, 10, 65526) == 10 && buf[0] == 'q', "data kept");
	CHECK(ftruncate(fd, 4096) == 0 && fstatfs(fd, &sf) == 0 && sf.f_bfree == 15,
	      "truncate gives blocks back: %ld", (long)sf.f_bfree);
	/* nr_inodes */
	CHECK(mkdir("mnt/d", 0755) == 0 && symlink("x", "mnt/l") == 0, "two more inodes");
	CHECK(open("mnt/one-too-many", O_CREAT | O_WRONLY, 0644) == -1 && errno == ENOSPC,
	      "nr_inodes: %d", errno);

	/* across the mount point */
	CHECK(rename("mnt/big", "moved") == -1 && errno == EXDEV, "rename EXDEV: %d", errno);
	CHECK(link("mnt/big", "hard") == -1 && errno == EXDEV, "link EXDEV: %d", errno);
	CHECK(rmdir("mnt") == -1 && errno == EBUSY, "rmdir a mount point: %d", errno);
	CHECK(chdir("mnt/d") == 0 && getcwd(cwd, sizeof(cwd)) &&
	      strstr(cwd, "/mnt/d") && !strcmp(cwd + strlen(cwd) - 6, "/mnt/d"), "getcwd %s", cwd);
	CHECK(stat("../../file", &st) == 0, ".. .. out of the mount");
	/* busy while in use */
	CHECK(umount("../../mnt") == -1 && errno == EBUSY, "busy: cwd inside: %d", errno);
	CHECK(chdir("../..") == 0, "out");
	CHECK(umount("mnt") == -1 && errno == EBUSY, "busy: open file: %d", errno);
	/* MNT_DETACH: gone from the tree, the open file still works */
	CHECK(umount2("mnt", MNT_DETACH) == 0, "MNT_DETACH: %d", errno);
	CHECK(stat("mnt/big", &st) == -1 && errno == ENOENT, "gone from the tree");
	CHECK(pread(fd, buf, 4, 0) == 4 && buf[0] == 'q', "the open file still reads");
	close(fd);

	/* read-only, remount, ramfs */
	CHECK(mount("none", "mnt", "ramfs", MS_RDONLY, NULL) == 0, "ramfs ro: %d", errno);
	CHECK(statfs("mnt", &sf) == 0 && (long)sf.f_type == (long)RAMFS_MAGIC && (sf.f_flags & 1),
	      "ramfs statfs: %lx flags %lx", (long)sf.f_type, (long)sf.f_flags);
	CHECK(open("mnt/x", O_CREAT | O_WRONLY, 0644) == -1 && errno == EROFS, "EROFS: %d", errno);
	CHECK(mkdir("mnt/x", 0755) == -1 && errno == EROFS, "mkdir EROFS");
	CHECK(mount(NULL, "mnt", NULL, MS_REMOUNT, NULL) == 0, "remount rw: %d", errno);
	fd = open("mnt/x", O_CREAT | O_WRONLY, 0644);
	CHECK(fd >= 0 && write(fd, "ok", 2) == 2, "writable after remount");
	CHECK(mount(NULL, "mnt", NULL, MS_REMOUNT | MS_RDONLY, NULL) == -1 && errno == EBUSY,
	      "remount ro with a writer: %d", errno);
	close(fd);
	fd2 = open("mnt", O_RDONLY | O_DIRECTORY);
	CHECK(mount(NULL, "mnt", NULL, MS_REMOUNT | MS_RDONLY, NULL) == 0, "remount ro: %d", errno);
	CHECK(unlink("mnt/x") == -1 && errno == EROFS, "unlink EROFS: %d", errno);
	CHECK(rmdir("mnt/nope") == -1 && errno == EROFS, "EROFS before ENOENT: %d", errno);
	CHECK(mkdir("mnt/x", 0755) == -1 && errno == EEXIST, "EEXIST before EROFS: %d", errno);
	CHECK(access("mnt/x", W_OK) == -1 && errno == EROFS, "access W_OK: %d", errno);
	CHECK(access("mnt/x", R_OK) == 0, "access R_OK");
	CHECK(truncate("mnt/x", 0) == -1 && errno == EROFS, "truncate EROFS: %d", errno);
	CHECK(chmod("mnt/x", 0600) == -1 && errno == EROFS, "chmod EROFS: %d", errno);
	CHECK(utimensat(AT_FDCWD, "mnt/x", NULL, 0) == -1 && errno == EROFS, "utimensat EROFS");
	CHECK(open("mnt/x", O_WRONLY) == -1 && errno == EROFS, "open for writing EROFS");
	fd = open("mnt/x", O_RDONLY);
	CHECK(fd >= 0 && read(fd, buf, 2) == 2, "reading is fine");
	close(fd);
	CHECK(mount(NULL, "mnt", NULL, MS_REMOUNT, NULL) == 0 && unlink("mnt/x") == 0, "rw, unlink");
	CHECK(umount("mnt") == -1 && errno == EBUSY, "busy: a dir fd");
	close(fd2);
	CHECK(umount("mnt") == 0, "umount ramfs: %d", errno);

	/* the other options, and a remount that would not hold what is there */
	CHECK(mount("none", "mnt", "tmpfs", 0, "uid=5,gid=6,nr_inodes=1k,size=10%") == 0,
	      "uid, gid, nr_inodes, size%%: %d", errno);
	CHECK(stat("mnt", &st) == 0 && st.st_uid == 5 && st.st_gid == 6 &&
	      (st.st_mode & 07777) == 01777, "root: %u %u %o", st.st_uid, st.st_gid, st.st_mode);
	CHECK(statfs("mnt", &sf) == 0 && sf.f_files == 1024 && sf.f_blocks > 0, "files %ld",
	      (long)sf.f_files);
	fd = open("mnt/data", O_CREAT | O_WRONLY, 0644);
	CHECK(fd >= 0 && write(fd, buf, 3 * 4096) == 3 * 4096, "three pages");
	close(fd);
	{
		char opt[] = "size=8k";

		CHECK(mount(NULL, "mnt", NULL, MS_REMOUNT, opt) == -1 && errno == EINVAL,
		      "remount smaller than the data: %d", errno);
	}
	{
		char opt[] = "size=1m";

		CHECK(mount(NULL, "mnt", NULL, MS_REMOUNT, opt) == 0 && statfs("mnt", &sf) == 0 &&
		      sf.f_blocks == 256 && sf.f_bfree == 253, "remount size=1m: %ld %ld",
		      (long)sf.f_blocks, (long)sf.f_bfree);
	}
	CHECK(unlink("mnt/data") == 0 && umount("mnt") == 0, "umount");

	/* MS_NOEXEC and MS_NODEV are kept and enforced */
	CHECK(mount("none", "mnt", "tmpfs", MS_NOEXEC | MS_NODEV, NULL) == 0, "noexec,nodev: %d",
	      errno);
	CHECK(copy_self(argv[0], "mnt/prog") == 0, "copy the test in");
	CHECK(exec_errno("mnt/prog") == EACCES, "noexec: %d", exec_errno("mnt/prog"));
	CHECK(mknod("mnt/null", S_IFCHR | 0666, makedev(1, 3)) == 0, "mknod in nodev");
	CHECK(open("mnt/null", O_RDWR) == -1 && errno == EACCES, "nodev: %d", errno);
	CHECK(statfs("mnt", &sf) == 0 && (sf.f_flags & (ST_NOEXEC | ST_NODEV)) ==
	      (ST_NOEXEC | ST_NODEV), "statfs flags %lx", (long)sf.f_flags);
	/* MS_BIND: the same tree, mounted again without the flags */
	CHECK(mount("mnt", "other", NULL, MS_BIND, NULL) == 0, "bind: %d", errno);
	CHECK(stat("other/prog", &st) == 0 && stat("mnt/prog", &st2) == 0 &&
	      st.st_ino == st2.st_ino && st.st_dev == st2.st_dev, "the same file");
	CHECK(exec_errno("other/prog") == EACCES, "a bind mount keeps noexec");
	CHECK(mount(NULL, "other", NULL, MS_REMOUNT | MS_BIND, NULL) == 0, "remount the bind: %d",
	      errno);
	CHECK(exec_errno("other/prog") == 0, "exec through the bind mount now");
	CHECK(exec_errno("mnt/prog") == EACCES, "still noexec on the first");
	CHECK(umount("other") == 0 && umount("mnt") == 0, "umount both");

	/* stacked: a mount on the root of another, and umount in turn */
	CHECK(mount("a", "mnt", "tmpfs", 0, "size=1m") == 0 && mount("b", "mnt", "tmpfs", 0, NULL) == 0,
	      "two on one point");
	fd = open("mnt/top", O_CREAT | O_WRONLY, 0644);
	close(fd);
	CHECK(umount("mnt") == 0 && access("mnt/top", F_OK) == -1 && statfs("mnt", &sf) == 0 &&
	      sf.f_blocks == 256, "the lower one shows again: %ld", (long)sf.f_blocks);
	/* both gone: mnt is on the scratch directory's file system again
	 * (which may itself be a tmpfs: Linux's rootfs is one) */
	CHECK(umount("mnt") == 0 && stat("mnt", &st) == 0 && stat(".", &st2) == 0 &&
	      st.st_dev == st2.st_dev, "both gone");

	CHECK(unlink("file") == 0 && rmdir("mnt") == 0 && rmdir("other") == 0, "cleanup");
	CHECK(chdir("..") == 0 && rmdir(scratch) == 0, "rmdir scratch: %d", errno);
	return t_done("tmpfs");
}
