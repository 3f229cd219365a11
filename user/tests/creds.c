/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Credentials: every check runs in a forked child that starts as root
 * and drops privileges (the test itself runs as root, natively too):
 * the set*id family with Linux's rules (setuid with and without
 * CAP_SETUID, setreuid's saved-uid rule, setresuid, setfsuid's return
 * value), groups (sorted by the kernel, EINVAL/EPERM/EFAULT), fork
 * inheriting them, a raw setresuid in one thread changing only that
 * thread, and kill()'s EPERM for another user's process.
 */
#include "t.h"
#include <grp.h>
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>

static void ids(unsigned r, unsigned e, unsigned s, const char *what)
{
	unsigned gr = 1, ge = 1, gs = 1;

	CHECK(RAW(SYS_getresuid, &gr, &ge, &gs) == 0, "getresuid");
	CHECK(gr == r && ge == e && gs == s, "%s: uids %u %u %u, want %u %u %u",
	      what, gr, ge, gs, r, e, s);
}

static void gids(unsigned r, unsigned e, unsigned s, const char *what)
{
	unsigned gr = 1, ge = 1, gs = 1;

	CHECK(RAW(SYS_getresgid, &gr, &ge, &gs) == 0, "getresgid");
	CHECK(gr == r && ge == e && gs == s, "%s: gids %u %u %u, want %u %u %u",
	      what, gr, ge, gs, r, e, s);
}

static long fsuid(void)
{
	return RAW(SYS_setfsuid, -1);	/* an invalid uid: only reports */
}

static long fsgid(void)
{
	return RAW(SYS_setfsgid, -1);
}

/* run - @fn in a forked child; its checks count through its exit status. */
static void run(const char *name, void (*fn)(void))
{
	pid_t pid;
	int st;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		t_failed = 0;
		fn();
		fflush(stdout);
		_exit(t_failed ? 1 : 0);
	}
	CHECK(waitpid(pid, &st, 0) == pid && st == 0, "%s: status %#x", name, st);
}

static void test_root_setuid(void)
{
	CHECK(RAW(SYS_getuid) == 0 && RAW(SYS_geteuid) == 0, "not root");
	CHECK(RAW(SYS_setuid, -1) == -EINVAL, "setuid(-1)");
	CHECK(RAW(SYS_setgid, -1) == -EINVAL, "setgid(-1)");
	CHECK(RAW(SYS_setgid, 1500) == 0, "root setgid");
	gids(1500, 1500, 1500, "root setgid");
	CHECK(fsgid() == 1500, "fsgid %ld", fsgid());
	CHECK(RAW(SYS_setuid, 1000) == 0, "root setuid");
	ids(1000, 1000, 1000, "root setuid");
	CHECK(fsuid() == 1000, "fsuid %ld", fsuid());
	CHECK(RAW(SYS_setuid, 0) == -EPERM, "back to root");
	CHECK(RAW(SYS_setgid, 0) == -EPERM, "setgid 0 unprivileged");
	CHECK(RAW(SYS_setgid, 1500) == 0, "setgid to the real gid");
	CHECK(RAW(SYS_setresuid, 1000, 1000, 1000) == 0, "a no-op setresuid");
	CHECK(RAW(SYS_setresuid, 1000, 0, -1) == -EPERM, "setresuid to 0");
}

static void test_setresuid(void)
{
	CHECK(RAW(SYS_setresgid, 100, 101, 102) == 0, "setresgid");
	gids(100, 101, 102, "setresgid");
	CHECK(fsgid() == 101, "fsgid follows egid: %ld", fsgid());
	CHECK(RAW(SYS_setresuid, 1000, 1001, 1002) == 0, "setresuid");
	ids(1000, 1001, 1002, "setresuid");
	CHECK(fsuid() == 1001, "fsuid follows euid: %ld", fsuid());
	/* unprivileged now: setuid may pick the real or saved uid, and
	 * changes only the effective one */
	CHECK(RAW(SYS_setuid, 1002) == 0, "setuid to the saved uid");
	ids(1000, 1002, 1002, "setuid unprivileged");
	CHECK(RAW(SYS_setuid, 1001) == -EPERM, "setuid to an old euid");
	CHECK(RAW(SYS_setresuid, -1, -1, -1) == 0, "setresuid -1s");
	CHECK(RAW(SYS_setresuid, 1002, 1000, -1) == 0, "permute");
	ids(1002, 1000, 1002, "permute");
	CHECK(RAW(SYS_setresuid, 7, -1, -1) == -EPERM, "a new ruid");
	CHECK(RAW(SYS_setresgid, -1, 100, -1) == 0, "egid to the rgid");
	CHECK(RAW(SYS_setresgid, -1, 7, -1) == -EPERM, "a new egid");
	/* setfsuid: any of r/e/s/fs, returns the old value either way */
	CHECK(RAW(SYS_setfsuid, 1002) == 1000, "setfsuid returns the old fsuid");
	CHECK(fsuid() == 1002, "fsuid %ld", fsuid());
	CHECK(RAW(SYS_setfsuid, 4242) == 1002, "refused setfsuid still returns");
	CHECK(fsuid() == 1002, "fsuid changed to 4242");
	CHECK(RAW(SYS_setfsgid, 4242) == 100, "refused setfsgid: %ld", RAW(SYS_setfsgid, 4242));
	CHECK(RAW(SYS_setfsgid, 102) == 100 && fsgid() == 102, "setfsgid to the sgid");
}

static void test_setreuid(void)
{
	CHECK(RAW(SYS_setregid, 5, 6) == 0, "root setregid");
	gids(5, 6, 6, "setregid");
	CHECK(RAW(SYS_setreuid, 1000, 1001) == 0, "root setreuid");
	ids(1000, 1001, 1001, "setting the ruid sets the suid to the euid");
	CHECK(RAW(SYS_setreuid, -1, 1000) == 0, "euid to the ruid");
	ids(1000, 1000, 1001, "an euid equal to the old ruid leaves the suid");
	CHECK(RAW(SYS_setreuid, 1001, -1) == -EPERM, "the ruid may not become the suid");
	CHECK(RAW(SYS_setreuid, -1, 1001) == 0, "euid to the suid");
	ids(1000, 1001, 1001, "euid to the suid");
	CHECK(RAW(SYS_setreuid, 1001, -1) == 0, "ruid to the euid");
	ids(1001, 1001, 1001, "ruid to the euid");
	CHECK(RAW(SYS_setregid, 7, -1) == -EPERM, "setregid unprivileged");
	CHECK(RAW(SYS_setregid, 6, -1) == 0, "rgid to the egid");
	gids(6, 6, 6, "rgid to the egid");
}

static void test_seteuid_and_back(void)
{
	CHECK(RAW(SYS_setresuid, -1, 1000, -1) == 0, "seteuid");
	ids(0, 1000, 0, "seteuid");
	CHECK(RAW(SYS_setgroups, 0, NULL) == -EPERM, "setgroups without the capability");
	CHECK(RAW(SYS_setuid, 0) == 0, "back to euid 0 (the real uid)");
	ids(0, 0, 0, "back");
	CHECK(RAW(SYS_setgroups, 0, NULL) == 0, "setgroups as root again");
}

static void test_groups(void)
{
	gid_t set[] = { 50, 30, 40 }, got[8] = { 0 };
	static gid_t big[65537];

	CHECK(RAW(SYS_setgroups, 3, set) == 0, "setgroups");
	CHECK(RAW(SYS_getgroups, 0, NULL) == 3, "count");
	CHECK(RAW(SYS_getgroups, 8, got) == 3 && got[0] == 30 && got[1] == 40 && got[2] == 50,
	      "not sorted: %u %u %u", got[0], got[1], got[2]);
	CHECK(RAW(SYS_getgroups, 2, got) == -EINVAL, "too small");
	CHECK(RAW(SYS_getgroups, -1, got) == -EINVAL, "negative");
	CHECK(RAW(SYS_getgroups, 3, (void *)8) == -EFAULT, "bad");
	CHECK(RAW(SYS_setgroups, 65537, big) == -EINVAL, "more than NGROUPS_MAX");
	CHECK(RAW(SYS_setgroups, -1, big) == -EINVAL, "negative");
	CHECK(RAW(SYS_setgroups, 1, (void *)8) == -EFAULT, "bad");
	set[1] = -1;
	CHECK(RAW(SYS_setgroups, 3, set) == -EINVAL, "gid -1");
	CHECK(RAW(SYS_getgroups, 0, NULL) == 3, "a failed setgroups changed them");
	CHECK(RAW(SYS_setgroups, 65536, big) == 0, "NGROUPS_MAX groups");
	CHECK(RAW(SYS_getgroups, 0, NULL) == 65536, "65536");
	CHECK(RAW(SYS_setgroups, 0, NULL) == 0, "none");
	CHECK(RAW(SYS_getgroups, 0, NULL) == 0, "none");
}

static void test_errors(void)
{
	unsigned a, b;

	CHECK(RAW(SYS_getresuid, &a, &b, (void *)8) == -EFAULT, "getresuid bad");
	CHECK(RAW(SYS_getresgid, (void *)8, &a, &b) == -EFAULT, "getresgid bad");
}

static void *thread_setresuid(void *arg)
{
	*(long *)arg = RAW(SYS_setresuid, 2000, 2000, 2000);
	return NULL;
}

static void *thread_ids(void *arg)
{
	*(long *)arg = RAW(SYS_getuid);
	return NULL;
}

/* A raw setresuid changes its thread only (libc's setuid() signals
 * every thread to do the same); a new thread starts with its creator's. */
static void test_threads(void)
{
	pthread_t t;
	long r = -1, u = -1;

	pthread_create(&t, NULL, thread_setresuid, &r);
	pthread_join(t, NULL);
	CHECK(r == 0, "setresuid in a thread: %ld", r);
	CHECK(RAW(SYS_getuid) == 0, "another thread's setresuid changed main's: %ld",
	      RAW(SYS_getuid));
	CHECK(RAW(SYS_setresuid, 3000, 3000, 3000) == 0, "main drops");
	pthread_create(&t, NULL, thread_ids, &u);
	pthread_join(t, NULL);
	CHECK(u == 3000, "new thread's uid %ld", u);
}

static pid_t root_child;	/* root's process, made by main */

/* kill: an unprivileged process may signal its own user's processes
 * only (EPERM otherwise, also for signal 0), and anyone SIGCONT in its
 * session; root may signal anyone. */
static void test_kill(void)
{
	pid_t same_user = fork();
	int st;

	if (same_user == 0) {
		RAW(SYS_setresuid, 1000, 1000, 1000);
		for (;;)
			t_sleep_ms(1000);	/* no pause(): mmos has none */
		_exit(0);
	}
	t_sleep_ms(20);
	CHECK(kill(same_user, 0) == 0, "root signals anyone: %d", errno);
	CHECK(RAW(SYS_setresuid, 1000, 1000, 1000) == 0, "drop");
	CHECK(RAW(SYS_kill, root_child, 0) == -EPERM, "another user's, signal 0");
	CHECK(RAW(SYS_kill, root_child, SIGTERM) == -EPERM, "another user's, SIGTERM");
	CHECK(RAW(SYS_tgkill, root_child, root_child, SIGTERM) == -EPERM, "tgkill");
	CHECK(RAW(SYS_kill, root_child, SIGCONT) == 0, "SIGCONT in the session");
	CHECK(RAW(SYS_kill, same_user, 0) == 0, "same user");
	CHECK(RAW(SYS_kill, getpid(), 0) == 0, "self");
	CHECK(RAW(SYS_kill, 99999, 0) == -ESRCH, "no such process");
	CHECK(RAW(SYS_kill, same_user, SIGKILL) == 0, "kill same user");
	CHECK(waitpid(same_user, &st, 0) == same_user && WTERMSIG(st) == SIGKILL, "reaped");
}

int main(void)
{
	int st;

	CHECK(getuid() == geteuid() && getgid() == getegid(), "ids");
	run("root_setuid", test_root_setuid);
	run("setresuid", test_setresuid);
	run("setreuid", test_setreuid);
	run("seteuid_and_back", test_seteuid_and_back);
	run("groups", test_groups);
	run("errors", test_errors);
	run("threads", test_threads);
	root_child = fork();
	if (root_child == 0) {
		for (;;)
			t_sleep_ms(1000);	/* no pause(): mmos has none */
		_exit(0);
	}
	run("kill", test_kill);
	CHECK(kill(root_child, SIGKILL) == 0, "root kills its child");
	CHECK(waitpid(root_child, &st, 0) == root_child && WTERMSIG(st) == SIGKILL, "reaped");
	return t_done("creds");
}
