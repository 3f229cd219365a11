// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel threads, Linux's way: kthread_create() asks kthreadd (PID 2) to
 * make the thread, which starts in kthread(), sleeps until woken, then
 * runs its function. Every kernel thread has mm == NULL and borrows the
 * address space of whoever ran before it; kthread_use_mm() is the one
 * way for it to work on a process's memory.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/kthread.h>
#include <linux/mmu_context.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/wait.h>
#include <asm/irqflags.h>

struct kthread {
	int (*threadfn)(void *);
	void *data;
	bool should_stop;
	int result;
	struct completion exited;
	struct mm_struct *used_mm;	/* between kthread_use/unuse_mm */
};

struct kthread_create_info {
	int (*threadfn)(void *);
	void *data;
	char name[TASK_COMM_LEN];
	struct task_struct *result;
	struct completion done;
	struct list_head list;
};

struct task_struct *kthreadd_task;
static LIST_HEAD(kthread_create_list);		/* kthread_create_lock */
static DEFINE_SPINLOCK(kthread_create_lock);

void free_kthread_struct(struct task_struct *p)
{
	kfree(p->kthread);
	p->kthread = NULL;
}

bool kthread_uses_mm(const struct task_struct *tsk)
{
	return tsk->kthread && tsk->kthread->used_mm == tsk->mm;
}

bool kthread_should_stop(void)
{
	return current->kthread && READ_ONCE(current->kthread->should_stop);
}

/* kthread - the start of every kthread_create()d thread. */
static int kthread(void *_create)
{
	struct kthread_create_info *create = _create;
	struct kthread *self = kzalloc(sizeof(*self), GFP_KERNEL);
	int ret = -ENOMEM;

	if (!self) {
		create->result = NULL;	/* the creator sees the failure */
		complete(&create->done);
		do_exit(ret);
	}
	self->threadfn = create->threadfn;
	self->data = create->data;
	init_completion(&self->exited);
	current->kthread = self;
	/* Sleep until the creator wakes us (kthread_run/wake_up_process). */
	__set_current_state(TASK_UNINTERRUPTIBLE);
	create->result = current;
	complete(&create->done);
	schedule();
	ret = -EINTR;	/* stopped before it ran */
	if (!READ_ONCE(self->should_stop))
		ret = self->threadfn(self->data);
	WARN_ON((current->flags & PF_KTHREAD) && current->mm);	/* no kthread_unuse_mm() */
	self->result = ret;
	complete(&self->exited);
	do_exit(ret);
}

static void create_kthread(struct kthread_create_info *create)
{
	pid_t pid = kernel_thread(kthread, create, create->name, CLONE_FS);

	if (pid < 0) {
		create->result = NULL;
		complete(&create->done);
	}
}

/* kthreadd - PID 2: makes the kernel threads others ask for. */
int kthreadd(void *unused)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (list_empty(&kthread_create_list))
			schedule();
		__set_current_state(TASK_RUNNING);
		spin_lock(&kthread_create_lock);
		while (!list_empty(&kthread_create_list)) {
			struct kthread_create_info *create =
				list_first_entry(&kthread_create_list,
						 struct kthread_create_info, list);

			list_del(&create->list);
			spin_unlock(&kthread_create_lock);
			create_kthread(create);
			spin_lock(&kthread_create_lock);
		}
		spin_unlock(&kthread_create_lock);
	}
	return 0;
}

struct task_struct *kthread_create(int (*fn)(void *data), void *data,
				   const char *name)
{
	struct kthread_create_info *create = kzalloc(sizeof(*create), GFP_KERNEL);
	struct task_struct *task;

	if (!create)
		return NULL;
	create->threadfn = fn;
	create->data = data;
	strscpy(create->name, name, sizeof(create->name));
	init_completion(&create->done);
	spin_lock(&kthread_create_lock);
	list_add_tail(&create->list, &kthread_create_list);
	spin_unlock(&kthread_create_lock);
	wake_up_process(kthreadd_task);
	wait_for_completion(&create->done);
	task = create->result;
	kfree(create);
	return task;
}

struct task_struct *kthread_run(int (*fn)(void *data), void *data,
				const char *name)
{
	struct task_struct *k = kthread_create(fn, data, name);

	if (k)
		wake_up_process(k);
	return k;
}

/*
 * kthread_stop - ask @k to stop (kthread_should_stop() turns true), wake
 * it, and wait until its function returned. Returns that result. @k must
 * still exist: a thread that may return on its own must be held with
 * get_task_struct() (see kthread_stop_put()).
 */
int kthread_stop(struct task_struct *k)
{
	struct kthread *kt = k->kthread;
	int ret;

	get_task_struct(k);
	WRITE_ONCE(kt->should_stop, true);
	wake_up_process(k);
	wait_for_completion(&kt->exited);
	ret = kt->result;
	put_task_struct(k);
	return ret;
}

/* kthread_stop_put - kthread_stop() and drop the reference the caller
 * took (get_task_struct) so that @k could not vanish by exiting first. */
int kthread_stop_put(struct task_struct *k)
{
	int ret = kthread_stop(k);

	put_task_struct(k);
	return ret;
}

/*
 * kthread_use_mm - let the current kernel thread work on @mm (the caller
 * holds an mm_users reference). The mm becomes its mm and active_mm and
 * is loaded (one CR3 write unless it was the borrowed one already); the
 * previously borrowed mm is dropped.
 */
void kthread_use_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *active_mm;
	unsigned long flags;

	WARN_ON_ONCE(!(tsk->flags & PF_KTHREAD) || !tsk->kthread);
	WARN_ON_ONCE(tsk->mm);
	mmgrab(mm);
	flags = arch_local_irq_save();
	active_mm = tsk->active_mm;
	tsk->active_mm = mm;
	tsk->mm = mm;
	tsk->kthread->used_mm = mm;
	switch_mm_irqs_off(active_mm, mm, tsk);
	arch_local_irq_restore(flags);
	mmdrop(active_mm);
}

/*
 * kthread_unuse_mm - back to a plain kernel thread. @mm stays loaded as
 * the lazy active_mm (with the reference kthread_use_mm took): no CR3
 * write until something else is switched in.
 */
void kthread_unuse_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	unsigned long flags;

	WARN_ON_ONCE(tsk->mm != mm);
	flags = arch_local_irq_save();
	tsk->mm = NULL;
	tsk->kthread->used_mm = NULL;
	enter_lazy_tlb(mm, tsk);
	arch_local_irq_restore(flags);
}
