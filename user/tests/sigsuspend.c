/* SPDX-License-Identifier: GPL-2.0 */
/* Waiting for signals: rt_sigsuspend (EINTR after a handler, its mask
 * while the handler runs, the old one after), pause, rt_sigpending,
 * rt_sigtimedwait (siginfo, timeouts, EAGAIN, EINTR) and their errors. */
#include "t.h"
#include <signal.h>
#include <sys/wait.h>

static volatile sig_atomic_t got;
static sigset_t in_handler;	/* the mask while the handler ran */
static siginfo_t last;

static void on_sig(int sig, siginfo_t *si, void *uc)
{
	got = sig;
	last = *si;
	sigprocmask(SIG_BLOCK, NULL, &in_handler);
}

static void handle(int sig)
{
	struct sigaction sa = { .sa_sigaction = on_sig, .sa_flags = SA_SIGINFO };

	sigaction(sig, &sa, NULL);
}

/* later - a child that sends @sig to us after @ms and exits. */
static pid_t later(int sig, int ms)
{
	pid_t parent = getpid(), c = fork();

	if (c == 0) {
		t_sleep_ms(ms);
		kill(parent, sig);
		_exit(0);
	}
	return c;
}

static void reap(pid_t c)
{
	while (waitpid(c, NULL, 0) < 0 && errno == EINTR)
		;
}

static void suspend(void)
{
	sigset_t old, empty, cur;
	pid_t c;

	handle(SIGUSR1);
	sigemptyset(&empty);
	sigemptyset(&old);
	sigaddset(&old, SIGUSR1);
	sigaddset(&old, SIGTERM);
	sigprocmask(SIG_SETMASK, &old, NULL);
	c = later(SIGUSR1, 50);
	got = 0;
	CHECK(sigsuspend(&empty) == -1 && errno == EINTR, "sigsuspend: EINTR");
	CHECK(got == SIGUSR1, "the handler ran");
	CHECK(last.si_code == SI_USER && last.si_pid == c, "kill's siginfo: code %d pid %d",
	      last.si_code, last.si_pid);
	CHECK(sigismember(&in_handler, SIGUSR1) && !sigismember(&in_handler, SIGTERM),
	      "the handler ran with sigsuspend's mask (plus its own signal)");
	sigprocmask(SIG_BLOCK, NULL, &cur);
	CHECK(sigismember(&cur, SIGUSR1) && sigismember(&cur, SIGTERM), "old mask back");
	reap(c);

	/* a signal already pending ends it at once */
	raise(SIGUSR1);
	got = 0;
	CHECK(sigsuspend(&empty) == -1 && errno == EINTR && got == SIGUSR1, "pending: at once");

	CHECK(RAW(SYS_rt_sigsuspend, &empty, 4) == -EINVAL, "bad sigsetsize: EINVAL");
	CHECK(RAW(SYS_rt_sigsuspend, (void *)8, 8) == -EFAULT, "bad pointer: EFAULT");
	sigprocmask(SIG_SETMASK, &empty, NULL);
}

/* A stop and continue while in sigsuspend do not end it: it restarts
 * with its mask, and a later handler ends it. */
static void suspend_across_stop(void)
{
	int fds[2], status;
	pid_t c;
	char ch;

	CHECK(pipe(fds) == 0, "pipe");
	c = fork();
	if (c == 0) {
		sigset_t old, empty;

		handle(SIGUSR1);
		sigemptyset(&empty);
		sigemptyset(&old);
		sigaddset(&old, SIGUSR1);
		sigprocmask(SIG_SETMASK, &old, NULL);
		write(fds[1], "r", 1);
		got = 0;
		int r = sigsuspend(&empty);
		_exit(r == -1 && errno == EINTR && got == SIGUSR1 ? 0 : 1);
	}
	CHECK(read(fds[0], &ch, 1) == 1, "ready");
	t_sleep_ms(50);
	kill(c, SIGSTOP);
	CHECK(waitpid(c, &status, WUNTRACED) == c && WIFSTOPPED(status), "stopped");
	kill(c, SIGCONT);
	t_sleep_ms(50);
	CHECK(waitpid(c, &status, WNOHANG) == 0, "still in sigsuspend after SIGCONT");
	kill(c, SIGUSR1);
	CHECK(waitpid(c, &status, 0) == c && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "then a handler ends it: %#x", status);
	close(fds[0]);
	close(fds[1]);
}

static void pause_and_pending(void)
{
	sigset_t set, pend;
	pid_t c;

	handle(SIGUSR1);
	c = later(SIGUSR1, 50);
	got = 0;
	CHECK(pause() == -1 && errno == EINTR && got == SIGUSR1, "pause: EINTR after the handler");
	reap(c);

	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	syscall(SYS_tgkill, getpid(), gettid(), SIGUSR2);	/* SI_TKILL (libcs differ on raise) */
	CHECK(sigpending(&pend) == 0 && sigismember(&pend, SIGUSR2) && !sigismember(&pend, SIGUSR1),
	      "sigpending");
	CHECK(RAW(SYS_rt_sigpending, &pend, 16) == -EINVAL, "rt_sigpending: size 16: EINVAL");
	CHECK(RAW(SYS_rt_sigpending, &pend, 4) == 0, "size 4 is fine");
	CHECK(RAW(SYS_rt_sigpending, (void *)8, 8) == -EFAULT, "EFAULT");
}

static void timedwait(void)
{
	struct timespec ts = { 0, 0 }, bad = { 0, 2000000000 };
	sigset_t set, chld;
	siginfo_t si;
	long long t0;
	pid_t c;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	/* SIGUSR2 is pending from pause_and_pending (tgkill: SI_TKILL; the
	 * raw syscall, since glibc's sigtimedwait turns that into SI_USER) */
	memset(&si, 0, sizeof(si));
	CHECK(RAW(SYS_rt_sigtimedwait, &set, &si, &ts, 8) == SIGUSR2, "takes the pending one");
	CHECK(si.si_signo == SIGUSR2 && si.si_code == SI_TKILL && si.si_pid == getpid(),
	      "tgkill's siginfo: %d %d %d", si.si_signo, si.si_code, si.si_pid);
	CHECK(sigtimedwait(&set, &si, &ts) == -1 && errno == EAGAIN, "zero timeout: EAGAIN");
	t0 = t_now_ns();
	ts.tv_nsec = 50000000;
	CHECK(sigtimedwait(&set, &si, &ts) == -1 && errno == EAGAIN, "50 ms: EAGAIN");
	CHECK(t_now_ns() - t0 >= 50000000, "waited 50 ms: %lld", t_now_ns() - t0);
	CHECK(sigtimedwait(&set, &si, &bad) == -1 && errno == EINVAL, "bad timespec: EINVAL");
	CHECK(RAW(SYS_rt_sigtimedwait, &set, NULL, NULL, 4) == -EINVAL, "bad sigsetsize");

	c = later(SIGUSR2, 30);
	CHECK(sigwaitinfo(&set, &si) == SIGUSR2 && si.si_pid == c && si.si_code == SI_USER,
	      "sigwaitinfo: from the child");
	reap(c);

	/* another signal, with a handler, ends the wait: EINTR */
	handle(SIGUSR1);
	c = later(SIGUSR1, 30);
	got = 0;
	ts.tv_sec = 5;
	int r = syscall(SYS_rt_sigtimedwait, &set, &si, &ts, 8);	/* musl retries EINTR */
	CHECK(r == -1 && errno == EINTR && got == SIGUSR1, "EINTR: %d %s %d", r, strerror(errno), got);
	reap(c);

	/* SIGCHLD, blocked, with its CLD_* info */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	c = fork();
	if (c == 0)
		_exit(3);
	CHECK(sigwaitinfo(&chld, &si) == SIGCHLD && si.si_code == CLD_EXITED && si.si_pid == c &&
	      si.si_status == 3, "SIGCHLD: code %d pid %d status %d", si.si_code, si.si_pid,
	      si.si_status);
	reap(c);
	sigprocmask(SIG_UNBLOCK, &chld, NULL);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	suspend();
	suspend_across_stop();
	pause_and_pending();
	timedwait();
	return t_done("sigsuspend");
}
