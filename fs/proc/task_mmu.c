// SPDX-License-Identifier: GPL-2.0
/* /proc/<pid>/maps, smaps, smaps_rollup, pagemap and clear_refs, in
 * Linux's exact formats (its fs/proc/task_mmu.c). */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/pagewalk.h>
#include <linux/shmem_fs.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/ptrace.h>
#include <linux/uaccess.h>
#include <asm/irqflags.h>
#include "internal.h"

/* get_task_mm - @task's mm with an mm_users reference, or NULL. */
struct mm_struct *get_task_mm(struct task_struct *task)
{
	unsigned long flags = arch_local_irq_save();
	struct mm_struct *mm = task->mm;

	if (mm && !(task->flags & PF_KTHREAD))
		mmget(mm);
	else
		mm = NULL;
	arch_local_irq_restore(flags);
	return mm;
}


static void show_vma_name(struct seq_buf *s, struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;
	char path[256];

	if (vma->vm_file && vma->vm_file->f_path.dentry &&
	    d_path(&vma->vm_file->f_path, path, sizeof(path)) >= 0) {
		seq_pad(s, 73);
		seq_printf(s, "%s", path);
	} else if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk &&
		   !vma->vm_file && mm->start_brk) {
		seq_pad(s, 73);
		seq_printf(s, "[heap]");
	} else if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack) {
		seq_pad(s, 73);
		seq_printf(s, "[stack]");
	}
	seq_printf(s, "\n");
}

/*
 * proc_maps_mm - the mm that maps, smaps and smaps_rollup show, with an
 * mm_users reference: as Linux's proc_maps_open, only if the reader may
 * look at the process (ptrace's read check with its file-system ids).
 * NULL for a kernel thread or an exited process (the file is empty),
 * ERR_PTR(-EACCES) otherwise refused.
 */
static struct mm_struct *proc_maps_mm(struct task_struct *task)
{
	return mm_access(task, PTRACE_MODE_READ_FSCREDS);
}

/* show_map_vma - the maps line of @vma: "start-end perms offset
 * major:minor inode", padded, then its name. */
static void show_map_vma(struct seq_buf *s, struct vm_area_struct *vma)
{
	struct inode *inode = vma->vm_file ? vma->vm_file->f_inode : NULL;
	unsigned long f = vma->vm_flags;

	seq_printf(s, "%08lx-%08lx %c%c%c%c %08lx %02x:%02x %lu ",
		   vma->vm_start, vma->vm_end, f & VM_READ ? 'r' : '-',
		   f & VM_WRITE ? 'w' : '-', f & VM_EXEC ? 'x' : '-',
		   f & VM_MAYSHARE ? 's' : 'p',
		   inode ? vma->vm_pgoff << PAGE_SHIFT : 0,
		   0, inode ? 1 : 0, inode ? inode->i_ino : 0);
	show_vma_name(s, vma);
}

/* show_each_vma - @show for each VMA of @task's mm, under mmap_lock:
 * nothing for a kernel thread or a process that has exited. 0, or
 * -EACCES for a process the reader may not look at (proc_maps_mm()). */
static int show_each_vma(struct seq_buf *s, struct task_struct *task,
			 void (*show)(struct seq_buf *s, struct vm_area_struct *vma))
{
	struct mm_struct *mm = proc_maps_mm(task);
	struct vm_area_struct *vma;

	if (IS_ERR_OR_NULL(mm))
		return PTR_ERR_OR_ZERO(mm);
	mmap_read_lock(mm);
	mm_for_each_vma(mm, vma)
		show(s, vma);
	mmap_read_unlock(mm);
	mmput(mm);
	return 0;
}

/* proc_pid_maps - /proc/PID/maps: one line a VMA (show_each_vma()). */
int proc_pid_maps(struct seq_buf *s, struct task_struct *task)
{
	return show_each_vma(s, task, show_map_vma);
}

/* ---- smaps, smaps_rollup ------------------------------------------ */

/* Pss is kept in units of 1/2^PSS_SHIFT bytes, as Linux's, so that a
 * page shared three ways still adds up. */
#define PSS_SHIFT	12

/* struct mem_size_stats - what smaps sums over a VMA's pages (bytes;
 * the pss_* fields in bytes << PSS_SHIFT). Linux's fields, less the
 * ones that are always 0 in mmos (swap, huge pages). */
struct mem_size_stats {
	unsigned long resident, shared_clean, shared_dirty;
	unsigned long private_clean, private_dirty;
	unsigned long referenced, anonymous, lazyfree;
	u64 pss, pss_anon, pss_file, pss_shmem, pss_dirty, pss_locked;
};

/* smaps_page_dirty - does smaps count @page, mapped by @pte, as dirty?
 * Linux's rule: the PTE's dirty bit or the page's PG_dirty. */
static bool smaps_page_dirty(pte_t pte, struct page *page)
{
	return pte_dirty(pte) || PageDirty(page);
}

/* smaps_page_shmem - is @page (not anon) a tmpfs page? Told by the VMA's
 * file (Linux asks the page's PG_swapbacked): shared anonymous memory
 * and tmpfs files, private mappings' unwritten pages of them too. */
static bool smaps_page_shmem(struct vm_area_struct *vma)
{
	return vma->vm_file && vma->vm_file->f_inode &&
	       shmem_mapping(vma->vm_file->f_inode->i_mapping);
}

/* smaps_page_accumulate - add one page's @size bytes and its share @pss
 * to @mss: private when it is mapped once, else shared. */
static void smaps_page_accumulate(struct mem_size_stats *mss, struct vm_area_struct *vma,
				  struct page *page, unsigned long size, u64 pss,
				  bool dirty, bool private)
{
	mss->pss += pss;
	if (PageAnon(page))
		mss->pss_anon += pss;
	else if (smaps_page_shmem(vma))
		mss->pss_shmem += pss;
	else
		mss->pss_file += pss;
	if (vma->vm_flags & VM_LOCKED)
		mss->pss_locked += pss;
	if (dirty) {
		mss->pss_dirty += pss;
		if (private)
			mss->private_dirty += size;
		else
			mss->shared_dirty += size;
	} else if (private) {
		mss->private_clean += size;
	} else {
		mss->shared_clean += size;
	}
}

/*
 * smaps_account - one page mapped by @pte into @mss, as Linux's: Rss,
 * Anonymous, Referenced (the accessed bit); a page with one reference is
 * mapped once and wholly this VMA's; otherwise its Pss is its share of
 * its mappings and it is shared if it has two or more.
 */
static void smaps_account(struct mem_size_stats *mss, struct vm_area_struct *vma,
			  struct page *page, pte_t pte)
{
	bool dirty = smaps_page_dirty(pte, page);
	int mapcount;
	u64 pss = (u64)PAGE_SIZE << PSS_SHIFT;

	if (PageAnon(page))
		mss->anonymous += PAGE_SIZE;	/* no MADV_FREE: never LazyFree */
	mss->resident += PAGE_SIZE;
	if (pte_young(pte))
		mss->referenced += PAGE_SIZE;
	if (page_ref_count(page) == 1) {
		smaps_page_accumulate(mss, vma, page, PAGE_SIZE, pss, dirty, true);
		return;
	}
	mapcount = page_mapcount(page);
	if (mapcount >= 2)
		pss /= mapcount;
	smaps_page_accumulate(mss, vma, page, PAGE_SIZE, pss, dirty, mapcount < 2);
}

/* smaps_pte_entry - the walk's look at one PTE: a present page that is
 * not the zero page is counted (a PROT_NONE one too, as Linux's). */
static int smaps_pte_entry(pte_t *pte, unsigned long addr, unsigned long next,
			   struct mm_walk *walk)
{
	pte_t e = READ_ONCE(*pte);
	struct page *page;

	if (!pte_present(e))
		return 0;
	page = vm_normal_page(walk->vma, addr, e);
	if (page)
		smaps_account(walk->private, walk->vma, page, e);
	return 0;
}

static const struct mm_walk_ops smaps_walk_ops = {
	.pte_entry = smaps_pte_entry,
};

/* seq_put_kb - Linux's SEQ_PUT_DEC: @name then @bytes in kB, right
 * aligned in @width, then " kB". */
static void seq_put_kb(struct seq_buf *s, const char *name, u64 bytes, int width)
{
	seq_printf(s, "%s%*llu kB\n", name, width, (unsigned long long)(bytes >> 10));
}

/* __show_smap - the counted lines of smaps (and with @rollup the three
 * Pss_* splits of smaps_rollup), in Linux 6.1's order and widths. */
static void __show_smap(struct seq_buf *s, const struct mem_size_stats *mss, bool rollup)
{
	seq_put_kb(s, "Rss:            ", mss->resident, 8);
	seq_put_kb(s, "Pss:            ", mss->pss >> PSS_SHIFT, 8);
	seq_put_kb(s, "Pss_Dirty:      ", mss->pss_dirty >> PSS_SHIFT, 8);
	if (rollup) {
		seq_put_kb(s, "Pss_Anon:       ", mss->pss_anon >> PSS_SHIFT, 8);
		seq_put_kb(s, "Pss_File:       ", mss->pss_file >> PSS_SHIFT, 8);
		seq_put_kb(s, "Pss_Shmem:      ", mss->pss_shmem >> PSS_SHIFT, 8);
	}
	seq_put_kb(s, "Shared_Clean:   ", mss->shared_clean, 8);
	seq_put_kb(s, "Shared_Dirty:   ", mss->shared_dirty, 8);
	seq_put_kb(s, "Private_Clean:  ", mss->private_clean, 8);
	seq_put_kb(s, "Private_Dirty:  ", mss->private_dirty, 8);
	seq_put_kb(s, "Referenced:     ", mss->referenced, 8);
	seq_put_kb(s, "Anonymous:      ", mss->anonymous, 8);
	seq_put_kb(s, "LazyFree:       ", mss->lazyfree, 8);
	/* no transparent huge pages, hugetlb or swap: Linux's zeros */
	seq_put_kb(s, "AnonHugePages:  ", 0, 8);
	seq_put_kb(s, "ShmemPmdMapped: ", 0, 8);
	seq_put_kb(s, "FilePmdMapped:  ", 0, 8);
	seq_put_kb(s, "Shared_Hugetlb: ", 0, 8);
	seq_put_kb(s, "Private_Hugetlb: ", 0, 7);
	seq_put_kb(s, "Swap:           ", 0, 8);
	seq_put_kb(s, "SwapPss:        ", 0, 8);
	seq_put_kb(s, "Locked:         ", mss->pss_locked >> PSS_SHIFT, 8);
}

/* The VmFlags mnemonics of the VM_* flags mmos has, by bit (Linux's
 * show_smap_vma_flags table). */
static const char vm_flag_names[32][2] = {
	[0] = "rd", [1] = "wr", [2] = "ex", [3] = "sh",		/* VM_READ.. */
	[4] = "mr", [5] = "mw", [6] = "me", [7] = "ms",		/* VM_MAY* */
	[8] = "gd",						/* VM_GROWSDOWN */
	[13] = "lo",						/* VM_LOCKED */
	[20] = "ac", [21] = "nr",				/* ACCOUNT, NORESERVE */
	[27] = "sd",						/* VM_SOFTDIRTY */
};

/* show_smap_vma_flags - "VmFlags:" and each set flag's two letters and
 * a space. */
static void show_smap_vma_flags(struct seq_buf *s, struct vm_area_struct *vma)
{
	seq_printf(s, "VmFlags: ");
	for (unsigned int i = 0; i < ARRAY_SIZE(vm_flag_names); i++)
		if ((vma->vm_flags & (1UL << i)) && vm_flag_names[i][0])
			seq_printf(s, "%c%c ", vm_flag_names[i][0], vm_flag_names[i][1]);
	seq_printf(s, "\n");
}

/* show_smap - one VMA of smaps: its maps line, its sizes, the sums of
 * its pages, THPeligible (never: no huge pages) and VmFlags. */
static void show_smap(struct seq_buf *s, struct vm_area_struct *vma)
{
	struct mem_size_stats mss = { 0 };

	walk_page_vma(vma, &smaps_walk_ops, &mss);
	show_map_vma(s, vma);
	seq_put_kb(s, "Size:           ", vma->vm_end - vma->vm_start, 8);
	seq_put_kb(s, "KernelPageSize: ", PAGE_SIZE, 8);
	seq_put_kb(s, "MMUPageSize:    ", PAGE_SIZE, 8);
	__show_smap(s, &mss, false);
	seq_printf(s, "THPeligible:    %d\n", 0);
	show_smap_vma_flags(s, vma);
}

/* proc_pid_smaps - /proc/PID/smaps: show_smap() for each VMA
 * (show_each_vma()). */
int proc_pid_smaps(struct seq_buf *s, struct task_struct *task)
{
	return show_each_vma(s, task, show_smap);
}

/*
 * proc_pid_smaps_rollup - /proc/PID/smaps_rollup: the sums over every
 * VMA, under one header line spanning the first VMA's start to the last
 * one's end ("---p 00000000 00:00 0", "[rollup]" at column 73), with
 * Pss split into Pss_Anon, Pss_File and Pss_Shmem. A process with no mm
 * shows nothing, as Linux's; -EACCES as smaps.
 */
int proc_pid_smaps_rollup(struct seq_buf *s, struct task_struct *task)
{
	struct mm_struct *mm = proc_maps_mm(task);
	struct mem_size_stats mss = { 0 };
	struct vm_area_struct *vma;
	unsigned long start = 0, end = 0;

	if (IS_ERR_OR_NULL(mm))
		return PTR_ERR_OR_ZERO(mm);
	mmap_read_lock(mm);
	mm_for_each_vma(mm, vma) {
		if (!end)
			start = vma->vm_start;
		walk_page_vma(vma, &smaps_walk_ops, &mss);
		end = vma->vm_end;
	}
	mmap_read_unlock(mm);
	mmput(mm);
	seq_printf(s, "%08lx-%08lx ---p %08lx %02x:%02x %lu ", start, end, 0UL, 0, 0, 0UL);
	seq_pad(s, 73);
	seq_printf(s, "[rollup]\n");
	__show_smap(s, &mss, true);
	return 0;
}

/* ---- pagemap ------------------------------------------------------ */

/* A pagemap entry, Linux's bits: the PFN below bit 55 (shown only to
 * CAP_SYS_ADMIN), then the flags. */
#define PM_ENTRY_BYTES		sizeof(u64)
#define PM_PFRAME_BITS		55
#define PM_PFRAME_MASK		((1ULL << PM_PFRAME_BITS) - 1)
#define PM_SOFT_DIRTY		(1ULL << 55)
#define PM_MMAP_EXCLUSIVE	(1ULL << 56)
#define PM_UFFD_WP		(1ULL << 57)	/* no userfaultfd: never */
#define PM_FILE			(1ULL << 61)
#define PM_SWAP			(1ULL << 62)	/* no swap: never */
#define PM_PRESENT		(1ULL << 63)
/* one walk covers a PTE table's span at most, as Linux's */
#define PAGEMAP_WALK_SIZE	PMD_SIZE

/* struct pagemapread - one chunk of a pagemap read: @buffer has room
 * for @len entries, @pos are filled; @show_pfn says whether PFNs show. */
struct pagemapread {
	unsigned long pos, len;
	u64 *buffer;
	bool show_pfn;
};

/* add_to_pagemap - append @pme to @pm (the walk never passes its end). */
static void add_to_pagemap(struct pagemapread *pm, u64 pme)
{
	if (pm->pos < pm->len)
		pm->buffer[pm->pos++] = pme;
}

/* pagemap_pte_hole - [addr, next) has no page table or no VMA: not
 * present, but soft-dirty where a VMA is that has not been cleared. */
static int pagemap_pte_hole(unsigned long addr, unsigned long next, int depth,
			    struct mm_walk *walk)
{
	u64 pme = walk->vma && (walk->vma->vm_flags & VM_SOFTDIRTY) ? PM_SOFT_DIRTY : 0;

	for (; addr < next; addr += PAGE_SIZE)
		add_to_pagemap(walk->private, pme);
	return 0;
}

/* pte_to_pagemap_entry - the entry of one PTE (Linux's): present with
 * its PFN (the zero page's too), soft-dirty from the PTE or the VMA,
 * file for a page that is not anonymous (tmpfs and shared anonymous
 * memory too), exclusive when the page has one mapping. */
static u64 pte_to_pagemap_entry(struct pagemapread *pm, struct vm_area_struct *vma,
				unsigned long addr, pte_t pte)
{
	struct page *page = NULL;
	u64 frame = 0, flags = 0;

	if (pte_present(pte)) {
		if (pm->show_pfn)
			frame = pte_pfn(pte) & PM_PFRAME_MASK;
		flags |= PM_PRESENT;
		page = vm_normal_page(vma, addr, pte);
		if (pte_soft_dirty(pte))
			flags |= PM_SOFT_DIRTY;
	}
	if (page && !PageAnon(page))
		flags |= PM_FILE;
	if (page && page_mapcount(page) == 1)
		flags |= PM_MMAP_EXCLUSIVE;
	if (vma->vm_flags & VM_SOFTDIRTY)
		flags |= PM_SOFT_DIRTY;
	return frame | flags;
}

/* pagemap_pte_entry - the walk's look at one PTE slot of a VMA. */
static int pagemap_pte_entry(pte_t *pte, unsigned long addr, unsigned long next,
			     struct mm_walk *walk)
{
	pte_t e = READ_ONCE(*pte);

	if (pte_none(e))
		return pagemap_pte_hole(addr, next, 4, walk);
	add_to_pagemap(walk->private, pte_to_pagemap_entry(walk->private, walk->vma, addr, e));
	return 0;
}

static const struct mm_walk_ops pagemap_ops = {
	.pte_entry = pagemap_pte_entry,
	.pte_hole = pagemap_pte_hole,
};

/* struct pagemap_file - an open pagemap: the mm bound at open (held by
 * mm_count) and whether its opener had CAP_SYS_ADMIN, which is what
 * decides whether PFNs show (Linux asks the file's credentials). */
struct pagemap_file {
	struct mm_struct *mm;
	bool show_pfn;
};

/* pagemap_open - /proc/PID/pagemap binds the mm at open, with ptrace's
 * read check (Linux's), and notes the opener's CAP_SYS_ADMIN. */
static int pagemap_open(struct inode *inode, struct file *f)
{
	struct pagemap_file *pf = kmalloc(sizeof(*pf), GFP_KERNEL);
	struct mm_struct *mm;

	if (!pf)
		return -ENOMEM;
	mm = proc_mem_open(inode, PTRACE_MODE_READ);
	if (IS_ERR(mm)) {
		kfree(pf);
		return PTR_ERR(mm);
	}
	pf->mm = mm;
	pf->show_pfn = capable(CAP_SYS_ADMIN);
	f->private_data = pf;
	return 0;
}

/* pagemap_release - the hold on the mm goes, and the file's state. */
static void pagemap_release(struct file *f)
{
	struct pagemap_file *pf = f->private_data;

	if (pf->mm)
		mmdrop(pf->mm);
	kfree(pf);
	f->private_data = NULL;	/* fput must not kfree it again */
}

/*
 * pagemap_chunk - the entries of [start, end) (at most one walk's span)
 * into @pm, walked with mmap_lock held for reading; the caller copies
 * them out once the lock is dropped (a fault on its buffer may need it).
 */
static void pagemap_chunk(struct mm_struct *mm, struct pagemapread *pm,
			  unsigned long start, unsigned long end)
{
	pm->pos = 0;
	pm->len = (end - start) >> PAGE_SHIFT;
	mmap_read_lock(mm);
	walk_page_range(mm, start, end, &pagemap_ops, pm);
	mmap_read_unlock(mm);
}

/*
 * pagemap_read - read(2) of /proc/PID/pagemap (Linux's pagemap_read):
 * 8 bytes per virtual page, the entry of page N at offset N * 8, up to
 * the end of user space. Nothing once the mm has no users; -EINVAL for
 * an offset or a count that is not a multiple of 8; -EFAULT for a bad
 * buffer (nothing read); -ENOMEM. PFNs show only if the opener had
 * CAP_SYS_ADMIN.
 */
static ssize_t pagemap_read(struct file *f, char __user *buf, size_t count, loff_t *ppos)
{
	struct pagemap_file *pf = f->private_data;
	struct mm_struct *mm = pf->mm;
	struct pagemapread pm = { .show_pfn = pf->show_pfn };
	unsigned long svpfn = *ppos / PM_ENTRY_BYTES, start, end;
	ssize_t ret = 0, copied = 0;

	if (!mm || !mmget_not_zero(mm))
		return 0;
	if ((*ppos % PM_ENTRY_BYTES) || (count % PM_ENTRY_BYTES)) {
		ret = -EINVAL;
		goto out_mm;
	}
	if (!count)
		goto out_mm;
	pm.buffer = kmalloc(PAGEMAP_WALK_SIZE >> PAGE_SHIFT << 3, GFP_KERNEL);
	if (!pm.buffer) {
		ret = -ENOMEM;
		goto out_mm;
	}
	start = svpfn <= (TASK_SIZE >> PAGE_SHIFT) ? svpfn << PAGE_SHIFT : TASK_SIZE;
	while (count && start < TASK_SIZE) {
		size_t len;

		end = min((start + PAGEMAP_WALK_SIZE) & ~(PAGEMAP_WALK_SIZE - 1), TASK_SIZE);
		end = min(end, start + (count / PM_ENTRY_BYTES << PAGE_SHIFT));
		pagemap_chunk(mm, &pm, start, end);
		start = end;
		len = min(count, pm.pos * PM_ENTRY_BYTES);
		if (copy_to_user(buf, pm.buffer, len)) {
			ret = -EFAULT;
			break;
		}
		copied += len;
		buf += len;
		count -= len;
	}
	*ppos += copied;
	if (!ret)
		ret = copied;
	kfree(pm.buffer);
out_mm:
	mmput(mm);
	return ret;
}

const struct file_operations proc_pagemap_operations = {
	.open = pagemap_open,
	.read = pagemap_read,
	.release = pagemap_release,
	.seekable = true,
};

/* ---- clear_refs --------------------------------------------------- */

/* What a write of clear_refs asks for (Linux's enum clear_refs_types). */
enum clear_refs_types {
	CLEAR_REFS_ALL = 1,	/* the accessed bits of every page */
	CLEAR_REFS_ANON,	/* of anonymous memory */
	CLEAR_REFS_MAPPED,	/* of file mappings */
	CLEAR_REFS_SOFT_DIRTY,	/* the soft-dirty bits, write-protecting */
	CLEAR_REFS_MM_HIWATER_RSS,	/* VmHWM back to the RSS now */
	CLEAR_REFS_LAST,
};

/* struct clear_refs_private - the walk's own: which clear, and whether
 * a PTE changed (the mm's translations must go). */
struct clear_refs_private {
	enum clear_refs_types type;
	bool changed;
};

/* clear_soft_dirty - a present PTE loses its soft-dirty bit and is
 * write-protected, so that the next write faults and marks it again
 * (do_wp_page() makes it writable in place when it may). The zero page's
 * too, as Linux's. */
static void clear_soft_dirty(struct clear_refs_private *cp, pte_t *pte)
{
	pte_t e = READ_ONCE(*pte);

	if (!pte_present(e))
		return;
	set_pte(pte, pte_clear_soft_dirty(pte_wrprotect(e)));
	cp->changed = true;
}

/* clear_refs_pte_entry - one PTE: its soft-dirty bit, or its accessed
 * bit if it maps a page (not the zero page). page_table_lock held. */
static int clear_refs_pte_entry(pte_t *pte, unsigned long addr, unsigned long next,
				struct mm_walk *walk)
{
	struct clear_refs_private *cp = walk->private;
	pte_t e = READ_ONCE(*pte);

	if (cp->type == CLEAR_REFS_SOFT_DIRTY) {
		clear_soft_dirty(cp, pte);
		return 0;
	}
	if (!pte_present(e) || !vm_normal_page(walk->vma, addr, e))
		return 0;
	if (pte_young(e)) {
		set_pte(pte, pte_mkold(e));
		cp->changed = true;
	}
	return 0;
}

/* clear_refs_test_walk - "2" walks anonymous VMAs only, "3" file ones. */
static int clear_refs_test_walk(unsigned long start, unsigned long end,
				struct mm_walk *walk)
{
	struct clear_refs_private *cp = walk->private;
	struct vm_area_struct *vma = walk->vma;

	if (cp->type == CLEAR_REFS_ANON && vma->vm_file)
		return 1;
	if (cp->type == CLEAR_REFS_MAPPED && !vma->vm_file)
		return 1;
	return 0;
}

static const struct mm_walk_ops clear_refs_walk_ops = {
	.pte_entry = clear_refs_pte_entry,
	.test_walk = clear_refs_test_walk,
};

/* clear_refs_type - the number written, as Linux's kstrtoint of the
 * stripped text: 0 and the type, or -EINVAL / -ERANGE. */
static int clear_refs_type(char *buffer, int *type)
{
	char *p = buffer, *e;
	bool neg = false;
	unsigned int v;
	int err;

	while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		p++;
	e = p + strlen(p);
	while (e > p && (e[-1] == ' ' || (e[-1] >= '\t' && e[-1] <= '\r')))
		*--e = 0;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	err = kstrtouint(p, 10, &v);
	if (err)
		return err;
	if (v > (unsigned int)INT_MAX + neg)
		return -ERANGE;
	*type = neg ? -(int)(v - 1) - 1 : (int)v;
	return 0;
}

/*
 * clear_refs_mm - do @type's clear on @mm: "5" sets VmHWM to the RSS
 * now; "4" first takes VM_SOFTDIRTY from every VMA (mmap_lock for
 * writing, which Linux takes for that too; mmos holds it for the walk
 * as well, having no downgrade); then the walk, and for "4" one flush
 * of the mm's translations if a PTE changed. @type is a valid
 * enum clear_refs_types (clear_refs_write() checked it); the hosted
 * tests call this directly. mmap_lock not held.
 */
void clear_refs_mm(struct mm_struct *mm, int type)
{
	struct clear_refs_private cp = { .type = type };
	struct vm_area_struct *vma;

	mmap_write_lock(mm);
	if (type == CLEAR_REFS_MM_HIWATER_RSS) {
		mm->hiwater_rss = get_mm_rss(mm);	/* reset_mm_hiwater_rss */
		goto out;
	}
	if (type == CLEAR_REFS_SOFT_DIRTY) {
		/* and its new PTEs are made so that writes fault
		 * (vm_get_page_prot(), Linux's vma_set_page_prot()) */
		mm_for_each_vma(mm, vma) {
			vma->vm_flags &= ~VM_SOFTDIRTY;
			vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
		}
	}
	walk_page_range(mm, 0, TASK_SIZE, &clear_refs_walk_ops, &cp);
	/* write-protected PTEs must not stay writable in a TLB; cleared
	 * accessed bits may (Linux flushes for "4" only, as here) */
	if (cp.changed && type == CLEAR_REFS_SOFT_DIRTY)
		flush_tlb_mm_range(mm, 0, TASK_SIZE);
out:
	mmap_write_unlock(mm);
}

/*
 * clear_refs_write - write(2) of /proc/PID/clear_refs (Linux's
 * clear_refs_write): at most 12 bytes are taken, a number 1..5 (spaces
 * and a newline around it allowed): -EFAULT, then -EINVAL or -ERANGE
 * for what is not one, then -ESRCH if the process is gone. Returns the
 * bytes taken.
 */
static ssize_t clear_refs_write(struct file *f, const char __user *buf, size_t count,
				loff_t *ppos)
{
	char buffer[13] = { 0 };	/* PROC_NUMBUF */
	struct task_struct *task;
	struct mm_struct *mm;
	int type, err;

	if (count > sizeof(buffer) - 1)
		count = sizeof(buffer) - 1;
	if (copy_from_user(buffer, buf, count))
		return -EFAULT;
	err = clear_refs_type(buffer, &type);
	if (err)
		return err;
	if (type < CLEAR_REFS_ALL || type >= CLEAR_REFS_LAST)
		return -EINVAL;
	task = get_proc_task(f->f_inode);
	if (!task)
		return -ESRCH;
	mm = get_task_mm(task);
	put_task_struct(task);
	if (mm) {
		clear_refs_mm(mm, type);
		mmput(mm);
	}
	return count;
}

const struct file_operations proc_clear_refs_operations = {
	.write = clear_refs_write,
	.seekable = true,
};
