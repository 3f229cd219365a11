/* SPDX-License-Identifier: GPL-2.0 */
/* atomic_t over the compiler's __atomic builtins (both targets). */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/types.h>

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	long counter;
} atomic_long_t;

#define ATOMIC_INIT(i)	{ (i) }

static inline int atomic_read(const atomic_t *v)
{
	return __atomic_load_n(&v->counter, __ATOMIC_RELAXED);
}

static inline void atomic_set(atomic_t *v, int i)
{
	__atomic_store_n(&v->counter, i, __ATOMIC_RELAXED);
}

static inline void atomic_inc(atomic_t *v)
{
	__atomic_add_fetch(&v->counter, 1, __ATOMIC_SEQ_CST);
}

static inline void atomic_dec(atomic_t *v)
{
	__atomic_sub_fetch(&v->counter, 1, __ATOMIC_SEQ_CST);
}

/* atomic_dec_and_test - true when this decrement took the count to 0. */
static inline bool atomic_dec_and_test(atomic_t *v)
{
	return __atomic_sub_fetch(&v->counter, 1, __ATOMIC_SEQ_CST) == 0;
}

/* atomic_inc_not_zero - add one unless the count is 0 (a dying object
 * is not revived); true if it added. */
static inline bool atomic_inc_not_zero(atomic_t *v)
{
	int old = atomic_read(v);

	while (old && !__atomic_compare_exchange_n(&v->counter, &old, old + 1, false,
						   __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
		;
	return old != 0;
}

/* atomic_inc_unless_negative - add one unless the count is below 0;
 * true if it added (Linux's: i_mmap_writable's "no new writers"). */
static inline bool atomic_inc_unless_negative(atomic_t *v)
{
	int old = atomic_read(v);

	while (old >= 0 && !__atomic_compare_exchange_n(&v->counter, &old, old + 1, false,
							 __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
		;
	return old >= 0;
}

/* atomic_dec_unless_positive - take one away unless the count is above
 * 0; true if it did. */
static inline bool atomic_dec_unless_positive(atomic_t *v)
{
	int old = atomic_read(v);

	while (old <= 0 && !__atomic_compare_exchange_n(&v->counter, &old, old - 1, false,
							 __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
		;
	return old <= 0;
}

static inline int atomic_add_return(int i, atomic_t *v)
{
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline long atomic_long_read(const atomic_long_t *v)
{
	return __atomic_load_n(&v->counter, __ATOMIC_RELAXED);
}

static inline void atomic_long_set(atomic_long_t *v, long i)
{
	__atomic_store_n(&v->counter, i, __ATOMIC_RELAXED);
}

static inline void atomic_long_add(long i, atomic_long_t *v)
{
	__atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

#endif
