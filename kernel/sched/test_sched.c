// SPDX-License-Identifier: GPL-2.0
/*
 * Self-tests of the context-switch rules
 * (Documentation/mm/process-address-space.md), on real tasks and the
 * real switch path. Tasks "with an mm" are kernel threads that made
 * themselves one the way exec does: exec_mmap(mm_alloc()) (no ELF is
 * needed for that); from then on the scheduler treats them exactly as
 * user tasks. The counters prove each rule: CR3 writes, lazy entries,
 * mm_count.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/mmu_context.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/selftest.h>
#include <linux/string.h>
#include <linux/vm_event.h>
#include <linux/wait.h>
#include <asm/mmu_context.h>
#include <asm/processor.h>

struct snap {
	unsigned long ev[NR_VM_EVENT_ITEMS];
};

static void snap(struct snap *s)
{
	all_vm_events(s->ev);
}

static unsigned long delta(const struct snap *a, enum vm_event_item i)
{
	return sum_vm_event(i) - a->ev[i];
}

/*
 * A job: a kernel thread running fn(data) that the test waits for with
 * finish(). The thread is held (get_task_struct) so that it may end
 * before the test stops it.
 */
struct job {
	int (*fn)(void *);
	void *data;
	struct completion done;
	struct task_struct *task;
};

static int job_main(void *p)
{
	struct job *j = p;
	int r = j->fn(j->data);

	complete(&j->done);
	return r;
}

/* prepare - make the job's thread, asleep until woken. */
static struct task_struct *prepare(struct job *j, int (*fn)(void *), void *data,
				   const char *name)
{
	j->fn = fn;
	j->data = data;
	init_completion(&j->done);
	j->task = kthread_create(job_main, j, name);
	if (j->task)
		get_task_struct(j->task);
	return j->task;
}

static struct task_struct *start(struct job *j, int (*fn)(void *), void *data,
				 const char *name)
{
	if (prepare(j, fn, data, name))
		wake_up_process(j->task);
	return j->task;
}

/* finish - wait for fn to return, then reap the thread. */
static void finish(struct job *j)
{
	if (!j->task)
		return;
	wait_for_completion(&j->done);
	kthread_stop_put(j->task);
	j->task = NULL;
}

/* Turn the current kernel thread into a task with its own empty mm. */
static int become_user_task(void)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return -ENOMEM;
	return exec_mmap(mm);
}

/* ---- kernel threads only: no CR3 write at all ------------------------ */

struct pingpong {
	struct completion a, b, done, b_ready;
	int rounds;
	bool as_user;			/* both sides become user tasks */
	struct snap start;
	unsigned long switches, cr3, same;
	struct task_struct *b_task;
	int err;
};

static int pong(void *data)
{
	struct pingpong *pp = data;

	for (int i = 0; i < pp->rounds; i++) {
		wait_for_completion(&pp->b);
		complete(&pp->a);
	}
	complete(&pp->done);
	return 0;
}

/* ping: time @rounds round trips with pong; record the counter deltas. */
static void ping(struct pingpong *pp)
{
	snap(&pp->start);
	for (int i = 0; i < pp->rounds; i++) {
		complete(&pp->b);
		wait_for_completion(&pp->a);
	}
	pp->switches = delta(&pp->start, CONTEXT_SWITCH);
	pp->cr3 = delta(&pp->start, SWITCH_MM_CR3);
	pp->same = delta(&pp->start, SWITCH_MM_SAME);
}

static int ping_kthread(void *data)
{
	ping(data);
	return 0;
}

static int test_kthreads_switch_without_cr3(void)
{
	struct pingpong pp = { .rounds = 100 };
	struct job a = { 0 }, b = { 0 };

	init_completion(&pp.a);
	init_completion(&pp.b);
	init_completion(&pp.done);
	start(&b, pong, &pp, "pong");
	start(&a, ping_kthread, &pp, "ping");
	finish(&a);
	finish(&b);
	KTEST_EXPECT(a.fn && b.fn, "no threads");
	pr_info("selftest: kthreads: %lu switches, %lu CR3 writes\n", pp.switches, pp.cr3);
	KTEST_EXPECT(pp.switches >= 2 * pp.rounds, "%lu switches", pp.switches);
	KTEST_EXPECT(pp.cr3 == 0, "%lu CR3 writes between kernel threads", pp.cr3);
	return 0;
}
SELFTEST(test_kthreads_switch_without_cr3);

/* ---- mm_alloc --------------------------------------------------------- */

static int test_mm_alloc_pgd(void)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long live = nr_live_mms();

	KTEST_EXPECT(mm, "mm_alloc failed");
	KTEST_EXPECT(atomic_read(&mm->mm_users) == 1 && atomic_read(&mm->mm_count) == 1,
		     "counts %d/%d", atomic_read(&mm->mm_users), atomic_read(&mm->mm_count));
	for (int i = 0; i < KERNEL_PGD_BOUNDARY; i++)
		KTEST_EXPECT(pgd_none(mm->pgd[i]), "user entry %d", i);
	KTEST_EXPECT(!memcmp(mm->pgd + KERNEL_PGD_BOUNDARY, swapper_pg_dir + KERNEL_PGD_BOUNDARY,
			     KERNEL_PGD_PTRS * sizeof(pgd_t)), "kernel half differs");
	mmput(mm);
	KTEST_EXPECT(nr_live_mms() == live - 1, "mm not freed");
	return 0;
}
SELFTEST(test_mm_alloc_pgd);

static int test_mm_alloc_mmput_cycles(void)
{
	unsigned long before = nr_free_pages();

	for (int i = 0; i < 500; i++) {
		struct mm_struct *mm = mm_alloc();

		KTEST_EXPECT(mm, "cycle %d", i);
		mmput(mm);
	}
	KTEST_EXPECT(nr_free_pages() == before, "%ld pages lost",
		     (long)(before - nr_free_pages()));
	return 0;
}
SELFTEST(test_mm_alloc_mmput_cycles);

/* ---- borrowing: user -> kernel -> user ---------------------------------- */

struct borrow {
	struct completion u_ready, v_ready, u_go, v_go, k_go, done;
	struct completion u_exit, v_exit, k_exit;
	struct mm_struct *mm_u, *mm_v;
	struct task_struct *k;
	int count_while_u, count_in_k, count_in_v;
	bool k_borrowed_u, v_cr3_ok;
	int err;
};

static int borrow_u(void *data)
{
	struct borrow *b = data;

	b->err |= become_user_task();
	b->mm_u = current->mm;
	complete(&b->u_ready);
	wait_for_completion(&b->u_go);
	b->count_while_u = atomic_read(&b->mm_u->mm_count);
	wake_up_process(b->k);			/* U -> K: K borrows mm_u */
	wait_for_completion(&b->u_exit);
	return 0;
}

static int borrow_k(void *data)
{
	struct borrow *b = data;

	b->k_borrowed_u = current->active_mm == b->mm_u && !current->mm;
	b->count_in_k = atomic_read(&b->mm_u->mm_count);
	complete(&b->v_go);			/* K -> V: mm_u is dropped */
	wait_for_completion(&b->k_exit);
	return 0;
}

static int borrow_v(void *data)
{
	struct borrow *b = data;

	b->err |= become_user_task();
	b->mm_v = current->mm;
	complete(&b->v_ready);
	wait_for_completion(&b->v_go);
	b->count_in_v = atomic_read(&b->mm_u->mm_count);
	b->v_cr3_ok = read_cr3_pa() == __pa(b->mm_v->pgd);
	complete(&b->done);
	wait_for_completion(&b->v_exit);
	return 0;
}

static int test_kthread_borrows_mm(void)
{
	struct borrow b = { 0 };
	struct job u = { 0 }, v = { 0 }, k = { 0 };
	struct completion *c[] = { &b.u_ready, &b.v_ready, &b.u_go, &b.v_go, &b.k_go,
				   &b.done, &b.u_exit, &b.v_exit, &b.k_exit };

	for (unsigned i = 0; i < ARRAY_SIZE(c); i++)
		init_completion(c[i]);
	b.k = prepare(&k, borrow_k, &b, "borrow-k");
	KTEST_EXPECT(start(&u, borrow_u, &b, "borrow-u") && start(&v, borrow_v, &b, "borrow-v") &&
		     b.k, "no threads");
	wait_for_completion(&b.u_ready);
	wait_for_completion(&b.v_ready);
	complete(&b.u_go);
	wait_for_completion(&b.done);
	complete(&b.u_exit);
	complete(&b.v_exit);
	complete(&b.k_exit);
	finish(&u);
	finish(&v);
	finish(&k);
	drop_lazy_mm();
	pr_info("selftest: borrow: mm_count %d while U runs, %d in K, %d once V runs\n",
		b.count_while_u, b.count_in_k, b.count_in_v);
	KTEST_EXPECT(!b.err, "become_user_task failed");
	KTEST_EXPECT(b.k_borrowed_u, "K's active_mm is not U's mm");
	KTEST_EXPECT(b.count_in_k == b.count_while_u + 1, "mm_count %d -> %d",
		     b.count_while_u, b.count_in_k);
	KTEST_EXPECT(b.count_in_v == b.count_while_u, "mm_count not dropped: %d",
		     b.count_in_v);
	KTEST_EXPECT(b.v_cr3_ok, "CR3 is not V's pgd");
	return 0;
}
SELFTEST(test_kthread_borrows_mm);

/* ---- kthread_use_mm --------------------------------------------------- */

struct use_mm {
	struct mm_struct *mm;
	unsigned long cr3_use, lazy_unuse, cr3_unuse;
	bool loaded, lazy_loaded;
};

static int use_mm_thread(void *data)
{
	struct use_mm *um = data;
	struct snap s;

	snap(&s);
	kthread_use_mm(um->mm);
	um->cr3_use = delta(&s, SWITCH_MM_CR3);
	um->loaded = read_cr3_pa() == __pa(um->mm->pgd) && current->mm == um->mm;
	snap(&s);
	kthread_unuse_mm(um->mm);
	um->lazy_unuse = delta(&s, LAZY_TLB_ENTER);
	um->cr3_unuse = delta(&s, SWITCH_MM_CR3);
	um->lazy_loaded = !current->mm && current->active_mm == um->mm &&
			  read_cr3_pa() == __pa(um->mm->pgd);
	return 0;
}

static int test_kthread_use_mm(void)
{
	struct use_mm um = { .mm = mm_alloc() };
	struct job k = { 0 };

	KTEST_EXPECT(um.mm, "mm_alloc");
	KTEST_EXPECT(start(&k, use_mm_thread, &um, "use-mm"), "no thread");
	finish(&k);
	mmput(um.mm);
	drop_lazy_mm();
	pr_info("selftest: kthread_use_mm: %lu CR3 write, unuse: %lu lazy entry, %lu CR3 writes\n",
		um.cr3_use, um.lazy_unuse, um.cr3_unuse);
	KTEST_EXPECT(um.cr3_use == 1 && um.loaded, "use_mm: %lu CR3 writes", um.cr3_use);
	KTEST_EXPECT(um.lazy_unuse == 1 && um.cr3_unuse == 0 && um.lazy_loaded,
		     "unuse_mm: lazy %lu, CR3 %lu", um.lazy_unuse, um.cr3_unuse);
	return 0;
}
SELFTEST(test_kthread_use_mm);

/* ---- user <-> user: threads share CR3, processes pay one write each ---- */

static int user_pong(void *data)
{
	struct pingpong *pp = data;

	if (pp->as_user && !current->mm)
		pp->err |= become_user_task();
	complete(&pp->b_ready);
	return pong(data);
}

static int user_thread_pong(void *data)
{
	return pong(data);
}

static int user_ping(void *data)
{
	struct pingpong *pp = data;
	struct kernel_clone_args args = {
		.flags = CLONE_VM | CLONE_THREAD | CLONE_SIGHAND,
		.fn = user_thread_pong, .fn_arg = pp, .name = "thread-pong",
	};

	pp->err |= become_user_task();
	if (!pp->as_user && kernel_clone(&args) < 0)	/* a thread: same mm */
		pp->err = -ENOMEM;
	if (pp->as_user) {	/* pong's own exec_mmap must not be measured */
		wake_up_process(pp->b_task);
		wait_for_completion(&pp->b_ready);
	}
	ping(pp);
	wait_for_completion(&pp->done);
	return 0;
}

static int run_user_pingpong(struct pingpong *pp, bool two_processes)
{
	struct job a = { 0 }, b = { 0 };

	init_completion(&pp->a);
	init_completion(&pp->b);
	init_completion(&pp->done);
	init_completion(&pp->b_ready);
	pp->rounds = 50;
	pp->as_user = two_processes;
	if (two_processes) {
		pp->b_task = prepare(&b, user_pong, pp, "proc-pong");
		if (!pp->b_task)
			return -ENOMEM;
	}
	if (!start(&a, user_ping, pp, "proc-ping"))
		return -ENOMEM;
	finish(&a);
	finish(&b);
	drop_lazy_mm();
	return pp->err;
}

static int test_threads_share_cr3(void)
{
	struct pingpong pp = { 0 };

	KTEST_EXPECT(run_user_pingpong(&pp, false) == 0, "setup failed");
	pr_info("selftest: threads: %lu switches, %lu CR3 writes, %lu switch_mm_same\n",
		pp.switches, pp.cr3, pp.same);
	KTEST_EXPECT(pp.switches >= 2 * pp.rounds, "%lu switches", pp.switches);
	KTEST_EXPECT(pp.cr3 == 0, "%lu CR3 writes between threads of one mm", pp.cr3);
	/* A kernel thread (kthreadd finishing up) may run in between:
	 * that switch is not user->user, so not every one is "same". */
	KTEST_EXPECT(pp.same >= pp.rounds, "switch_mm_same %lu of %lu", pp.same, pp.switches);
	return 0;
}
SELFTEST(test_threads_share_cr3);

static int test_processes_pay_one_cr3_each(void)
{
	struct pingpong pp = { 0 };

	KTEST_EXPECT(run_user_pingpong(&pp, true) == 0, "setup failed");
	pr_info("selftest: processes: %lu switches, %lu CR3 writes\n", pp.switches, pp.cr3);
	KTEST_EXPECT(pp.switches >= 2 * pp.rounds, "%lu switches", pp.switches);
	/* Each of the 2 * rounds hand-overs between the two mms costs one
	 * write, also when a kernel thread runs in between (it borrows). */
	KTEST_EXPECT(pp.cr3 >= 2 * pp.rounds && pp.cr3 <= pp.switches,
		     "%lu CR3 writes for %lu switches", pp.cr3, pp.switches);
	KTEST_EXPECT(pp.same == 0, "switch_mm_same %lu", pp.same);
	return 0;
}
SELFTEST(test_processes_pay_one_cr3_each);

/* ---- preemption ------------------------------------------------------- */

struct spin {
	volatile bool flag;
	bool saw_flag;
};

static int spinner(void *data)
{
	struct spin *s = data;
	u64 deadline = local_clock() + 2000000000ULL;

	while (!s->flag && local_clock() < deadline)
		cpu_relax();
	s->saw_flag = s->flag;
	return 0;
}

static int flagger(void *data)
{
	((struct spin *)data)->flag = true;
	return 0;
}

/* A thread that never sleeps must still let another run: the tick
 * preempts it. */
static int test_timer_preempts_kernel_threads(void)
{
	struct spin s = { 0 };
	struct job a = { 0 }, b = { 0 };

	KTEST_EXPECT(start(&a, spinner, &s, "spinner") && start(&b, flagger, &s, "flagger"),
		     "no threads");
	finish(&a);
	finish(&b);
	KTEST_EXPECT(s.saw_flag, "the spinning thread was never preempted");
	return 0;
}
SELFTEST(test_timer_preempts_kernel_threads);

static int test_msleep(void)
{
	unsigned long start = jiffies;

	msleep(30);
	KTEST_EXPECT(jiffies - start >= 3, "slept %lu ticks", jiffies - start);
	return 0;
}
SELFTEST(test_msleep);

/* ---- the end of an mm, observed ---------------------------------------- */

struct mm_end {
	struct completion u_ready, u_go;
	struct mm_struct *mm_u;
	struct task_struct *k;
	unsigned long live_before;
	int users_in_k, count_in_k;
	bool borrowed, alive_in_k, freed_after;
	int err;
};

static int mm_end_u(void *data)
{
	struct mm_end *e = data;

	e->err |= become_user_task();
	e->mm_u = current->mm;
	e->live_before = nr_live_mms();
	complete(&e->u_ready);
	wait_for_completion(&e->u_go);
	wake_up_process(e->k);	/* K runs after this task has exited */
	return 0;
}

static int mm_end_k(void *data)
{
	struct mm_end *e = data;

	/* U is gone (exit_mm -> mmput: mm_users 0, its pages freed), but the
	 * lazy reference it left on the CPU has come to this thread. */
	e->borrowed = current->active_mm == e->mm_u && !current->mm;
	e->users_in_k = atomic_read(&e->mm_u->mm_users);
	e->count_in_k = atomic_read(&e->mm_u->mm_count);
	e->alive_in_k = nr_live_mms() == e->live_before;
	drop_lazy_mm();		/* switch away: the last mmdrop frees it */
	e->freed_after = nr_live_mms() == e->live_before - 1;
	return 0;
}

/* A kernel thread borrowing the mm of a process that exited keeps the
 * mm_struct alive (mm_count) until it switches away; then it is freed. */
static int test_lazy_mm_outlives_its_process(void)
{
	struct mm_end e = { 0 };
	struct job u = { 0 }, k = { 0 };

	init_completion(&e.u_ready);
	init_completion(&e.u_go);
	e.k = prepare(&k, mm_end_k, &e, "mm-end-k");
	KTEST_EXPECT(e.k && start(&u, mm_end_u, &e, "mm-end-u"), "no threads");
	wait_for_completion(&e.u_ready);
	complete(&e.u_go);
	finish(&u);
	finish(&k);
	pr_info("selftest: mm end: in K mm_users %d mm_count %d, live before/while/after %s/%s\n",
		e.users_in_k, e.count_in_k, e.alive_in_k ? "same" : "changed",
		e.freed_after ? "freed" : "kept");
	KTEST_EXPECT(!e.err && e.borrowed, "K does not hold the dead process's mm");
	KTEST_EXPECT(e.users_in_k == 0 && e.count_in_k == 1, "mm_users %d mm_count %d",
		     e.users_in_k, e.count_in_k);
	KTEST_EXPECT(e.alive_in_k, "the mm_struct was freed while borrowed");
	KTEST_EXPECT(e.freed_after, "the mm_struct outlived the last reference");
	return 0;
}
SELFTEST(test_lazy_mm_outlives_its_process);
