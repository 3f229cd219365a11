/* SPDX-License-Identifier: GPL-2.0 */
/* POSIX shared memory: shm_open/shm_unlink are the C library's, over
 * the tmpfs on /dev/shm (nosuid, nodev, as distributions mount it):
 * shm_open + ftruncate + mmap MAP_SHARED is one object across fork;
 * the fd is close-on-exec; O_EXCL gives EEXIST, no O_CREAT ENOENT; the
 * names (no '/' inside, not empty) are EINVAL otherwise, too long
 * ENAMETOOLONG (musl: the kernel's) or EINVAL (glibc); shm_unlink removes the name (ENOENT the second time)
 * while the mapping lives on, "(deleted)" in maps. */
#include "t.h"
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/vfs.h>
#include <sys/wait.h>

#define P 4096L
#define TMPFS_MAGIC 0x01021994

int main(void)
{
	char name[64], path[80], big[300], want[128];
	struct statfs sf;
	struct statvfs sv;
	struct stat st;
	volatile int *p;
	const char *mounts;
	int fd, status;
	pid_t pid;

	snprintf(name, sizeof(name), "/mmos-posix-shm-%d", getpid());
	snprintf(path, sizeof(path), "/dev/shm%s", name);
	CHECK(statfs("/dev/shm", &sf) == 0 && sf.f_type == TMPFS_MAGIC,
	      "/dev/shm is a tmpfs: %lx", (long)sf.f_type);
	mounts = t_read_file("/proc/mounts");
	CHECK(mounts && strstr(mounts, "tmpfs /dev/shm tmpfs rw,"), "in /proc/mounts");
	/* how it is mounted is the system's choice (this host's container
	 * has neither); mmos's automount is a distribution's */
	CHECK(t_free_pages() < 0 ||
	      (statvfs("/dev/shm", &sv) == 0 && (sv.f_flag & (ST_NOSUID | ST_NODEV)) ==
	       (ST_NOSUID | ST_NODEV)), "mmos: nosuid,nodev");

	fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
	CHECK(fd >= 0, "shm_open: %s", strerror(errno));
	CHECK(fcntl(fd, F_GETFD) == FD_CLOEXEC, "close-on-exec");
	CHECK(stat(path, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0777) == 0600 &&
	      st.st_size == 0, "the file in /dev/shm");
	CHECK(ftruncate(fd, 3 * P) == 0, "ftruncate: %s", strerror(errno));
	p = mmap(NULL, 3 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(p != MAP_FAILED, "mmap: %s", strerror(errno));
	p[0] = 1;
	pid = fork();
	if (pid == 0) {
		int fd2 = shm_open(name, O_RDWR, 0);
		volatile int *q = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_SHARED, fd2, 2 * P);

		p[1] = p[0] + 1;	/* the inherited mapping */
		if (q != MAP_FAILED)
			q[0] = 3;	/* a mapping of its own */
		_exit(q == MAP_FAILED);
	}
	CHECK(waitpid(pid, &status, 0) == pid && status == 0, "child: %x", status);
	CHECK(p[1] == 2 && p[2 * P / 4] == 3, "stores across fork: %d %d", p[1], p[2 * P / 4]);
	CHECK(shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600) == -1 && errno == EEXIST,
	      "O_EXCL: EEXIST");

	/* names */
	CHECK(shm_open("/mmos-no-such-shm", O_RDWR, 0) == -1 && errno == ENOENT, "ENOENT");
	CHECK(shm_open("/a/b", O_RDWR | O_CREAT, 0600) == -1 && errno == EINVAL, "a '/': EINVAL");
	CHECK(shm_open("/", O_RDWR | O_CREAT, 0600) == -1 && errno == EINVAL, "empty: EINVAL");
	memset(big, 'x', sizeof(big) - 1);
	big[0] = '/';
	big[sizeof(big) - 1] = 0;
	/* musl opens it (the kernel's ENAMETOOLONG), glibc refuses first */
	CHECK(shm_open(big, O_RDWR | O_CREAT, 0600) == -1 &&
	      (errno == ENAMETOOLONG || errno == EINVAL), "too long: %s", strerror(errno));

	/* unlink: the name goes, the object stays while mapped */
	CHECK(shm_unlink(name) == 0, "shm_unlink: %s", strerror(errno));
	CHECK(shm_unlink(name) == -1 && errno == ENOENT, "again: ENOENT");
	CHECK(stat(path, &st) == -1 && errno == ENOENT, "no file");
	CHECK(p[0] == 1 && p[1] == 2, "the mapping lives");
	snprintf(want, sizeof(want), "%s (deleted)", path);
	CHECK(strstr(t_read_file("/proc/self/maps"), want) != NULL, "maps: %s", want);
	close(fd);
	munmap((void *)p, 3 * P);
	return t_done("posix_shm");
}
