/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Timers: a function to call from the tick once jiffies reaches
 * expires. The list is kept sorted, so the tick looks at its head only.
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/list.h>
#include <linux/types.h>

struct timer_list {
	struct list_head entry;		/* timer_lock */
	unsigned long expires;
	void (*function)(struct timer_list *);
	bool pending;
};

void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *));
void add_timer(struct timer_list *t);
bool del_timer(struct timer_list *t);
void run_timers(void);
void update_process_times(int user_tick);
void timer_arm_ns(struct timer_list *t, u64 expires);

/* kernel/time/itimer.c */
struct signal_struct;
void itimer_setup(struct signal_struct *sig);
void it_real_rearm(void);
struct task_struct;
void run_posix_cpu_timers(struct task_struct *p, int user_tick);

/* kernel/time/posix-timers.c */
struct kernel_siginfo;
void posix_timer_dequeued(const struct kernel_siginfo *info);
void exit_itimers(struct signal_struct *sig);

#endif
