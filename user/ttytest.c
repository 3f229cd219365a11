/* SPDX-License-Identifier: GPL-2.0 */
/*
 * /ttytest: PID 1 for tests/tty-harness.py, which types at it through
 * the serial port like a person and reads the echo back. A tiny shell:
 * each line it reads (canonical mode, fd 0) is shown back exactly as
 * read(2) returned it (got "..."), or runs one of these commands:
 *   cat    a child copies fd 0 until EOF (^D), showing each read
 *   sleep  a child spins until a signal (^C) ends it
 *   raw    cfmakeraw, one read of VMIN 3 bytes shown in hex, restored
 *   poll   poll(2) on fd 0 for 200 ms with nothing typed, then a line
 *   exit   reboot
 */
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
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

static void wait_child(const char *what, pid_t pid)
{
	char msg[128];
	int status;

	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		snprintf(msg, sizeof(msg), "%s killed by signal %d\n", what, WTERMSIG(status));
	else
		snprintf(msg, sizeof(msg), "%s exit %d\n", what, WEXITSTATUS(status));
	say(msg);
}

static void do_cat(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		char buf[256];
		long n;

		while ((n = read(0, buf, sizeof(buf))) > 0)
			show("cat:", buf, n);
		_exit(n < 0 ? 1 : 0);
	}
	wait_child("cat", pid);
}

static void do_sleep(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		say("sleeping\n");
		for (;;)
			;
	}
	wait_child("sleep", pid);
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

int main(void)
{
	char line[512];
	long n;

	signal(SIGINT, SIG_IGN);	/* the shell survives ^C; its children not */
	for (;;) {
		say("$ ");
		n = read(0, line, sizeof(line));
		if (n <= 0) {
			show("eof", line, 0);
			continue;
		}
		if (n == 4 && !memcmp(line, "cat\n", 4))
			do_cat();
		else if (n == 6 && !memcmp(line, "sleep\n", 6))
			do_sleep();
		else if (n == 4 && !memcmp(line, "raw\n", 4))
			do_raw();
		else if (n == 5 && !memcmp(line, "poll\n", 5))
			do_poll();
		else if (n == 5 && !memcmp(line, "exit\n", 5))
			break;
		else
			show("got", line, n);
	}
	say("bye\n");
	reboot(RB_AUTOBOOT);
	return 0;
}
