// SPDX-License-Identifier: GPL-2.0
/*
 * What /proc's page files do to the page tables, on the software MMU
 * (whose TLB is corrected only by the kernel's own flushes): clear_refs
 * "4" write-protects and cleans every PTE and must flush, so the next
 * write faults, is soft-dirty again and is made writable in place (the
 * page is not copied); a write the TLB let through without a fault
 * would leave the PTE clean. (Shared mappings need tmpfs, which the
 * hosted build has not: user/tests/pagemap checks them in mmos.) And the page walk reports every page of a
 * range exactly once, as a PTE or as part of a hole.
 */
#include "harness.h"
#include "tasks.h"
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/pagewalk.h>
#include <linux/pgtable.h>
#include <linux/sched/mm.h>
#include <linux/vm_event.h>
#include <linux/unistd.h>
#include "../../fs/proc/internal.h"

#define P 4096UL
static struct task_struct *proc;

static long map(unsigned long len, int flags)
{
	return sys(__NR_mmap, 0, len, PROT_READ | PROT_WRITE, flags | MAP_ANONYMOUS, -1, 0);
}

/* pte_at - the PTE of @a in current's mm now (0 if no table). */
static pteval_t pte_at(unsigned long a)
{
	struct mm_struct *mm = current->mm;
	pteval_t v = 0;
	pte_t *pte;

	mmap_read_lock(mm);
	pte = follow_pte_slot(mm, a);
	if (pte)
		v = pte_val(*pte);
	mmap_read_unlock(mm);
	return v;
}

static int test_soft_dirty_write_faults_again(void)
{
	long a = map(2 * P, MAP_PRIVATE), reuse;
	char c = 'x';
	pteval_t before, after;

	EXPECT(a > 0 && uwrite(a, &c, 1) == 0 && uwrite(a + P, &c, 1) == 0);
	before = pte_at(a);
	EXPECT((before & _PAGE_SOFT_DIRTY) && (before & _PAGE_RW), "pte %#lx", before);
	clear_refs_mm(current->mm, 4);
	EXPECT(!(pte_at(a) & (_PAGE_SOFT_DIRTY | _PAGE_RW)), "not cleaned: %#lx", pte_at(a));
	reuse = sum_vm_event(COW_FAULT_REUSE);
	c = 'y';
	EXPECT(uwrite(a, &c, 1) == 0);
	after = pte_at(a);
	EXPECT(sum_vm_event(COW_FAULT_REUSE) == reuse + 1, "the write did not fault");
	EXPECT((after & _PAGE_SOFT_DIRTY) && (after & _PAGE_RW), "pte %#lx", after);
	EXPECT((after & PTE_PFN_MASK) == (before & PTE_PFN_MASK), "the page was copied");
	EXPECT(!(pte_at(a + P) & _PAGE_SOFT_DIRTY), "its neighbour is dirty");
	c = 0;
	EXPECT(uread(a, &c, 1) == 0 && c == 'y');
	sys(__NR_munmap, a, 2 * P, 0, 0, 0, 0);
	return 0;
}

struct walk_count {
	unsigned long ptes, holed, present;
};

static int count_pte(pte_t *pte, unsigned long addr, unsigned long next, struct mm_walk *w)
{
	struct walk_count *c = w->private;

	c->ptes++;
	c->present += pte_present(*pte);
	return 0;
}

static int count_hole(unsigned long addr, unsigned long next, int depth, struct mm_walk *w)
{
	struct walk_count *c = w->private;

	c->holed += (next - addr) / P;
	return 0;
}

static const struct mm_walk_ops count_ops = { .pte_entry = count_pte, .pte_hole = count_hole };

/* Three pages 1 GiB apart in a 3 GiB mapping: each page of the range
 * once, three present, no more PTE slots than three tables have. */
static int test_walk_covers_each_page_once(void)
{
	unsigned long len = 3UL << 30;
	long a = sys(__NR_mmap, 0, len, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	struct walk_count c = { 0 };
	char x = 1;

	EXPECT(a > 0);
	for (unsigned long off = 0; off < len; off += 1UL << 30)
		EXPECT(uwrite(a + off, &x, 1) == 0);
	mmap_read_lock(current->mm);
	walk_page_range(current->mm, a - P, a + len + P, &count_ops, &c);
	mmap_read_unlock(current->mm);
	EXPECT(c.ptes + c.holed == len / P + 2, "%lu + %lu pages", c.ptes, c.holed);
	EXPECT(c.present == 3, "%lu present", c.present);
	EXPECT(c.ptes <= 3 * 512, "%lu PTE slots walked", c.ptes);
	sys(__NR_munmap, a, len, 0, 0, 0, 0);
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
	HTEST(test_soft_dirty_write_faults_again),
	HTEST(test_walk_covers_each_page_once),
};

int main(void)
{
	return hosted_main_setup(tests, sizeof(tests) / sizeof(tests[0]), 32UL << 20, setup);
}
