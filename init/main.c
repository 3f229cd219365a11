// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel(): the architecture-independent boot, in Linux's order:
 * setup_arch (memory map, paging), the command line, the memory core,
 * traps and the timer, the root filesystem, and finally init.
 */
#include <linux/arch.h>
#include <linux/kernel.h>
#include <linux/binfmts.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/devtmpfs.h>
#include <linux/init_syscalls.h>
#include <linux/proc_fs.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/init.h>
#include <linux/initrd.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/start_kernel.h>
#include <linux/wait.h>
#include <linux/mm.h>
#include <linux/reboot.h>
#include <linux/selftest.h>
#include <linux/serial_8250.h>
#include <linux/random.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/timekeeping.h>
#include <asm/irqflags.h>
#include <asm/setup.h>

#define MMOS_BANNER "mmos version 0.1 (x86_64): Linux's process memory model\n"

static const char *execute_command;
static const char *ramdisk_execute_command;	/* rdinit= */


/* init_setup - "init=": the program PID 1 runs. */
static int init_setup(char *s)
{
	execute_command = s;
	return 0;
}
__setup("init=", init_setup);

/* rdinit_setup - "rdinit=": the program in the initramfs PID 1 runs. */
static int rdinit_setup(char *s)
{
	ramdisk_execute_command = s;
	return 0;
}
__setup("rdinit=", rdinit_setup);

/*
 * "mmos.automount=1": devtmpfs on /dev, a tmpfs on /dev/shm and proc on
 * /proc before PID 1 runs. Linux has no such option and mounts neither for an initramfs's
 * init, which mounts what it needs (busybox's inittab does); mmos's test
 * programs run as PID 1 with nothing before them to mount /proc, so the
 * test runner asks for it (Documentation/testing.md).
 */
static bool mmos_automount;

/* automount_setup - "mmos.automount=": 1 mounts, anything else not. */
static int automount_setup(char *s)
{
	mmos_automount = *s == '1';
	return 0;
}
__setup("mmos.automount=", automount_setup);

/* quiet_kernel - "quiet": only warnings and worse on the console. */
static int quiet_kernel(char *s)
{
	(void)s;
	console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	return 0;
}
early_param("quiet", quiet_kernel);

/* console_setup - "console=": accepted (ttyS0 is the only console). */
static int console_setup(char *s)
{
	if (strncmp(s, "ttyS0", 5))
		pr_warn("console=%s: mmos has one console, ttyS0; using it\n", s);
	return 0;
}
__setup("console=", console_setup);

/* print_init_mm - log init_mm's page table and layout at boot. */
static void print_init_mm(void)
{
	pr_info("init_mm: pgd %p (swapper_pg_dir, phys %#llx) mm_users %d mm_count %d\n",
		init_mm.pgd, (unsigned long long)__pa(init_mm.pgd),
		atomic_read(&init_mm.mm_users), atomic_read(&init_mm.mm_count));
	pr_info("init_mm: start_code %#lx end_code %#lx end_data %#lx brk %#lx\n",
		init_mm.start_code, init_mm.end_code, init_mm.end_data, init_mm.brk);
}


/* run_init_process - exec @path as PID 1 (Documentation/boot.md,
 * "The boot sequence"). */
static int run_init_process(const char *path)
{
	argv_init[0] = path;
	pr_info("Run %s as init process\n", path);
	return kernel_execve(path, argv_init, envp_init);
}

/*
 * console_on_rootfs - fds 0, 1, 2 of PID 1 on the console's tty, as
 * Linux's kernel_init opens /dev/console; every process inherits them.
 */
static void console_on_rootfs(void)
{
	struct file *f;

	current->files = files_alloc();
	if (!current->files)
		panic("no memory for the console");
	f = tty_open_console(O_RDWR);
	if (IS_ERR(f)) {
		pr_err("Warning: unable to open an initial console.\n");
		return;
	}
	fd_install_new(f, 0, 0);
	fd_install_new(get_file(f), 0, 0);
	fd_install_new(get_file(f), 0, 0);
}

/*
 * Run init as Linux does: rdinit= (default /init) if choose_init()
 * kept it, then init=, then /sbin/init, /etc/init, /bin/init, /bin/sh.
 * Returns 0 once one exec succeeded.
 */
static int run_init(void)
{
	static const char *const candidates[] = {
		"/sbin/init", "/etc/init", "/bin/init", "/bin/sh",
	};
	int err;

	init_free_pages_before_exec = nr_free_pages();
	console_on_rootfs();
	if (ramdisk_execute_command) {
		err = run_init_process(ramdisk_execute_command);
		if (!err)
			return 0;
		pr_err("Failed to execute %s (error %d)\n", ramdisk_execute_command, err);
	}
	if (execute_command) {
		err = run_init_process(execute_command);
		if (!err)
			return 0;
		panic("Requested init %s failed (error %d).", execute_command, err);
	}
	for (unsigned i = 0; i < ARRAY_SIZE(candidates); i++) {
		err = run_init_process(candidates[i]);
		if (!err)
			return 0;
		if (err != -ENOENT)
			pr_err("Starting init: %s exists but couldn't execute it (error %d)\n",
			       candidates[i], err);
	}
	panic("No working init found.  Try passing init= option to kernel.");
}

/*
 * prepare_namespace - where Linux mounts the root device, when the
 * initramfs has no init. mmos has no block devices, so the root stays
 * rootfs and init= is looked for there (Documentation/boot.md); then,
 * as Linux's CONFIG_DEVTMPFS_MOUNT after mounting the root, devtmpfs
 * goes on /dev.
 */
static void prepare_namespace(void)
{
	devtmpfs_mount_dev();
}

/*
 * mount_dev_shm - a tmpfs on /dev/shm (made if missing), nosuid and
 * nodev, as a distribution's early boot mounts it (systemd's, or an
 * inittab's): POSIX shm_open() of every libc uses that fixed path.
 * Returns 0, or the error of the mkdir, lookup or mount.
 */
static int mount_dev_shm(void)
{
	struct path path;
	int err = init_mkdir("/dev/shm", 0755);

	if (err && err != -EEXIST)
		return err;
	err = kern_path("/dev/shm", LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);
	if (err)
		return err;
	err = path_mount("tmpfs", &path, "tmpfs", 2 | 4 /* MS_NOSUID|MS_NODEV */, NULL);
	path_put(&path);
	return err;
}

/*
 * choose_init - Linux's kernel_init_freeable: the initramfs's program is
 * rdinit=, or /init; if it cannot be executed, it is forgotten (no
 * message) and the root is prepared for init=. So with an initramfs
 * that has a /init, init= is used only if /init fails to exec.
 */
static void choose_init(void)
{
	if (!ramdisk_execute_command)
		ramdisk_execute_command = "/init";
	if (init_eaccess(ramdisk_execute_command)) {
		ramdisk_execute_command = NULL;
		prepare_namespace();
	} else if (mmos_automount) {
		if (!devtmpfs_mount_dev())
			mount_dev_shm();
	}
	if (mmos_automount)
		proc_mount_proc();
}

static DECLARE_COMPLETION(kthreadd_done);

/* kernel_init - PID 1: a kernel thread until it execs /init. */
static int kernel_init(void *unused)
{
	wait_for_completion(&kthreadd_done);
	init_reserves();	/* Linux's subsys_initcalls, before the rootfs */
	populate_rootfs();
	choose_init();
	/* the console's tty, for console_on_rootfs() */
	if (tty_init() || serial8250_init())
		pr_err("tty: no console tty\n");
	if (mmos_selftest)
		run_selftests();
	return run_init();	/* 0: return to user mode, into /init */
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
	/* as Linux's copy_process() marks a namespace's reaper */
	child_reaper->signal->flags |= SIGNAL_UNKILLABLE;
	complete(&kthreadd_done);
	cpu_startup_entry();
}

/* start_kernel - the generic boot, entered from the arch's entry code
 * on the boot stack with interrupts off: set up, turn interrupts on,
 * start init and kthreadd, and become this CPU's idle loop. */
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
	timekeeping_init();
	mnt_init();
	time_init();
	rand_initialize();
	arch_local_irq_enable();
	rest_init();
}
