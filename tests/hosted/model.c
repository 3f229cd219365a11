// SPDX-License-Identifier: GPL-2.0
/*
 * Model-based random testing of the memory manager: random sequences of
 * mmap, munmap, mprotect, mremap, brk, madvise, reads, writes, fork, exec,
 * exit and switches between processes and a kernel thread run against
 * the kernel code on
 * the software MMU and, step by step, against a small reference model
 * written only from the semantics (what each page should read, which
 * accesses must fault). Every step compares every page of the test
 * window and checks the VMA tree's invariants; after each run every page
 * must be back. Memory is shared too: a tmpfs file mapped MAP_SHARED
 * and MAP_PRIVATE and written through write(2) (pwrite) as well as
 * through mappings, truncated and hole-punched while mapped, and shared
 * anonymous objects, all across fork. The model keeps the file's and
 * each object's contents apart from the processes: a shared page reads
 * its object, a private file page reads the file until its first write
 * copies it, a page past the end of the file is SIGBUS, and truncation
 * takes even a private copy away (Linux's even_cows) while a punched
 * hole leaves it. A failure prints its seed:
 *
 *     build/hosted/model --seed N [--steps M]
 */
#include "harness.h"
#include "tasks.h"
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmu_context.h>
#include <linux/sched/mm.h>
#include <linux/vmstat.h>
#include <linux/signal.h>
#include <linux/errno.h>
#include <string.h>
#include <linux/unistd.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/namei.h>

/* <stdlib.h> would clash with the kernel's sigset_t: declared here. */
long strtol(const char *s, char **end, int base);

#define P		4096UL
#define WIN_PAGES	64
#define BRK_PAGES	32	/* pages WIN_PAGES.. are the heap's */
#define ALL_PAGES	(WIN_PAGES + BRK_PAGES)
#define WIN		0x100000000UL	/* the window under test */
#define MAXPROC		3

#define FILE_PAGES	8	/* the file is at most this long */
#define OBJ_PAGES	16	/* a shared anonymous object (mremap may grow past) */
#define MAXOBJ		16	/* object 0 is the file, the others shared anonymous */
#define SCRATCH		(WIN - 16 * P)	/* a page for syscall arguments */
#define FILE_NAME	"/model.file"

/* The backing objects: their contents, outside every process. */
struct mobj {
	unsigned long size;		/* in pages: reads past it are SIGBUS */
	unsigned char val[OBJ_PAGES];	/* the first byte of each page */
};

/* The model: per process, per page of the window. */
struct mpage {
	bool mapped;
	int prot;
	unsigned char val;	/* the byte at the page's first address */
	bool acct;		/* in a VM_ACCOUNT VMA: mapped or made writable */
	int obj;		/* -1: anonymous private memory, else objs[] */
	int mapid;		/* which mmap made it (its struct file) */
	unsigned long pgoff;	/* the page of obj it maps */
	bool shared;		/* MAP_SHARED: reads and writes go to obj */
	bool cow;		/* private, written: val is its own copy */
};

static struct mobj objs[MAXOBJ];
static int nobjs, next_mapid;

struct mproc {
	struct task_struct *task;
	struct mpage page[ALL_PAGES];
	unsigned long brk_pages;	/* heap pages from its start */
};

static struct mproc procs[MAXPROC];
static int nprocs, cur;
static struct task_struct *kthread_task;
static unsigned long seed;

/* Fuzzing feeds the choices from its input instead of the generator. */
static const unsigned char *fuzz_data;
static size_t fuzz_len;

static unsigned long rnd(unsigned long n)
{
	if (fuzz_data) {
		unsigned long v = 0;

		for (int i = 0; i < 2 && fuzz_len; i++, fuzz_len--)
			v = v << 8 | *fuzz_data++;
		return v % n;
	}
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (seed >> 33) % n;
}

static bool readable(int prot)
{
	return prot & (PROT_READ | PROT_WRITE | PROT_EXEC);	/* x86: any */
}

#define FAIL_IF(cond, ...)						\
	do {								\
		if (cond) {						\
			printf("  seed %lu step %d: ", seed0, step);	\
			printf(__VA_ARGS__);				\
			printf("\n");					\
			return -1;					\
		}							\
	} while (0)

static unsigned long seed0;
static int step;

static void switch_to_proc(int i)
{
	cur = i;
	run(procs[i].task);
}

static int op_mmap(struct mproc *m)
{
	unsigned long first = rnd(WIN_PAGES), n = 1 + rnd(8);
	int prot = rnd(8) & (PROT_READ | PROT_WRITE | PROT_EXEC);
	long r;

	if (first + n > WIN_PAGES)
		n = WIN_PAGES - first;
	r = sys(__NR_mmap, WIN + first * P, n * P, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	FAIL_IF(r != (long)(WIN + first * P), "mmap fixed %lu+%lu: %ld", first, n, r);
	for (unsigned long i = first; i < first + n; i++)
		m->page[i] = (struct mpage){ true, prot, 0, prot & PROT_WRITE, .obj = -1 };
	return 0;
}

/* open_file - the model file opened O_RDWR through open(2) (its name in
 * the scratch page): the fd, or -errno. */
static long open_file(void)
{
	uwrite(SCRATCH, FILE_NAME, sizeof(FILE_NAME));
	return sys(__NR_open, SCRATCH, O_RDWR, 0, 0, 0, 0);
}

/* op_mmap_file - the file mapped MAP_SHARED or MAP_PRIVATE from a page
 * inside or past its end (a new struct file each time, so it merges
 * with no other mapping, as in Linux). */
static int op_mmap_file(struct mproc *m)
{
	unsigned long first = rnd(WIN_PAGES), n = 1 + rnd(4), pgoff = rnd(FILE_PAGES);
	int prot = rnd(8) & (PROT_READ | PROT_WRITE | PROT_EXEC);
	bool shared = rnd(2);
	long fd = open_file(), r;
	int id = ++next_mapid;

	FAIL_IF(fd < 0, "open the file: %ld", fd);
	if (first + n > WIN_PAGES)
		n = WIN_PAGES - first;
	r = sys(__NR_mmap, WIN + first * P, n * P, prot,
		(shared ? MAP_SHARED : MAP_PRIVATE) | MAP_FIXED, fd, pgoff * P);
	sys(__NR_close, fd, 0, 0, 0, 0, 0);
	FAIL_IF(r != (long)(WIN + first * P), "mmap file %lu+%lu at %lu: %ld", first, n,
		pgoff, r);
	for (unsigned long i = 0; i < n; i++)
		m->page[first + i] = (struct mpage){ true, prot, 0, !shared && (prot & PROT_WRITE),
						     0, id, pgoff + i, shared, false };
	return 0;
}

/* op_mmap_shared_anon - MAP_SHARED|MAP_ANONYMOUS: a new object of
 * zeros, its size fixed at the mapping's. */
static int op_mmap_shared_anon(struct mproc *m)
{
	unsigned long first = rnd(WIN_PAGES), n = 1 + rnd(4);
	int prot = rnd(8) & (PROT_READ | PROT_WRITE | PROT_EXEC);
	long r;

	if (nobjs == MAXOBJ)
		return 0;
	if (first + n > WIN_PAGES)
		n = WIN_PAGES - first;
	r = sys(__NR_mmap, WIN + first * P, n * P, prot, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED,
		-1, 0);
	FAIL_IF(r != (long)(WIN + first * P), "mmap shared anon %lu+%lu: %ld", first, n, r);
	objs[nobjs] = (struct mobj){ .size = n };
	for (unsigned long i = 0; i < n; i++)
		m->page[first + i] = (struct mpage){ true, prot, 0, false, nobjs, ++next_mapid, i,
						     true, false };
	nobjs++;
	return 0;
}

/* op_pwrite - write(2) one byte at a page of the file (growing it):
 * every mapping of that page sees it at once, but a private copy. */
static int op_pwrite(void)
{
	unsigned long pgoff = rnd(FILE_PAGES);
	unsigned char v = 1 + rnd(255);
	long fd = open_file(), r;

	FAIL_IF(fd < 0, "open the file: %ld", fd);
	uwrite(SCRATCH, &v, 1);
	r = sys(__NR_pwrite64, fd, SCRATCH, 1, pgoff * P, 0, 0);
	sys(__NR_close, fd, 0, 0, 0, 0, 0);
	FAIL_IF(r != 1, "pwrite page %lu: %ld", pgoff, r);
	objs[0].val[pgoff] = v;
	if (pgoff >= objs[0].size)
		objs[0].size = pgoff + 1;
	return 0;
}

/* op_pread - read(2) of a page's first byte agrees with the model (and
 * past the end reads nothing). */
static int op_pread(void)
{
	unsigned long pgoff = rnd(FILE_PAGES);
	unsigned char v = 0xee;
	long fd = open_file(), r;

	FAIL_IF(fd < 0, "open the file: %ld", fd);
	r = sys(__NR_pread64, fd, SCRATCH, 1, pgoff * P, 0, 0);
	sys(__NR_close, fd, 0, 0, 0, 0, 0);
	uread(SCRATCH, &v, 1);
	if (pgoff >= objs[0].size)
		FAIL_IF(r != 0, "pread past the end, page %lu: %ld", pgoff, r);
	else
		FAIL_IF(r != 1 || v != objs[0].val[pgoff], "pread page %lu: %ld %#x, model %#x",
			pgoff, r, v, objs[0].val[pgoff]);
	return 0;
}

/* op_truncate - ftruncate(2) while mapped: the pages past the new end
 * leave every process, private copies too (SIGBUS there), and read
 * zeros if the file grows back. */
static int op_truncate(void)
{
	unsigned long size = rnd(FILE_PAGES + 1);
	long fd = open_file(), r;

	FAIL_IF(fd < 0, "open the file: %ld", fd);
	r = sys(__NR_ftruncate, fd, size * P, 0, 0, 0, 0);
	sys(__NR_close, fd, 0, 0, 0, 0, 0);
	FAIL_IF(r != 0, "ftruncate to %lu pages: %ld", size, r);
	for (unsigned long i = size; i < FILE_PAGES; i++)
		objs[0].val[i] = 0;
	objs[0].size = size;
	for (int p = 0; p < nprocs; p++)
		for (unsigned long i = 0; i < ALL_PAGES; i++) {
			struct mpage *pg = &procs[p].page[i];

			if (pg->mapped && pg->obj == 0 && pg->pgoff >= size)
				pg->cow = false;
		}
	return 0;
}

/* op_punch - fallocate(PUNCH_HOLE|KEEP_SIZE) while mapped: the range
 * reads zeros through the file and every shared or unwritten private
 * mapping; a private copy stays (Linux's punch is not even_cows). */
static int op_punch(void)
{
	unsigned long first = rnd(FILE_PAGES), n = 1 + rnd(3);
	long fd = open_file(), r;

	FAIL_IF(fd < 0, "open the file: %ld", fd);
	r = sys(__NR_fallocate, fd, 0x02 | 0x01 /* PUNCH_HOLE | KEEP_SIZE */, first * P,
		n * P, 0, 0);
	sys(__NR_close, fd, 0, 0, 0, 0, 0);
	FAIL_IF(r != 0, "punch %lu+%lu: %ld", first, n, r);
	for (unsigned long i = first; i < first + n && i < FILE_PAGES; i++)
		objs[0].val[i] = 0;
	return 0;
}

static int op_munmap(struct mproc *m)
{
	unsigned long first = rnd(WIN_PAGES), n = 1 + rnd(16);
	long r;

	if (first + n > WIN_PAGES)
		n = WIN_PAGES - first;
	r = sys(__NR_munmap, WIN + first * P, n * P, 0, 0, 0, 0);
	FAIL_IF(r != 0, "munmap: %ld", r);
	for (unsigned long i = first; i < first + n; i++)
		m->page[i].mapped = false;
	return 0;
}

/* mprotect changes pages up to the first hole, then says -ENOMEM. */
static int op_mprotect(struct mproc *m)
{
	unsigned long first = rnd(WIN_PAGES), n = 1 + rnd(16), i;
	int prot = rnd(8) & (PROT_READ | PROT_WRITE | PROT_EXEC);
	long r, want = 0;

	if (first + n > WIN_PAGES)
		n = WIN_PAGES - first;
	r = sys(__NR_mprotect, WIN + first * P, n * P, prot, 0, 0, 0);
	for (i = first; i < first + n && m->page[i].mapped; i++) {
		m->page[i].prot = prot;
		m->page[i].acct |= prot & PROT_WRITE;	/* never dropped */
	}
	if (i < first + n)
		want = -ENOMEM;
	FAIL_IF(r != want, "mprotect %lu+%lu: %ld, expected %ld", first, n, r, want);
	return 0;
}

/* MADV_DONTNEED: anonymous pages read as zero again; -ENOMEM on holes. */
static int op_madvise(struct mproc *m)
{
	unsigned long first = rnd(WIN_PAGES), n = 1 + rnd(8);
	long r, want = 0;

	if (first + n > WIN_PAGES)
		n = WIN_PAGES - first;
	r = sys(__NR_madvise, WIN + first * P, n * P, MADV_DONTNEED, 0, 0, 0);
	for (unsigned long i = first; i < first + n; i++) {
		if (!m->page[i].mapped)
			want = -ENOMEM;
		else if (m->page[i].obj < 0)
			m->page[i].val = 0;	/* anonymous: zero again */
		else
			m->page[i].cow = false;	/* a file's: its page cache again */
	}
	FAIL_IF(r != want && !(want == 0 && r == 0), "madvise: %ld, expected %ld", r, want);
	return 0;
}

/* model_fault - the signal an access to @pg gets (0: none): SIGSEGV
 * outside a mapping or its protection (@write: PROT_WRITE wanted),
 * SIGBUS at a page of an object past its end (unless a private copy). */
static int model_fault(const struct mpage *pg, bool write)
{
	if (!pg->mapped || !(write ? pg->prot & PROT_WRITE : readable(pg->prot)))
		return SIGSEGV;
	if (pg->obj >= 0 && !pg->cow && pg->pgoff >= objs[pg->obj].size)
		return SIGBUS;
	return 0;
}

/* model_val - what a read of mapped page @pg sees. */
static unsigned char model_val(const struct mpage *pg)
{
	return pg->obj < 0 || pg->cow ? pg->val : objs[pg->obj].val[pg->pgoff];
}

static int op_write(struct mproc *m)
{
	unsigned long i = rnd(ALL_PAGES);
	unsigned char v = 1 + rnd(255);
	struct mpage *pg = &m->page[i];
	int want = model_fault(pg, true);
	int sig = uwrite(WIN + i * P, &v, 1);

	FAIL_IF(sig != want, "write page %lu: signal %d, model says %d", i, sig, want);
	if (want)
		return 0;
	if (pg->shared) {
		objs[pg->obj].val[pg->pgoff] = v;
	} else {
		pg->cow = pg->obj >= 0;	/* a private file page is copied */
		pg->val = v;
	}
	return 0;
}

static int op_fork(void)
{
	struct mproc *parent = &procs[cur], *child;
	struct task_struct *t;

	if (nprocs == MAXPROC)
		return 0;
	t = fork_task();
	FAIL_IF(!t, "fork failed");
	child = &procs[nprocs++];
	*child = *parent;
	child->task = t;
	switch_to_proc(nprocs - 1);	/* the child runs first */
	return 0;
}

static int op_exit(void)
{
	struct task_struct *parent;
	int victim;

	if (nprocs == 1)
		return 0;
	victim = 1 + rnd(nprocs - 1);
	parent = procs[victim].task->real_parent;
	task_exit(procs[victim].task, 0);
	if (parent->exit_state || parent == &init_task)
		parent = procs[0].task;	/* orphans go to the reaper */
	reap(parent, NULL);
	procs[victim] = procs[--nprocs];
	switch_to_proc(0);
	return 0;
}

/* brk: the heap grows (zero pages, read-write) or shrinks (gone). */
static int op_brk(struct mproc *m)
{
	unsigned long pages = rnd(BRK_PAGES + 1);
	long r = sys(__NR_brk, WIN + WIN_PAGES * P + pages * P, 0, 0, 0, 0, 0);

	FAIL_IF(r != (long)(WIN + (WIN_PAGES + pages) * P), "brk to %lu pages: %#lx", pages, r);
	for (unsigned long i = 0; i < BRK_PAGES; i++) {
		struct mpage *pg = &m->page[WIN_PAGES + i];

		if (i < pages && i >= m->brk_pages)
			*pg = (struct mpage){ true, PROT_READ | PROT_WRITE, 0, true, .obj = -1 };
		else if (i >= pages)
			pg->mapped = false;
	}
	m->brk_pages = pages;
	return 0;
}

/* same_vma - are pages @a and @b, @b just after @a, in one VMA? mmos
 * merges neighbours with equal flags (VM_ACCOUNT included, as Linux)
 * and the same backing: anonymous, or one struct file at consecutive
 * offsets. */
static bool same_vma(const struct mpage *a, const struct mpage *b)
{
	if (!a->mapped || !b->mapped || a->prot != b->prot || a->acct != b->acct ||
	    a->obj != b->obj)
		return false;
	return a->obj < 0 || (a->mapid == b->mapid && a->pgoff + 1 == b->pgoff);
}

/* The VMA around page @i: the run of pages same_vma() joins. */
static void vma_run(struct mproc *m, unsigned long i, unsigned long *s, unsigned long *e)
{
	*s = *e = i;
	while (*s > 0 && same_vma(&m->page[*s - 1], &m->page[*s]))
		(*s)--;
	while (*e + 1 < WIN_PAGES && same_vma(&m->page[*e], &m->page[*e + 1]))
		(*e)++;
}

/* mremap(MAYMOVE|FIXED) of part of a mapping to another place in the
 * window: the data moves, the old range is unmapped, growth reads zero.
 * One time in four MREMAP_DONTUNMAP of a whole VMA (so that its old
 * range stays one VMA, as the model's runs assume): the old range stays
 * mapped with its protection and commitment, reading zero (anonymous)
 * or its object again (a file or shared memory). */
static int op_mremap(struct mproc *m)
{
	unsigned long i = rnd(WIN_PAGES), s, e, n, new_n = 1 + rnd(8), dst;
	bool dontunmap = rnd(4) == 0;
	struct mpage moved[16], first;
	long r;

	if (!m->page[i].mapped)
		return 0;
	vma_run(m, i, &s, &e);
	n = 1 + rnd(e - i + 1);
	if (dontunmap && e - s < 16) {
		i = s;
		new_n = n = e - s + 1;
	} else {
		dontunmap = false;
	}
	first = m->page[i];
	dst = rnd(WIN_PAGES - new_n + 1);
	if (dst < i + n && i < dst + new_n)
		return 0;	/* overlapping ranges: EINVAL, not what we test */
	r = sys(__NR_mremap, WIN + i * P, n * P, new_n * P,
		1 | 2 | (dontunmap ? 4 : 0) /* MAYMOVE|FIXED|DONTUNMAP */, WIN + dst * P, 0);
	FAIL_IF(r != (long)(WIN + dst * P), "mremap %lu+%lu -> %lu+%lu%s: %ld", i, n, dst, new_n,
		dontunmap ? " DONTUNMAP" : "", r);
	for (unsigned long k = 0; k < n; k++) {
		moved[k] = m->page[i + k];
		if (!dontunmap) {
			m->page[i + k].mapped = false;
		} else if (m->page[i + k].obj < 0) {
			m->page[i + k].val = 0;		/* anonymous: empty */
		} else {
			m->page[i + k].cow = false;	/* the object's page again */
		}
	}
	/* the pages keep what they map; growth continues the backing:
	 * anonymous zeros, or the object's next pages (SIGBUS past it) */
	for (unsigned long k = 0; k < new_n; k++) {
		struct mpage grown = first;

		grown.val = 0;
		grown.cow = false;
		grown.pgoff = first.pgoff + k;
		m->page[dst + k] = k < n ? moved[k] : grown;
	}
	return 0;
}

/* exec: a new, empty address space (exec_mmap; the old mm is put). */
static int op_exec(struct mproc *m)
{
	FAIL_IF(become_process(), "exec_mmap failed");
	current->mm->start_brk = current->mm->brk = WIN + WIN_PAGES * P;
	FAIL_IF(sys(__NR_mmap, SCRATCH, P, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != (long)SCRATCH,
		"the scratch page");
	memset(m->page, 0, sizeof(m->page));
	m->brk_pages = 0;
	return 0;
}

/* A kernel thread runs between two processes: it borrows, never loads. */
static int op_kthread(void)
{
	run(kthread_task);
	FAIL_IF(current->mm || !current->active_mm, "kthread state");
	switch_to_proc(rnd(nprocs));
	return 0;
}

/* Every page of the window reads as the model says, and the tree holds. */
static int check_all(struct mproc *m)
{
	for (unsigned long i = 0; i < ALL_PAGES; i++) {
		const struct mpage *pg = &m->page[i];
		unsigned char v = 0xee;
		int sig = uread(WIN + i * P, &v, 1), want = model_fault(pg, false);

		FAIL_IF(want ? sig != want : sig || v != model_val(pg),
			"page %lu: read %#x signal %d, model: signal %d %#x prot %d obj %d+%lu%s",
			i, v, sig, want, want ? 0 : model_val(pg), pg->prot, pg->obj, pg->pgoff,
			pg->cow ? " (copied)" : "");
	}
	FAIL_IF(vma_tree_check(&current->mm->mm_mt), "VMA tree: %d",
		vma_tree_check(&current->mm->mm_mt));
	check_mm_invariants(current);
	return 0;
}

static int run_seed(unsigned long s, int steps)
{
	struct file *f;
	int err = 0;

	seed = seed0 = s;
	memset(procs, 0, sizeof(procs));
	memset(objs, 0, sizeof(objs));
	nobjs = 1;	/* the file, empty */
	next_mapid = 0;
	run(&init_task);
	kthread_task = spawn(true);
	run(kthread_task);
	run(&init_task);
	procs[0].task = spawn(false);
	nprocs = 1;
	switch_to_proc(0);
	current->files = files_alloc();	/* as kernel_init gives PID 1 one */
	if (!current->files || op_exec(&procs[0]))
		return -1;
	f = do_filp_open(AT_FDCWD, FILE_NAME, O_CREAT | O_RDWR | O_TRUNC, 0644);
	if (IS_ERR(f))
		return -1;
	fput(f);
	for (step = 0; step < steps && !err; step++) {
		struct mproc *m = &procs[cur];

		switch (rnd(24)) {
		case 0: case 1: err = op_mmap(m); break;
		case 2: err = op_munmap(m); break;
		case 3: err = op_mprotect(m); break;
		case 4: err = op_madvise(m); break;
		case 5: case 6: case 7: err = op_write(m); break;
		case 8: err = op_fork(); break;
		case 9: err = op_exit(); break;
		case 10: err = op_kthread(); break;
		case 11: err = op_brk(m); break;
		case 12: case 13: err = op_mremap(m); break;
		case 14: err = rnd(4) ? 0 : op_exec(m); break;
		case 15: case 16: err = op_mmap_file(m); break;
		case 17: err = op_mmap_shared_anon(m); break;
		case 18: err = op_pwrite(); break;
		case 19: err = op_pread(); break;
		case 20: err = op_truncate(); break;
		case 21: err = op_punch(); break;
		default: switch_to_proc(rnd(nprocs));
		}
		if (!err)
			err = check_all(&procs[cur]);
	}
	while (nprocs > 1)
		op_exit();
	task_exit(procs[0].task, 0);
	run(&init_task);
	while (reap(&init_task, NULL) > 0)
		;
	task_exit(kthread_task, 0);
	drop_lazy_mm();		/* the idle task may still borrow the last mm */
	do_remove(AT_FDCWD, FILE_NAME, false);	/* its pages go with it */
	return err;
}

/* The page state counters and the commitment, which must come back as
 * the pages do (every one is decremented where it was incremented). */
struct mm_counters {
	unsigned long stat[NR_VM_NODE_STAT_ITEMS], committed;
};

static void read_counters(struct mm_counters *c)
{
	for (int i = 0; i < NR_VM_NODE_STAT_ITEMS; i++)
		c->stat[i] = global_node_page_state(i);
	c->committed = vm_memory_committed();
}

/* counters_back - whether every counter is at @before again; prints
 * the first that is not. */
static bool counters_back(const struct mm_counters *before, unsigned long seed)
{
	struct mm_counters now;

	read_counters(&now);
	for (int i = 0; i < NR_VM_NODE_STAT_ITEMS; i++) {
		if (now.stat[i] != before->stat[i]) {
			printf("  seed %lu: node stat %d is %lu, was %lu\n", seed, i,
			       now.stat[i], before->stat[i]);
			return false;
		}
	}
	if (now.committed != before->committed)
		printf("  seed %lu: committed %lu pages, was %lu\n", seed, now.committed,
		       before->committed);
	return now.committed == before->committed;
}

#ifndef MODEL_FUZZ
static unsigned long first_seed = 1, nr_seeds = 200;
static int nr_steps = 1000;

static int test_model_seeds(void)
{
	for (unsigned long s = first_seed; s < first_seed + nr_seeds; s++) {
		unsigned long before = nr_free_pages();
		struct mm_counters counters;

		read_counters(&counters);
		if (run_seed(s, nr_steps))
			return -1;
		if (nr_free_pages() != before) {
			printf("  seed %lu: %ld pages not given back\n", s,
			       (long)(before - nr_free_pages()));
			return -1;
		}
		if (!counters_back(&counters, s))
			return -1;
	}
	printf("    model: %lu seeds x %d steps clean\n", nr_seeds, nr_steps);
	return 0;
}
#endif

#ifdef MODEL_FUZZ
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t len);

/* libFuzzer's entry (make fuzz): one input is one run, its bytes the
 * choices; any divergence from the model, broken invariant, leak or
 * sanitizer report is a crash for the fuzzer to keep. */
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t len)
{
	static bool booted;
	unsigned long before;

	if (!booted) {
		hosted_boot(32UL << 20);
		mnt_init();	/* a tmpfs root, and shm_mnt */
		booted = true;
	}
	struct mm_counters counters;

	before = nr_free_pages();
	read_counters(&counters);
	fuzz_data = data;
	fuzz_len = len;
	if (run_seed(0, (int)(len / 2) + 1) || nr_free_pages() != before ||
	    !counters_back(&counters, 0))
		__builtin_trap();
	return 0;
}
#else
static const struct htest tests[] = {
	HTEST(test_model_seeds),
};

int main(int argc, char **argv)
{
	for (int i = 1; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--seed")) {
			first_seed = strtol(argv[i + 1], NULL, 0);
			nr_seeds = 1;
		} else if (!strcmp(argv[i], "--seeds")) {
			nr_seeds = strtol(argv[i + 1], NULL, 0);
		} else if (!strcmp(argv[i], "--steps")) {
			nr_steps = strtol(argv[i + 1], NULL, 0);
		}
	}
	return hosted_main_setup(tests, 1, 32UL << 20, mnt_init);	/* a tmpfs root */
}
#endif
