/* SPDX-License-Identifier: GPL-2.0 */
/*
 * getrandom(2): every flag combination Linux accepts works and the
 * others are EINVAL; buffers of every size come back filled (not
 * zeroes, not repeating, roughly balanced bits), two calls and a
 * parent and its child never agree, AT_RANDOM's 16 bytes differ from
 * one exec to the next; EFAULT for a bad buffer and the short count
 * for one that ends in the middle.
 */
#include "t.h"
#include <fcntl.h>
#include <sys/auxv.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define GRND_NONBLOCK	1
#define GRND_RANDOM	2
#define GRND_INSECURE	4

static int popcount_buf(const unsigned char *p, size_t n)
{
	int bits = 0;

	for (size_t i = 0; i < n; i++)
		bits += __builtin_popcount(p[i]);
	return bits;
}

static void test_flags(void)
{
	unsigned char a[64];
	unsigned int ok[] = { 0, GRND_NONBLOCK, GRND_RANDOM, GRND_RANDOM | GRND_NONBLOCK,
			      GRND_INSECURE, GRND_INSECURE | GRND_NONBLOCK };

	for (unsigned i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		CHECK(RAW(SYS_getrandom, a, sizeof(a), ok[i]) == sizeof(a), "flags %#x", ok[i]);
	CHECK(RAW(SYS_getrandom, a, sizeof(a), GRND_INSECURE | GRND_RANDOM) == -EINVAL,
	      "INSECURE|RANDOM");
	CHECK(RAW(SYS_getrandom, a, sizeof(a), 8) == -EINVAL, "flag 8");
	CHECK(RAW(SYS_getrandom, a, sizeof(a), 0x80000000u) == -EINVAL, "flag 1<<31");
	CHECK(RAW(SYS_getrandom, a, 0, 0) == 0, "len 0");
	CHECK(RAW(SYS_getrandom, NULL, 0, 0) == 0, "NULL, 0");
}

static void test_output(void)
{
	static unsigned char a[70000], b[70000];
	int bits, same = 0;

	for (size_t n = 1; n <= 300; n++) {
		memset(a, 0, n + 1);
		CHECK(RAW(SYS_getrandom, a, n, 0) == (long)n, "len %zu", n);
		CHECK(a[n] == 0, "wrote past %zu", n);
	}
	CHECK(RAW(SYS_getrandom, a, sizeof(a), 0) == sizeof(a), "large");
	CHECK(RAW(SYS_getrandom, b, sizeof(b), 0) == sizeof(b), "large");
	for (size_t i = 0; i < sizeof(a); i += 8)
		same += !memcmp(a + i, b + i, 8);
	CHECK(same == 0, "%d 8-byte words equal between two calls", same);
	bits = popcount_buf(a, sizeof(a));
	CHECK(bits > 70000 * 4 - 3000 && bits < 70000 * 4 + 3000, "%d one bits of %d", bits, 70000 * 8);
	for (size_t i = 64; i < sizeof(a); i += 64)
		same += !memcmp(a, a + i, 16);
	CHECK(same == 0, "the stream repeats");
}

static void test_faults(void)
{
	char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long r;

	CHECK(RAW(SYS_getrandom, (void *)8, 16, 0) == -EFAULT, "bad");
	CHECK(RAW(SYS_getrandom, (void *)0xffff800000000000UL, 16, 0) == -EFAULT, "kernel");
	munmap(p + 4096, 4096);
	r = RAW(SYS_getrandom, p + 4096 - 100, 200, 0);
	CHECK(r > 0 && r <= 100, "a buffer ending at an unmapped page: %ld", r);
	munmap(p, 4096);
}

/* A forked child's numbers are not its parent's. */
static void test_fork(void)
{
	unsigned char mine[32], its[32];
	int fd[2], st;
	pid_t pid;

	CHECK(pipe(fd) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		RAW(SYS_getrandom, its, sizeof(its), 0);
		_exit(write(fd[1], its, sizeof(its)) == sizeof(its) ? 0 : 1);
	}
	RAW(SYS_getrandom, mine, sizeof(mine), 0);
	CHECK(read(fd[0], its, sizeof(its)) == sizeof(its), "read");
	CHECK(memcmp(mine, its, sizeof(its)), "child and parent agree");
	waitpid(pid, &st, 0);
	close(fd[0]);
	close(fd[1]);
}

/* AT_RANDOM: 16 bytes per exec, different each time. */
static void test_at_random(char *self)
{
	unsigned char *r = (unsigned char *)getauxval(AT_RANDOM), other[16];
	int fd[2], st;
	pid_t pid;

	CHECK(r && popcount_buf(r, 16) > 20 && popcount_buf(r, 16) < 108, "AT_RANDOM");
	CHECK(pipe(fd) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		char arg[16];

		snprintf(arg, sizeof(arg), "%d", fd[1]);
		execl(self, self, arg, (char *)NULL);
		_exit(127);
	}
	CHECK(read(fd[0], other, 16) == 16, "child's AT_RANDOM");
	CHECK(memcmp(r, other, 16), "two execs got the same AT_RANDOM");
	waitpid(pid, &st, 0);
	close(fd[0]);
	close(fd[1]);
}

#define RNDGETENTCNT	0x80045200
#define RNDADDTOENTCNT	0x40045201

/* /dev/random and /dev/urandom: reads, writes that mix in, the entropy
 * count, and the ioctls' EPERM for an unprivileged process. */
static void test_devices(void)
{
	unsigned char a[100], b[100];
	int fd = open("/dev/urandom", O_RDWR), rfd = open("/dev/random", O_RDONLY), cnt = -1, st;
	pid_t pid;

	CHECK(fd >= 0 && rfd >= 0, "open: %d %d errno %d", fd, rfd, errno);
	CHECK(read(fd, a, sizeof(a)) == sizeof(a) && read(rfd, b, sizeof(b)) == sizeof(b), "read");
	CHECK(memcmp(a, b, sizeof(a)), "the two devices agree");
	CHECK(RAW(SYS_read, fd, (void *)8, 16) == -EFAULT, "read to a bad buffer");
	CHECK(write(fd, "some bytes", 10) == 10, "write mixes in");
	CHECK(ioctl(rfd, RNDGETENTCNT, &cnt) == 0 && cnt >= 0 && cnt <= 256, "count %d", cnt);
	if (t_free_pages() >= 0)
		CHECK(cnt == 256, "not ready: %d", cnt);
	CHECK(ioctl(rfd, 0x1234, &cnt) == -1 && errno == EINVAL, "unknown ioctl");
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		int one = 1;

		RAW(SYS_setresuid, 1000, 1000, 1000);
		_exit(ioctl(rfd, RNDADDTOENTCNT, &one) == -1 && errno == EPERM &&
		      ioctl(rfd, RNDGETENTCNT, &one) == 0 ? 0 : 1);
	}
	CHECK(waitpid(pid, &st, 0) == pid && st == 0, "unprivileged ioctls: %#x", st);
	close(fd);
	close(rfd);
}

int main(int argc, char **argv)
{
	if (argc == 2)	/* the exec'd child: report AT_RANDOM */
		return write(atoi(argv[1]), (void *)getauxval(AT_RANDOM), 16) == 16 ? 0 : 1;
	test_flags();
	test_output();
	test_faults();
	test_fork();
	test_at_random(argv[0]);
	test_devices();
	return t_done("getrandom");
}
