// SPDX-License-Identifier: GPL-2.0
#include "tasks.h"
#include <linux/errno.h>
#include <linux/sched/mm.h>
#include <asm/ptrace.h>

#include <asm/hosted.h>
#include <linux/unistd.h>

static int never_runs(void *arg)
{
	return 0;
}

/* spawn - a new child of current: a kernel thread, or (!kthread) a task
 * sharing nothing yet, to become a process with become_process(). */
struct task_struct *spawn(bool kthread)
{
	struct kernel_clone_args args = { .fn = never_runs, .kthread = kthread,
					  .name = kthread ? "kthread" : "task" };
	pid_t pid = kernel_clone(&args);

	return pid < 0 ? NULL : find_task_by_pid(pid);
}

/* fork_task - fork(2) of current: a child with a copy of its mm. */
struct task_struct *fork_task(void)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD, .name = "child" };
	pid_t pid = kernel_clone(&args);

	return pid < 0 ? NULL : find_task_by_pid(pid);
}

/* run - switch to @t through schedule(): current goes to sleep (off the
 * runqueue), @t is woken if it is not queued. Only @t is then runnable;
 * running the idle task (init_task) means no task is. */
void run(struct task_struct *t)
{
	if (t == current)
		return;
	if (!t->on_rq && !is_idle_task(t))
		wake_up_process(t);
	if (!is_idle_task(current))	/* the idle task never sleeps */
		set_current_state(TASK_INTERRUPTIBLE);
	schedule();
	BUG_ON(current != t);
}

int become_process(void)
{
	struct mm_struct *mm = mm_alloc();

	return mm ? exec_mmap(mm) : -ENOMEM;
}

/* task_exit - switch to @t and let it do_exit(@code); whoever runs next
 * is current afterwards. */
void task_exit(struct task_struct *t, long code)
{
	run(t);
	hosted_task_exit(code);
}

/* reap - as @parent, wait4(-1) for a zombie child. */
long reap(struct task_struct *parent, int *status)
{
	run(parent);
	return sys(__NR_wait4, -1, (long)0, 0x1 /* WNOHANG */, 0, 0, 0);
}

/*
 * The syscall table, made as arch/x86/kernel/syscall.c makes it, from
 * <asm/syscalls_64.h>. The hosted build links only the portable part of
 * the kernel, so every entry is weak: a syscall whose file is not built
 * here is NULL, and sys() says -ENOSYS for it.
 */
#define __SYSCALL(nr, name) \
	long __x64_sys_##name(const struct pt_regs *) __attribute__((weak));
#include <asm/syscalls_64.h>
#undef __SYSCALL

#define NR_syscalls	512
static long (*const sys_call_table[NR_syscalls])(const struct pt_regs *) = {
#define __SYSCALL(nr, name) [nr] = __x64_sys_##name,
#include <asm/syscalls_64.h>
#undef __SYSCALL
};

/* sys - a syscall as the x86-64 entry would make it (registers). */
long sys(long nr, long a0, long a1, long a2, long a3, long a4, long a5)
{
	struct pt_regs r = { .di = a0, .si = a1, .dx = a2, .r10 = a3, .r8 = a4,
			     .r9 = a5, .orig_ax = nr };

	if (nr < 0 || nr >= NR_syscalls || !sys_call_table[nr])
		return -ENOSYS;
	return sys_call_table[nr](&r);
}

int uread(unsigned long va, void *buf, unsigned long n)
{
	return hosted_user_access(va, buf, n, false);
}

int uwrite(unsigned long va, const void *buf, unsigned long n)
{
	return hosted_user_access(va, (void *)buf, n, true);
}
