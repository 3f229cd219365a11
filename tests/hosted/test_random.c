// SPDX-License-Identifier: GPL-2.0
/*
 * The random-number driver and the clocks on the software MMU: ChaCha20
 * against RFC 8439's test vector; /dev/urandom's and /dev/random's read,
 * write and ioctls (random_fops, urandom_fops) into and out of user
 * memory, short at an unmapped page; getrandom's flags; clock_settime
 * moving only the wall clock; page faults counted in min_flt.
 */
#include "harness.h"
#include "tasks.h"
#include <linux/chacha.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/unistd.h>

#define P 4096UL

static long map(unsigned long len)
{
	return sys(__NR_mmap, 0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static int test_chacha20_rfc8439_vector(void)
{
	static const u8 want[16] = { 0x10, 0xf1, 0xe7, 0xe4, 0xd1, 0x3b, 0x59, 0x15,
				     0x50, 0x0f, 0xdd, 0x1f, 0xa3, 0x20, 0x71, 0xc4 };
	static const u8 want_end[4] = { 0xa2, 0x50, 0x3c, 0x4e };
	u32 state[16];
	u8 out[64];

	chacha_init_consts(state);
	for (int i = 0; i < 8; i++)	/* key 00 01 02 ... 1f */
		state[4 + i] = (4 * i) | (4 * i + 1) << 8 | (4 * i + 2) << 16 | (u32)(4 * i + 3) << 24;
	state[12] = 1;
	state[13] = 0x09000000;
	state[14] = 0x4a000000;
	state[15] = 0;
	chacha20_block(state, out);
	EXPECT(!memcmp(out, want, 16) && !memcmp(out + 60, want_end, 4), "not RFC 8439's block");
	EXPECT(state[12] == 2, "the counter did not advance");
	return 0;
}

static int count_bits(const u8 *p, int n)
{
	int bits = 0;

	for (int i = 0; i < n; i++)
		bits += __builtin_popcount(p[i]);
	return bits;
}

static int test_urandom_read_fills_user_memory(void)
{
	struct file f = { .f_flags = 0 };
	static u8 a[5000], b[5000];
	long u = map(2 * P);
	loff_t pos = 0;

	EXPECT(u > 0);
	CHECK(urandom_fops.read(&f, (char *)u, sizeof(a), &pos) == sizeof(a));
	CHECK(uread(u, a, sizeof(a)) == 0);
	CHECK(random_fops.read(&f, (char *)u, sizeof(b), &pos) == sizeof(b));
	CHECK(uread(u, b, sizeof(b)) == 0);
	CHECK(memcmp(a, b, sizeof(a)), "two reads gave the same bytes");
	CHECK(count_bits(a, sizeof(a)) > 5000 * 4 - 600 && count_bits(a, sizeof(a)) < 5000 * 4 + 600,
	      "%d one bits", count_bits(a, sizeof(a)));
	CHECK(sys(__NR_munmap, u + P, P, 0, 0, 0, 0) == 0);
	CHECK(urandom_fops.read(&f, (char *)(u + P - 64), 200, &pos) == 64, "not short at the hole");
	CHECK(urandom_fops.read(&f, (char *)(u + P), 200, &pos) == -EFAULT);
	CHECK(urandom_fops.read(&f, (char *)u, 0, &pos) == 0);
	sys(__NR_munmap, u, P, 0, 0, 0, 0);
	return check_result();
}

#define RNDGETENTCNT	0x80045200
#define RNDADDENTROPY	0x40085203
#define RNDRESEEDCRNG	0x5207

static int test_random_write_and_ioctls(void)
{
	struct file f = { .f_flags = 0 };
	int info[2 + 4] = { 8, 16, 1, 2, 3, 4 }, cnt = -1;
	long u = map(P);
	loff_t pos = 0;

	EXPECT(u > 0);
	EXPECT(crng_ready(), "not ready after rand_initialize()");
	CHECK(random_fops.ioctl(&f, RNDGETENTCNT, u) == 0);
	CHECK(uread(u, &cnt, sizeof(cnt)) == 0 && cnt == 256, "entropy count %d", cnt);
	CHECK(random_fops.ioctl(&f, RNDGETENTCNT, 8) == -EFAULT);
	CHECK(uwrite(u, "some bytes", 10) == 0);
	CHECK(urandom_fops.write(&f, (char *)u, 10, &pos) == 10);
	CHECK(urandom_fops.write(&f, (char *)8, 10, &pos) == -EFAULT);
	CHECK(uwrite(u, info, sizeof(info)) == 0);
	CHECK(random_fops.ioctl(&f, RNDADDENTROPY, u) == 0, "RNDADDENTROPY as root");
	CHECK(random_fops.ioctl(&f, RNDRESEEDCRNG, 0) == 0);
	CHECK(random_fops.ioctl(&f, 0x1234, 0) == -EINVAL);
	sys(__NR_munmap, u, P, 0, 0, 0, 0);
	return check_result();
}

static int test_getrandom_flags(void)
{
	long u = map(P);

	EXPECT(u > 0);
	CHECK(sys(__NR_getrandom, u, 100, 0, 0, 0, 0) == 100);
	CHECK(sys(__NR_getrandom, u, 100, 1 | 2, 0, 0, 0) == 100);
	CHECK(sys(__NR_getrandom, u, 100, 4, 0, 0, 0) == 100);
	CHECK(sys(__NR_getrandom, u, 100, 2 | 4, 0, 0, 0) == -EINVAL);
	CHECK(sys(__NR_getrandom, u, 100, 8, 0, 0, 0) == -EINVAL);
	CHECK(sys(__NR_getrandom, 8, 100, 0, 0, 0, 0) == -EFAULT);
	CHECK(sys(__NR_getrandom, (long)0xffff888000000000UL, 100, 0, 0, 0, 0) == -EFAULT);
	sys(__NR_munmap, u, P, 0, 0, 0, 0);
	return check_result();
}

/* clock_settime moves CLOCK_REALTIME and not the monotonic clock;
 * time before boot is refused. */
static int test_clock_settime_moves_only_realtime(void)
{
	struct timespec64 ts = { 2000000000, 5 }, past = { 0, 0 };
	long u = map(P);
	u64 mono = ktime_get_ns(), real0 = ktime_get_real_ns();

	EXPECT(u > 0);
	CHECK(real0 / NSEC_PER_SEC >= 1704067200, "the hosted RTC says %llu",
	      (unsigned long long)real0);
	CHECK(uwrite(u, &ts, sizeof(ts)) == 0);
	CHECK(sys(__NR_clock_settime, 0, u, 0, 0, 0, 0) == 0);
	jiffies += 3;
	CHECK(ktime_get_real_ns() - (2000000000ULL * NSEC_PER_SEC + 5) == ktime_get_ns() - mono,
	      "the wall clock does not run with the monotonic one");
	CHECK(sys(__NR_clock_settime, 1, u, 0, 0, 0, 0) == -EINVAL);
	CHECK(uwrite(u, &past, sizeof(past)) == 0);
	CHECK(sys(__NR_clock_settime, 0, u, 0, 0, 0, 0) == -EINVAL, "a time before boot");
	ts.tv_sec = real0 / NSEC_PER_SEC;
	uwrite(u, &ts, sizeof(ts));
	CHECK(sys(__NR_clock_settime, 0, u, 0, 0, 0, 0) == 0);
	sys(__NR_munmap, u, P, 0, 0, 0, 0);
	return check_result();
}

static int test_faults_count_in_min_flt(void)
{
	long u = map(4 * P);
	unsigned long before = current->min_flt;
	char c = 1;

	EXPECT(u > 0);
	for (int i = 0; i < 4; i++)
		EXPECT(uwrite(u + i * P, &c, 1) == 0);
	EXPECT(current->min_flt - before == 4, "min_flt +%lu", current->min_flt - before);
	EXPECT(current->mm->hiwater_rss >= 4, "hiwater_rss %lu", current->mm->hiwater_rss);
	sys(__NR_munmap, u, 4 * P, 0, 0, 0, 0);
	return 0;
}

static void setup(void)
{
	struct task_struct *proc = spawn(false);

	run(proc);
	if (become_process())
		panic("cannot make the test process");
}

static const struct htest tests[] = {
	HTEST(test_chacha20_rfc8439_vector), HTEST(test_urandom_read_fills_user_memory),
	HTEST(test_random_write_and_ioctls), HTEST(test_getrandom_flags),
	HTEST(test_clock_settime_moves_only_realtime), HTEST(test_faults_count_in_min_flt),
};

int main(void)
{
	return hosted_main_setup(tests, sizeof(tests) / sizeof(tests[0]), 32UL << 20, setup);
}
