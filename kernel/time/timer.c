// SPDX-License-Identifier: GPL-2.0
/*
 * Timers and sleeping: timer_list entries on one list sorted by expiry,
 * run from the tick; schedule_timeout() and msleep() on top.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/sched/cputime.h>
#include <linux/spinlock.h>
#include <linux/time64.h>
#include <linux/timer.h>

static LIST_HEAD(timer_list_head);	/* sorted by expires: timer_lock */
static DEFINE_SPINLOCK(timer_lock);

void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *))
{
	INIT_LIST_HEAD(&t->entry);
	t->function = fn;
	t->pending = false;
}

/* add_timer - call t->function from the tick once jiffies >= expires. */
void add_timer(struct timer_list *t)
{
	struct timer_list *pos;
	unsigned long flags;

	spin_lock_irqsave(&timer_lock, flags);
	BUG_ON(t->pending);
	list_for_each_entry(pos, &timer_list_head, entry)
		if ((long)(pos->expires - t->expires) > 0)
			break;
	list_add_tail(&t->entry, &pos->entry);
	t->pending = true;
	spin_unlock_irqrestore(&timer_lock, flags);
}

/* del_timer - cancel @t; returns whether it was still pending. */
bool del_timer(struct timer_list *t)
{
	unsigned long flags;
	bool was;

	spin_lock_irqsave(&timer_lock, flags);
	was = t->pending;
	if (was) {
		list_del(&t->entry);
		t->pending = false;
	}
	spin_unlock_irqrestore(&timer_lock, flags);
	return was;
}

/* run_timers - from the tick: run every expired timer. */
void run_timers(void)
{
	unsigned long flags;

	spin_lock_irqsave(&timer_lock, flags);
	while (!list_empty(&timer_list_head)) {
		struct timer_list *t = list_first_entry(&timer_list_head,
							struct timer_list, entry);

		if ((long)(jiffies - t->expires) < 0)
			break;
		list_del(&t->entry);
		t->pending = false;
		spin_unlock_irqrestore(&timer_lock, flags);
		t->function(t);
		spin_lock_irqsave(&timer_lock, flags);
	}
	spin_unlock_irqrestore(&timer_lock, flags);
}

/* update_process_times - from the tick: charge it to the interrupted
 * task (@user_tick: it was in user mode), run the timers due, and let
 * the scheduler take its slice, as Linux's. */
void update_process_times(int user_tick)
{
	account_process_tick(current, user_tick);
	run_timers();
	scheduler_tick();
}

struct process_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	wake_up_process(container_of(t, struct process_timer, timer)->task);
}

/*
 * schedule_timeout - sleep in the state the caller set until woken or
 * @ticks pass. Returns the ticks left (0 if the time ran out).
 */
long schedule_timeout(long ticks)
{
	struct process_timer pt;
	unsigned long expire = jiffies + ticks;

	pt.task = current;
	timer_setup(&pt.timer, process_timeout);
	pt.timer.expires = expire;
	add_timer(&pt.timer);
	schedule();
	del_timer(&pt.timer);
	ticks = (long)(expire - jiffies);
	return ticks < 0 ? 0 : ticks;
}

/*
 * schedule_until - sleep in the state the caller set until woken or
 * until local_clock() reads @end: whole ticks on a timer, the last part
 * of a tick by yielding (the tick is the only timer interrupt), as
 * nanosleep does. The clock, not jiffies, decides, so the time is exact
 * even when QEMU delivers ticks late and then in a burst. Returns false,
 * in TASK_RUNNING, once @end has passed; true if it slept (or yielded)
 * and the caller should look again.
 */
bool schedule_until(u64 end)
{
	u64 now = local_clock();

	if (now >= end) {
		__set_current_state(TASK_RUNNING);
		return false;
	}
	if (end - now >= TICK_NSEC) {
		schedule_timeout(nsecs_to_jiffies_timeout(end - now) - 1);
	} else {
		__set_current_state(TASK_RUNNING);
		schedule();	/* a yield: the rest is below a tick */
	}
	return true;
}

/* msleep - sleep at least @ms milliseconds. */
void msleep(unsigned int ms)
{
	long ticks = DIV_ROUND_UP(ms, 1000 / HZ) + 1;

	while (ticks) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		ticks = schedule_timeout(ticks);
	}
}
