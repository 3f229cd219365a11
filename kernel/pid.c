// SPDX-License-Identifier: GPL-2.0
/*
 * PID numbers: a bitmap of PID_MAX_DEFAULT bits. New PIDs go upwards
 * from the last one given and wrap to RESERVED_PIDS, as in Linux, so a
 * number is not reused soon after its task is gone. PID 0 is the idle
 * task's; 1 and 2 go to kernel_init and kthreadd at boot.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/pid.h>
#include <linux/spinlock.h>
#include <linux/sched.h>

#define PID_MAX_DEFAULT	32768
#define RESERVED_PIDS	300
#define BITS_PER_LONG	64

static unsigned long pidmap[PID_MAX_DEFAULT / BITS_PER_LONG] = { 1 };	/* pid 0 */
static int last_pid;
static DEFINE_SPINLOCK(pidmap_lock);

static bool pid_test_and_set(int pid)
{
	unsigned long bit = 1UL << (pid % BITS_PER_LONG);
	unsigned long *w = &pidmap[pid / BITS_PER_LONG];

	if (*w & bit)
		return true;
	*w |= bit;
	return false;
}

/* alloc_pid - a free PID, or -EAGAIN when all are taken. */
pid_t alloc_pid(void)
{
	unsigned long flags;
	int pid = -EAGAIN;

	spin_lock_irqsave(&pidmap_lock, flags);
	for (int n = 0, cand = last_pid + 1; n < PID_MAX_DEFAULT; n++, cand++) {
		if (cand >= PID_MAX_DEFAULT)
			cand = last_pid >= RESERVED_PIDS ? RESERVED_PIDS : 1;
		if (!pid_test_and_set(cand)) {
			pid = last_pid = cand;
			break;
		}
	}
	spin_unlock_irqrestore(&pidmap_lock, flags);
	return pid;
}

void free_pid(pid_t pid)
{
	unsigned long flags;

	BUG_ON(pid <= 0 || pid >= PID_MAX_DEFAULT);
	spin_lock_irqsave(&pidmap_lock, flags);
	pidmap[pid / BITS_PER_LONG] &= ~(1UL << (pid % BITS_PER_LONG));
	spin_unlock_irqrestore(&pidmap_lock, flags);
}
