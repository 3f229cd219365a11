/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What LTP's test library (lib/tst_test.c, lib/tst_tmpdir.c) does
 * before and after a test's own code, step by step and every result
 * checked: tst_run_tcases() -> do_setup() -> setup_ipc() (a page of
 * /dev/shm/ltp_<name>_<pid>, O_CREAT|O_EXCL|O_RDWR 0600, chmod 0666,
 * ftruncate, mmap MAP_SHARED, close, unlink) and tst_tmpdir() (mkdtemp
 * TMPDIR/LTP_<name>XXXXXX, chown to our gid, chmod 0777, chdir);
 * oom_score_adj; SIGALRM and SIGUSR1 handlers; fork_testrun() with
 * alarm(timeout): the test child resets its signals, setpgid(0, 0),
 * sends heartbeats (SIGUSR1 to its parent), runs a test that counts its
 * results in the shared page, and exits; the library waitpid()s, reads
 * the counters, and cleans up: tst_rmdir()'s recursive removal
 * (openat O_DIRECTORY|O_NOFOLLOW, fdopendir, readdir, fstatat,
 * unlinkat), msync (and its errors) and munmap of the page. Where
 * this fails, no LTP test gets as far as its setup. As PID 1 (in mmos) a test child's parent would be PID 1, which
 * LTP takes for its library having died, so PID 1 only mounts tmpfs on
 * /tmp and /dev/shm where they are not tmpfs (as a system's init does)
 * and runs the library in a child, as runltp runs a test.
 */
#include "t.h"
#include <dirent.h>
#include <signal.h>
#include <time.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/vfs.h>
#include <sys/wait.h>

#define TMPFS_MAGIC	0x01021994
#define LTP_MAGIC	0x4D50544C	/* "LTPM" */
#define TCID		"ltp_lib_start"
#define OVERALL_TIME	30		/* LTP's DEFAULT_TIMEOUT, no multiplier */

/* The start of LTP's struct ipc_region: the magic, the context, the
 * results (the layout is the library's own business; these fields are
 * what it uses at start-up). */
struct results {
	int passed, skipped, failed, warnings, broken;
};

struct ipc_region {
	int magic;
	struct {
		pid_t lib_pid, main_pid;
		struct timespec start_time;
		int overall_time;
		int heartbeats;		/* ours: how many the test child sent */
	} context;
	struct results results;
};

static struct ipc_region *ipc;
static char shm_path[1024];
static char testdir[1024];
static pid_t test_pid;
static volatile sig_atomic_t heartbeats_seen, alarms;

/* alarm_handler - LTP's: the test timed out, kill its group. */
static void alarm_handler(int sig)
{
	(void)sig;
	alarms++;
	if (test_pid > 0)
		kill(-test_pid, SIGKILL);
}

/* heartbeat_handler - LTP's: the test is alive, re-arm the timeout. */
static void heartbeat_handler(int sig)
{
	(void)sig;
	alarm(OVERALL_TIME);
	heartbeats_seen++;
}

/* setup_ipc - LTP's shared results page, in /dev/shm when there is one. */
static int setup_ipc(void)
{
	size_t size = getpagesize();
	int fd;

	CHECK(access("/dev/shm", F_OK) == 0, "/dev/shm exists: %s", strerror(errno));
	CHECK(access("/dev/shm", W_OK) == 0, "/dev/shm writable: %s", strerror(errno));
	snprintf(shm_path, sizeof(shm_path), "/dev/shm/ltp_%s_%d", TCID, getpid());
	fd = open(shm_path, O_CREAT | O_EXCL | O_RDWR, 0600);
	CHECK(fd >= 0, "open(%s): %s", shm_path, strerror(errno));
	if (fd < 0)
		return -1;
	CHECK(chmod(shm_path, 0666) == 0, "chmod: %s", strerror(errno));
	CHECK(ftruncate(fd, size) == 0, "ftruncate: %s", strerror(errno));
	ipc = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(ipc != MAP_FAILED, "mmap MAP_SHARED: %s", strerror(errno));
	CHECK(close(fd) == 0, "close");
	if (ipc == MAP_FAILED)
		return -1;
	memset(ipc, 0, size);
	ipc->magic = LTP_MAGIC;
	ipc->context.lib_pid = getpid();
	ipc->context.main_pid = getpid();
	ipc->context.overall_time = OVERALL_TIME;
	CHECK(unlink(shm_path) == 0, "unlink(%s): %s", shm_path, strerror(errno));
	return 0;
}

/* tst_tmpdir - LTP's: a fresh directory under TMPDIR (or /tmp), 0777,
 * our group's, and the working directory from now on. */
static int tst_tmpdir(void)
{
	const char *root = getenv("TMPDIR");
	struct stat st;

	if (!root)
		root = "/tmp";
	snprintf(testdir, sizeof(testdir), "%s/LTP_%.3sXXXXXX", root, TCID);
	CHECK(mkdtemp(testdir) != NULL, "mkdtemp(%s): %s", testdir, strerror(errno));
	if (!testdir[0] || strstr(testdir, "XXXXXX"))
		return -1;
	CHECK(stat(testdir, &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & 0777) == 0700,
	      "mkdtemp makes a 0700 directory: %o", st.st_mode);
	CHECK(chown(testdir, -1, getgid()) == 0, "chown: %s", strerror(errno));
	CHECK(chmod(testdir, 0777) == 0, "chmod 0777: %s", strerror(errno));
	CHECK(stat(testdir, &st) == 0 && (st.st_mode & 07777) == 0777, "now 0777");
	CHECK(chdir(testdir) == 0, "chdir(%s): %s", testdir, strerror(errno));
	return 0;
}

/* set_oom_score_adj - LTP's: skipped where the file does not exist; a
 * write refused (a sandbox's /proc) is only LTP's TWARN, so not
 * checked; one that succeeds must read back. */
static void set_oom_score_adj(int value)
{
	const char *path = "/proc/self/oom_score_adj";
	char buf[16];
	int fd, n;

	if (access(path, F_OK) == -1)
		return;
	fd = open(path, O_RDWR);
	CHECK(fd >= 0, "open %s: %s", path, strerror(errno));
	n = snprintf(buf, sizeof(buf), "%d", value);
	if (fd >= 0 && write(fd, buf, n) == n) {
		CHECK(lseek(fd, 0, SEEK_SET) == 0 && (n = read(fd, buf, sizeof(buf) - 1)) > 0,
		      "read it back");
		buf[n > 0 ? n : 0] = 0;
		CHECK(atoi(buf) == value, "oom_score_adj = %s, want %d", buf, value);
	}
	close(fd);
}

/* heartbeat - LTP's: the library must still be our parent. */
static void heartbeat(void)
{
	CHECK(clock_gettime(CLOCK_MONOTONIC, &ipc->context.start_time) == 0, "clock_gettime");
	CHECK(getppid() != 1, "the library is alive (our parent is not PID 1)");
	ipc->context.heartbeats++;
	CHECK(kill(getppid(), SIGUSR1) == 0, "heartbeat: %s", strerror(errno));
}

/* the_test - a small test's run: files in the temporary directory, its
 * results counted in the shared page as tst_res() does. */
static void the_test(void)
{
	char buf[8] = { 0 };
	int fd;

	fd = open("file", O_CREAT | O_RDWR, 0644);
	if (fd >= 0 && write(fd, "ltp", 3) == 3 && pread(fd, buf, 3, 0) == 3 && !strcmp(buf, "ltp"))
		__atomic_add_fetch(&ipc->results.passed, 1, __ATOMIC_SEQ_CST);
	else
		__atomic_add_fetch(&ipc->results.failed, 1, __ATOMIC_SEQ_CST);
	close(fd);
	/* something for tst_rmdir() to remove recursively */
	if (mkdir("sub", 0755) == 0 && mkdir("sub/deeper", 0755) == 0 &&
	    close(open("sub/deeper/f", O_CREAT | O_WRONLY, 0644)) == 0 &&
	    symlink("../file", "sub/link") == 0)
		__atomic_add_fetch(&ipc->results.passed, 1, __ATOMIC_SEQ_CST);
	else
		__atomic_add_fetch(&ipc->results.failed, 1, __ATOMIC_SEQ_CST);
}

/* testrun - the test child: LTP's signal resets, its own group, the
 * heartbeats around the test, exit(0). */
static void testrun(void)
{
	set_oom_score_adj(0);
	CHECK(signal(SIGALRM, SIG_DFL) != SIG_ERR && signal(SIGUSR1, SIG_DFL) != SIG_ERR &&
	      signal(SIGTERM, SIG_DFL) != SIG_ERR && signal(SIGINT, SIG_DFL) != SIG_ERR,
	      "signals back to default");
	CHECK(setpgid(0, 0) == 0 && getpgrp() == getpid(), "setpgid(0, 0)");
	heartbeat();
	the_test();
	heartbeat();
	fflush(stdout);
	exit(t_failed ? 2 : 0);
}

/* fork_testrun - LTP's: the timeout armed, the child forked and waited for. */
static void fork_testrun(void)
{
	int status = 0;

	alarm(OVERALL_TIME);
	test_pid = fork();
	CHECK(test_pid >= 0, "fork: %s", strerror(errno));
	if (test_pid == 0)
		testrun();
	while (waitpid(test_pid, &status, 0) == -1 && errno == EINTR)
		;	/* a heartbeat's SIGUSR1 may interrupt it (SA_RESTART aside) */
	CHECK(alarm(0) > 0, "the alarm was still pending");
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "test child status %#x", status);
	CHECK(alarms == 0, "no timeout");
	/* two SIGUSR1s pending at once are one: at least one arrives */
	CHECK(heartbeats_seen >= 1 && heartbeats_seen <= 2 && ipc->context.heartbeats == 2,
	      "heartbeats: %d seen, %d sent", (int)heartbeats_seen, ipc->context.heartbeats);
	CHECK(ipc->results.passed == 2 && ipc->results.failed == 0,
	      "results through the shared page: %d passed, %d failed",
	      ipc->results.passed, ipc->results.failed);
	CHECK(kill(-test_pid, 0) == -1 && errno == ESRCH, "the test's group is gone");
}

/* rmobjat - tst_tmpdir.c's recursive removal, as LTP does it. */
static int rmobjat(int dir_fd, const char *obj)
{
	int fd = openat(dir_fd, obj, O_DIRECTORY | O_NOFOLLOW);
	struct dirent *ent;
	struct stat st;
	int ret = 0, sub;
	DIR *dir;

	if (fd < 0)
		return unlinkat(dir_fd, obj, 0);
	close(fd);
	sub = openat(dir_fd, obj, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
	dir = sub >= 0 ? fdopendir(sub) : NULL;
	if (!dir)
		return -1;
	while ((ent = readdir(dir)))
		if (strcmp(ent->d_name, ".") && strcmp(ent->d_name, "..") &&
		    rmobjat(sub, ent->d_name))
			ret = -1;
	closedir(dir);
	if (ret)
		return ret;
	/* LTP's: an emptied directory has 2 links, else it is not one */
	if (fstatat(dir_fd, obj, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return -1;
	CHECK(st.st_nlink == 2, "an emptied directory has 2 links: %lu",
	      (unsigned long)st.st_nlink);
	return unlinkat(dir_fd, obj, st.st_nlink >= 3 ? 0 : AT_REMOVEDIR);
}

/* do_cleanup - LTP's: back out of the directory, remove it and the page. */
static void do_cleanup(const char *startdir)
{
	struct stat st;
	size_t size = getpagesize();

	CHECK(chdir(startdir) == 0, "back to %s", startdir);
	CHECK(rmobjat(AT_FDCWD, testdir) == 0, "rmobj(%s): %s", testdir, strerror(errno));
	CHECK(stat(testdir, &st) == -1 && errno == ENOENT, "the temporary directory is gone");
	CHECK(access(shm_path, F_OK) == -1 && errno == ENOENT, "the shm file is gone");
	CHECK(msync(ipc, size, MS_SYNC) == 0, "msync: %s", strerror(errno));
	/* and msync's own errors, Linux's order */
	CHECK(msync((char *)ipc + 1, size, MS_SYNC) == -1 && errno == EINVAL, "unaligned: EINVAL");
	CHECK(msync(ipc, size, MS_SYNC | MS_ASYNC) == -1 && errno == EINVAL, "both: EINVAL");
	CHECK(msync(ipc, size, 8) == -1 && errno == EINVAL, "unknown flag: EINVAL");
	CHECK(msync(ipc, 0, MS_SYNC) == 0, "an empty range");
	CHECK(munmap(ipc, size) == 0, "munmap");
	CHECK(msync(ipc, size, MS_SYNC) == -1 && errno == ENOMEM, "unmapped: ENOMEM");
	CHECK(msync(ipc, size, MS_ASYNC) == -1 && errno == ENOMEM, "MS_ASYNC too");
}

/* ltp_main - tst_run_tcases() of a test with .needs_tmpdir. */
static int ltp_main(void)
{
	char startdir[1024];
	struct utsname u;

	CHECK(getcwd(startdir, sizeof(startdir)) != NULL, "getcwd");
	if (setup_ipc() || tst_tmpdir())
		return t_done(TCID);
	set_oom_score_adj(-1000);
	CHECK(signal(SIGALRM, alarm_handler) != SIG_ERR, "SIGALRM handler");
	CHECK(signal(SIGUSR1, heartbeat_handler) != SIG_ERR, "SIGUSR1 handler");
	CHECK(uname(&u) == 0, "uname");
	fork_testrun();
	do_cleanup(startdir);
	return t_done(TCID);
}

/*
 * ensure_tmpfs - as init: a tmpfs mounted on @path (made if missing),
 * unless one is mounted there already. A directory that is merely on a
 * tmpfs is not enough: Linux's rootfs and devtmpfs are tmpfs too, and
 * what the test leaves on them would stay. Returns what to undo: bit 0
 * we mounted, bit 1 we made the directory.
 */
static int ensure_tmpfs(const char *path, const char *parent)
{
	struct stat st, pst;
	struct statfs sf;
	int undo = 0;

	if (mkdir(path, 01777) == 0)
		undo |= 2;
	else
		CHECK(errno == EEXIST, "mkdir %s: %s", path, strerror(errno));
	if (stat(path, &st) == 0 && stat(parent, &pst) == 0 && st.st_dev != pst.st_dev &&
	    statfs(path, &sf) == 0 && sf.f_type == TMPFS_MAGIC)
		return undo;	/* a tmpfs of its own is mounted there */
	CHECK(mount("tmpfs", path, "tmpfs", 0, "mode=1777") == 0, "mount tmpfs on %s: %s", path,
	      strerror(errno));
	CHECK(statfs(path, &sf) == 0 && sf.f_type == TMPFS_MAGIC, "%s is tmpfs", path);
	return undo | 1;
}

/* undo_tmpfs - what ensure_tmpfs() did at @path, undone. */
static void undo_tmpfs(const char *path, int undo)
{
	if (undo & 1)
		CHECK(umount(path) == 0, "umount %s: %s", path, strerror(errno));
	if (undo & 2)
		CHECK(rmdir(path) == 0, "rmdir %s: %s", path, strerror(errno));
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
	int status, tmp, shm;
	pid_t pid;

	if (getpid() != 1)
		return ltp_main();
	tmp = ensure_tmpfs("/tmp", "/");
	shm = ensure_tmpfs("/dev/shm", "/dev");
	pid = fork();
	if (pid == 0)
		_exit(ltp_main());
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "the library's process (status %#x)", status);
	undo_tmpfs("/dev/shm", shm);
	undo_tmpfs("/tmp", tmp);
	settle();
	return t_done(TCID);
}
