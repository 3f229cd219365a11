/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Core dumps (fs/coredump.c, and the ELF writer in fs/binfmt_elf.c):
 * what a fatal signal whose default action is "core" leaves behind.
 */
#ifndef _LINUX_COREDUMP_H
#define _LINUX_COREDUMP_H

#include <linux/types.h>
#include <linux/file.h>	/* loff_t */

struct file;
struct kernel_siginfo;
struct mm_struct;

/* struct coredump_params - one dump in progress: the signal, where it
 * goes and how much of RLIMIT_CORE is left. */
struct coredump_params {
	const struct kernel_siginfo *siginfo;
	struct file *file;
	unsigned long limit;		/* RLIMIT_CORE, in bytes */
	unsigned long written;		/* bytes the file has so far */
	loff_t pos;			/* where the next bytes go */
	loff_t emitted_end;		/* the end of the last bytes written */
	unsigned long mm_flags;		/* the filter: MMF_DUMP_* */
};

/* mm->flags: whether a process may dump (SUID_DUMP_*, Linux's two
 * bits) and which mappings a dump holds (the coredump_filter bits) */
#define SUID_DUMP_DISABLE	0	/* a set-id exec: no dump */
#define SUID_DUMP_USER		1	/* dump as the process's owner */
#define MMF_DUMPABLE_MASK	3UL
#define MMF_DUMP_FILTER_SHIFT	2
#define MMF_DUMP_ANON_PRIVATE	2
#define MMF_DUMP_ANON_SHARED	3
#define MMF_DUMP_MAPPED_PRIVATE	4
#define MMF_DUMP_MAPPED_SHARED	5
#define MMF_DUMP_ELF_HEADERS	6
#define MMF_DUMP_HUGETLB_PRIVATE 7
#define MMF_DUMP_HUGETLB_SHARED	8
#define MMF_DUMP_DAX_PRIVATE	9
#define MMF_DUMP_DAX_SHARED	10
#define MMF_DUMP_FILTER_BITS	9
#define MMF_DUMP_FILTER_MASK	(((1UL << MMF_DUMP_FILTER_BITS) - 1) << MMF_DUMP_FILTER_SHIFT)
/* Linux's default coredump_filter (0x33 once shifted down, as
 * /proc/PID/coredump_filter shows it): anonymous memory, private
 * and shared, ELF headers, private huge pages */
#define MMF_DUMP_FILTER_DEFAULT	((1UL << MMF_DUMP_ANON_PRIVATE) | \
				 (1UL << MMF_DUMP_ANON_SHARED) | \
				 (1UL << MMF_DUMP_ELF_HEADERS) | \
				 (1UL << MMF_DUMP_HUGETLB_PRIVATE))

void mm_flags_replace(struct mm_struct *mm, unsigned long mask, unsigned long bits);
void set_dumpable(struct mm_struct *mm, int value);
int get_dumpable(struct mm_struct *mm);

bool do_coredump(const struct kernel_siginfo *siginfo);
bool dump_emit(struct coredump_params *cprm, const void *addr, size_t nr);
bool dump_skip(struct coredump_params *cprm, size_t nr);
bool dump_align(struct coredump_params *cprm, size_t align);
bool elf_core_dump(struct coredump_params *cprm);	/* fs/binfmt_elf.c */

extern char core_pattern[];
extern int core_uses_pid;

#endif
