// SPDX-License-Identifier: GPL-2.0
/* The architecture's part of tasks: new stacks, switching, idling. */
#include <linux/kernel.h>
#include <linux/arch.h>
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/desc.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/ptrace.h>
#include <asm/switch_to.h>

void ret_from_fork(void);

/*
 * copy_thread - lay out @p's new kernel stack so that its first switch
 * lands in ret_from_fork with args->fn in %rbx and its argument in %r12.
 * The top holds a struct pt_regs, for the user state of user tasks.
 */
int copy_thread(struct task_struct *p, const struct kernel_clone_args *args)
{
	struct pt_regs *childregs = (struct pt_regs *)((char *)p->stack + THREAD_SIZE) - 1;
	struct inactive_task_frame *frame = (struct inactive_task_frame *)childregs - 1;

	memset(frame, 0, sizeof(*frame) + sizeof(*childregs));
	frame->bx = (unsigned long)args->fn;
	frame->r12 = (unsigned long)args->fn_arg;
	frame->ret_addr = (unsigned long)ret_from_fork;
	p->thread.sp = (unsigned long)frame;
	if (!args->fn) {	/* a user task's child returns to user mode */
		*childregs = *current_pt_regs();
		childregs->ax = 0;
		if (args->stack)
			childregs->sp = args->stack;
		if (args->flags & CLONE_SETTLS) {
			if (args->tls >= TASK_SIZE)
				return -EINVAL;
			p->thread.fsbase = args->tls;
		}
		/* the child starts with the parent's live FPU/SSE registers */
		__asm__ volatile("fxsave64 %0" : "=m"(p->thread.fxstate));
	}
	return 0;
}

/* __switch_to - C part of the switch, on next's stack: next becomes
 * current, and its stack top is where the CPU enters from user mode. */
struct task_struct *__switch_to(struct task_struct *prev,
				struct task_struct *next)
{
	/* User FPU/SSE state: saved for a task with user state, restored
	 * for the next one (eagerly; kernel threads have none). */
	if (prev->mm)
		__asm__ volatile("fxsave64 %0" : "=m"(prev->thread.fxstate));
	if (next->mm)
		__asm__ volatile("fxrstor64 %0" :: "m"(next->thread.fxstate));
	current_task = next;
	cpu_tss.sp0 = (unsigned long)next->stack + THREAD_SIZE;
	if (next->thread.fsbase != prev->thread.fsbase)
		wrmsr(0xc0000100, next->thread.fsbase);	/* MSR_FS_BASE: TLS */
	return prev;
}

/* arch_cpu_idle - enable interrupts and halt until one arrives; sti's
 * one-instruction shadow makes the pair atomic. */
void arch_cpu_idle(void)
{
	__asm__ volatile("sti; hlt" ::: "memory");
}

#define MSR_FS_BASE	0xc0000100
#define ARCH_SET_GS	0x1001
#define ARCH_SET_FS	0x1002
#define ARCH_GET_FS	0x1003
#define ARCH_GET_GS	0x1004

/* task_pt_regs - the user registers saved at the top of @tsk's stack. */
struct pt_regs *task_pt_regs(struct task_struct *tsk)
{
	return (struct pt_regs *)((char *)tsk->stack + THREAD_SIZE) - 1;
}

/* fpu_init_user_state - the FPU/SSE registers a new program starts
 * with: x87 reset, SSE exceptions masked (MXCSR 0x1f80). */
static void fpu_init_user_state(void)
{
	unsigned int mxcsr = 0x1f80;

	__asm__ volatile("fninit; ldmxcsr %0" :: "m"(mxcsr));
	__asm__ volatile("fxsave64 %0" : "=m"(current->thread.fxstate));
}

/* start_thread - user registers for a freshly exec'd program: all zero
 * but the entry point, stack and segments (the ABI's %rdx = 0 says "no
 * atexit function"). */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->ip = ip;
	regs->sp = sp;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags = X86_EFLAGS_IF;
	regs->vector = -1UL;
	current->thread.fsbase = 0;
	wrmsr(MSR_FS_BASE, 0);
	fpu_init_user_state();
}

SYSCALL_DEFINE2(arch_prctl, int, option, unsigned long, arg2)
{
	switch (option) {
	case ARCH_SET_FS:
		if (arg2 >= TASK_SIZE)
			return -EPERM;
		current->thread.fsbase = arg2;
		wrmsr(MSR_FS_BASE, arg2);
		return 0;
	case ARCH_GET_FS:
		return put_user(current->thread.fsbase, (unsigned long __user *)arg2);
	default:
		return -EINVAL;
	}
}
