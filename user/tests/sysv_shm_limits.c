/* SPDX-License-Identifier: GPL-2.0 */
/* The System V shared memory limits, as Linux's: /proc/sys/kernel/
 * shmmax, shmall and shmmni read as numbers that IPC_INFO agrees with;
 * root writes them (a non-root open for writing is EACCES), a value
 * not a number or negative is EINVAL (shmmni: 0 .. 32768); then each
 * limit holds: shmget above shmmax is EINVAL, beyond shmall's pages or
 * shmmni's segments ENOSPC. The limits are set relative to what
 * SHM_INFO says is in use (the host has its own segments) and put back
 * at once. */
#include "t.h"
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>

#define P 4096L

/* sysctl_read - the number in /proc/sys/kernel/@name. */
static unsigned long sysctl_read(const char *name)
{
	char path[64];
	const char *s;

	snprintf(path, sizeof(path), "/proc/sys/kernel/%s", name);
	s = t_read_file(path);
	return s ? strtoul(s, NULL, 10) : 0;
}

/* sysctl_write - write @val to /proc/sys/kernel/@name: the write's
 * result, or -errno. */
static long sysctl_write(const char *name, const char *val)
{
	char path[64];
	long fd, r;

	snprintf(path, sizeof(path), "/proc/sys/kernel/%s", name);
	fd = RAW(SYS_open, path, O_WRONLY);
	if (fd < 0)
		return fd;
	r = RAW(SYS_write, fd, val, strlen(val));
	RAW(SYS_close, fd);
	return r;
}

/* sysctl_set - write the number @v. */
static long sysctl_set(const char *name, unsigned long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lu\n", v);
	return sysctl_write(name, buf);
}

/* format_ok - is /proc/sys/kernel/@name one decimal number and a newline? */
static int format_ok(const char *name)
{
	char path[64];
	const char *s;
	size_t n;

	snprintf(path, sizeof(path), "/proc/sys/kernel/%s", name);
	s = t_read_file(path);
	if (!s)
		return 0;
	n = strspn(s, "0123456789");
	return n > 0 && s[n] == '\n' && s[n + 1] == 0;
}

static void test_read(void)
{
	struct shminfo si;

	CHECK(format_ok("shmmax") && format_ok("shmall") && format_ok("shmmni"),
	      "a number each");
	CHECK(shmctl(0, IPC_INFO, (void *)&si) >= 0, "IPC_INFO: %s", strerror(errno));
	CHECK(si.shmmax == sysctl_read("shmmax") && si.shmall == sysctl_read("shmall") &&
	      si.shmmni == sysctl_read("shmmni") && si.shmseg == si.shmmni && si.shmmin == 1,
	      "IPC_INFO agrees: %lu %lu %lu", (unsigned long)si.shmmax,
	      (unsigned long)si.shmall, (unsigned long)si.shmmni);
}

/* not_root_writes - as uid 65534: opening a limit for writing is EACCES. */
static int not_root_writes(void)
{
	if (setuid(65534))
		return 10;
	return sysctl_write("shmmax", "4096\n") == -EACCES ? 0 : 1;
}

/* test_shmmax - values, junk, negatives, and the limit itself. */
static void test_shmmax(void)
{
	unsigned long old = sysctl_read("shmmax");
	struct shminfo si;
	int id, status;
	pid_t pid;

	CHECK(sysctl_write("shmmax", "abc\n") == -EINVAL, "junk: EINVAL");
	CHECK(sysctl_write("shmmax", "12x\n") == -EINVAL, "trailing junk: EINVAL");
	CHECK(sysctl_write("shmmax", "-5\n") == -EINVAL && sysctl_read("shmmax") == old,
	      "negative: EINVAL");
	CHECK(sysctl_write("shmmax", "5 6") == 2 && sysctl_read("shmmax") == 5,
	      "one number: the first, and what it used");
	CHECK(sysctl_set("shmmax", 3 * P) > 0 && sysctl_read("shmmax") == 3 * P,
	      "set: %lu", sysctl_read("shmmax"));
	CHECK(shmctl(0, IPC_INFO, (void *)&si) >= 0 && si.shmmax == 3 * P, "IPC_INFO sees it");
	CHECK(shmget(IPC_PRIVATE, 3 * P + 1, 0600) == -1 && errno == EINVAL, "above: EINVAL");
	id = shmget(IPC_PRIVATE, 3 * P, 0600);
	CHECK(id >= 0, "at the limit: %s", strerror(errno));
	shmctl(id, IPC_RMID, NULL);
	CHECK(sysctl_set("shmmax", old) > 0 && sysctl_read("shmmax") == old, "put back");
	pid = fork();
	if (pid == 0)
		_exit(not_root_writes());
	waitpid(pid, &status, 0);
	CHECK(status == 0, "not root: EACCES (%x)", status);
}

/* test_shmall - the pages of all segments: one more than allowed is
 * ENOSPC. */
static void test_shmall(void)
{
	unsigned long old = sysctl_read("shmall");
	struct shm_info sinfo;
	int a, b;

	CHECK(shmctl(0, SHM_INFO, (void *)&sinfo) >= 0, "SHM_INFO");
	CHECK(sysctl_set("shmall", sinfo.shm_tot + 3) > 0, "set shmall");
	a = shmget(IPC_PRIVATE, 2 * P, 0600);
	b = shmget(IPC_PRIVATE, 2 * P, 0600);
	CHECK(a >= 0 && b == -1 && errno == ENOSPC, "beyond shmall: ENOSPC (%d %s)", b,
	      strerror(errno));
	if (b >= 0)
		shmctl(b, IPC_RMID, NULL);
	b = shmget(IPC_PRIVATE, P, 0600);
	CHECK(b >= 0, "within: %s", strerror(errno));
	CHECK(sysctl_set("shmall", old) > 0 && sysctl_read("shmall") == old, "put back");
	shmctl(a, IPC_RMID, NULL);
	shmctl(b, IPC_RMID, NULL);
}

/* test_shmmni - the number of segments. */
static void test_shmmni(void)
{
	unsigned long old = sysctl_read("shmmni");
	struct shm_info sinfo;
	int a, b;

	CHECK(sysctl_write("shmmni", "-1\n") == -EINVAL, "negative: EINVAL");
	CHECK(sysctl_write("shmmni", "32769\n") == -EINVAL, "above IPCMNI: EINVAL");
	CHECK(sysctl_read("shmmni") == old, "unchanged");
	CHECK(shmctl(0, SHM_INFO, (void *)&sinfo) >= 0, "SHM_INFO");
	CHECK(sysctl_set("shmmni", sinfo.used_ids + 1) > 0, "set shmmni");
	a = shmget(IPC_PRIVATE, P, 0600);
	b = shmget(IPC_PRIVATE, P, 0600);
	CHECK(sysctl_set("shmmni", old) > 0 && sysctl_read("shmmni") == old, "put back");
	CHECK(a >= 0 && b == -1 && errno == ENOSPC, "beyond shmmni: ENOSPC (%d %s)", b,
	      strerror(errno));
	shmctl(a, IPC_RMID, NULL);
	if (b >= 0)
		shmctl(b, IPC_RMID, NULL);
}

int main(void)
{
	test_read();
	if (geteuid() != 0) {
		printf("sysv_shm_limits: not root: the limits cannot be written\n");
		return t_done("sysv_shm_limits");
	}
	if (!t_sysctl_writable("/proc/sys/kernel/shmmax")) {
		CHECK(t_free_pages() < 0, "in mmos, root may write the shm limits");
		printf("sysv_shm_limits: /proc/sys not writable here: the limits not written\n");
		return t_done("sysv_shm_limits");
	}
	test_shmmax();
	test_shmall();
	test_shmmni();
	return t_done("sysv_shm_limits");
}
