// SPDX-License-Identifier: GPL-2.0
/*
 * The architecture's part of tasks on the hosted target. Tasks are data
 * on one host stack: a new one needs no stack frame, idling has nothing
 * to wait for, and time is a counter the tests advance.
 */
#include <linux/kernel.h>
#include <linux/arch.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <setjmp.h>
#include <asm/hosted.h>
#include <asm/ptrace.h>
#include <asm/switch_to.h>

char boot_stack[THREAD_SIZE] __aligned(16);
volatile unsigned long jiffies;
unsigned long tsc_khz;
u64 boot_wall_seconds;
bool hosted_irqs_enabled;	/* <asm/irqflags.h> */
static struct pt_regs hosted_regs[1];

int copy_thread(struct task_struct *p, const struct kernel_clone_args *args)
{
	return 0;
}

struct pt_regs *task_pt_regs(struct task_struct *tsk)
{
	return hosted_regs;
}

void arch_cpu_idle(void)
{
}

u64 local_clock(void)
{
	return jiffies * (1000000000ULL / HZ);
}

char boot_command_line[2048] = "hosted";

/* start_thread - exec's new user registers: kept for tests to look at. */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->ip = ip;
	regs->sp = sp;
	regs->cs = 0x33;
}

/* Deterministic on this target: tests must replay the same. */
void get_random_bytes(void *buf, size_t n)
{
	static u64 state = 0x9e3779b97f4a7c15ULL;
	u8 *p = buf;

	while (n--) {
		state = state * 6364136223846793005ULL + 1442695040888963407ULL;
		*p++ = state >> 56;
	}
}

/* Where hosted_task_exit() waits for the dying task's last switch. */
static jmp_buf dead_env;
static struct task_struct *dead_prev;

void hosted_dead_switch(struct task_struct *prev)
{
	dead_prev = prev;
	longjmp(dead_env, 1);
}

/*
 * hosted_task_exit - current calls do_exit(@code), the real one; its
 * final schedule() comes back here, and the switch is finished as the
 * task that now runs.
 */
void hosted_task_exit(long code)
{
	if (!setjmp(dead_env))
		do_exit(code);
	schedule_tail(dead_prev);
}

/* No user code runs on the hosted target, so no handler can: a signal
 * with one is treated as a frame that could not be written. */
int setup_rt_frame(int sig, const struct k_sigaction *ka, const struct kernel_siginfo *info,
		   struct pt_regs *regs)
{
	return -14;	/* -EFAULT */
}

/* Syscalls on the hosted target are calls from tests: nothing restarts. */
void syscall_restart(struct pt_regs *regs, const struct k_sigaction *ka)
{
}
