/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hosted unit tests: each test is a function returning 0 on success;
 * EXPECT() reports the first failed check of a test and ends it;
 * CHECK() reports every failed one. hosted_main() boots
 * the memory core once over simulated RAM, runs the tests in order and
 * checks after each that every page came back (less the kernel page
 * tables vmalloc keeps by design). It prints "PASS name" or "FAIL name"
 * a line, which tests/run.sh counts.
 */
#ifndef _TESTS_HOSTED_HARNESS_H
#define _TESTS_HOSTED_HARNESS_H

#include <asm/hosted.h>
#include <stdio.h>
#include <stdbool.h>

struct htest {
	const char *name;
	int (*fn)(void);
	bool keeps;	/* leaves state for the next test: check pages later */
};

#define HTEST(f) { #f, f, false }
#define HTEST_KEEP(f) { #f, f, true }

#define EXPECT(cond, ...)						\
	do {								\
		if (!(cond)) {						\
			fprintf(stderr, "  %s:%d: %s: ", __FILE__,	\
				__LINE__, #cond);			\
			fprintf(stderr, "" __VA_ARGS__);		\
			fprintf(stderr, "\n");				\
			return -1;					\
		}							\
	} while (0)

/*
 * CHECK - like EXPECT, but the test goes on, so that a table of edge
 * cases reports every case that fails, not only the first. A test
 * that uses it ends with "return check_result();".
 */
extern int hosted_check_failures;
#define CHECK(cond, ...)						\
	do {								\
		if (!(cond)) {						\
			hosted_check_failures++;			\
			fprintf(stderr, "  %s:%d: %s: ", __FILE__,	\
				__LINE__, #cond);			\
			fprintf(stderr, "" __VA_ARGS__);		\
			fprintf(stderr, "\n");				\
		}							\
	} while (0)

/* check_result - 0 if no CHECK failed since the last call, else -1. */
static inline int check_result(void)
{
	int failed = hosted_check_failures;

	hosted_check_failures = 0;
	return failed ? -1 : 0;
}

int hosted_main(const struct htest *tests, int n, unsigned long ram);
/* hosted_main_setup - the same, calling @setup after the boot and before
 * the first test (state it makes is not counted against the tests). */
int hosted_main_setup(const struct htest *tests, int n, unsigned long ram,
		      void (*setup)(void));

#endif
