/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Spinlocks. mmos runs one CPU today, but the locks are real (an atomic
 * exchange), so the lock discipline written in struct comments is
 * checked: lockdep_assert_held() BUG()s when the lock is not taken.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/kernel.h>
#include <asm/irqflags.h>
#include <asm/processor.h>

typedef struct {
	int locked;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name)	{ 0 }
#define DEFINE_SPINLOCK(name)	spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

static inline void spin_lock_init(spinlock_t *l)
{
	l->locked = 0;
}

static inline void spin_lock(spinlock_t *l)
{
	while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
		cpu_relax();
}

static inline void spin_unlock(spinlock_t *l)
{
	BUG_ON(!l->locked);
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

static inline bool spin_is_locked(spinlock_t *l)
{
	return __atomic_load_n(&l->locked, __ATOMIC_RELAXED);
}

#define spin_lock_irqsave(l, flags)					\
	do {								\
		(flags) = arch_local_irq_save();			\
		spin_lock(l);						\
	} while (0)

#define spin_unlock_irqrestore(l, flags)				\
	do {								\
		spin_unlock(l);						\
		arch_local_irq_restore(flags);				\
	} while (0)

#define lockdep_assert_held(l)	BUG_ON(!spin_is_locked(l))

#endif
