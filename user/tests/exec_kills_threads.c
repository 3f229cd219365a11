/* SPDX-License-Identifier: GPL-2.0 */
/*
 * execve in a multi-threaded process (the fuzzer's "old thread alive"
 * after "new image running"): every other thread is gone before the new
 * image runs, the process keeps its PID (a non-leader that execs takes
 * the leader's), it has one thread, and its parent reaps it as soon as
 * it ends. Three cases: the leader execs while a thread waits on a
 * futex (waking every 20 ms to write to a pipe); a thread execs while
 * the leader waits so; a thread execs after the leader has exited.
 */
#include "t.h"
#include <fcntl.h>
#define FUTEX_WAIT 0
#include <pthread.h>
#include <sys/wait.h>

static int word, pipe_w, mode;
static char *self;
static pid_t orig_pid;

/* An old-image thread: wait on the futex (20 ms at a time) and write to
 * the pipe each time it wakes; only death stops it. */
static void *waiter(void *arg)
{
	struct timespec ts = { 0, 20000000 };

	for (;;) {
		syscall(SYS_futex, &word, FUTEX_WAIT, 0, &ts, NULL, 0);
		write(pipe_w, "o", 1);
	}
	return NULL;
}

/* Exec self as "new PIPE_R PID". */
static void exec_new(int pipe_r)
{
	char r[16], p[16];
	char *args[] = { self, "new", r, p, NULL };

	snprintf(r, sizeof(r), "%d", pipe_r);
	snprintf(p, sizeof(p), "%d", (int)orig_pid);
	execv(self, args);
	_exit(90);
}

static int pipe_r_fd;

static void *execer(void *arg)
{
	t_sleep_ms(50);		/* the leader is waiting by now */
	exec_new(pipe_r_fd);
	return NULL;
}

/* The new image: alone, with the old PID, and nobody writes any more. */
static int new_image(int pipe_r, pid_t want_pid)
{
	const char *st = t_read_file("/proc/self/status");
	char buf[256];

	fcntl(pipe_r, F_SETFL, O_NONBLOCK);
	while (read(pipe_r, buf, sizeof(buf)) > 0)	/* what came before exec */
		;
	CHECK(getpid() == want_pid, "pid %d, expected %d", (int)getpid(), (int)want_pid);
	CHECK(syscall(SYS_gettid) == want_pid, "tid %ld", syscall(SYS_gettid));
	CHECK(st && strstr(st, "Threads:\t1\n"), "more than one thread: %s", st);
	t_sleep_ms(200);	/* ten of the old thread's wake-ups */
	CHECK(read(pipe_r, buf, sizeof(buf)) < 0 && errno == EAGAIN,
	      "an old-image thread still runs");
	return t_done("exec_kills_threads (new image)");
}

/* One case, in a child process: start threads as @how says, exec. */
static void run_case(int how)
{
	int fds[2], status = -1;
	long long t0, ended;
	pthread_t t;
	pid_t pid;

	CHECK(pipe(fds) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		orig_pid = getpid();
		pipe_w = fds[1];
		pipe_r_fd = fds[0];
		if (how == 0) {		/* the leader execs */
			pthread_create(&t, NULL, waiter, NULL);
			t_sleep_ms(50);
			exec_new(fds[0]);
		}
		pthread_create(&t, NULL, execer, NULL);
		if (how == 1)		/* a thread execs, the leader waits */
			waiter(NULL);
		pthread_exit(NULL);	/* the leader exits first */
	}
	t0 = t_now_ns();
	CHECK(waitpid(pid, &status, 0) == pid, "waitpid: %s", strerror(errno));
	ended = t_now_ns() - t0;
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "case %d: status %#x",
	      how, status);
	/* the new image sleeps 200 ms and ends: reaped at once after that */
	CHECK(ended < 2000000000LL, "case %d: reaped after %lld ms", how, ended / 1000000);
	close(fds[0]);
	close(fds[1]);
}

int main(int argc, char **argv)
{
	self = argv[0];
	if (argc == 4 && !strcmp(argv[1], "new"))
		return new_image(atoi(argv[2]), atoi(argv[3]));
	for (mode = 0; mode < 3; mode++)
		run_case(mode);
	return t_done("exec_kills_threads");
}
