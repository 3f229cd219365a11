// SPDX-License-Identifier: GPL-2.0
/*
 * Running a user signal handler, x86-64 style: the interrupted registers,
 * the FPU/SSE state, the blocked mask and a siginfo go into an
 * rt_sigframe on the user stack (below the 128-byte red zone); the
 * handler starts with (sig, &info, &uc) in rdi/rsi/rdx and returns to
 * sa_restorer, whose rt_sigreturn puts everything back. The layout is
 * Linux's, so libc's ucontext_t and siginfo_t read it.
 */
#include <linux/kernel.h>
#include <linux/arch.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/unistd.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <linux/uaccess.h>

#define SA_RESTORER	0x04000000
#define SA_NODEFER	0x40000000
#define SA_RESETHAND	0x80000000

struct sigcontext_64 {
	u64 r8, r9, r10, r11, r12, r13, r14, r15;
	u64 di, si, bp, bx, dx, ax, cx, sp, ip, flags;
	u16 cs, gs, fs, ss;
	u64 err, trapno, oldmask, cr2;
	u64 fpstate;
	u64 reserved1[8];
};

struct ucontext_k {
	u64 uc_flags;
	u64 uc_link;
	stack_t uc_stack;
	struct sigcontext_64 uc_mcontext;
	sigset_t uc_sigmask;
};

/* siginfo_t: what the kernel keeps of it, then zeros to 128 bytes */
struct siginfo_k {
	struct kernel_siginfo k;
	int __rest[(128 - sizeof(struct kernel_siginfo)) / 4];
};

struct rt_sigframe {
	u64 pretcode;
	struct ucontext_k uc;
	struct siginfo_k info;
};

static void save_regs(struct sigcontext_64 *sc, const struct pt_regs *r)
{
	memset(sc, 0, sizeof(*sc));
	sc->r8 = r->r8; sc->r9 = r->r9; sc->r10 = r->r10; sc->r11 = r->r11;
	sc->r12 = r->r12; sc->r13 = r->r13; sc->r14 = r->r14; sc->r15 = r->r15;
	sc->di = r->di; sc->si = r->si; sc->bp = r->bp; sc->bx = r->bx;
	sc->dx = r->dx; sc->ax = r->ax; sc->cx = r->cx; sc->sp = r->sp;
	sc->ip = r->ip; sc->flags = r->flags; sc->cs = r->cs; sc->ss = r->ss;
	sc->trapno = r->vector == -1UL ? 0 : r->vector;
	sc->err = r->vector == -1UL ? 0 : r->orig_ax;
	sc->cr2 = current->fault_addr;
}

/* Only the flags a user may set (arithmetic, direction, trap, AC). */
#define FIX_EFLAGS	(0x1UL | 0x4 | 0x10 | 0x40 | 0x80 | 0x100 | 0x400 | 0x800 | 0x40000)

static void restore_regs(struct pt_regs *r, const struct sigcontext_64 *sc)
{
	r->r8 = sc->r8; r->r9 = sc->r9; r->r10 = sc->r10; r->r11 = sc->r11;
	r->r12 = sc->r12; r->r13 = sc->r13; r->r14 = sc->r14; r->r15 = sc->r15;
	r->di = sc->di; r->si = sc->si; r->bp = sc->bp; r->bx = sc->bx;
	r->dx = sc->dx; r->ax = sc->ax; r->cx = sc->cx; r->sp = sc->sp;
	r->ip = sc->ip;
	r->flags = (r->flags & ~FIX_EFLAGS) | (sc->flags & FIX_EFLAGS);
	r->cs = __USER_CS;
	r->ss = __USER_DS;
	r->vector = -1UL;
	r->orig_ax = -1UL;	/* not a syscall to restart: whatever rax holds */
}

/*
 * setup_rt_frame - make the task run handler @ka for @sig, with @info
 * for its siginfo, when it next returns to user mode: on the alternate
 * stack if the handler asks (SA_ONSTACK) and one is set up and not in
 * use, else below the red zone. The frame keeps the mask to restore
 * (sigmask_to_save: rt_sigsuspend's saved one) and the altstack as it
 * was. Returns 0, or -EFAULT if the frame cannot be written or would
 * overflow the alternate stack (the caller then kills the task with
 * SIGSEGV, as Linux does).
 */
int setup_rt_frame(int sig, const struct k_sigaction *ka, const struct kernel_siginfo *info,
		   struct pt_regs *regs)
{
	struct rt_sigframe frame;
	u8 fx[512] __aligned(16);
	unsigned long sp, fp;
	bool altstack;

	if (!(ka->flags & SA_RESTORER))
		return -EFAULT;		/* x86-64 needs libc's restorer */
	sp = sigsp(regs->sp - 128, ka, &altstack);
	sp = (sp - sizeof(fx)) & ~63UL;
	fp = sp;
	sp = ((sp - sizeof(frame)) & ~15UL) - 8;	/* as after a call */
	if (altstack && !__on_sig_stack(sp)) {
		pr_info("%s[%d] overflowed sigaltstack\n", current->comm, current->pid);
		return -EFAULT;
	}
	memset(&frame, 0, sizeof(frame));
	frame.pretcode = (u64)ka->restorer;
	save_regs(&frame.uc.uc_mcontext, regs);
	frame.uc.uc_mcontext.fpstate = fp;
	frame.uc.uc_mcontext.oldmask = sigmask_to_save();
	frame.uc.uc_sigmask = sigmask_to_save();
	__save_altstack(&frame.uc.uc_stack, regs->sp);
	frame.info.k = *info;
	__asm__ volatile("fxsave64 %0" : "=m"(fx));
	if (copy_to_user((void __user *)fp, fx, sizeof(fx)) ||
	    copy_to_user((void __user *)sp, &frame, sizeof(frame)))
		return -EFAULT;
	regs->sp = sp;
	regs->ip = (u64)ka->handler;
	regs->di = sig;
	regs->si = sp + offsetof(struct rt_sigframe, info);
	regs->dx = sp + offsetof(struct rt_sigframe, uc);
	regs->ax = 0;
	regs->flags &= ~(0x100UL | 0x400UL);	/* TF, DF off in the handler */
	return 0;
}

/*
 * restore_fpstate - the FPU/SSE state a handler's frame points to, or,
 * if the pointer is NULL, the state a new process starts with (FCW
 * 0x37f, MXCSR 0x1f80, registers zero), as Linux does. Returns 0 or
 * -EFAULT.
 */
static int restore_fpstate(u64 fpstate)
{
	u8 fx[512] __aligned(16);

	if (!fpstate) {
		memset(fx, 0, sizeof(fx));
		*(u16 *)fx = 0x37f;		/* FCW */
		((u32 *)fx)[6] = 0x1f80;	/* MXCSR */
	} else if (copy_from_user(fx, (void __user *)fpstate, sizeof(fx))) {
		return -EFAULT;
	}
	((u32 *)fx)[6] &= 0xffff;	/* MXCSR: no reserved bits (would #GP) */
	__asm__ volatile("fxrstor64 %0" :: "m"(fx));
	return 0;
}

/* rt_sigreturn - back from a handler: registers, FPU state and the
 * blocked mask as the frame holds them (a damaged frame: SIGSEGV). */
SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = current_pt_regs();
	struct rt_sigframe frame;
	unsigned long sp = regs->sp - 8;	/* the handler's ret popped pretcode */

	if (copy_from_user(&frame, (void __user *)sp, sizeof(frame)) ||
	    restore_fpstate(frame.uc.uc_mcontext.fpstate)) {
		force_sig(SIGSEGV);
		return 0;
	}
	restore_regs(regs, &frame.uc.uc_mcontext);
	/* what the handler interrupted is not to be restarted by a later
	 * restart_syscall(2) (Linux's) */
	current->restart_block.fn = do_no_restart_syscall;
	set_current_blocked(frame.uc.uc_sigmask);	/* under siglock: senders read it */
	restore_altstack(&frame.uc.uc_stack, regs->sp);	/* as the handler left it */
	return regs->ax;
}

#define SA_RESTART	0x10000000

/*
 * syscall_restart - if @regs return from a syscall that a signal
 * interrupted, Linux's rule: with no handler to run (@ka NULL) every
 * -ERESTART* runs the syscall again (back up over the 2-byte syscall
 * instruction with the number in rax again), but -ERESTART_RESTARTBLOCK
 * runs restart_syscall(2) there instead; before handler @ka,
 * -ERESTARTNOHAND and -ERESTART_RESTARTBLOCK fail with -EINTR,
 * -ERESTARTSYS too unless the handler has SA_RESTART, and
 * -ERESTARTNOINTR always restarts.
 */
void syscall_restart(struct pt_regs *regs, const struct k_sigaction *ka)
{
	long err = (long)regs->ax;

	if (regs->vector != -1UL || regs->orig_ax == -1UL)
		return;
	if (err != -ERESTARTSYS && err != -ERESTARTNOHAND && err != -ERESTARTNOINTR &&
	    err != -ERESTART_RESTARTBLOCK)
		return;
	if (ka && (err == -ERESTARTNOHAND || err == -ERESTART_RESTARTBLOCK ||
		   (err == -ERESTARTSYS && !(ka->flags & SA_RESTART)))) {
		regs->ax = -EINTR;
		return;
	}
	regs->ax = err == -ERESTART_RESTARTBLOCK ? __NR_restart_syscall : regs->orig_ax;
	regs->ip -= 2;
}
