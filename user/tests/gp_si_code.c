/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The siginfo of a fault's signal says what the CPU reported, as on
 * Linux: a #GP (a non-canonical address: the CPU gives no address)
 * is SIGSEGV with SI_KERNEL and si_addr 0, not the si_code 0 of a
 * kill(); a page fault is SEGV_MAPERR at the address; ud2 is SIGILL
 * ILL_ILLOPN at the instruction; int3 is SIGTRAP SI_KERNEL; a divide
 * by zero is SIGFPE FPE_INTDIV at the instruction; kill() is SI_USER.
 */
#include "t.h"
#include <setjmp.h>
#include <signal.h>

static sigjmp_buf env;
static siginfo_t got;

static void handler(int sig, siginfo_t *si, void *uc)
{
	got = *si;
	siglongjmp(env, 1);
}

extern char ud2_at[], div_at[];

static void do_gp(void)
{
	*(volatile long *)0x8000000000000000UL = 1;
}

static void do_pf(void)
{
	*(volatile long *)0x1000 = 1;
}

static void do_ud2(void)
{
	__asm__ volatile("ud2_at: ud2");
}

static void do_int3(void)
{
	__asm__ volatile("int3");
}

static void do_div(void)
{
	__asm__ volatile("xor %%ecx, %%ecx\n\tmov $1, %%eax\n\txor %%edx, %%edx\n"
			 "div_at: div %%ecx" ::: "eax", "ecx", "edx");
}

static void do_kill(void)
{
	kill(getpid(), SIGSEGV);
}

/* Run @fn with handlers on; check the signal, si_code and si_addr. */
static void expect(const char *what, void (*fn)(void), int sig, int code, void *addr)
{
	memset(&got, 0, sizeof(got));
	if (!sigsetjmp(env, 1))
		fn();
	CHECK(got.si_signo == sig, "%s: signal %d, expected %d", what, got.si_signo, sig);
	CHECK(got.si_code == code, "%s: si_code %#x, expected %#x", what, got.si_code, code);
	if (code != SI_USER)
		CHECK(got.si_addr == addr, "%s: si_addr %p, expected %p", what,
		      got.si_addr, addr);
}

int main(void)
{
	struct sigaction sa = { .sa_sigaction = handler, .sa_flags = SA_SIGINFO };

	for (int s = 1; s < 32; s++)
		if (s != SIGKILL && s != SIGSTOP)
			sigaction(s, &sa, NULL);
	expect("#GP", do_gp, SIGSEGV, SI_KERNEL, NULL);
	expect("#PF", do_pf, SIGSEGV, SEGV_MAPERR, (void *)0x1000);
	expect("ud2", do_ud2, SIGILL, ILL_ILLOPN, ud2_at);
	expect("int3", do_int3, SIGTRAP, SI_KERNEL, NULL);
	expect("div 0", do_div, SIGFPE, FPE_INTDIV, div_at);
	expect("kill", do_kill, SIGSEGV, SI_USER, NULL);
	return t_done("gp_si_code");
}
