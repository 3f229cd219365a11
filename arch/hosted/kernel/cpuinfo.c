// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/cpuinfo on arch/hosted: the one simulated CPU, which has no
 * CPUID of its own (Documentation/arch.md), so only its number and
 * what it is.
 */
#include <linux/kernel.h>
#include <linux/arch.h>
#include <linux/proc_fs.h>

/* arch_show_cpuinfo - processor 0's block, ending with a blank line. */
void arch_show_cpuinfo(struct seq_buf *s)
{
	seq_printf(s, "processor\t: 0\nmodel name\t: mmos hosted (software MMU)\n\n");
}
