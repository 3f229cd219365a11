// SPDX-License-Identifier: GPL-2.0
/*
 * init_task: PID 0, statically initialised
 * (Documentation/mm/process-address-space.md, "Tasks"): a kernel thread
 * with mm = NULL and active_mm = &init_mm, running on the boot stack.
 * After boot it is this CPU's idle task.
 */
#include <linux/arch.h>
#include <linux/cred.h>
#include <linux/mm.h>
#include <linux/sched.h>


struct list_head tasklist = { &init_task.tasks, &init_task.tasks };

static struct signal_struct init_signals = {
	.count = ATOMIC_INIT(1),
	.live = ATOMIC_INIT(1),
	.nr_threads = 1,
	.thread_head = { &init_task.thread_node, &init_task.thread_node },
	.wait_chldexit = __WAIT_QUEUE_HEAD_INITIALIZER(init_signals.wait_chldexit),
	/* every process starts in group 0 and session 0, as in Linux,
	 * until it calls setsid() or setpgid() */
	.pids = { &init_struct_pid, &init_struct_pid, &init_struct_pid, &init_struct_pid },
	.siglock = __SPIN_LOCK_UNLOCKED(init_signals.siglock),
	.rlim = INIT_RLIMITS,
	.shared_pending = { .list = LIST_HEAD_INIT(init_signals.shared_pending.list) },
};

/* The actions of init_task, all SIG_DFL; its kernel threads copy them. */
static struct sighand_struct init_sighand = {
	.count = ATOMIC_INIT(1),
	.siglock = __SPIN_LOCK_UNLOCKED(init_sighand.siglock),
};

struct task_struct init_task = {
	.__state	= TASK_RUNNING,
	.restart_block	= { .fn = do_no_restart_syscall },
	.flags		= PF_KTHREAD | PF_IDLE,
	.static_prio	= DEFAULT_PRIO,
	.stack		= boot_stack,
	.usage		= ATOMIC_INIT(2),
	.mm		= NULL,
	.active_mm	= &init_mm,
	.pid		= 0,
	.tgid		= 0,
	.thread_pid	= &init_struct_pid,
	.real_parent	= &init_task,
	.parent		= &init_task,
	.group_leader	= &init_task,
	.children	= LIST_HEAD_INIT(init_task.children),
	.sibling	= LIST_HEAD_INIT(init_task.sibling),
	.tasks		= { &tasklist, &tasklist },
	.run_list	= LIST_HEAD_INIT(init_task.run_list),
	.pending	= { .list = LIST_HEAD_INIT(init_task.pending.list) },
	.comm		= "swapper/0",
	.signal		= &init_signals,
	.sighand	= &init_sighand,
	.thread_node	= { &init_signals.thread_head, &init_signals.thread_head },
	.exit_signal	= -1,
	.real_cred	= &init_cred,
	.cred		= &init_cred,
};

struct task_struct *current_task = &init_task;
