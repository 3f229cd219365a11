/* SPDX-License-Identifier: GPL-2.0 */
/* ELF64 structures and the constants exec needs. */
#ifndef _LINUX_ELF_H
#define _LINUX_ELF_H

#include <linux/types.h>

#define EI_NIDENT	16
#define ELFCLASS64	2
#define ELFDATA2LSB	1
#define EV_CURRENT	1
#define ET_EXEC		2
#define ET_DYN		3
#define ET_CORE		4
#define EM_X86_64	62

#define PT_NULL		0
#define PT_LOAD		1
#define PT_DYNAMIC	2
#define PT_INTERP	3
#define PT_NOTE		4
#define PT_PHDR		6
#define PT_TLS		7
#define PT_GNU_STACK	0x6474e551

#define PF_X		1
#define PF_W		2
#define PF_R		4

#define AT_NULL		0
#define AT_PHDR		3
#define AT_PHENT	4
#define AT_PHNUM	5
#define AT_PAGESZ	6
#define AT_BASE		7
#define AT_FLAGS	8
#define AT_ENTRY	9
#define AT_UID		11
#define AT_EUID		12
#define AT_GID		13
#define AT_EGID		14
#define AT_PLATFORM	15
#define AT_HWCAP	16
#define AT_CLKTCK	17
#define AT_SECURE	23
#define AT_RANDOM	25
#define AT_HWCAP2	26
#define AT_EXECFN	31

struct elf64_hdr {
	unsigned char e_ident[EI_NIDENT];
	u16 e_type, e_machine;
	u32 e_version;
	u64 e_entry, e_phoff, e_shoff;
	u32 e_flags;
	u16 e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
};

struct elf64_phdr {
	u32 p_type, p_flags;
	u64 p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align;
};

/* A note's header; its name ("CORE") and description follow, each
 * padded to 4 bytes. The notes of a core file, by type: */
struct elf64_note {
	u32 n_namesz, n_descsz, n_type;
};
#define NT_PRSTATUS	1	/* struct elf_prstatus: a thread's registers */
#define NT_PRPSINFO	3	/* struct elf_prpsinfo: the process */
#define NT_AUXV		6	/* the auxiliary vector exec gave it */
#define NT_SIGINFO	0x53494749	/* the siginfo of the fatal signal */
#define NT_FILE		0x46494c45	/* the mapped files */

/* x86-64's elf_gregset_t: user_regs_struct's order */
#define ELF_NGREG	27

struct elf_siginfo {
	int si_signo, si_code, si_errno;
};

struct elf_timeval {
	long tv_sec, tv_usec;
};

/* struct elf_prstatus - NT_PRSTATUS, Linux's x86-64 layout (336 bytes) */
struct elf_prstatus {
	struct elf_siginfo pr_info;
	short pr_cursig;
	unsigned long pr_sigpend, pr_sighold;
	int pr_pid, pr_ppid, pr_pgrp, pr_sid;
	struct elf_timeval pr_utime, pr_stime, pr_cutime, pr_cstime;
	unsigned long pr_reg[ELF_NGREG];
	int pr_fpvalid;
};

/* struct elf_prpsinfo - NT_PRPSINFO, Linux's x86-64 layout (136 bytes) */
struct elf_prpsinfo {
	char pr_state, pr_sname, pr_zomb, pr_nice;
	unsigned long pr_flag;
	unsigned int pr_uid, pr_gid;
	int pr_pid, pr_ppid, pr_pgrp, pr_sid;
	char pr_fname[16];
	char pr_psargs[80];
};

#endif
