// SPDX-License-Identifier: GPL-2.0
/*
 * VMAs of user address spaces: lookup, mmap, munmap, brk, split and
 * merge, the unmapped-area search, exit_mmap, and the mmap, munmap and
 * brk syscalls (their argument checks and error numbers follow Linux's
 * man pages). All changes to an mm's
 * VMAs happen under its mmap_lock held for writing; lookups need it
 * held for reading.
 *
 * Layout (x86-64 Linux's, without randomisation): the stack at the top
 * of the user half growing down, mmap_base below the stack's rlimit and
 * guard gap, mmap() areas from there downwards, the program low with
 * brk growing up from the end of its bss.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/memfd.h>
#include <linux/mman.h>
#include <linux/shmem_fs.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include "internal.h"

static struct kmem_cache *vm_area_cachep;

/* vma_cache_init - the slab cache of VMAs; at boot, panics without memory. */
void vma_cache_init(void)
{
	vm_area_cachep = kmem_cache_create("vm_area_struct",
					   sizeof(struct vm_area_struct), 8);
	if (!vm_area_cachep)
		panic("vma_cache_init: out of memory");
}

/* vm_area_alloc - a zeroed VMA of @mm, on no list or tree yet. NULL
 * without memory. */
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma = kmem_cache_zalloc(vm_area_cachep, GFP_KERNEL);

	if (vma) {
		vma->vm_mm = mm;
		INIT_LIST_HEAD(&vma->vm_list);
		INIT_LIST_HEAD(&vma->i_mmap_link);
	}
	return vma;
}

/* vm_area_dup - a copy of @orig (same range, flags and backing, one more
 * reference to its file) for @mm, not in any tree yet. NULL without
 * memory. */
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig, struct mm_struct *mm)
{
	struct vm_area_struct *new = vm_area_alloc(mm);

	if (!new)
		return NULL;
	*new = *orig;
	new->vm_mm = mm;
	new->vm_node = NULL;
	INIT_LIST_HEAD(&new->vm_list);
	INIT_LIST_HEAD(&new->i_mmap_link);	/* linked once it is in a tree */
	if (new->vm_file) {
		get_file(new->vm_file);
		if (vma_is_shared_maywrite(new))	/* cannot fail: orig holds one */
			mapping_allow_writable(new->vm_file->f_inode->i_mapping);
	}
	if (new->vm_ops && new->vm_ops->open)
		new->vm_ops->open(new);
	return new;
}

/* vm_area_free - free @vma (out of the tree): it leaves its file's
 * reverse map, its backing hears of it (->close) and its file is
 * dropped, with the file's count of shared writable mappings if it was
 * one (taken by mmap_region() or vm_area_dup()). */
void vm_area_free(struct vm_area_struct *vma)
{
	unlink_file_vma(vma);
	if (vma->vm_ops && vma->vm_ops->close)
		vma->vm_ops->close(vma);
	if (vma->vm_file) {
		if (vma_is_shared_maywrite(vma))
			mapping_unmap_writable(vma->vm_file->f_inode->i_mapping);
		fput(vma->vm_file);
	}
	kmem_cache_free(vm_area_cachep, vma);
}

/* vm_get_page_prot - the PTE bits for pages of a VMA with @vm_flags.
 * Private writable mappings start read-only: the first write faults
 * (copy-on-write, or taking a fresh anon page). */
pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	pgprot_t prot = _PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED;

	if (!(vm_flags & VM_EXEC))
		prot |= _PAGE_NX;
	/* a shared writable mapping is mapped writable at once, unless its
	 * writes are being tracked since a clear_refs "4" (no VM_SOFTDIRTY:
	 * Linux's vma_wants_writenotify): then each page's first write
	 * faults, and do_wp_page() marks it soft-dirty and writable */
	if ((vm_flags & (VM_WRITE | VM_SHARED | VM_SOFTDIRTY)) ==
	    (VM_WRITE | VM_SHARED | VM_SOFTDIRTY))
		prot |= _PAGE_RW;
	/* PROT_NONE: the user never faults a page in, but a forced access
	 * (/proc/PID/mem) may: its PTE keeps the page unreachable, as
	 * mprotect's (Linux's PAGE_NONE) */
	if (!(vm_flags & VM_ACCESS_FLAGS))
		prot = (prot & ~_PAGE_PRESENT) | _PAGE_PROTNONE;
	return prot;
}

/* find_vma - the first VMA of @mm that ends above @addr (it may start
 * above it, as Linux's), or NULL. mmap_lock held. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	return vma_tree_find(&mm->mm_mt, addr);
}

/* vma_lookup - the VMA containing @addr, or NULL. */
struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	return vma && vma->vm_start <= addr ? vma : NULL;
}

/* vma_next - the VMA after @vma in address order, or NULL. */
struct vm_area_struct *vma_next(struct vm_area_struct *vma)
{
	struct list_head *n = vma->vm_list.next;

	return n == &vma->vm_mm->mm_mt.list ? NULL :
	       list_entry(n, struct vm_area_struct, vm_list);
}

/* vma_prev - the VMA before @vma in address order, or NULL. */
struct vm_area_struct *vma_prev(struct vm_area_struct *vma)
{
	struct list_head *p = vma->vm_list.prev;

	return p == &vma->vm_mm->mm_mt.list ? NULL :
	       list_entry(p, struct vm_area_struct, vm_list);
}

/* vm_stat_account - keep total_vm and its parts (for /proc status),
 * and locked_vm for a VM_LOCKED VMA's. */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages)
{
	mm->total_vm += npages;
	if (mm->total_vm > mm->hiwater_vm)
		mm->hiwater_vm = mm->total_vm;
	if (flags & VM_LOCKED)
		mm->locked_vm += npages;
	if (flags & VM_GROWSDOWN)
		mm->stack_vm += npages;
	else if ((flags & (VM_EXEC | VM_WRITE)) == VM_EXEC)
		mm->exec_vm += npages;
	else if ((flags & (VM_WRITE | VM_SHARED)) == VM_WRITE)
		mm->data_vm += npages;
}

/* vma_acct - @npages of a VMA with @flags were added (or, negative,
 * removed): a VM_ACCOUNT one's are committed memory (mm/util.c). */
void vma_acct(unsigned long flags, long npages)
{
	if (flags & VM_ACCOUNT)
		vm_acct_memory(npages);
}

/* insert_vm_struct - add @vma (not overlapping) to @mm and to its
 * file's reverse map, charging its pages if it is VM_ACCOUNT (fork's
 * copies too, as Linux's dup_mmap). */
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma)
{
	int err = vma_tree_insert(&mm->mm_mt, vma);

	if (!err) {
		vma_link_file(vma);
		vm_stat_account(mm, vma->vm_flags, vma_pages(vma));
		vma_acct(vma->vm_flags, vma_pages(vma));
	}
	return err;
}

/* remove_vma - take @vma out of @mm's tree and accounting, free it. */
static void remove_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	vma_tree_erase(&mm->mm_mt, vma);
	vm_stat_account(mm, vma->vm_flags, -vma_pages(vma));
	vma_acct(vma->vm_flags, -vma_pages(vma));
	vm_area_free(vma);
}

int sysctl_max_map_count = DEFAULT_MAX_MAP_COUNT;

/*
 * __split_vma - cut @vma at @addr into two VMAs. The new one takes the
 * part below @addr if @new_below, else the part above; both are on the
 * file's reverse map, changed under its lock. Returns 0 or -ENOMEM
 * (nothing changed).
 */
static int __split_vma(struct vm_area_struct *vma, unsigned long addr, bool new_below)
{
	struct vm_area_struct *new = vm_area_dup(vma, vma->vm_mm);
	struct address_space *mapping;
	int err;

	if (!new)
		return -ENOMEM;
	mapping = i_mmap_lock_vma(vma);
	if (new_below) {
		new->vm_end = addr;
		vma->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
		vma->vm_start = addr;
	} else {
		new->vm_start = addr;
		new->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
		vma->vm_end = addr;
	}
	vma_tree_update(&vma->vm_mm->mm_mt, vma);
	err = vma_tree_insert(&vma->vm_mm->mm_mt, new);
	if (err) {	/* undo: the old VMA takes its full range back */
		if (new_below) {
			vma->vm_start = new->vm_start;
			vma->vm_pgoff = new->vm_pgoff;
		} else {
			vma->vm_end = new->vm_end;
		}
		vma_tree_update(&vma->vm_mm->mm_mt, vma);
	} else {
		__vma_link_file(new);
	}
	i_mmap_unlock_vma(mapping);
	if (err)
		vm_area_free(new);
	return err;
}

/* split_vma - __split_vma(), unless the address space already has
 * vm.max_map_count VMAs (-ENOMEM), as Linux's. */
int split_vma(struct vm_area_struct *vma, unsigned long addr, bool new_below)
{
	if (mm_map_count(vma->vm_mm) >= sysctl_max_map_count)
		return -ENOMEM;
	return __split_vma(vma, addr, new_below);
}

/*
 * split_vma_range - make [start, end), which lies inside @vma, a VMA of
 * its own by splitting off what is below and above it (mprotect and
 * mlock change such a part). @vma is that VMA afterwards. Returns 0 or
 * -ENOMEM (a split already made stays, as in Linux).
 */
int split_vma_range(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	int err;

	if (start > vma->vm_start) {
		err = split_vma(vma, start, true);
		if (err)
			return err;
	}
	if (end < vma->vm_end)
		return split_vma(vma, end, false);
	return 0;
}

/* Can @next continue @prev (adjacent, same flags and backing)? Not if
 * the backing counts its VMAs (->close: SysV shm); a difference in
 * VM_SOFTDIRTY alone does not keep them apart (Linux's
 * is_mergeable_vma). */
static bool can_merge(const struct vm_area_struct *prev,
		      const struct vm_area_struct *next)
{
	if (prev->vm_end != next->vm_start ||
	    ((prev->vm_flags ^ next->vm_flags) & ~VM_SOFTDIRTY) ||
	    prev->vm_file != next->vm_file)
		return false;
	if (prev->vm_ops && prev->vm_ops->close)
		return false;
	return !prev->vm_file ||
	       prev->vm_pgoff + vma_pages(prev) == next->vm_pgoff;
}

/* Drop @gone, whose range @into has just taken over (no accounting:
 * the pages stay mapped, only the VMA count changes). Both map the same
 * file, if any: the reverse map loses @gone as @into grows, in one
 * change under its lock. */
static void absorb(struct mm_struct *mm, struct vm_area_struct *into,
		   struct vm_area_struct *gone, unsigned long start, unsigned long end)
{
	struct address_space *mapping = i_mmap_lock_vma(into);

	into->vm_flags |= gone->vm_flags & VM_SOFTDIRTY;	/* dirty wins */
	vma_tree_erase(&mm->mm_mt, gone);
	if (mapping)
		__unlink_file_vma(gone);
	into->vm_start = start;
	into->vm_end = end;
	vma_tree_update(&mm->mm_mt, into);
	i_mmap_unlock_vma(mapping);
	vm_area_free(gone);
}

/*
 * vma_merge_neighbours - merge @vma with its neighbours where they are
 * compatible, as Linux does after mmap and mprotect, so that mapping and
 * protecting pieces back and forth does not fragment the tree. Returns
 * the VMA that now covers @vma's range.
 */
struct vm_area_struct *vma_merge_neighbours(struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *prev = vma_prev(vma), *next = vma_next(vma);

	if (next && can_merge(vma, next))
		absorb(mm, vma, next, vma->vm_start, next->vm_end);
	if (prev && can_merge(prev, vma)) {
		absorb(mm, prev, vma, prev->vm_start, vma->vm_end);
		vma = prev;
	}
	return vma;
}

/* The free range search, top-down below mmap_base as on x86-64 Linux. */
static unsigned long unmapped_area_topdown(struct mm_struct *mm, unsigned long len)
{
	return vma_tree_gap_topdown(&mm->mm_mt, len, MMAP_MIN_ADDR, mm->mmap_base);
}

/* Is [addr, addr + len) free of VMAs? */
static bool range_is_free(struct mm_struct *mm, unsigned long addr,
			  unsigned long len)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	return !vma || vma->vm_start >= addr + len;
}

/*
 * get_unmapped_area - where a new mapping of @len bytes goes: @addr
 * itself for MAP_FIXED; the hint @addr if that range is free; else the
 * highest free range below mmap_base. Returns the address or -ENOMEM.
 */
unsigned long get_unmapped_area(struct file *file, unsigned long addr,
				unsigned long len, unsigned long pgoff,
				unsigned long flags)
{
	struct mm_struct *mm = current->mm;

	if (len > TASK_SIZE - MMAP_MIN_ADDR)
		return -ENOMEM;
	if (flags & MAP_FIXED)
		return addr;
	if (addr) {
		addr = PAGE_ALIGN(addr);
		if (addr >= MMAP_MIN_ADDR && addr <= TASK_SIZE - len &&
		    range_is_free(mm, addr, len))
			return addr;
	}
	return unmapped_area_topdown(mm, len);
}

/*
 * __do_munmap - remove every mapping in [start, end): split the VMAs
 * that straddle the ends, unmap and free what is inside, free the page
 * tables that became empty. Returns 0 or -ENOMEM (a split failed, before
 * anything was unmapped).
 */
static int __do_munmap(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start), *next, *prev;

	mmap_assert_write_locked(mm);
	if (!vma || vma->vm_start >= end)
		return 0;
	if (vma->vm_start < start) {
		/* a hole punched in one VMA makes one more; otherwise the
		 * count may go over the limit for a moment (Linux's) */
		if (end < vma->vm_end && mm_map_count(mm) >= sysctl_max_map_count)
			return -ENOMEM;
		if (__split_vma(vma, start, true))
			return -ENOMEM;
	}
	for (next = vma; next && next->vm_start < end; next = vma_next(next))
		if (next->vm_end > end && __split_vma(next, end, false))
			return -ENOMEM;
	prev = vma_prev(vma);
	while (vma && vma->vm_start < end) {
		next = vma_next(vma);
		zap_page_range(vma, vma->vm_start, vma->vm_end);
		remove_vma(mm, vma);
		vma = next;
	}
	free_pgtables(mm, start, end, prev ? prev->vm_end : 0,
		      vma ? vma->vm_start : USER_PGTABLES_CEILING);
	return 0;
}

/* do_munmap - unmap [start, start + len) of @mm (len rounded up to
 * pages). mmap_lock held for writing. 0, -EINVAL (unaligned, empty or
 * outside user space) or -ENOMEM (a VMA could not be split). */
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	if ((start & ~PAGE_MASK) || start >= TASK_SIZE || len > TASK_SIZE - start)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len)
		return -EINVAL;
	return __do_munmap(mm, start, start + len);
}

/* accountable_mapping - Linux's: a private writable mapping without
 * MAP_NORESERVE commits its size. */
static bool accountable_mapping(unsigned long vm_flags)
{
	return (vm_flags & (VM_NORESERVE | VM_SHARED | VM_WRITE)) == VM_WRITE;
}

/* accounted_pages - the pages of VM_ACCOUNT VMAs of @mm inside
 * [start, end): what a MAP_FIXED mapping over them gives back. */
static unsigned long accounted_pages(struct mm_struct *mm, unsigned long start,
				     unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);
	unsigned long n = 0;

	for (; vma && vma->vm_start < end; vma = vma_next(vma))
		if (vma->vm_flags & VM_ACCOUNT)
			n += (min(vma->vm_end, end) - max(vma->vm_start, start)) >> PAGE_SHIFT;
	return n;
}

/*
 * mmap_region - map [addr, addr + len) with @vm_flags, backed by @file
 * from page @pgoff (or anonymous), VM_ACCOUNT if accountable: then
 * -ENOMEM, with nothing changed, if the commitment (less what a fixed
 * mapping replaces) is more than vm_enough_memory() allows. What was
 * there is unmapped first. Returns @addr or -errno.
 */
static unsigned long mmap_region(struct file *file, unsigned long addr,
				 unsigned long len, unsigned long vm_flags,
				 unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	int err;

	if (accountable_mapping(vm_flags)) {
		if (!vm_enough_memory(mm, (len >> PAGE_SHIFT) - accounted_pages(mm, addr, addr + len)))
			return -ENOMEM;
		vm_flags |= VM_ACCOUNT;
	}
	err = __do_munmap(mm, addr, addr + len);
	if (err)
		return err;
	vma = vm_area_alloc(mm);
	if (!vma)
		return -ENOMEM;
	/* a new mapping is soft-dirty as a whole (Linux's mmap_region):
	 * what was there before may have been unmapped and replaced */
	vm_flags |= VM_SOFTDIRTY;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_page_prot = vm_get_page_prot(vm_flags);
	vma->vm_pgoff = pgoff;
	vma->vm_file = file ? get_file(file) : NULL;
	if (file)
		err = file->f_op->mmap(file, vma);	/* sets vm_ops */
	else	/* shared anonymous memory is a tmpfs object's */
		err = (vm_flags & VM_SHARED) ? shmem_zero_setup(vma) : 0;
	/* counted once ->mmap has the final file and flags */
	if (!err && vma->vm_file && vma_is_shared_maywrite(vma))
		err = mapping_map_writable(vma->vm_file->f_inode->i_mapping);
	if (err)
		goto free_uncounted;
	err = insert_vm_struct(mm, vma);
	if (err)
		goto free_vma;
	vma_merge_neighbours(vma);
	return addr;

free_uncounted:
	/* not in i_mmap_writable: vm_area_free() must not take it away */
	vma->vm_flags &= ~VM_MAYWRITE;
free_vma:
	vm_area_free(vma);
	return err;
}

/* calc_vm_flags - the vm_flags of a new mapping with PROT_* @prot and
 * MAP_* @flags. */
static unsigned long calc_vm_flags(unsigned long prot, unsigned long flags)
{
	unsigned long vm = calc_vm_prot_bits(prot) |
			   VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;

	if ((flags & MAP_TYPE) != MAP_PRIVATE)
		vm |= VM_SHARED | VM_MAYSHARE;
	if (flags & MAP_GROWSDOWN)
		vm |= VM_GROWSDOWN;
	/* Linux heeds MAP_NORESERVE unless overcommit is strict */
	if ((flags & MAP_NORESERVE) && sysctl_overcommit_memory != OVERCOMMIT_NEVER)
		vm |= VM_NORESERVE;
	return vm;
}

/* The flags mmap has always taken: MAP_SHARED ignores others, and
 * MAP_SHARED_VALIDATE refuses them (-EOPNOTSUPP), as Linux's. */
#define LEGACY_MAP_MASK	(MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | \
			 MAP_DENYWRITE | MAP_EXECUTABLE | MAP_UNINITIALIZED | \
			 MAP_GROWSDOWN | MAP_LOCKED | MAP_NORESERVE | MAP_POPULATE | \
			 MAP_NONBLOCK | MAP_STACK | MAP_HUGETLB)

/*
 * mmap_type_check - may @file (or anonymous memory, NULL) be mapped
 * with MAP_* @flags and PROT_* @prot? Linux's checks, in its order:
 * unknown flags with MAP_SHARED_VALIDATE (-EOPNOTSUPP), a shared
 * writable mapping of a file not open for writing, a file not open for
 * reading (-EACCES), PROT_EXEC of a file on a noexec mount (-EPERM), a
 * file system that cannot map (-ENODEV), a growing file or shared
 * mapping, an unknown or (for anonymous memory) MAP_SHARED_VALIDATE
 * type (-EINVAL). On the way it takes from *@vm_flags what the file's
 * open mode forbids for later, as Linux's do_mmap: a shared mapping of
 * a file not open for writing can never become writable (no
 * VM_MAYWRITE) and is no longer VM_SHARED (nothing it holds can be
 * written back); a noexec mount's never executable (no VM_MAYEXEC).
 * Returns 0 or -errno.
 */
static int mmap_type_check(struct file *file, unsigned long prot, unsigned long flags,
			   unsigned long *vm_flags)
{
	unsigned long type = flags & MAP_TYPE;

	if (!file) {
		if (type == MAP_SHARED)
			return (flags & MAP_GROWSDOWN) ? -EINVAL : 0;
		return type == MAP_PRIVATE ? 0 : -EINVAL;
	}
	if (type == MAP_SHARED_VALIDATE && (flags & ~LEGACY_MAP_MASK))
		return -EOPNOTSUPP;
	if (type == MAP_SHARED || type == MAP_SHARED_VALIDATE) {
		if ((prot & PROT_WRITE) && !(file->f_mode & FMODE_WRITE))
			return -EACCES;
		if (!(file->f_mode & FMODE_WRITE))
			*vm_flags &= ~(VM_MAYWRITE | VM_SHARED);
	} else if (type != MAP_PRIVATE) {
		return -EINVAL;
	}
	if (!(file->f_mode & FMODE_READ))
		return -EACCES;
	if (file->f_path.mnt && (file->f_path.mnt->mnt_flags & MNT_NOEXEC)) {
		if (*vm_flags & VM_EXEC)
			return -EPERM;
		*vm_flags &= ~VM_MAYEXEC;
	}
	if (!file->f_op->mmap)
		return -ENODEV;
	return (flags & MAP_GROWSDOWN) ? -EINVAL : 0;
}

/*
 * do_mmap - the work of mmap(2) once the syscall has the file: the
 * length, the address, a lock (MAP_LOCKED, or mlockall(MCL_FUTURE)'s
 * def_flags) within the limit, then whether this file (or anonymous
 * memory) may be mapped so (mmap_type_check()), and the mapping.
 * mmap_lock held for writing; the caller populates a locked mapping.
 * Returns the address or -errno (-EINVAL, -ENOMEM, -EPERM, -EEXIST,
 * -EAGAIN, -EOPNOTSUPP, -EACCES, -ENODEV).
 */
unsigned long do_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	unsigned long vm_flags;
	int err;

	mmap_assert_write_locked(mm);
	if (!len)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len || len > TASK_SIZE)
		return -ENOMEM;
	if (mm_map_count(mm) > sysctl_max_map_count)
		return -ENOMEM;
	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED;
	if (flags & MAP_FIXED) {	/* Linux's order of complaints */
		if (addr > TASK_SIZE - len)
			return -ENOMEM;
		if (addr & ~PAGE_MASK)
			return -EINVAL;
		if (addr < MMAP_MIN_ADDR)
			return -EPERM;
	}
	addr = get_unmapped_area(file, addr, len, pgoff, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if ((flags & MAP_FIXED_NOREPLACE) && !range_is_free(mm, addr, len))
		return -EEXIST;
	vm_flags = calc_vm_flags(prot, flags) | mm->def_flags;
	if (flags & MAP_LOCKED) {
		if (!can_do_mlock())
			return -EPERM;
		vm_flags |= VM_LOCKED;
	}
	err = mlock_future_check(mm, vm_flags, len);
	if (err)
		return err;
	err = mmap_type_check(file, prot, flags, &vm_flags);
	if (err)
		return err;
	if (file && (vm_flags & VM_SHARED) && !(file->f_mode & FMODE_WRITE))
		vm_flags &= ~VM_MAYWRITE;	/* mprotect may not make it writable */
	if (file) {
		err = memfd_check_seals_mmap(file, &vm_flags);
		if (err)
			return err;
	}
	return mmap_region(file, addr, len, vm_flags, pgoff);
}

/*
 * do_brk_flags - extend the heap at @addr by @len bytes of anonymous
 * read-write memory, merging with the heap VMA below when it can.
 */
int do_brk_flags(unsigned long addr, unsigned long len, unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret;

	if (!len)
		return 0;
	if (!range_is_free(mm, addr, len) || mm_map_count(mm) > sysctl_max_map_count)
		return -ENOMEM;
	ret = mmap_region(NULL, addr, len, VM_READ | VM_WRITE | VM_MAYREAD |
			  VM_MAYWRITE | VM_MAYEXEC | flags | mm->def_flags, 0);
	return IS_ERR_VALUE(ret) ? (int)ret : 0;
}

/* expand_downwards - move @vma's start down to @start (page aligned,
 * the range below free), with its accounting and file offset. mmap_lock
 * held for writing. */
void expand_downwards(struct vm_area_struct *vma, unsigned long start)
{
	unsigned long grow = (vma->vm_start - start) >> PAGE_SHIFT;

	struct address_space *mapping;

	mmap_assert_write_locked(vma->vm_mm);
	vm_stat_account(vma->vm_mm, vma->vm_flags, grow);
	vma_acct(vma->vm_flags, grow);
	mapping = i_mmap_lock_vma(vma);
	vma->vm_pgoff -= grow;
	vma->vm_start = start;
	vma_tree_update(&vma->vm_mm->mm_mt, vma);
	i_mmap_unlock_vma(mapping);
}

/*
 * find_extend_vma - the VMA for a fault at @addr, growing the stack
 * down to cover it when @addr is below a VM_GROWSDOWN VMA, within the
 * stack rlimit and keeping the guard gap above the next VMA below.
 * mmap_lock held for writing (Linux 6.x also takes it to grow a stack).
 */
struct vm_area_struct *find_extend_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr), *prev;
	unsigned long start = addr & PAGE_MASK;

	if (!vma || vma->vm_start <= addr)
		return vma;
	if (!(vma->vm_flags & VM_GROWSDOWN))
		return NULL;
	if (vma->vm_end - start > rlimit(RLIMIT_STACK) || start < MMAP_MIN_ADDR)
		return NULL;
	prev = vma_prev(vma);
	if (prev && start < prev->vm_end + STACK_GUARD_GAP)
		return NULL;
	if ((vma->vm_flags & VM_ACCOUNT) &&
	    !vm_enough_memory(mm, (vma->vm_start - start) >> PAGE_SHIFT))
		return NULL;	/* Linux's acct_stack_growth */
	expand_downwards(vma, start);
	return vma;
}

/* exit_mmap - unmap everything, free every VMA and page table. */
void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *next;

	mmap_write_lock(mm);
	list_for_each_entry_safe(vma, next, &mm->mm_mt.list, vm_list) {
		zap_page_range(vma, vma->vm_start, vma->vm_end);
		remove_vma(mm, vma);
	}
	free_pgtables(mm, 0, TASK_SIZE, 0, USER_PGTABLES_CEILING);
	for (int i = 0; i < KERNEL_PGD_BOUNDARY; i++)	/* nothing may be left */
		BUG_ON(!pgd_none(mm->pgd[i]));
	mmap_write_unlock(mm);
}

/* mmap - mmap(2): the offset, the file (-EBADF), then do_mmap() under
 * mmap_lock, in Linux's order of complaints. Returns the address or
 * -errno. */
SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len, unsigned long, prot,
		unsigned long, flags, unsigned long, fd, unsigned long, off)
{
	struct mm_struct *mm = current->mm;
	struct file *file = NULL;
	unsigned long ret;
	bool populate;

	if (off & ~PAGE_MASK)
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS)) {
		file = fget(fd);
		if (!file)
			return -EBADF;
	}
	mmap_write_lock(mm);
	ret = do_mmap(file, addr, len, prot, flags, off >> PAGE_SHIFT);
	/* a locked mapping, or MAP_POPULATE, is faulted in now, as Linux's
	 * vm_mmap_pgoff() does once the lock is dropped */
	populate = (flags & MAP_LOCKED) || (mm->def_flags & VM_LOCKED) ||
		   (flags & (MAP_POPULATE | MAP_NONBLOCK)) == MAP_POPULATE;
	mmap_write_unlock(mm);
	if (file)
		fput(file);
	if (!IS_ERR_VALUE(ret) && populate)
		mm_populate(ret, len);
	return ret;
}

/* munmap - do_munmap() of current's mm under mmap_lock. 0 or -errno. */
SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	struct mm_struct *mm = current->mm;
	int ret;

	mmap_write_lock(mm);
	ret = do_munmap(mm, addr, len);
	mmap_write_unlock(mm);
	return ret;
}

/* brk_move - move the end of the heap from @oldbrk to @newbrk (both
 * page aligned): unmap what is given back, or map more, keeping a page
 * of gap below the next mapping as Linux does. 0 or -errno (the heap
 * then stays as it was). mmap_lock held for writing. */
static int brk_move(struct mm_struct *mm, unsigned long oldbrk, unsigned long newbrk)
{
	struct vm_area_struct *next;

	if (newbrk < oldbrk)
		return do_munmap(mm, newbrk, oldbrk - newbrk);
	if (newbrk == oldbrk)
		return 0;
	next = find_vma(mm, oldbrk);
	if (next && newbrk + PAGE_SIZE > next->vm_start)
		return -ENOMEM;
	return do_brk_flags(oldbrk, newbrk - oldbrk, 0);
}

/*
 * brk - move the end of the heap. Returns the new break, or the old one
 * if it cannot move there (below start_brk, into another mapping, out
 * of memory), as Linux's brk(2) does.
 */
SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret, oldbrk;
	bool populate;

	mmap_write_lock(mm);
	oldbrk = mm->brk;
	if (brk >= mm->start_brk && brk <= TASK_SIZE - (64UL << 20) &&
	    !brk_move(mm, PAGE_ALIGN(mm->brk), PAGE_ALIGN(brk)))
		mm->brk = brk;
	ret = mm->brk;
	/* under mlockall(MCL_FUTURE) the new heap is faulted in, as Linux's */
	populate = ret > oldbrk && (mm->def_flags & VM_LOCKED);
	mmap_write_unlock(mm);
	if (populate)
		mm_populate(PAGE_ALIGN(oldbrk), PAGE_ALIGN(ret) - PAGE_ALIGN(oldbrk));
	return ret;
}
