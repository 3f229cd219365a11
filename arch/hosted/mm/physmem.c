// SPDX-License-Identifier: GPL-2.0
/*
 * The hosted target's physical memory and its boot: the same memblock ->
 * mem_map -> buddy -> slab -> vmalloc sequence as arch/x86, over
 * hosted_phys_mem. Physical page 0 is swapper_pg_dir.
 */
#include <linux/kernel.h>
#include <linux/initrd.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/timekeeping.h>
#include <linux/vmalloc.h>
#include <asm/hosted.h>
#include <asm/irqflags.h>
#include <asm/tlbflush.h>

char hosted_phys_mem[HOSTED_PHYS_SIZE] __aligned(PAGE_SIZE);


/* No boot loader: no initrd (tests unpack archives themselves). */
phys_addr_t phys_initrd_start;
unsigned long phys_initrd_size;

extern struct task_struct *child_reaper;
void mem_map_init(void);
void mm_core_init(void);

/* hosted_boot - bring up the memory core over @size bytes of simulated
 * RAM (at most HOSTED_PHYS_SIZE). Call once per process. */
void hosted_boot(unsigned long size)
{
	BUG_ON(size > HOSTED_PHYS_SIZE || size < (1UL << 20));
	memblock_reset();
	memblock_add(0, size);
	memblock_reserve(0, PAGE_SIZE);		/* swapper_pg_dir */
	if (vmalloc_preallocate_pgds(swapper_pg_dir))
		panic("hosted: no memory for vmalloc PGD entries");
	mem_map_init();
	mm_core_init();
	sched_init();
	fork_init();
	timekeeping_init();
	rand_initialize();
	child_reaper = &init_task;	/* the idle task stands in for PID 1 */
	write_cr3(__pa(swapper_pg_dir));
	arch_local_irq_enable();	/* as start_kernel() does */
}
