/* SPDX-License-Identifier: GPL-2.0 */
/*
 * /proc/PID/limits is the process's getrlimit() values in Linux's table
 * (for itself, a changed limit, a thread and another process), and
 * /proc/PID/comm takes writes as Linux's comm_write: the first 15 bytes
 * as they are (a newline too, an empty write empties it), whatever the
 * position, for the writer's own threads (task/TID/comm of another
 * thread too); another process's is -EINVAL, a reaped one's -ESRCH, a
 * bad buffer -EFAULT.
 */
#include "t.h"
#include <pthread.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>

static const struct {
	const char *name, *unit;
} lnames[] = {
	{ "Max cpu time", "seconds" }, { "Max file size", "bytes" },
	{ "Max data size", "bytes" }, { "Max stack size", "bytes" },
	{ "Max core file size", "bytes" }, { "Max resident set", "bytes" },
	{ "Max processes", "processes" }, { "Max open files", "files" },
	{ "Max locked memory", "bytes" }, { "Max address space", "bytes" },
	{ "Max file locks", "locks" }, { "Max pending signals", "signals" },
	{ "Max msgqueue size", "bytes" }, { "Max nice priority", NULL },
	{ "Max realtime priority", NULL }, { "Max realtime timeout", "us" },
};

/* limit_col - one column of the table for value @v. */
static int limit_col(char *p, unsigned long long v)
{
	if (v == (unsigned long long)RLIM_INFINITY)
		return sprintf(p, "%-20s ", "unlimited");
	return sprintf(p, "%-20llu ", v);
}

/* expected_limits - the table Linux prints for this process, built
 * from getrlimit() of each resource. */
static void expected_limits(char *p)
{
	p += sprintf(p, "%-25s %-20s %-20s %-10s\n", "Limit", "Soft Limit",
		     "Hard Limit", "Units");
	for (int i = 0; i < 16; i++) {
		struct rlimit r;

		getrlimit(i, &r);
		p += sprintf(p, "%-25s ", lnames[i].name);
		p += limit_col(p, r.rlim_cur);
		p += limit_col(p, r.rlim_max);
		p += lnames[i].unit ? sprintf(p, "%-10s\n", lnames[i].unit) : sprintf(p, "\n");
	}
}

/* check_limits_is - /proc/@path/limits is @want. */
static void check_limits_is(const char *path, const char *want)
{
	const char *got = t_read_file(path);

	CHECK(got && !strcmp(got, want), "%s:\n%s\nexpected:\n%s", path, got ? got : "(none)", want);
}

/* check_limits_of - /proc/@path/limits is this process's table. */
static void check_limits_of(const char *path)
{
	static char want[4096];

	expected_limits(want);
	check_limits_is(path, want);
}

static void *thread_limits(void *arg)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/self/task/%ld/limits", (long)syscall(SYS_gettid));
	check_limits_of(path);
	return arg;
}

/* check_limits - self, after a change, a thread, and a child with its
 * own limit (which it reports through a pipe). */
static void check_limits(void)
{
	struct rlimit r = { 4 << 20, RLIM_INFINITY };
	static char want[4096];
	char path[64];
	pthread_t t;
	int fds[2], st;
	long n = 0, k;
	pid_t pid;

	check_limits_of("/proc/self/limits");
	CHECK(setrlimit(RLIMIT_STACK, &r) == 0, "setrlimit: %s", strerror(errno));
	check_limits_of("/proc/self/limits");
	CHECK(strstr(t_read_file("/proc/self/limits"), "Max stack size            4194304 "),
	      "the new stack limit is not shown");
	pthread_create(&t, NULL, thread_limits, NULL);
	pthread_join(t, NULL);
	CHECK(pipe(fds) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		r.rlim_cur = 2 << 20;
		setrlimit(RLIMIT_STACK, &r);
		expected_limits(want);
		write(fds[1], want, strlen(want));
		close(fds[1]);
		pause();
		_exit(0);
	}
	close(fds[1]);
	while ((k = read(fds[0], want + n, sizeof(want) - 1 - n)) > 0)
		n += k;
	want[n] = 0;
	close(fds[0]);
	snprintf(path, sizeof(path), "/proc/%d/limits", pid);
	check_limits_is(path, want);
	CHECK(strstr(want, "Max stack size            2097152 "), "child's limit");
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
}

/* comm_now - this thread's name (prctl). */
static const char *comm_now(void)
{
	static char name[17];

	memset(name, 0, sizeof(name));
	prctl(PR_GET_NAME, name);
	return name;
}

static pthread_t main_thread;
static pid_t main_tid;
static int thread_checks_ok;

/* A thread renames the main thread through task/TID/comm. */
static void *thread_comm(void *arg)
{
	char path[80];
	int fd;

	snprintf(path, sizeof(path), "/proc/self/task/%d/comm", main_tid);
	fd = open(path, O_WRONLY);
	thread_checks_ok = fd >= 0 && write(fd, "fromthread", 10) == 10 &&
			   strcmp(comm_now(), "fromthread") != 0;
	close(fd);
	return arg;
}

/* check_comm - writes to this process's comm and to others'. */
static void check_comm(void)
{
	int fd = open("/proc/self/comm", O_WRONLY), st;
	char path[64];
	pthread_t t;
	pid_t pid;

	CHECK(fd >= 0, "open comm for writing: %s", strerror(errno));
	CHECK(write(fd, "hello", 5) == 5, "write");
	CHECK(!strcmp(comm_now(), "hello"), "comm '%s'", comm_now());
	CHECK(!strcmp(t_read_file("/proc/self/comm"), "hello\n"), "read back");
	CHECK(lseek(fd, 0, SEEK_CUR) == 0, "the position moved");
	CHECK(write(fd, "abcdefghijklmnopqrstuvwxyz", 26) == 26, "long write");
	CHECK(!strcmp(comm_now(), "abcdefghijklmno"), "not cut to 15: '%s'", comm_now());
	CHECK(write(fd, "foo\n", 4) == 4 && !strcmp(comm_now(), "foo\n"), "newline not kept");
	CHECK(!strcmp(t_read_file("/proc/self/comm"), "foo\n\n"), "read back '%s'",
	      t_read_file("/proc/self/comm"));
	CHECK(write(fd, "", 0) == 0 && !strcmp(comm_now(), ""), "empty write: '%s'", comm_now());
	CHECK(write(fd, (void *)1, 3) == -1 && errno == EFAULT, "bad buffer: %s", strerror(errno));
	CHECK(write(fd, "self", 4) == 4, "write");
	close(fd);

	main_thread = pthread_self();
	main_tid = syscall(SYS_gettid);
	pthread_create(&t, NULL, thread_comm, NULL);
	pthread_join(t, NULL);
	CHECK(thread_checks_ok, "a thread could not rename another");
	CHECK(!strcmp(comm_now(), "fromthread"), "main thread is '%s'", comm_now());

	pid = fork();
	if (pid == 0) {
		prctl(PR_SET_NAME, "child");
		pause();
		_exit(0);
	}
	t_sleep_ms(50);
	snprintf(path, sizeof(path), "/proc/%d/comm", pid);
	fd = open(path, O_WRONLY);
	CHECK(fd >= 0, "open child's comm: %s", strerror(errno));
	CHECK(write(fd, "x", 1) == -1 && errno == EINVAL, "another process's comm: %s",
	      strerror(errno));
	CHECK(!strcmp(t_read_file(path), "child\n"), "child renamed: %s", t_read_file(path));
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	CHECK(write(fd, "x", 1) == -1 && errno == ESRCH, "reaped: %s", strerror(errno));
	CHECK(write(fd, (void *)1, 1) == -1 && errno == EFAULT, "EFAULT before ESRCH: %s",
	      strerror(errno));
	close(fd);
}

int main(void)
{
	check_limits();
	check_comm();
	return t_done("proc_comm_limits");
}
