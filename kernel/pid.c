// SPDX-License-Identifier: GPL-2.0
/*
 * PID numbers and struct pid (<linux/pid.h>). Numbers come from a bitmap
 * of PID_MAX_LIMIT bits: new ones go upwards from the last one given,
 * below pid_max, and wrap to RESERVED_PIDS, as in Linux, so a number is not reused soon
 * after its task is gone. PID 0 is the idle task's; 1 and 2 go to
 * kernel_init and kthreadd at boot.
 *
 * A struct pid lives while it is referenced: by the number being in use
 * (from alloc_pid() until the last task leaves its lists, free_pid()),
 * by task->thread_pid and by signal->pids[]. Linux finds a number's
 * struct pid in an idr; mmos walks the task list instead (find_vpid),
 * which the few callers (kill, setpgid, wait) can afford.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/pid.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/sched.h>

#define BITS_PER_LONG	64

/* kernel/pid_max: written by the sysctl alone, read without a lock (a
 * number lowered while a pid is being found takes effect from the next) */
int pid_max = PID_MAX_DEFAULT;
const int pid_max_min = RESERVED_PIDS + 1, pid_max_max = PID_MAX_LIMIT;

/* pidmap_lock must be held when using these: */
static unsigned long pidmap[PID_MAX_LIMIT / BITS_PER_LONG] = { 1 };	/* pid 0 */
static int last_pid;
static DEFINE_SPINLOCK(pidmap_lock);

/* init_task's pid: never freed (init_task never leaves its lists). */
struct pid init_struct_pid = {
	.count = ATOMIC_INIT(1),
	.nr = 0,
};

/* pid_test_and_set - take number @pid if it is free; returns whether it
 * was taken already. pidmap_lock held. */
static bool pid_test_and_set(int pid)
{
	unsigned long bit = 1UL << (pid % BITS_PER_LONG);
	unsigned long *w = &pidmap[pid / BITS_PER_LONG];

	if (*w & bit)
		return true;
	*w |= bit;
	return false;
}

/* alloc_pidmap - a free number, or -EAGAIN when all are taken. */
static int alloc_pidmap(void)
{
	unsigned long flags;
	int pid = -EAGAIN;

	int max = READ_ONCE(pid_max);

	spin_lock_irqsave(&pidmap_lock, flags);
	for (int n = 0, cand = last_pid + 1; n < max; n++, cand++) {
		if (cand >= max)
			cand = last_pid >= RESERVED_PIDS ? RESERVED_PIDS : 1;
		if (!pid_test_and_set(cand)) {
			pid = last_pid = cand;
			break;
		}
	}
	spin_unlock_irqrestore(&pidmap_lock, flags);
	return pid;
}

/*
 * alloc_pid - a struct pid with a fresh number and no tasks; its one
 * reference is the number's, dropped by free_pid(). Returns it, or
 * ERR_PTR(-ENOMEM / -EAGAIN).
 */
struct pid *alloc_pid(void)
{
	struct pid *pid = kmalloc(sizeof(*pid), GFP_KERNEL);
	int nr;

	if (!pid)
		return ERR_PTR(-ENOMEM);
	nr = alloc_pidmap();
	if (nr < 0) {
		kfree(pid);
		return ERR_PTR(nr);
	}
	atomic_set(&pid->count, 1);
	pid->nr = nr;
	for (int t = 0; t < PIDTYPE_MAX; t++)
		INIT_LIST_HEAD(&pid->tasks[t]);
	return pid;
}

/* put_pid - drop a reference; the last one frees the struct. */
void put_pid(struct pid *pid)
{
	if (pid && atomic_dec_and_test(&pid->count)) {
		BUG_ON(pid == &init_struct_pid);
		kfree(pid);
	}
}

/* free_pid - @pid's number is no longer used by any task: give it back
 * and drop the number's reference. */
void free_pid(struct pid *pid)
{
	unsigned long flags;

	BUG_ON(pid->nr <= 0 || pid->nr >= PID_MAX_LIMIT);
	spin_lock_irqsave(&pidmap_lock, flags);
	pidmap[pid->nr / BITS_PER_LONG] &= ~(1UL << (pid->nr % BITS_PER_LONG));
	spin_unlock_irqrestore(&pidmap_lock, flags);
	put_pid(pid);
}

/* task_pid_ptr - where @task keeps its pid of @type: its own for
 * PIDTYPE_PID, its process's (signal->pids) for the others. */
static struct pid **task_pid_ptr(struct task_struct *task, enum pid_type type)
{
	return type == PIDTYPE_PID ? &task->thread_pid : &task->signal->pids[type];
}

/* init_task_pid_links - put init_task on init_struct_pid's lists, in
 * every role (fork_init, before any other task exists). */
void init_task_pid_links(void)
{
	for (int t = 0; t < PIDTYPE_MAX; t++) {
		INIT_LIST_HEAD(&init_struct_pid.tasks[t]);
		list_add(&init_task.pid_links[t], &init_struct_pid.tasks[t]);
	}
}

/* attach_pid - put @task on the list of the pid it holds for @type.
 * tasklist_lock held. */
void attach_pid(struct task_struct *task, enum pid_type type)
{
	lockdep_assert_held(&tasklist_lock);
	list_add_tail(&task->pid_links[type], &(*task_pid_ptr(task, type))->tasks[type]);
}

/* pid_unused - no task uses @pid in any role. */
static bool pid_unused(const struct pid *pid)
{
	for (int t = 0; t < PIDTYPE_MAX; t++)
		if (!list_empty(&pid->tasks[t]))
			return false;
	return true;
}

/*
 * __change_pid - take @task off its pid's @type list and make @new (which
 * may be NULL: the task is going) its pid of that type; the old pid's
 * number is freed if nobody uses it now. tasklist_lock held. The
 * references of the task's pointers move with them: the caller gives one
 * on @new, and the old pointer's is dropped here unless it is
 * signal->pids[] (put when the signal_struct goes).
 */
static void __change_pid(struct task_struct *task, enum pid_type type, struct pid *new)
{
	struct pid **pp = task_pid_ptr(task, type), *pid = *pp;

	lockdep_assert_held(&tasklist_lock);
	list_del_init(&task->pid_links[type]);
	if (new)
		*pp = new;
	if (pid_unused(pid))
		free_pid(pid);
	if (new && type != PIDTYPE_PID)
		put_pid(pid);
}

/* detach_pid - @task leaves the @type list of its pid (release_task). */
void detach_pid(struct task_struct *task, enum pid_type type)
{
	__change_pid(task, type, NULL);
}

/* change_pid - @task moves to @pid's @type list (setpgid, setsid);
 * takes its own reference on @pid. tasklist_lock held. */
void change_pid(struct task_struct *task, enum pid_type type, struct pid *pid)
{
	__change_pid(task, type, get_pid(pid));
	attach_pid(task, type);
}

/* exchange_tids - @left and @right swap their own pids (exec in a thread
 * that is not the leader takes the leader's, de_thread). tasklist_lock
 * held. */
void exchange_tids(struct task_struct *left, struct task_struct *right)
{
	struct pid *l = left->thread_pid;

	lockdep_assert_held(&tasklist_lock);
	list_del(&left->pid_links[PIDTYPE_PID]);
	list_del(&right->pid_links[PIDTYPE_PID]);
	left->thread_pid = right->thread_pid;
	right->thread_pid = l;
	attach_pid(left, PIDTYPE_PID);
	attach_pid(right, PIDTYPE_PID);
}

/* transfer_pid - @new takes @old's place on its process's @type list
 * (the pid is the same signal->pids[] entry). tasklist_lock held. */
void transfer_pid(struct task_struct *old, struct task_struct *new,
		  enum pid_type type)
{
	lockdep_assert_held(&tasklist_lock);
	list_del_init(&old->pid_links[type]);
	attach_pid(new, type);
}

/* pid_task - the first task on @pid's @type list, or NULL.
 * tasklist_lock held. */
struct task_struct *pid_task(struct pid *pid, enum pid_type type)
{
	lockdep_assert_held(&tasklist_lock);
	if (!pid || list_empty(&pid->tasks[type]))
		return NULL;
	return list_first_entry(&pid->tasks[type], struct task_struct, pid_links[type]);
}

/*
 * find_vpid - the struct pid of number @nr if a task uses it in any role
 * (its own, its process's, its group's or session's), else NULL.
 * tasklist_lock held, which keeps the pid alive while it is used.
 */
struct pid *find_vpid(pid_t nr)
{
	struct task_struct *p;

	lockdep_assert_held(&tasklist_lock);
	if (nr <= 0)
		return NULL;
	list_for_each_entry(p, &tasklist, tasks)
		for (int t = 0; t < PIDTYPE_MAX; t++) {
			struct pid *pid = *task_pid_ptr(p, t);

			if (pid->nr == nr && !list_empty(&pid->tasks[t]))
				return pid;
		}
	return NULL;
}
