/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The machine-dependent interface.
 *
 * Generic code (init/, kernel/, mm/, fs/, lib/) builds unchanged for
 * every target; what differs between a real x86-64 machine (arch/x86)
 * and the software MMU the tests run on (arch/hosted) is behind this
 * seam, and nowhere else: generic code has no #ifdef per target.
 *
 * Each machine-dependent implementation is required to provide:
 *
 * Headers, in arch/<target>/include/asm/:
 *   current.h        current, the running task
 *   irqflags.h       arch_local_irq_{save,restore,enable,disable}(),
 *                    arch_irqs_disabled(): the interrupt flag
 *   processor.h      cpu_relax()
 *   page.h           __va(), __pa(), PAGE_OFFSET and the virtual layout
 *   pgtable.h        swapper_pg_dir
 *   mmu_context.h    load_new_mm_cr3(pgd): make @pgd the page table;
 *                    read_cr3_pa(): the physical address loaded now
 *   tlbflush.h       write_cr3() (uncounted), __flush_tlb_one_user(),
 *                    __flush_tlb_one_kernel(), __flush_tlb_all(): the
 *                    TLB operations (the flushes counted)
 *   switch_to.h      switch_to(prev, next, last): the register switch
 *   thread.h         struct thread_struct, in every task_struct
 *   archrandom.h     arch_get_random_longs(), arch_get_random_seed_longs(),
 *                    random_get_entropy(): the CPU's random numbers
 *
 * Shared by design, in arch/x86/include/shared/asm/ (both targets put
 * it on the include path after their own asm/; the hosted target runs
 * x86-64's ABI and its MMU walks x86-64's tables):
 *   pgtable_types.h  the page-table entry format
 *   ptrace.h         struct pt_regs, user_mode(), current_pt_regs()
 *   syscalls_64.h    the syscall table, with Linux's numbers
 *   mmu.h            mm_context_t, the arch part of struct mm_struct
 *
 * Data:
 *   jiffies, tsc_khz            <linux/jiffies.h>  the tick count
 *   boot_command_line           <linux/init.h>     from the boot loader
 *   phys_initrd_start/size      <linux/initrd.h>   where the initrd is
 *   boot_stack                                      below
 *
 * Functions: the declarations below, and
 *   copy_{from,to}_user(), clear_user(), strncpy_from_user(),
 *   strnlen_user()              <linux/uaccess.h>  -EFAULT, never a
 *                                                  kernel fault
 *   local_clock()               <linux/jiffies.h>  nanoseconds since boot
 *   read_persistent_clock64()   <linux/timekeeping.h> the wall clock at boot
 *   console_write()             <linux/console.h>  the kernel's console
 *   machine_restart(), machine_halt(), machine_power_off(),
 *   mmos_test_exit()            <linux/reboot.h>
 *
 * Whole files: on arch/hosted, kernel/printk/printk.c and kernel/locking/rwsem.c
 * are not built; arch/hosted/kernel/printk.c (printk(), panic(),
 * __warn() to the host's stderr) and arch/hosted/kernel/rwsem.c (one
 * host thread: a lock that must never be contended) stand in for them.
 *
 * What each target does with these is in its own files: arch/x86 boots
 * through arch/x86/kernel/setup.c, arch/hosted through hosted_boot() in
 * arch/hosted/mm/physmem.c.
 */
#ifndef _LINUX_ARCH_H
#define _LINUX_ARCH_H

#include <linux/types.h>

struct task_struct;
struct kernel_clone_args;
struct pt_regs;
struct k_sigaction;

/* Boot: the first of start_kernel()'s steps, and the timer. */
void setup_arch(char **cmdline);
void time_init(void);

extern char boot_stack[];		/* init_task's kernel stack */

/* Tasks. */
int copy_thread(struct task_struct *p, const struct kernel_clone_args *args);
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);
struct pt_regs *task_pt_regs(struct task_struct *tsk);
void arch_cpu_idle(void);		/* wait for an interrupt */

/* Signals: the frame a handler runs on, and restarting a syscall. */
struct kernel_siginfo;
int setup_rt_frame(int sig, const struct k_sigaction *ka, const struct kernel_siginfo *info,
		   struct pt_regs *regs);
struct k_sigaction;
void syscall_restart(struct pt_regs *regs, const struct k_sigaction *ka);

/* Misc. */
void dump_stack(void);			/* a backtrace of the caller */
struct seq_buf;
void arch_show_cpuinfo(struct seq_buf *s);	/* /proc/cpuinfo's text */

#endif
