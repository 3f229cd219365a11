// SPDX-License-Identifier: GPL-2.0
/* The architecture's part of tasks: new stacks, switching, idling. */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <asm/desc.h>
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
	return 0;
}

/* __switch_to - C part of the switch, on next's stack: next becomes
 * current, and its stack top is where the CPU enters from user mode. */
struct task_struct *__switch_to(struct task_struct *prev,
				struct task_struct *next)
{
	current_task = next;
	cpu_tss.sp0 = (unsigned long)next->stack + THREAD_SIZE;
	return prev;
}

/* arch_cpu_idle - enable interrupts and halt until one arrives; sti's
 * one-instruction shadow makes the pair atomic. */
void arch_cpu_idle(void)
{
	__asm__ volatile("sti; hlt" ::: "memory");
}
