// SPDX-License-Identifier: GPL-2.0
/*
 * Linux's kernel/time/posix-timers.c: the clock syscalls and the POSIX
 * interval timers.
 *
 * clock_gettime, clock_settime, clock_getres and clock_nanosleep work
 * over the clocks of <linux/timekeeping.h> and the CPU clocks
 * (posix-cpu-timers.c).
 *
 * timer_create, timer_settime, timer_gettime, timer_getoverrun and
 * timer_delete work on CLOCK_REALTIME, CLOCK_MONOTONIC and
 * CLOCK_BOOTTIME (the same as MONOTONIC: mmos never suspends), notified
 * by SIGEV_SIGNAL (to the process), SIGEV_THREAD_ID (to one of its
 * threads) or SIGEV_NONE (read with timer_gettime). A timer belongs to
 * the process (signal->posix_timers), and goes at exec and when the last
 * thread exits. Like ITIMER_REAL it runs on the tick's timer list.
 *
 * The signal carries SI_TIMER, the timer's id and its sigev_value. An
 * expiry while the timer's signal is still pending counts as an overrun
 * in that pending siginfo (Linux bumps si_overrun of its queued sigqueue
 * the same way); timer_getoverrun says the count of the last delivered
 * one. Periodic timers are re-armed when they fire.
 */
#include <linux/kernel.h>
#include <linux/arch.h>
#include <linux/errno.h>
#include <linux/hrtimer.h>
#include <linux/posix-timers.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/timekeeping.h>
#include <linux/timer.h>

/* The resolutions: the monotonic clock counts nanoseconds (Linux's
 * hrtimer_resolution with high resolution on); the coarse clocks move
 * at the tick (LOW_RES_NSEC). */
#define HRTIMER_RES_NSEC	1
#define LOW_RES_NSEC		TICK_NSEC

static int posix_get_hrtimer_res(clockid_t which, struct timespec64 *tp)
{
	*tp = ns_to_timespec64(HRTIMER_RES_NSEC);
	return 0;
}

static int posix_get_coarse_res(clockid_t which, struct timespec64 *tp)
{
	*tp = ns_to_timespec64(LOW_RES_NSEC);
	return 0;
}

static int posix_get_realtime_timespec(clockid_t which, struct timespec64 *tp)
{
	*tp = ns_to_timespec64(ktime_get_real_ns());
	return 0;
}

static int posix_get_monotonic_timespec(clockid_t which, struct timespec64 *tp)
{
	*tp = ns_to_timespec64(ktime_get_ns());
	return 0;
}

static int posix_get_boottime_timespec(clockid_t which, struct timespec64 *tp)
{
	*tp = ns_to_timespec64(ktime_get_boottime_ns());
	return 0;
}

/* CLOCK_TAI: the wall clock plus the TAI offset, which is 0 until
 * adjtimex sets it (mmos has no adjtimex). */
static int posix_get_tai_timespec(clockid_t which, struct timespec64 *tp)
{
	*tp = ns_to_timespec64(ktime_get_real_ns());
	return 0;
}

static int posix_get_realtime_coarse(clockid_t which, struct timespec64 *tp)
{
	*tp = ns_to_timespec64(ktime_get_coarse_real_ns());
	return 0;
}

static int posix_get_monotonic_coarse(clockid_t which, struct timespec64 *tp)
{
	*tp = ns_to_timespec64(ktime_get_coarse_ns());
	return 0;
}

static int posix_clock_realtime_set(clockid_t which, const struct timespec64 *tp)
{
	return do_sys_settimeofday64(tp, NULL);
}

/*
 * common_nsleep - sleep on a clock that runs with the monotonic one:
 * *@t from now, or (TIMER_ABSTIME) until the clock reads *@t. An
 * absolute sleep on CLOCK_REALTIME is converted to the monotonic clock
 * once, at its start: a clock_settime() during it does not move it
 * (Linux's would; Documentation/time.md). An absolute sleep leaves
 * @rmtp alone. A signal without a handler does not end either: a
 * relative one goes on to its deadline (hrtimer_nanosleep()'s restart
 * block), an absolute one starts again; a handler gets -EINTR.
 */
static long common_nsleep(clockid_t which, int flags, const struct timespec64 *t,
			  struct timespec64 __user *rmtp)
{
	u64 offset = 0, target, left;

	if (!(flags & TIMER_ABSTIME))
		return hrtimer_nanosleep(t, rmtp, which);
	if (which == CLOCK_REALTIME || which == CLOCK_TAI)
		offset = ktime_get_real_offset();
	target = timespec64_to_ns(t);
	if (target <= offset)	/* before the clock's boot value: now */
		return 0;
	/* interrupted, it starts again with the same deadline if no
	 * handler ran (Linux's -ERESTARTNOHAND), else -EINTR */
	return hrtimer_sleep_until(target - offset, &left) ? -ERESTARTNOHAND : 0;
}

static const struct k_clock clock_realtime = {
	.clock_getres = posix_get_hrtimer_res,
	.clock_get_timespec = posix_get_realtime_timespec,
	.clock_set = posix_clock_realtime_set,
	.nsleep = common_nsleep,
};

static const struct k_clock clock_monotonic = {
	.clock_getres = posix_get_hrtimer_res,
	.clock_get_timespec = posix_get_monotonic_timespec,
	.nsleep = common_nsleep,
};

static const struct k_clock clock_monotonic_raw = {
	.clock_getres = posix_get_hrtimer_res,
	.clock_get_timespec = posix_get_monotonic_timespec,
};

static const struct k_clock clock_realtime_coarse = {
	.clock_getres = posix_get_coarse_res,
	.clock_get_timespec = posix_get_realtime_coarse,
};

static const struct k_clock clock_monotonic_coarse = {
	.clock_getres = posix_get_coarse_res,
	.clock_get_timespec = posix_get_monotonic_coarse,
};

static const struct k_clock clock_tai = {
	.clock_getres = posix_get_hrtimer_res,
	.clock_get_timespec = posix_get_tai_timespec,
	.nsleep = common_nsleep,
};

static const struct k_clock clock_boottime = {
	.clock_getres = posix_get_hrtimer_res,
	.clock_get_timespec = posix_get_boottime_timespec,
	.nsleep = common_nsleep,
};

/* The alarm clocks (8, 9) need the RTC's alarm; with none, Linux
 * rejects them with -EINVAL as any unknown clock. */
static const struct k_clock *const posix_clocks[MAX_CLOCKS] = {
	[CLOCK_REALTIME]		= &clock_realtime,
	[CLOCK_MONOTONIC]		= &clock_monotonic,
	[CLOCK_PROCESS_CPUTIME_ID]	= &clock_process,
	[CLOCK_THREAD_CPUTIME_ID]	= &clock_thread,
	[CLOCK_MONOTONIC_RAW]		= &clock_monotonic_raw,
	[CLOCK_REALTIME_COARSE]		= &clock_realtime_coarse,
	[CLOCK_MONOTONIC_COARSE]	= &clock_monotonic_coarse,
	[CLOCK_BOOTTIME]		= &clock_boottime,
	[CLOCK_TAI]			= &clock_tai,
};

/* clockid_to_kclock - the clock of @id, or NULL: a negative id is a
 * CPU clock of some task, or (low bits CLOCKFD) a clock device's fd,
 * which mmos has none of. */
static const struct k_clock *clockid_to_kclock(const clockid_t id)
{
	if (id < 0)
		return (id & CLOCKFD_MASK) == CLOCKFD ? NULL : &clock_posix_cpu;
	if (id >= MAX_CLOCKS)
		return NULL;
	return posix_clocks[id];
}

SYSCALL_DEFINE2(clock_gettime, const clockid_t, which, struct timespec64 __user *, tp)
{
	const struct k_clock *kc = clockid_to_kclock(which);
	struct timespec64 ts;
	int err;

	if (!kc)
		return -EINVAL;
	err = kc->clock_get_timespec(which, &ts);
	if (!err && copy_to_user(tp, &ts, sizeof(ts)))
		err = -EFAULT;
	return err;
}

/* clock_settime - only CLOCK_REALTIME can be set (-EINVAL for the
 * others, -EPERM for the CPU clocks, as Linux); the time is read
 * before the permission is checked. */
SYSCALL_DEFINE2(clock_settime, const clockid_t, which, const struct timespec64 __user *, tp)
{
	const struct k_clock *kc = clockid_to_kclock(which);
	struct timespec64 ts;

	if (!kc || !kc->clock_set)
		return -EINVAL;
	if (copy_from_user(&ts, tp, sizeof(ts)))
		return -EFAULT;
	return kc->clock_set(which, &ts);
}

/* clock_getres - the clock's resolution; a NULL @tp only asks whether
 * the clock exists. */
SYSCALL_DEFINE2(clock_getres, const clockid_t, which, struct timespec64 __user *, tp)
{
	const struct k_clock *kc = clockid_to_kclock(which);
	struct timespec64 ts;
	int err;

	if (!kc)
		return -EINVAL;
	err = kc->clock_getres(which, &ts);
	if (!err && tp && copy_to_user(tp, &ts, sizeof(ts)))
		err = -EFAULT;
	return err;
}

/* clock_nanosleep - Linux's checks in Linux's order; flags other than
 * TIMER_ABSTIME are ignored, as there. */
SYSCALL_DEFINE4(clock_nanosleep, const clockid_t, which, int, flags,
		const struct timespec64 __user *, rqtp, struct timespec64 __user *, rmtp)
{
	const struct k_clock *kc = clockid_to_kclock(which);
	struct timespec64 t;

	if (!kc)
		return -EINVAL;
	if (!kc->nsleep)
		return -EOPNOTSUPP;
	if (copy_from_user(&t, rqtp, sizeof(t)))
		return -EFAULT;
	if (!timespec64_valid(&t))
		return -EINVAL;
	if (flags & TIMER_ABSTIME)
		rmtp = NULL;
	return kc->nsleep(which, flags, &t, rmtp);
}

/* ---- POSIX interval timers ----------------------------------------- */

#define SIGEV_SIGNAL		0
#define SIGEV_NONE		1
#define SIGEV_THREAD		2	/* libc's; the kernel sends a signal */
#define SIGEV_THREAD_ID		4

/* The user's struct sigevent (64 bytes). */
struct sigevent_k {
	u64 sigev_value;
	int sigev_signo;
	int sigev_notify;
	int sigev_notify_thread_id;
	int __pad[11];
};

struct itimerspec64 {
	struct timespec64 it_interval, it_value;
};

struct k_itimer {
	struct timer_list it_timer;
	struct signal_struct *it_signal;	/* the process it belongs to */
	int it_id, it_clock, it_sigev_notify, it_sigev_signo;
	u64 it_sigev_value;
	struct pid *it_pid;		/* whom to signal (a reference) */
	enum pid_type it_pid_type;	/* PIDTYPE_TGID, or PIDTYPE_PID for a thread */
	/* it_signal->siglock must be held when using these: */
	struct list_head list;		/* in signal->posix_timers */
	u64 it_expires;			/* CLOCK_MONOTONIC ns; 0: disarmed */
	u64 it_interval;
	int it_overrun_last;		/* overruns of the last delivered signal */
	bool it_dead;			/* deleted: the callback does nothing */
	/* its signal's own sigqueue, info filled at timer_create (the
	 * overruns under the target's siglock: send_sigqueue()) */
	struct sigqueue *sigq;
};

/* clock_offset - what clock @clock reads at CLOCK_MONOTONIC 0 (ns), as
 * of now: a CLOCK_REALTIME timer is converted when it is set, so a later
 * clock_settime does not move it (Linux would re-evaluate it). */
static u64 clock_offset(int clock)
{
	return clock == CLOCK_REALTIME ? ktime_get_real_ns() - ktime_get_ns() : 0;
}

/* posix_timer_event - @timr expired (@missed more periods since): its
 * signal, its own sigqueue, unless that is still pending, which then
 * counts them as overruns (send_sigqueue()). From the tick. */
static void posix_timer_event(struct k_itimer *timr, int missed)
{
	send_sigqueue(timr->sigq, timr->it_pid, timr->it_pid_type, missed);
}

/* posix_timer_fn - @t's tick came: if the clock says the timer is due,
 * re-arm a periodic one past now and signal; if early, wait on. */
static void posix_timer_fn(struct timer_list *t)
{
	struct k_itimer *timr = container_of(t, struct k_itimer, it_timer);
	struct signal_struct *sig = timr->it_signal;
	unsigned long flags;
	bool fire = false;
	int missed = 0;
	u64 now;

	spin_lock_irqsave(&sig->siglock, flags);
	now = local_clock();
	if (!timr->it_dead && timr->it_expires) {
		if (now < timr->it_expires) {
			timer_arm_ns(t, timr->it_expires);
		} else {
			fire = true;
			if (timr->it_interval) {
				u64 k = (now - timr->it_expires) / timr->it_interval;

				missed = k > INT_MAX ? INT_MAX : k;
				timr->it_expires += (k + 1) * timr->it_interval;
				timer_arm_ns(t, timr->it_expires);
			} else {
				timr->it_expires = 0;
			}
		}
	}
	spin_unlock_irqrestore(&sig->siglock, flags);
	if (fire)
		posix_timer_event(timr, missed);
}

/* posix_timer_dequeued - current took a SI_TIMER signal with @info:
 * its overruns are the timer's last count. siglock held. */
void posix_timer_dequeued(const struct kernel_siginfo *info)
{
	struct k_itimer *timr;

	list_for_each_entry(timr, &current->signal->posix_timers, list)
		if (timr->it_id == info->timer.tid)
			timr->it_overrun_last = info->timer.overrun;
}

/*
 * good_sigevent - whom @ev says to signal, as Linux checks it: a thread
 * of the caller's process for SIGEV_THREAD_ID, a signal in 1.._NSIG for
 * the signalling kinds, the process for SIGEV_NONE. Sets *@type;
 * returns the pid (no reference), or NULL: EINVAL. tasklist_lock held.
 */
static struct pid *good_sigevent(const struct sigevent_k *ev, enum pid_type *type)
{
	struct task_struct *t;

	*type = PIDTYPE_TGID;
	switch (ev->sigev_notify) {
	case SIGEV_SIGNAL | SIGEV_THREAD_ID:
		t = find_task_by_pid_locked(ev->sigev_notify_thread_id);
		if (!t || t->exit_state || t->signal != current->signal)
			return NULL;
		*type = PIDTYPE_PID;
		if (ev->sigev_signo <= 0 || ev->sigev_signo > _NSIG)
			return NULL;
		return task_pid(t);
	case SIGEV_SIGNAL:
	case SIGEV_THREAD:
		if (ev->sigev_signo <= 0 || ev->sigev_signo > _NSIG)
			return NULL;
		return task_tgid(current);
	case SIGEV_NONE:
		return task_tgid(current);
	default:
		return NULL;
	}
}

/* clock_check - can a timer run on @clock? 0, -EOPNOTSUPP for Linux's
 * clocks without timers, -EINVAL for the rest (mmos has no CPU-time or
 * alarm clocks). */
static int clock_check(int clock)
{
	switch (clock) {
	case CLOCK_REALTIME: case CLOCK_MONOTONIC: case CLOCK_BOOTTIME:
		return 0;
	case CLOCK_MONOTONIC_RAW: case CLOCK_REALTIME_COARSE: case CLOCK_MONOTONIC_COARSE:
		return -EOPNOTSUPP;
	default:
		return -EINVAL;
	}
}

/* posix_timer_free - a timer that is on no list any more. */
static void posix_timer_free(struct k_itimer *timr)
{
	del_timer(&timr->it_timer);
	put_pid(timr->it_pid);
	sigqueue_free(timr->sigq, timr->it_signal);
	kfree(timr);
}

/* posix_timer_unlink - take @timr off its process's list and kill its
 * callback. siglock held. */
static void posix_timer_unlink(struct k_itimer *timr)
{
	list_del(&timr->list);
	timr->it_dead = true;
}

/*
 * timer_create - a disarmed timer on @which_clock that notifies as *@uev
 * says (NULL: SIGALRM to the process, with the id as value); its id to
 * *@created_timer_id. Linux's order: EFAULT for the sigevent, the clock
 * (EINVAL, EOPNOTSUPP), EAGAIN without memory, EINVAL for the sigevent
 * (its id is used up then), EFAULT for the id.
 */
SYSCALL_DEFINE3(timer_create, int, which_clock, const struct sigevent_k __user *, uev,
		int __user *, created_timer_id)
{
	struct signal_struct *sig = current->signal;
	struct k_itimer *timr;
	struct sigevent_k ev;
	unsigned long flags;
	int err;

	if (uev && copy_from_user(&ev, uev, sizeof(ev)))
		return -EFAULT;
	err = clock_check(which_clock);
	if (err)
		return err;
	timr = kzalloc(sizeof(*timr), GFP_KERNEL);
	if (!timr)
		return -EAGAIN;
	timr->sigq = sigqueue_alloc();
	if (!timr->sigq) {
		kfree(timr);
		return -EAGAIN;
	}
	timer_setup(&timr->it_timer, posix_timer_fn);
	timr->it_signal = sig;
	timr->it_clock = which_clock;
	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&sig->siglock);
	timr->it_id = sig->next_posix_timer_id++;	/* used up even on EINVAL, as in Linux */
	spin_unlock(&sig->siglock);
	if (uev) {
		timr->it_pid = get_pid(good_sigevent(&ev, &timr->it_pid_type));
		timr->it_sigev_notify = ev.sigev_notify;
		timr->it_sigev_signo = ev.sigev_signo;
		timr->it_sigev_value = ev.sigev_value;
	} else {
		timr->it_pid = get_pid(task_tgid(current));
		timr->it_pid_type = PIDTYPE_TGID;
		timr->it_sigev_notify = SIGEV_SIGNAL;
		timr->it_sigev_signo = SIGALRM;
		timr->it_sigev_value = timr->it_id;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!timr->it_pid) {
		sigqueue_free(timr->sigq, sig);
		kfree(timr);
		return -EINVAL;
	}
	timr->sigq->info = (struct kernel_siginfo){
		.si_signo = timr->it_sigev_signo, .si_code = SI_TIMER,
		.timer = { .tid = timr->it_id, .sigval = timr->it_sigev_value },
	};
	if (put_user(timr->it_id, created_timer_id)) {
		posix_timer_free(timr);
		return -EFAULT;
	}
	spin_lock_irqsave(&sig->siglock, flags);
	list_add_tail(&timr->list, &sig->posix_timers);
	spin_unlock_irqrestore(&sig->siglock, flags);
	return 0;
}

/* lock_timer - current's process's timer @id, with siglock held (and
 * *@flags saved), or NULL (no lock held). */
static struct k_itimer *lock_timer(int id, unsigned long *flags)
{
	struct signal_struct *sig = current->signal;
	struct k_itimer *timr;

	spin_lock_irqsave(&sig->siglock, *flags);
	list_for_each_entry(timr, &sig->posix_timers, list)
		if (timr->it_id == id)
			return timr;
	spin_unlock_irqrestore(&sig->siglock, *flags);
	return NULL;
}

/* unlock_timer - drop what lock_timer() took. */
static void unlock_timer(unsigned long flags)
{
	spin_unlock_irqrestore(&current->signal->siglock, flags);
}

/* common_timer_get - @timr's setting now, Linux's rule: time left (a
 * SIGEV_NONE timer is moved on past now first; an armed one whose time
 * is up reads 1 ns, a spent SIGEV_NONE one 0) and the interval.
 * siglock held. */
static void common_timer_get(struct k_itimer *timr, struct itimerspec64 *cur)
{
	u64 now = local_clock();

	memset(cur, 0, sizeof(*cur));
	cur->it_interval = ns_to_timespec64(timr->it_interval);
	if (!timr->it_expires)
		return;
	if (timr->it_sigev_notify == SIGEV_NONE && timr->it_interval && now >= timr->it_expires)
		timr->it_expires += ((now - timr->it_expires) / timr->it_interval + 1) *
				    timr->it_interval;
	if (timr->it_expires > now)
		cur->it_value = ns_to_timespec64(timr->it_expires - now);
	else if (timr->it_sigev_notify != SIGEV_NONE)
		cur->it_value.tv_nsec = 1;
}

/* timer_gettime - timer @timer_id's time left and interval (EINVAL if
 * it is not the process's). */
SYSCALL_DEFINE2(timer_gettime, int, timer_id, struct itimerspec64 __user *, setting)
{
	struct itimerspec64 cur;
	struct k_itimer *timr;
	unsigned long flags;

	timr = lock_timer(timer_id, &flags);
	if (!timr)
		return -EINVAL;
	common_timer_get(timr, &cur);
	unlock_timer(flags);
	return copy_to_user(setting, &cur, sizeof(cur)) ? -EFAULT : 0;
}

/* timespec_to_expiry - the CLOCK_MONOTONIC time @value means for @timr:
 * with TIMER_ABSTIME a time of its clock (already past: now), else that
 * long from now. 0 for a zero @value: disarm. */
static u64 timespec_to_expiry(struct k_itimer *timr, const struct timespec64 *value, int flags)
{
	u64 ns = timespec64_to_ns(value), now = local_clock(), off;

	if (!ns)
		return 0;
	if (!(flags & TIMER_ABSTIME))
		return ktime_add_safe(now, ns);
	off = clock_offset(timr->it_clock);
	return ns > off && ns - off > now ? ns - off : now;
}

/* timer_settime - arm timer @timer_id as *@new_setting says (a zero
 * value disarms; TIMER_ABSTIME: a time of its clock), the old setting to
 * *@old_setting. EINVAL for no setting, a bad one or an unknown id. */
SYSCALL_DEFINE4(timer_settime, int, timer_id, int, flags,
		const struct itimerspec64 __user *, new_setting,
		struct itimerspec64 __user *, old_setting)
{
	struct itimerspec64 new, old;
	struct k_itimer *timr;
	unsigned long lflags;

	if (!new_setting)
		return -EINVAL;
	if (copy_from_user(&new, new_setting, sizeof(new)))
		return -EFAULT;
	if (!timespec64_valid(&new.it_interval) || !timespec64_valid(&new.it_value))
		return -EINVAL;
	timr = lock_timer(timer_id, &lflags);
	if (!timr)
		return -EINVAL;
	common_timer_get(timr, &old);
	del_timer(&timr->it_timer);
	timr->it_interval = timespec64_to_ns(&new.it_interval);
	timr->it_expires = timespec_to_expiry(timr, &new.it_value, flags);
	if (timr->it_expires && timr->it_sigev_notify != SIGEV_NONE)
		timer_arm_ns(&timr->it_timer, timr->it_expires);
	unlock_timer(lflags);
	if (old_setting && copy_to_user(old_setting, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* timer_getoverrun - the overruns of @timer_id's last delivered signal. */
SYSCALL_DEFINE1(timer_getoverrun, int, timer_id)
{
	struct k_itimer *timr;
	unsigned long flags;
	int overrun;

	timr = lock_timer(timer_id, &flags);
	if (!timr)
		return -EINVAL;
	overrun = timr->it_overrun_last;
	unlock_timer(flags);
	return overrun;
}

/* timer_delete - @timer_id goes (EINVAL if it is not the process's). */
SYSCALL_DEFINE1(timer_delete, int, timer_id)
{
	struct k_itimer *timr;
	unsigned long flags;

	timr = lock_timer(timer_id, &flags);
	if (!timr)
		return -EINVAL;
	posix_timer_unlink(timr);
	unlock_timer(flags);
	posix_timer_free(timr);
	return 0;
}

/* exit_itimers - every POSIX timer of @sig goes (exec; the last thread's
 * exit). Taken off the list under siglock, freed after. */
void exit_itimers(struct signal_struct *sig)
{
	struct k_itimer *timr;
	unsigned long flags;

	for (;;) {
		spin_lock_irqsave(&sig->siglock, flags);
		timr = list_empty(&sig->posix_timers) ? NULL :
		       list_first_entry(&sig->posix_timers, struct k_itimer, list);
		if (timr)
			posix_timer_unlink(timr);
		spin_unlock_irqrestore(&sig->siglock, flags);
		if (!timr)
			return;
		posix_timer_free(timr);
	}
}
