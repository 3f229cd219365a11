/* SPDX-License-Identifier: GPL-2.0 */
/*
 * /ttytest: PID 1 for tests/tty-harness.py, which types at it through
 * the serial port like a person and reads the echo back. A tiny shell:
 * each line it reads (canonical mode, fd 0) is shown back exactly as
 * read(2) returned it (got "..."), or runs one of these commands:
 *   cat    a child copies fd 0 until EOF (^D), showing each read
 *   sleep  a child spins until a signal (^C) ends it or ^Z stops it
 *   fg     the stopped child is continued in the foreground
 *   raw    cfmakeraw, one read of VMIN 3 bytes shown in hex, restored
 *   poll   poll(2) on fd 0 for 200 ms with nothing typed, then a line
 *   exit   reboot
 *
 * It is a job-control shell, as far as the harness needs one: PID 1
 * runs it in a child (a job of PID 1's would be in an orphaned group,
 * where ^Z is discarded) that leads a session with the console as its
 * controlling terminal (setsid, TIOCSCTTY); each command's child runs
 * in a process group of its own, made the terminal's foreground group
 * (tcsetpgrp) while the shell waits, so ^C and ^Z reach the child and
 * not the shell, whose SIGINT handler would say so.
 */
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/reboot.h>
#include <sys/wait.h>

static void say(const char *s)
{
	write(1, s, strlen(s));
}

/* show - what read returned, C-escaped, after @tag. */
static void show(const char *tag, const char *buf, long n)
{
	char out[1024];
	int o = snprintf(out, sizeof(out), "%s \"", tag);

	for (long i = 0; i < n && o < (int)sizeof(out) - 8; i++) {
		unsigned char c = buf[i];

		if (c == '\n')
			o += snprintf(out + o, sizeof(out) - o, "\\n");
		else if (c < 32 || c >= 127)
			o += snprintf(out + o, sizeof(out) - o, "\\x%02x", c);
		else
			out[o++] = c;
	}
	o += snprintf(out + o, sizeof(out) - o, "\"\n");
	write(1, out, o);
}

static pid_t stopped_job;	/* a job ^Z stopped, for fg */

/* wait_job - wait for the foreground job @pid to end or stop, then take
 * the terminal back (SIGTTOU is ignored: the shell is behind now). */
static void wait_job(const char *what, pid_t pid)
{
	char msg[128];
	int status;

	waitpid(pid, &status, WUNTRACED);
	tcsetpgrp(0, getpgrp());
	if (WIFSTOPPED(status)) {
		stopped_job = pid;
		snprintf(msg, sizeof(msg), "%s stopped by signal %d\n", what, WSTOPSIG(status));
	} else if (WIFSIGNALED(status)) {
		snprintf(msg, sizeof(msg), "%s killed by signal %d\n", what, WTERMSIG(status));
	} else {
		snprintf(msg, sizeof(msg), "%s exit %d\n", what, WEXITSTATUS(status));
	}
	say(msg);
}

/* run_job - @fn in a child in a new process group, the terminal's
 * foreground group until it ends or stops. The child starts once it is
 * in front, so that what the harness types after its first words is
 * its. */
static void run_job(const char *what, void (*fn)(void))
{
	pid_t pid = fork();

	if (pid == 0) {
		setpgid(0, 0);
		signal(SIGINT, SIG_DFL);
		signal(SIGTSTP, SIG_DFL);
		signal(SIGTTOU, SIG_DFL);
		while (tcgetpgrp(0) != getpid())
			usleep(1000);
		fn();
		_exit(0);
	}
	setpgid(pid, pid);
	tcsetpgrp(0, pid);
	wait_job(what, pid);
}

static void cat_job(void)
{
	char buf[256];
	long n;

	while ((n = read(0, buf, sizeof(buf))) > 0)
		show("cat:", buf, n);
	_exit(n < 0 ? 1 : 0);
}

static void sleep_job(void)
{
	say("sleeping\n");
	for (;;)
		;
}

/* do_fg - the stopped job goes to the front and is continued. */
static void do_fg(void)
{
	pid_t pid = stopped_job;

	if (!pid) {
		say("fg: no job\n");
		return;
	}
	stopped_job = 0;
	tcsetpgrp(0, pid);
	kill(-pid, SIGCONT);
	say("continued\n");
	wait_job("sleep", pid);
}

static void do_raw(void)
{
	struct termios old, raw;
	char buf[16], msg[64];
	long n;

	tcgetattr(0, &old);
	raw = old;
	cfmakeraw(&raw);
	raw.c_cc[VMIN] = 3;
	raw.c_cc[VTIME] = 0;
	tcsetattr(0, TCSANOW, &raw);
	say("raw ready\r\n");	/* OPOST is off: the \r is ours */
	n = read(0, buf, sizeof(buf));
	tcsetattr(0, TCSANOW, &old);
	snprintf(msg, sizeof(msg), "raw: %ld bytes:", n);
	say(msg);
	for (long i = 0; i < n; i++) {
		snprintf(msg, sizeof(msg), " %02x", (unsigned char)buf[i]);
		say(msg);
	}
	say("\n");
}

static void do_poll(void)
{
	struct pollfd p = { .fd = 0, .events = POLLIN };
	char msg[64];
	int r = poll(&p, 1, 200);

	snprintf(msg, sizeof(msg), "poll idle: %d\npoll wait\n", r);
	say(msg);
	r = poll(&p, 1, 10000);
	snprintf(msg, sizeof(msg), "poll: %d revents %#x\n", r, p.revents);
	say(msg);
}

static void on_sigint(int sig)
{
	say("shell: SIGINT\n");
}

/* shell - the command loop, in the session it leads; "exit" ends it. */
static void shell(void)
{
	char line[512];
	long n;

	setsid();
	ioctl(0, TIOCSCTTY, 0);		/* the console is our terminal */
	signal(SIGINT, on_sigint);	/* ^C at the prompt: ours */
	signal(SIGTSTP, SIG_IGN);
	signal(SIGTTOU, SIG_IGN);	/* to take the terminal back */
	for (;;) {
		say("$ ");
		n = read(0, line, sizeof(line));
		if (n <= 0) {
			show("eof", line, 0);
			continue;
		}
		if (n == 4 && !memcmp(line, "cat\n", 4))
			run_job("cat", cat_job);
		else if (n == 6 && !memcmp(line, "sleep\n", 6))
			run_job("sleep", sleep_job);
		else if (n == 3 && !memcmp(line, "fg\n", 3))
			do_fg();
		else if (n == 4 && !memcmp(line, "raw\n", 4))
			do_raw();
		else if (n == 5 && !memcmp(line, "poll\n", 5))
			do_poll();
		else if (n == 5 && !memcmp(line, "exit\n", 5))
			break;
		else
			show("got", line, n);
	}
}

int main(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		shell();
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	say("bye\n");
	reboot(RB_AUTOBOOT);
	return 0;
}
