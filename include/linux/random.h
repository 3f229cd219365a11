/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's random numbers (drivers/char/random.c): a ChaCha20
 * generator seeded from an entropy pool that the CPU (RDSEED/RDRAND),
 * timing jitter and the tick feed. get_random_bytes() for the kernel,
 * getrandom(2), and the file operations of /dev/random and
 * /dev/urandom (character devices 1,8 and 1,9, as in Linux).
 */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <linux/types.h>

#define RANDOM_MAJOR		1	/* the mem devices' major */
#define RANDOM_MINOR		8	/* /dev/random */
#define URANDOM_MINOR		9	/* /dev/urandom */

void get_random_bytes(void *buf, size_t len);
u32 get_random_u32(void);
u64 get_random_u64(void);
void add_device_randomness(const void *buf, size_t len);
void add_interrupt_randomness(int irq);
void rand_initialize(void);
bool crng_ready(void);

struct file_operations;
extern const struct file_operations random_fops, urandom_fops;

#endif
