// SPDX-License-Identifier: GPL-2.0
/* The kernel's random numbers and getrandom(2). */
#include <linux/kernel.h>
#include <linux/arch.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <asm/processor.h>

/*
 * get_random_bytes - not a cryptographic generator: a 64-bit mixer
 * (splitmix64) over a counter seeded and stirred by the TSC. Enough for
 * AT_RANDOM and getrandom() in a teaching kernel; said so in README.
 */
void get_random_bytes(void *buf, size_t n)
{
	static u64 state;
	u8 *p = buf;

	while (n) {
		u64 z = (state += 0x9e3779b97f4a7c15ULL ^ rdtsc());

		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
		z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
		z ^= z >> 31;
		for (int i = 0; i < 8 && n; i++, n--)
			*p++ = z >> (8 * i);
	}
}

#define GRND_NONBLOCK	1
#define GRND_RANDOM	2
#define GRND_INSECURE	4

SYSCALL_DEFINE3(getrandom, char __user *, ubuf, size_t, len, unsigned int, flags)
{
	u8 buf[256];
	size_t done = 0;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	len = min(len, (size_t)0x1ffffff);
	while (done < len) {
		size_t k = min(len - done, sizeof(buf));

		get_random_bytes(buf, k);
		if (copy_to_user(ubuf + done, buf, k))
			return done ? (long)done : -EFAULT;
		done += k;
	}
	return done;
}

