/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Nice values: getpriority/setpriority (PRIO_PROCESS, PRIO_USER) with
 * Linux's clamping, return values (20 - nice from the raw syscall),
 * EINVAL, ESRCH, EPERM for another user's process and EACCES for an
 * unprivileged task lowering its nice; fork inherits it; RLIMIT_NICE
 * is 0; and it matters: of two busy processes on one CPU, the nice 0
 * one gets several times the CPU time of the nice 19 one.
 */
#include "t.h"
#include <sched.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

#define MS	1000000LL

static long prio(int which, int who)
{
	return RAW(SYS_getpriority, which, who);
}

static void test_basics(void)
{
	struct rlimit rl;

	CHECK(prio(PRIO_PROCESS, 0) == 20, "nice 0 is 20: %ld", prio(PRIO_PROCESS, 0));
	CHECK(RAW(SYS_setpriority, PRIO_PROCESS, 0, 5) == 0, "set 5");
	CHECK(prio(PRIO_PROCESS, 0) == 15 && getpriority(PRIO_PROCESS, 0) == 5, "now %ld",
	      prio(PRIO_PROCESS, 0));
	CHECK(prio(PRIO_PROCESS, getpid()) == 15, "by pid");
	CHECK(RAW(SYS_setpriority, PRIO_PROCESS, 0, 100) == 0 && getpriority(PRIO_PROCESS, 0) == 19,
	      "clamped to 19");
	CHECK(RAW(SYS_setpriority, PRIO_PROCESS, 0, -100) == 0 && getpriority(PRIO_PROCESS, 0) == -20,
	      "clamped to -20 (root)");
	CHECK(RAW(SYS_setpriority, PRIO_PROCESS, 0, 0) == 0, "back to 0");
	CHECK(RAW(SYS_setpriority, 3, 0, 0) == -EINVAL && prio(3, 0) == -EINVAL, "which 3");
	CHECK(RAW(SYS_setpriority, -1, 0, 0) == -EINVAL, "which -1");
	CHECK(RAW(SYS_setpriority, PRIO_PROCESS, 99999, 0) == -ESRCH, "no such pid");
	CHECK(prio(PRIO_PROCESS, 99999) == -ESRCH, "no such pid");
	CHECK(prio(PRIO_USER, 0) >= 20, "PRIO_USER of root: %ld", prio(PRIO_USER, 0));
	CHECK(prio(PRIO_USER, 54321) == -ESRCH, "a user with no processes");
	CHECK(getrlimit(RLIMIT_NICE, &rl) == 0 && rl.rlim_cur == 0, "RLIMIT_NICE %lu",
	      (unsigned long)rl.rlim_cur);
}

static void unprivileged(pid_t roots)
{
	CHECK(RAW(SYS_setresuid, 1000, 1000, 1000) == 0, "drop");
	CHECK(prio(PRIO_PROCESS, 0) == 17, "inherited nice 3: %ld", prio(PRIO_PROCESS, 0));
	CHECK(RAW(SYS_setpriority, PRIO_PROCESS, 0, 10) == 0, "raise");
	CHECK(RAW(SYS_setpriority, PRIO_PROCESS, 0, 10) == 0, "the same");
	CHECK(RAW(SYS_setpriority, PRIO_PROCESS, 0, 9) == -EACCES, "lower without CAP_SYS_NICE");
	CHECK(RAW(SYS_setpriority, PRIO_PROCESS, roots, 15) == -EPERM, "another user's");
	CHECK(prio(PRIO_PROCESS, roots) > 0, "reading another user's is allowed");
	CHECK(RAW(SYS_setpriority, PRIO_USER, 0, 12) == 0 && getpriority(PRIO_PROCESS, 0) == 12,
	      "PRIO_USER of one's own uid");
}

/* cpu_ns_of - a child's CPU time so far (its process CPU clock). */
static long long cpu_ns_of(pid_t pid)
{
	clockid_t c;
	struct timespec ts;

	if (clock_getcpuclockid(pid, &c) || clock_gettime(c, &ts))
		return -1;
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static pid_t spinner(int nice_value)
{
	pid_t pid = fork();

	if (pid == 0) {
		cpu_set_t all, one;
		int cpu = 0;

		/* natively: both on the first CPU we may use */
		sched_getaffinity(0, sizeof(all), &all);
		while (cpu < CPU_SETSIZE - 1 && !CPU_ISSET(cpu, &all))
			cpu++;
		CPU_ZERO(&one);
		CPU_SET(cpu, &one);
		sched_setaffinity(0, sizeof(one), &one);
		setpriority(PRIO_PROCESS, 0, nice_value);
		for (;;)
			;
	}
	return pid;
}

static void test_share(void)
{
	pid_t a = spinner(0), b = spinner(19);
	long long ca, cb;
	int st;

	t_sleep_ms(1500);
	ca = cpu_ns_of(a);
	cb = cpu_ns_of(b);
	kill(a, SIGKILL);
	kill(b, SIGKILL);
	waitpid(a, &st, 0);
	waitpid(b, &st, 0);
	CHECK(ca > 0 && cb >= 0 && ca > 3 * cb, "nice 0 used %lld ns, nice 19 %lld ns", ca, cb);
}

int main(void)
{
	pid_t child, roots;
	int st;

	test_basics();
	CHECK(RAW(SYS_setpriority, PRIO_PROCESS, 0, 3) == 0, "set 3");
	roots = fork();
	if (roots == 0) {
		for (;;)
			t_sleep_ms(1000);
	}
	fflush(stdout);
	child = fork();
	if (child == 0) {
		t_failed = 0;
		unprivileged(roots);
		fflush(stdout);
		_exit(t_failed ? 1 : 0);
	}
	CHECK(waitpid(child, &st, 0) == child && st == 0, "unprivileged: status %#x", st);
	kill(roots, SIGKILL);
	waitpid(roots, &st, 0);
	CHECK(RAW(SYS_setpriority, PRIO_PROCESS, 0, 0) == 0, "back to 0");
	test_share();
	return t_done("priority");
}
