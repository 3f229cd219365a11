/* SPDX-License-Identifier: GPL-2.0 */
/*
 * In-kernel self-tests, run at boot when the command line says
 * mmos.selftest=1. Each test registers with SELFTEST(fn); fn returns 0 on
 * success. KTEST_EXPECT reports a failed check with its line and makes
 * the test fail. The run ends the machine with a status the QEMU test
 * runner reads (MMOS_EXIT_PASS or MMOS_EXIT_FAIL).
 */
#ifndef _LINUX_SELFTEST_H
#define _LINUX_SELFTEST_H

#include <linux/kernel.h>

struct selftest {
	const char *name;
	int (*fn)(void);
};

#define SELFTEST(f)							\
	static const struct selftest __selftest_##f			\
	__used __section(".selftests") __aligned(8) = { #f, f }

#define KTEST_EXPECT(cond, fmt, ...)					\
	do {								\
		if (!(cond)) {						\
			pr_err("selftest: %s:%d: %s: " fmt "\n",	\
			       __func__, __LINE__, #cond, ##__VA_ARGS__);\
			return -1;					\
		}							\
	} while (0)

extern int mmos_selftest;
void run_selftests(void);

#endif
