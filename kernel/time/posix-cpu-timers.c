// SPDX-License-Identifier: GPL-2.0
/*
 * The CPU-time clocks, as Linux's kernel/time/posix-cpu-timers.c:
 * CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID, and the clock ids
 * of other tasks (clock_getcpuclockid(), pthread_getcpuclockid()). A
 * clock reads PROF (user + system, sampled at the tick), VIRT (user)
 * or SCHED (the exact sum_exec_runtime). There are no CPU-time timers;
 * a sleep on a process's CPU clock polls it once a tick.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/posix-timers.h>
#include <linux/sched.h>
#include <linux/sched/cputime.h>
#include <linux/signal.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>

#define PROCESS_CLOCK	((clockid_t)(~0u << 3) | CPUCLOCK_SCHED)
#define THREAD_CLOCK	(PROCESS_CLOCK | CPUCLOCK_PERTHREAD_MASK)

/*
 * lookup_task - the task whose clock @clock is, or NULL: pid 0 is
 * current (its process for a process clock); a thread clock must be a
 * thread of current's process; a process clock the pid of a process
 * (or current's own). tasklist_lock held.
 */
static struct task_struct *lookup_task(const clockid_t clock, bool gettime)
{
	const bool thread = CPUCLOCK_PERTHREAD(clock);
	const pid_t pid = CPUCLOCK_PID(clock);
	struct task_struct *p;

	lockdep_assert_held(&tasklist_lock);
	if (CPUCLOCK_WHICH(clock) >= CPUCLOCK_MAX)
		return NULL;
	if (!pid)
		return thread ? current : current->group_leader;
	p = find_task_by_pid_locked(pid);
	if (!p)
		return NULL;
	if (thread)
		return p->signal == current->signal ? p : NULL;
	if (gettime && p == current)
		return p;
	return p == p->group_leader ? p : NULL;
}

/* cpu_clock_sample - clock @clkid (PROF/VIRT/SCHED) of task @p. */
static u64 cpu_clock_sample(int clkid, struct task_struct *p)
{
	switch (clkid) {
	case CPUCLOCK_PROF:
		return p->utime + p->stime;
	case CPUCLOCK_VIRT:
		return p->utime;
	default:
		return task_sched_runtime(p);
	}
}

/* cpu_clock_sample_group - the same over @p's whole process.
 * tasklist_lock held. */
static u64 cpu_clock_sample_group(int clkid, struct task_struct *p)
{
	struct task_cputime c;

	thread_group_cputime(p, &c);
	switch (clkid) {
	case CPUCLOCK_PROF:
		return c.utime + c.stime;
	case CPUCLOCK_VIRT:
		return c.utime;
	default:
		return c.sum_exec_runtime;
	}
}

/* cpu_clock_read - *@ns = what @clock reads now; -EINVAL if it names
 * no task (or none current may read). */
static int cpu_clock_read(const clockid_t clock, u64 *ns)
{
	struct task_struct *p;
	unsigned long flags;
	int err = -EINVAL;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = lookup_task(clock, true);
	if (p) {
		*ns = CPUCLOCK_PERTHREAD(clock) ?
		      cpu_clock_sample(CPUCLOCK_WHICH(clock), p) :
		      cpu_clock_sample_group(CPUCLOCK_WHICH(clock), p);
		err = 0;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

/* validate_clock_permissions - 0 if @clock names a task, else -EINVAL. */
static int validate_clock_permissions(const clockid_t clock)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = lookup_task(clock, false);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p ? 0 : -EINVAL;
}

/* posix_cpu_clock_getres - the tick for PROF/VIRT, 1 ns for SCHED. */
static int posix_cpu_clock_getres(const clockid_t clock, struct timespec64 *tp)
{
	int err = validate_clock_permissions(clock);

	if (!err)
		*tp = ns_to_timespec64(CPUCLOCK_WHICH(clock) == CPUCLOCK_SCHED ? 1 :
				       (NSEC_PER_SEC + HZ - 1) / HZ);
	return err;
}

/* posix_cpu_clock_set - CPU clocks cannot be set: -EPERM (or -EINVAL
 * for a clock of no task). */
static int posix_cpu_clock_set(const clockid_t clock, const struct timespec64 *tp)
{
	int err = validate_clock_permissions(clock);

	return err ? err : -EPERM;
}

static int posix_cpu_clock_get(const clockid_t clock, struct timespec64 *tp)
{
	u64 ns;
	int err = cpu_clock_read(clock, &ns);

	if (!err)
		*tp = ns_to_timespec64(ns);
	return err;
}

static long posix_cpu_nsleep_restart(struct restart_block *restart);

/*
 * do_cpu_nanosleep - sleep until @clock reads @target, checking once a
 * tick. A signal ends it: a relative sleep (@rmtp given or not,
 * @relative) reports the CPU time still to go in @rmtp and goes on to
 * the same @target if no handler runs (the restart block); an absolute
 * one starts again (-ERESTARTNOHAND), as Linux's. Returns 0, those, or
 * -EFAULT for a bad @rmtp.
 */
static long do_cpu_nanosleep(const clockid_t clock, u64 target, bool relative,
			     struct timespec64 __user *rmtp)
{
	struct restart_block *restart = &current->restart_block;
	u64 now;

	if (cpu_clock_read(clock, &now))
		return 0;
	while (now < target) {
		if (signal_pending(current)) {
			struct timespec64 rem = ns_to_timespec64(target - now);

			if (!relative)
				return -ERESTARTNOHAND;
			if (rmtp && copy_to_user(rmtp, &rem, sizeof(rem)))
				return -EFAULT;
			restart->nanosleep.clockid = clock;
			restart->nanosleep.rmtp = rmtp;
			restart->nanosleep.expires = target;
			return set_restart_fn(restart, posix_cpu_nsleep_restart);
		}
		set_current_state(TASK_INTERRUPTIBLE);
		schedule_timeout(1);
		if (cpu_clock_read(clock, &now))
			return 0;	/* the task is gone: its clock stopped */
	}
	return 0;
}

/* posix_cpu_nsleep_restart - restart_syscall(2) of an interrupted
 * relative sleep on a CPU clock: on to the same CPU time. */
static long posix_cpu_nsleep_restart(struct restart_block *restart)
{
	return do_cpu_nanosleep(restart->nanosleep.clockid, restart->nanosleep.expires,
				true, restart->nanosleep.rmtp);
}

/*
 * posix_cpu_nsleep - sleep until @clock reads *@t (TIMER_ABSTIME) or
 * has advanced by it (do_cpu_nanosleep()). Sleeping on one's own
 * thread clock is -EINVAL (it would never advance).
 */
static long posix_cpu_nsleep(const clockid_t clock, int flags, const struct timespec64 *t,
			     struct timespec64 __user *rmtp)
{
	u64 now, target;
	int err;

	if (CPUCLOCK_PERTHREAD(clock) &&
	    (CPUCLOCK_PID(clock) == 0 || CPUCLOCK_PID(clock) == current->pid))
		return -EINVAL;
	err = cpu_clock_read(clock, &now);
	if (err)
		return err;
	if (flags & TIMER_ABSTIME)
		return do_cpu_nanosleep(clock, timespec64_to_ns(t), false, NULL);
	target = ktime_add_safe(now, timespec64_to_ns(t));
	return do_cpu_nanosleep(clock, target, true, rmtp);
}

const struct k_clock clock_posix_cpu = {
	.clock_getres = posix_cpu_clock_getres,
	.clock_set = posix_cpu_clock_set,
	.clock_get_timespec = posix_cpu_clock_get,
	.nsleep = posix_cpu_nsleep,
};

static int process_cpu_clock_getres(const clockid_t which, struct timespec64 *tp)
{
	return posix_cpu_clock_getres(PROCESS_CLOCK, tp);
}

static int process_cpu_clock_get(const clockid_t which, struct timespec64 *tp)
{
	return posix_cpu_clock_get(PROCESS_CLOCK, tp);
}

static long process_cpu_nsleep(const clockid_t which, int flags, const struct timespec64 *t,
			       struct timespec64 __user *rmtp)
{
	return posix_cpu_nsleep(PROCESS_CLOCK, flags, t, rmtp);
}

static int thread_cpu_clock_getres(const clockid_t which, struct timespec64 *tp)
{
	return posix_cpu_clock_getres(THREAD_CLOCK, tp);
}

static int thread_cpu_clock_get(const clockid_t which, struct timespec64 *tp)
{
	return posix_cpu_clock_get(THREAD_CLOCK, tp);
}

/* CLOCK_PROCESS_CPUTIME_ID and CLOCK_THREAD_CPUTIME_ID: current's own
 * clocks; like Linux, no clock_set (-EINVAL) and, for the thread's,
 * no nanosleep (-EOPNOTSUPP). */
const struct k_clock clock_process = {
	.clock_getres = process_cpu_clock_getres,
	.clock_get_timespec = process_cpu_clock_get,
	.nsleep = process_cpu_nsleep,
};

const struct k_clock clock_thread = {
	.clock_getres = thread_cpu_clock_getres,
	.clock_get_timespec = thread_cpu_clock_get,
};
