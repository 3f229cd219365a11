/* SPDX-License-Identifier: GPL-2.0 */
/*
 * select and pselect6 on pipes and files: the three sets, the time left
 * written back (select's timeval, pselect6's timespec), exact timeouts,
 * a sleep ended by a writer, EBADF, EINVAL, EFAULT, EINTR with and
 * without SA_RESTART, and pselect6's mask.
 */
#include "t.h"
#include <fcntl.h>
#include <signal.h>
#include <time.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/wait.h>

#define BAD ((void *)8)

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* raw_select - the syscall itself (libc may copy the timeval). */
static long raw_select(int n, fd_set *r, fd_set *w, fd_set *e, struct timeval *tv)
{
	return RAW(SYS_select, n, r, w, e, tv);
}

static void check_sets(void)
{
	int p[2], f = open("/proc/self/maps", O_RDONLY);
	struct timeval tv = { 0, 0 };
	fd_set r, w, e;

	pipe(p);
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_ZERO(&e);
	FD_SET(p[0], &r);
	FD_SET(p[1], &w);
	FD_SET(f, &r);
	FD_SET(p[0], &e);
	CHECK(raw_select(p[1] + 1, &r, &w, &e, &tv) == 2, "pipe writable, file readable");
	CHECK(!FD_ISSET(p[0], &r) && FD_ISSET(f, &r), "read set");
	CHECK(FD_ISSET(p[1], &w), "write set");
	CHECK(!FD_ISSET(p[0], &e), "no exceptions");
	write(p[1], "x", 1);
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	CHECK(raw_select(p[0] + 1, &r, NULL, NULL, &tv) == 1 && FD_ISSET(p[0], &r),
	      "data: readable");
	FD_ZERO(&w);
	FD_SET(p[1], &w);
	FD_SET(p[0], &w);	/* a read end is never writable */
	CHECK(raw_select(p[1] + 1, NULL, &w, NULL, &tv) == 1 && !FD_ISSET(p[0], &w),
	      "read end not writable");
	close(p[1]);
	read(p[0], &e, 1);
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	CHECK(raw_select(p[0] + 1, &r, NULL, NULL, &tv) == 1, "no writer: readable (EOF)");
	/* the same fd in two sets counts twice */
	pipe(p);
	FD_ZERO(&w);
	FD_ZERO(&r);
	FD_SET(f, &w);
	FD_SET(f, &r);
	CHECK(raw_select(f + 1, &r, &w, NULL, &tv) == 2, "one fd, two sets: 2");
	CHECK(raw_select(0, NULL, NULL, NULL, &tv) == 0, "nothing");
	/* errors */
	/* The lowest closed fd: select() clamps n to the size of the fd
	 * table, so a closed number past it (a runner with 200..255 open
	 * leaves only 256 and up) would be ignored, not EBADF. */
	FD_ZERO(&r);
	FD_SET(t_closed_fd(3), &r);
	CHECK(raw_select(t_closed_fd(3) + 1, &r, NULL, NULL, &tv) == -EBADF,
	      "an fd not open: EBADF");
	CHECK(raw_select(-1, NULL, NULL, NULL, &tv) == -EINVAL, "n < 0");
	CHECK(raw_select(p[0] + 1, BAD, NULL, NULL, &tv) == -EFAULT, "bad set");
	CHECK(raw_select(1, NULL, NULL, NULL, BAD) == -EFAULT, "bad timeval");
	tv.tv_usec = -1;
	CHECK(raw_select(1, NULL, NULL, NULL, &tv) == -EINVAL, "negative tv_usec");
	tv.tv_usec = 0;
	tv.tv_sec = -1;
	CHECK(raw_select(1, NULL, NULL, NULL, &tv) == -EINVAL, "negative tv_sec");
	tv.tv_sec = 0;
	tv.tv_usec = 1000000 + 20000;	/* Linux folds whole seconds in */
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	CHECK(raw_select(p[0] + 1, &r, NULL, NULL, &tv) == 0, "tv_usec above 1 s: a timeout");
	CHECK(tv.tv_sec == 0 && tv.tv_usec == 0, "time left: %ld.%06ld",
	      (long)tv.tv_sec, (long)tv.tv_usec);
	close(p[0]);
	close(p[1]);
	close(f);
}

static void check_timeouts(void)
{
	int p[2];
	struct timeval tv = { 0, 40000 };
	fd_set r;
	long t0, dt;
	pid_t pid;

	pipe(p);
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	t0 = now_ms();
	CHECK(raw_select(p[0] + 1, &r, NULL, NULL, &tv) == 0, "40 ms timeout");
	dt = now_ms() - t0;
	CHECK(dt >= 40 && dt < 1000, "select 40 ms took %ld ms", dt);
	CHECK(!FD_ISSET(p[0], &r), "a timeout clears the sets");
	CHECK(tv.tv_sec == 0 && tv.tv_usec == 0, "no time left");
	pid = fork();
	if (pid == 0) {
		usleep(50000);
		write(p[1], "w", 1);
		_exit(0);
	}
	tv.tv_sec = 10;
	tv.tv_usec = 0;
	FD_SET(p[0], &r);
	t0 = now_ms();
	CHECK(raw_select(p[0] + 1, &r, NULL, NULL, &tv) == 1, "woken by the writer");
	dt = now_ms() - t0;
	CHECK(dt >= 40 && dt < 5000, "slept %ld ms", dt);
	CHECK(tv.tv_sec == 9 && tv.tv_usec > 0, "time left %ld.%06ld",
	      (long)tv.tv_sec, (long)tv.tv_usec);
	waitpid(pid, NULL, 0);
	close(p[0]);
	close(p[1]);
}

static volatile int handled;
static sigset_t mask_in_handler;

static void on_usr1(int sig)
{
	handled++;
	sigprocmask(SIG_SETMASK, NULL, &mask_in_handler);
}

static void check_signals(void)
{
	struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = SA_RESTART };
	struct timespec ts = { 5, 0 };
	sigset_t usr1, both, none, now;
	struct { sigset_t *p; size_t size; } pack = { &none, 8 };
	fd_set r;
	int p[2];
	pid_t pid;

	pipe(p);
	sigaction(SIGUSR1, &sa, NULL);
	pid = fork();
	if (pid == 0) {
		usleep(50000);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	handled = 0;
	/* select is not restarted after a handler, SA_RESTART or not */
	CHECK(raw_select(p[0] + 1, &r, NULL, NULL, NULL) == -EINTR && handled == 1,
	      "select: EINTR");
	waitpid(pid, NULL, 0);

	sigemptyset(&none);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	both = usr1;
	sigaddset(&both, SIGUSR2);
	sigprocmask(SIG_SETMASK, &both, NULL);
	raise(SIGUSR1);
	handled = 0;
	FD_SET(p[0], &r);
	CHECK(RAW(SYS_pselect6, p[0] + 1, &r, NULL, NULL, &ts, &pack) == -EINTR,
	      "pselect6: EINTR");
	CHECK(handled == 1 && !sigismember(&mask_in_handler, SIGUSR2),
	      "the handler ran under pselect6's mask");
	CHECK(ts.tv_sec == 4 || ts.tv_sec == 5, "pselect6: time left %ld", (long)ts.tv_sec);
	sigprocmask(SIG_SETMASK, NULL, &now);
	CHECK(sigismember(&now, SIGUSR1) && sigismember(&now, SIGUSR2), "old mask back");
	ts.tv_sec = 0;
	ts.tv_nsec = 10000000;
	FD_SET(p[0], &r);
	CHECK(RAW(SYS_pselect6, p[0] + 1, &r, NULL, NULL, &ts, &pack) == 0, "pselect6 timeout");
	CHECK(ts.tv_sec == 0 && ts.tv_nsec == 0, "pselect6: no time left");
	sigprocmask(SIG_SETMASK, NULL, &now);
	CHECK(sigismember(&now, SIGUSR2), "mask back after a timeout");
	pack.size = 7;
	CHECK(RAW(SYS_pselect6, 0, NULL, NULL, NULL, &ts, &pack) == -EINVAL, "sigsetsize 7");
	pack.size = 8;
	pack.p = BAD;
	CHECK(RAW(SYS_pselect6, 0, NULL, NULL, NULL, &ts, &pack) == -EFAULT, "bad sigmask");
	CHECK(RAW(SYS_pselect6, 0, NULL, NULL, NULL, &ts, BAD) == -EFAULT, "bad argpack");
	ts.tv_nsec = -1;
	CHECK(RAW(SYS_pselect6, 0, NULL, NULL, NULL, &ts, NULL) == -EINVAL, "bad timespec");
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGUSR1, SIG_DFL);
	close(p[0]);
	close(p[1]);
}

int main(void)
{
	check_sets();
	check_timeouts();
	check_signals();
	return t_done("select");
}
