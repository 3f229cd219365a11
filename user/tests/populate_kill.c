/* SPDX-License-Identifier: GPL-2.0 */
/* A task killed while MAP_POPULATE (or mlock) faults in a huge range
 * dies at once, as Linux's __get_user_pages stops for a fatal signal:
 * 64 GiB of read-only private anonymous memory is 16 million zero-page
 * mappings, many seconds under TCG, and SIGKILL must not wait for them
 * all. */
#include "t.h"
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* killed_while - fork a child that runs @how over 64 GiB, SIGKILL it
 * after 300 ms; returns the milliseconds from the kill to its reaping
 * (-1 if it did not die of SIGKILL). */
static long long killed_while(int how)
{
	struct timespec d = { 0, 300 * 1000000L };
	long long t;
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		unsigned long len = 64UL << 30;
		void *p = mmap(NULL, len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE |
			       (how ? 0 : MAP_POPULATE), -1, 0);

		if (how && p != MAP_FAILED)
			mlock(p, len);
		for (;;)
			pause();	/* done already (a fast machine): wait for the kill */
	}
	nanosleep(&d, NULL);
	t = now_ms();
	kill(pid, SIGKILL);
	if (waitpid(pid, &status, 0) != pid || !WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
		return -1;
	return now_ms() - t;
}

int main(void)
{
	long long ms = killed_while(0);

	CHECK(ms >= 0 && ms < 3000, "MAP_POPULATE: killed in %lld ms", ms);
	ms = killed_while(1);
	CHECK(ms >= 0 && ms < 3000, "mlock: killed in %lld ms", ms);
	return t_done("populate_kill");
}
