/* SPDX-License-Identifier: GPL-2.0 */
/* alarm and ITIMER_REAL: SIGALRM on time, intervals, the time left,
 * disarming, errors, kept across exec, gone with the process;
 * ITIMER_VIRTUAL and ITIMER_PROF count CPU time only. */
#include "t.h"
#include <signal.h>
#include <sys/time.h>
#include <sys/wait.h>

static volatile sig_atomic_t alarms;
static siginfo_t last;

static void on_alrm(int sig, siginfo_t *si, void *uc)
{
	alarms++;
	last = *si;
}

static volatile sig_atomic_t vt, prof;

static void on_vt(int sig)
{
	if (sig == SIGVTALRM)
		vt++;
	else
		prof++;
}

static long long tv_ns(struct timeval tv)
{
	return tv.tv_sec * 1000000000LL + tv.tv_usec * 1000LL;
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_sigaction = on_alrm, .sa_flags = SA_SIGINFO | SA_RESTART };
	struct itimerval it = { { 0, 0 }, { 0, 100000 } }, old;
	long long t0, dt;
	int status;
	pid_t c;

	if (argc > 1) {		/* after exec: the alarm set before is still there */
		getitimer(ITIMER_REAL, &old);
		return tv_ns(old.it_value) > 0 && tv_ns(old.it_value) <= 5000000000LL ? 0 : 1;
	}
	setvbuf(stdout, NULL, _IONBF, 0);
	sigaction(SIGALRM, &sa, NULL);
	CHECK(getitimer(ITIMER_REAL, &old) == 0 && !old.it_value.tv_sec && !old.it_value.tv_usec,
	      "none at first");

	/* one shot of 100 ms */
	t0 = t_now_ns();
	CHECK(setitimer(ITIMER_REAL, &it, &old) == 0 && tv_ns(old.it_value) == 0, "set 100 ms");
	CHECK(getitimer(ITIMER_REAL, &old) == 0 && tv_ns(old.it_value) > 0 &&
	      tv_ns(old.it_value) <= 100000000, "time left: %lld", tv_ns(old.it_value));
	while (!alarms)
		pause();
	dt = t_now_ns() - t0;
	CHECK(dt >= 100000000 && dt < 400000000, "SIGALRM after 100 ms: %lld ns", dt);
	CHECK(last.si_code == SI_KERNEL, "si_code SI_KERNEL: %d", last.si_code);
	CHECK(getitimer(ITIMER_REAL, &old) == 0 && tv_ns(old.it_value) == 0, "expired: disarmed");

	/* an interval timer: several signals, then disarm it */
	alarms = 0;
	it.it_interval.tv_usec = 20000;
	it.it_value.tv_usec = 20000;
	CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0, "20 ms interval");
	while (alarms < 5)
		pause();
	CHECK(getitimer(ITIMER_REAL, &old) == 0 && tv_ns(old.it_interval) == 20000000 &&
	      tv_ns(old.it_value) > 0, "interval reads back");
	memset(&it, 0, sizeof(it));
	CHECK(setitimer(ITIMER_REAL, &it, &old) == 0 && tv_ns(old.it_interval) == 20000000,
	      "disarm returns the old one");
	alarms = 0;
	t_sleep_ms(100);
	CHECK(alarms == 0, "no more after disarming: %d", (int)alarms);

	/* errors */
	it.it_value.tv_usec = 1000000;
	CHECK(setitimer(ITIMER_REAL, &it, NULL) == -1 && errno == EINVAL, "tv_usec 1e6: EINVAL");
	it.it_value.tv_usec = -1;
	CHECK(setitimer(ITIMER_REAL, &it, NULL) == -1 && errno == EINVAL, "tv_usec -1: EINVAL");
	it.it_value.tv_usec = 0;
	CHECK(setitimer(5, &it, NULL) == -1 && errno == EINVAL, "which 5: EINVAL");
	CHECK(setitimer(-1, &it, NULL) == -1 && errno == EINVAL, "which -1: EINVAL");
	CHECK(getitimer(5, &old) == -1 && errno == EINVAL, "getitimer 5: EINVAL");
	CHECK(RAW(SYS_setitimer, ITIMER_REAL, (void *)8, NULL) == -EFAULT, "EFAULT");
	CHECK(RAW(SYS_getitimer, ITIMER_REAL, (void *)8) == -EFAULT, "getitimer EFAULT");

	/* alarm: seconds left, rounded; 0 cancels */
	CHECK(alarm(10) == 0, "alarm(10)");
	CHECK(alarm(20) == 10, "alarm(20) returns 10");
	CHECK(alarm(0) == 20, "alarm(0) cancels, returns 20");
	CHECK(alarm(0) == 0, "nothing left");
	it.it_value.tv_usec = 300000;
	setitimer(ITIMER_REAL, &it, NULL);
	CHECK(alarm(0) == 1, "300 ms left is 1 s for alarm");

	/* kept across exec; a child does not inherit it */
	c = fork();
	if (c == 0) {
		CHECK(getitimer(ITIMER_REAL, &old) == 0 && tv_ns(old.it_value) == 0, "fork: none");
		alarm(5);
		execl(argv[0], argv[0], "exec", NULL);
		_exit(2);
	}
	CHECK(waitpid(c, &status, 0) == c && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "exec keeps the alarm: %#x", status);

	/* default action: SIGALRM ends the process */
	c = fork();
	if (c == 0) {
		signal(SIGALRM, SIG_DFL);
		it.it_value.tv_usec = 50000;
		setitimer(ITIMER_REAL, &it, NULL);
		for (;;)
			pause();
	}
	CHECK(waitpid(c, &status, 0) == c && WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM,
	      "killed by SIGALRM: %#x", status);

	/* CPU time: a sleeper's ITIMER_VIRTUAL and ITIMER_PROF stand still,
	 * a spinner's run out */
	signal(SIGVTALRM, on_vt);
	signal(SIGPROF, on_vt);
	memset(&it, 0, sizeof(it));
	it.it_value.tv_usec = 50000;
	CHECK(setitimer(ITIMER_VIRTUAL, &it, NULL) == 0, "ITIMER_VIRTUAL 50 ms");
	CHECK(setitimer(ITIMER_PROF, &it, NULL) == 0, "ITIMER_PROF 50 ms");
	t_sleep_ms(200);
	CHECK(!vt && !prof, "not while asleep");
	CHECK(getitimer(ITIMER_VIRTUAL, &old) == 0 && tv_ns(old.it_value) > 20000000,
	      "virtual time barely used asleep: %lld", tv_ns(old.it_value));
	t0 = t_now_ns();
	while ((!vt || !prof) && t_now_ns() - t0 < 5000000000LL)
		;
	CHECK(vt == 1 && prof == 1, "a spinner gets both: %d %d", (int)vt, (int)prof);
	CHECK(t_now_ns() - t0 >= 20000000, "after some CPU time: %lld", t_now_ns() - t0);
	CHECK(getitimer(ITIMER_PROF, &old) == 0 && tv_ns(old.it_value) == 0, "spent");
	it.it_interval.tv_usec = 20000;
	CHECK(setitimer(ITIMER_PROF, &it, NULL) == 0 && getitimer(ITIMER_PROF, &old) == 0 &&
	      tv_ns(old.it_interval) == 20000000, "interval reads back");
	memset(&it, 0, sizeof(it));
	CHECK(setitimer(ITIMER_PROF, &it, &old) == 0 && tv_ns(old.it_interval) == 20000000,
	      "disarm");

	/* a process that exits with its timer armed leaves nothing behind */
	c = fork();
	if (c == 0) {
		it.it_value.tv_sec = 1;
		it.it_interval.tv_usec = 10000;
		setitimer(ITIMER_REAL, &it, NULL);
		_exit(0);
	}
	CHECK(waitpid(c, &status, 0) == c && WIFEXITED(status), "exit with a timer armed");
	t_sleep_ms(50);
	return t_done("itimer");
}
