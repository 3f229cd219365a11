/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct task_struct: one per schedulable task, process or thread alike
 * (Documentation/mm/process-address-space.md). What makes a task a
 * process, a thread or a kernel thread is only how it holds an mm_struct:
 *   kernel thread   mm == NULL; active_mm borrows whatever was loaded
 *   user task       mm == active_mm, its own address space
 *   threads         several tasks with the same mm (same tgid)
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/atomic.h>
#include <asm/page.h>
#include <linux/list.h>
#include <linux/smp.h>
#include <linux/signal.h>
#include <linux/wait.h>
#include <linux/timer.h>
#include <linux/restart_block.h>
#include <asm/current.h>
#include <asm/thread.h>

#include <linux/pid.h>
#include <linux/resource.h>

/*
 * struct prev_cputime - the last user/system split reported for a task
 * or a process, so that the next is never smaller in either part
 * (kernel/sched/cputime.c, cputime_adjust()). lock (irqsave) must be
 * held when using these:
 */
struct prev_cputime {
	u64 utime, stime;
	spinlock_t lock;
};

/* __state */
#define TASK_RUNNING		0x0000
#define TASK_INTERRUPTIBLE	0x0001
#define TASK_UNINTERRUPTIBLE	0x0002
#define __TASK_STOPPED		0x0004	/* group stop: only SIGCONT/SIGKILL wake it */
#define TASK_DEAD		0x0080
#define TASK_WAKEKILL		0x0100	/* SIGKILL wakes the sleep */
#define TASK_KILLABLE		(TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_STOPPED		(TASK_WAKEKILL | __TASK_STOPPED)
#define TASK_NORMAL		(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

/* exit_state */
#define EXIT_DEAD		0x0010
#define EXIT_ZOMBIE		0x0020

/* flags */
#define PF_IDLE			0x00000002
#define PF_EXITING		0x00000004
#define PF_FORKNOEXEC		0x00000040	/* forked, not exec'd since */
#define PF_KTHREAD		0x00200000

#define TASK_COMM_LEN		16
#define THREAD_SIZE_ORDER	2
#define THREAD_SIZE		(PAGE_SIZE << THREAD_SIZE_ORDER)

struct mm_struct;
struct kthread;
struct files_struct;
struct fs_struct;
struct signal_struct;
struct sighand_struct;
struct completion;
struct cred;
struct tty_struct;
#ifndef __user
#define __user
#endif

struct task_struct {
	/* Architecture state: saved kernel stack pointer, FS base */
	struct thread_struct thread;

	/* Scheduling, with interrupts off (one CPU: that is the runqueue's
	 * lock). __state is also set by the task itself, and by wakers. */
	volatile long __state;
	int on_rq;
	unsigned int time_slice;	/* ticks left */
	int static_prio;		/* 120 + nice: the slice's length */
	struct list_head run_list;

	unsigned int flags;
	void *stack;			/* THREAD_SIZE bytes, lowest address */
	atomic_t usage;			/* get/put_task_struct */

	/* Address space: see above and Documentation/mm/process-address-space.md */
	struct mm_struct *mm;
	struct mm_struct *active_mm;

	/* Identity and family: tasklist_lock */
	pid_t pid, tgid;
	struct pid *thread_pid;		/* the struct pid of pid (a reference) */
	struct list_head pid_links[PIDTYPE_MAX];	/* in pid->tasks[type] */
	struct task_struct *real_parent, *parent, *group_leader;
	struct list_head children, sibling;
	struct list_head tasks;		/* all tasks, from init_task */
	int exit_state, exit_code;
	char comm[TASK_COMM_LEN];

	struct kthread *kthread;	/* kernel threads made by kthread_create */

	/* CPU time and counts (kernel/sched/cputime.c), written only by
	 * the task itself or by the tick interrupting it (interrupts off
	 * but in the fault path), so others read them under tasklist_lock
	 * (irqsave): utime/stime are sampled at the tick (ns), and
	 * sum_exec_runtime is exact, added up at each switch from
	 * exec_start, the local_clock() of the last switch in. */
	u64 utime, stime, sum_exec_runtime, exec_start;
	unsigned long nvcsw, nivcsw;	/* voluntary, involuntary switches */
	unsigned long min_flt, maj_flt;	/* page faults (mm/memory.c) */
	u64 start_boottime;		/* CLOCK_BOOTTIME ns at fork: /proc's starttime */
	struct prev_cputime prev_cputime;	/* what was last reported */

	/* Signals: the blocked mask, changed by the task itself under
	 * signal->siglock (senders read it there) */
	sigset_t blocked;
	/* rt_sigsuspend, ppoll and pselect6 put a temporary mask in blocked
	 * for the call; the task's own waits here until a handler's frame
	 * saved it or the return to user mode put it back
	 * (<linux/sched/signal.h>). Only the task itself touches these. */
	sigset_t saved_sigmask;
	bool restore_sigmask;
	sigset_t real_blocked;		/* rt_sigtimedwait: blocked before it */
	/* how an interrupted syscall goes on (restart_syscall(2)); only the
	 * task itself touches it */
	struct restart_block restart_block;
	/* signal->siglock must be held when using these: */
	unsigned long jobctl;		/* JOBCTL_*: this thread's part in a group stop */
	struct sigpending pending;	/* signals for this thread alone */
	/* The last fault's address, for the handler's sigcontext (cr2) */
	unsigned long fault_addr;
	/* sigaltstack: changed by the task itself only */
	unsigned long sas_ss_sp;
	size_t sas_ss_size;
	unsigned int sas_ss_flags;

	/* Open files (fd table), shared with CLONE_FILES */
	struct files_struct *files;
	/* Root, working directory and umask, shared with CLONE_FS */
	struct fs_struct *fs;

	/* set_tid_address: cleared (and woken) when the task exits */
	int __user *clear_child_tid;
	int __user *set_child_tid;	/* CLONE_CHILD_SETTID, done on first run */
	/* set_robust_list: written only by the task itself, read by others
	 * with READ_ONCE (get_robust_list), walked at its exit and exec */
	struct robust_list_head __user *robust_list;

	/* The thread group: shared by CLONE_THREAD tasks */
	struct signal_struct *signal;
	/* The signal actions: shared by CLONE_SIGHAND tasks (a reference,
	 * put by free_task(); only exec's unshare_sighand() changes it) */
	struct sighand_struct *sighand;
	int exit_signal;		/* to the parent at exit (SIGCHLD), -1: none */
	int pdeath_signal;		/* to it when its parent thread exits (prctl) */
	/* PR_SET_NO_NEW_PRIVS: exec grants no privileges (set-id bits
	 * ignored); inherited by fork and kept by exec, never cleared.
	 * Only the task itself sets it (Linux's PFA_NO_NEW_PRIVS, atomic
	 * there because seccomp may set it from another thread). */
	bool no_new_privs;
	struct list_head thread_node;	/* in signal->thread_head: tasklist_lock */

	/* task_lock (alloc_lock) must be held when using these once the
	 * task runs (kernel_clone sets vfork_done before it does), and
	 * when another task reads real_cred (get_task_cred()); the task
	 * itself reads its own without it (current_cred()): */
	spinlock_t alloc_lock;
	struct completion *vfork_done;	/* a vfork parent waits on it */
	const struct cred *real_cred;	/* what others see: kill, /proc */
	const struct cred *cred;	/* what the task acts with */
};

/* task_no_new_privs - has @p given up gaining privileges by exec? */
static inline bool task_no_new_privs(const struct task_struct *p)
{
	return p->no_new_privs;
}

/* task_set_no_new_privs - current gives them up, for good. */
static inline void task_set_no_new_privs(struct task_struct *p)
{
	p->no_new_privs = true;
}

/*
 * struct signal_struct - what the threads of one process share: their
 * count, the group exit, and the queue parents wait on for children.
 */
struct signal_struct {
	atomic_t count;			/* references (threads) */
	atomic_t live;			/* threads not yet in do_exit */
	unsigned int flags;		/* SIGNAL_UNKILLABLE: set once, for init */
	/* tasklist_lock must be held when using these: */
	int nr_threads;			/* live threads */
	bool group_exit;		/* exit_group in progress */
	int group_exit_code;
	/* the thread in de_thread() (exec), waiting for the others to go */
	struct task_struct *group_exec_task;
	struct list_head thread_head;	/* tasklist_lock */
	struct wait_queue_head wait_chldexit;	/* children's exits wake it */

	/* tasklist_lock must be held when using these: the totals of the
	 * threads already released (release_task()), and the c* totals of
	 * the children reaped by wait (getrusage(RUSAGE_CHILDREN), times) */
	u64 utime, stime, sum_sched_runtime, cutime, cstime;
	unsigned long nvcsw, nivcsw, cnvcsw, cnivcsw;
	unsigned long min_flt, maj_flt, cmin_flt, cmaj_flt;
	unsigned long maxrss, cmaxrss;	/* pages: the largest RSS */

	/* tasklist_lock must be held when using these (the references are
	 * the pointers' own; put when the signal_struct goes): */
	struct pid *pids[PIDTYPE_MAX];	/* TGID, PGID, SID; [PIDTYPE_PID] unused */
	bool leader;			/* a session leader (setsid) */
	bool is_child_subreaper;	/* orphans below come here (prctl) */

	/* siglock must be held when using these (the group stop): */
	spinlock_t siglock;
	struct sigpending shared_pending;	/* signals for any of the threads */
	unsigned int stop_flags;	/* SIGNAL_STOP_*, SIGNAL_CLD_* */
	int group_stop_count;		/* threads still to stop */
	int group_stop_code;		/* the stop signal, for wait (WSTOPPED) */
	/* the controlling terminal (drivers/tty/tty_jobctrl.c), or NULL;
	 * as Linux's, under siglock. ttys live for ever here, so it holds
	 * no reference (Linux's tty_kref). */
	struct tty_struct *tty;
	/* a session leader's foreground group when a hangup took its
	 * terminal (a reference, or NULL; under siglock): SIGHUP and
	 * SIGCONT go to it when the leader exits (Linux's tty_old_pgrp) */
	struct pid *tty_old_pgrp;
	/* ITIMER_REAL (kernel/time/itimer.c), in CLOCK_MONOTONIC ns: */
	u64 it_real_expires, it_real_incr;
	/* ITIMER_PROF, ITIMER_VIRTUAL: CPU time (ns) left and the reload */
	struct cpu_itimer { u64 expires, incr; } it[2];
	struct timer_list real_timer;	/* its own pending: timer_lock */
	/* POSIX timers (kernel/time/posix-timers.c): */
	struct list_head posix_timers;	/* struct k_itimer.list */
	int next_posix_timer_id;
	struct prev_cputime prev_cputime;	/* the process's, last reported */
	/* The resource limits (kernel/sys.c): written under
	 * task_lock(group_leader) (do_prlimit), read by the process's own
	 * threads without it (rlimit()), by others under it. */
	struct rlimit64 rlim[RLIM_NLIMITS];
};

/*
 * struct sighand_struct - the signal actions, shared by the tasks cloned
 * with CLONE_SIGHAND (every thread, and CLONE_VM|CLONE_SIGHAND
 * processes), so that one thread's sigaction() is every thread's, as
 * Linux's. Each task holds a reference (count). Unlike Linux's, its
 * siglock guards only the actions: the pending sets and the group stop
 * are under signal->siglock, which is taken first when both are needed
 * (Documentation/locking.md).
 */
struct sighand_struct {
	atomic_t count;
	/* siglock (irqsave: senders in the timer interrupt read the
	 * actions) must be held when using these: */
	spinlock_t siglock;
	struct k_sigaction action[_NSIG];
};

/* signal_struct.flags */
#define SIGNAL_UNKILLABLE	0x00000040	/* init: only what it handles */

/* signal_struct.stop_flags (Linux keeps them in signal->flags) */
#define SIGNAL_STOP_STOPPED	0x00000001	/* the group is stopped */
#define SIGNAL_STOP_CONTINUED	0x00000002	/* SIGCONT since: for WCONTINUED */
#define SIGNAL_CLD_STOPPED	0x00000010	/* the parent is yet to hear */
#define SIGNAL_CLD_CONTINUED	0x00000020
#define SIGNAL_CLD_MASK		(SIGNAL_CLD_STOPPED | SIGNAL_CLD_CONTINUED)

/* task_struct.jobctl */
#define JOBCTL_STOP_PENDING	(1UL << 17)	/* this thread is to stop */
#define JOBCTL_STOPPED		(1UL << 26)	/* this thread has stopped */

/* task_pid etc. - @task's pids in each role; tasklist_lock held, or
 * @task is current (whose own cannot change under it but by itself). */
static inline struct pid *task_pid(struct task_struct *task)
{
	return task->thread_pid;
}

static inline struct pid *task_tgid(struct task_struct *task)
{
	return task->signal->pids[PIDTYPE_TGID];
}

static inline struct pid *task_pgrp(struct task_struct *task)
{
	return task->signal->pids[PIDTYPE_PGID];
}

static inline struct pid *task_session(struct task_struct *task)
{
	return task->signal->pids[PIDTYPE_SID];
}

/* thread_group_leader - @p leads its thread group (is the process). */
static inline bool thread_group_leader(const struct task_struct *p)
{
	return p->group_leader == p;
}

/* rlimit - current's soft limit @limit (RLIMIT_*), as Linux's. */
#define rlimit(limit)	READ_ONCE(current->signal->rlim[limit].rlim_cur)

/* same_thread_group - @p1 and @p2 are threads of one process. */
static inline bool same_thread_group(const struct task_struct *p1,
				     const struct task_struct *p2)
{
	return p1->signal == p2->signal;
}

/* is_global_init - @p is a thread of PID 1's process. */
static inline bool is_global_init(const struct task_struct *p)
{
	return p->tgid == 1;
}

extern struct task_struct init_task;
extern struct list_head tasklist;
extern spinlock_t tasklist_lock;		/* the task list and every family link */
extern struct task_struct *child_reaper;	/* PID 1: orphans go to it */

static inline void set_current_state(long state)
{
	WRITE_ONCE(current->__state, state);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

static inline void __set_current_state(long state)
{
	WRITE_ONCE(current->__state, state);
}

/* task_lock - the lock of the task's own fields that others change too
 * (today vfork_done), as Linux's task_lock(). */
static inline void task_lock(struct task_struct *p)
{
	spin_lock(&p->alloc_lock);
}

static inline void task_unlock(struct task_struct *p)
{
	spin_unlock(&p->alloc_lock);
}

/* Nice values, as Linux's <linux/sched/prio.h>. */
#define MAX_NICE		19
#define MIN_NICE		(-20)
#define DEFAULT_PRIO		120
#define NICE_TO_PRIO(nice)	((nice) + DEFAULT_PRIO)
#define PRIO_TO_NICE(prio)	((prio) - DEFAULT_PRIO)

static inline int task_nice(const struct task_struct *p)
{
	return PRIO_TO_NICE(p->static_prio);
}

static inline bool is_idle_task(const struct task_struct *p)
{
	return p->flags & PF_IDLE;
}

/* kernel/sched/core.c */
void schedule(void);
void cond_resched(void);
void preempt_schedule_irq(void);
int wake_up_process(struct task_struct *p);
int wake_up_state(struct task_struct *p, unsigned int state);
void wake_up_new_task(struct task_struct *p);
void scheduler_tick(void);
void sched_init(void);
__attribute__((noreturn)) void cpu_startup_entry(void);
void schedule_tail(struct task_struct *prev);
void yield(void);
void set_user_nice(struct task_struct *p, long nice);
void drop_lazy_mm(void);
long schedule_timeout(long ticks);
bool schedule_until(u64 end_ns);
void msleep(unsigned int ms);
struct task_struct *find_task_by_pid(pid_t pid);
struct task_struct *find_task_by_pid_locked(pid_t pid);
struct task_struct *find_get_task_by_pid(pid_t pid);

/* kernel/exit.c: process groups that lose their link to job control */
bool will_become_orphaned_pgrp(struct pid *pgrp, struct task_struct *ignored_task);
bool is_current_pgrp_orphaned(void);

/* kernel/fork.c, kernel/exit.c */
struct kernel_clone_args {
	unsigned long flags;
	int (*fn)(void *);		/* run by the new task in the kernel */
	void *fn_arg;
	const char *name;
	bool kthread;			/* the child is a kernel thread */
	int __user *parent_tid, *child_tid;	/* CLONE_{PARENT,CHILD}_SETTID */
	unsigned long stack;		/* new user stack pointer, if any */
	unsigned long tls;		/* CLONE_SETTLS: the FS base */
	int exit_signal;		/* sent to the parent at exit */
};
pid_t kernel_clone(struct kernel_clone_args *args);
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name,
		    unsigned long flags);
void fork_init(void);
__attribute__((noreturn)) void do_exit(long code);
void get_task_struct(struct task_struct *t);
void put_task_struct(struct task_struct *t);
void release_task(struct task_struct *p);
void put_signal_struct(struct signal_struct *sig);
void __set_task_comm(struct task_struct *tsk, const char *buf);
char *__get_task_comm(char *buf, size_t buf_size, struct task_struct *tsk);
#define get_task_comm(buf, tsk)	__get_task_comm(buf, sizeof(buf), tsk)
struct kmem_cache;
extern struct kmem_cache *sighand_cachep;	/* exec's unshare_sighand() allocates too */
void __cleanup_sighand(struct sighand_struct *sighand);

/* The free pages before PID 1's exec, for the line init's death prints. */
extern unsigned long init_free_pages_before_exec;
extern atomic_t nr_exiting_tasks;	/* kernel/exit.c */
unsigned long nr_tasks(void);

/* Clone flags (Linux's values). */
#define CSIGNAL			0x000000ff
#define CLONE_VM		0x00000100
#define CLONE_FS		0x00000200
#define CLONE_FILES		0x00000400
#define CLONE_SIGHAND		0x00000800
#define CLONE_VFORK		0x00004000
#define CLONE_PARENT		0x00008000
#define CLONE_THREAD		0x00010000
#define CLONE_SETTLS		0x00080000
#define CLONE_PARENT_SETTID	0x00100000
#define CLONE_CHILD_CLEARTID	0x00200000
#define CLONE_DETACHED		0x00400000
#define CLONE_UNTRACED		0x00800000
#define CLONE_CHILD_SETTID	0x01000000
#define CLONE_SYSVSEM		0x00040000

#endif
