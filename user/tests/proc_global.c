/* SPDX-License-Identifier: GPL-2.0 */
/*
 * /proc's global files in Linux's formats: meminfo (the lines free, top
 * and LTP read, in order, with sane values), stat (cpu lines, ctxt,
 * btime, processes, procs_*), uptime, loadavg, version, filesystems,
 * mounts (a link to self/mounts listing /proc), and /proc/sys/kernel's
 * names as uname(2) gives them; a read-only sysctl does not open for
 * writing (-EACCES), a process's file takes no write (-EINVAL).
 */
#include "t.h"
#include <fcntl.h>
#include <regex.h>
#include <time.h>
#include <sys/utsname.h>

/* Does every line of @text match ERE @re? */
static int lines_match(const char *text, const char *re)
{
	regex_t r;
	char line[1024];
	int ok = 1;

	if (regcomp(&r, re, REG_EXTENDED | REG_NOSUB))
		return 0;
	while (text && *text) {
		size_t n = strcspn(text, "\n");

		snprintf(line, sizeof(line), "%.*s", (int)n, text);
		if (regexec(&r, line, 0, NULL, 0)) {
			printf("no match: '%s' for %s\n", line, re);
			ok = 0;
		}
		text += n + (text[n] == '\n');
	}
	regfree(&r);
	return ok;
}

/* The number after "\nKEY" (or at the start) of @text; -1 if absent. */
static long long value_of(const char *text, const char *key)
{
	char k[64];
	const char *p;

	snprintf(k, sizeof(k), "\n%s", key);
	if (!text)
		return -1;
	if (!strncmp(text, key, strlen(key)))
		p = text + strlen(key);
	else if ((p = strstr(text, k)))
		p += strlen(k);
	else
		return -1;
	return strtoll(p, NULL, 10);
}

static const char *const meminfo_keys[] = {
	"MemTotal:", "MemFree:", "MemAvailable:", "Buffers:", "Cached:", "SwapCached:",
	"Active:", "Inactive:", "Active(anon):", "Inactive(anon):", "Active(file):",
	"Inactive(file):", "Unevictable:", "Mlocked:", "SwapTotal:", "SwapFree:",
	"Dirty:", "Writeback:", "AnonPages:", "Mapped:", "Shmem:", "KReclaimable:",
	"Slab:", "SReclaimable:", "SUnreclaim:", "KernelStack:", "PageTables:",
	"CommitLimit:", "Committed_AS:", "VmallocTotal:", "VmallocUsed:", "VmallocChunk:",
};

static void check_meminfo(void)
{
	const char *s = t_read_file("/proc/meminfo"), *at = s;
	long long total, free;

	CHECK(s != NULL, "meminfo opens");
	if (!s)
		return;
	for (unsigned int i = 0; i < sizeof(meminfo_keys) / sizeof(*meminfo_keys); i++) {
		char k[64];
		const char *p;

		snprintf(k, sizeof(k), "%s", meminfo_keys[i]);
		p = strstr(at, k);
		CHECK(p && (p == s || p[-1] == '\n'), "%s in order", k);
		if (p)
			at = p;
	}
	CHECK(lines_match(s, "^[A-Za-z_()0-9]+: +[0-9]+( kB)?$"), "meminfo lines");
	total = value_of(s, "MemTotal:");
	free = value_of(s, "MemFree:");
	CHECK(total > 0 && free > 0 && free <= total, "MemFree %lld of %lld", free, total);
	CHECK(value_of(s, "MemAvailable:") <= total, "MemAvailable");
	CHECK(value_of(s, "SwapFree:") <= value_of(s, "SwapTotal:"), "SwapFree");
}

static void check_stat(void)
{
	const char *s = t_read_file("/proc/stat");
	long long btime, up;
	struct timespec now;

	CHECK(s && lines_match(s, "^(cpu[0-9]*( [0-9]+){10}|cpu  [0-9]+( [0-9]+){9}|"
			       "intr( [0-9]+)+|ctxt [0-9]+|btime [0-9]+|processes [0-9]+|"
			       "procs_running [0-9]+|procs_blocked [0-9]+|softirq( [0-9]+)+)$"),
	      "stat lines");
	CHECK(s && !strncmp(s, "cpu  ", 5), "starts with the cpu sum");
	CHECK(s && strstr(s, "\ncpu0 "), "has cpu0");
	CHECK(value_of(s, "ctxt ") > 0, "ctxt");
	CHECK(value_of(s, "processes ") > 0, "processes");
	CHECK(value_of(s, "procs_running ") >= 1, "procs_running counts us");
	CHECK(value_of(s, "procs_blocked ") >= 0, "procs_blocked");
	btime = value_of(s, "btime ");
	s = t_read_file("/proc/uptime");
	CHECK(s && lines_match(s, "^[0-9]+\\.[0-9][0-9] [0-9]+\\.[0-9][0-9]$"), "uptime: %s", s ? s : "-");
	up = s ? atoll(s) : 0;
	clock_gettime(CLOCK_REALTIME, &now);
	CHECK(btime > 0 && llabs(now.tv_sec - up - btime) <= 2,
	      "btime %lld = now %lld - uptime %lld", btime, (long long)now.tv_sec, up);
}

static void check_small_files(void)
{
	const char *s = t_read_file("/proc/loadavg");
	char buf[4096], want[256];
	struct utsname u;
	ssize_t n;
	int fd;

	CHECK(s && lines_match(s, "^[0-9]+\\.[0-9][0-9] [0-9]+\\.[0-9][0-9] [0-9]+\\.[0-9][0-9] "
			       "[0-9]+/[0-9]+ [0-9]+$"), "loadavg: %s", s ? s : "-");
	s = t_read_file("/proc/version");
	CHECK(s && !strncmp(s, "Linux version ", 14), "version: %s", s ? s : "-");
	uname(&u);
	snprintf(want, sizeof(want), "Linux version %s ", u.release);
	CHECK(s && !strncmp(s, want, strlen(want)), "version has the release: %s", s ? s : "-");
	s = t_read_file("/proc/cpuinfo");
	CHECK(s && !strncmp(s, "processor\t: 0\n", 14), "cpuinfo starts with processor 0");
	CHECK(s && strlen(s) > 2 && !strcmp(s + strlen(s) - 2, "\n\n"), "cpuinfo ends a block");
	s = t_read_file("/proc/filesystems");
	CHECK(s && strstr(s, "nodev\tproc\n"), "filesystems has proc");
	CHECK(s && strstr(s, "nodev\ttmpfs\n"), "filesystems has tmpfs");
	CHECK(s && lines_match(s, "^(nodev)?\t[a-z0-9_.]+$"), "filesystems lines");
	n = readlink("/proc/mounts", buf, sizeof(buf));
	CHECK(n == 11 && !memcmp(buf, "self/mounts", 11), "mounts -> self/mounts");
	s = t_read_file("/proc/mounts");
	CHECK(s && strstr(s, " /proc proc "), "mounts lists /proc");
	CHECK(s && lines_match(s, "^[^ ]+ /[^ ]* [a-z0-9]+ (rw|ro)(,[^ ]*)? 0 0$"), "mounts lines");
	s = t_read_file("/proc/self/mountinfo");
	CHECK(s && lines_match(s, "^[0-9]+ [0-9]+ [0-9]+:[0-9]+ /[^ ]* /[^ ]* [^ ]+( [^ ]+)* - "
			       "[a-z0-9]+ [^ ]+ [^ ]+$"), "mountinfo lines");

	snprintf(want, sizeof(want), "%s\n", u.sysname);
	s = t_read_file("/proc/sys/kernel/ostype");
	CHECK(s && !strcmp(s, want), "ostype %s", s ? s : "-");
	snprintf(want, sizeof(want), "%s\n", u.release);
	s = t_read_file("/proc/sys/kernel/osrelease");
	CHECK(s && !strcmp(s, want), "osrelease %s", s ? s : "-");
	snprintf(want, sizeof(want), "%s\n", u.nodename);
	s = t_read_file("/proc/sys/kernel/hostname");
	CHECK(s && !strcmp(s, want), "hostname %s", s ? s : "-");
	s = t_read_file("/proc/sys/kernel/pid_max");
	CHECK(s && atol(s) > 300, "pid_max %s", s ? s : "-");
	s = t_read_file("/proc/sys/vm/mmap_min_addr");
	CHECK(s && lines_match(s, "^[0-9]+$"), "mmap_min_addr %s", s ? s : "-");

	fd = open("/proc/sys/kernel/ostype", O_WRONLY);
	CHECK(fd < 0 && errno == EACCES, "ostype for writing: %s", strerror(errno));
	/* the same name back: allowed, and changes nothing */
	fd = open("/proc/sys/kernel/hostname", O_WRONLY);
	CHECK(fd >= 0 && write(fd, u.nodename, strlen(u.nodename)) == (ssize_t)strlen(u.nodename),
	      "hostname written: %s", strerror(errno));
	close(fd);
	s = t_read_file("/proc/sys/kernel/hostname");
	snprintf(want, sizeof(want), "%s\n", u.nodename);
	CHECK(s && !strcmp(s, want), "hostname kept %s", s ? s : "-");
	CHECK(access("/proc/sys/kernel/nosuch", F_OK) < 0 && errno == ENOENT, "nosuch");
}

int main(void)
{
	check_meminfo();
	check_stat();
	check_small_files();
	return t_done("proc_global");
}
