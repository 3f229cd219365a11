/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The system's names and the one CPU: uname's fields; sethostname and
 * setdomainname (EPERM for an unprivileged child, EINVAL, EFAULT; the
 * success path natively only inside a new UTS namespace, so the host's
 * name never changes; in mmos for real, and put back);
 * sched_getaffinity/sched_setaffinity (a mask must hold CPU 0: EINVAL;
 * the size rules; ESRCH, EPERM for another user's process, EFAULT);
 * getcpu; sched_yield.
 */
#include "t.h"
#include <sched.h>
#include <signal.h>
#include <sys/utsname.h>
#include <sys/wait.h>

static void test_uname(void)
{
	struct utsname u;

	CHECK(uname(&u) == 0, "uname");
	CHECK(!strcmp(u.sysname, "Linux"), "sysname %s", u.sysname);
	CHECK(!strcmp(u.machine, "x86_64"), "machine %s", u.machine);
	CHECK(u.release[0] >= '1' && u.release[0] <= '9' && strchr(u.release, '.'), "release %s", u.release);
	CHECK(u.nodename[0] && u.version[0], "empty names");
	if (t_free_pages() >= 0)
		CHECK(strstr(u.release, "mmos") && !strcmp(u.version, "#1 mmos"), "%s %s",
		      u.release, u.version);
	CHECK(RAW(SYS_uname, (void *)8) == -EFAULT, "uname(bad)");
}

/* In a child: the name changes for the child's namespace (natively) or
 * the system (mmos), and the errors come in Linux's order. */
static void set_names(void)
{
	struct utsname u, old;
	char long_name[70];

	uname(&old);
	if (t_free_pages() < 0 && RAW(SYS_unshare, CLONE_NEWUTS)) {
		printf("uname: no new UTS namespace natively; success path skipped\n");
	} else {
		CHECK(RAW(SYS_sethostname, "mmos-test-host!", 14) == 0, "sethostname");
		CHECK(RAW(SYS_setdomainname, "example.org", 11) == 0, "setdomainname");
		uname(&u);
		CHECK(!strcmp(u.nodename, "mmos-test-host"), "nodename %s", u.nodename);
		CHECK(!strcmp(u.domainname, "example.org"), "domainname %s", u.domainname);
		CHECK(RAW(SYS_sethostname, "", 0) == 0, "empty");
		uname(&u);
		CHECK(u.nodename[0] == 0, "not cleared: %s", u.nodename);
		memset(long_name, 'x', sizeof(long_name));
		CHECK(RAW(SYS_sethostname, long_name, 64) == 0, "64 bytes");
		uname(&u);
		CHECK(strlen(u.nodename) == 64, "len %zu", strlen(u.nodename));
		CHECK(RAW(SYS_sethostname, long_name, 65) == -EINVAL, "65 bytes");
		CHECK(RAW(SYS_sethostname, long_name, -1) == -EINVAL, "-1");
		CHECK(RAW(SYS_setdomainname, long_name, 65) == -EINVAL, "65 bytes");
		CHECK(RAW(SYS_sethostname, (void *)8, 5) == -EFAULT, "bad");
		CHECK(RAW(SYS_setdomainname, (void *)8, 5) == -EFAULT, "bad");
		RAW(SYS_sethostname, old.nodename, strlen(old.nodename));
		RAW(SYS_setdomainname, old.domainname, strlen(old.domainname));
		uname(&u);
		CHECK(!strcmp(u.nodename, old.nodename), "not put back");
	}
	CHECK(RAW(SYS_setresuid, 1000, 1000, 1000) == 0, "drop");
	CHECK(RAW(SYS_sethostname, "x", 1) == -EPERM, "unprivileged");
	CHECK(RAW(SYS_sethostname, "x", 100) == -EPERM, "EPERM comes before EINVAL");
	CHECK(RAW(SYS_setdomainname, (void *)8, 1) == -EPERM, "EPERM before EFAULT");
}

static void test_affinity(void)
{
	unsigned long mask[4] = { ~0UL, ~0UL, ~0UL, ~0UL }, one = 1, none = 0, cpu0 = 1;
	unsigned int cpu = 99, node = 99;
	long n;
	pid_t child;
	int st;

	n = RAW(SYS_sched_getaffinity, 0, sizeof(mask), mask);
	CHECK(n > 0 && n % 8 == 0 && n <= (long)sizeof(mask), "getaffinity returned %ld", n);
	CHECK(mask[0] & 1, "CPU 0 not allowed: %#lx", mask[0]);
	if (t_free_pages() >= 0)
		CHECK(n == 8 && mask[0] == 1 && mask[1] == ~0UL, "n %ld mask %#lx %#lx", n, mask[0], mask[1]);
	CHECK(RAW(SYS_sched_getaffinity, 0, 4, mask) == -EINVAL, "len 4");
	CHECK(RAW(SYS_sched_getaffinity, 0, 12, mask) == -EINVAL, "len 12");
	CHECK(RAW(SYS_sched_getaffinity, 0, 0, mask) == -EINVAL, "len 0");
	CHECK(RAW(SYS_sched_getaffinity, 0, 8, (void *)8) == -EFAULT, "bad");
	CHECK(RAW(SYS_sched_getaffinity, 99999, 8, mask) == -ESRCH, "no such pid");
	CHECK(RAW(SYS_sched_setaffinity, 0, 8, &one) == 0, "CPU 0 only");
	CHECK(RAW(SYS_sched_setaffinity, 0, 8, &none) == -EINVAL, "no CPU");
	none = 1UL << 63;
	CHECK(RAW(SYS_sched_setaffinity, 0, 8, &none) == -EINVAL, "only CPU 63");
	CHECK(RAW(SYS_sched_setaffinity, 0, 1, &one) == 0, "a 1-byte mask");
	CHECK(RAW(SYS_sched_setaffinity, 0, 0, &one) == -EINVAL, "a 0-byte mask is empty");
	CHECK(RAW(SYS_sched_setaffinity, 0, 8, (void *)8) == -EFAULT, "bad");
	CHECK(RAW(SYS_sched_setaffinity, 99999, 8, &one) == -ESRCH, "no such pid");
	mask[0] = mask[1] = ~0UL;
	CHECK(RAW(SYS_sched_setaffinity, 0, sizeof(mask), mask) == 0, "every CPU");
	n = RAW(SYS_sched_getaffinity, 0, sizeof(mask), mask);
	CHECK(n > 0 && (mask[0] & 1), "after: %ld %#lx", n, mask[0]);
	child = fork();
	if (child == 0) {
		RAW(SYS_setresuid, 1000, 1000, 1000);
		_exit(RAW(SYS_sched_setaffinity, getppid(), 8, &cpu0) == -EPERM &&
		      RAW(SYS_sched_setaffinity, 0, 8, &cpu0) == 0 &&
		      RAW(SYS_sched_getaffinity, getppid(), 8, mask) > 0 ? 0 : 1);
	}
	CHECK(waitpid(child, &st, 0) == child && st == 0, "another user's affinity: %#x", st);
	CHECK(RAW(SYS_getcpu, &cpu, &node, NULL) == 0, "getcpu");
	CHECK(cpu < 4096 && node < 64, "cpu %u node %u", cpu, node);
	if (t_free_pages() >= 0)
		CHECK(cpu == 0 && node == 0, "cpu %u node %u", cpu, node);
	CHECK(RAW(SYS_getcpu, NULL, NULL, NULL) == 0, "getcpu(NULL)");
	CHECK(RAW(SYS_getcpu, (void *)8, NULL, NULL) == -EFAULT, "getcpu(bad)");
	CHECK(RAW(SYS_getcpu, NULL, (void *)8, NULL) == -EFAULT, "getcpu(, bad)");
	CHECK(sched_yield() == 0, "sched_yield");
}

int main(void)
{
	pid_t child;
	int st;

	test_uname();
	fflush(stdout);
	child = fork();
	if (child == 0) {
		set_names();
		fflush(stdout);
		_exit(t_failed ? 1 : 0);
	}
	CHECK(waitpid(child, &st, 0) == child && st == 0, "set_names: status %#x", st);
	test_affinity();
	return t_done("uname");
}
