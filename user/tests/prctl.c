/* SPDX-License-Identifier: GPL-2.0 */
/* prctl: PR_SET/GET_NAME, PR_SET/GET_PDEATHSIG (sent when the parent
 * exits), PR_SET/GET_CHILD_SUBREAPER (orphans come to the nearest
 * subreaper), unknown options. */
#include "t.h"
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>

static int reap(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void name(void)
{
	char buf[32];
	const char *st;

	memset(buf, 'x', sizeof(buf));
	CHECK(prctl(PR_SET_NAME, "abcdefghijklmnopqrstuvwxyz") == 0, "PR_SET_NAME");
	CHECK(prctl(PR_GET_NAME, buf) == 0 && !strcmp(buf, "abcdefghijklmno"), "cut to 15: %s", buf);
	CHECK(buf[16] == 'x', "16 bytes written, no more");
	st = t_read_file("/proc/self/status");
	CHECK(st && strstr(st, "Name:\tabcdefghijklmno\n"), "/proc/self/status has it");
	CHECK(RAW(SYS_prctl, PR_SET_NAME, 8, 0, 0, 0) == -EFAULT, "PR_SET_NAME: EFAULT");
	CHECK(RAW(SYS_prctl, PR_GET_NAME, 8, 0, 0, 0) == -EFAULT, "PR_GET_NAME: EFAULT");
	CHECK(prctl(PR_SET_NAME, "prctl") == 0, "back");
	CHECK(RAW(SYS_prctl, 12345, 0, 0, 0, 0) == -EINVAL, "unknown option: EINVAL");
}

static void pdeathsig(void)
{
	int sig = -1, fds[2];
	pid_t m;
	char ch;

	CHECK(prctl(PR_SET_PDEATHSIG, 65) == -1 && errno == EINVAL, "signal 65: EINVAL");
	CHECK(prctl(PR_SET_PDEATHSIG, SIGUSR1) == 0, "set");
	CHECK(prctl(PR_GET_PDEATHSIG, &sig) == 0 && sig == SIGUSR1, "get: %d", sig);
	CHECK(RAW(SYS_prctl, PR_GET_PDEATHSIG, 8, 0, 0, 0) == -EFAULT, "get: EFAULT");
	m = fork();
	if (m == 0) {
		prctl(PR_GET_PDEATHSIG, &sig);
		_exit(sig == 0 ? 0 : 1);
	}
	CHECK(reap(m) == 0, "not inherited");
	prctl(PR_SET_PDEATHSIG, 0);

	/* m's child asks for SIGTERM when m exits; it comes to us then */
	CHECK(pipe(fds) == 0, "pipe");
	m = fork();
	if (m == 0) {
		pid_t c = fork();

		if (c == 0) {
			prctl(PR_SET_PDEATHSIG, SIGTERM);
			write(fds[1], "r", 1);
			for (;;)
				pause();
		}
		read(fds[0], &ch, 1);
		_exit(0);
	}
	CHECK(reap(m) == 0, "middle exits");
	close(fds[1]);
	/* the orphan is ours now: it must have died of SIGTERM */
	{
		int status;
		pid_t c = wait(&status);

		CHECK(c > 0 && WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM,
		      "pdeath signal ended the orphan: %#x", status);
	}
	close(fds[0]);
}

static void subreaper(void)
{
	pid_t s = fork();

	if (s == 0) {
		int v = -1, fds[2];
		pid_t m, g, me = getpid();
		char ch;

		if (prctl(PR_SET_CHILD_SUBREAPER, 1) || prctl(PR_GET_CHILD_SUBREAPER, &v) || v != 1)
			_exit(1);
		pipe(fds);
		m = fork();
		if (m == 0) {
			int w = -1;

			prctl(PR_GET_CHILD_SUBREAPER, &w);
			if (w != 0)
				_exit(2);	/* not inherited */
			g = fork();
			if (g == 0) {
				close(fds[1]);
				read(fds[0], &ch, 1);	/* until m is gone */
				_exit(getppid() == me ? 0 : 3);	/* reparented to us */
			}
			_exit(0);
		}
		if (reap(m) != 0)
			_exit(4);
		close(fds[1]);
		g = wait(&v);	/* the orphan came to us, the subreaper */
		if (g <= 0 || !WIFEXITED(v) || WEXITSTATUS(v) != 0)
			_exit(5);
		prctl(PR_SET_CHILD_SUBREAPER, 0);
		prctl(PR_GET_CHILD_SUBREAPER, &v);
		_exit(v == 0 ? 0 : 6);
	}
	CHECK(reap(s) == 0, "subreaper");
	CHECK(RAW(SYS_prctl, PR_GET_CHILD_SUBREAPER, 8, 0, 0, 0) == -EFAULT, "EFAULT");
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	CHECK(t_become_reaper(), "reaper");
	name();
	pdeathsig();
	subreaper();
	return t_done("prctl");
}
