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
#define SIGURG		23
#define SIGWINCH	28

#define SIG_DFL		((void *)0)
#define SIG_IGN		((void *)1)

typedef u64 sigset_t;

static inline sigset_t sigmask(int sig)
{
	return 1ULL << (sig - 1);
}

/* The kernel's struct sigaction (x86-64 rt_sigaction layout). */
struct k_sigaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	sigset_t mask;
};

#define SA_RESTART	0x10000000	/* interrupted syscalls run again */

struct task_struct;

void force_sig(int sig);
int send_sig(int sig, struct task_struct *p, int priv);
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
void flush_signal_handlers(struct task_struct *t);

#endif
