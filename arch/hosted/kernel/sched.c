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
#include <linux/timekeeping.h>
#include <setjmp.h>
#include <asm/hosted.h>
#include <asm/ptrace.h>
#include <asm/switch_to.h>

char boot_stack[THREAD_SIZE] __aligned(16);
volatile unsigned long jiffies;
unsigned long tsc_khz;
bool hosted_irqs_enabled;	/* <asm/irqflags.h> */
static struct pt_regs hosted_regs[1];

/* copy_thread - nothing to set up: a hosted task's registers are the
 * one simulated frame, and tests drive each task with run(). */
int copy_thread(struct task_struct *p, const struct kernel_clone_args *args)
{
	return 0;
}

/* task_pt_regs - the simulated user register frame (one for all). */
struct pt_regs *task_pt_regs(struct task_struct *tsk)
{
	return hosted_regs;
}

/* arch_cpu_idle - return at once: no interrupt can come on the host,
 * the tests advance jiffies themselves. */
void arch_cpu_idle(void)
{
}

/* local_clock - nanoseconds since boot, from the test-driven jiffies. */
u64 local_clock(void)
{
	return jiffies * (1000000000ULL / HZ);
}

/* read_persistent_clock64 - a fixed wall clock at boot (2024-01-01
 * 00:00:00 UTC, the bench's -rtc base): hosted tests replay the same. */
void read_persistent_clock64(struct timespec64 *ts)
{
	ts->tv_sec = 1704067200;
	ts->tv_nsec = 0;
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

/* Where hosted_task_exit() waits for the dying task's last switch. */
static jmp_buf dead_env;
static struct task_struct *dead_prev;

/* hosted_dead_switch - the last switch away from a dead task @prev:
 * jump back into hosted_task_exit() rather than return. */
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
int setup_rt_frame(int sig, const struct k_sigaction *ka, struct pt_regs *regs)
{
	return -14;	/* -EFAULT */
}

/* Syscalls on the hosted target are calls from tests: nothing restarts. */
void syscall_restart(struct pt_regs *regs, const struct k_sigaction *ka)
{
}
