// SPDX-License-Identifier: GPL-2.0
/*
 * Interval timers: setitimer/getitimer and alarm. ITIMER_REAL counts
 * CLOCK_MONOTONIC time and sends SIGALRM to the process, like Linux's,
 * on the tick's timer list (so to a tick, 1/HZ, where Linux's hrtimer
 * is exact). The timer belongs to the process (signal_struct), is kept
 * across exec, and goes when the last thread exits. ITIMER_VIRTUAL and
 * ITIMER_PROF count the process's CPU time as the tick charges it (user
 * time, and user plus system time: run_posix_cpu_timers()), and send
 * SIGVTALRM and SIGPROF.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/string.h>
#include <linux/timer.h>

#define ITIMER_REAL	0
#define ITIMER_VIRTUAL	1
#define ITIMER_PROF	2

#define NSEC_PER_USEC	1000L

#define SIGVTALRM	26
#define SIGPROF		27

struct old_timeval {
	long tv_sec, tv_usec;
};

struct old_itimerval {
	struct old_timeval it_interval, it_value;
};

/* timer_arm_ns - arm @t for CLOCK_MONOTONIC time @expires (ns): at the
 * first tick that should come after it. The tick and local_clock() may
 * drift apart (under emulation they do), so the callback checks the
 * clock and calls this again if it came early. */
void timer_arm_ns(struct timer_list *t, u64 expires)
{
	u64 now = local_clock();

	t->expires = jiffies + 1 + (expires > now ? nsecs_to_jiffies_timeout(expires - now) : 0);
	add_timer(t);
}

/* it_real_fn - ITIMER_REAL's tick came (from the tick): SIGALRM to the
 * process, from the kernel, once the clock says it is due. An interval
 * timer is armed again when the signal is taken (it_real_rearm), as in
 * Linux. */
static void it_real_fn(struct timer_list *t)
{
	struct signal_struct *sig = container_of(t, struct signal_struct, real_timer);
	unsigned long flags;
	bool early;

	spin_lock_irqsave(&sig->siglock, flags);
	early = local_clock() < sig->it_real_expires;
	if (early)
		timer_arm_ns(t, sig->it_real_expires);
	spin_unlock_irqrestore(&sig->siglock, flags);
	if (!early)
		kill_pid_info(SIGALRM, SEND_SIG_PRIV, sig->pids[PIDTYPE_TGID]);
}

/* itimer_setup - a new process's ITIMER_REAL, unarmed (copy_signal). */
void itimer_setup(struct signal_struct *sig)
{
	timer_setup(&sig->real_timer, it_real_fn);
	sig->it_real_incr = sig->it_real_expires = 0;
	memset(sig->it, 0, sizeof(sig->it));
}

/* it_real_rearm - current took SIGALRM: an interval ITIMER_REAL that is
 * not armed goes on, to its next period after now. */
void it_real_rearm(void)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;
	u64 now = local_clock();

	spin_lock_irqsave(&sig->siglock, flags);
	if (sig->it_real_incr && !sig->real_timer.pending) {
		u64 next = sig->it_real_expires + sig->it_real_incr;

		if (next <= now)	/* periods missed while it waited */
			next += ((now - next) / sig->it_real_incr + 1) * sig->it_real_incr;
		sig->it_real_expires = next;
		timer_arm_ns(&sig->real_timer, next);
	}
	spin_unlock_irqrestore(&sig->siglock, flags);
}

/* cpu_itimer_tick - a tick of CPU time for @it: true if it ran out now
 * (then it reloads its interval, or disarms). siglock held. */
static bool cpu_itimer_tick(struct cpu_itimer *it)
{
	if (!it->expires)
		return false;
	if (it->expires > TICK_NSEC) {
		it->expires -= TICK_NSEC;
		return false;
	}
	it->expires = it->incr;
	return true;
}

/*
 * run_posix_cpu_timers - from the tick (update_process_times): @p
 * (interrupted in user mode if @user_tick) used it. Linux's name; here it
 * runs only the two CPU itimers, as mmos has no CPU-clock POSIX timers. A user task's ITIMER_PROF counts every tick,
 * ITIMER_VIRTUAL the user ones; the one that runs out signals the
 * process. Kernel threads and the idle task have no such timers.
 */
void run_posix_cpu_timers(struct task_struct *p, int user_tick)
{
	struct signal_struct *sig = p->signal;
	unsigned long flags;
	bool virt, prof;

	if (!p->mm || is_idle_task(p) || p->exit_state)
		return;
	spin_lock_irqsave(&sig->siglock, flags);
	virt = user_tick && cpu_itimer_tick(&sig->it[ITIMER_VIRTUAL - 1]);
	prof = cpu_itimer_tick(&sig->it[ITIMER_PROF - 1]);
	spin_unlock_irqrestore(&sig->siglock, flags);
	if (virt)
		kill_pid_info(SIGVTALRM, SEND_SIG_PRIV, task_pid(p));
	if (prof)
		kill_pid_info(SIGPROF, SEND_SIG_PRIV, task_pid(p));
}

/* ns_to_timeval - @ns as a struct timeval (microseconds, truncated). */
static struct old_timeval ns_to_timeval(u64 ns)
{
	return (struct old_timeval){ ns / NSEC_PER_SEC, (ns % NSEC_PER_SEC) / NSEC_PER_USEC };
}

/* itimer_get_remtime - time left on ITIMER_REAL (siglock held): 0 if it
 * is not armed, at least 1 us if it is (Linux's rule). */
static u64 itimer_get_remtime(struct signal_struct *sig)
{
	u64 now = local_clock();

	if (!sig->real_timer.pending)
		return 0;
	return sig->it_real_expires > now + NSEC_PER_USEC ? sig->it_real_expires - now :
							     NSEC_PER_USEC;
}

/*
 * do_setitimer - timer @which becomes @value_ns from now (0: disarmed),
 * then every @interval_ns (0: once); the old setting into *@ovalue and
 * *@ointerval (ns). A CPU-time timer gets one tick more, as Linux's
 * set_cpu_itimer gives it (the tick under way is not all its own).
 * Returns 0.
 */
static int do_setitimer(int which, u64 value_ns, u64 interval_ns, u64 *ovalue,
			u64 *ointerval)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;

	spin_lock_irqsave(&sig->siglock, flags);
	if (which != ITIMER_REAL) {
		struct cpu_itimer *it = &sig->it[which - 1];

		*ovalue = it->expires;
		*ointerval = it->incr;
		it->expires = value_ns ? value_ns + TICK_NSEC : 0;
		it->incr = value_ns ? interval_ns : 0;
		spin_unlock_irqrestore(&sig->siglock, flags);
		return 0;
	}
	*ovalue = itimer_get_remtime(sig);
	*ointerval = sig->it_real_incr;
	del_timer(&sig->real_timer);
	sig->it_real_incr = value_ns ? interval_ns : 0;
	if (value_ns) {
		sig->it_real_expires = ktime_add_safe(local_clock(), value_ns);
		timer_arm_ns(&sig->real_timer, sig->it_real_expires);
	}
	spin_unlock_irqrestore(&sig->siglock, flags);
	return 0;
}

/* timeval_to_ns - a user's timeval in ns; -EINVAL unless tv_sec >= 0
 * and tv_usec is in [0, 1 s). */
static s64 timeval_to_ns(const struct old_timeval *tv)
{
	struct timespec64 ts = { tv->tv_sec, tv->tv_usec * NSEC_PER_USEC };

	if (tv->tv_usec < 0 || tv->tv_usec >= 1000000 || !timespec64_valid(&ts))
		return -EINVAL;
	return timespec64_to_ns(&ts);
}

/* put_itimerval - the old setting to *@ov; 0 or -EFAULT. */
static int put_itimerval(struct old_itimerval __user *ov, u64 value, u64 interval)
{
	struct old_itimerval v = { ns_to_timeval(interval), ns_to_timeval(value) };

	return copy_to_user(ov, &v, sizeof(v)) ? -EFAULT : 0;
}

/* getitimer - timer @which's time left and interval (EINVAL for an
 * unknown one, EFAULT for a bad @value). */
SYSCALL_DEFINE2(getitimer, int, which, struct old_itimerval __user *, value)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;
	u64 rem, incr;

	if (which != ITIMER_REAL && which != ITIMER_VIRTUAL && which != ITIMER_PROF)
		return -EINVAL;
	spin_lock_irqsave(&sig->siglock, flags);
	if (which == ITIMER_REAL) {
		rem = itimer_get_remtime(sig);
		incr = sig->it_real_incr;
	} else {
		rem = sig->it[which - 1].expires;
		incr = sig->it[which - 1].incr;
	}
	spin_unlock_irqrestore(&sig->siglock, flags);
	return put_itimerval(value, rem, incr);
}

/* setitimer - a NULL @value disarms the timer (Linux's "misfeature"). */
SYSCALL_DEFINE3(setitimer, int, which, const struct old_itimerval __user *, value,
		struct old_itimerval __user *, ovalue)
{
	struct old_itimerval v = { { 0, 0 }, { 0, 0 } };
	s64 val, intv;
	u64 oval, ointv;

	if (value && copy_from_user(&v, value, sizeof(v)))
		return -EFAULT;
	if (which != ITIMER_REAL && which != ITIMER_VIRTUAL && which != ITIMER_PROF)
		return -EINVAL;
	val = timeval_to_ns(&v.it_value);
	intv = timeval_to_ns(&v.it_interval);
	if (val < 0 || intv < 0)
		return -EINVAL;
	do_setitimer(which, val, intv, &oval, &ointv);
	return ovalue ? put_itimerval(ovalue, oval, ointv) : 0;
}

/* alarm - SIGALRM in @seconds (0: cancel); returns the seconds the old
 * alarm had left, rounded to the nearest, and never 0 for one that was
 * armed (Linux's alarm_setitimer). */
SYSCALL_DEFINE1(alarm, unsigned int, seconds)
{
	u64 oval, ointv;

	do_setitimer(ITIMER_REAL, (u64)seconds * NSEC_PER_SEC, 0, &oval, &ointv);
	if ((oval && oval < NSEC_PER_SEC) || oval % NSEC_PER_SEC >= NSEC_PER_SEC / 2)
		oval += NSEC_PER_SEC;
	return oval / NSEC_PER_SEC;
}
