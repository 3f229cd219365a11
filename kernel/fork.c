// SPDX-License-Identifier: GPL-2.0
/*
 * Making tasks (kernel_clone -> copy_process -> copy_mm) and address
 * spaces (mm_alloc), and the lifetimes of both.
 */
#include <linux/arch.h>
#include <linux/kernel.h>
#include <linux/coredump.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/file.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/kernel_stat.h>
#include <linux/sched/mm.h>
#include <linux/sched/cputime.h>
#include <linux/timekeeping.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/vmstat.h>
#include <linux/wait.h>


static struct kmem_cache *task_struct_cachep, *mm_cachep, *signal_cachep;
struct kmem_cache *sighand_cachep;
DEFINE_SPINLOCK(tasklist_lock);
static unsigned long nr_threads = 1;	/* init_task; tasklist_lock */
static atomic_t live_mms;

void fork_init(void)
{
	task_struct_cachep = kmem_cache_create("task_struct",
					       sizeof(struct task_struct), 64);
	mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 64);
	signal_cachep = kmem_cache_create("signal_struct", sizeof(struct signal_struct), 8);
	sighand_cachep = kmem_cache_create("sighand_cache", sizeof(struct sighand_struct), 8);
	if (!task_struct_cachep || !mm_cachep || !signal_cachep || !sighand_cachep)
		panic("fork_init: out of memory");
	cred_init();
	init_task_pid_links();
}

/* tasks made since boot: tasklist_lock */
static unsigned long total_forks;

unsigned long nr_tasks(void)
{
	return READ_ONCE(nr_threads);
}

unsigned long nr_live_mms(void)
{
	return atomic_read(&live_mms);
}

/* ---- mm_struct ---------------------------------------------------- */

/*
 * mm_init - make @mm, zeroed or a copy of its parent's, an address space
 * of its own: no VMAs, its own locks, counts and statistics, on no CPU,
 * and a pgd whose kernel half is swapper_pg_dir's (pgd_alloc). What it
 * does not touch (the layout, mmap_base) stays as it
 * came. Returns @mm, or NULL (and @mm freed) when memory is out.
 */
static struct mm_struct *mm_init(struct mm_struct *mm)
{
	init_rwsem(&mm->mmap_lock);
	vma_tree_init(&mm->mm_mt);
	spin_lock_init(&mm->page_table_lock);
	spin_lock_init(&mm->arg_lock);
	atomic_set(&mm->mm_users, 1);
	atomic_set(&mm->mm_count, 1);
	memset(&mm->cpu_bitmap, 0, sizeof(mm->cpu_bitmap));
	for (int i = 0; i < NR_MM_COUNTERS; i++)
		atomic_long_set(&mm->rss_stat[i], 0);
	atomic_long_set(&mm->pgtables_bytes, 0);
	/* the VMAs inserted into it account themselves again */
	mm->total_vm = mm->data_vm = mm->exec_vm = mm->stack_vm = 0;
	mm->locked_vm = 0;
	mm->def_flags = 0;	/* mlockall(MCL_FUTURE) is not inherited */
	/* the dump bits are (Linux's MMF_INIT_MASK): from the mm of the
	 * task that forks or execs, or the defaults for the first one */
	mm->flags = current->mm ? READ_ONCE(current->mm->flags) &
		    (MMF_DUMPABLE_MASK | MMF_DUMP_FILTER_MASK) :
		    SUID_DUMP_USER | MMF_DUMP_FILTER_DEFAULT;
	mm->pgd = pgd_alloc(mm);
	if (!mm->pgd) {
		kmem_cache_free(mm_cachep, mm);
		return NULL;
	}
	atomic_inc(&live_mms);
	return mm;
}

/*
 * mm_alloc - a new, empty address space (exec): mm_users = 1,
 * mm_count = 1, the default mmap base. NULL when memory
 * is out.
 */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kmem_cache_zalloc(mm_cachep, GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->mmap_base = STACK_TOP - (128UL << 20) - STACK_GUARD_GAP;
	return mm_init(mm);
}

/*
 * __mmdrop - free an mm nobody references: its pgd and the struct. The
 * user half is gone already (__mmput). Freeing init_mm, or an mm still
 * loaded on this CPU, is a kernel bug.
 */
void __mmdrop(struct mm_struct *mm)
{
	BUG_ON(mm == &init_mm);
	BUG_ON(mm == current->active_mm);
	BUG_ON(!cpumask_empty(&mm->cpu_bitmap));
	pgd_free(mm, mm->pgd);
	kmem_cache_free(mm_cachep, mm);
	atomic_dec(&live_mms);
}

/* __mmput - the last user is gone: free the user address space, then
 * drop the users' shared mm_count. */
static void __mmput(struct mm_struct *mm)
{
	exit_mmap(mm);
	if (mm->exe_file)
		fput(mm->exe_file);
	mmdrop(mm);
}

void mmput(struct mm_struct *mm)
{
	if (atomic_dec_and_test(&mm->mm_users))
		__mmput(mm);
}

/*
 * mm_access - @task's mm with an mm_users reference, if current may
 * look at it in ptrace @mode (PTRACE_MODE_*): its own mm always,
 * another only when ptrace_may_access() allows (Linux's mm_access).
 * Returns the mm, NULL for a kernel thread or an exited task, or
 * ERR_PTR(-EACCES). (Linux also holds the exec_update_lock, so an exec
 * to a set-id program cannot slip between the check and the get; mmos
 * checks after getting the mm, so the mm is the one it checked for.)
 */
struct mm_struct *mm_access(struct task_struct *task, unsigned int mode)
{
	struct mm_struct *mm = get_task_mm(task);

	if (mm && mm != current->mm && !ptrace_may_access(task, mode)) {
		mmput(mm);
		return ERR_PTR(-EACCES);
	}
	return mm;
}

/* ---- task_struct --------------------------------------------------- */

void get_task_struct(struct task_struct *t)
{
	atomic_inc(&t->usage);
}

static void free_task(struct task_struct *t)
{
	if (t->signal)	/* unreachable: no sender finds it */
		flush_sigqueue(&t->pending, t->signal);
	if (t->signal)
		put_signal_struct(t->signal);
	if (t->sighand)
		__cleanup_sighand(t->sighand);
	exit_creds(t);
	put_pid(t->thread_pid);
	mod_node_page_state(NR_KERNEL_STACK_KB, -(long)(THREAD_SIZE >> 10));
	free_pages((unsigned long)t->stack, THREAD_SIZE_ORDER);
	free_kthread_struct(t);
	kmem_cache_free(task_struct_cachep, t);
}

/* put_task_struct - the last reference frees the stack and the struct.
 * A task holds one on itself until its final switch (TASK_DEAD), its
 * reaper one until release_task(). */
void put_task_struct(struct task_struct *t)
{
	if (atomic_dec_and_test(&t->usage)) {
		BUG_ON(t == current || t == &init_task);
		free_task(t);
	}
}

static struct task_struct *dup_task_struct(struct task_struct *orig)
{
	struct task_struct *tsk = kmem_cache_alloc(task_struct_cachep, GFP_KERNEL);
	void *stack;

	if (!tsk)
		return NULL;
	stack = (void *)__get_free_pages(GFP_KERNEL, THREAD_SIZE_ORDER);
	if (!stack) {
		kmem_cache_free(task_struct_cachep, tsk);
		return NULL;
	}
	mod_node_page_state(NR_KERNEL_STACK_KB, THREAD_SIZE >> 10);
	memcpy(tsk, orig, sizeof(*tsk));
	tsk->stack = stack;
	atomic_set(&tsk->usage, 2);
	tsk->on_rq = 0;
	tsk->kthread = NULL;
	tsk->signal = NULL;
	tsk->sighand = NULL;
	spin_lock_init(&tsk->alloc_lock);
	tsk->vfork_done = NULL;
	tsk->real_cred = tsk->cred = NULL;	/* copy_creds() makes them */
	tsk->set_child_tid = tsk->clear_child_tid = NULL;
	tsk->robust_list = NULL;	/* the new thread registers its own */
	init_sigpending(&tsk->pending);
	tsk->real_blocked = 0;
	tsk->restore_sigmask = false;
	tsk->jobctl = 0;
	tsk->pdeath_signal = 0;
	tsk->thread_pid = NULL;
	tsk->exit_state = tsk->exit_code = 0;
	tsk->utime = tsk->stime = tsk->sum_exec_runtime = 0;
	tsk->nvcsw = tsk->nivcsw = tsk->min_flt = tsk->maj_flt = 0;
	tsk->start_boottime = ktime_get_boottime_ns();
	tsk->prev_cputime.utime = tsk->prev_cputime.stime = 0;
	spin_lock_init(&tsk->prev_cputime.lock);
	INIT_LIST_HEAD(&tsk->children);
	INIT_LIST_HEAD(&tsk->run_list);
	for (int t = 0; t < PIDTYPE_MAX; t++)
		INIT_LIST_HEAD(&tsk->pid_links[t]);	/* on no list yet */
	return tsk;
}

/* dup_mmap - copy every VMA of @oldmm, and its page tables, into @mm,
 * as Linux's: a VM_DONTCOPY one (MADV_DONTFORK) is left out, a
 * VM_WIPEONFORK one is copied without its pages (the child faults in
 * zeroes). A VM_ACCOUNT VMA commits its size again, so under strict
 * overcommit a fork can be refused (-ENOMEM). oldmm's mmap_lock is
 * held for writing. */
static int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *vma, *new;
	int err;

	mmap_assert_write_locked(oldmm);
	mm_for_each_vma(oldmm, vma) {
		if (vma->vm_flags & VM_DONTCOPY)
			continue;
		if ((vma->vm_flags & VM_ACCOUNT) && !vm_enough_memory(oldmm, vma_pages(vma)))
			return -ENOMEM;
		new = vm_area_dup(vma, mm);
		if (!new)
			return -ENOMEM;
		new->vm_flags &= ~VM_LOCKED_MASK;	/* locks are not inherited */
		err = insert_vm_struct(mm, new);
		if (err) {
			vm_area_free(new);
			return err;
		}
		if (vma->vm_flags & VM_WIPEONFORK)
			continue;
		err = copy_page_range(mm, vma);
		if (err)
			return err;
	}
	return 0;
}

/*
 * dup_mm - fork's copy of current's address space: the same layout and
 * VMAs, the page tables copied with private writable pages shared
 * copy-on-write. The struct is copied whole and then mm_init() sets
 * what must differ, as Linux does, so that a field added later is
 * inherited unless it is reset on purpose. NULL when memory runs out
 * (all of it given back).
 */
static struct mm_struct *dup_mm(struct mm_struct *oldmm)
{
	struct mm_struct *mm = kmem_cache_alloc(mm_cachep, GFP_KERNEL);
	int err;

	if (!mm)
		return NULL;
	memcpy(mm, oldmm, sizeof(*mm));
	if (!mm_init(mm))
		return NULL;
	if (mm->exe_file)
		get_file(mm->exe_file);	/* the child runs the same file */
	mmap_write_lock(oldmm);
	err = dup_mmap(mm, oldmm);
	mm->hiwater_vm = oldmm->hiwater_vm;
	mmap_write_unlock(oldmm);
	if (err) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

/*
 * copy_mm - the child's address space. A kernel thread's child has none
 * (it borrows, like its parent). With CLONE_VM the child shares the
 * parent's mm (mmget): a thread, or a vfork child. Otherwise dup_mm().
 */
static int copy_mm(unsigned long clone_flags, struct task_struct *tsk)
{
	struct mm_struct *oldmm = current->mm, *mm;

	tsk->mm = NULL;
	tsk->active_mm = NULL;
	if (!oldmm)
		return 0;
	if (clone_flags & CLONE_VM) {
		mmget(oldmm);
		mm = oldmm;
	} else {
		mm = dup_mm(oldmm);
		if (!mm)
			return -ENOMEM;
	}
	tsk->mm = tsk->active_mm = mm;
	return 0;
}


/* copy_signal - a new thread group for the child, or (CLONE_THREAD)
 * the parent's. */
static int copy_signal(unsigned long clone_flags, struct task_struct *tsk)
{
	struct signal_struct *sig;

	if (clone_flags & CLONE_THREAD) {
		atomic_inc(&current->signal->count);
		tsk->signal = current->signal;
		return 0;
	}
	sig = kmem_cache_zalloc(signal_cachep, GFP_KERNEL);
	if (!sig)
		return -ENOMEM;
	atomic_set(&sig->count, 1);
	atomic_set(&sig->live, 1);
	INIT_LIST_HEAD(&sig->thread_head);
	spin_lock_init(&sig->siglock);
	init_sigpending(&sig->shared_pending);
	init_waitqueue_head(&sig->wait_chldexit);
	itimer_setup(sig);
	INIT_LIST_HEAD(&sig->posix_timers);
	spin_lock_init(&sig->prev_cputime.lock);
	task_lock(current->group_leader);	/* the limits are inherited */
	memcpy(sig->rlim, current->signal->rlim, sizeof(sig->rlim));
	task_unlock(current->group_leader);
	tsk->signal = sig;
	return 0;
}

/*
 * copy_sighand - the child's signal actions: with CLONE_SIGHAND the
 * parent's own (a thread, or a CLONE_VM process: a sigaction in one is
 * seen by all), otherwise a copy of them, taken under the parent's
 * siglock (the struct is allocated first). Returns 0 or -ENOMEM.
 */
static int copy_sighand(unsigned long clone_flags, struct task_struct *tsk)
{
	struct sighand_struct *old = current->sighand, *sig;
	unsigned long flags;

	if (clone_flags & CLONE_SIGHAND) {
		atomic_inc(&old->count);
		tsk->sighand = old;
		return 0;
	}
	sig = kmem_cache_alloc(sighand_cachep, GFP_KERNEL);
	if (!sig)
		return -ENOMEM;
	atomic_set(&sig->count, 1);
	spin_lock_init(&sig->siglock);
	spin_lock_irqsave(&old->siglock, flags);
	memcpy(sig->action, old->action, sizeof(sig->action));
	spin_unlock_irqrestore(&old->siglock, flags);
	tsk->sighand = sig;
	return 0;
}

/* __cleanup_sighand - drop a task's reference on @sighand; the last one
 * frees it. */
void __cleanup_sighand(struct sighand_struct *sighand)
{
	if (atomic_dec_and_test(&sighand->count))
		kmem_cache_free(sighand_cachep, sighand);
}

/* put_signal_struct - drop a thread's reference; the last one frees it
 * and its references on its process's pids (and tty_old_pgrp). */
void put_signal_struct(struct signal_struct *sig)
{
	if (atomic_dec_and_test(&sig->count)) {
		flush_sigqueue(&sig->shared_pending, sig);	/* nobody can send now */
		for (int t = PIDTYPE_TGID; t < PIDTYPE_MAX; t++)
			put_pid(sig->pids[t]);
		put_pid(sig->tty_old_pgrp);	/* NULL once its leader exited */
		kmem_cache_free(signal_cachep, sig);
	}
}

/* copy_files - the child's fd table: shared with CLONE_FILES, else a
 * copy (kernel threads have none). */
static int copy_files(unsigned long clone_flags, struct task_struct *tsk)
{
	struct files_struct *old = current->files;

	tsk->files = NULL;
	if (!old)
		return 0;
	if (clone_flags & CLONE_FILES) {
		atomic_inc(&old->count);
		tsk->files = old;
		return 0;
	}
	tsk->files = dup_files(old);
	return tsk->files ? 0 : -ENOMEM;
}

/* link_task - make @p visible: in its thread group, its parent's
 * children and the task list. A child made while current is being
 * killed, or a new thread of a group that is exiting, would miss that
 * SIGKILL and live on: -EINTR instead, as in Linux. */
static int link_task(struct task_struct *p, unsigned long clone_flags)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (fatal_signal_pending(current) ||
	    ((clone_flags & CLONE_THREAD) && p->signal->group_exit)) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return -EINTR;
	}
	list_add_tail(&p->thread_node, &p->signal->thread_head);
	p->signal->nr_threads++;
	if (clone_flags & CLONE_THREAD)
		atomic_inc(&p->signal->live);
	attach_pid(p, PIDTYPE_PID);
	if (!(clone_flags & CLONE_THREAD)) {
		/* a new process: in its parent's group and session */
		p->signal->pids[PIDTYPE_TGID] = get_pid(p->thread_pid);
		p->signal->pids[PIDTYPE_PGID] = get_pid(task_pgrp(current));
		p->signal->pids[PIDTYPE_SID] = get_pid(task_session(current));
		attach_pid(p, PIDTYPE_TGID);
		attach_pid(p, PIDTYPE_PGID);
		attach_pid(p, PIDTYPE_SID);
		/* and with its controlling terminal: read under siglock,
		 * inside tasklist_lock, so that a setsid, TIOCNOTTY or a
		 * leader's exit in the session cannot be missed */
		spin_lock(&current->signal->siglock);
		p->signal->tty = current->signal->tty;
		spin_unlock(&current->signal->siglock);
	}
	if (clone_flags & (CLONE_PARENT | CLONE_THREAD))
		p->real_parent = current->real_parent;
	else
		p->real_parent = current;
	p->parent = p->real_parent;
	list_add_tail(&p->sibling, &p->real_parent->children);
	list_add_tail(&p->tasks, &tasklist);
	total_forks++;
	nr_threads++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return 0;
}

/* copy_process - a new task, a copy of current as @args says; not yet
 * runnable. Returns it, or an ERR_PTR (-ENOMEM, -EAGAIN, -ENOSYS). */
static struct task_struct *copy_process(struct kernel_clone_args *args)
{
	unsigned long clone_flags = args->flags;
	struct task_struct *p = dup_task_struct(current);
	struct pid *pid;
	int err = -ENOMEM;

	if (!p)
		return ERR_PTR(err);
	p->__state = TASK_UNINTERRUPTIBLE;	/* until wake_up_new_task */
	p->flags &= ~(PF_IDLE | PF_EXITING | PF_KTHREAD);
	p->flags |= PF_FORKNOEXEC;	/* until it execs: setpgid's EACCES */
	/* a new thread on the same mm needs its own altstack (vfork's
	 * child runs on the parent's stack, and keeps it) */
	if ((clone_flags & (CLONE_VM | CLONE_VFORK)) == CLONE_VM) {
		p->sas_ss_sp = p->sas_ss_size = 0;
		p->sas_ss_flags = SS_DISABLE;
	}
	if (args->kthread)
		p->flags |= PF_KTHREAD;
	if (args->name)
		strscpy(p->comm, args->name, sizeof(p->comm));
	pid = alloc_pid();
	if (IS_ERR(pid)) {
		err = PTR_ERR(pid);
		goto free_task;
	}
	p->thread_pid = get_pid(pid);
	p->pid = pid->nr;
	p->tgid = clone_flags & CLONE_THREAD ? current->tgid : p->pid;
	p->group_leader = clone_flags & CLONE_THREAD ? current->group_leader : p;
	p->exit_signal = clone_flags & CLONE_THREAD ? -1 : args->exit_signal;
	if (clone_flags & CLONE_CHILD_SETTID)
		p->set_child_tid = args->child_tid;
	if (clone_flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = args->child_tid;
	err = copy_creds(p, clone_flags);
	if (err)
		goto free_pid;
	err = copy_sighand(clone_flags, p);
	if (err)
		goto free_pid;
	err = copy_signal(clone_flags, p);
	if (err)
		goto free_pid;
	err = copy_mm(clone_flags, p);
	if (err)
		goto free_pid;
	err = copy_files(clone_flags, p);
	if (err)
		goto put_mm;
	err = copy_fs(clone_flags, p);
	if (err)
		goto put_files;
	err = copy_thread(p, args);
	if (!err)
		err = link_task(p, clone_flags);
	if (err)
		goto put_fs;
	return p;

put_fs:
	exit_fs(p);
put_files:
	exit_files(p);
put_mm:
	if (p->mm)
		mmput(p->mm);
free_pid:
	free_pid(pid);	/* no task was on its lists */
free_task:
	free_task(p);
	return ERR_PTR(err);
}

/*
 * wait_for_vfork_done - a vfork parent sleeps until @child execs or
 * exits, since the child runs on its mm, but SIGKILL still ends it at
 * once, as in Linux: the child runs on, and no longer finds @vfork (on
 * this stack) to complete.
 */
static void wait_for_vfork_done(struct task_struct *child,
				struct completion *vfork)
{
	if (wait_for_completion_killable(vfork)) {
		task_lock(child);
		child->vfork_done = NULL;
		task_unlock(child);
	}
	put_task_struct(child);
}

/*
 * kernel_clone - make a task and start it (fork, vfork, clone, kernel
 * threads). A vfork parent sleeps until the child execs or exits, since
 * the child runs on its mm. Returns the child's PID or -errno.
 */
pid_t kernel_clone(struct kernel_clone_args *args)
{
	struct completion vfork;
	struct task_struct *p = copy_process(args);
	pid_t pid;

	if (IS_ERR(p))
		return PTR_ERR(p);
	pid = p->pid;
	if (args->flags & CLONE_PARENT_SETTID)
		put_user(pid, args->parent_tid);
	if (args->flags & CLONE_VFORK) {
		init_completion(&vfork);
		p->vfork_done = &vfork;
		get_task_struct(p);
	}
	wake_up_new_task(p);
	if (args->flags & CLONE_VFORK)
		wait_for_vfork_done(p, &vfork);
	return pid;
}

/* kernel_thread - a kernel thread running @fn(@arg). */
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name,
		    unsigned long flags)
{
	struct kernel_clone_args args = {
		.flags = flags | CLONE_VM | CLONE_UNTRACED,
		.fn = fn,
		.fn_arg = arg,
		.name = name,
		.kthread = true,
	};

	return kernel_clone(&args);
}

/* account_release - @p leaves its thread group's list: its CPU time and
 * counts go to the group's totals, as Linux's __exit_signal(), so the
 * process's keep counting it. tasklist_lock held. */
static void account_release(struct task_struct *p)
{
	struct signal_struct *sig = p->signal;

	lockdep_assert_held(&tasklist_lock);
	sig->utime += p->utime;
	sig->stime += p->stime;
	sig->sum_sched_runtime += task_sched_runtime(p);
	sig->nvcsw += p->nvcsw;
	sig->nivcsw += p->nivcsw;
	sig->min_flt += p->min_flt;
	sig->maj_flt += p->maj_flt;
}

/*
 * release_task - the task is reaped: its PID is free, it leaves the task
 * lists, and its reaper's reference goes.
 */
void release_task(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	account_release(p);
	list_del(&p->tasks);
	list_del(&p->sibling);
	list_del(&p->thread_node);
	nr_threads--;
	detach_pid(p, PIDTYPE_PID);
	if (thread_group_leader(p)) {
		detach_pid(p, PIDTYPE_TGID);
		detach_pid(p, PIDTYPE_PGID);
		detach_pid(p, PIDTYPE_SID);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	put_task_struct(p);
}

/* nr_total_forks - tasks made since boot (/proc/stat's processes). */
unsigned long nr_total_forks(void)
{
	return READ_ONCE(total_forks);
}

/* find_task_by_pid_locked - the task with @pid; tasklist_lock held. */
struct task_struct *find_task_by_pid_locked(pid_t pid)
{
	struct task_struct *p;

	lockdep_assert_held(&tasklist_lock);
	list_for_each_entry(p, &tasklist, tasks)
		if (p->pid == pid)
			return p;
	return NULL;
}

struct task_struct *find_task_by_pid(pid_t pid)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid_locked(pid);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;
}

/* find_get_task_by_pid - like find_task_by_pid, with a reference the
 * caller drops with put_task_struct(). */
struct task_struct *find_get_task_by_pid(pid_t pid)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid_locked(pid);
	if (p && p->exit_state)
		p = NULL;
	if (p)
		get_task_struct(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;
}

/* ---- the fork family of syscalls ----------------------------------- */

SYSCALL_DEFINE0(fork)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };

	return kernel_clone(&args);
}

SYSCALL_DEFINE0(vfork)
{
	struct kernel_clone_args args = {
		.flags = CLONE_VFORK | CLONE_VM,
		.exit_signal = SIGCHLD,
	};

	return kernel_clone(&args);
}

/* clone(flags, newsp, parent_tid, child_tid, tls): x86-64's order. */
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp,
		int __user *, parent_tidptr, int __user *, child_tidptr,
		unsigned long, tls)
{
	struct kernel_clone_args args = {
		.flags = clone_flags & ~CSIGNAL,
		.exit_signal = clone_flags & CSIGNAL,
		.parent_tid = parent_tidptr,
		.child_tid = child_tidptr,
		.stack = newsp,
		.tls = tls,
	};

	if ((clone_flags & CLONE_THREAD) && !(clone_flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((clone_flags & CLONE_SIGHAND) && !(clone_flags & CLONE_VM))
		return -EINVAL;
	return kernel_clone(&args);
}
