/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SYSCALL_DEFINEn(name, type, arg, ...) defines sys_name with typed
 * arguments and the x86-64 entry __x64_sys_name(regs) that takes them
 * from the saved registers (rdi, rsi, rdx, r10, r8, r9), as in Linux.
 */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

#include <linux/types.h>
#include <asm/ptrace.h>
#include <linux/uaccess.h>

#define __SC_ARGS1(t1, a1)		(t1)r->di
#define __SC_ARGS2(t1, a1, t2, a2)	__SC_ARGS1(t1, a1), (t2)r->si
#define __SC_ARGS3(t1, a1, t2, a2, t3, a3) __SC_ARGS2(t1, a1, t2, a2), (t3)r->dx
#define __SC_ARGS4(t1, a1, t2, a2, t3, a3, t4, a4) \
	__SC_ARGS3(t1, a1, t2, a2, t3, a3), (t4)r->r10
#define __SC_ARGS5(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5) \
	__SC_ARGS4(t1, a1, t2, a2, t3, a3, t4, a4), (t5)r->r8
#define __SC_ARGS6(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6) \
	__SC_ARGS5(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5), (t6)r->r9

#define __SC_DECL1(t1, a1)		t1 a1
#define __SC_DECL2(t1, a1, t2, a2)	t1 a1, t2 a2
#define __SC_DECL3(t1, a1, t2, a2, t3, a3) t1 a1, t2 a2, t3 a3
#define __SC_DECL4(t1, a1, t2, a2, t3, a3, t4, a4) t1 a1, t2 a2, t3 a3, t4 a4
#define __SC_DECL5(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5) \
	t1 a1, t2 a2, t3 a3, t4 a4, t5 a5
#define __SC_DECL6(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6) \
	t1 a1, t2 a2, t3 a3, t4 a4, t5 a5, t6 a6

#define SYSCALL_DEFINE0(name)						\
	long __x64_sys_##name(const struct pt_regs *r);		\
	static long __do_sys_##name(void);				\
	long __x64_sys_##name(const struct pt_regs *r)			\
	{ (void)r; return __do_sys_##name(); }				\
	static long __do_sys_##name(void)

#define __SYSCALL_DEFINEx(x, name, ...)					\
	long __x64_sys_##name(const struct pt_regs *r);		\
	static long __do_sys_##name(__SC_DECL##x(__VA_ARGS__));	\
	long __x64_sys_##name(const struct pt_regs *r)			\
	{ return __do_sys_##name(__SC_ARGS##x(__VA_ARGS__)); }		\
	static long __do_sys_##name(__SC_DECL##x(__VA_ARGS__))

#define SYSCALL_DEFINE1(name, ...) __SYSCALL_DEFINEx(1, name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...) __SYSCALL_DEFINEx(2, name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...) __SYSCALL_DEFINEx(3, name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...) __SYSCALL_DEFINEx(4, name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...) __SYSCALL_DEFINEx(5, name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...) __SYSCALL_DEFINEx(6, name, __VA_ARGS__)

#endif
