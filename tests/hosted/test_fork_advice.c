// SPDX-License-Identifier: GPL-2.0
/*
 * What fork copies and what mlock counts, on the software MMU: a
 * MADV_WIPEONFORK range reaches the child empty although the parent's
 * translation of its data is in the TLB, a MADV_DONTFORK one not at
 * all; a locked page's mlock_count follows copy-on-write in the locked
 * parent and comes back to zero; a shared writable mapping is counted in
 * its file's i_mmap_writable through fork, split and exit.
 */
#include "harness.h"
#include "tasks.h"
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mount.h>
#include <linux/sched/mm.h>
#include <linux/signal.h>
#include <linux/unistd.h>
#include <linux/vmstat.h>

#define P 4096UL
static struct task_struct *proc;	/* the process the tests run as */

static long map(unsigned long len, int prot, int flags)
{
	return sys(__NR_mmap, 0, len, prot, flags | MAP_ANONYMOUS, -1, 0);
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

/* finish_child - end @child and reap it, back in the test process. */
static void finish_child(struct task_struct *child)
{
	run(proc);
	task_exit(child, 0);
	reap(proc, NULL);
}

static int test_wipeonfork_and_dontfork(void)
{
	long a = map(3 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	struct task_struct *child;
	int sig;

	EXPECT(a > 0);
	EXPECT(poke(a, 'a') == 0 && poke(a + P, 'b') == 0 && poke(a + 2 * P, 'c') == 0);
	EXPECT(sys(__NR_madvise, a + P, P, MADV_WIPEONFORK, 0, 0, 0) == 0);
	EXPECT(sys(__NR_madvise, a + 2 * P, P, MADV_DONTFORK, 0, 0, 0) == 0);
	EXPECT(current->mm->mm_mt.nr_entries == 3, "not split in three");
	child = fork_task();
	EXPECT(child && child->mm);
	run(child);
	EXPECT(peek(a, &sig) == 'a' && !sig, "the copied page");
	EXPECT(peek(a + P, &sig) == 0 && !sig, "the wiped page shows the parent's data");
	peek(a + 2 * P, &sig);
	EXPECT(sig == SIGSEGV, "the DONTFORK page is there (signal %d)", sig);
	finish_child(child);
	EXPECT(peek(a + P, &sig) == 'b' && peek(a + 2 * P, &sig) == 'c', "the parent's pages");
	EXPECT(sys(__NR_madvise, a, 3 * P, MADV_KEEPONFORK, 0, 0, 0) == 0);
	EXPECT(sys(__NR_madvise, a, 3 * P, MADV_DOFORK, 0, 0, 0) == 0);
	EXPECT(current->mm->mm_mt.nr_entries == 1, "not merged back");
	sys(__NR_munmap, a, 3 * P, 0, 0, 0, 0);
	return 0;
}

static int test_mlock_count_follows_cow(void)
{
	unsigned long before = global_node_page_state(NR_MLOCK);
	long a = map(2 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	struct task_struct *child;
	struct page *old, *copy;

	EXPECT(poke(a, 'x') == 0 && poke(a + P, 'y') == 0);
	EXPECT(sys(__NR_mlock, a, 2 * P, 0, 0, 0, 0) == 0);
	EXPECT(global_node_page_state(NR_MLOCK) == before + 2, "mlock");
	old = fault_in_user_page(proc->mm, a, false);
	EXPECT(atomic_read(&old->mlock_count) == 1);
	child = fork_task();
	EXPECT(child && global_node_page_state(NR_MLOCK) == before + 2, "fork locked");
	EXPECT(poke(a, 'X') == 0);	/* copy-on-write in the locked parent */
	copy = fault_in_user_page(proc->mm, a, false);
	EXPECT(copy != old && atomic_read(&copy->mlock_count) == 1 &&
	       atomic_read(&old->mlock_count) == 0, "the lock did not move to the copy");
	EXPECT(global_node_page_state(NR_MLOCK) == before + 2);
	finish_child(child);
	EXPECT(sys(__NR_munlock, a + P, P, 0, 0, 0, 0) == 0);
	EXPECT(global_node_page_state(NR_MLOCK) == before + 1, "munlock");
	EXPECT(sys(__NR_munmap, a, 2 * P, 0, 0, 0, 0) == 0);
	EXPECT(global_node_page_state(NR_MLOCK) == before, "munmap");
	return 0;
}

static int test_shared_writable_is_counted(void)
{
	long a = map(4 * P, PROT_READ | PROT_WRITE, MAP_SHARED);
	struct vm_area_struct *vma;
	struct address_space *mapping;
	struct task_struct *child;

	EXPECT(a > 0);
	vma = vma_lookup(current->mm, a);
	mapping = vma->vm_file->f_inode->i_mapping;
	EXPECT(atomic_read(&mapping->i_mmap_writable) == 1);
	EXPECT(sys(__NR_mprotect, a + P, P, PROT_READ, 0, 0, 0) == 0);
	EXPECT(atomic_read(&mapping->i_mmap_writable) == 3, "split in three");
	child = fork_task();
	EXPECT(atomic_read(&mapping->i_mmap_writable) == 6, "fork");
	finish_child(child);
	EXPECT(atomic_read(&mapping->i_mmap_writable) == 3, "the child's exit");
	EXPECT(sys(__NR_mprotect, a + P, P, PROT_READ | PROT_WRITE, 0, 0, 0) == 0);
	EXPECT(atomic_read(&mapping->i_mmap_writable) == 1, "merged back");
	sys(__NR_munmap, a, 4 * P, 0, 0, 0, 0);
	return 0;
}

static void setup(void)
{
	mnt_init();	/* shm_mnt, behind shared anonymous memory */
	proc = spawn(false);
	run(proc);
	if (become_process())
		panic("cannot make the test process");
}

static const struct htest tests[] = {
	HTEST(test_wipeonfork_and_dontfork), HTEST(test_mlock_count_follows_cow),
	HTEST(test_shared_writable_is_counted),
};

int main(void)
{
	return hosted_main_setup(tests, sizeof(tests) / sizeof(tests[0]), 32UL << 20, setup);
}
