/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_HOSTED_THREAD_H
#define _ASM_HOSTED_THREAD_H

/* The hosted target does not switch stacks; tasks are data. */
struct thread_struct {
	unsigned long sp;
	unsigned long fsbase;
	unsigned char fxstate[512] __attribute__((aligned(16)));
};

#endif
