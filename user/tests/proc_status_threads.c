/* SPDX-License-Identifier: GPL-2.0 */
/*
 * /proc/self/status says how many threads the process has ("Threads:"),
 * and a blocked signal shows in SigBlk. mmos said "Threads: 1" whatever
 * the count (found while reading what the fuzzer's rounds left behind).
 */
#include "t.h"
#include <pthread.h>
#include <signal.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int started, done;

/* A thread that waits until main has looked. */
static void *waiter(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	started++;
	pthread_cond_broadcast(&cond);
	while (!done)
		pthread_cond_wait(&cond, &lock);
	pthread_mutex_unlock(&lock);
	return NULL;
}

/* The value of field @name in /proc/self/status, -1 if missing. */
static long status_field(const char *name, int base)
{
	const char *s = t_read_file("/proc/self/status");

	s = s ? strstr(s, name) : NULL;
	return s ? strtol(s + strlen(name), NULL, base) : -1;
}

int main(void)
{
	pthread_t t[3];
	sigset_t set;

	CHECK(status_field("Threads:", 10) == 1, "Threads: %ld alone",
	      status_field("Threads:", 10));
	for (int i = 0; i < 3; i++)
		CHECK(pthread_create(&t[i], NULL, waiter, NULL) == 0, "pthread_create");
	pthread_mutex_lock(&lock);
	while (started < 3)
		pthread_cond_wait(&cond, &lock);
	pthread_mutex_unlock(&lock);
	CHECK(status_field("Threads:", 10) == 4, "Threads: %ld with 3 more",
	      status_field("Threads:", 10));
	pthread_mutex_lock(&lock);
	done = 1;
	pthread_cond_broadcast(&cond);
	pthread_mutex_unlock(&lock);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	CHECK(status_field("SigBlk:", 16) >= 0 &&
	      (status_field("SigBlk:", 16) & (1L << (SIGUSR1 - 1))), "SigBlk %lx",
	      status_field("SigBlk:", 16));
	return t_done("proc_status_threads");
}
