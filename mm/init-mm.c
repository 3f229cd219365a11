// SPDX-License-Identifier: GPL-2.0
/*
 * init_mm: the kernel's own address space, statically initialised around
 * swapper_pg_dir (Documentation/mm/process-address-space.md,
 * "init_mm and swapper_pg_dir"). mm_users starts at 2
 * and mm_count at 1 as in Linux, so no mmput()/mmdrop() can ever take it
 * to zero; __mmdrop() BUG()s if asked to free it anyway. Linux's
 * initialiser also sets mmlist, the list of mms with pages in swap (for
 * swapoff): mmos has no swap, so it has no mmlist.
 */
#include <linux/mm.h>
#include <linux/list.h>
#include <linux/pgtable.h>

struct mm_struct init_mm = {
	.mm_mt		= VMA_TREE_INIT(init_mm.mm_mt),
	.pgd		= swapper_pg_dir,
	.mm_users	= ATOMIC_INIT(2),
	.mm_count	= ATOMIC_INIT(1),
	.mmap_lock	= __RWSEM_INITIALIZER(init_mm.mmap_lock),
	.page_table_lock = __SPIN_LOCK_UNLOCKED(init_mm.page_table_lock),
	.arg_lock	= __SPIN_LOCK_UNLOCKED(init_mm.arg_lock),
	.cpu_bitmap	= CPU_BITS_NONE,
	INIT_MM_CONTEXT(init_mm)
};

/*
 * setup_initial_init_mm - record the kernel image's layout in init_mm:
 * the arguments are the linker's _stext, _etext, _edata and _end.
 */
void setup_initial_init_mm(void *start_code, void *end_code,
			   void *end_data, void *brk)
{
	init_mm.start_code = (unsigned long)start_code;
	init_mm.end_code = (unsigned long)end_code;
	init_mm.end_data = (unsigned long)end_data;
	init_mm.brk = (unsigned long)brk;
}
