/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H

#include <linux/types.h>
#ifndef __user
#define __user
#endif

#define BINPRM_BUF_SIZE		256
#define MAX_ARG_STRLEN		(32 * 4096)
#define MAX_ARG_STRINGS		0x7FFFFFFF

struct file;
struct mm_struct;
struct vm_area_struct;

/*
 * struct linux_binprm - an exec in progress (do_execve -> bprm_mm_init ->
 * mm_alloc; Documentation/mm/process-address-space.md, "exec"). The new
 * mm is built here, beside the old one, and replaces
 * it only at the point of no return (begin_new_exec), so any error
 * before that leaves the caller's image as it was.
 */
struct cred;

struct linux_binprm {
	struct mm_struct *mm;		/* the new address space */
	struct vm_area_struct *vma;	/* its stack */
	unsigned long p;		/* the stack's lowest used byte */
	struct file *file;
	const char *filename;
	int argc, envc;
	unsigned long exec;		/* AT_EXECFN: filename on the stack */
	char buf[BINPRM_BUF_SIZE];	/* the file's first bytes */
	unsigned long buf_len;
	struct cred *cred;		/* what the new program runs with */
	bool secureexec;		/* an identity change: AT_SECURE */
};

/* An argv/envp vector, from user space or the kernel. */
struct user_arg_ptr {
	bool is_kernel;
	union {
		const char *const *native;
		const char __user *const __user *user;
	} ptr;
};

int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp);
int begin_new_exec(struct linux_binprm *bprm);
int load_elf_binary(struct linux_binprm *bprm);
int copy_to_new_stack(struct linux_binprm *bprm, const void *src, unsigned long n);

#endif
