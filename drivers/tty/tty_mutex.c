// SPDX-License-Identifier: GPL-2.0
/*
 * The tty lock (Linux's drivers/tty/tty_mutex.c): a sleeping lock per
 * tty that serializes a hangup with the opens and TIOCSCTTYs that could
 * make the tty a session's terminal meanwhile (a hangup clears the
 * session only at its end). Linux's is a mutex; mmos's sleeping lock is
 * the rw_semaphore, taken for writing only. Outermost of the tty's
 * locks: tasklist_lock, siglock, files_lock, termios_lock and ctrl.lock
 * may be taken inside it; it is never taken inside any of them.
 */
#include <linux/kernel.h>
#include <linux/rwsem.h>
#include <linux/tty.h>

/* tty_lock - take @tty's lock; may sleep (process context only). */
void tty_lock(struct tty_struct *tty)
{
	down_write(&tty->legacy_mutex);
}

/* tty_unlock - give back the lock tty_lock() took. */
void tty_unlock(struct tty_struct *tty)
{
	up_write(&tty->legacy_mutex);
}
