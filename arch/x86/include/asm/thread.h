/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_THREAD_H
#define _ASM_X86_THREAD_H

/*
 * What switch_to() keeps of a task that is not running: its kernel stack
 * pointer (the callee-saved registers are pushed on that stack) and, for
 * user tasks, the FS base (TLS).
 */
struct thread_struct {
	unsigned long sp;
	unsigned long fsbase;
	/* The user's x87/SSE registers (fxsave format), saved while another
	 * user task runs. The kernel itself never touches them. */
	unsigned char fxstate[512] __attribute__((aligned(16)));
};

#endif
