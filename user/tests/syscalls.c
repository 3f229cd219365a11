/* SPDX-License-Identifier: GPL-2.0 */
/* The small syscalls with good and bad arguments: values and errnos. */
#include "t.h"
#include <signal.h>
#include <time.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/random.h>

#define BAD ((void *)8)		/* never mapped: the NULL page */

int main(void)
{
	struct utsname u;
	struct timespec ts, ts2;
	struct rlimit rl;
	unsigned char rnd[64] = { 0 };
	struct winsize ws;
	long tid;

	CHECK(getpid() > 0, "getpid");
	CHECK(RAW(SYS_getppid) >= 0, "getppid");
	tid = RAW(SYS_gettid);
	CHECK(tid == getpid(), "gettid %ld != getpid %d", tid, getpid());
	CHECK(RAW(SYS_set_tid_address, NULL) == tid, "set_tid_address");
	CHECK(uname(&u) == 0 && !strcmp(u.sysname, "Linux") && !strcmp(u.machine, "x86_64"),
	      "uname %s %s", u.sysname, u.machine);
	CHECK(RAW(SYS_uname, BAD) == -EFAULT, "uname(bad)");

	CHECK(clock_gettime(CLOCK_MONOTONIC, &ts) == 0, "clock_gettime");
	CHECK(RAW(SYS_clock_gettime, CLOCK_MONOTONIC, BAD) == -EFAULT, "clock_gettime(bad)");
	CHECK(RAW(SYS_clock_gettime, 12345, &ts) == -EINVAL, "clock_gettime(bad clock)");
	ts2.tv_sec = 0;
	ts2.tv_nsec = 20 * 1000 * 1000;
	CHECK(nanosleep(&ts2, NULL) == 0, "nanosleep");
	clock_gettime(CLOCK_MONOTONIC, &ts2);
	CHECK((ts2.tv_sec - ts.tv_sec) * 1000000000L + ts2.tv_nsec - ts.tv_nsec >= 20000000L,
	      "nanosleep slept too little");
	ts2.tv_nsec = 2000000000L;
	CHECK(RAW(SYS_nanosleep, &ts2, NULL) == -EINVAL, "nanosleep(bad nsec)");
	CHECK(RAW(SYS_nanosleep, BAD, NULL) == -EFAULT, "nanosleep(bad)");
	CHECK(RAW(SYS_sched_yield) == 0, "sched_yield");

	CHECK(RAW(SYS_getrandom, rnd, sizeof(rnd), 0) == sizeof(rnd), "getrandom");
	CHECK(memcmp(rnd, rnd + 32, 32) != 0, "getrandom gave repeating bytes");
	CHECK(RAW(SYS_getrandom, rnd, 8, 0x100) == -EINVAL, "getrandom(bad flags)");
	CHECK(RAW(SYS_getrandom, BAD, 8, 0) == -EFAULT, "getrandom(bad)");

	CHECK(getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur > 0, "getrlimit");
	CHECK(RAW(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &rl) == 0 && rl.rlim_cur > 0, "prlimit64");
	CHECK(RAW(SYS_prlimit64, 0, 9999, NULL, &rl) == -EINVAL, "prlimit64(bad resource)");

	/* stdout is a file or pipe in the runner (no tty), the console in mmos */
	CHECK(RAW(SYS_ioctl, 1, TIOCGWINSZ, &ws) == (isatty(1) ? 0 : -ENOTTY), "TIOCGWINSZ");
	CHECK(RAW(SYS_ioctl, 1, TIOCGWINSZ, BAD) == (isatty(1) ? -EFAULT : -ENOTTY),
	      "TIOCGWINSZ(bad)");
	CHECK(RAW(SYS_ioctl, 999, TIOCGWINSZ, &ws) == -EBADF, "ioctl(bad fd)");

	sigset_t set, old;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK(sigprocmask(SIG_BLOCK, &set, NULL) == 0, "sigprocmask");
	CHECK(sigprocmask(SIG_SETMASK, NULL, &old) == 0 && sigismember(&old, SIGUSR1),
	      "blocked mask not kept");
	CHECK(RAW(SYS_rt_sigprocmask, 99, &set, NULL, 8) == -EINVAL, "sigprocmask(bad how)");
	CHECK(RAW(SYS_rt_sigprocmask, SIG_BLOCK, BAD, NULL, 8) == -EFAULT, "sigprocmask(bad)");
	struct sigaction sa = { .sa_handler = SIG_IGN }, osa;
	CHECK(sigaction(SIGUSR2, &sa, NULL) == 0, "sigaction");
	CHECK(sigaction(SIGUSR2, NULL, &osa) == 0 && osa.sa_handler == SIG_IGN, "sigaction not kept");
	CHECK(sigaction(SIGKILL, &sa, NULL) == -1 && errno == EINVAL, "sigaction(SIGKILL)");

	CHECK(RAW(SYS_write, 1, BAD, 10) == -EFAULT, "write(bad)");
	CHECK(RAW(SYS_write, 77, "x", 1) == -EBADF, "write(bad fd)");
	CHECK(RAW(1000) == -ENOSYS, "syscall 1000");
	CHECK(RAW(SYS_arch_prctl, 0x9999, 0) == -EINVAL, "arch_prctl(bad)");
	return t_done("syscalls");
}
