// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's random numbers, shaped as Linux's drivers/char/random.c
 * (5.18 and later), with its names:
 *
 *   input_pool   an entropy pool: a 32-byte key that each input is
 *                hashed into. Linux hashes with BLAKE2s; mmos uses the
 *                ChaCha20 block function as a one-way compression
 *                (the key XOR the input as the ChaCha key, the output
 *                XORed back: Davies-Meyer), so one primitive serves.
 *   base_crng    the generator: a ChaCha20 key. Each request turns one
 *                block into a new key and a per-request key ("fast key
 *                erasure"), so a later compromise of the state cannot
 *                recover earlier output.
 *
 * Seeding: at boot rand_initialize() mixes in RDSEED/RDRAND (if CPUID
 * has them), the wall clock, and timing jitter of the cycle counter
 * around a busy loop (random_get_entropy()); every tick adds its cycle
 * count to a fast pool that is folded in once a second. The generator
 * reseeds from the pool at boot, then after 1, 2, 4 ... s up to every
 * 60 s (CRNG_RESEED_INTERVAL), as Linux does.
 *
 * Credit: RDSEED, and 1 bit per 8 timing samples (the jitter sampler
 * at boot, Linux's try_to_generate_entropy()) and per fast-pool fold
 * (Linux's add_interrupt_randomness()). 256 bits make the generator
 * ready; boot's jitter alone does, so no caller ever waits on mmos.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/chacha.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/jiffies.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/timekeeping.h>
#include <asm/archrandom.h>

#define POOL_READY_BITS		256
#define CRNG_RESEED_INTERVAL	(60 * HZ)
#define JITTER_SAMPLES		(POOL_READY_BITS * 8)

/* The entropy pool. input_pool.lock (irqsave: the tick mixes in) must
 * be held when using these: */
static struct {
	u8 key[CHACHA_KEY_SIZE];
	unsigned int init_bits;		/* credited, up to POOL_READY_BITS */
	u64 extracted;			/* extractions so far: a nonce */
	spinlock_t lock;
} input_pool = { .lock = __SPIN_LOCK_UNLOCKED(input_pool.lock) };

/* The generator. base_crng.lock (irqsave) must be held when using
 * these: */
static struct {
	u8 key[CHACHA_KEY_SIZE];
	unsigned long birth;		/* jiffies at the last reseed */
	unsigned long generation;
	bool ready;
	spinlock_t lock;
} base_crng = { .lock = __SPIN_LOCK_UNLOCKED(base_crng.lock) };

/* The tick's fast pool: written only from the tick, interrupts off. */
static struct {
	unsigned long pool[4];
	unsigned int count;
	unsigned long last;
} irq_randomness;

/* chacha_setup - a ChaCha20 state for @key, block @counter, @nonce. */
static void chacha_setup(u32 *state, const u8 *key, u64 counter, u64 nonce)
{
	chacha_init_consts(state);
	memcpy(&state[4], key, CHACHA_KEY_SIZE);
	state[12] = counter;
	state[13] = counter >> 32;
	state[14] = nonce;
	state[15] = nonce >> 32;
}

/* _mix_pool_bytes - hash @len bytes into the pool key, 32 at a time,
 * each chunk with its length so that no two inputs collide by padding.
 * input_pool.lock held. */
static void _mix_pool_bytes(const void *in, size_t len)
{
	const u8 *p = in;
	u8 chunk[CHACHA_KEY_SIZE], out[CHACHA_BLOCK_SIZE];
	u32 state[CHACHA_STATE_WORDS];

	do {
		size_t n = min(len, sizeof(chunk));

		memset(chunk, 0, sizeof(chunk));
		memcpy(chunk, p, n);
		for (int i = 0; i < CHACHA_KEY_SIZE; i++)
			chunk[i] ^= input_pool.key[i];
		chacha_setup(state, chunk, n, ~0ULL);
		chacha20_block(state, out);
		for (int i = 0; i < CHACHA_KEY_SIZE; i++)
			input_pool.key[i] ^= out[i];
		p += n;
		len -= n;
	} while (len);
	memset(chunk, 0, sizeof(chunk));
	memset(out, 0, sizeof(out));
	memset(state, 0, sizeof(state));
}

/* mix_pool_bytes - _mix_pool_bytes() under the pool's lock, with
 * @credit bits of entropy credited. */
static void mix_pool_bytes(const void *in, size_t len, unsigned int credit)
{
	unsigned long flags;

	spin_lock_irqsave(&input_pool.lock, flags);
	_mix_pool_bytes(in, len);
	input_pool.init_bits = min(input_pool.init_bits + credit, (unsigned int)POOL_READY_BITS);
	spin_unlock_irqrestore(&input_pool.lock, flags);
}

/* extract_entropy - 32 bytes from the pool for a reseed: one ChaCha20
 * block under the pool key; its first half is the output, its second
 * half the pool's next key (so the output cannot be found again from
 * the pool). */
static void extract_entropy(u8 *out)
{
	u32 state[CHACHA_STATE_WORDS];
	u8 block[CHACHA_BLOCK_SIZE];
	unsigned long flags;

	spin_lock_irqsave(&input_pool.lock, flags);
	chacha_setup(state, input_pool.key, 0, input_pool.extracted++);
	chacha20_block(state, block);
	memcpy(input_pool.key, block + CHACHA_KEY_SIZE, CHACHA_KEY_SIZE);
	spin_unlock_irqrestore(&input_pool.lock, flags);
	memcpy(out, block, CHACHA_KEY_SIZE);
	memset(block, 0, sizeof(block));
	memset(state, 0, sizeof(state));
}

/* crng_reseed - a new generator key from the pool; the generator is
 * ready once the pool has been credited POOL_READY_BITS. */
static void crng_reseed(void)
{
	u8 key[CHACHA_KEY_SIZE];
	unsigned long flags;
	bool full = READ_ONCE(input_pool.init_bits) >= POOL_READY_BITS, became_ready;

	extract_entropy(key);
	spin_lock_irqsave(&base_crng.lock, flags);
	memcpy(base_crng.key, key, sizeof(key));
	base_crng.birth = jiffies;
	base_crng.generation++;
	became_ready = full && !base_crng.ready;
	if (full)
		base_crng.ready = true;
	spin_unlock_irqrestore(&base_crng.lock, flags);
	memset(key, 0, sizeof(key));
	if (became_ready)
		pr_notice("random: crng init done\n");
}

/* crng_has_old_seed - time to reseed: 1, 2, 4 ... s after boot (each
 * interval twice the uptime so far), at most CRNG_RESEED_INTERVAL. */
static bool crng_has_old_seed(void)
{
	unsigned long interval = min((unsigned long)CRNG_RESEED_INTERVAL,
				     max((unsigned long)HZ, jiffies / 2));

	return jiffies - READ_ONCE(base_crng.birth) > interval;
}

bool crng_ready(void)
{
	return READ_ONCE(base_crng.ready);
}

/*
 * crng_make_state - a ChaCha20 state for one request: a block of the
 * base key becomes the base's next key (first half) and this request's
 * key (second half). Then the request runs with no lock held.
 */
static void crng_make_state(u32 *state)
{
	u8 block[CHACHA_BLOCK_SIZE];
	u32 base[CHACHA_STATE_WORDS];
	unsigned long flags;

	if (crng_has_old_seed())
		crng_reseed();
	spin_lock_irqsave(&base_crng.lock, flags);
	chacha_setup(base, base_crng.key, 0, base_crng.generation);
	chacha20_block(base, block);
	memcpy(base_crng.key, block, CHACHA_KEY_SIZE);
	spin_unlock_irqrestore(&base_crng.lock, flags);
	chacha_setup(state, block + CHACHA_KEY_SIZE, 0, 0);
	memset(block, 0, sizeof(block));
	memset(base, 0, sizeof(base));
}

/* get_random_bytes - @len random bytes for the kernel. */
void get_random_bytes(void *buf, size_t len)
{
	u32 state[CHACHA_STATE_WORDS];
	u8 block[CHACHA_BLOCK_SIZE];
	u8 *p = buf;

	crng_make_state(state);
	while (len) {
		size_t n = min(len, sizeof(block));

		chacha20_block(state, block);
		memcpy(p, block, n);
		p += n;
		len -= n;
	}
	memset(block, 0, sizeof(block));
	memset(state, 0, sizeof(state));
}

u32 get_random_u32(void)
{
	u32 v;

	get_random_bytes(&v, sizeof(v));
	return v;
}

u64 get_random_u64(void)
{
	u64 v;

	get_random_bytes(&v, sizeof(v));
	return v;
}

/*
 * get_random_bytes_user - @len random bytes to user memory, a block at
 * a time, stopping early (with what was done) for a signal at a page
 * boundary. Returns the count, or -EFAULT if not one byte could be
 * written.
 */
static ssize_t get_random_bytes_user(char __user *ubuf, size_t len)
{
	u32 state[CHACHA_STATE_WORDS];
	u8 block[CHACHA_BLOCK_SIZE];
	size_t done = 0;

	crng_make_state(state);
	while (done < len) {
		size_t n = min(len - done, sizeof(block));

		chacha20_block(state, block);
		if (copy_to_user(ubuf + done, block, n))
			break;
		done += n;
		if (!(done % PAGE_SIZE) && done < len) {
			if (signal_pending(current))
				break;
			cond_resched();
		}
	}
	memset(block, 0, sizeof(block));
	memset(state, 0, sizeof(state));
	return done ? (ssize_t)done : -EFAULT;
}

/* add_device_randomness - mix in data that is not secret but differs
 * between machines or boots (no credit). */
void add_device_randomness(const void *buf, size_t len)
{
	mix_pool_bytes(buf, len, 0);
}

/*
 * add_interrupt_randomness - from an interrupt (the tick): its cycle
 * count and jiffies go into the fast pool, which is folded into the
 * input pool, with one bit of credit, every 64 interrupts or second.
 */
void add_interrupt_randomness(int irq)
{
	unsigned long c = random_get_entropy();

	irq_randomness.pool[irq_randomness.count & 3] ^= c ^ (jiffies << 32) ^ irq;
	irq_randomness.pool[(irq_randomness.count + 1) & 3] += c * 0x9e3779b97f4a7c15ULL;
	if (++irq_randomness.count < 64 && jiffies - irq_randomness.last < HZ)
		return;
	mix_pool_bytes(irq_randomness.pool, sizeof(irq_randomness.pool), 1);
	irq_randomness.count = 0;
	irq_randomness.last = jiffies;
}

/* try_to_generate_entropy - timing jitter: the cycle counter read
 * around a short busy loop, whose length varies with caches, the
 * emulator and the host; 1 bit of credit for every 8 samples. */
static void try_to_generate_entropy(void)
{
	unsigned long samples[32];
	volatile unsigned long sink = 0;

	for (int i = 0; i < JITTER_SAMPLES / 32; i++) {
		for (int j = 0; j < 32; j++) {
			for (int k = 0; k < 16; k++)
				sink += k;
			samples[j] = random_get_entropy();
		}
		mix_pool_bytes(samples, sizeof(samples), 32 / 8);
	}
}

/* rand_initialize - at boot, once time works: seed the pool from what
 * there is, and make the first generator key. */
void rand_initialize(void)
{
	unsigned long v[8];
	u64 now = ktime_get_real_ns();
	size_t seeded = 0;

	for (int i = 0; i < 8; i++) {
		if (!arch_get_random_seed_longs(&v[i], 1) && !arch_get_random_longs(&v[i], 1))
			break;
		seeded++;
	}
	if (seeded) {
		/* only RDSEED is credited, as Linux's trust_cpu credits it */
		unsigned long s;

		mix_pool_bytes(v, seeded * sizeof(v[0]),
			       arch_get_random_seed_longs(&s, 1) ? seeded * 8 * sizeof(v[0]) : 0);
	}
	add_device_randomness(&now, sizeof(now));
	try_to_generate_entropy();
	crng_reseed();
	memset(v, 0, sizeof(v));
}

#define GRND_NONBLOCK	0x0001
#define GRND_RANDOM	0x0002
#define GRND_INSECURE	0x0004
#define MAX_RW_COUNT	(0x7fffffff & ~(PAGE_SIZE - 1))

/* wait_for_random_bytes - wait until the generator is ready. It always
 * is after rand_initialize(), so this only gathers jitter if not. */
static int wait_for_random_bytes(void)
{
	while (!crng_ready()) {
		if (signal_pending(current))
			return -ERESTARTSYS;
		try_to_generate_entropy();
		crng_reseed();
	}
	return 0;
}

/*
 * getrandom - Linux's checks, in its order: unknown flags and
 * GRND_INSECURE with GRND_RANDOM are -EINVAL; before the generator is
 * ready GRND_NONBLOCK is -EAGAIN (else it waits). GRND_RANDOM reads
 * the same generator, as Linux's does since 5.6. At most MAX_RW_COUNT
 * bytes; -EFAULT for a buffer outside user space.
 */
SYSCALL_DEFINE3(getrandom, char __user *, ubuf, size_t, len, unsigned int, flags)
{
	int ret;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & (GRND_INSECURE | GRND_RANDOM)) == (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	if (!crng_ready() && !(flags & GRND_INSECURE)) {
		if (flags & GRND_NONBLOCK)
			return -EAGAIN;
		ret = wait_for_random_bytes();
		if (ret)
			return ret;
	}
	len = min(len, (size_t)MAX_RW_COUNT);
	if (!access_ok(ubuf, len))
		return -EFAULT;
	if (!len)
		return 0;
	return get_random_bytes_user(ubuf, len);
}

/* ---- /dev/random and /dev/urandom ----------------------------------- */

/* urandom_read - the generator's bytes. */
static ssize_t urandom_read(struct file *f, char *ubuf, size_t len, loff_t *pos)
{
	len = min(len, (size_t)MAX_RW_COUNT);
	return len ? get_random_bytes_user(ubuf, len) : 0;
}

/* random_read - the same once the generator is ready; with O_NONBLOCK
 * not yet ready is -EAGAIN. */
static ssize_t random_read(struct file *f, char *ubuf, size_t len, loff_t *pos)
{
	int ret;

	if (!crng_ready()) {
		if (f->f_flags & O_NONBLOCK)
			return -EAGAIN;
		ret = wait_for_random_bytes();
		if (ret)
			return ret;
	}
	return urandom_read(f, ubuf, len, pos);
}

/* write_pool_user - mix @len bytes of user data into the pool, with no
 * credit (anyone may write). Returns the count, or -EFAULT if nothing
 * could be read. */
static ssize_t write_pool_user(const char __user *ubuf, size_t len)
{
	u8 block[CHACHA_BLOCK_SIZE];
	size_t done = 0;

	while (done < len) {
		size_t n = min(len - done, sizeof(block));

		if (copy_from_user(block, ubuf + done, n))
			break;
		mix_pool_bytes(block, n, 0);
		done += n;
		if (!(done % PAGE_SIZE) && done < len) {
			if (signal_pending(current))
				break;
			cond_resched();
		}
	}
	memset(block, 0, sizeof(block));
	return done ? (ssize_t)done : (len ? -EFAULT : 0);
}

static ssize_t random_write(struct file *f, const char *ubuf, size_t len, loff_t *pos)
{
	return write_pool_user(ubuf, min(len, (size_t)MAX_RW_COUNT));
}

/* The ioctls (Linux's <uapi/linux/random.h> numbers). */
#define RNDGETENTCNT	0x80045200
#define RNDADDTOENTCNT	0x40045201
#define RNDADDENTROPY	0x40085203
#define RNDZAPENTCNT	0x5204
#define RNDCLEARPOOL	0x5206
#define RNDRESEEDCRNG	0x5207

/* credit_init_bits - @bits more credit (RNDADDTOENTCNT and friends). */
static void credit_init_bits(int bits)
{
	mix_pool_bytes(&bits, sizeof(bits), bits > 0 ? bits : 0);
	if (READ_ONCE(input_pool.init_bits) >= POOL_READY_BITS && !crng_ready())
		crng_reseed();
}

/*
 * random_ioctl - RNDGETENTCNT reads the credited bits (anyone); the
 * others need CAP_SYS_ADMIN (-EPERM): RNDADDTOENTCNT credits,
 * RNDADDENTROPY mixes in a struct rand_pool_info {count, size, buf}
 * and credits, RNDZAPENTCNT and RNDCLEARPOOL do nothing (as in Linux
 * since 5.18), RNDRESEEDCRNG reseeds (-ENODATA before ready). Any other
 * command is -EINVAL.
 */
static int random_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	int __user *p = (int __user *)arg;
	int ent_count, size;
	u8 buf[CHACHA_BLOCK_SIZE];

	switch (cmd) {
	case RNDGETENTCNT:
		ent_count = READ_ONCE(input_pool.init_bits);
		return put_user(ent_count, p) ? -EFAULT : 0;
	case RNDADDTOENTCNT:
		if (!capable(CAP_SYS_ADMIN))
			return -EPERM;
		if (get_user(ent_count, p))
			return -EFAULT;
		if (ent_count < 0)
			return -EINVAL;
		credit_init_bits(ent_count);
		return 0;
	case RNDADDENTROPY:
		if (!capable(CAP_SYS_ADMIN))
			return -EPERM;
		if (get_user(ent_count, p++))
			return -EFAULT;
		if (ent_count < 0)
			return -EINVAL;
		if (get_user(size, p++))
			return -EFAULT;
		if (size < 0)
			return -EINVAL;
		for (int done = 0; done < size; done += sizeof(buf)) {
			int n = min(size - done, (int)sizeof(buf));

			if (copy_from_user(buf, (const char __user *)p + done, n))
				return -EFAULT;
			mix_pool_bytes(buf, n, 0);
		}
		credit_init_bits(ent_count);
		return 0;
	case RNDZAPENTCNT:
	case RNDCLEARPOOL:
		return capable(CAP_SYS_ADMIN) ? 0 : -EPERM;
	case RNDRESEEDCRNG:
		if (!capable(CAP_SYS_ADMIN))
			return -EPERM;
		if (!crng_ready())
			return -ENODATA;
		crng_reseed();
		return 0;
	default:
		return -EINVAL;
	}
}

/* The character devices 1,8 (/dev/random) and 1,9 (/dev/urandom): the
 * device registration that opens them is the VFS's (register_chrdev). */
const struct file_operations random_fops = {
	.read = random_read,
	.write = random_write,
	.ioctl = random_ioctl,
};

const struct file_operations urandom_fops = {
	.read = urandom_read,
	.write = random_write,
	.ioctl = random_ioctl,
};
