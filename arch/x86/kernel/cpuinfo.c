// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/cpuinfo for the one CPU, from CPUID (Linux's
 * arch/x86/kernel/cpu/proc.c, in part: the identity lines and the
 * feature flags mmos uses).
 */
#include <linux/kernel.h>
#include <linux/arch.h>
#include <linux/proc_fs.h>
#include <linux/string.h>
#include <asm/processor.h>

/* cpu_model_name - CPUID 0x80000002..4's brand string, or "" if the CPU
 * has none. */
static void cpu_model_name(char name[49])
{
	u32 max, b, c, d, *w = (u32 *)name;

	name[0] = name[48] = 0;
	cpuid_count(0x80000000, 0, &max, &b, &c, &d);
	if (max < 0x80000004)
		return;
	for (u32 leaf = 0x80000002; leaf <= 0x80000004; leaf++, w += 4)
		cpuid_count(leaf, 0, &w[0], &w[1], &w[2], &w[3]);
}

/* arch_show_cpuinfo - processor 0's block: vendor, family, model, name,
 * stepping, and the flags boot_cpu_data knows, ending with a blank line. */
void arch_show_cpuinfo(struct seq_buf *s)
{
	const struct cpuinfo_x86 *c = &boot_cpu_data;
	u32 a, b, cx, d, family, model;
	char name[49];

	cpuid_count(1, 0, &a, &b, &cx, &d);
	family = (a >> 8) & 0xf;
	model = (a >> 4) & 0xf;
	if (family == 0xf)
		family += (a >> 20) & 0xff;
	if (family >= 6)
		model += ((a >> 16) & 0xf) << 4;
	cpu_model_name(name);
	seq_printf(s, "processor\t: 0\nvendor_id\t: %s\ncpu family\t: %u\nmodel\t\t: %u\n"
		   "model name\t: %s\nstepping\t: %u\n", c->vendor, family, model, name,
		   a & 0xf);
	seq_printf(s, "flags\t\t: fpu%s%s%s%s%s%s%s%s\n\n", c->pge ? " pge" : "",
		   c->nx ? " nx" : "", c->pdpe1gb ? " pdpe1gb" : "",
		   c->rdrand ? " rdrand" : "", c->smep ? " smep" : "",
		   c->rdseed ? " rdseed" : "", c->smap ? " smap" : "",
		   c->umip ? " umip" : "");
}
