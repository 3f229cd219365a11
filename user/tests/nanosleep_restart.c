/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sleeps interrupted by a signal that runs no handler go on, as
 * Linux's restart blocks make them: a SIGSTOP and SIGCONT in the middle
 * of nanosleep, of a relative clock_nanosleep and of an absolute one do
 * not end them early, and they still end at their first deadline (the
 * stop does not add the time slept before it again). With a handler
 * (even SA_RESTART: POSIX never restarts nanosleep) the sleep returns
 * EINTR with the time left, and so with a SIGCONT handler after a stop.
 * The same for a relative sleep on the process's CPU clock (a second
 * thread spins to make it run), and for poll with a timeout (on a pipe
 * that stays empty: it returns 0 at the end of its first timeout).
 * restart_syscall(2) with nothing to restart is EINTR.
 */
#include "t.h"
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <sys/wait.h>

#define MS	1000000LL

/* now_ns - @clock's reading in ns. */
static long long now_ns(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* wait_asleep - wait until process @pid sleeps (S in /proc/PID/stat). */
static void wait_asleep(pid_t pid)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	for (int i = 0; i < 2000; i++) {
		const char *s = t_read_file(path);
		const char *p = s ? strrchr(s, ')') : NULL;

		if (p && p[1] == ' ' && p[2] == 'S')
			return;
		usleep(2000);
	}
	CHECK(0, "process %d never slept", pid);
}

enum how { NANOSLEEP, CLOCK_REL, CLOCK_ABS, CPU_REL, POLL };

/* sleep_400ms - 400 ms of sleep @how (of the process's CPU time for
 * CPU_REL); the raw result, and in *@left
 * what was written to the time-left argument (-1: nothing). */
static long sleep_400ms(enum how how, long long *left)
{
	struct timespec req = { 0, 400 * MS }, rem = { -1, -1 };
	long r;

	if (how == CLOCK_ABS) {
		clock_gettime(CLOCK_MONOTONIC, &req);
		req.tv_nsec += 400 * MS;
		if (req.tv_nsec >= 1000000000) {
			req.tv_sec++;
			req.tv_nsec -= 1000000000;
		}
		r = RAW(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &req, &rem);
	} else if (how == CLOCK_REL) {
		r = RAW(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &req, &rem);
	} else if (how == POLL) {
		int p[2];
		struct pollfd pfd;

		pipe(p);
		pfd = (struct pollfd){ .fd = p[0], .events = POLLIN };
		r = RAW(SYS_poll, &pfd, 1, 400);
		close(p[0]);
		close(p[1]);
	} else if (how == CPU_REL) {
		r = RAW(SYS_clock_nanosleep, CLOCK_PROCESS_CPUTIME_ID, 0, &req, &rem);
	} else {
		r = RAW(SYS_nanosleep, &req, &rem);
	}
	*left = rem.tv_sec < 0 ? -1 : rem.tv_sec * 1000000000LL + rem.tv_nsec;
	return r;
}

static void on_sig(int sig) { }

/* spin - a thread that makes the process's CPU clock run; it blocks
 * the signals, so that they go to the sleeper. */
static void *spin(void *arg)
{
	sigset_t all;

	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, NULL);
	for (;;)
		__asm__ volatile("" ::: "memory");
	return NULL;
}

/*
 * stopped_sleeper - a child sleeps 400 ms @how (with a handler for
 * @handled, 0 for none) while this process stops and continues it
 * (@sig 0) or sends it @sig after 100 ms; it exits 0 iff its sleep
 * ended as Linux's does.
 */
static void stopped_sleeper(const char *what, enum how how, int sig, int handled)
{
	int status = -1;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		struct sigaction sa = { .sa_handler = on_sig, .sa_flags = SA_RESTART };
		clockid_t clock = how == CPU_REL ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC;
		long long t0 = now_ns(clock), left, took;
		pthread_t spinner;
		long r;

		if (handled)
			sigaction(handled, &sa, NULL);
		if (how == CPU_REL)
			pthread_create(&spinner, NULL, spin, NULL);
		r = sleep_400ms(how, &left);
		took = now_ns(clock) - t0;
		if (!handled) {
			/* went on: 0 at the deadline, not 400 ms after the stop */
			CHECK(r == 0, "%s: %ld", what, r);
			CHECK(took >= 400 * MS && took < 4000 * MS, "%s: took %lld ms",
			      what, took / MS);
		} else {
			CHECK(r == -EINTR, "%s: %ld", what, r);
			CHECK(took < 400 * MS, "%s: took %lld ms", what, took / MS);
			if (how == CLOCK_ABS || how == POLL)
				CHECK(left == -1, "%s: rem left alone", what);
			else
				CHECK(left > 0 && left < 400 * MS, "%s: %lld ms left",
				      what, left / MS);
		}
		fflush(stdout);
		_exit(t_failed ? 1 : 0);
	}
	if (how != CPU_REL)	/* the spinner keeps it running */
		wait_asleep(pid);
	usleep(100000);
	if (sig) {
		kill(pid, sig);
	} else {
		kill(pid, SIGSTOP);
		CHECK(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status),
		      "%s: stopped: %#x", what, status);
		kill(pid, SIGCONT);
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0, "%s: status %#x", what, status);
}

int main(void)
{
	CHECK(RAW(SYS_restart_syscall) == -EINTR, "restart_syscall with nothing: EINTR");

	stopped_sleeper("nanosleep, stop+cont", NANOSLEEP, 0, 0);
	stopped_sleeper("clock_nanosleep, stop+cont", CLOCK_REL, 0, 0);
	stopped_sleeper("clock_nanosleep abs, stop+cont", CLOCK_ABS, 0, 0);

	stopped_sleeper("nanosleep, SA_RESTART handler", NANOSLEEP, SIGUSR1, SIGUSR1);
	stopped_sleeper("clock_nanosleep, SA_RESTART handler", CLOCK_REL, SIGUSR1, SIGUSR1);
	stopped_sleeper("clock_nanosleep abs, SA_RESTART handler", CLOCK_ABS, SIGUSR1, SIGUSR1);
	stopped_sleeper("nanosleep, SIGCONT handler", NANOSLEEP, 0, SIGCONT);
	stopped_sleeper("CPU clock, stop+cont", CPU_REL, 0, 0);
	stopped_sleeper("poll 400 ms, stop+cont", POLL, 0, 0);
	stopped_sleeper("poll 400 ms, SA_RESTART handler", POLL, SIGUSR1, SIGUSR1);
	stopped_sleeper("CPU clock, SA_RESTART handler", CPU_REL, SIGUSR1, SIGUSR1);

	/* a handler ran since: nothing left to restart */
	signal(SIGUSR1, on_sig);
	raise(SIGUSR1);
	CHECK(RAW(SYS_restart_syscall) == -EINTR, "after a handler: EINTR");
	return t_done("nanosleep_restart");
}
