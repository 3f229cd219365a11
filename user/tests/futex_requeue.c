/* SPDX-License-Identifier: GPL-2.0 */
/*
 * FUTEX_REQUEUE and FUTEX_CMP_REQUEUE (a condition variable's broadcast
 * moves its waiters onto the mutex's word: musl's pthread_cond_broadcast
 * does, with no fallback, so without them its waiters slept forever, as
 * proc_status_threads once did). A thread waits on A; a requeue moves it
 * to B; a wake on A finds nobody, one on B wakes it. CMP_REQUEUE checks
 * the word first (EAGAIN). Then a broadcast to many waiters, many times.
 */
#include "t.h"
#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_REQUEUE		3
#define FUTEX_CMP_REQUEUE	4
#include <pthread.h>

static int a, b, woke;

static long futex(int *uaddr, int op, int val, long val2, int *uaddr2, int val3)
{
	return RAW(SYS_futex, uaddr, op, val, val2, uaddr2, val3);
}

static void *waiter(void *arg)
{
	while (futex(&a, FUTEX_WAIT, 0, 0, NULL, 0) == -EINTR)
		;
	__atomic_store_n(&woke, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

/* Let the waiter reach its FUTEX_WAIT: requeue says how many it saw. */
static long requeue_when_waiting(int cmp, int val3)
{
	long r = 0;

	for (int i = 0; i < 2000 && r == 0; i++) {
		r = futex(&a, cmp ? FUTEX_CMP_REQUEUE : FUTEX_REQUEUE, 0, 1, &b, val3);
		if (r == 0)
			t_sleep_ms(1);
	}
	return r;
}

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int gen, waiting;

static void *cond_waiter(void *arg)
{
	pthread_mutex_lock(&m);
	for (int seen = 0; seen < 50; seen++) {
		int g = gen;

		waiting++;
		pthread_cond_broadcast(&c);	/* tell main one more waits */
		while (gen == g)
			pthread_cond_wait(&c, &m);
	}
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t t, w[4];

	CHECK(pthread_create(&t, NULL, waiter, NULL) == 0, "thread");
	CHECK(futex(&a, FUTEX_CMP_REQUEUE, 0, 1, &b, 1) == -EAGAIN, "CMP_REQUEUE, word differs");
	CHECK(requeue_when_waiting(1, 0) == 1, "CMP_REQUEUE moved the waiter");
	CHECK(futex(&a, FUTEX_WAKE, 1, 0, NULL, 0) == 0, "nobody waits on A now");
	CHECK(futex(&b, FUTEX_WAKE, 1, 0, NULL, 0) == 1, "the waiter waits on B");
	pthread_join(t, NULL);
	CHECK(woke, "the waiter woke");
	CHECK(futex(&a, FUTEX_REQUEUE, -1, 1, &b, 0) == -EINVAL, "negative count");

	/* broadcasts, the way musl moves cond waiters to the mutex */
	for (int i = 0; i < 4; i++)
		CHECK(pthread_create(&w[i], NULL, cond_waiter, NULL) == 0, "cond thread");
	for (int round = 0; round < 50; round++) {
		pthread_mutex_lock(&m);
		while (waiting < 4)
			pthread_cond_wait(&c, &m);
		waiting = 0;
		gen++;
		pthread_cond_broadcast(&c);
		pthread_mutex_unlock(&m);
	}
	for (int i = 0; i < 4; i++)
		pthread_join(w[i], NULL);
	return t_done("futex_requeue");
}
