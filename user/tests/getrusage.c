/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Resource usage: times() and getrusage() count this process's CPU time
 * (user time for a user loop), its page faults (a fresh mapping touched
 * page by page: one minor fault each), its context switches (sleeps are
 * voluntary), its largest RSS (ru_maxrss, KiB); RUSAGE_CHILDREN and
 * tms_cutime hold a child only once it is reaped, and wait4's rusage
 * argument is the child's; a thread's RUSAGE_THREAD is its own; sysinfo
 * reports uptime, memory and the task count; the errors (EINVAL, EFAULT).
 */
#include "t.h"
#include <pthread.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/times.h>
#include <sys/wait.h>

#define MS	1000000LL
#define PAGES	256

static long long tv_ns(const struct timeval *tv)
{
	return tv->tv_sec * 1000000000LL + tv->tv_usec * 1000LL;
}

static long long cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* spin - use @ns of CPU time in user mode. */
static void spin(long long ns)
{
	long long start = cpu_ns(), wall = t_now_ns();
	volatile unsigned long x = 0;

	while (cpu_ns() - start < ns && t_now_ns() - wall < 20000 * MS)
		for (int i = 0; i < 100000; i++)
			x += i;
}

static void test_self(void)
{
	struct rusage r0, r1;
	struct tms t0, t1;
	clock_t c0, c1;
	char *p;

	c0 = times(&t0);
	CHECK(getrusage(RUSAGE_SELF, &r0) == 0, "getrusage");
	spin(300 * MS);
	c1 = times(&t1);
	CHECK(getrusage(RUSAGE_SELF, &r1) == 0, "getrusage");
	CHECK(c1 > c0, "times() did not advance: %ld %ld", (long)c0, (long)c1);
	CHECK(t1.tms_utime - t0.tms_utime >= 15, "user ticks %ld", (long)(t1.tms_utime - t0.tms_utime));
	CHECK(t1.tms_utime + t1.tms_stime <= c1 - c0 + (t0.tms_utime + t0.tms_stime) + 5,
	      "more CPU than time");
	CHECK(tv_ns(&r1.ru_utime) - tv_ns(&r0.ru_utime) >= 150 * MS, "ru_utime +%lld",
	      tv_ns(&r1.ru_utime) - tv_ns(&r0.ru_utime));
	CHECK(r1.ru_utime.tv_usec < 1000000 && r1.ru_stime.tv_usec < 1000000, "usec range");
	CHECK(tv_ns(&r1.ru_utime) + tv_ns(&r1.ru_stime) <= cpu_ns() + MS, "rusage > CPU clock");

	/* one minor fault per page touched; the RSS grows by as much */
	p = mmap(NULL, PAGES * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED, "mmap");
	getrusage(RUSAGE_SELF, &r0);
	for (int i = 0; i < PAGES; i++)
		p[i * 4096] = 1;
	getrusage(RUSAGE_SELF, &r1);
	CHECK(r1.ru_minflt - r0.ru_minflt >= PAGES && r1.ru_minflt - r0.ru_minflt < PAGES + 20,
	      "minflt +%ld for %d pages", r1.ru_minflt - r0.ru_minflt, PAGES);
	CHECK(r1.ru_majflt == 0, "majflt %ld", r1.ru_majflt);
	/* (Linux's RSS counters are per CPU and approximate: no exact +) */
	CHECK(r1.ru_maxrss >= PAGES * 4 && r1.ru_maxrss >= r0.ru_maxrss,
	      "maxrss %ld -> %ld KiB", r0.ru_maxrss, r1.ru_maxrss);
	munmap(p, PAGES * 4096);
	getrusage(RUSAGE_SELF, &r0);
	CHECK(r0.ru_maxrss >= r1.ru_maxrss, "maxrss fell after munmap: %ld", r0.ru_maxrss);

	/* sleeping (for longer than a tick: mmos polls within one)
	 * switches voluntarily */
	for (int i = 0; i < 5; i++)
		t_sleep_ms(30);
	getrusage(RUSAGE_SELF, &r1);
	CHECK(r1.ru_nvcsw - r0.ru_nvcsw >= 5, "nvcsw +%ld", r1.ru_nvcsw - r0.ru_nvcsw);
	CHECK(r1.ru_ixrss == 0 && r1.ru_idrss == 0 && r1.ru_nswap == 0, "unkept fields");
}

/* Neither the user nor the system part ever goes back (Linux's
 * prev_cputime), however the samples fall. */
static void test_monotonic(void)
{
	struct rusage prev, r;
	int back = 0;

	getrusage(RUSAGE_SELF, &prev);
	for (int i = 0; i < 3000; i++) {
		getrusage(i & 1 ? RUSAGE_SELF : RUSAGE_THREAD, &r);
		if (i & 1) {
			back += tv_ns(&r.ru_utime) < tv_ns(&prev.ru_utime) ||
				tv_ns(&r.ru_stime) < tv_ns(&prev.ru_stime);
			prev = r;
		}
	}
	CHECK(back == 0, "the user or system time went back %d times", back);
}

static void test_children(void)
{
	struct rusage before, after, wr;
	struct tms t0, t1;
	pid_t child;
	int st;

	getrusage(RUSAGE_CHILDREN, &before);
	times(&t0);
	child = fork();
	if (child == 0) {
		char *p = mmap(NULL, PAGES * 4096, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		for (int i = 0; i < PAGES; i++)
			p[i * 4096] = 1;
		spin(200 * MS);
		_exit(0);
	}
	t_sleep_ms(50);
	getrusage(RUSAGE_CHILDREN, &after);
	CHECK(tv_ns(&after.ru_utime) == tv_ns(&before.ru_utime), "a live child counted");
	CHECK(wait4(child, &st, 0, &wr) == child && st == 0, "wait4");
	CHECK(tv_ns(&wr.ru_utime) >= 100 * MS, "wait4's ru_utime %lld", tv_ns(&wr.ru_utime));
	CHECK(wr.ru_minflt >= PAGES, "wait4's minflt %ld", wr.ru_minflt);
	CHECK(wr.ru_maxrss >= PAGES * 4, "wait4's maxrss %ld", wr.ru_maxrss);
	getrusage(RUSAGE_CHILDREN, &after);
	CHECK(tv_ns(&after.ru_utime) - tv_ns(&before.ru_utime) >= 100 * MS, "children +%lld",
	      tv_ns(&after.ru_utime) - tv_ns(&before.ru_utime));
	CHECK(after.ru_minflt - before.ru_minflt >= PAGES, "children minflt");
	CHECK(after.ru_maxrss >= PAGES * 4, "children maxrss %ld", after.ru_maxrss);
	times(&t1);
	CHECK(t1.tms_cutime - t0.tms_cutime >= 10, "tms_cutime +%ld", (long)(t1.tms_cutime - t0.tms_cutime));
	CHECK(wait4(-1, &st, WNOHANG, &wr) == -1 && errno == ECHILD, "no child left");
}

static volatile int thread_done;

static void *thread_fn(void *arg)
{
	struct rusage *r = arg;

	spin(100 * MS);
	getrusage(RUSAGE_THREAD, r);
	thread_done = 1;
	return NULL;
}

static void test_thread(void)
{
	struct rusage mine0, mine1, its, self;
	pthread_t t;

	getrusage(RUSAGE_THREAD, &mine0);
	pthread_create(&t, NULL, thread_fn, &its);
	pthread_join(t, NULL);
	getrusage(RUSAGE_THREAD, &mine1);
	getrusage(RUSAGE_SELF, &self);
	CHECK(tv_ns(&its.ru_utime) + tv_ns(&its.ru_stime) >= 80 * MS, "thread's own %lld",
	      tv_ns(&its.ru_utime) + tv_ns(&its.ru_stime));
	CHECK(tv_ns(&mine1.ru_utime) - tv_ns(&mine0.ru_utime) < 50 * MS,
	      "the thread's time counted in main's RUSAGE_THREAD");
	CHECK(tv_ns(&self.ru_utime) + tv_ns(&self.ru_stime) >=
	      tv_ns(&its.ru_utime) + tv_ns(&its.ru_stime) + tv_ns(&mine1.ru_utime) - 5 * MS,
	      "an exited thread's time left RUSAGE_SELF");
}

static void test_errors(void)
{
	struct rusage r;

	CHECK(RAW(SYS_getrusage, 2, &r) == -EINVAL, "who 2");
	CHECK(RAW(SYS_getrusage, -2, &r) == -EINVAL, "RUSAGE_BOTH is not the syscall's");
	CHECK(RAW(SYS_getrusage, RUSAGE_SELF, (void *)8) == -EFAULT, "bad");
	CHECK(RAW(SYS_times, (void *)8) == -EFAULT, "times(bad)");
	CHECK(RAW(SYS_times, NULL) > 0, "times(NULL)");
	CHECK(RAW(SYS_sysinfo, (void *)8) == -EFAULT, "sysinfo(bad)");
	CHECK(RAW(SYS_wait4, -1, NULL, 0, (void *)8) == -ECHILD, "wait4 with no child");
}

static void test_sysinfo(void)
{
	struct sysinfo si;
	struct timespec boot;

	CHECK(sysinfo(&si) == 0, "sysinfo");
	clock_gettime(CLOCK_BOOTTIME, &boot);
	CHECK(si.uptime >= boot.tv_sec && si.uptime <= boot.tv_sec + 2, "uptime %ld boot %ld",
	      si.uptime, (long)boot.tv_sec);
	CHECK(si.mem_unit == 1, "mem_unit %u", si.mem_unit);
	CHECK(si.totalram > 16UL << 20 && si.freeram > 0 && si.freeram < si.totalram,
	      "totalram %lu freeram %lu", si.totalram, si.freeram);
	CHECK(si.procs >= 1, "procs %u", si.procs);
	if (t_free_pages() >= 0) {	/* mmos: exactly what it has */
		CHECK(si.totalswap == 0 && si.freeswap == 0 && si.bufferram == 0, "swap, buffers");
		CHECK(si.procs == t_mmstat("nr_tasks"), "procs %u tasks %ld", si.procs, t_mmstat("nr_tasks"));
	}
}

int main(void)
{
	test_self();
	test_monotonic();
	test_children();
	test_thread();
	test_errors();
	test_sysinfo();
	return t_done("getrusage");
}
