// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel(): the architecture-independent boot, in Linux's order:
 * setup_arch (memory map, paging), the command line, the memory core,
 * traps and the timer, the root filesystem, and finally init.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/initrd.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/mm.h>
#include <linux/reboot.h>
#include <linux/selftest.h>
#include <linux/string.h>
#include <asm/irqflags.h>
#include <asm/setup.h>

#define MMOS_BANNER "mmos version 0.1 (x86_64): Linux's process memory model\n"

static const char *execute_command;
extern struct task_struct *child_reaper, *kthreadd_task;

void mm_core_init(void);

static int init_setup(char *s)
{
	execute_command = s;
	return 0;
}
__setup("init=", init_setup);

static int quiet_kernel(char *s)
{
	(void)s;
	console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	return 0;
}
early_param("quiet", quiet_kernel);

static int console_setup(char *s)
{
	if (strncmp(s, "ttyS0", 5))
		pr_warn("console=%s: mmos has one console, ttyS0; using it\n", s);
	return 0;
}
__setup("console=", console_setup);

static void print_init_mm(void)
{
	pr_info("init_mm: pgd %p (swapper_pg_dir, phys %#llx) mm_users %d mm_count %d\n",
		init_mm.pgd, (unsigned long long)__pa(init_mm.pgd),
		atomic_read(&init_mm.mm_users), atomic_read(&init_mm.mm_count));
	pr_info("init_mm: start_code %#lx end_code %#lx end_data %#lx brk %#lx\n",
		init_mm.start_code, init_mm.end_code, init_mm.end_data, init_mm.brk);
}

/*
 * Look for init as Linux does: init= first, then /init, /sbin/init,
 * /etc/init, /bin/init, /bin/sh. Running it needs exec, which the
 * user-process issue brings; until then the boot ends here, saying so.
 */
static void run_init(void)
{
	static const char *const candidates[] = {
		"/init", "/sbin/init", "/etc/init", "/bin/init", "/bin/sh",
	};
	const char *path = execute_command;
	struct dentry *d = NULL;
	int err = 0;

	if (path)
		d = path_lookup(path, true, &err);
	for (unsigned i = 0; !d && !execute_command && i < ARRAY_SIZE(candidates); i++)
		d = path_lookup(path = candidates[i], true, &err);
	if (!d || !S_ISREG(d->d_inode->i_mode))
		panic("No working init found.  Try passing init= option to kernel.");
	pr_notice("init: found %s (%llu bytes); this kernel cannot run user programs yet, stopping\n",
		  path, (unsigned long long)d->d_inode->i_size);
	machine_restart();
}

static DECLARE_COMPLETION(kthreadd_done);

/* kernel_init - PID 1: a kernel thread until it execs /init. */
static int kernel_init(void *unused)
{
	wait_for_completion(&kthreadd_done);
	populate_rootfs();
	if (mmos_selftest)
		run_selftests();
	run_init();
	return 0;
}

/*
 * rest_init - start PID 1 (kernel_init) and PID 2 (kthreadd), then let
 * init_task become this CPU's idle task. kernel_init waits until
 * kthreadd exists, since it may ask it for threads.
 */
static void rest_init(void)
{
	pid_t pid;

	pid = kernel_thread(kernel_init, NULL, "init", CLONE_FS);
	child_reaper = find_task_by_pid(pid);
	pid = kernel_thread(kthreadd, NULL, "kthreadd", CLONE_FS | CLONE_FILES);
	kthreadd_task = find_task_by_pid(pid);
	if (!child_reaper || !kthreadd_task)
		panic("rest_init: cannot start init and kthreadd");
	complete(&kthreadd_done);
	cpu_startup_entry();
}

void start_kernel(void)
{
	char *command_line;

	setup_arch(&command_line);
	printk(KERN_NOTICE MMOS_BANNER);
	pr_notice("Kernel command line: %s\n", command_line);
	print_init_mm();
	parse_args();
	mm_core_init();
	sched_init();
	fork_init();
	time_init();
	arch_local_irq_enable();
	rest_init();
}
