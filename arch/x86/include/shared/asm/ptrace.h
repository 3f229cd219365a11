/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H

/*
 * struct pt_regs - registers saved on kernel entry, Linux's layout with
 * one addition: `vector`, the IDT vector the entry came through.
 * orig_ax holds the error code for exceptions that push one (0 if not).
 */
#define PTREGS_R15	0
#define PTREGS_AX	(10 * 8)
#define PTREGS_VECTOR	(15 * 8)
#define PTREGS_ORIG_AX	(16 * 8)
#define PTREGS_IP	(17 * 8)
#define PTREGS_CS	(18 * 8)
#define PTREGS_SIZE	(22 * 8)

#ifndef __ASSEMBLY__
struct pt_regs {
	unsigned long r15, r14, r13, r12, bp, bx;
	unsigned long r11, r10, r9, r8, ax, cx, dx, si, di;
	unsigned long vector;
	unsigned long orig_ax;
	unsigned long ip, cs, flags, sp, ss;
};

static inline bool user_mode(const struct pt_regs *regs)
{
	return regs->cs & 3;
}

struct task_struct;
struct pt_regs *task_pt_regs(struct task_struct *tsk);
#define current_pt_regs()	task_pt_regs(current)
#endif

#endif
