// SPDX-License-Identifier: GPL-2.0
/*
 * struct pid and process groups on the kernel's own fork, exit and wait
 * (under ASan, so a reference dropped once too often is a report): a
 * fork inherits its parent's group and session; a group outlives its
 * leader and keeps its number while a member is left; the orphaned-group
 * test follows the parents.
 */
#include "harness.h"
#include "tasks.h"
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

static struct task_struct *proc;	/* the parent of every test's children */

/* set_pgrp - move process @p into the group @pgrp, as setpgid does. */
static void set_pgrp(struct task_struct *p, struct pid *pgrp)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	change_pid(p, PIDTYPE_PGID, pgrp);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* group_of - the group numbered @nr, and its first member (or NULL). */
static struct task_struct *group_of(pid_t nr, struct pid **pgrp)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	*pgrp = find_vpid(nr);
	p = *pgrp ? pid_task(*pgrp, PIDTYPE_PGID) : NULL;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;
}

/* finish - @t exits and @proc reaps it. */
static void finish(struct task_struct *t)
{
	task_exit(t, 0);
	reap(proc, NULL);
}

static int test_fork_inherits_group_and_session(void)
{
	struct task_struct *c = fork_task();

	EXPECT(c && task_pgrp(c) == task_pgrp(proc) && task_session(c) == task_session(proc));
	EXPECT(task_tgid(c) == task_pid(c) && pid_nr(task_pid(c)) == c->pid);
	finish(c);
	return 0;
}

static int test_group_outlives_its_leader(void)
{
	struct task_struct *a = fork_task(), *b = fork_task(), *m;
	struct pid *pgrp;
	pid_t nr;

	EXPECT(a && b);
	nr = a->pid;
	set_pgrp(a, task_pid(a));
	set_pgrp(b, task_pid(a));
	EXPECT(group_of(nr, &pgrp) == a, "a leads its group");
	finish(a);
	m = group_of(nr, &pgrp);
	EXPECT(pgrp && m == b, "the group is still there with its number");
	set_pgrp(b, task_pgrp(proc));
	EXPECT(!group_of(nr, &pgrp) && !pgrp, "empty: the number is free");
	finish(b);
	return 0;
}

static int test_orphaned_group(void)
{
	struct task_struct *c = fork_task();
	unsigned long flags;
	bool orphaned;

	EXPECT(c);
	set_pgrp(c, task_pid(c));
	/* c's parent is in another group of the same session: not orphaned,
	 * unless the parent is not counted */
	spin_lock_irqsave(&tasklist_lock, flags);
	orphaned = will_become_orphaned_pgrp(task_pgrp(c), NULL);
	EXPECT(!orphaned || is_global_init(proc), "linked through its parent");
	EXPECT(will_become_orphaned_pgrp(task_pgrp(c), c), "without c: nobody left");
	spin_unlock_irqrestore(&tasklist_lock, flags);
	finish(c);
	return 0;
}

static void setup(void)
{
	proc = spawn(false);
	run(proc);
	if (become_process())
		panic("cannot make the test process");
}

static const struct htest tests[] = {
	HTEST(test_fork_inherits_group_and_session),
	HTEST(test_group_outlives_its_leader),
	HTEST(test_orphaned_group),
};

int main(void)
{
	return hosted_main_setup(tests, sizeof(tests) / sizeof(tests[0]), 32UL << 20, setup);
}
