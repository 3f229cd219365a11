/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt and exception entry. Every vector has a stub that makes the
 * stack uniform (an error code, real or 0, then the vector number) and
 * jumps to common_interrupt, which saves the general registers into a
 * struct pt_regs and calls do_interrupt(regs). Coming from user mode the
 * stubs also swap GS, so the kernel's per-CPU base is live.
 */
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <linux/errno.h>

/* Vectors for which the CPU pushes an error code itself. */
#define HAS_ERRCODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || \
			(v) == 21 || (v) == 29 || (v) == 30)

/* Save / restore the general registers in struct pt_regs order. */
	.macro PUSH_REGS
	pushq	%rdi
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	%rax
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	.endm

	.macro POP_REGS
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rax
	popq	%rcx
	popq	%rdx
	popq	%rsi
	popq	%rdi
	.endm

	.text
	.balign 16
common_interrupt:
	testb	$3, PTREGS_CS - PTREGS_VECTOR(%rsp)
	jz	1f
	swapgs
1:	PUSH_REGS
	cld
	movq	%rsp, %rdi
	/* A frame record linking the interrupted code for backtraces. */
	pushq	PTREGS_IP(%rsp)
	pushq	%rbp
	movq	%rsp, %rbp
	call	do_interrupt
	addq	$16, %rsp
	POP_REGS
	addq	$16, %rsp			/* vector, error code */
	testb	$3, 8(%rsp)
	jz	2f
	swapgs
2:	iretq

	.balign 16
	.globl irq_entries_start
irq_entries_start:
vector = 0
	.rept 256
	.balign 16
	.if HAS_ERRCODE(vector) == 0
	pushq	$0
	.endif
	pushq	$vector
	jmp	common_interrupt
vector = vector + 1
	.endr

/*
 * __switch_to_asm(prev, next): the register half of a context switch.
 * The callee-saved registers go on prev's stack, its stack pointer into
 * prev->thread.sp (the first field of task_struct); then the same in
 * reverse for next. __switch_to (C) finishes and returns prev in %rax.
 */
	.globl __switch_to_asm
__switch_to_asm:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, 0(%rdi)
	movq	0(%rsi), %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	jmp	__switch_to

/*
 * ret_from_fork: where a new task's first switch "returns". %rax is the
 * task we came from; %rbx the kernel function to run (with %r12 as its
 * argument), which for a kernel thread must never return: if it does,
 * its value is the exit code.
 */
	.globl ret_from_fork
ret_from_fork:
	movq	%rax, %rdi
	call	schedule_tail
	testq	%rbx, %rbx
	jz	1f			/* a user task's child: back to user mode */
	movq	%r12, %rdi
	call	*%rbx
	movq	%rsp, %rdi		/* pt_regs */
	movq	%rax, %rsi
	call	kernel_thread_returned	/* exec'd: returns; else exits */
1:	movq	%rsp, %rdi
	call	exit_to_user_mode
	jmp	ret_to_user

/*
 * entry_SYSCALL_64: the syscall instruction lands here (MSR_LSTAR) with
 * the user %rip in %rcx, %rflags in %r11, interrupts off (MSR_SYSCALL_MASK)
 * and the user stack still in %rsp. Build a struct pt_regs at the top of
 * this task's kernel stack (TSS.sp0) and call do_syscall_64, which says
 * whether the cheap sysret may return (else iret, as after exec).
 */
	.globl entry_SYSCALL_64
entry_SYSCALL_64:
	swapgs
	movq	%rsp, syscall_user_sp(%rip)
	movq	cpu_tss+4(%rip), %rsp
	pushq	$__USER_DS			/* ss */
	pushq	syscall_user_sp(%rip)		/* sp */
	pushq	%r11				/* flags */
	pushq	$__USER_CS			/* cs */
	pushq	%rcx				/* ip */
	pushq	%rax				/* orig_ax: the syscall number */
	pushq	$-1				/* vector: none */
	PUSH_REGS
	movq	$-ENOSYS, PTREGS_AX(%rsp)
	xorl	%ebp, %ebp			/* backtraces stop here */
	movq	%rsp, %rdi
	call	do_syscall_64
	testb	%al, %al
	jz	ret_to_user
	POP_REGS
	addq	$16, %rsp			/* vector, orig_ax */
	movq	0(%rsp), %rcx			/* ip */
	movq	16(%rsp), %r11			/* flags */
	movq	24(%rsp), %rsp			/* user sp */
	swapgs
	sysretq

/* ret_to_user: leave to user mode through the pt_regs at %rsp. */
	.globl ret_to_user
ret_to_user:
	cli
	POP_REGS
	addq	$16, %rsp
	swapgs
	iretq

	.data
syscall_user_sp:
	.quad	0
	.text
