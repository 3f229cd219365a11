/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Signals: per-task pending and blocked sets and sigactions; on the way
 * back to user mode a deliverable signal runs its handler (an x86-64
 * rt_sigframe, undone by rt_sigreturn) or takes its default action
 * (terminate the process, or ignore).
 */
#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

#include <linux/types.h>

#define _NSIG		64
#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGWINCH	28
#define SIGSYS		31
#define SIGRTMIN	32	/* the kernel's: libc keeps the first few */
#define SIGRTMAX	_NSIG

#define SIG_DFL		((void *)0)
#define SIG_IGN		((void *)1)

typedef u64 sigset_t;

static inline sigset_t sigmask(int sig)
{
	return 1ULL << (sig - 1);
}

/*
 * struct kernel_siginfo - what a pending signal says about itself: the
 * first 32 bytes of the user's siginfo_t, Linux's layout (the rest of
 * the 128 are zero when it is copied out). One per pending signal, as
 * Linux keeps for signals below SIGRTMIN: a second one while the first
 * is pending is merged into it.
 */
struct kernel_siginfo {
	int si_signo, si_errno, si_code, __pad;
	union {
		struct { int pid, uid; } kill;			/* SI_USER, SI_TKILL */
		struct { int pid, uid, status; } chld;		/* SIGCHLD */
		struct { int tid, overrun; u64 sigval; } timer;	/* SI_TIMER */
		u64 addr;					/* faults */
	};
};

#include <linux/list.h>

/*
 * struct sigqueue - one queued signal and its info, as Linux's: each
 * send of SIGRTMIN..SIGRTMAX is delivered once, in order; a POSIX
 * timer's own (SIGQUEUE_PREALLOC) is queued for any signal.
 */
struct sigqueue {
	struct list_head list;		/* in sigpending.list */
	int flags;			/* SIGQUEUE_PREALLOC */
	struct kernel_siginfo info;
};

#define SIGQUEUE_PREALLOC	1	/* a POSIX timer's own: the timer frees it */

/*
 * struct sigpending - a set of pending signals, as Linux's: a thread's
 * own (task->pending: tkill, tgkill, a fault's, SIGPIPE) or its
 * process's (signal->shared_pending: kill, a process group's signals,
 * SIGCHLD, the timers), each under signal->siglock. A standard signal
 * pending a second time merges with the first, so it has one info, kept
 * in info[] (Linux allocates even that; mmos allocates under no
 * spinlock). A real-time one is queued on list, a sigqueue allocated by
 * the sender before any lock; a sender that cannot (a process group's,
 * the kernel's own) merges it like a standard one into info[], which,
 * filled only while the signal is not pending at all, is then its
 * oldest (valid while info[].si_signo is set).
 */
struct sigpending {
	struct list_head list;
	sigset_t signal;
	struct kernel_siginfo info[_NSIG];
};

/* Linux's special info values: from a user's kill() (si_code SI_USER,
 * the sender's pid), and from the kernel (SI_KERNEL, and init cannot
 * ignore SIGKILL or SIGSTOP sent so). */
#define SEND_SIG_NOINFO	((struct kernel_siginfo *)0)
#define SEND_SIG_PRIV	((struct kernel_siginfo *)1)

#define SI_USER		0
#define SI_QUEUE	(-1)	/* sigqueue(3) */
#define SI_TIMER	(-2)	/* a POSIX timer expired */
#define SI_TKILL	(-6)	/* tkill, tgkill */

/* sigaltstack: Linux's stack_t */
typedef struct {
	void *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;

#define SS_ONSTACK	1
#define SS_DISABLE	2
#define SS_AUTODISARM	(1U << 31)	/* disarm while a handler runs on it */
#define SS_FLAG_BITS	SS_AUTODISARM
#define MINSIGSTKSZ	2048

/* The kernel's struct sigaction (x86-64 rt_sigaction layout). */
struct k_sigaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	sigset_t mask;
};

/* sa_flags (Linux's x86-64 values) */
#define SA_NOCLDSTOP	0x00000001	/* no SIGCHLD for a child's stop or continue */
#define SA_NOCLDWAIT	0x00000002	/* children leave no zombie */
#define SA_ONSTACK	0x08000000	/* the handler runs on the sigaltstack */
#define SA_RESTART	0x10000000	/* interrupted syscalls run again */

struct task_struct;

struct pid;

void force_sig(int sig);
int send_sig(int sig, struct task_struct *p, int priv);
int send_sig_info(int sig, const struct kernel_siginfo *info, struct task_struct *p);
int __group_send_sig_info(int sig, const struct kernel_siginfo *info, struct task_struct *p);
unsigned long sigsp(unsigned long sp, const struct k_sigaction *ka, bool *altstack);
bool __on_sig_stack(unsigned long sp);
void __save_altstack(stack_t *uss, unsigned long sp);
int restore_altstack(const stack_t *uss, unsigned long sp);
sigset_t sigmask_to_save(void);
void restore_saved_sigmask(void);
void set_current_blocked(sigset_t set);
int __kill_pgrp_info(int sig, int priv, struct pid *pgrp);
int kill_pgrp(struct pid *pgrp, int sig, int priv);
int kill_pid_info(int sig, const struct kernel_siginfo *info, struct pid *pid);
void send_signal_locked(int sig, const struct kernel_siginfo *info, struct task_struct *p);
void exit_signals(struct task_struct *tsk);
void zap_other_threads(void);
bool signal_pending(struct task_struct *p);
bool fatal_signal_pending(struct task_struct *p);
bool signal_pending_state(long state, struct task_struct *p);
struct pt_regs;
void do_signal_exit_check(struct pt_regs *regs);
void force_sig_fault(int sig, int code, unsigned long addr);

#define SI_KERNEL	0x80	/* si_code: sent by the kernel */
#define SEGV_MAPERR	1	/* si_code: no mapping there */
#define SEGV_ACCERR	2	/* si_code: mapped, access not allowed */
#define BUS_ADRERR	2
__attribute__((noreturn)) void do_group_exit(int code);
void flush_signal_handlers(struct task_struct *t, bool force_default);
struct signal_struct;
enum pid_type;
void init_sigpending(struct sigpending *pending);
void flush_sigqueue(struct sigpending *pending, struct signal_struct *sig);
struct sigqueue *sigqueue_alloc(void);
void sigqueue_free(struct sigqueue *q, struct signal_struct *sig);
int send_sigqueue(struct sigqueue *q, struct pid *pid, enum pid_type type, int missed);
struct k_sigaction sigaction_of(struct task_struct *p, int sig);

#endif
