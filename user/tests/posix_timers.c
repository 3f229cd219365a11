/* SPDX-License-Identifier: GPL-2.0 */
/* POSIX timers, through the raw syscalls (timer_t is an int to the
 * kernel): SIGEV_SIGNAL with SI_TIMER, si_timerid, si_value, overruns;
 * SIGEV_NONE; SIGEV_THREAD_ID; TIMER_ABSTIME; timer_gettime; errors;
 * gone at exec, absent in a fork child. */
#include "t.h"
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>

struct ksigevent {
	long value;
	int signo, notify, tid, pad[11];
};

static int tcreate(int clock, struct ksigevent *ev, int *id)
{
	return RAW(SYS_timer_create, clock, ev, id);
}

static int tset(int id, int flags, long long value_ns, long long interval_ns,
		struct itimerspec *old)
{
	struct itimerspec it = {
		{ interval_ns / 1000000000, interval_ns % 1000000000 },
		{ value_ns / 1000000000, value_ns % 1000000000 },
	};

	return RAW(SYS_timer_settime, id, flags, &it, old);
}

static long long ts_ns(struct timespec ts)
{
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static long long left(int id)
{
	struct itimerspec cur;

	if (RAW(SYS_timer_gettime, id, &cur))
		return -1;
	return ts_ns(cur.it_value);
}

static volatile sig_atomic_t fired;
static siginfo_t last;

static void on_sig(int sig, siginfo_t *si, void *uc)
{
	fired++;
	last = *si;
}

static int tid_target;	/* the thread SIGEV_THREAD_ID aims at */
static int thread_got;

static void *thread_fn(void *arg)
{
	struct timespec ts = { 2, 0 };
	sigset_t set;
	siginfo_t si;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	tid_target = gettid();
	thread_got = sigtimedwait(&set, &si, &ts) == SIGUSR2 && si.si_code == SI_TIMER;
	return NULL;
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_sigaction = on_sig, .sa_flags = SA_SIGINFO | SA_RESTART };
	struct ksigevent ev = { .value = 0x1234, .signo = SIGUSR1, .notify = SIGEV_SIGNAL };
	struct itimerspec old;
	struct timespec now;
	sigset_t set;
	pthread_t th;
	int id, id2, none, status;
	long long t0, dt;
	pid_t c;

	if (argc > 1)	/* after exec: the timer is gone */
		return left(atoi(argv[1])) == -1 && errno == EINVAL ? 0 : 1;
	setvbuf(stdout, NULL, _IONBF, 0);
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGALRM, &sa, NULL);

	/* errors */
	CHECK(tcreate(99, &ev, &id) == -EINVAL, "bad clock: EINVAL");
	CHECK(tcreate(CLOCK_MONOTONIC, (void *)8, &id) == -EFAULT, "bad sigevent: EFAULT");
	ev.signo = 0;
	CHECK(tcreate(CLOCK_MONOTONIC, &ev, &id) == -EINVAL, "signal 0: EINVAL");
	ev.signo = 65;
	CHECK(tcreate(CLOCK_MONOTONIC, &ev, &id) == -EINVAL, "signal 65: EINVAL");
	ev.signo = SIGUSR1;
	ev.notify = 7;
	CHECK(tcreate(CLOCK_MONOTONIC, &ev, &id) == -EINVAL, "bad notify: EINVAL");
	ev.notify = SIGEV_THREAD_ID;
	ev.tid = 99999;
	CHECK(tcreate(CLOCK_MONOTONIC, &ev, &id) == -EINVAL, "thread not ours: EINVAL");
	CHECK(RAW(SYS_timer_gettime, 12345, &old) == -EINVAL, "no such timer: EINVAL");
	CHECK(RAW(SYS_timer_settime, 12345, 0, &old, NULL) == -EINVAL, "settime: EINVAL");
	CHECK(RAW(SYS_timer_getoverrun, 12345) == -EINVAL, "getoverrun: EINVAL");
	CHECK(RAW(SYS_timer_delete, 12345) == -EINVAL, "delete: EINVAL");

	/* a one-shot on CLOCK_MONOTONIC: SI_TIMER, the id, the value */
	ev.notify = SIGEV_SIGNAL;
	CHECK(tcreate(CLOCK_MONOTONIC, &ev, &id) == 0, "create");
	CHECK(left(id) == 0, "not armed yet");
	CHECK(RAW(SYS_timer_settime, id, 0, NULL, NULL) == -EINVAL, "NULL setting: EINVAL");
	{
		struct itimerspec bad = { { 0, 0 }, { 0, 1000000000 } };

		CHECK(RAW(SYS_timer_settime, id, 0, &bad, NULL) == -EINVAL, "bad nsec: EINVAL");
	}
	t0 = t_now_ns();
	CHECK(tset(id, 0, 50000000, 0, &old) == 0 && ts_ns(old.it_value) == 0, "arm 50 ms");
	CHECK(left(id) > 0 && left(id) <= 50000000, "time left");
	while (!fired)
		pause();
	dt = t_now_ns() - t0;
	CHECK(dt >= 50000000 && dt < 300000000, "after 50 ms: %lld", dt);
	CHECK(last.si_code == SI_TIMER && last.si_timerid == id && last.si_value.sival_ptr ==
	      (void *)0x1234 && last.si_overrun == 0, "siginfo: code %d id %d value %p overrun %d",
	      last.si_code, last.si_timerid, last.si_value.sival_ptr, last.si_overrun);
	CHECK(left(id) == 0, "spent");

	/* periodic, blocked for a while: one signal with the overruns */
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	fired = 0;
	CHECK(tset(id, 0, 10000000, 10000000, NULL) == 0, "10 ms period");
	t_sleep_ms(120);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	CHECK(fired == 1 && last.si_overrun >= 5, "one signal, overruns %d", last.si_overrun);
	CHECK(RAW(SYS_timer_getoverrun, id) == last.si_overrun, "timer_getoverrun: %ld",
	      RAW(SYS_timer_getoverrun, id));
	CHECK(tset(id, 0, 0, 0, &old) == 0 && ts_ns(old.it_interval) == 10000000, "disarm: old interval");
	t_sleep_ms(30);
	fired = 0;
	t_sleep_ms(50);
	CHECK(fired == 0, "disarmed");

	/* TIMER_ABSTIME on CLOCK_REALTIME, and one in the past fires at once */
	clock_gettime(CLOCK_REALTIME, &now);
	CHECK(tcreate(CLOCK_REALTIME, NULL, &id2) == 0, "create, NULL sigevent: SIGALRM");
	fired = 0;
	t0 = t_now_ns();
	CHECK(tset(id2, TIMER_ABSTIME, ts_ns(now) + 60000000, 0, NULL) == 0, "absolute");
	while (!fired)
		pause();
	dt = t_now_ns() - t0;
	CHECK(last.si_signo == SIGALRM && last.si_timerid == id2 && last.si_value.sival_int == id2,
	      "NULL sigevent: SIGALRM, value = id");
	CHECK(dt >= 40000000 && dt < 400000000, "absolute time: %lld", dt);
	fired = 0;
	CHECK(tset(id2, TIMER_ABSTIME, 1000000000, 0, NULL) == 0, "in the past");
	t_sleep_ms(50);
	CHECK(fired == 1, "fires at once");
	CHECK(RAW(SYS_timer_delete, id2) == 0 && RAW(SYS_timer_delete, id2) == -EINVAL, "delete twice");

	/* SIGEV_NONE: no signal, gettime counts down */
	ev.notify = SIGEV_NONE;
	CHECK(tcreate(CLOCK_MONOTONIC, &ev, &none) == 0, "SIGEV_NONE");
	fired = 0;
	CHECK(tset(none, 0, 40000000, 0, NULL) == 0, "arm");
	CHECK(left(none) > 0, "counts down");
	t_sleep_ms(80);
	CHECK(fired == 0 && left(none) == 0, "no signal, spent");

	/* SIGEV_THREAD_ID: to that thread, not the process */
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	CHECK(pthread_create(&th, NULL, thread_fn, NULL) == 0, "thread");
	while (!tid_target)
		t_sleep_ms(1);
	ev.notify = SIGEV_THREAD_ID;
	ev.signo = SIGUSR2;
	ev.tid = tid_target;
	CHECK(tcreate(CLOCK_MONOTONIC, &ev, &id2) == 0, "SIGEV_THREAD_ID");
	CHECK(tset(id2, 0, 20000000, 0, NULL) == 0, "arm");
	pthread_join(th, NULL);
	CHECK(thread_got, "the thread got it");
	CHECK(sigpending(&set) == 0 && !sigismember(&set, SIGUSR2), "not the main thread");

	/* a fork child has none; exec drops them */
	c = fork();
	if (c == 0)
		_exit(left(id) == -1 ? 0 : 1);
	CHECK(waitpid(c, &status, 0) == c && WIFEXITED(status) && !WEXITSTATUS(status), "fork: none");
	c = fork();
	if (c == 0) {
		char buf[16];

		if (tcreate(CLOCK_MONOTONIC, NULL, &id) || tset(id, 0, 1000000000, 1000000, NULL))
			_exit(3);
		snprintf(buf, sizeof(buf), "%d", id);
		execl(argv[0], argv[0], buf, NULL);
		_exit(2);
	}
	CHECK(waitpid(c, &status, 0) == c && WIFEXITED(status) && !WEXITSTATUS(status),
	      "exec: gone (%#x)", status);
	/* exit with timers armed: nothing left behind */
	c = fork();
	if (c == 0) {
		ev.notify = SIGEV_SIGNAL;
		ev.signo = SIGUSR1;
		for (int i = 0; i < 8; i++)
			if (!tcreate(CLOCK_MONOTONIC, &ev, &id))
				tset(id, 0, 1000000, 1000000, NULL);
		t_sleep_ms(20);
		_exit(0);
	}
	CHECK(waitpid(c, &status, 0) == c, "exit with timers");
	CHECK(RAW(SYS_timer_delete, none) == 0, "delete");
	return t_done("posix_timers");
}
