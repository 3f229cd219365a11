/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rt_sigreturn with a NULL fpstate in the frame (the fuzzer killed the
 * process with SIGSEGV here): Linux restores the FPU state a new
 * process starts with (FCW 0x37f, MXCSR 0x1f80) and the program goes
 * on. A handler that leaves the frame alone gets its state back as it
 * was, and a frame pointing at unmapped memory is SIGSEGV.
 */
#include "t.h"
#include <signal.h>
#include <sys/wait.h>
#include <ucontext.h>

static int mode;	/* 0: leave the frame, 1: NULL fpstate, 2: bad fpstate */

static void handler(int sig, siginfo_t *si, void *p)
{
	ucontext_t *uc = p;

	if (mode == 1)
		uc->uc_mcontext.fpregs = NULL;
	else if (mode == 2)
		uc->uc_mcontext.fpregs = (void *)0x1000;
}

static unsigned int get_mxcsr(void)
{
	unsigned int v;

	__asm__ volatile("stmxcsr %0" : "=m"(v));
	return v;
}

static unsigned short get_fcw(void)
{
	unsigned short v;

	__asm__ volatile("fnstcw %0" : "=m"(v));
	return v;
}

/* Non-default FPU state: round up, precision exception unmasked off. */
static void dirty_fpu(void)
{
	unsigned int mxcsr = 0x5f80;	/* RC = up */
	unsigned short fcw = 0x0b7f;	/* RC = up */

	__asm__ volatile("ldmxcsr %0" :: "m"(mxcsr));
	__asm__ volatile("fldcw %0" :: "m"(fcw));
}

int main(void)
{
	struct sigaction sa = { .sa_sigaction = handler, .sa_flags = SA_SIGINFO };
	int status = -1;
	pid_t pid;

	sigaction(SIGUSR1, &sa, NULL);
	mode = 0;
	dirty_fpu();
	raise(SIGUSR1);
	CHECK(get_mxcsr() == 0x5f80 && get_fcw() == 0x0b7f,
	      "kept frame: MXCSR %#x FCW %#x", get_mxcsr(), get_fcw());

	mode = 1;
	raise(SIGUSR1);
	CHECK(get_mxcsr() == 0x1f80, "NULL fpstate: MXCSR %#x, expected 0x1f80", get_mxcsr());
	CHECK(get_fcw() == 0x037f, "NULL fpstate: FCW %#x, expected 0x37f", get_fcw());

	pid = fork();
	if (pid == 0) {
		mode = 2;
		raise(SIGUSR1);
		_exit(0);
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
	      WTERMSIG(status) == SIGSEGV, "bad fpstate: status %#x", status);
	return t_done("sigreturn_null_fpstate");
}
