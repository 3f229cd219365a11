/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Spinlocks. mmos runs one CPU today, but the locks are real (an atomic
 * exchange), so the lock discipline written in struct comments is
 * checked: lockdep_assert_held() BUG()s when the lock is not taken.
 * Holding one disables preemption, as in Linux: a task preempted with a
 * lock held would make every other task that wants it spin.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/kernel.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <linux/preempt.h>

typedef struct {
	int locked;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name)	{ 0 }
#define DEFINE_SPINLOCK(name)	spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

static inline void spin_lock_init(spinlock_t *l)
{
	l->locked = 0;
}

static inline void do_raw_spin_lock(spinlock_t *l)
{
	while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
		cpu_relax();
}

static inline void do_raw_spin_unlock(spinlock_t *l)
{
	BUG_ON(!l->locked);
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

static inline void spin_lock(spinlock_t *l)
{
	preempt_disable();
	do_raw_spin_lock(l);
}

static inline void spin_unlock(spinlock_t *l)
{
	do_raw_spin_unlock(l);
	preempt_enable();
}

static inline bool spin_is_locked(spinlock_t *l)
{
	return __atomic_load_n(&l->locked, __ATOMIC_RELAXED);
}

#define spin_lock_irqsave(l, flags)					\
	do {								\
		(flags) = arch_local_irq_save();			\
		preempt_disable();					\
		do_raw_spin_lock(l);					\
	} while (0)

/* Interrupts come back before the preemption check, so a reschedule
 * that became due while the lock was held happens here. */
#define spin_unlock_irqrestore(l, flags)				\
	do {								\
		do_raw_spin_unlock(l);					\
		arch_local_irq_restore(flags);				\
		preempt_enable();					\
	} while (0)

static inline void spin_lock_irq(spinlock_t *l)
{
	arch_local_irq_disable();
	preempt_disable();
	do_raw_spin_lock(l);
}

static inline void spin_unlock_irq(spinlock_t *l)
{
	do_raw_spin_unlock(l);
	arch_local_irq_enable();
	preempt_enable();
}

#define lockdep_assert_held(l)	BUG_ON(!spin_is_locked(l))
/* For code that must run with interrupts off (the runqueue, switch_mm). */
#define lockdep_assert_irqs_disabled()	BUG_ON(!arch_irqs_disabled())

#endif
