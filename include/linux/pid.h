/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Process IDs (kernel/pid.c). A number is a pid_t; a struct pid is the
 * kernel's handle on it, as in Linux: one per number in use, with a list
 * of the tasks that use it in each role (enum pid_type). Every task is
 * on its own pid's PIDTYPE_PID list; a thread group's leader is also on
 * the lists of its process's TGID, process group and session, so that
 * "every process of group G" is a walk of G's PIDTYPE_PGID list.
 *
 * A number stays taken while any task is on any of its lists: a process
 * group outlives its leader, and its number is not given to a new task
 * meanwhile (Linux's rule).
 */
#ifndef _LINUX_PID_H
#define _LINUX_PID_H

#include <linux/atomic.h>
#include <linux/list.h>

typedef int pid_t;

/* pids are 1 .. pid_max - 1 (/proc/sys/kernel/pid_max, PID_MAX_DEFAULT
 * at boot). PID_MAX_LIMIT, the most pid_max may be, is Linux's for a
 * CONFIG_BASE_SMALL kernel (a 64-bit one allows 4M): the pid bitmap is
 * static and that size. */
#define PID_MAX_DEFAULT	32768
#define PID_MAX_LIMIT	32768
#define RESERVED_PIDS	300	/* a wrap starts again above these */
extern int pid_max;
extern const int pid_max_min, pid_max_max;

enum pid_type {
	PIDTYPE_PID,
	PIDTYPE_TGID,
	PIDTYPE_PGID,
	PIDTYPE_SID,
	PIDTYPE_MAX,
};

struct pid {
	atomic_t count;			/* get_pid/put_pid */
	int nr;
	/* tasklist_lock must be held when using these: */
	struct list_head tasks[PIDTYPE_MAX];	/* task->pid_links[type] */
};

extern struct pid init_struct_pid;	/* PID 0: init_task's, every role */

struct task_struct;

struct pid *alloc_pid(void);
void free_pid(struct pid *pid);
void put_pid(struct pid *pid);

/* get_pid - another reference on @pid (NULL allowed). Returns @pid. */
static inline struct pid *get_pid(struct pid *pid)
{
	if (pid)
		atomic_inc(&pid->count);
	return pid;
}

/* pid_nr - the number of @pid, 0 for none. */
static inline pid_t pid_nr(const struct pid *pid)
{
	return pid ? pid->nr : 0;
}

void init_task_pid_links(void);
void attach_pid(struct task_struct *task, enum pid_type type);
void detach_pid(struct task_struct *task, enum pid_type type);
void change_pid(struct task_struct *task, enum pid_type type, struct pid *pid);
void exchange_tids(struct task_struct *left, struct task_struct *right);
void transfer_pid(struct task_struct *old, struct task_struct *new,
		  enum pid_type type);
struct task_struct *pid_task(struct pid *pid, enum pid_type type);
struct pid *find_vpid(pid_t nr);

/*
 * for_each_pid_task - @task runs over the tasks of @pid in role @type
 * (for PGID and SID: the group leaders of its processes). tasklist_lock
 * held. Linux spells it do_each_pid_task/while_each_pid_task.
 */
#define for_each_pid_task(pid, type, task)				\
	list_for_each_entry(task, &(pid)->tasks[type], pid_links[type])

#endif
