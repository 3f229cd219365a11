// SPDX-License-Identifier: GPL-2.0
/*
 * The reverse map of file pages (mm/rmap.c) on the software MMU: a
 * file's i_mmap holds exactly the VMAs, of every mm, that map it, with
 * their current ranges, through split and merge (mprotect), mremap's
 * growth in place and its move, fork, munmap and exit; and
 * unmap_mapping_range() finds and zaps the PTEs of a range of the file
 * in every mm that maps it. The file is shared anonymous memory's
 * tmpfs object (shmem_zero_setup), the kind SysV shm uses too.
 */
#include "harness.h"
#include "tasks.h"
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mount.h>
#include <linux/sched/mm.h>
#include <linux/signal.h>
#include <linux/unistd.h>

#define P 4096UL
static struct task_struct *proc;

static long map_shared(unsigned long addr, unsigned long len)
{
	return sys(__NR_mmap, addr, len, PROT_READ | PROT_WRITE,
		   MAP_SHARED | MAP_ANONYMOUS | (addr ? MAP_FIXED : 0), -1, 0);
}

static char peek(unsigned long va, int *sig)
{
	char c = 0;

	*sig = uread(va, &c, 1);
	return c;
}

/* mapping_at - the page cache the VMA at @addr of current's mm maps. */
static struct address_space *mapping_at(unsigned long addr)
{
	struct vm_area_struct *vma = vma_lookup(current->mm, addr);

	return vma && vma->vm_file ? vma->vm_file->f_inode->i_mapping : NULL;
}

/* i_mmap_count - how many VMAs @mapping's reverse map holds; -1 if one
 * of them is not in its mm's tree as it stands there. */
static int i_mmap_count(struct address_space *mapping)
{
	struct vm_area_struct *vma;
	int n = 0;

	list_for_each_entry(vma, &mapping->i_mmap, i_mmap_link) {
		if (vma_lookup(vma->vm_mm, vma->vm_start) != vma ||
		    vma->vm_file->f_inode->i_mapping != mapping)
			return -1;
		n++;
	}
	return n;
}

/* i_mmap_has - whether @mapping's reverse map holds a VMA of @mm over
 * exactly [start, end) from file page @pgoff. */
static bool i_mmap_has(struct address_space *mapping, struct mm_struct *mm,
		       unsigned long start, unsigned long end, unsigned long pgoff)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mapping->i_mmap, i_mmap_link)
		if (vma->vm_mm == mm && vma->vm_start == start && vma->vm_end == end &&
		    vma->vm_pgoff == pgoff)
			return true;
	return false;
}

/* mprotect splits the VMA in three, each on the reverse map with its
 * own offset; restoring the protection merges them into one again. */
static int test_split_and_merge(void)
{
	long a = map_shared(0, 8 * P);
	struct address_space *m;

	EXPECT(a > 0, "mmap %ld", a);
	m = mapping_at(a);
	EXPECT(m && i_mmap_count(m) == 1 && i_mmap_has(m, proc->mm, a, a + 8 * P, 0));
	EXPECT(sys(__NR_mprotect, a + 2 * P, 3 * P, PROT_READ, 0, 0, 0) == 0);
	EXPECT(i_mmap_count(m) == 3, "split: %d", i_mmap_count(m));
	EXPECT(i_mmap_has(m, proc->mm, a, a + 2 * P, 0) &&
	       i_mmap_has(m, proc->mm, a + 2 * P, a + 5 * P, 2) &&
	       i_mmap_has(m, proc->mm, a + 5 * P, a + 8 * P, 5), "the three parts");
	EXPECT(sys(__NR_mprotect, a, 8 * P, PROT_READ | PROT_WRITE, 0, 0, 0) == 0);
	EXPECT(i_mmap_count(m) == 1 && i_mmap_has(m, proc->mm, a, a + 8 * P, 0),
	       "merged: %d", i_mmap_count(m));
	EXPECT(sys(__NR_munmap, a + 3 * P, P, 0, 0, 0, 0) == 0);
	EXPECT(i_mmap_count(m) == 2 && i_mmap_has(m, proc->mm, a + 4 * P, a + 8 * P, 4),
	       "a hole punched by munmap");
	EXPECT(sys(__NR_munmap, a, 8 * P, 0, 0, 0, 0) == 0);
	return 0;
}

/* mremap: shrinking, growing in place and moving keep the one VMA on
 * the reverse map with its range. */
static int test_mremap(void)
{
	long a = map_shared(0, 4 * P), b;
	struct address_space *m;

	EXPECT(a > 0);
	m = mapping_at(a);
	EXPECT(sys(__NR_munmap, a + 4 * P, 4 * P, 0, 0, 0, 0) == 0);	/* room after it */
	EXPECT(sys(__NR_mremap, a, 4 * P, 2 * P, 0, 0, 0) == a);
	EXPECT(i_mmap_count(m) == 1 && i_mmap_has(m, proc->mm, a, a + 2 * P, 0), "shrunk");
	b = sys(__NR_mremap, a, 2 * P, 3 * P, 0, 0, 0);
	if (b == a)
		EXPECT(i_mmap_has(m, proc->mm, a, a + 3 * P, 0), "grown in place");
	b = sys(__NR_mremap, a, b == a ? 3 * P : 2 * P, 6 * P, MREMAP_MAYMOVE | MREMAP_FIXED,
		a + 64 * P, 0);
	EXPECT(b == (long)(a + 64 * P), "moved: %ld", b);
	EXPECT(i_mmap_count(m) == 1 && i_mmap_has(m, proc->mm, b, b + 6 * P, 0),
	       "the moved VMA: %d", i_mmap_count(m));
	EXPECT(sys(__NR_munmap, b, 6 * P, 0, 0, 0, 0) == 0);
	return 0;
}

/*
 * fork puts the child's copy on the reverse map; unmap_mapping_range()
 * then zaps the range in both mms (their file RSS drops), the data
 * staying in the file; the child's exit takes its VMA off.
 */
static int test_fork_and_unmap_mapping_range(void)
{
	long a = map_shared(0, 4 * P);
	struct task_struct *child;
	struct address_space *m;
	struct file *f;
	int sig;

	EXPECT(a > 0);
	m = mapping_at(a);
	f = get_file(vma_lookup(proc->mm, a)->vm_file);	/* it outlives the VMAs */
	for (int i = 0; i < 4; i++)
		EXPECT(uwrite(a + i * P, "abcd" + i, 1) == 0);
	child = fork_task();
	EXPECT(child && child->mm != proc->mm);
	EXPECT(i_mmap_count(m) == 2 && i_mmap_has(m, child->mm, a, a + 4 * P, 0), "forked");
	run(child);
	EXPECT(peek(a + 2 * P, &sig) == 'c' && !sig, "the child maps the page");
	run(proc);
	/* as Linux's, fork copies no PTE of a shared mapping: the child
	 * has just the page it touched */
	EXPECT(get_mm_counter(proc->mm, MM_FILEPAGES) == 4 &&
	       get_mm_counter(child->mm, MM_FILEPAGES) == 1, "the child faulted one page in");
	unmap_mapping_range(m, P, 2 * P, 1);	/* pages 1 and 2 */
	EXPECT(get_mm_counter(proc->mm, MM_FILEPAGES) == 2, "parent: %lu",
	       get_mm_counter(proc->mm, MM_FILEPAGES));
	EXPECT(get_mm_counter(child->mm, MM_FILEPAGES) == 0, "child: %lu",
	       get_mm_counter(child->mm, MM_FILEPAGES));
	EXPECT(peek(a + 2 * P, &sig) == 'c' && !sig, "the page is still the file's");
	EXPECT(get_mm_counter(proc->mm, MM_FILEPAGES) == 3, "and faults back in");
	task_exit(child, 0);
	reap(proc, NULL);
	EXPECT(i_mmap_count(m) == 1, "the child's VMA went with it: %d", i_mmap_count(m));
	EXPECT(sys(__NR_munmap, a, 4 * P, 0, 0, 0, 0) == 0);
	EXPECT(list_empty(&m->i_mmap), "nothing maps the file");
	fput(f);
	return 0;
}

/*
 * A store sets the PTE's dirty bit (the MMU's); zapping the PTE moves it
 * to the page (PG_dirty), whose data stays the file's; a page only read
 * stays clean; truncating the file takes the pages, dirt and all, out
 * of the cache and of the mapping, which then faults with SIGBUS.
 */
static int test_zap_moves_the_dirty_bit(void)
{
	long a = map_shared(0, 2 * P);
	struct address_space *m;
	struct page *p0, *p1;
	int sig;

	EXPECT(a > 0);
	m = mapping_at(a);
	EXPECT(uwrite(a, "w", 1) == 0 && (peek(a + P, &sig), !sig));
	p0 = find_get_page(m, 0);
	p1 = find_get_page(m, 1);
	EXPECT(p0 && p1 && !PageDirty(p0) && !PageDirty(p1), "clean until zapped");
	EXPECT(sys(__NR_madvise, a, 2 * P, MADV_DONTNEED, 0, 0, 0) == 0);
	CHECK(PageDirty(p0), "the stored page is dirty");
	CHECK(!PageDirty(p1), "the read one is not");
	CHECK(p0->mapping == m && p0->index == 0 && p1->index == 1, "its place in the file");
	CHECK(peek(a, &sig) == 'w' && !sig, "the data is the file's");
	inode_lock(m->host);
	truncate_setsize(m->host, 0);
	inode_unlock(m->host);
	CHECK(!p0->mapping && !PageDirty(p0) && !p1->mapping, "out of the cache");
	CHECK(page_mapcount(p0) == 0 && page_ref_count(p0) == 1, "and unmapped: ours alone");
	peek(a, &sig);
	CHECK(sig == SIGBUS, "past the end: signal %d", sig);
	put_page(p0);
	put_page(p1);
	sys(__NR_munmap, a, 2 * P, 0, 0, 0, 0);
	return check_result();
}

static void setup(void)
{
	mnt_init();	/* tmpfs, for shared anonymous memory */
	proc = spawn(false);
	run(proc);
	if (become_process())
		panic("cannot make the test process");
}

static const struct htest tests[] = {
	HTEST(test_split_and_merge), HTEST(test_mremap),
	HTEST(test_fork_and_unmap_mapping_range), HTEST(test_zap_moves_the_dirty_bit),
};

int main(void)
{
	return hosted_main_setup(tests, sizeof(tests) / sizeof(tests[0]), 32UL << 20, setup);
}
