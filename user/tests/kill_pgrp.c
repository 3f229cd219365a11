/* SPDX-License-Identifier: GPL-2.0 */
/* kill() to process groups: kill(-pgid), kill(0), kill(-1), and the
 * errors in Linux's order (ESRCH before EINVAL for a missing target). */
#define _GNU_SOURCE
#include "t.h"
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>

static int reap(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* member - a child that waits on @fd until a signal ends it. */
static pid_t member(int fd)
{
	pid_t c = fork();
	char ch;

	if (c == 0) {
		read(fd, &ch, 1);
		_exit(0);
	}
	return c;
}

/* Errors, kill(-pgid) and kill(0), in a child leading its own group. */
static int groups(void)
{
	pid_t me = getpid(), a, b;
	int fds[2];

	CHECK(setpgid(0, 0) == 0, "own group");
	CHECK(pipe(fds) == 0, "pipe");
	a = member(fds[0]);
	b = member(fds[0]);
	CHECK(kill(-me, 0) == 0, "kill(-pgid, 0)");
	CHECK(kill(-99999, 0) == -1 && errno == ESRCH, "no such group: ESRCH");
	CHECK(kill(99999, 1000) == -1 && errno == ESRCH, "no such process, bad signal: ESRCH");
	CHECK(kill(-99999, 1000) == -1 && errno == ESRCH, "no such group, bad signal: ESRCH");
	CHECK(kill(-me, 1000) == -1 && errno == EINVAL, "bad signal: EINVAL");
	CHECK(kill(-me, -1) == -1 && errno == EINVAL, "negative signal: EINVAL");
	CHECK(kill(INT_MIN, 0) == -1 && errno == ESRCH, "INT_MIN: ESRCH");
	/* kill(0): the caller's group, the caller too (it ignores it) */
	signal(SIGTERM, SIG_IGN);
	CHECK(kill(0, SIGTERM) == 0, "kill(0, SIGTERM)");
	CHECK(reap(a) == 128 + SIGTERM && reap(b) == 128 + SIGTERM, "group members got it");
	signal(SIGTERM, SIG_DFL);
	/* kill(-pgid) of a child's own group, not ours */
	a = member(fds[0]);
	CHECK(setpgid(a, a) == 0, "child's group");
	b = member(fds[0]);
	CHECK(setpgid(b, a) == 0, "second child joins it");
	CHECK(kill(-a, SIGUSR1) == 0, "kill(-child's group)");
	CHECK(reap(a) == 128 + SIGUSR1 && reap(b) == 128 + SIGUSR1, "both got SIGUSR1");
	/* a group whose leader is gone is still there */
	a = member(fds[0]);
	CHECK(setpgid(a, a) == 0, "child's group");
	b = member(fds[0]);
	CHECK(setpgid(b, a) == 0, "second child joins it");
	CHECK(kill(a, SIGKILL) == 0 && reap(a) == 128 + SIGKILL, "leader gone");
	CHECK(kill(-a, 0) == 0, "group still there");
	CHECK(kill(-a, SIGTERM) == 0 && reap(b) == 128 + SIGTERM, "member of the leaderless group");
	CHECK(kill(-a, 0) == -1 && errno == ESRCH, "empty group gone");
	/* a zombie takes signals, as on Linux */
	a = fork();
	if (a == 0)
		_exit(3);
	t_sleep_ms(100);
	CHECK(kill(a, SIGTERM) == 0, "kill a zombie");
	CHECK(reap(a) == 3, "zombie's status unchanged");
	return t_failed;
}

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
	got = 1;
}

/* kill(-1): every process but PID 1 and the caller. Run as PID 1 (in
 * mmos, or in a new PID namespace natively, where -1 is only ours). */
static int kill_minus_one(void)
{
	pid_t c[3];
	int fds[2], rfds[2];
	char ch;

	struct sigaction sa = { .sa_handler = on_usr1 };	/* no SA_RESTART */

	sigaction(SIGUSR1, &sa, NULL);
	CHECK(pipe(fds) == 0 && pipe(rfds) == 0, "pipes");
	for (int i = 0; i < 3; i++) {
		c[i] = fork();
		if (c[i] == 0) {
			got = 0;
			write(rfds[1], "r", 1);
			while (!got)
				read(fds[0], &ch, 1);	/* EINTR when it comes */
			_exit(got ? 0 : 1);
		}
		CHECK(read(rfds[0], &ch, 1) == 1, "child %d ready", i);
	}
	if (c[1] > 0)
		setpgid(c[1], c[1]);	/* another group: kill(-1) is not by group */
	CHECK(kill(-1, 0) == 0, "kill(-1, 0)");
	CHECK(kill(-1, 1000) == -1 && errno == EINVAL, "kill(-1, bad): EINVAL");
	got = 0;
	CHECK(kill(-1, SIGUSR1) == 0, "kill(-1, SIGUSR1)");
	for (int i = 0; i < 3; i++)
		CHECK(reap(c[i]) == 0, "child %d got it", i);
	t_sleep_ms(50);
	CHECK(!got, "not the caller");
	return t_failed;
}

static volatile int thread_tid;

static void *thread_fn(void *arg)
{
	thread_tid = gettid();
	while (thread_tid)
		t_sleep_ms(1);
	return NULL;
}

int main(void)
{
	pthread_t th;
	pid_t c;

	/* a thread's number names its process for kill(), as on Linux */
	CHECK(pthread_create(&th, NULL, thread_fn, NULL) == 0, "thread");
	while (!thread_tid)
		t_sleep_ms(1);
	CHECK(kill(thread_tid, 0) == 0, "kill(tid of a thread, 0)");
	thread_tid = 0;
	pthread_join(th, NULL);

	c = fork();

	if (c == 0)
		_exit(groups());
	CHECK(reap(c) == 0, "groups");
	CHECK(kill(0, 0) == 0, "kill(0, 0)");
	CHECK(kill(-1, 0) == 0, "kill(-1, 0)");
	if (getpid() == 1) {
		kill_minus_one();
	} else if (unshare(CLONE_NEWPID) == 0) {
		c = fork();
		if (c == 0)
			_exit(kill_minus_one());
		CHECK(reap(c) == 0, "kill(-1) in a PID namespace");
	} else {
		printf("kill(-1) with a signal: not tried (no PID namespace)\n");
	}
	return t_done("kill_pgrp");
}
