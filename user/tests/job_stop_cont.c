/* SPDX-License-Identifier: GPL-2.0 */
/* Job control: stop signals stop the whole process, SIGCONT resumes it,
 * the parent learns both through wait (WUNTRACED, WCONTINUED) and
 * SIGCHLD (unless SA_NOCLDSTOP); what a stopped process does with other
 * signals; orphaned process groups. */
#include "t.h"
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>

static int reap(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* worker - a child in a process group of its own, below a parent in
 * another group of the same session: not orphaned, so SIGTSTP stops it.
 * It waits on @fd (or runs @fn). */
static pid_t worker(int fd, void (*fn)(void))
{
	pid_t c = fork();
	char ch;

	if (c == 0) {
		setpgid(0, 0);
		if (fn)
			fn();
		for (;;)
			if (read(fd, &ch, 1) == 0)
				_exit(0);
	}
	setpgid(c, c);
	return c;
}

static volatile sig_atomic_t nchld;
static volatile int chld_code[8], chld_status[8];

static void on_chld(int sig, siginfo_t *si, void *uc)
{
	if (nchld < 8) {
		chld_code[nchld] = si->si_code;
		chld_status[nchld] = si->si_status;
	}
	nchld++;
}

static volatile sig_atomic_t conts;

static void on_cont(int sig)
{
	conts++;
}

/* wait_stopped - wait for @c to report a stop by @sig. */
static int wait_stopped(pid_t c, int sig)
{
	int status = 0;
	pid_t r = waitpid(c, &status, WUNTRACED);

	if (r != c || !WIFSTOPPED(status) || WSTOPSIG(status) != sig ||
	    status != ((sig << 8) | 0x7f)) {
		printf("wait_stopped %d: %d status %#x\n", sig, r, status);
		return 0;
	}
	return 1;
}

static int ticks[2];	/* the thread writes here while it runs */

static void *ticker(void *arg)
{
	for (;;) {
		write(ticks[1], "t", 1);
		t_sleep_ms(5);
	}
	return NULL;
}

static void start_ticker(void)
{
	pthread_t th;

	pthread_create(&th, NULL, ticker, NULL);
}

/* drain - how many bytes the nonblocking @fd has now. */
static int drain(int fd)
{
	char buf[256];
	int n = 0, k;

	while ((k = read(fd, buf, sizeof(buf))) > 0)
		n += k;
	return n;
}

static void stop_and_continue(void)
{
	struct sigaction sa = { .sa_sigaction = on_chld, .sa_flags = SA_RESTART | SA_SIGINFO };
	int fds[2], status;
	pid_t w;

	CHECK(pipe(fds) == 0, "pipe");
	sigaction(SIGCHLD, &sa, NULL);
	w = worker(fds[0], NULL);

	CHECK(kill(w, SIGSTOP) == 0, "SIGSTOP");
	CHECK(wait_stopped(w, SIGSTOP), "WUNTRACED sees SIGSTOP");
	CHECK(waitpid(w, &status, WUNTRACED | WNOHANG) == 0, "reported once");
	CHECK(nchld == 1, "SIGCHLD for the stop: %d", nchld);
	CHECK(chld_code[0] == CLD_STOPPED && chld_status[0] == SIGSTOP, "CLD_STOPPED: %d %d",
	      chld_code[0], chld_status[0]);
	CHECK(kill(w, SIGSTOP) == 0, "SIGSTOP again");
	t_sleep_ms(50);
	CHECK(waitpid(w, &status, WUNTRACED | WNOHANG) == 0, "an already stopped group reports nothing new");
	CHECK(kill(w, SIGCONT) == 0, "SIGCONT");
	CHECK(waitpid(w, &status, WCONTINUED) == w && WIFCONTINUED(status) && status == 0xffff,
	      "WCONTINUED: %#x", status);
	CHECK(waitpid(w, &status, WCONTINUED | WNOHANG) == 0, "continued reported once");
	t_sleep_ms(50);
	CHECK(nchld == 2, "SIGCHLD for the continue: %d", nchld);
	CHECK(chld_code[1] == CLD_CONTINUED && chld_status[1] == SIGCONT, "CLD_CONTINUED: %d %d",
	      chld_code[1], chld_status[1]);

	CHECK(kill(w, SIGTSTP) == 0, "SIGTSTP");
	CHECK(wait_stopped(w, SIGTSTP), "SIGTSTP stops a group that is not orphaned");
	/* a stopped process keeps a fatal signal pending until it runs */
	CHECK(kill(w, SIGTERM) == 0, "SIGTERM while stopped");
	t_sleep_ms(50);
	CHECK(waitpid(w, &status, WNOHANG) == 0, "still there while stopped");
	CHECK(kill(w, SIGCONT) == 0, "SIGCONT");
	status = reap(w);
	CHECK(status == 128 + SIGTERM, "SIGTERM once continued: %d", status);

	/* SIGKILL ends a stopped process */
	w = worker(fds[0], NULL);
	CHECK(kill(w, SIGTTIN) == 0, "SIGTTIN");
	CHECK(wait_stopped(w, SIGTTIN), "SIGTTIN stops");
	CHECK(kill(w, SIGKILL) == 0 && reap(w) == 128 + SIGKILL, "SIGKILL while stopped");

	/* a stop discards a pending SIGCONT, SIGCONT a pending stop */
	w = worker(fds[0], NULL);
	CHECK(kill(w, SIGTTOU) == 0 && wait_stopped(w, SIGTTOU), "SIGTTOU stops");
	CHECK(kill(w, SIGCONT) == 0, "SIGCONT");
	CHECK(waitpid(w, &status, WCONTINUED) == w && WIFCONTINUED(status), "continued");

	/* SA_NOCLDSTOP: no SIGCHLD for stops and continues, wait still sees them */
	sa.sa_flags = SA_NOCLDSTOP | SA_RESTART | SA_SIGINFO;
	sigaction(SIGCHLD, &sa, NULL);
	nchld = 0;
	CHECK(kill(w, SIGSTOP) == 0 && wait_stopped(w, SIGSTOP), "stop with SA_NOCLDSTOP");
	CHECK(kill(w, SIGCONT) == 0, "SIGCONT");
	CHECK(waitpid(w, &status, WCONTINUED) == w && WIFCONTINUED(status), "continued");
	t_sleep_ms(50);
	CHECK(nchld == 0, "no SIGCHLD with SA_NOCLDSTOP: %d", nchld);
	CHECK(kill(w, SIGKILL) == 0 && reap(w) == 128 + SIGKILL, "killed");
	CHECK(nchld == 1, "SIGCHLD for the death: %d", nchld);
	CHECK(chld_code[0] == CLD_KILLED && chld_status[0] == SIGKILL, "CLD_KILLED: %d %d",
	      chld_code[0], chld_status[0]);

	/* a SIGCONT handler runs once the process goes on */
	CHECK(pipe(ticks) == 0, "pipe");
	w = fork();
	if (w == 0) {
		signal(SIGCONT, on_cont);
		setpgid(0, 0);
		close(ticks[0]);
		raise(SIGSTOP);
		write(ticks[1], conts ? "c" : "n", 1);
		_exit(0);
	}
	setpgid(w, w);
	CHECK(wait_stopped(w, SIGSTOP), "stopped itself");
	CHECK(kill(w, SIGCONT) == 0, "SIGCONT");
	{
		char ch = 0;

		close(ticks[1]);
		CHECK(read(ticks[0], &ch, 1) == 1 && ch == 'c', "the SIGCONT handler ran: %c", ch);
		close(ticks[0]);
	}
	CHECK(reap(w) == 0, "exited");

	/* the whole thread group stops */
	CHECK(pipe(ticks) == 0, "pipe");
	w = worker(fds[0], start_ticker);
	fcntl(ticks[0], F_SETFL, O_NONBLOCK);
	t_sleep_ms(50);
	CHECK(drain(ticks[0]) > 0, "the thread runs");
	CHECK(kill(w, SIGSTOP) == 0 && wait_stopped(w, SIGSTOP), "threaded stop");
	drain(ticks[0]);
	t_sleep_ms(100);
	CHECK(drain(ticks[0]) == 0, "the other thread stopped too");
	CHECK(kill(w, SIGCONT) == 0, "SIGCONT");
	t_sleep_ms(100);
	CHECK(drain(ticks[0]) > 0, "the thread runs again");
	CHECK(kill(w, SIGKILL) == 0 && reap(w) == 128 + SIGKILL, "killed");
	close(ticks[0]);
	close(ticks[1]);

	close(fds[0]);
	close(fds[1]);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGCHLD, &sa, NULL);
}

static int hup[2];

static void on_hup(int sig)
{
	write(hup[1], "H", 1);
}

/* orphans - stop signals to an orphaned group; SIGHUP+SIGCONT to a
 * group orphaned while a member is stopped. The caller leads a session
 * whose own group is orphaned (its parent is in another session). */
static void orphans(void)
{
	struct sigaction sa = { .sa_handler = on_hup };
	int fds[2], status;
	pid_t c, x;
	char ch;

	CHECK(pipe(fds) == 0, "pipe");
	c = fork();
	if (c == 0) {
		close(fds[1]);
		read(fds[0], &ch, 1);
		_exit(7);
	}
	CHECK(kill(c, SIGTSTP) == 0, "SIGTSTP to an orphaned group");
	t_sleep_ms(100);
	CHECK(waitpid(c, &status, WUNTRACED | WNOHANG) == 0, "discarded: it runs");
	CHECK(kill(c, SIGSTOP) == 0 && wait_stopped(c, SIGSTOP), "SIGSTOP still stops it");
	CHECK(kill(c, SIGCONT) == 0, "SIGCONT");
	close(fds[1]);
	CHECK(reap(c) == 7, "it ran on");
	close(fds[0]);

	/* x's child is in its own group, linked to job control through x; when
	 * x exits with it stopped, that group is orphaned: SIGHUP, SIGCONT */
	CHECK(pipe(hup) == 0, "pipe");
	x = fork();
	if (x == 0) {
		pid_t w = fork();

		if (w == 0) {
			sigaction(SIGHUP, &sa, NULL);
			setpgid(0, 0);
			raise(SIGSTOP);
			_exit(0);	/* continued, after the SIGHUP handler */
		}
		setpgid(w, w);
		_exit(wait_stopped(w, SIGSTOP) ? 0 : 1);
	}
	CHECK(reap(x) == 0, "middle process saw its child stop");
	CHECK(read(hup[0], &ch, 1) == 1 && ch == 'H', "SIGHUP to the orphaned group");
	close(hup[0]);
	close(hup[1]);
}

int main(void)
{
	pid_t m;
	int status;

	setvbuf(stdout, NULL, _IONBF, 0);
	CHECK(t_become_reaper(), "reaper");
	m = fork();
	if (m == 0) {
		CHECK(setsid() == getpid(), "session");
		stop_and_continue();
		orphans();
		_exit(t_failed);
	}
	CHECK(reap(m) == 0, "checks in a session");
	while (waitpid(-1, &status, 0) > 0)	/* orphans that came to us */
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "orphan: %#x", status);
	return t_done("job_stop_cont");
}
