// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler: preemptive round robin over one runqueue per CPU.
 *
 * The runqueue holds every runnable task but the idle task; the running
 * task stays on it. A task that gives up the CPU while still runnable
 * goes to the tail. The timer tick takes a time slice from the running
 * task and asks for a reschedule when it is used up; the reschedule
 * happens on the way out of the interrupt if the interrupted code may be
 * preempted (preempt_count 0, interrupts on), or at the next
 * preempt_enable(). The runqueue is touched only with interrupts off
 * (one CPU; SMP would add its lock).
 */
#include <linux/arch.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/kernel.h>
#include <linux/mmu_context.h>
#include <linux/sched.h>
#include <linux/kernel_stat.h>
#include <linux/sched/mm.h>
#include <linux/sched/cputime.h>
#include <linux/sched/loadavg.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/signal.h>
#include <linux/vm_event.h>
#include <asm/irqflags.h>
#include <asm/switch_to.h>
#include <linux/uaccess.h>

#define SCHED_SLICE	5	/* ticks: 50 ms at HZ=100, at nice 0 */

/* Linux's CFS weights per nice level (sched_prio_to_weight[]): nice 0
 * is 1024, each level about 1.25 times the next. */
static const int sched_prio_to_weight[40] = {
	88761, 71755, 56483, 46273, 36291, 29154, 23254, 18705, 14949, 11916,
	9548, 7620, 6100, 4904, 3906, 3121, 2501, 1991, 1586, 1277,
	1024, 820, 655, 526, 423, 335, 272, 215, 172, 137,
	110, 87, 70, 56, 45, 36, 29, 23, 18, 15,
};

/* task_timeslice - @p's slice in ticks: SCHED_SLICE scaled by its nice
 * level's weight, at least one tick. Round robin with slices in the
 * weights' ratio gives each runnable task about the CPU share CFS
 * would (to within the one-tick floor at nice 19). */
static unsigned int task_timeslice(const struct task_struct *p)
{
	unsigned int w = sched_prio_to_weight[task_nice(p) - MIN_NICE];

	return max(1u, SCHED_SLICE * w / 1024);
}

struct rq {
	struct list_head queue;		/* runnable tasks but idle */
	unsigned long nr_running;
	struct task_struct *curr, *idle;
	struct mm_struct *prev_mm;	/* a borrowed mm to drop after a switch */
};

static struct rq runqueues[NR_CPUS];

static struct rq *this_rq(void)
{
	return &runqueues[smp_processor_id()];
}

/* nr_running - the runnable tasks (/proc/stat's procs_running and
 * loadavg's), read without the lock as Linux's. */
unsigned long nr_running(void)
{
	return READ_ONCE(this_rq()->nr_running);
}

/* <linux/preempt.h>: this CPU's preemption count and reschedule flag */
int __preempt_count;
bool __need_resched;

static void resched_curr(struct rq *rq)
{
	WRITE_ONCE(__need_resched, true);
}


/* enqueue_task/dequeue_task - @p joins (leaves) the runnable queue.
 * Interrupts off: that is the runqueue's lock on one CPU. */
static void enqueue_task(struct rq *rq, struct task_struct *p)
{
	lockdep_assert_irqs_disabled();
	list_add_tail(&p->run_list, &rq->queue);
	p->on_rq = 1;
	rq->nr_running++;
}

static void dequeue_task(struct rq *rq, struct task_struct *p)
{
	lockdep_assert_irqs_disabled();
	list_del(&p->run_list);
	p->on_rq = 0;
	rq->nr_running--;
}

/* The next task to run: the head of the queue, or idle. */
static struct task_struct *pick_next_task(struct rq *rq)
{
	if (list_empty(&rq->queue))
		return rq->idle;
	return list_first_entry(&rq->queue, struct task_struct, run_list);
}

/*
 * finish_task_switch - the first thing a task does once it runs again
 * (or for the first time, via schedule_tail). Drops the mm that the
 * previous task borrowed, if a kernel->user switch left one, and the
 * last reference to @prev if it was dead. Interrupts off.
 */
static void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_rq();
	struct mm_struct *mm = rq->prev_mm;
	long prev_state = READ_ONCE(prev->__state);

	rq->prev_mm = NULL;
#ifdef CONFIG_DEBUG_VM
	check_mm_invariants(current);
#endif
	if (mm)
		mmdrop(mm);
	if (prev_state == TASK_DEAD) {
		put_task_struct(prev);
		atomic_dec(&nr_exiting_tasks);
	}
}

/*
 * context_switch - switch the address space, then the registers.
 *
 *   prev -> next      what happens to the mm
 *   kernel -> kernel  no CR3 write; next->active_mm = prev->active_mm,
 *                     and the reference moves with it
 *                     (prev->active_mm = NULL)
 *   user -> kernel    no CR3 write; next->active_mm = prev->active_mm,
 *                     mmgrab()ed; the CPU enters lazy TLB mode
 *   kernel -> user    switch_mm(prev->active_mm, next->mm); the borrowed
 *                     mm is mmdrop()ed after the switch, in
 *                     finish_task_switch()
 *   user -> user      switch_mm(prev->mm, next->mm): CR3 is written only
 *                     if they differ (threads of one process share it)
 *
 * "kernel" means mm == NULL: a kernel thread, or a task past exit_mm().
 * Interrupts off. Returns in the context of next, once prev runs again.
 */
static void context_switch(struct rq *rq, struct task_struct *prev,
			   struct task_struct *next)
{
	if (!next->mm) {				/* to kernel */
		enter_lazy_tlb(prev->active_mm, next);
		next->active_mm = prev->active_mm;
		if (prev->mm)				/* from user */
			mmgrab(prev->active_mm);
		else
			prev->active_mm = NULL;
	} else {					/* to user */
		if (prev->mm && prev->mm == next->mm)
			count_vm_event(SWITCH_MM_SAME);
		switch_mm_irqs_off(prev->active_mm, next->mm, next);
		if (!prev->mm) {			/* from kernel */
			rq->prev_mm = prev->active_mm;
			prev->active_mm = NULL;
		}
	}
	switch_to(prev, next, prev);
	finish_task_switch(prev);
}

/*
 * __schedule - pick the next task and switch to it. Interrupts off.
 * A task that blocks (state not TASK_RUNNING) leaves the runqueue, but
 * not when it is @preempt'ed: it may be between set_current_state() and
 * its schedule(), and must get to run that schedule() itself.
 */
static void __schedule(bool preempt)
{
	struct rq *rq = this_rq();
	struct task_struct *prev = rq->curr, *next;

	lockdep_assert_irqs_disabled();
	if (unlikely(__preempt_count))
		panic("scheduling while atomic: %s/%d preempt_count %d",
		      prev->comm, prev->pid, __preempt_count);
	__need_resched = false;
	/* an interruptible sleep with a signal already pending does not
	 * start (Linux's signal_pending_state): the sleeper sees it at once */
	if (!preempt && signal_pending_state(READ_ONCE(prev->__state), prev))
		prev->__state = TASK_RUNNING;
	if (!is_idle_task(prev) && prev->on_rq) {
		dequeue_task(rq, prev);
		if (preempt || READ_ONCE(prev->__state) == TASK_RUNNING)
			enqueue_task(rq, prev);
	}
	next = pick_next_task(rq);
	if (next == prev)
		return;
	/* a switch is voluntary when prev blocked (Linux's nvcsw) */
	account_switch(prev, next, !preempt && READ_ONCE(prev->__state) != TASK_RUNNING);
	rq->curr = next;
	next->time_slice = task_timeslice(next);
	count_vm_event(CONTEXT_SWITCH);
	context_switch(rq, prev, next);
}

void schedule(void)
{
	unsigned long flags = arch_local_irq_save();

	__schedule(false);
	arch_local_irq_restore(flags);
}

/* preempt_schedule_irq - preemption on the way out of an interrupt,
 * which runs with interrupts off. */
void preempt_schedule_irq(void)
{
	do {
		__schedule(true);
	} while (need_resched());
}

/* preempt_schedule - called by preempt_enable() when a reschedule came
 * due inside a preempt-disabled section. */
void preempt_schedule(void)
{
	unsigned long flags;

	if (arch_irqs_disabled() || preempt_count())
		return;
	flags = arch_local_irq_save();
	__schedule(true);
	arch_local_irq_restore(flags);
}

/*
 * cond_resched - a preemption point for a loop that can run long in
 * process context (a range walk over page tables): schedule now if a
 * reschedule is due. The timer preempts kernel code anyway wherever
 * preempt_count is 0, so this only shortens the wait for the next
 * tick; it must never be called inside a spinlock, which is checked.
 */
void cond_resched(void)
{
	if (WARN_ON_ONCE(preempt_count()))
		return;
	if (need_resched())
		preempt_schedule();
}

void yield(void)
{
	schedule();
}

/* set_user_nice - @p's nice becomes @nice (MIN_NICE..MAX_NICE); its
 * next slice has the new length. Interrupts off (the runqueue's lock). */
void set_user_nice(struct task_struct *p, long nice)
{
	lockdep_assert_irqs_disabled();
	p->static_prio = NICE_TO_PRIO(nice);
}

/* schedule_tail - first code of a new task (ret_from_fork). */
void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	arch_local_irq_enable();
	if (current->set_child_tid)	/* CLONE_CHILD_SETTID, in the child's mm */
		put_user(current->pid, current->set_child_tid);
}

/*
 * wake_up_state - make @p runnable if it sleeps in a state that has a
 * bit of @state (TASK_NORMAL: the ordinary sleeps; __TASK_STOPPED: a
 * stop; TASK_WAKEKILL: any sleep SIGKILL ends). Returns 1 if it was
 * sleeping so, 0 if it was running or queued or sleeps otherwise.
 */
int wake_up_state(struct task_struct *p, unsigned int state)
{
	unsigned long flags = arch_local_irq_save();
	struct rq *rq = this_rq();
	int woke = 0;

	if (READ_ONCE(p->__state) & state) {
		WRITE_ONCE(p->__state, TASK_RUNNING);
		woke = 1;
	}
	if (woke && !p->on_rq) {
		enqueue_task(rq, p);
		if (is_idle_task(rq->curr))
			resched_curr(rq);
	}
	arch_local_irq_restore(flags);
	return woke;
}

/* wake_up_process - end an ordinary sleep of @p (not a stop). Returns 1
 * if it was sleeping. */
int wake_up_process(struct task_struct *p)
{
	return wake_up_state(p, TASK_NORMAL);
}

/* wake_up_new_task - first wake-up of a task from copy_process. */
void wake_up_new_task(struct task_struct *p)
{
	unsigned long flags = arch_local_irq_save();
	struct rq *rq = this_rq();

	WRITE_ONCE(p->__state, TASK_RUNNING);
	p->time_slice = task_timeslice(p);
	enqueue_task(rq, p);
	if (is_idle_task(rq->curr))
		resched_curr(rq);
	arch_local_irq_restore(flags);
}

/* scheduler_tick - from the timer interrupt. */
void scheduler_tick(void)
{
	struct rq *rq = this_rq();
	struct task_struct *curr = rq->curr;

	calc_global_load_tick(rq->nr_running);
	if (is_idle_task(curr)) {
		if (rq->nr_running)
			resched_curr(rq);
		return;
	}
	if (curr->time_slice && --curr->time_slice)
		return;
	curr->time_slice = task_timeslice(curr);
	if (rq->nr_running > 1)
		resched_curr(rq);
}

/*
 * sched_init - the runqueue, with init_task as this CPU's idle task.
 * init_task runs on init_mm lazily, like every kernel thread; that lazy
 * reference is taken here, as in Linux, so that the first exec's
 * mmdrop() of a borrowed init_mm leaves init_mm's own count alone.
 */
void sched_init(void)
{
	struct rq *rq = this_rq();

	INIT_LIST_HEAD(&rq->queue);
	rq->curr = rq->idle = &init_task;
	mmgrab(&init_mm);
	cpumask_set_cpu(smp_processor_id(), &init_mm.cpu_bitmap);
	enter_lazy_tlb(&init_mm, &init_task);
}


/* cpu_startup_entry - the idle loop; init_task ends up here. */
void cpu_startup_entry(void)
{
	for (;;) {
		arch_local_irq_disable();
		if (!need_resched())
			arch_cpu_idle();	/* sti; hlt: sleeps until an interrupt */
		else
			arch_local_irq_enable();
		if (need_resched())
			schedule();
	}
}

/*
 * drop_lazy_mm - a kernel thread gives back the mm it borrowed and runs
 * on init_mm, as Linux's idle_task_exit() does. A borrowed mm otherwise
 * lives until the next switch to a user task; the self-tests call this
 * so that their page counts compare like with like.
 */
void drop_lazy_mm(void)
{
	struct task_struct *tsk = current;
	struct mm_struct *mm;
	unsigned long flags;

	BUG_ON(tsk->mm);
	mmgrab(&init_mm);
	flags = arch_local_irq_save();	/* a switch would move active_mm */
	mm = tsk->active_mm;
	if (mm == &init_mm) {
		arch_local_irq_restore(flags);
		mmdrop(&init_mm);
		return;
	}
	tsk->active_mm = &init_mm;
	switch_mm_irqs_off(mm, &init_mm, tsk);
	enter_lazy_tlb(&init_mm, tsk);
	arch_local_irq_restore(flags);
	mmdrop(mm);
}

/* ---- the scheduling syscalls ----------------------------------------- */

SYSCALL_DEFINE0(sched_yield)
{
	yield();
	return 0;
}

/* The CPUs there are (one), and the size of a cpumask as the
 * affinity calls copy it: whole longs, as Linux's cpumask_size(). */
#define nr_cpu_ids		1
#define cpu_active_mask_bits	1UL
#define CPUMASK_SIZE		sizeof(unsigned long)

/* check_same_owner - may current change @p's scheduling: the same
 * effective user as @p's real or effective one, or CAP_SYS_NICE. */
static bool check_same_owner(struct task_struct *p)
{
	const struct cred *cred = current_cred(), *pcred = get_task_cred(p);
	bool match = uid_eq(cred->euid, pcred->euid) || uid_eq(cred->euid, pcred->uid);

	put_cred(pcred);
	return match || capable(CAP_SYS_NICE);
}

/* find_process_by_pid - @pid's task (0: current) with a reference, or
 * NULL. */
static struct task_struct *find_process_by_pid(pid_t pid)
{
	if (!pid) {
		get_task_struct(current);
		return current;
	}
	return find_get_task_by_pid(pid);
}

/*
 * sched_setaffinity - the CPUs @pid may run on. A mask shorter than
 * the kernel's is zero-extended, a longer one cut; one that holds no
 * CPU there is (CPU 0) is -EINVAL, after -EFAULT, -ESRCH and -EPERM,
 * in Linux's order. On one CPU a task's allowed set is always {0}, so
 * nothing is stored.
 */
SYSCALL_DEFINE3(sched_setaffinity, pid_t, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	unsigned long mask = 0;
	struct task_struct *p;
	long ret = 0;

	if (copy_from_user(&mask, user_mask_ptr, min(len, (unsigned int)CPUMASK_SIZE)))
		return -EFAULT;
	p = find_process_by_pid(pid);
	if (!p)
		return -ESRCH;
	if (!check_same_owner(p))
		ret = -EPERM;
	else if (!(mask & cpu_active_mask_bits))
		ret = -EINVAL;
	put_task_struct(p);
	return ret;
}

/*
 * sched_getaffinity - @pid's allowed CPUs (CPU 0), into @len bytes
 * that must hold a bit per CPU and be whole longs (-EINVAL). Returns
 * the bytes written: the kernel's mask size, or @len if smaller.
 */
SYSCALL_DEFINE3(sched_getaffinity, pid_t, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	unsigned long mask = cpu_active_mask_bits;
	unsigned int retlen = min(len, (unsigned int)CPUMASK_SIZE);
	struct task_struct *p;

	if ((u64)len * 8 < nr_cpu_ids)
		return -EINVAL;
	if (len & (sizeof(unsigned long) - 1))
		return -EINVAL;
	p = find_process_by_pid(pid);
	if (!p)
		return -ESRCH;
	put_task_struct(p);
	return copy_to_user(user_mask_ptr, &mask, retlen) ? -EFAULT : (long)retlen;
}
