/* SPDX-License-Identifier: GPL-2.0 */
/*
 * /proc/PID/stat, statm and status against what the test knows about
 * itself: stat's 52 fields (pid, comm, state, ppid, pgrp, session,
 * num_threads, vsize, exit_signal), statm's 7 and their agreement with
 * stat, status's lines in Linux's order with our ids, umask, signal
 * masks and thread count, and a stopped child's T state.
 */
#include "t.h"
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

/* The fields of /proc/@who/stat after "(comm)" into @f (from field 3,
 * the state, as f[3]); returns how many there are in all. @comm gets
 * the name between the parentheses. */
static int stat_fields(const char *who, char *comm, size_t clen, char f[64][32])
{
	char path[64], buf[4096];
	const char *s, *open, *close;
	int n = 2;

	snprintf(path, sizeof(path), "/proc/%s/stat", who);
	s = t_read_file(path);
	if (!s)
		return -1;
	snprintf(buf, sizeof(buf), "%s", s);
	open = strchr(buf, '(');
	close = strrchr(buf, ')');
	if (!open || !close)
		return -1;
	snprintf(comm, clen, "%.*s", (int)(close - open - 1), open + 1);
	snprintf(f[1], 32, "%.*s", (int)(open - buf - 1), buf);
	for (s = close + 1; *s && *s != '\n';) {
		int len = 0;

		while (*s == ' ')
			s++;
		if (!*s || *s == '\n')
			break;
		n++;
		while (s[len] && s[len] != ' ' && s[len] != '\n')
			len++;
		if (n < 64)
			snprintf(f[n], 32, "%.*s", len, s);
		s += len;
	}
	return n;
}

/* The value of status line @key ("Name") of /proc/@who/status, or NULL. */
static const char *status_line(const char *who, const char *key)
{
	static char val[256];
	char path[64], k[64];
	const char *s, *p;

	snprintf(path, sizeof(path), "/proc/%s/status", who);
	s = t_read_file(path);
	snprintf(k, sizeof(k), "\n%s:\t", key);
	if (!s)
		return NULL;
	if (!strncmp(s, k + 1, strlen(k + 1)))
		p = s + strlen(k + 1);
	else if ((p = strstr(s, k)))
		p += strlen(k);
	else
		return NULL;
	snprintf(val, sizeof(val), "%.*s", (int)strcspn(p, "\n"), p);
	return val;
}

static void check_stat(void)
{
	char f[64][32], comm[64];
	char want[64];
	int n = stat_fields("self", comm, sizeof(comm), f);

	CHECK(n == 52, "52 fields: %d", n);
	CHECK(atoi(f[1]) == getpid(), "pid %s", f[1]);
	CHECK(!strcmp(comm, "proc_stat_field"), "comm (%s): 15 bytes of the name", comm);
	CHECK(!strcmp(f[3], "R"), "state %s", f[3]);
	CHECK(atoi(f[4]) == getppid(), "ppid %s vs %d", f[4], getppid());
	CHECK(atoi(f[5]) == getpgrp(), "pgrp %s vs %d", f[5], getpgrp());
	CHECK(atoi(f[6]) == getsid(0), "session %s vs %d", f[6], getsid(0));
	CHECK(!strcmp(f[18], "20") && !strcmp(f[19], "0"), "priority %s nice %s", f[18], f[19]);
	CHECK(!strcmp(f[20], "1"), "num_threads %s", f[20]);
	CHECK(!strcmp(f[21], "0"), "itrealvalue %s", f[21]);
	CHECK(strtoull(f[23], NULL, 10) > 0, "vsize %s", f[23]);
	CHECK(!strcmp(f[25], "18446744073709551615"), "rsslim %s", f[25]);
	CHECK(strtoull(f[26], NULL, 10) < strtoull(f[27], NULL, 10), "startcode < endcode");
	snprintf(want, sizeof(want), "%lu", (unsigned long)(uintptr_t)&want);
	CHECK(strtoull(f[28], NULL, 10) > strtoull(want, NULL, 10), "startstack %s above %s",
	      f[28], want);
	CHECK(strtoull(f[48], NULL, 10) < strtoull(f[49], NULL, 10), "arg_start < arg_end");
	CHECK(strtoull(f[50], NULL, 10) <= strtoull(f[51], NULL, 10), "env_start <= env_end");
	CHECK(!strcmp(f[52], "0"), "exit_code %s", f[52]);
}

static void check_statm(void)
{
	char f[64][32], comm[64];
	unsigned long v[7];
	const char *s = t_read_file("/proc/self/statm");
	int n = s ? sscanf(s, "%lu %lu %lu %lu %lu %lu %lu", &v[0], &v[1], &v[2], &v[3],
			   &v[4], &v[5], &v[6]) : 0;

	CHECK(n == 7, "statm has 7 numbers: %s", s ? s : "(none)");
	stat_fields("self", comm, sizeof(comm), f);
	CHECK(v[0] * sysconf(_SC_PAGESIZE) == strtoull(f[23], NULL, 10),
	      "statm size %lu pages = stat vsize %s", v[0], f[23]);
	CHECK(v[1] > 0 && v[1] <= v[0], "resident %lu of %lu", v[1], v[0]);
	CHECK(v[2] <= v[1], "shared %lu <= resident", v[2]);
	CHECK(v[4] == 0 && v[6] == 0, "lib and dt are 0");
}

/* The status keys Linux prints, in its order (a subset: Linux may have
 * more between them). */
static const char *const status_keys[] = {
	"Name", "Umask", "State", "Tgid", "Ngid", "Pid", "PPid", "TracerPid", "Uid",
	"Gid", "FDSize", "Groups", "NStgid", "NSpid", "NSpgid", "NSsid", "VmPeak",
	"VmSize", "VmLck", "VmPin", "VmHWM", "VmRSS", "RssAnon", "RssFile", "RssShmem",
	"VmData", "VmStk", "VmExe", "VmLib", "VmPTE", "VmSwap", "Threads", "SigQ",
	"SigPnd", "ShdPnd", "SigBlk", "SigIgn", "SigCgt", "Cpus_allowed",
	"Cpus_allowed_list", "voluntary_ctxt_switches", "nonvoluntary_ctxt_switches",
};

static void handler(int sig)
{
	(void)sig;
}

static void *idle_thread(void *arg)
{
	pause();
	return arg;
}

static void check_status(void)
{
	const char *s = t_read_file("/proc/self/status");
	char want[128];
	unsigned long long m;
	const char *at = s;
	sigset_t set;
	pthread_t th;

	for (unsigned int i = 0; s && i < sizeof(status_keys) / sizeof(*status_keys); i++) {
		char k[64];
		const char *p;

		snprintf(k, sizeof(k), "%s:\t", status_keys[i]);
		p = strstr(at, k);
		CHECK(p && (p == s || p[-1] == '\n'), "%s in order", status_keys[i]);
		if (p)
			at = p;
	}
	CHECK(!strcmp(status_line("self", "Name"), "proc_stat_field"), "Name");
	snprintf(want, sizeof(want), "%d", getpid());
	CHECK(!strcmp(status_line("self", "Tgid"), want), "Tgid");
	CHECK(!strcmp(status_line("self", "Pid"), want), "Pid");
	CHECK(!strcmp(status_line("self", "NStgid"), want), "NStgid");
	snprintf(want, sizeof(want), "%d", getppid());
	CHECK(!strcmp(status_line("self", "PPid"), want), "PPid");
	CHECK(!strcmp(status_line("self", "TracerPid"), "0"), "TracerPid");
	snprintf(want, sizeof(want), "%u\t%u\t%u\t%u", getuid(), geteuid(), getuid(), geteuid());
	CHECK(!strcmp(status_line("self", "Uid"), want), "Uid %s", status_line("self", "Uid"));
	snprintf(want, sizeof(want), "%u\t%u\t%u\t%u", getgid(), getegid(), getgid(), getegid());
	CHECK(!strcmp(status_line("self", "Gid"), want), "Gid %s", status_line("self", "Gid"));
	CHECK(!strcmp(status_line("self", "State"), "R (running)"), "State");
	CHECK(!strcmp(status_line("self", "Threads"), "1"), "Threads 1");
	umask(027);
	CHECK(!strcmp(status_line("self", "Umask"), "0027"), "Umask %s", status_line("self", "Umask"));
	umask(022);
	CHECK(!strcmp(status_line("self", "VmSwap"), "       0 kB"), "VmSwap");
	CHECK(atol(status_line("self", "VmHWM")) >= atol(status_line("self", "VmRSS")),
	      "VmHWM >= VmRSS");
	CHECK(atol(status_line("self", "VmPeak")) >= atol(status_line("self", "VmSize")),
	      "VmPeak >= VmSize");

	/* the signal masks, by bit (signal N is bit N - 1) */
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	signal(SIGUSR2, SIG_IGN);
	signal(SIGTERM, handler);
	m = strtoull(status_line("self", "SigBlk"), NULL, 16);
	CHECK(m & (1ULL << (SIGUSR1 - 1)), "SigBlk %llx has SIGUSR1", m);
	m = strtoull(status_line("self", "SigIgn"), NULL, 16);
	/* (what the runner ignored is inherited: look at our bits only) */
	CHECK((m & (1ULL << (SIGUSR2 - 1))) && !(m & (1ULL << (SIGTERM - 1))),
	      "SigIgn %llx has SIGUSR2, not SIGTERM", m);
	m = strtoull(status_line("self", "SigCgt"), NULL, 16);
	CHECK(m & (1ULL << (SIGTERM - 1)), "SigCgt %llx has SIGTERM", m);
	raise(SIGUSR1);
	m = strtoull(status_line("self", "SigPnd"), NULL, 16);
	CHECK(m == 1ULL << (SIGUSR1 - 1), "SigPnd %llx is SIGUSR1", m);
	signal(SIGUSR1, SIG_IGN);	/* drops the pending one */
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
	signal(SIGTERM, SIG_DFL);

	CHECK(pthread_create(&th, NULL, idle_thread, NULL) == 0, "pthread_create");
	CHECK(!strcmp(status_line("self", "Threads"), "2"), "Threads 2: %s",
	      status_line("self", "Threads"));
	{
		char f[64][32], comm[64];

		stat_fields("self", comm, sizeof(comm), f);
		CHECK(!strcmp(f[20], "2"), "stat num_threads %s", f[20]);
	}
	pthread_cancel(th);
	pthread_join(th, NULL);
}

static void check_child(void)
{
	char who[16], f[64][32], comm[64];
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		char me[16];

		snprintf(me, sizeof(me), "%d", getpid());
		stat_fields(me, comm, sizeof(comm), f);
		/* a forked child's exit signal is SIGCHLD, its parent us */
		_exit(!(atoi(f[38]) == SIGCHLD && atoi(f[4]) == getppid()));
	}
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the child's stat: %x", status);

	pid = fork();
	if (pid == 0) {
		pause();
		_exit(0);
	}
	kill(pid, SIGSTOP);
	waitpid(pid, &status, WUNTRACED);
	snprintf(who, sizeof(who), "%d", pid);
	CHECK(!strcmp(status_line(who, "State"), "T (stopped)"), "stopped: %s",
	      status_line(who, "State"));
	stat_fields(who, comm, sizeof(comm), f);
	CHECK(!strcmp(f[3], "T"), "stat state %s", f[3]);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
}

int main(void)
{
	check_stat();
	check_statm();
	check_status();
	check_child();
	return t_done("proc_stat_fields");
}
