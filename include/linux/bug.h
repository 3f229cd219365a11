/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>

/*
 * BUG_ON() is for kernel bugs only: it panics with the file and line
 * (and, on x86, the registers and a backtrace). WARN_ON_ONCE() reports
 * once and goes on. Both build for arch/x86 and arch/hosted alike.
 */
__noreturn void panic(const char *fmt, ...) __printf(1, 2);
void __warn(const char *file, int line, const char *cond);

/* Linux's taint flags (kernel/panic.c): what has happened to the kernel
 * that a bug report should know; /proc/sys/kernel/tainted shows them. */
#define TAINT_DIE	7	/* an oops */
#define TAINT_WARN	9	/* a WARN_ON fired */
#define TAINT_USER	6	/* userspace asked (a write to tainted) */
void add_taint(unsigned int flag);	/* kernel/taint.c */
void add_taint_mask(unsigned long mask);
unsigned long get_taint(void);

#define BUG() panic("kernel BUG at %s:%d!", __FILE__, __LINE__)
#define BUG_ON(cond)							\
	do {								\
		if (unlikely(cond))					\
			panic("kernel BUG at %s:%d: %s", __FILE__,	\
			      __LINE__, #cond);				\
	} while (0)

#define WARN_ON(cond) ({						\
	int __ret = !!(cond);						\
	if (unlikely(__ret))						\
		__warn(__FILE__, __LINE__, #cond);			\
	unlikely(__ret);						\
})

#define WARN_ON_ONCE(cond) ({						\
	static bool __warned;						\
	int __ret = !!(cond);						\
	if (unlikely(__ret) && !__warned) {				\
		__warned = true;					\
		__warn(__FILE__, __LINE__, #cond);			\
	}								\
	unlikely(__ret);						\
})

#define BUILD_BUG_ON(cond) _Static_assert(!(cond), #cond)

#endif
