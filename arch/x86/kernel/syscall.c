// SPDX-License-Identifier: GPL-2.0
/*
 * The syscall path: MSRs for the syscall instruction, the table, and
 * do_syscall_64(), called by entry_SYSCALL_64 with the user registers in
 * a struct pt_regs.
 */
#include <linux/kernel.h>
#include <linux/entry-common.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/setup.h>
#include <asm/traps.h>

#define MSR_STAR		0xc0000081
#define MSR_LSTAR		0xc0000082
#define MSR_SYSCALL_MASK	0xc0000084

typedef long (*sys_call_ptr_t)(const struct pt_regs *);

#define __SYSCALL(nr, name) long __x64_sys_##name(const struct pt_regs *);
#include <asm/syscalls_64.h>
#undef __SYSCALL

#define NR_syscalls	512
#define __SYSCALL(nr, name) [nr] = __x64_sys_##name,
static const sys_call_ptr_t sys_call_table[NR_syscalls] = {
#include <asm/syscalls_64.h>
};
#undef __SYSCALL

void entry_SYSCALL_64(void);

/*
 * syscall_init - syscall enters at entry_SYSCALL_64 on __KERNEL_CS and
 * sysret leaves on __USER_CS/__USER_DS (STAR's selector bases); entry
 * clears IF, TF, DF, AC and NT, so the kernel starts with interrupts off
 * and SMAP armed.
 */
void syscall_init(void)
{
	wrmsr(MSR_STAR, ((u64)__USER32_CS << 48) | ((u64)__KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (u64)entry_SYSCALL_64);
	wrmsr(MSR_SYSCALL_MASK, X86_EFLAGS_IF | (1UL << 8) | (1UL << 10) |
	      X86_EFLAGS_AC | (1UL << 14));
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

/* Numbers with no handler: -ENOSYS, reported once each. */
static long ni_syscall(unsigned long nr)
{
	static unsigned long reported[NR_syscalls / 64];

	if (nr < NR_syscalls && !(reported[nr / 64] & (1UL << (nr % 64)))) {
		reported[nr / 64] |= 1UL << (nr % 64);
		pr_info("%s[%d]: syscall %lu unknown to mmos: -ENOSYS\n",
			current->comm, current->pid, nr);
	}
	return -ENOSYS;
}

/*
 * sysret may return only if it restores exactly what iret would: rcx and
 * r11 hold ip and flags (so nothing like exec changed them) and ip is a
 * canonical user address (a non-canonical one faults in ring 0 on Intel).
 */
static bool can_sysret(const struct pt_regs *regs)
{
	return regs->cx == regs->ip && regs->r11 == regs->flags &&
	       regs->ip < TASK_SIZE && !(regs->flags & (1UL << 8));
}

bool do_syscall_64(struct pt_regs *regs)
{
	unsigned long nr = regs->orig_ax;

	arch_local_irq_enable();
	if (nr < NR_syscalls && sys_call_table[nr])
		regs->ax = sys_call_table[nr](regs);
	else
		regs->ax = ni_syscall(nr);
	exit_to_user_mode(regs);
	return can_sysret(regs);
}
