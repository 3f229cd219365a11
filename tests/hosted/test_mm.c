// SPDX-License-Identifier: GPL-2.0
/*
 * The user address space on the software MMU: real tasks (kernel_clone,
 * schedule, exec_mmap, do_exit, wait4), real syscalls, and user accesses
 * that go through the simulated TLB and fault into handle_mm_fault. A
 * flush the kernel forgets leaves a stale TLB entry, which these tests
 * read: the old page's data instead of a fault or of zeroes.
 */
#include "harness.h"
#include "tasks.h"
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/pgtable.h>
#include <linux/sched/mm.h>
#include <linux/signal.h>
#include <linux/vm_event.h>
#include <linux/unistd.h>

#define P 4096UL
static struct task_struct *proc;	/* the process most tests run as */

static long map(unsigned long addr, unsigned long len, int prot, int flags)
{
	return sys(__NR_mmap, addr, len, prot, flags | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static char peek(unsigned long va, int *sig)
{
	char c = 0;

	*sig = uread(va, &c, 1);
	return c;
}

static int poke(unsigned long va, char c)
{
	return uwrite(va, &c, 1);
}

static int test_demand_zero_then_private_page(void)
{
	long zero0 = sum_vm_event(PGFAULT_ZERO), a = map(0, 4 * P, PROT_READ | PROT_WRITE, 0);
	int sig;

	EXPECT(a > 0, "mmap %ld", a);
	EXPECT(peek(a, &sig) == 0 && !sig);
	EXPECT(sum_vm_event(PGFAULT_ZERO) == zero0 + 1, "read fault did not map the zero page");
	EXPECT(get_mm_counter(current->mm, MM_ANONPAGES) == 0, "a read allocated");
	EXPECT(poke(a, 'x') == 0 && peek(a, &sig) == 'x');
	EXPECT(get_mm_counter(current->mm, MM_ANONPAGES) == 1);
	EXPECT(sys(__NR_munmap, a, 4 * P, 0, 0, 0, 0) == 0);
	EXPECT(get_mm_counter(current->mm, MM_ANONPAGES) == 0);
	peek(a, &sig);
	EXPECT(sig == SIGSEGV, "read after munmap: signal %d", sig);
	return 0;
}

/* The TLB holds a's translation after the write; munmap must flush it. */
static int test_munmap_flushes_the_tlb(void)
{
	long a = map(0, P, PROT_READ | PROT_WRITE, 0);
	int sig;

	EXPECT(poke(a, 123) == 0 && peek(a, &sig) == 123);
	EXPECT(sys(__NR_munmap, a, P, 0, 0, 0, 0) == 0);
	peek(a, &sig);
	EXPECT(sig == SIGSEGV, "stale translation after munmap (signal %d)", sig);
	EXPECT(map(a, P, PROT_READ, MAP_FIXED) == a);
	EXPECT(peek(a, &sig) == 0 && !sig, "the old page shows through a new mapping");
	sys(__NR_munmap, a, P, 0, 0, 0, 0);
	return 0;
}

static int test_mprotect_flushes_the_tlb(void)
{
	long a = map(0, 2 * P, PROT_READ | PROT_WRITE, 0);
	int sig;

	EXPECT(poke(a, 1) == 0);
	EXPECT(sys(__NR_mprotect, a, P, PROT_READ, 0, 0, 0) == 0);
	EXPECT(poke(a, 2) == SIGSEGV, "write to a page made read-only");
	EXPECT(peek(a, &sig) == 1 && !sig);
	EXPECT(sys(__NR_mprotect, a, P, PROT_NONE, 0, 0, 0) == 0);
	peek(a, &sig);
	EXPECT(sig == SIGSEGV, "read of PROT_NONE");
	EXPECT(sys(__NR_mprotect, a, P, PROT_READ | PROT_WRITE, 0, 0, 0) == 0);
	EXPECT(poke(a, 3) == 0 && peek(a, &sig) == 3, "the page survived PROT_NONE");
	EXPECT(current->mm->mm_mt.nr_entries == 1, "mprotect back did not merge");
	sys(__NR_munmap, a, 2 * P, 0, 0, 0, 0);
	return 0;
}

static int test_madvise_dontneed_drops_pages(void)
{
	long a = map(0, P, PROT_READ | PROT_WRITE, 0);
	int sig;

	EXPECT(poke(a, 9) == 0);
	EXPECT(sys(__NR_madvise, a, P, MADV_DONTNEED, 0, 0, 0) == 0);
	EXPECT(peek(a, &sig) == 0 && !sig, "old data after MADV_DONTNEED");
	sys(__NR_munmap, a, P, 0, 0, 0, 0);
	return 0;
}

static int test_mremap_moves_the_pages(void)
{
	long a = map(0, 2 * P, PROT_READ | PROT_WRITE, 0), b, blocker;
	int sig;

	blocker = map(a + 2 * P, P, PROT_READ, MAP_FIXED);
	EXPECT(blocker == a + 2 * (long)P);
	EXPECT(poke(a, 'a') == 0 && poke(a + P, 'b') == 0);
	b = sys(__NR_mremap, a, 2 * P, 8 * P, MREMAP_MAYMOVE, 0, 0);
	EXPECT(b > 0 && b != a, "mremap %ld", b);
	EXPECT(peek(b, &sig) == 'a' && peek(b + P, &sig) == 'b', "data did not move");
	peek(a, &sig);
	EXPECT(sig == SIGSEGV, "the old range is still mapped");
	sys(__NR_munmap, b, 8 * P, 0, 0, 0, 0);
	sys(__NR_munmap, blocker, P, 0, 0, 0, 0);
	return 0;
}

/* fill - one distinct byte per page of [a, a + len) */
static void fill(long a, unsigned long len, char seed)
{
	for (unsigned long off = 0; off < len; off += P)
		poke(a + off, (char)(seed + off / P));
}

/* same - whether [a, a + len) holds what fill(.., seed) wrote */
static bool same(long a, unsigned long len, char seed)
{
	int sig;

	for (unsigned long off = 0; off < len; off += P)
		if (peek(a + off, &sig) != (char)(seed + off / P) || sig)
			return false;
	return true;
}

/*
 * mremap of a PMD-aligned populated range to a PMD-aligned destination
 * moves the PTE tables themselves (move_normal_pmd): the destination's
 * PTEs sit in the very table pages the source's did. A move to a
 * destination one page off the alignment moves PTE by PTE, across
 * table boundaries, and the data follows either way.
 */
static int test_mremap_moves_whole_tables(void)
{
	const unsigned long len = 2 * PMD_SIZE, span = 3 * PMD_SIZE;
	long src = map(0, span, PROT_READ | PROT_WRITE, 0), dst = map(0, span, PROT_NONE, 0);
	long s = ALIGN(src, PMD_SIZE), d = ALIGN(dst, PMD_SIZE), r;
	pte_t *before, *after;

	EXPECT(src > 0 && dst > 0);
	fill(s, len, 1);
	before = lookup_kernel_pte(current->mm->pgd, s + PMD_SIZE);
	r = sys(__NR_mremap, s, len, len, MREMAP_MAYMOVE | MREMAP_FIXED, d, 0);
	EXPECT(r == d, "mremap %ld", r);
	after = lookup_kernel_pte(current->mm->pgd, d + PMD_SIZE);
	EXPECT(before && before == after, "the PTE table was not moved whole");
	EXPECT(same(d, len, 1), "data did not move with the tables");
	EXPECT(!lookup_kernel_pte(current->mm->pgd, s) ||
	       pte_none(*lookup_kernel_pte(current->mm->pgd, s)), "the source still maps");
	r = sys(__NR_mremap, d, len, len, MREMAP_MAYMOVE | MREMAP_FIXED, s + P, 0);
	EXPECT(r == s + (long)P, "mremap back, one page off: %ld", r);
	EXPECT(same(s + P, len, 1), "data did not follow a misaligned move");
	sys(__NR_munmap, src, span, 0, 0, 0, 0);
	sys(__NR_munmap, dst, span, 0, 0, 0, 0);
	return 0;
}

/*
 * fork: the parent's writable translation was in the TLB before fork;
 * dup_mm write-protects its PTE and must flush, or the parent's next
 * write lands in the page the child still shares.
 */
static int test_fork_copy_on_write(void)
{
	long a = map(0, 2 * P, PROT_READ | PROT_WRITE, 0);
	long copies = sum_vm_event(COW_FAULT_COPY), reuse;
	struct task_struct *child;
	int sig;

	EXPECT(poke(a, 'p') == 0 && poke(a + P, 'q') == 0);
	child = fork_task();
	EXPECT(child && child->mm && child->mm != proc->mm);
	EXPECT(page_mapcount(fault_in_user_page(proc->mm, a, false)) == 2, "not shared");
	EXPECT(poke(a, 'P') == 0);
	EXPECT(sum_vm_event(COW_FAULT_COPY) == copies + 1, "the write did not copy");
	run(child);
	EXPECT(peek(a, &sig) == 'p', "the child sees the parent's write");
	EXPECT(poke(a, 'c') == 0);
	run(proc);
	EXPECT(peek(a, &sig) == 'P', "the parent sees the child's write");
	task_exit(child, 0);
	EXPECT(reap(proc, NULL) == child->pid || 1, "");
	/* the child is gone: a + P has one user again, and is reused */
	reuse = sum_vm_event(COW_FAULT_REUSE);
	copies = sum_vm_event(COW_FAULT_COPY);
	EXPECT(poke(a + P, 'Q') == 0 && peek(a + P, &sig) == 'Q');
	EXPECT(sum_vm_event(COW_FAULT_REUSE) == reuse + 1 &&
	       sum_vm_event(COW_FAULT_COPY) == copies, "copied although alone");
	sys(__NR_munmap, a, 2 * P, 0, 0, 0, 0);
	return 0;
}

/* A kernel thread run after a process borrows its mm (mm_count + 1);
 * switching back to the process drops the borrow; no CR3 write either
 * way since the mm never changed. */
static int test_kthread_borrows_and_returns(void)
{
	struct mm_struct *mm = proc->mm;
	int count = atomic_read(&mm->mm_count);
	long cr3 = sum_vm_event(SWITCH_MM_CR3);
	struct task_struct *k;

	run(&init_task);		/* kernel threads are made by kernel threads */
	k = spawn(true);
	EXPECT(k && !k->mm);
	run(k);				/* new tasks are queued: let it run first */
	run(proc);
	count = atomic_read(&mm->mm_count);
	run(k);
	EXPECT(current->active_mm == mm && !current->mm, "K did not borrow");
	EXPECT(atomic_read(&mm->mm_count) == count + 1, "mm_count %d, was %d",
	       atomic_read(&mm->mm_count), count);
	run(proc);
	EXPECT(atomic_read(&mm->mm_count) == count, "the borrow was not dropped");
	EXPECT(sum_vm_event(SWITCH_MM_CR3) == cr3, "CR3 loaded %ld times",
	       sum_vm_event(SWITCH_MM_CR3) - cr3);
	task_exit(k, 0);
	run(proc);
	return 0;
}

/* A whole process life: its pages, tables, VMAs and mm all come back. */
static int test_process_life_gives_everything_back(void)
{
	unsigned long live = nr_live_mms();
	struct task_struct *q, *c;
	long a;

	run(&init_task);
	q = spawn(false);
	EXPECT(q);
	run(q);
	EXPECT(become_process() == 0);
	a = map(0, 100 * P, PROT_READ | PROT_WRITE, 0);
	for (int i = 0; i < 100; i++)
		EXPECT(poke(a + i * P, (char)i) == 0);
	c = fork_task();
	EXPECT(c);
	task_exit(c, 0);
	reap(q, NULL);
	task_exit(q, 0);
	run(&init_task);
	EXPECT(reap(&init_task, NULL) > 0, "q not reaped");
	run(proc);
	EXPECT(nr_live_mms() == live, "mm_structs %lu -> %lu", live, nr_live_mms());
	return 0;
}

/* Error numbers of the mm syscalls at their edges (Linux's); every case
 * that fails is reported. */
static int test_syscall_edges(void)
{
	long a = map(0, 4 * P, PROT_READ | PROT_WRITE, 0), b0;

	EXPECT(a > 0);
	CHECK(sys(__NR_munmap, a + 1, P, 0, 0, 0, 0) == -EINVAL, "munmap unaligned");
	CHECK(sys(__NR_munmap, a, 0, 0, 0, 0, 0) == -EINVAL, "munmap length 0");
	CHECK(sys(__NR_munmap, TASK_SIZE, P, 0, 0, 0, 0) == -EINVAL, "munmap of the kernel half");
	CHECK(sys(__NR_mmap, 0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == -EINVAL, "length 0");
	CHECK(sys(__NR_mmap, 0, P, PROT_READ, MAP_ANONYMOUS, -1, 0) == -EINVAL, "no map type");
	b0 = sys(__NR_mmap, 0, P, PROT_READ | 0x10, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(b0 > 0, "an unknown PROT_ bit is not refused (as Linux's mmap)");
	EXPECT(sys(__NR_munmap, b0, P, 0, 0, 0, 0) == 0);
	CHECK(sys(__NR_mmap, a, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) ==
	       -EEXIST, "MAP_FIXED_NOREPLACE over a mapping");
	CHECK(sys(__NR_mmap, a + 1, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) ==
	       -EINVAL, "unaligned MAP_FIXED");
	CHECK(sys(__NR_mmap, 0, TASK_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == -ENOMEM,
	       "more than the address space");
	CHECK(sys(__NR_mprotect, a + 1, P, PROT_READ, 0, 0, 0) == -EINVAL, "mprotect unaligned");
	EXPECT(sys(__NR_munmap, a + P, P, 0, 0, 0, 0) == 0);
	CHECK(sys(__NR_mprotect, a, 3 * P, PROT_READ, 0, 0, 0) == -ENOMEM, "mprotect over a hole");
	CHECK(sys(__NR_mremap, a + P, P, 2 * P, 0, 0, 0) == -EFAULT, "mremap of a hole");
	CHECK(sys(__NR_mremap, a, P, 0, 0, 0, 0) == -EINVAL, "mremap to length 0");
	CHECK(sys(__NR_mremap, a, P, P, MREMAP_FIXED, a + 8 * P, 0) == -EINVAL, "FIXED without MAYMOVE");
	CHECK(sys(__NR_mremap, a, P, -a + 0x2000, 0, 0, 0) == -EINVAL, "mremap to a wrapping length");
	CHECK(sys(__NR_mremap, a, -1L, P, 0, 0, 0) == -EINVAL, "mremap from a wrapping length");
	CHECK(sys(__NR_mremap, a, P, P, MREMAP_MAYMOVE | MREMAP_FIXED, 0, 0) == -EPERM,
	       "mremap to page 0");
	CHECK(sys(__NR_mmap, TASK_SIZE - P, 2 * P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
		   -1, 0) == -ENOMEM, "MAP_FIXED past the end");
	CHECK(vma_tree_check(&current->mm->mm_mt) == 0, "the VMA tree");
	CHECK(sys(__NR_madvise, a, P, 999, 0, 0, 0) == -EINVAL, "madvise advice");
	CHECK(sys(__NR_madvise, a, 3 * P, MADV_DONTNEED, 0, 0, 0) == -ENOMEM, "madvise over a hole");
	b0 = sys(__NR_brk, 0, 0, 0, 0, 0, 0);
	CHECK(sys(__NR_brk, b0 - P, 0, 0, 0, 0, 0) == b0, "brk below its start");
	sys(__NR_munmap, a, 4 * P, 0, 0, 0, 0);
	return check_result();
}

static void setup(void)
{
	proc = spawn(false);
	run(proc);
	if (become_process())
		panic("cannot make the test process");
}

static const struct htest tests[] = {
	HTEST(test_demand_zero_then_private_page), HTEST(test_munmap_flushes_the_tlb),
	HTEST(test_mprotect_flushes_the_tlb), HTEST(test_madvise_dontneed_drops_pages),
	HTEST(test_mremap_moves_the_pages), HTEST(test_mremap_moves_whole_tables),
	HTEST(test_fork_copy_on_write),
	HTEST(test_kthread_borrows_and_returns),
	HTEST(test_process_life_gives_everything_back), HTEST(test_syscall_edges),
};

int main(void)
{
	return hosted_main_setup(tests, sizeof(tests) / sizeof(tests[0]), 32UL << 20, setup);
}
