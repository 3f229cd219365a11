/* SPDX-License-Identifier: GPL-2.0 */
/*
 * /proc as a directory tree: readdir of /proc lists our pid and self,
 * /proc/self and thread-self are links to us, exe/cwd/root/fd links say
 * where things are, task/ lists our threads, a child's directory is
 * there until it is reaped, and proc is a file system (statfs 0x9fa0)
 * that mount(2) makes again elsewhere.
 */
#include "t.h"
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <sys/wait.h>

/* Does directory @path list @name? -1 if it does not open. */
static int lists(const char *path, const char *name)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int found = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		if (!strcmp(e->d_name, name))
			found = 1;
	closedir(d);
	return found;
}

/* The number of entries of @path, less "." and "..". */
static int count(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

/* @path's link target into a static buffer, or "" (errno set). */
static const char *link_of(const char *path)
{
	static char buf[4096];
	ssize_t n = readlink(path, buf, sizeof(buf) - 1);

	buf[n < 0 ? 0 : n] = 0;
	return buf;
}

static int thread_pipe[2];

static void *thread_fn(void *arg)
{
	char c;

	(void)arg;
	return (void *)(long)read(thread_pipe[0], &c, 1);
}

static void check_links(const char *argv0)
{
	char want[64], path[64];
	struct stat a, b;
	int fds[2], fd;

	snprintf(want, sizeof(want), "%d", (int)getpid());
	CHECK(!strcmp(link_of("/proc/self"), want), "self -> %s", link_of("/proc/self"));
	snprintf(want, sizeof(want), "%d/task/%d", (int)getpid(), (int)gettid());
	CHECK(!strcmp(link_of("/proc/thread-self"), want), "thread-self -> %s",
	      link_of("/proc/thread-self"));
	CHECK(lists("/proc", "self") == 1, "/proc lists self");
	snprintf(want, sizeof(want), "%d", (int)getpid());
	CHECK(lists("/proc", want) == 1, "/proc lists our pid %s", want);
	CHECK(lists("/proc", "meminfo") == 1, "/proc lists meminfo");

	/* exe names the file we run */
	CHECK(stat(link_of("/proc/self/exe"), &a) == 0 && stat(argv0, &b) == 0 &&
	      a.st_ino == b.st_ino && a.st_dev == b.st_dev,
	      "exe -> %s, argv0 %s", link_of("/proc/self/exe"), argv0);
	CHECK(lstat("/proc/self/exe", &a) == 0 && S_ISLNK(a.st_mode), "exe is a link");

	fd = open(".", O_RDONLY | O_DIRECTORY);
	CHECK(chdir("/") == 0, "chdir: %s", strerror(errno));
	CHECK(!strcmp(link_of("/proc/self/cwd"), "/"), "cwd -> %s", link_of("/proc/self/cwd"));
	CHECK(!strcmp(link_of("/proc/self/root"), "/"), "root -> %s", link_of("/proc/self/root"));
	/* a directory of /proc is a working directory like any other */
	CHECK(chdir("/proc/self/fd") == 0, "chdir /proc/self/fd: %s", strerror(errno));
	snprintf(want, sizeof(want), "/proc/%d/fd", (int)getpid());
	CHECK(getcwd(path, sizeof(path)) && !strcmp(path, want), "getcwd %s", path);
	CHECK(!strcmp(link_of("/proc/self/cwd"), want), "cwd -> %s", link_of("/proc/self/cwd"));
	CHECK(fchdir(fd) == 0, "back: %s", strerror(errno));
	close(fd);

	/* fd/: a link per open file */
	/* above what opendir of fd/ itself takes */
	fd = fcntl(open("/dev/null", O_RDONLY), F_DUPFD, 40);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	CHECK(!strcmp(link_of(path), "/dev/null"), "fd %d -> %s", fd, link_of(path));
	snprintf(want, sizeof(want), "%d", fd);
	CHECK(lists("/proc/self/fd", want) == 1, "fd/ lists %d", fd);
	CHECK(pipe(fds) == 0, "pipe");
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fds[0]);
	CHECK(!strncmp(link_of(path), "pipe:[", 6), "pipe fd -> %s", link_of(path));
	close(fds[0]);
	close(fds[1]);
	close(fd);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	CHECK(readlink(path, want, sizeof(want)) < 0 && errno == ENOENT,
	      "closed fd: %s", strerror(errno));
	snprintf(want, sizeof(want), "%d", fd);
	CHECK(lists("/proc/self/fd", want) == 0, "fd/ does not list closed %d", fd);
	CHECK(access("/proc/self/fd/999", F_OK) < 0 && errno == ENOENT, "fd 999");
}

static void check_task(void)
{
	char want[64];
	pthread_t th;
	void *ret;

	CHECK(count("/proc/self/task") == 1, "one thread: %d", count("/proc/self/task"));
	snprintf(want, sizeof(want), "%d", (int)gettid());
	CHECK(lists("/proc/self/task", want) == 1, "task/ lists us");
	CHECK(pipe(thread_pipe) == 0, "pipe");
	CHECK(pthread_create(&th, NULL, thread_fn, NULL) == 0, "pthread_create");
	CHECK(count("/proc/self/task") == 2, "two threads: %d", count("/proc/self/task"));
	snprintf(want, sizeof(want), "/proc/self/task/%d/status", (int)gettid());
	CHECK(access(want, R_OK) == 0, "%s: %s", want, strerror(errno));
	CHECK(write(thread_pipe[1], "x", 1) == 1, "wake");
	pthread_join(th, &ret);
	close(thread_pipe[0]);
	close(thread_pipe[1]);
	CHECK(count("/proc/self/task") == 1, "one thread again: %d", count("/proc/self/task"));
}

static void check_child(void)
{
	char path[64], name[16];
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		pause();
		_exit(0);
	}
	snprintf(name, sizeof(name), "%d", (int)pid);
	snprintf(path, sizeof(path), "/proc/%d", (int)pid);
	CHECK(lists("/proc", name) == 1, "/proc lists child %s", name);
	CHECK(access(path, F_OK) == 0, "%s exists", path);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	CHECK(access(path, F_OK) < 0 && errno == ENOENT, "%s after reaping: %s", path,
	      strerror(errno));
	CHECK(lists("/proc", name) == 0, "/proc no longer lists %s", name);
	CHECK(access("/proc/0", F_OK) < 0 && errno == ENOENT, "/proc/0");
	CHECK(access("/proc/nosuch", F_OK) < 0 && errno == ENOENT, "/proc/nosuch");
	CHECK(access("/proc/self/nosuch", F_OK) < 0 && errno == ENOENT, "/proc/self/nosuch");
}

static void check_fs(void)
{
	char dir[64], path[96];
	struct statfs sfs;
	struct stat st;
	int fd;

	CHECK(statfs("/proc", &sfs) == 0 && sfs.f_type == 0x9fa0, "statfs type %lx",
	      (long)sfs.f_type);
	CHECK(stat("/proc", &st) == 0 && S_ISDIR(st.st_mode), "/proc is a directory");
	CHECK(stat("/proc/self/status", &st) == 0 && S_ISREG(st.st_mode) &&
	      (st.st_mode & 0777) == 0444, "status mode %o", st.st_mode);
	CHECK(stat("/proc/self/fd", &st) == 0 && (st.st_mode & 0777) == 0500,
	      "fd/ mode %o", st.st_mode);
	fd = open("/proc/self/status", O_RDONLY | O_DIRECTORY);
	CHECK(fd < 0 && errno == ENOTDIR, "O_DIRECTORY status: %s", strerror(errno));
	fd = open("/proc/self", O_RDONLY | O_DIRECTORY);
	CHECK(fd >= 0, "open /proc/self as a directory: %s", strerror(errno));
	CHECK(read(fd, &st, 1) < 0 && errno == EISDIR, "read of a directory");
	close(fd);
	fd = open("/proc/self/status", O_WRONLY);
	CHECK(fd >= 0, "root opens status for writing: %s", strerror(errno));
	CHECK(write(fd, "x", 1) < 0 && errno == EINVAL, "write status: %s", strerror(errno));
	close(fd);
	fd = open("/proc/meminfo", O_WRONLY);
	CHECK(fd >= 0 && write(fd, "x", 1) < 0 && errno == EIO, "write meminfo: %s",
	      strerror(errno));
	close(fd);
	CHECK(mkdir("/proc/x", 0755) < 0, "mkdir in /proc refused");
	CHECK(unlink("/proc/self/status") < 0, "unlink in /proc refused");

	/* a second instance, mounted by hand, shows the same processes */
	snprintf(dir, sizeof(dir), "proc_dir.%d", (int)getpid());
	snprintf(path, sizeof(path), "%s/1/status", dir);
	CHECK(mkdir(dir, 0755) == 0, "mkdir %s: %s", dir, strerror(errno));
	CHECK(mount("proc", dir, "proc", 0, NULL) == 0, "mount -t proc: %s", strerror(errno));
	CHECK(lists(dir, "self") == 1, "the new mount lists self");
	CHECK(access(path, R_OK) == 0, "and pid 1");
	CHECK(statfs(dir, &sfs) == 0 && sfs.f_type == 0x9fa0, "its statfs");
	CHECK(umount(dir) == 0, "umount: %s", strerror(errno));
	CHECK(rmdir(dir) == 0, "rmdir: %s", strerror(errno));
}

int main(int argc, char **argv)
{
	(void)argc;
	check_links(argv[0]);
	check_task();
	check_child();
	check_fs();
	return t_done("proc_dir");
}
