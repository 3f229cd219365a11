/* SPDX-License-Identifier: GPL-2.0 */
/*
 * /fuzz: mmos's in-QEMU syscall fuzzer (`make fuzz-kernel`). As PID 1 it
 * runs rounds: each forks a child that makes random syscalls from the
 * kernel's table (arch/x86/include/shared/asm/syscalls_64.h) with interesting
 * arguments, gives it a time budget, SIGKILLs whatever the round left
 * running, reaps it all and checks that free pages, mm_structs and tasks
 * are back at their baseline. It ends the run with reboot(2) after one
 * summary line, "fuzz: PASS ..." or "fuzz: FAIL ...".
 *
 * The kernel command line sets it (words with '=' reach init's
 * environment): fuzz_seconds=60, fuzz_seed=S (round 1's seed; each round
 * prints its own, so fuzz_seed=S fuzz_rounds=1 replays one), fuzz_rounds=N,
 * fuzz_calls=N (syscalls per process), fuzz_budget_ms=N, fuzz_trace=1
 * (every syscall of the children on the console).
 *
 * It must be PID 1 in mmos: it SIGKILLs PID ranges and reboots.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/random.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <sys/wait.h>

/*
 * Known kernel bugs (issue 9's numbers): each AVOID_ keeps the fuzzer
 * from provoking one so that the short run in `make test` stays green.
 * Set one to 0 once its fix lands; 0 means it has.
 */
#define AVOID_CLONE_EXIT_SIGNAL	0	/* (1) a non-SIGCHLD exit signal reached PID 1: panic */
#define AVOID_KILL_INIT		0	/* (1) init died of signals it has no handler for */
#define AVOID_NANOSLEEP_WRAP	0	/* (2) tiny relative sleeps wrapped and never ended */
#define AVOID_EXEC_THREADED	0	/* (4) execve left the other threads running */
#define AVOID_HUGE_SPARSE	0	/* (6) TiB mappings made mremap/fork/... take seconds */
#define AVOID_SIGRETURN		0	/* (7) rt_sigreturn with a NULL fpstate */
/* 1 gives the SysV shm calls weight 0, which leaves every other draw as
 * it was before they came. Their first sequences found PID 1's limits
 * changed by a child (seed 7056595400573886079: restore_limits()). */
#define AVOID_SHM_CALLS		0

#define COUNT_FD	200	/* the children's syscall counts go to PID 1 here */
#define TRACE_FD	201	/* the console, for fuzz_trace=1 */
#define NR_POOL		32
#define PAGE		4096UL
#define KSTACK		(64 * 1024)
#define MAX_ROUND_TASKS	256	/* 2^forks processes, a few threads each */

typedef unsigned long ul;

/* One fuzzing process or thread: its generator and what it may still
 * do. The kernel may write anywhere in the task's memory (read() into a
 * random pointer), so the budgets carry a check word: a state found
 * changed ends the task instead of letting it fork without end. */
struct fuzz_state {
	unsigned long long rng;
	long calls_left;
	int forks_left;
	unsigned pending_count;	/* syscalls not yet reported on COUNT_FD */
	unsigned long check;
};

#define STATE_KEY 0x6a09e667f3bcc908UL

/* state_seal - the check word of @st's budgets, after a change. */
static void state_seal(struct fuzz_state *st)
{
	st->check = (st->calls_left * 0x9e3779b97f4a7c15UL) ^ st->forks_left ^ STATE_KEY;
}

/* state_ok - are @st's budgets as this task left them? */
static int state_ok(const struct fuzz_state *st)
{
	return st->check == ((st->calls_left * 0x9e3779b97f4a7c15UL) ^ st->forks_left ^ STATE_KEY) &&
	       st->calls_left >= 0 && st->forks_left >= 0 && st->forks_left <= 8;
}

static ul pool[NR_POOL];	/* addresses of the process's own mappings */
static ul pool_len[NR_POOL];	/* writable anonymous bytes there, as made */
static volatile int nr_pool;
static volatile int threaded;	/* a CLONE_THREAD child was made */
static int trace;
static char scratch[8192];	/* argument structures built for a call */
static char argbuf[4][32];	/* argv for execve of /fuzz child */

/* --- raw syscalls: no libc in the children once they fuzz (their TLS,
 * stack and fds are fair game) ----------------------------------------- */

/* raw6 - the syscall instruction; returns the kernel's value (-errno). */
static long raw6(long nr, ul a, ul b, ul c, ul d, ul e, ul f)
{
	register ul r10 __asm__("r10") = d, r8 __asm__("r8") = e, r9 __asm__("r9") = f;
	long ret;

	__asm__ volatile("syscall" : "=a"(ret)
			 : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

/*
 * fuzz_clone(flags, newsp, ptid, ctid, tls, fn, arg): clone(2). With a
 * new stack the child calls fn(arg) there and exits with its value;
 * without one it returns 0 like fork. fn and arg ride on the new stack,
 * so newsp must be writable memory.
 */
long fuzz_clone(ul flags, ul newsp, ul ptid, ul ctid, ul tls,
		long (*fn)(void *), void *arg);
__asm__(".text\n.globl fuzz_clone\nfuzz_clone:\n"
	"	mov %rcx, %r10\n"
	"	test %rsi, %rsi\n"
	"	jz 1f\n"
	"	and $-16, %rsi\n"
	"	sub $16, %rsi\n"
	"	mov %r9, 0(%rsi)\n"
	"	mov 8(%rsp), %rax\n"
	"	mov %rax, 8(%rsi)\n"
	"1:	mov $56, %eax\n"
	"	syscall\n"
	"	test %rax, %rax\n"
	"	jnz 2f\n"
	"	test %rsi, %rsi\n"
	"	jz 2f\n"
	"	xor %ebp, %ebp\n"
	"	pop %rax\n"
	"	pop %rdi\n"
	"	call *%rax\n"
	"	mov %eax, %edi\n"
	"	mov $60, %eax\n"
	"	syscall\n"
	"	hlt\n"
	"2:	ret\n");

/*
 * fuzz_vfork_exec(path, argv, envp): vfork(2), and in the child execve
 * at once, then exit(127): the child never touches the stack it shares
 * with its parent. Returns what vfork returned to the parent.
 */
long fuzz_vfork_exec(ul path, ul argv, ul envp);
__asm__(".text\n.globl fuzz_vfork_exec\nfuzz_vfork_exec:\n"
	"	mov $58, %eax\n"
	"	syscall\n"
	"	test %rax, %rax\n"
	"	jnz 1f\n"
	"	mov $59, %eax\n"
	"	syscall\n"
	"	mov $127, %edi\n"
	"	mov $60, %eax\n"
	"	syscall\n"
	"1:	ret\n");

/* The restorer of the handlers the children install: rt_sigreturn. */
void fuzz_restorer(void);
__asm__(".text\n.globl fuzz_restorer\nfuzz_restorer:\n"
	"	mov $15, %eax\n"
	"	syscall\n"
	"	hlt\n");

/* A handler that returns: the signal interrupts a call and goes on. A
 * fault's signal would only fault again, so it ends the process. */
static void fuzz_handler(int sig)
{
	if (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE ||
	    sig == SIGTRAP)
		raw6(SYS_exit_group, 128 + sig, 0, 0, 0, 0, 0);
}

/* --- the generator ------------------------------------------------------ */

/* next - splitmix64: the next 64 random bits of @st. */
static ul next(struct fuzz_state *st)
{
	unsigned long long z = (st->rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* below - a random number in [0, n). */
static ul below(struct fuzz_state *st, ul n)
{
	return n ? next(st) % n : 0;
}

/* seed_next - the seed of the round after the one seeded @s. */
static unsigned long long seed_next(unsigned long long s)
{
	struct fuzz_state st = { .rng = s };

	return next(&st);
}

#define PICK(st, arr) ((arr)[below(st, sizeof(arr) / sizeof((arr)[0]))])

/* pool_add - remember a mapping the process made, @len bytes of it
 * writable anonymous memory (0: not to be touched). */
static void pool_add(struct fuzz_state *st, ul addr, ul len)
{
	int n = nr_pool, i = n < NR_POOL ? n : (int)below(st, NR_POOL);

	pool[i] = addr;
	pool_len[i] = len;
	if (n < NR_POOL)
		nr_pool = n + 1;
}

/* rand_value - an integer from the edges: 0, -1, page sizes, INT_MAX... */
static ul rand_value(struct fuzz_state *st)
{
	static const ul v[] = {
		0, 1, 2, 3, 7, 8, 16, 64, 255, 256, 4095, 4096, 4097, 8192,
		1UL << 16, 1UL << 21, 1UL << 30, 1UL << 31, 1UL << 32,
		0x7fffffff, 0x80000000, 0xffffffff, 1UL << 47, (1UL << 47) - 4096,
		1UL << 63, 0x7fffffffffffffffUL, -1UL, -2UL, -4095UL, -4096UL,
	};

	switch (below(st, 4)) {
	case 0: return below(st, 64);
	case 1: return next(st);
	default: return PICK(st, v);
	}
}

/* rand_len - a length: small, a page or two, huge, or off by one. */
static ul rand_len(struct fuzz_state *st)
{
	static const ul v[] = {
		0, 1, 8, 100, 4095, 4096, 4097, 8192, 3 * 4096, 16 * 4096,
		1UL << 20, 1UL << 21, (1UL << 21) + 4096, 1UL << 26, 1UL << 30,
		1UL << 40, 1UL << 46, 1UL << 47, -4096UL, -1UL, 0x7fffffff,
	};

	return below(st, 3) ? PICK(st, v) : below(st, 64 * 4096);
}

/* rand_pool - one of the process's mappings, or its stack, data, text. */
static ul rand_pool(struct fuzz_state *st)
{
	int n = nr_pool;
	ul local;

	/* the stack, data and text rarely: unmapping them ends the child */
	switch (below(st, 40)) {
	case 0: return ((ul)&local & ~(PAGE - 1)) - below(st, 4) * PAGE;
	case 1: return (ul)scratch & ~(PAGE - 1);
	case 2: return (ul)&fuzz_handler & ~(PAGE - 1);
	default: return n ? pool[below(st, n)] : 0;
	}
}

/* rand_addr - a page-aligned address: own mappings, NULL, kernel, high. */
static ul rand_addr(struct fuzz_state *st)
{
	static const ul v[] = {
		0, 4096, 0x10000, 0x400000, 0x7ffffffff000UL, 1UL << 47,
		0x800000000000UL, 0xffff800000000000UL, 0xffff888000000000UL,
		0xffffffff81000000UL, 0xffffffffff600000UL, -4096UL, 0x100000000UL,
	};

	switch (below(st, 6)) {
	case 0: return PICK(st, v);
	case 1: return next(st) & 0x7ffffffff000UL;
	default: return rand_pool(st) + below(st, 4) * PAGE;
	}
}

/* rand_ptr - a pointer for the kernel to read or write: good, unaligned,
 * straddling the end of a mapping, NULL, kernel, non-canonical. */
static ul rand_ptr(struct fuzz_state *st)
{
	switch (below(st, 8)) {
	case 0: return rand_addr(st);
	case 1: return rand_addr(st) + below(st, PAGE);
	case 2: return rand_pool(st) + PAGE - below(st, 16);
	case 3: return (ul)scratch + below(st, 64);
	default: return rand_pool(st) + (below(st, 2) ? 0 : below(st, 2 * PAGE));
	}
}

/* rand_fd - 0..10 mostly (the console's stand-in, pipes, files), or
 * nonsense; never COUNT_FD or TRACE_FD on purpose (the counts and the
 * console must stay the fuzzer's). */
static ul rand_fd(struct fuzz_state *st)
{
	ul fd = below(st, 10) ? below(st, 11) : rand_value(st);

	return fd == COUNT_FD || fd == TRACE_FD ? 0 : fd;
}

/* rand_path - a path the kernel may find, or not, or a bad pointer. */
static ul rand_path(struct fuzz_state *st)
{
	static const char *const p[] = {
		"/fuzz", "/init", "/", "/tests", "/tests/hello", "/tests/data/broken.elf",
		"/proc", "/proc/self", "/proc/self/maps", "/proc/self/status",
		"/proc/mmstat", "/proc/meminfo", "/proc/cmdline", "/proc/1/maps",
		"/proc/2/status", "/proc/99999/maps", "/nonexistent", "", "fuzz",
		"/fuzz/", "//init", "/proc/self/maps/x", "/tests/../init",
	};

	return below(st, 8) ? (ul)PICK(st, p) : rand_ptr(st);
}

/* rand_pid - a pid to signal or wait for, PID 1 (the fuzzer) among them
 * unless AVOID_KILL_INIT. */
static ul rand_pid(struct fuzz_state *st)
{
	long self = raw6(SYS_getpid, 0, 0, 0, 0, 0, 0);
	ul p;

	switch (below(st, 6)) {
	case 0: p = 0; break;
	case 1: p = -1UL; break;
	case 2: p = self + below(st, 8); break;
	case 3: p = raw6(SYS_gettid, 0, 0, 0, 0, 0, 0); break;
	case 4: p = below(st, 3); break;	/* idle, init, kthreadd */
	default: p = rand_value(st); break;
	}
	return AVOID_KILL_INIT && (int)p == 1 ? (ul)self : p;
}

/* rand_sig - a signal number, mostly valid. */
static ul rand_sig(struct fuzz_state *st)
{
	static const int s[] = { 0, SIGKILL, SIGSEGV, SIGUSR1, SIGUSR2, SIGCHLD,
				 SIGTERM, SIGSTOP, SIGCONT, SIGALRM, SIGPIPE, 64, 65 };

	return below(st, 3) ? (ul)PICK(st, s) : below(st, 66);
}

/* rand_iov - an iovec array in scratch (or a bad pointer to one). */
static ul rand_iov(struct fuzz_state *st)
{
	ul *iov = (ul *)(scratch + 4096);

	if (!below(st, 5))
		return rand_ptr(st);
	for (int i = 0; i < 8; i++) {
		iov[2 * i] = rand_ptr(st);
		iov[2 * i + 1] = rand_len(st);
	}
	return (ul)iov;
}

/* rand_timespec - a timespec in scratch: zero, valid, or invalid. With
 * AVOID_NANOSLEEP_WRAP only zero or invalid ones (bug 2). */
static ul rand_timespec(struct fuzz_state *st)
{
	long *ts = (long *)(scratch + 2048);

	if (!below(st, 4))
		return rand_ptr(st);
	ts[0] = below(st, 3) ? 0 : (long)rand_value(st);
	ts[1] = below(st, 2) ? 0 : (long)rand_value(st);
	if (AVOID_NANOSLEEP_WRAP && ts[0] >= 0 && ts[1] >= 0 && ts[1] < 1000000000)
		ts[0] = ts[1] = 0;
	return (ul)ts;
}

/* rand_sigaction - a struct k_sigaction in scratch: a real handler, a
 * wild one, SIG_IGN, SIG_DFL; random flags and mask. */
static ul rand_sigaction(struct fuzz_state *st)
{
	ul *sa = (ul *)(scratch + 3072);

	if (!below(st, 6))
		return rand_ptr(st);
	switch (below(st, 4)) {
	case 0: sa[0] = (ul)SIG_DFL; break;
	case 1: sa[0] = (ul)SIG_IGN; break;
	case 2: sa[0] = rand_ptr(st); break;
	default: sa[0] = (ul)fuzz_handler; break;
	}
	sa[1] = (below(st, 4) ? 0x04000000UL : 0) |
		(next(st) & (SA_NODEFER | SA_RESETHAND | SA_RESTART | SA_SIGINFO | SA_ONSTACK));
	sa[2] = below(st, 6) ? (ul)fuzz_restorer : rand_ptr(st);
	sa[3] = below(st, 2) ? 0 : next(st);
	return (ul)sa;
}

/* --- the syscalls ------------------------------------------------------- */

/* Not a syscall: the task writes to pages of its own mappings, so that
 * page faults, COW and the kernel's memory run low (FUZZ_MEM) get their
 * share. */
#define FUZZ_TOUCH	-1

/*
 * Argument kinds, a letter each: f fd, p pointer, l length, v value,
 * a address, m prot, n path, P pid, s signal, i iovec, t timespec,
 * k sigaction, z sigset size (8 mostly).
 */
struct fuzz_call {
	int nr;
	const char *name, *args;
	int weight;
};

static const struct fuzz_call calls[] = {
	{ SYS_read, "read", "fpl", 6 },		{ SYS_write, "write", "fpl", 6 },
	{ SYS_open, "open", "nvv", 3 },		{ SYS_close, "close", "f", 3 },
	{ SYS_stat, "stat", "np", 2 },		{ SYS_fstat, "fstat", "fp", 2 },
	{ SYS_lstat, "lstat", "np", 1 },	{ SYS_lseek, "lseek", "fvv", 2 },
	{ SYS_mmap, "mmap", "", 12 },		{ SYS_mprotect, "mprotect", "alm", 6 },
	{ SYS_munmap, "munmap", "al", 5 },	{ SYS_brk, "brk", "", 3 },
	{ SYS_rt_sigaction, "rt_sigaction", "skkz", 3 },
	{ SYS_rt_sigprocmask, "rt_sigprocmask", "vppz", 2 },
	{ SYS_rt_sigreturn, "rt_sigreturn", "", AVOID_SIGRETURN ? 0 : 1 },
	{ SYS_ioctl, "ioctl", "fvp", 1 },	{ SYS_pread64, "pread64", "fplv", 3 },
	{ SYS_readv, "readv", "fiv", 3 },	{ SYS_writev, "writev", "fiv", 3 },
	{ SYS_access, "access", "nv", 1 },	{ SYS_pipe, "pipe", "p", 2 },
	{ SYS_sched_yield, "sched_yield", "", 1 },
	{ SYS_mremap, "mremap", "", 6 },	{ SYS_mincore, "mincore", "alp", 3 },
	{ SYS_madvise, "madvise", "alv", 4 },	{ SYS_dup, "dup", "f", 1 },
	{ SYS_dup2, "dup2", "ff", 2 },		{ SYS_nanosleep, "nanosleep", "tp", 1 },
	{ SYS_getpid, "getpid", "", 1 },	{ SYS_clone, "clone", "", 3 },
	{ SYS_fork, "fork", "", 2 },		{ SYS_vfork, "vfork", "", 2 },
	{ SYS_execve, "execve", "", 2 },	{ SYS_exit, "exit", "v", 1 },
	{ SYS_wait4, "wait4", "Ppvp", 2 },	{ SYS_kill, "kill", "Ps", 2 },
	{ SYS_uname, "uname", "p", 1 },		{ SYS_fcntl, "fcntl", "fvv", 2 },
	{ SYS_getcwd, "getcwd", "pl", 1 },	{ SYS_readlink, "readlink", "npl", 1 },
	{ SYS_getrlimit, "getrlimit", "vp", 1 },{ SYS_getuid, "getuid", "", 1 },
	{ SYS_getgid, "getgid", "", 1 },	{ SYS_geteuid, "geteuid", "", 1 },
	{ SYS_getegid, "getegid", "", 1 },	{ SYS_getppid, "getppid", "", 1 },
	{ SYS_arch_prctl, "arch_prctl", "", 2 },{ SYS_gettid, "gettid", "", 1 },
	{ SYS_tkill, "tkill", "Ps", 1 },	{ SYS_futex, "futex", "", 3 },
	{ SYS_set_tid_address, "set_tid_address", "p", 1 },
	{ SYS_clock_gettime, "clock_gettime", "vp", 1 },
	{ SYS_clock_nanosleep, "clock_nanosleep", "vvtp", 1 },
	{ SYS_exit_group, "exit_group", "v", 1 },
	{ SYS_tgkill, "tgkill", "PPs", 1 },	{ SYS_waitid, "waitid", "vPpvp", 1 },
	{ SYS_openat, "openat", "vnvv", 2 },	{ SYS_newfstatat, "newfstatat", "vnpv", 1 },
	{ SYS_readlinkat, "readlinkat", "vnpl", 1 },
	{ SYS_dup3, "dup3", "ffv", 1 },		{ SYS_pipe2, "pipe2", "pv", 2 },
	{ SYS_prlimit64, "prlimit64", "Pvpp", 1 },
	{ SYS_getrandom, "getrandom", "plv", 2 },
	{ SYS_getrusage, "getrusage", "vp", 1 },{ SYS_times, "times", "p", 1 },
	{ SYS_sysinfo, "sysinfo", "p", 1 },	{ SYS_time, "time", "p", 1 },
	{ SYS_gettimeofday, "gettimeofday", "pp", 1 },
	{ SYS_settimeofday, "settimeofday", "pp", 1 },
	{ SYS_clock_getres, "clock_getres", "vp", 1 },
	{ SYS_clock_settime, "clock_settime", "vp", 1 },
	{ SYS_setuid, "setuid", "v", 1 },	{ SYS_setresuid, "setresuid", "vvv", 1 },
	{ SYS_setresgid, "setresgid", "vvv", 1 },
	{ SYS_getresuid, "getresuid", "ppp", 1 },
	{ SYS_setfsuid, "setfsuid", "v", 1 },	{ SYS_getgroups, "getgroups", "vp", 1 },
	{ SYS_setgroups, "setgroups", "vp", 1 },
	{ SYS_sethostname, "sethostname", "pv", 1 },
	{ SYS_sched_getaffinity, "sched_getaffinity", "Plp", 1 },
	{ SYS_sched_setaffinity, "sched_setaffinity", "Plp", 1 },
	{ SYS_getcpu, "getcpu", "ppp", 1 },	{ SYS_getpriority, "getpriority", "vP", 1 },
	{ SYS_poll, "poll", "plv", 2 },		{ SYS_ppoll, "ppoll", "pltpz", 2 },
	{ SYS_select, "select", "vpppp", 2 },	{ SYS_pselect6, "pselect6", "vppptp", 1 },
	/* the VFS calls that change nothing on disk (a child's chdir and
	 * chroot are its own) */
	{ SYS_getdents64, "getdents64", "fpl", 2 },
	{ SYS_getdents, "getdents", "fpl", 1 },
	{ SYS_statfs, "statfs", "np", 1 },	{ SYS_fstatfs, "fstatfs", "fp", 1 },
	{ SYS_statx, "statx", "vnvvp", 1 },	{ SYS_chdir, "chdir", "n", 1 },
	{ SYS_fchdir, "fchdir", "f", 1 },	{ SYS_chroot, "chroot", "n", 1 },
	{ SYS_faccessat2, "faccessat2", "vnvv", 1 },
	{ SYS_fsync, "fsync", "f", 1 },
	/* System V shared memory: segments outlive the round's processes
	 * (as in Linux), so run_round() removes them (shm_rmid_all()) */
	{ SYS_shmget, "shmget", "vlv", AVOID_SHM_CALLS ? 0 : 2 },
	{ SYS_shmat, "shmat", "vav", AVOID_SHM_CALLS ? 0 : 2 },
	{ SYS_shmdt, "shmdt", "a", AVOID_SHM_CALLS ? 0 : 1 },
	{ SYS_shmctl, "shmctl", "vvp", AVOID_SHM_CALLS ? 0 : 2 },
	{ FUZZ_TOUCH, "touch", "", 4 },
};
#define NR_CALLS (sizeof(calls) / sizeof(calls[0]))

/* rand_arg - one argument of kind @k. */
static ul rand_arg(struct fuzz_state *st, char k)
{
	switch (k) {
	case 'f': return rand_fd(st);
	case 'p': return rand_ptr(st);
	case 'l': return rand_len(st);
	case 'a': return rand_addr(st);
	case 'm': return below(st, 8) ? below(st, 8) : rand_value(st);
	case 'n': return rand_path(st);
	case 'P': return rand_pid(st);
	case 's': return rand_sig(st);
	case 'i': return rand_iov(st);
	case 't': return rand_timespec(st);
	case 'k': return rand_sigaction(st);
	case 'z': return below(st, 8) ? 8 : rand_value(st);
	default: return rand_value(st);
	}
}

/* cap_len - with AVOID_HUGE_SPARSE, a length a mapping may really get:
 * at most 64 MiB (bug 6). */
static ul cap_len(ul len)
{
	return AVOID_HUGE_SPARSE && len > (64UL << 20) ? len % (64UL << 20) + 1 : len;
}

/* do_mmap - mmap with flags that make sense often enough to succeed;
 * what it maps joins the pool and is touched when writable. */
static long do_mmap(struct fuzz_state *st, ul *a)
{
	static const ul fl[] = { MAP_FIXED, MAP_FIXED_NOREPLACE, MAP_GROWSDOWN,
				 MAP_POPULATE, MAP_NORESERVE, MAP_STACK };
	long r;

	a[0] = below(st, 2) ? 0 : rand_addr(st) + (below(st, 8) ? 0 : 1);
	a[1] = cap_len(rand_len(st));
	a[2] = below(st, 8) ? PROT_READ | PROT_WRITE : rand_arg(st, 'm');
	a[3] = (below(st, 6) ? MAP_PRIVATE : MAP_SHARED) |
	       (below(st, 4) ? MAP_ANONYMOUS : 0) | (below(st, 3) ? 0 : PICK(st, fl)) |
	       (below(st, 20) ? 0 : next(st));
	a[4] = a[3] & MAP_ANONYMOUS ? -1UL : rand_fd(st);
	a[5] = below(st, 3) ? 0 : below(st, 2) ? below(st, 16) * PAGE : rand_value(st);
	r = raw6(SYS_mmap, a[0], a[1], a[2], a[3], a[4], a[5]);
	if (r < 0 && r > -4096)
		return r;
	pool_add(st, r, (a[2] & PROT_WRITE) && (a[3] & MAP_ANONYMOUS) ? a[1] : 0);
	if ((a[2] & PROT_WRITE) && (a[3] & MAP_ANONYMOUS) && a[1] >= 8)
		*(volatile char *)r = 1;
	return r;
}

/* do_mremap - grow, shrink or move one of the process's mappings. */
static long do_mremap(struct fuzz_state *st, ul *a)
{
	long r;

	a[0] = rand_addr(st);
	a[1] = below(st, 4) ? below(st, 16) * PAGE : rand_len(st);
	a[2] = cap_len(rand_len(st));
	a[3] = below(st, 8) ? below(st, 4) : rand_value(st);
	a[4] = rand_addr(st);
	r = raw6(SYS_mremap, a[0], a[1], a[2], a[3], a[4], 0);
	if (r > 0 || r < -4095)
		pool_add(st, r, 0);	/* its protection is the old one's */
	return r;
}

/* do_brk - move the break near where it is, or anywhere. */
static long do_brk(struct fuzz_state *st, ul *a)
{
	long cur = raw6(SYS_brk, 0, 0, 0, 0, 0, 0);

	a[0] = below(st, 4) ? cur + (long)(below(st, 64) - 16) * (long)PAGE
			    : cap_len(rand_value(st));
	return raw6(SYS_brk, a[0], 0, 0, 0, 0, 0);
}

/* do_arch_prctl - get or set FS/GS: values good and not (the children
 * make no use of TLS once they fuzz). */
static long do_arch_prctl(struct fuzz_state *st, ul *a)
{
	static const ul op[] = { 0x1001, 0x1002, 0x1003, 0x1004, 0x3001, 0 };

	a[0] = below(st, 8) ? PICK(st, op) : rand_value(st);
	a[1] = (a[0] == 0x1003 || a[0] == 0x1004) ? rand_ptr(st) : rand_addr(st);
	return raw6(SYS_arch_prctl, a[0], a[1], 0, 0, 0, 0);
}

/* do_touch - write one byte in each of up to 1024 pages of one of the
 * pool's mappings, within the length it was made with (a fault there,
 * if it was unmapped or protected since, ends the task: fuzz_handler). */
static long do_touch(struct fuzz_state *st, ul *a)
{
	int n = nr_pool, i = n ? (int)below(st, n) : 0;
	ul pages = n ? pool_len[i] / PAGE : 0;

	if (!pages)
		return 0;
	a[0] = pool[i];
	a[1] = 1 + below(st, pages < 1024 ? pages : 1024);
	for (ul k = 0; k < a[1]; k++)
		((volatile char *)a[0])[k * PAGE] = (char)k;
	return 0;
}

/* do_futex - wait, wake, requeue on the process's memory. */
static long do_futex(struct fuzz_state *st, ul *a)
{
	static const ul op[] = { 0, 1, 3, 4, 9, 10, 128, 129, 137 };
	long *ts = (long *)(scratch + 2560);

	ts[0] = 0;
	ts[1] = below(st, 2) ? 1000000 : 0;	/* a 1 ms timeout, or none */
	a[0] = rand_ptr(st) & ~3UL;
	a[1] = below(st, 8) ? PICK(st, op) : rand_value(st);
	a[2] = below(st, 2) ? *(volatile int *)scratch : rand_value(st);
	a[3] = below(st, 3) ? (ul)ts : rand_ptr(st);
	a[4] = rand_ptr(st) & ~3UL;
	a[5] = rand_value(st);
	return raw6(SYS_futex, a[0], a[1], a[2], a[3], a[4], a[5]);
}

static long fuzz_run(struct fuzz_state *st);

/* child_state - a fresh state for a new task, seeded from @st. */
static void child_state(struct fuzz_state *st, struct fuzz_state *c)
{
	c->rng = next(st) ^ 0x5bd1e995;
	c->calls_left = st->calls_left;
	c->forks_left = st->forks_left;
	c->pending_count = 0;
	state_seal(c);
}

/* thread_main - a clone()d task with its own stack fuzzes on. */
static long thread_main(void *arg)
{
	return fuzz_run(arg);
}

/*
 * do_clone - clone with random flags. Every child gets a stack of its
 * own with its state at the bottom (one sharing memory could not run on
 * ours), and fuzzes on from there.
 */
static long do_clone(struct fuzz_state *st, ul *a)
{
	static const ul fl[] = { CLONE_VM, CLONE_FS, CLONE_FILES, CLONE_SIGHAND,
		CLONE_THREAD, CLONE_VFORK, CLONE_PARENT, CLONE_SETTLS, CLONE_PARENT_SETTID,
		CLONE_CHILD_SETTID, CLONE_CHILD_CLEARTID, CLONE_SYSVSEM };
	struct fuzz_state *c;
	ul flags = 0, stack;
	long r;

	for (int i = below(st, 5); i > 0; i--)
		flags |= PICK(st, fl);
	if (below(st, 2))
		flags |= CLONE_VM | CLONE_SIGHAND | CLONE_THREAD;
	flags |= below(st, 8) ? SIGCHLD : below(st, 65);
	if (AVOID_CLONE_EXIT_SIGNAL && (flags & 0xff) != SIGCHLD)
		flags = (flags & ~0xffUL) | SIGCHLD;
	if (flags & CLONE_VFORK)	/* the child must not run on our stack */
		flags |= CLONE_VM;
	stack = raw6(SYS_mmap, 0, KSTACK, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if ((long)stack < 0 && (long)stack > -4096)
		return stack;
	c = (struct fuzz_state *)stack;
	child_state(st, c);
	a[0] = flags;
	a[1] = stack + KSTACK;
	a[2] = below(st, 4) ? (ul)(scratch + 1024) : rand_ptr(st);
	a[3] = below(st, 4) ? (ul)(scratch + 1032) : rand_ptr(st);
	a[4] = below(st, 2) ? (ul)(scratch + 1536) : rand_addr(st);
	r = fuzz_clone(a[0], a[1], a[2], a[3], a[4], thread_main, c);
	if (r > 0 && (flags & CLONE_THREAD))
		threaded = 1;
	return r;
}

/* exec_argv - argv for execve: /fuzz's child mode with a new seed and
 * what is left of the calls, or something broken. */
static ul exec_argv(struct fuzz_state *st)
{
	ul *v = (ul *)(scratch + 5120);
	int n = 0;

	if (!below(st, 6))
		return below(st, 2) ? 0 : rand_ptr(st);
	v[n++] = (ul)"fuzz";
	v[n++] = (ul)"child";
	snprintf(argbuf[0], sizeof(argbuf[0]), "%lu", next(st));
	snprintf(argbuf[1], sizeof(argbuf[1]), "%ld", st->calls_left);
	snprintf(argbuf[2], sizeof(argbuf[2]), "%d", st->forks_left);
	v[n++] = (ul)argbuf[0];
	v[n++] = (ul)argbuf[1];
	v[n++] = (ul)argbuf[2];
	if (!below(st, 10))
		v[n++] = rand_ptr(st);
	v[n] = 0;
	return (ul)v;
}

/* do_execve - execve (directly, or from a vfork child) of /fuzz or
 * something else; with AVOID_EXEC_THREADED never once threads exist. */
static long do_execve(struct fuzz_state *st, ul *a, int vfork)
{
	static const char *const env[] = { "HOME=/", "A=B", NULL };

	if (AVOID_EXEC_THREADED && threaded)
		return -ENOSYS;
	a[0] = below(st, 2) ? (ul)"/fuzz" : rand_path(st);
	a[1] = exec_argv(st);
	a[2] = below(st, 4) ? (ul)env : below(st, 2) ? 0 : rand_ptr(st);
	if (vfork)
		return fuzz_vfork_exec(a[0], a[1], a[2]);
	return raw6(SYS_execve, a[0], a[1], a[2], 0, 0, 0);
}

/* do_fork - fork; the child draws different numbers from here on. */
static long do_fork(struct fuzz_state *st)
{
	long r = raw6(SYS_fork, 0, 0, 0, 0, 0, 0);

	if (r == 0)
		st->rng ^= 0xc2b2ae3d27d4eb4fULL;
	return r;
}

/* pick_call - a syscall of the table by weight. */
static const struct fuzz_call *pick_call(struct fuzz_state *st)
{
	static int total;
	int w;

	if (!total)
		for (unsigned i = 0; i < NR_CALLS; i++)
			total += calls[i].weight;
	w = below(st, total);
	for (unsigned i = 0; i < NR_CALLS; i++)
		if ((w -= calls[i].weight) < 0)
			return &calls[i];
	return &calls[0];
}

/* count_call - tell PID 1 about the calls made, 8 at a time (and the
 * rest when done); a full pipe loses them, nothing else. */
static void count_call(struct fuzz_state *st, int flush)
{
	unsigned char n;

	if (!flush)
		st->pending_count++;
	if (st->pending_count >= 8 || (flush && st->pending_count)) {
		n = st->pending_count;
		raw6(SYS_write, COUNT_FD, (ul)&n, 1, 0, 0, 0);
		st->pending_count = 0;
	}
}

/* trace_call - with fuzz_trace=1, the call on the console before it
 * runs (the arguments of those that make their own, mmap, clone, ...,
 * show as 0: their seed's replay is what tells them). */
static void trace_call(const struct fuzz_call *c, const ul *a)
{
	char line[200];
	int n;

	n = snprintf(line, sizeof(line), "fuzz[%ld]: %s(%#lx, %#lx, %#lx, %#lx, %#lx, %#lx)\n",
		     raw6(SYS_gettid, 0, 0, 0, 0, 0, 0), c->name,
		     a[0], a[1], a[2], a[3], a[4], a[5]);
	raw6(SYS_write, TRACE_FD, (ul)line, n, 0, 0, 0);
}

/* fuzz_one - make one random syscall. */
static long fuzz_one(struct fuzz_state *st)
{
	const struct fuzz_call *c = pick_call(st);
	ul a[6] = { 0 };
	int forky = c->nr == SYS_fork || c->nr == SYS_vfork || c->nr == SYS_clone;

	if (forky && st->forks_left <= 0)
		return 0;
	if ((c->nr == SYS_exit || c->nr == SYS_exit_group) && below(st, 8))
		return 0;	/* now and then: most calls should see a live task */
	if (forky) {
		st->forks_left--;
		state_seal(st);
	}
	for (int i = 0; c->args[i]; i++)
		a[i] = rand_arg(st, c->args[i]);
	/* The root is writable: opens stay read-only and create nothing, or
	 * a child could truncate /fuzz or /init under the run, and a file
	 * it left behind would count as leaked pages. */
	if (c->nr == SYS_open)
		a[1] &= ~(ul)(O_ACCMODE | O_CREAT | O_TRUNC | O_APPEND);
	if (c->nr == SYS_openat)
		a[2] &= ~(ul)(O_ACCMODE | O_CREAT | O_TRUNC | O_APPEND);
	count_call(st, 0);
	if (trace)
		trace_call(c, a);
	switch (c->nr) {
	case SYS_mmap: return do_mmap(st, a);
	case SYS_mremap: return do_mremap(st, a);
	case SYS_brk: return do_brk(st, a);
	case SYS_arch_prctl: return do_arch_prctl(st, a);
	case SYS_futex: return do_futex(st, a);
	case FUZZ_TOUCH: return do_touch(st, a);
	case SYS_clone: return do_clone(st, a);
	case SYS_fork: return do_fork(st);
	case SYS_vfork: return do_execve(st, a, 1);
	case SYS_execve: return do_execve(st, a, 0);
	case SYS_exit: case SYS_exit_group:
		count_call(st, 1);
		/* fall through */
	default:
		return raw6(c->nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	}
}

/* fuzz_run - @st's calls, then the end of this task's process. */
static long fuzz_run(struct fuzz_state *st)
{
	while (state_ok(st) && st->calls_left > 0) {
		st->calls_left--;
		state_seal(st);
		fuzz_one(st);
	}
	count_call(st, 1);
	raw6(SYS_exit_group, 0, 0, 0, 0, 0, 0);
	return 0;
}

/* child_fds - fds 0..10 for a child: /fuzz read-only on 0..2 (so that
 * what it writes never reaches the console, whose log is checked), two
 * pipes (the first blocking in one round of four: a blocked child waits
 * for the budget), files of ramfs and /proc. */
static void child_fds(struct fuzz_state *st)
{
	int fds[2], fd = open("/fuzz", O_RDONLY);

	for (int i = 0; i <= 2; i++)
		dup2(fd, i);
	close(fd);
	if (pipe2(fds, below(st, 4) ? O_NONBLOCK : 0) == 0)	/* 3, 4 */
		write(fds[1], "fuzz", 4);
	pipe2(fds, O_NONBLOCK);		/* 5, 6 */
	open("/fuzz", O_RDONLY);	/* 7 */
	open("/proc/self/maps", O_RDONLY);
	open("/proc/mmstat", O_RDONLY);
	open("/init", O_RDONLY);	/* 10 */
}

/* child_maps - a few mappings to start the pool with: anonymous RW,
 * read-only, PROT_NONE, a private file map, a 2 MiB-aligned region. */
static void child_maps(struct fuzz_state *st)
{
	int fd = open("/fuzz", O_RDONLY);
	void *p;

	nr_pool = 0;
	pool_add(st, (ul)mmap(0, 16 * PAGE, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), 16 * PAGE);
	pool_add(st, (ul)mmap(0, 4 * PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), 0);
	pool_add(st, (ul)mmap(0, 4 * PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), 0);
	pool_add(st, (ul)mmap(0, 8 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0),
		 8 * PAGE);
	p = mmap((void *)0x200000000UL, 4UL << 20, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	pool_add(st, (ul)p, 4UL << 20);
	pool_add(st, (ul)sbrk(0), 0);
	if (p != MAP_FAILED)
		memset(p, 0x5a, 3 * PAGE);
	close(fd);
}

/* child_handlers - fuzz_handler for every signal that has a handler:
 * a signal the child sends itself interrupts a call instead of ending
 * it (rt_sigaction calls change that as they go). */
static void child_handlers(void)
{
	ul sa[4] = { (ul)fuzz_handler, 0x04000000UL | SA_RESTART, (ul)fuzz_restorer, 0 };

	for (int sig = 1; sig <= 64; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			raw6(SYS_rt_sigaction, sig, (ul)sa, 0, 8, 0, 0);
}

/* child_main - a round's first process (or /fuzz exec'd with "child"):
 * set up and fuzz; never returns. */
static void child_main(unsigned long long seed, long ncalls, int forks, int fresh)
{
	static struct fuzz_state st;

	st.rng = seed;
	st.calls_left = ncalls;
	st.forks_left = forks;
	state_seal(&st);
	if (fresh)
		child_fds(&st);
	child_handlers();
	child_maps(&st);
	fuzz_run(&st);
}

/* --- PID 1: rounds and checks ----------------------------------------- */

struct counters {
	long free_pages, mm_structs, tasks, kernel_pgtables;
	long own_pages;	/* PID 1's anonymous pages and page tables */
};

/* now_ns - CLOCK_MONOTONIC in nanoseconds. */
static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* sleep_ms - sleep @ms on an absolute deadline (a relative one can
 * wrap, bug 2, and PID 1 must not sleep forever). */
static void sleep_ms(long ms)
{
	long long t = now_ns() + ms * 1000000LL;
	struct timespec ts = { t / 1000000000LL, t % 1000000000LL };

	while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR)
		;
}

/* mmstat - one counter of /proc/mmstat, -1 if missing. */
static long mmstat(const char *buf, const char *name)
{
	size_t n = strlen(name);

	for (const char *s = buf; s && *s; s = strchr(s, '\n') ? strchr(s, '\n') + 1 : NULL)
		if (!strncmp(s, name, n) && s[n] == ' ')
			return atol(s + n + 1);
	return -1;
}

/* read_text - a small file into @buf (NUL-terminated, "" if unreadable). */
static void read_text(const char *path, char *buf, long size)
{
	int fd = open(path, O_RDONLY);
	long n, len = 0;

	while (fd >= 0 && (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = 0;
}

/* status_kb - a "Name:   N kB" line of /proc/self/status, -1 if missing. */
static long status_kb(const char *buf, const char *name)
{
	const char *s = strstr(buf, name);

	return s ? atol(s + strlen(name)) : -1;
}

/* PID 1's resource limits at start. A child is root and may prlimit
 * PID 1 (Linux lets it: seed 7056595400573886079 set its RLIMIT_NOFILE
 * to 0, so PID 1 could open nothing), so PID 1 puts them back before it
 * reads its counters. */
static struct rlimit own_limits[RLIMIT_NLIMITS];

/* save_limits - remember PID 1's resource limits. */
static void save_limits(void)
{
	for (int i = 0; i < RLIMIT_NLIMITS; i++)
		getrlimit(i, &own_limits[i]);
}

/* restore_limits - give PID 1 its own resource limits back (root may
 * raise a hard limit again). */
static void restore_limits(void)
{
	for (int i = 0; i < RLIMIT_NLIMITS; i++)
		setrlimit(i, &own_limits[i]);
}

/*
 * read_counters - the figures a round must give back. PID 1's own pages
 * count too: the first time it touches a page of its stack or data after
 * the baseline, that page is no leak of the kernel's (it is what an
 * earlier fuzzer saw go missing once per boot; see the README).
 */
static void read_counters(struct counters *c)
{
	static char buf[8192];

	restore_limits();
	read_text("/proc/self/status", buf, sizeof(buf));
	c->own_pages = (status_kb(buf, "RssAnon:") + status_kb(buf, "VmPTE:")) / 4;
	read_text("/proc/mmstat", buf, sizeof(buf));
	c->free_pages = mmstat(buf, "nr_free_pages");
	c->mm_structs = mmstat(buf, "nr_live_mm_structs");
	c->tasks = mmstat(buf, "nr_tasks");
	c->kernel_pgtables = mmstat(buf, "nr_kernel_pgtable_pages");
}

/* same_counters - is @now the baseline @b again? A kernel page table
 * made meanwhile is no leak: it stays, as in Linux (mm/pgtable.c); nor
 * is a page PID 1 itself mapped. */
static int same_counters(const struct counters *b, const struct counters *now)
{
	long tables = now->kernel_pgtables - b->kernel_pgtables;
	long own = now->own_pages - b->own_pages;

	return now->free_pages + tables + own == b->free_pages &&
	       now->mm_structs == b->mm_structs && now->tasks == b->tasks;
}

static long long total_calls;

/* drain_counts - add what the children reported on the count pipe. */
static void drain_counts(int fd)
{
	unsigned char buf[512];
	long n;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
		for (long i = 0; i < n; i++)
			total_calls += buf[i] <= 8 ? buf[i] : 0;
}

/* reap_all - every zombie child, without waiting; was @pid among them? */
static int reap_all(pid_t pid)
{
	int st, found = 0;
	pid_t p;

	while ((p = waitpid(-1, &st, WNOHANG | __WALL)) > 0)
		found |= p == pid;
	return found;
}

/* last_pid - the PID the kernel gave last: a child that exits at once,
 * reaped here (so that it is not counted as one of the round's tasks). */
static pid_t last_pid(void)
{
	pid_t p = fork();
	int st;

	if (p == 0)
		_exit(0);
	if (p > 0)
		waitpid(p, &st, 0);
	return p;
}

/* kill_range - SIGKILL every process from @first to the newest PID: the
 * round made them all (PIDs go upwards, wrapping to 300 at 32768). */
static int kill_range(pid_t first)
{
	pid_t last = last_pid(), p = first;
	int alive = 0;

	for (int n = 0; n < 32768; n++, p++) {
		if (p >= 32768)
			p = 300;
		if (p == last)
			break;
		alive += kill(p, SIGKILL) == 0;
	}
	return alive;
}

/* show_range - /proc/PID/status of every task still there from @first
 * on: what a failing round left behind. */
static void show_range(pid_t first)
{
	pid_t last = last_pid();
	char path[64], buf[4096];

	for (pid_t p = first; p != last; p = p + 1 >= 32768 ? 300 : p + 1) {
		int fd, n;

		snprintf(path, sizeof(path), "/proc/%d/status", p);
		fd = open(path, O_RDONLY);
		if (fd < 0)
			continue;
		n = read(fd, buf, sizeof(buf) - 1);
		close(fd);
		buf[n > 0 ? n : 0] = 0;
		for (char *c = buf; *c; c++)
			if (*c == '\n')
				*c = ' ';
		printf("fuzz: left: %s\n", buf);
	}
}

/* shm_rmid_all - remove every System V segment (PID 1 makes none, so
 * they are the round's): a segment lives on after its processes, and
 * its pages with it, until IPC_RMID. IPC_INFO gives the highest index
 * in use, SHM_STAT_ANY an index's id. */
static void shm_rmid_all(void)
{
	long info[16], ds[16];
	long max = syscall(SYS_shmctl, 0, 3 /* IPC_INFO */, info);

	for (long i = 0; i <= max; i++) {
		long id = syscall(SYS_shmctl, i, 15 /* SHM_STAT_ANY */, ds);

		if (id >= 0)
			syscall(SYS_shmctl, id, 0 /* IPC_RMID */, 0);
	}
}

static struct counters base;
static long budget_ms = 300, ncalls = 200;
static int count_rd;

/* settle - once the round's tasks are gone, wait briefly for the last
 * frees (a dead task's stack goes when the CPU leaves it). */
static int settle(struct counters *c)
{
	for (int i = 0; i < 20; i++) {
		read_counters(c);
		if (same_counters(&base, c))
			return 1;
		reap_all(0);
		sleep_ms(10);
	}
	return 0;
}

/*
 * run_round - one round seeded @seed: a child fuzzes for budget_ms, then
 * SIGKILL to all the round made, 10 s for them to die. Returns 0, or -1
 * with a FAIL line printed.
 */
static int run_round(long r, unsigned long long seed)
{
	struct counters c;
	long long t, deadline;
	pid_t first;
	int done = 0, left = 0;

	printf("fuzz: round %ld seed %llu syscalls %ld\n", r, seed, ncalls);
	fflush(stdout);
	first = fork();
	if (first == 0)
		child_main(seed, ncalls, 4, 1);
	if (first < 0) {
		printf("fuzz: FAIL round %ld seed %llu: fork: %s\n", r, seed, strerror(errno));
		return -1;
	}
	deadline = now_ns() + budget_ms * 1000000LL;
	while (!done && now_ns() < deadline) {
		sleep_ms(5);
		done = reap_all(first) || done;
		drain_counts(count_rd);
		read_counters(&c);
		done = done && c.tasks == base.tasks;
		if (c.tasks > base.tasks + MAX_ROUND_TASKS)
			break;	/* the budgets should make this impossible */
	}
	for (t = now_ns() + 10000000000LL; ; ) {
		left = kill_range(first);
		reap_all(0);
		drain_counts(count_rd);
		read_counters(&c);
		if (!left && c.tasks == base.tasks)
			break;
		if (now_ns() > t) {
			printf("fuzz: FAIL round %ld seed %llu: %d processes (%ld tasks) "
			       "do not die after SIGKILL\n", r, seed, left,
			       c.tasks - base.tasks);
			show_range(first);
			return -1;
		}
		sleep_ms(10);
	}
	shm_rmid_all();
	if (!settle(&c)) {
		printf("fuzz: FAIL round %ld seed %llu: leak: free pages %ld (baseline %ld, "
		       "%+ld kernel page tables, %+ld PID 1's own), mm_structs %ld (%ld), "
		       "tasks %ld (%ld)\n", r, seed, c.free_pages, base.free_pages,
		       c.kernel_pgtables - base.kernel_pgtables, c.own_pages - base.own_pages,
		       c.mm_structs, base.mm_structs, c.tasks, base.tasks);
		return -1;
	}
	return 0;
}

/* env_num - a number from the environment (the kernel command line). */
static unsigned long long env_num(const char *name, unsigned long long dflt)
{
	const char *s = getenv(name);

	return s && *s ? strtoull(s, NULL, 0) : dflt;
}

/* prefault_stack - touch the stack PID 1 will ever use, so that its own
 * page faults do not move the free-page count between rounds. */
static void __attribute__((noinline)) prefault_stack(void)
{
	volatile char buf[64 * 1024];

	for (unsigned i = 0; i < sizeof(buf); i += 512)
		buf[i] = 0;
}

/* setup_fds - the count pipe (non-blocking both ways) and the console's
 * copy for tracing, at fds the children rarely pick. */
static void setup_fds(void)
{
	int p[2];

	if (pipe2(p, O_NONBLOCK) < 0) {
		printf("fuzz: FAIL pipe2: %s\n", strerror(errno));
		return;
	}
	dup2(p[1], COUNT_FD);
	close(p[1]);
	count_rd = fcntl(p[0], F_DUPFD, COUNT_FD + 10);
	close(p[0]);
	/* used once before the baseline: a drained pipe keeps a page for
	 * its next write (Linux's tmp_page), which is no leak */
	if (write(COUNT_FD, "", 1) == 1)
		(void)!read(count_rd, (char[1]){ 0 }, 1);
	if (trace)
		dup2(1, TRACE_FD);
}

/* finish - the summary line, then the end of the run. */
static void finish(int failed, long rounds, const struct counters *end)
{
	printf("fuzz: %s rounds %ld syscalls %lld free pages before %ld after %ld "
	       "(%+ld kernel page tables, %+ld PID 1's own) mm_structs before %ld "
	       "after %ld tasks before %ld after %ld\n", failed ? "FAIL" : "PASS",
	       rounds, total_calls, base.free_pages, end->free_pages,
	       end->kernel_pgtables - base.kernel_pgtables,
	       end->own_pages - base.own_pages, base.mm_structs,
	       end->mm_structs, base.tasks, end->tasks);
	fflush(stdout);
	reboot(RB_AUTOBOOT);
	_exit(failed);
}

int main(int argc, char **argv)
{
	unsigned long long seed;
	long long end;
	long rounds, r;
	struct counters c;
	int failed = 0;

	if (argc >= 5 && !strcmp(argv[1], "child")) {
		child_main(strtoull(argv[2], NULL, 0), atol(argv[3]), atoi(argv[4]), 0);
		return 0;
	}
	if (getpid() != 1) {
		fprintf(stderr, "fuzz: runs only as PID 1 of mmos (it kills PID ranges)\n");
		return 2;
	}
	seed = env_num("fuzz_seed", 0);
	if (!seed)
		getrandom(&seed, sizeof(seed), 0);
	rounds = env_num("fuzz_rounds", 0);
	ncalls = env_num("fuzz_calls", ncalls);
	budget_ms = env_num("fuzz_budget_ms", budget_ms);
	trace = env_num("fuzz_trace", 0);
	end = now_ns() + env_num("fuzz_seconds", 60) * 1000000000LL;
	setup_fds();
	save_limits();
	prefault_stack();
	read_counters(&c);
	reap_all(0);
	read_counters(&base);
	printf("fuzz: start seed %llu calls %ld budget %ld ms; free pages %ld mm_structs %ld "
	       "tasks %ld\n", seed, ncalls, budget_ms, base.free_pages, base.mm_structs,
	       base.tasks);
	for (r = 1; !rounds || r <= rounds; r++) {
		if (!rounds && now_ns() > end)
			break;
		if (run_round(r, seed)) {
			failed = 1;
			break;
		}
		seed = seed_next(seed);
	}
	read_counters(&c);
	finish(failed, failed ? r : r - 1, &c);
	return 0;
}
