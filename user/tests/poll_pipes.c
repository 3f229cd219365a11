/* SPDX-License-Identifier: GPL-2.0 */
/*
 * poll and ppoll on pipes and files: POLLIN, POLLOUT, POLLHUP and
 * POLLERR as Linux's pipe_poll gives them, POLLNVAL, negative fds,
 * regular and /proc files always ready, a sleep ended by a writer,
 * exact timeouts, EFAULT and EINVAL, EINTR (even with SA_RESTART), and
 * ppoll's mask: in force for the call and its handler, the old one back
 * after.
 */
#include "t.h"
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <time.h>
#include <sys/resource.h>
#include <sys/wait.h>

#define BAD ((void *)8)

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int poll1(int fd, short events, int timeout)
{
	struct pollfd p = { .fd = fd, .events = events };
	int r = poll(&p, 1, timeout);

	return r < 0 ? -errno : p.revents;
}

static void check_pipe_events(void)
{
	int p[2];
	char buf[4096];

	CHECK(pipe(p) == 0, "pipe");
	CHECK(poll1(p[0], POLLIN, 0) == 0, "empty pipe not readable");
	CHECK(poll1(p[1], POLLOUT, 0) == POLLOUT, "empty pipe writable");
	CHECK(poll1(p[0], POLLOUT, 0) == 0, "read end never writable");
	CHECK(poll1(p[1], POLLIN, 0) == 0, "write end never readable");
	write(p[1], "x", 1);
	CHECK(poll1(p[0], POLLIN | POLLRDNORM, 0) == (POLLIN | POLLRDNORM), "data: POLLIN");
	CHECK(poll1(p[0], POLLPRI, 0) == 0, "no POLLPRI on a pipe");
	read(p[0], buf, 1);
	/* fill it: then not writable */
	fcntl(p[1], F_SETFL, O_NONBLOCK);
	memset(buf, 'a', sizeof(buf));
	while (write(p[1], buf, sizeof(buf)) > 0)
		;
	CHECK(poll1(p[1], POLLOUT, 0) == 0, "full pipe not writable");
	CHECK(poll1(p[0], POLLIN, 0) == POLLIN, "full pipe readable");
	close(p[1]);
	CHECK(poll1(p[0], POLLIN, 0) == (POLLIN | POLLHUP), "data and no writer");
	while (read(p[0], buf, sizeof(buf)) > 0)
		;
	CHECK(poll1(p[0], POLLIN, 0) == POLLHUP, "no writer: POLLHUP even unasked");
	CHECK(poll1(p[0], 0, 0) == POLLHUP, "POLLHUP with events 0");
	close(p[0]);
	CHECK(pipe(p) == 0, "pipe");
	close(p[0]);
	CHECK(poll1(p[1], POLLOUT, 0) == (POLLOUT | POLLERR), "no reader: POLLERR");
	CHECK(poll1(p[1], 0, 0) == POLLERR, "POLLERR with events 0");
	close(p[1]);
	CHECK(poll1(p[1], POLLIN, 0) == POLLNVAL, "closed fd: POLLNVAL");
}

static void check_poll_array(void)
{
	int p[2], f = open("/proc/self/maps", O_RDONLY), r = open("/tests/termios", O_RDONLY);
	struct pollfd fds[5];

	if (r < 0)	/* natively the tests are in the current directory */
		r = open("/proc/self/exe", O_RDONLY);
	pipe(p);
	fds[0] = (struct pollfd){ .fd = p[0], .events = POLLIN, .revents = 0x7777 };
	fds[1] = (struct pollfd){ .fd = -5, .events = POLLIN, .revents = 0x7777 };
	fds[2] = (struct pollfd){ .fd = f, .events = POLLIN | POLLOUT };
	fds[3] = (struct pollfd){ .fd = r, .events = POLLIN };
	fds[4] = (struct pollfd){ .fd = t_closed_fd(200), .events = POLLIN };
	CHECK(poll(fds, 5, 0) == 3, "three with events");
	CHECK(fds[0].revents == 0, "empty pipe: revents %#x", fds[0].revents);
	CHECK(fds[1].revents == 0, "negative fd: revents cleared, %#x", fds[1].revents);
	CHECK(fds[2].revents == (POLLIN | POLLOUT), "/proc file: %#x", fds[2].revents);
	CHECK(fds[3].revents == POLLIN, "regular file: %#x", fds[3].revents);
	CHECK(fds[4].revents == POLLNVAL, "not open: %#x", fds[4].revents);
	CHECK(poll(NULL, 0, 0) == 0, "no fds");
	CHECK(RAW(SYS_poll, BAD, 1, 0) == -EFAULT, "poll(bad)");
	CHECK(RAW(SYS_poll, fds, 1000000, 0) == -EINVAL, "poll above RLIMIT_NOFILE");
	close(p[0]);
	close(p[1]);
	close(f);
	close(r);
}

static void check_wakeup_and_timeouts(void)
{
	int p[2];
	long t0, dt;
	pid_t pid;

	pipe(p);
	t0 = now_ms();
	CHECK(poll1(p[0], POLLIN, 30) == 0, "timeout");
	dt = now_ms() - t0;
	CHECK(dt >= 30 && dt < 1000, "poll 30 ms took %ld ms", dt);
	t0 = now_ms();
	CHECK(poll1(p[0], POLLIN, 3) == 0, "timeout below a tick");
	dt = now_ms() - t0;
	CHECK(dt >= 3 && dt < 1000, "poll 3 ms took %ld ms", dt);
	pid = fork();
	if (pid == 0) {
		usleep(50000);
		write(p[1], "w", 1);
		_exit(0);
	}
	t0 = now_ms();
	CHECK(poll1(p[0], POLLIN, -1) == POLLIN, "woken by the writer");
	dt = now_ms() - t0;
	CHECK(dt >= 40 && dt < 5000, "slept %ld ms", dt);
	waitpid(pid, NULL, 0);
	close(p[1]);
	/* the last writer's exit wakes a poller too */
	close(p[0]);
	pipe(p);
	pid = fork();
	if (pid == 0) {
		usleep(30000);
		_exit(0);
	}
	close(p[1]);	/* the child holds the only write end now */
	CHECK(poll1(p[0], POLLIN, 5000) == POLLHUP, "the writer's exit: POLLHUP");
	waitpid(pid, NULL, 0);
	close(p[0]);
}

static volatile int handled;
static sigset_t mask_in_handler;

static void on_usr1(int sig)
{
	handled++;
	sigprocmask(SIG_SETMASK, NULL, &mask_in_handler);
}

static void check_eintr_and_sigmask(void)
{
	struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = SA_RESTART };
	struct timespec ts = { 5, 0 };
	struct pollfd pfd;
	sigset_t usr1, both, none, now;
	int p[2];
	pid_t pid;

	pipe(p);
	pfd = (struct pollfd){ .fd = p[0], .events = POLLIN };
	sigaction(SIGUSR1, &sa, NULL);
	pid = fork();
	if (pid == 0) {
		usleep(50000);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	handled = 0;
	/* poll is never restarted after a handler, SA_RESTART or not */
	CHECK(RAW(SYS_poll, &pfd, 1, -1) == -EINTR && handled == 1, "poll: EINTR");
	waitpid(pid, NULL, 0);

	sigemptyset(&none);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	both = usr1;
	sigaddset(&both, SIGUSR2);
	sigprocmask(SIG_SETMASK, &both, NULL);
	raise(SIGUSR1);			/* pending, blocked */
	handled = 0;
	CHECK(RAW(SYS_ppoll, &pfd, 1, &ts, &none, 8) == -EINTR, "ppoll: EINTR");
	CHECK(handled == 1, "the handler ran under ppoll's mask");
	CHECK(!sigismember(&mask_in_handler, SIGUSR2), "handler: ppoll's mask in force");
	sigprocmask(SIG_SETMASK, NULL, &now);
	CHECK(sigismember(&now, SIGUSR1) && sigismember(&now, SIGUSR2),
	      "the old mask is back after the handler");
	/* no signal: the mask comes back at once */
	ts.tv_sec = 0;
	ts.tv_nsec = 1000000;
	CHECK(RAW(SYS_ppoll, &pfd, 1, &ts, &none, 8) == 0, "ppoll 1 ms: nothing");
	sigprocmask(SIG_SETMASK, NULL, &now);
	CHECK(sigismember(&now, SIGUSR2), "mask back after a timeout");
	ts.tv_nsec = 20000000;
	CHECK(RAW(SYS_ppoll, &pfd, 1, &ts, &usr1, 8) == 0, "ppoll timeout");
	CHECK(ts.tv_sec == 0 && ts.tv_nsec == 0, "ppoll: no time left written back");
	CHECK(RAW(SYS_ppoll, &pfd, 1, &ts, &none, 7) == -EINVAL, "ppoll(sigsetsize 7)");
	CHECK(RAW(SYS_ppoll, &pfd, 1, &ts, BAD, 8) == -EFAULT, "ppoll(bad mask)");
	CHECK(RAW(SYS_ppoll, &pfd, 1, BAD, NULL, 8) == -EFAULT, "ppoll(bad timeout)");
	ts.tv_nsec = 1000000000;
	CHECK(RAW(SYS_ppoll, &pfd, 1, &ts, NULL, 8) == -EINVAL, "ppoll(bad nsec)");
	ts.tv_sec = -1;
	ts.tv_nsec = 0;
	CHECK(RAW(SYS_ppoll, &pfd, 1, &ts, NULL, 8) == -EINVAL, "ppoll(negative)");
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGUSR1, SIG_DFL);
	close(p[0]);
	close(p[1]);
}

int main(void)
{
	check_pipe_events();
	check_poll_array();
	check_wakeup_and_timeouts();
	check_eintr_and_sigmask();
	return t_done("poll_pipes");
}
