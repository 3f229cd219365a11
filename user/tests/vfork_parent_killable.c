/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A vfork parent can be killed while its child runs (the fuzzer's
 * unkillable D-state parent, reaped 2.6 s after SIGKILL): P vforks C,
 * C sleeps 2 s in the parent's memory; SIGKILL to P ends P at once,
 * and C runs on to its own end (it is reaped by this test, its new
 * reaper). While it waits P is in "D (disk sleep)", as on Linux.
 */
#include "t.h"
#include <signal.h>
#include <sys/wait.h>

/* P: vfork a child that sleeps 2 s and exits 4; tell its PID first. */
static void vfork_parent(int wfd)
{
	pid_t c;

	c = vfork();
	if (c == 0) {
		long me = syscall(SYS_getpid);

		syscall(SYS_write, wfd, &me, sizeof(me));
		t_sleep_ms(2000);
		_exit(4);
	}
	_exit(0);	/* not reached before the kill */
}

/* The State: line of /proc/PID/status, or "" if there is none. */
static const char *task_state(pid_t pid)
{
	static char line[64];
	char path[64];
	const char *s, *e;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	s = t_read_file(path);
	s = s ? strstr(s, "State:\t") : NULL;
	if (!s)
		return "";
	e = strchr(s, '\n');
	snprintf(line, sizeof(line), "%.*s", (int)(e ? e - s - 7 : 0), s + 7);
	return line;
}

int main(void)
{
	int fds[2], status = -1;
	long child = -1;
	long long t0, ms;
	pid_t p;

	CHECK(t_become_reaper(), "become the orphans' reaper");
	CHECK(pipe(fds) == 0, "pipe");
	p = fork();
	if (p == 0)
		vfork_parent(fds[1]);
	CHECK(read(fds[0], &child, sizeof(child)) == sizeof(child), "child pid");
	t_sleep_ms(100);	/* P sleeps in vfork by now */
	CHECK(!strncmp(task_state(p), "D", 1), "the vfork parent is in \"%s\"",
	      task_state(p));
	t0 = t_now_ns();
	CHECK(kill(p, SIGKILL) == 0, "kill");
	CHECK(waitpid(p, &status, 0) == p, "waitpid P: %s", strerror(errno));
	ms = (t_now_ns() - t0) / 1000000;
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "P's status %#x", status);
	CHECK(ms < 1000, "P was reaped %lld ms after SIGKILL", ms);
	/* the child ran on, on the mm it shared, and ends by itself */
	status = -1;
	CHECK(waitpid(child, &status, 0) == child, "waitpid C: %s", strerror(errno));
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 4, "C's status %#x", status);
	return t_done("vfork_parent_killable");
}
