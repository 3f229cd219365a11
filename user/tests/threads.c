/* SPDX-License-Identifier: GPL-2.0 */
/* 2, 8 and 64 threads write into shared memory; pthread_join; a thread's
 * exit() ends the whole process with its status. */
#include "t.h"
#include <pthread.h>
#include <sys/wait.h>

static long counts[64];

static void *worker(void *arg)
{
	long i = (long)arg;

	for (int k = 0; k < 1000; k++)
		counts[i]++;
	return (void *)(i * 2);
}

static int run(int n)
{
	pthread_t t[64];
	int bad = 0;

	memset(counts, 0, sizeof(counts));
	for (long i = 0; i < n; i++)
		if (pthread_create(&t[i], NULL, worker, (void *)i))
			return -1;
	for (long i = 0; i < n; i++) {
		void *ret;

		if (pthread_join(t[i], &ret) || (long)ret != i * 2 || counts[i] != 1000)
			bad++;
	}
	return bad;
}

static void *exiter(void *arg)
{
	exit(7);	/* exit_group: the whole process, status 7 */
}

static void *sleeper(void *arg)
{
	for (;;)
		pause();
	return NULL;	/* not reached: the process's exit ends it */
}

int main(void)
{
	int status;
	pid_t pid;

	CHECK(run(2) == 0, "2 threads");
	CHECK(run(8) == 0, "8 threads");
	CHECK(run(64) == 0, "64 threads");
	pid = fork();
	if (pid == 0) {
		pthread_t a, b;

		pthread_create(&b, NULL, sleeper, NULL);
		pthread_create(&a, NULL, exiter, NULL);
		for (;;)
			pause();
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 7,
	      "exit_group status %#x", status);
	return t_done("threads");
}
