// SPDX-License-Identifier: GPL-2.0
/*
 * Loading static ELF64 x86-64 programs (ET_EXEC, and static-PIE ET_DYN
 * at Linux's non-randomised base). Everything about the file is checked
 * before the point of no return, so a truncated, overlapping or absurd
 * ELF is -ENOEXEC and the caller's image survives. After it, PT_LOAD
 * segments become private file mappings (the bss tail of the last file
 * page zeroed, the rest anonymous), brk starts past the bss, and the
 * stack gets the argument pointers and the auxiliary vector.
 */
#include <linux/arch.h>
#include <linux/kernel.h>
#include <linux/random.h>
#include <linux/binfmts.h>
#include <linux/cred.h>
#include <linux/elf.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <linux/uaccess.h>

#define ELF_ET_DYN_BASE		0x555555554000UL	/* Linux's, unrandomised */
#define ELF_MAX_PHNUM		(65536 / sizeof(struct elf64_phdr))


static bool elf_check_header(const struct elf64_hdr *h, unsigned long len)
{
	return len >= sizeof(*h) && !memcmp(h->e_ident, "\177ELF", 4) &&
	       h->e_ident[4] == ELFCLASS64 && h->e_ident[5] == ELFDATA2LSB &&
	       h->e_ident[6] == EV_CURRENT &&
	       (h->e_type == ET_EXEC || h->e_type == ET_DYN) &&
	       h->e_machine == EM_X86_64 &&
	       h->e_phentsize == sizeof(struct elf64_phdr) &&
	       h->e_phnum >= 1 && h->e_phnum <= ELF_MAX_PHNUM;
}

/* Read and check the program headers. Returns them (kmalloc) or an
 * ERR_PTR: -ENOEXEC for anything malformed. */
static struct elf64_phdr *load_phdrs(struct linux_binprm *bprm,
				     const struct elf64_hdr *h, unsigned long bias)
{
	u64 size = (u64)h->e_phnum * sizeof(struct elf64_phdr);
	u64 fsize = bprm->file->f_inode->i_size, prev_end = 0;
	struct elf64_phdr *ph;
	loff_t pos;
	bool any = false;

	if (h->e_phoff > fsize || size > fsize - h->e_phoff)
		return ERR_PTR(-ENOEXEC);
	ph = kmalloc(size, GFP_KERNEL);
	if (!ph)
		return ERR_PTR(-ENOMEM);
	pos = h->e_phoff;
	if (kernel_read(bprm->file, ph, size, &pos) != size) {
		kfree(ph);
		return ERR_PTR(-EIO);
	}
	for (unsigned i = 0; i < h->e_phnum; i++) {
		const struct elf64_phdr *p = &ph[i];

		if (p->p_type == PT_INTERP)
			goto bad;	/* dynamic programs need an interpreter */
		if (p->p_type != PT_LOAD)
			continue;
		if (p->p_filesz > p->p_memsz || p->p_offset > fsize ||
		    p->p_filesz > fsize - p->p_offset ||
		    (p->p_vaddr & ~PAGE_MASK) != (p->p_offset & ~PAGE_MASK) ||
		    p->p_vaddr + bias < MMAP_MIN_ADDR || p->p_memsz > TASK_SIZE ||
		    p->p_vaddr + bias > STACK_TOP - (64UL << 20) - p->p_memsz ||
		    (p->p_vaddr & PAGE_MASK) < prev_end)
			goto bad;	/* truncated, absurd, or overlapping/unsorted */
		prev_end = PAGE_ALIGN(p->p_vaddr + p->p_memsz);
		any = true;
	}
	if (!any || h->e_entry + bias < MMAP_MIN_ADDR || h->e_entry + bias >= TASK_SIZE)
		goto bad;
	return ph;
bad:
	kfree(ph);
	return ERR_PTR(-ENOEXEC);
}

static unsigned long prot_of(const struct elf64_phdr *p)
{
	return (p->p_flags & PF_R ? PROT_READ : 0) |
	       (p->p_flags & PF_W ? PROT_WRITE : 0) |
	       (p->p_flags & PF_X ? PROT_EXEC : 0);
}

/* Map one PT_LOAD segment at @bias: file pages, then anonymous bss. */
static int elf_map_segment(struct linux_binprm *bprm, const struct elf64_phdr *p,
			   unsigned long bias)
{
	struct mm_struct *mm = current->mm;
	unsigned long start = (p->p_vaddr + bias) & PAGE_MASK;
	unsigned long file_end = p->p_vaddr + bias + p->p_filesz;
	unsigned long mem_end = PAGE_ALIGN(p->p_vaddr + bias + p->p_memsz);
	unsigned long ret = 0;

	mmap_write_lock(mm);
	if (p->p_filesz)
		ret = do_mmap(bprm->file, start, PAGE_ALIGN(file_end) - start,
			      prot_of(p), MAP_PRIVATE | MAP_FIXED,
			      (p->p_offset & PAGE_MASK) >> PAGE_SHIFT);
	/* the anonymous part starts after the last file page, or at the
	 * segment's first page if it has no file bytes at all */
	file_end = p->p_filesz ? PAGE_ALIGN(file_end) : start;
	if (!IS_ERR_VALUE(ret) && mem_end > file_end)
		ret = do_mmap(NULL, file_end, mem_end - file_end,
			      prot_of(p), MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, 0);
	file_end = p->p_vaddr + bias + p->p_filesz;
	mmap_write_unlock(mm);
	if (IS_ERR_VALUE(ret))
		return ret;
	/* The file's bytes after p_filesz in its last page are not the bss:
	 * zero them (padzero), which copies that page on write. */
	if (p->p_memsz > p->p_filesz && (file_end & ~PAGE_MASK) && (p->p_flags & PF_W))
		if (clear_user((void __user *)file_end, PAGE_SIZE - (file_end & ~PAGE_MASK)))
			return -EFAULT;
	return 0;
}

/* push_user - put @n bytes on the (now current) new stack; their address
 * through @addr. The stack VMA grows on the fault if it must. */
static int push_user(struct linux_binprm *bprm, const void *src, unsigned long n,
		     unsigned long *addr)
{
	bprm->p -= n;
	*addr = bprm->p;
	return copy_to_user((void __user *)bprm->p, src, n) ? -EFAULT : 0;
}

/* Pointers to @count strings that copy_strings() left in order from
 * *@strings upwards, each one after the previous one's NUL; *@strings is
 * left just past the last. */
static int fill_string_pointers(unsigned long *vec, unsigned long *strings, int count)
{
	for (int i = 0; i < count; i++) {
		long len = strnlen_user((const char __user *)*strings, MAX_ARG_STRLEN);

		if (len <= 0)
			return -EFAULT;
		vec[i] = *strings;
		*strings += len;
	}
	return 0;
}

/* set_mm_args - record where argv's and envp's strings are, for
 * /proc/PID/cmdline and environ: [arg_start, arg_end) then up to
 * env_end. */
static void set_mm_args(struct mm_struct *mm, unsigned long arg_start,
			unsigned long arg_end, unsigned long env_end)
{
	spin_lock(&mm->arg_lock);
	mm->arg_start = arg_start;
	mm->arg_end = mm->env_start = arg_end;
	mm->env_end = env_end;
	spin_unlock(&mm->arg_lock);
}

/*
 * create_elf_tables - below the strings: the platform string and 16
 * random bytes, then (16-byte aligned, as the ABI wants %rsp at argc)
 * argc, argv[], NULL, envp[], NULL and the auxiliary vector.
 */
static int create_elf_tables(struct linux_binprm *bprm, const struct elf64_hdr *h,
			     unsigned long bias, unsigned long phdr_addr,
			     unsigned long strings)
{
	unsigned long *vec, plat, rnd_addr, n, sp, arg_start, arg_end;
	u32 a, b, c, d;
	u8 rnd[16];
	int err;

	get_random_bytes(rnd, sizeof(rnd));
	err = push_user(bprm, "x86_64", 7, &plat);
	if (!err)
		err = push_user(bprm, rnd, sizeof(rnd), &rnd_addr);
	if (err)
		return err;
	n = 1 + bprm->argc + 1 + bprm->envc + 1 + 2 * 19;
	vec = kzalloc(n * sizeof(*vec), GFP_KERNEL);
	if (!vec)
		return -ENOMEM;
	vec[0] = bprm->argc;
	arg_start = strings;
	err = fill_string_pointers(vec + 1, &strings, bprm->argc);	/* argv, */
	arg_end = strings;
	if (!err)						/* then envp */
		err = fill_string_pointers(vec + 2 + bprm->argc, &strings, bprm->envc);
	set_mm_args(current->mm, arg_start, arg_end, strings);
	n = 1 + bprm->argc + 1 + bprm->envc + 1;
	cpuid_count(1, 0, &a, &b, &c, &d);
#define AUX(k, v) do { vec[n++] = (k); vec[n++] = (v); } while (0)
	AUX(AT_HWCAP, d);
	AUX(AT_PAGESZ, PAGE_SIZE);
	AUX(AT_CLKTCK, 100);
	AUX(AT_PHDR, phdr_addr);
	AUX(AT_PHENT, sizeof(struct elf64_phdr));
	AUX(AT_PHNUM, h->e_phnum);
	AUX(AT_BASE, 0);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, h->e_entry + bias);
	AUX(AT_UID, current_uid());	/* the new credentials, committed */
	AUX(AT_EUID, current_euid());
	AUX(AT_GID, current_gid());
	AUX(AT_EGID, current_egid());
	AUX(AT_SECURE, bprm->secureexec);
	AUX(AT_RANDOM, rnd_addr);
	AUX(AT_HWCAP2, 0);
	AUX(AT_EXECFN, bprm->exec);
	AUX(AT_PLATFORM, plat);
	AUX(AT_NULL, 0);
#undef AUX
	sp = (bprm->p - n * sizeof(*vec)) & ~15UL;
	if (!err && copy_to_user((void __user *)sp, vec, n * sizeof(*vec)))
		err = -EFAULT;
	kfree(vec);
	bprm->p = sp;
	return err;
}

/*
 * setup_arg_pages - give the stack 128 KiB of room below what exec put
 * there, as Linux does (its stack_expand), so that a program's first
 * calls do not each fault the stack VMA one page further down.
 */
static void setup_arg_pages(struct linux_binprm *bprm)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma = vma_lookup(mm, bprm->p);
	unsigned long start = (bprm->p - (128UL << 10)) & PAGE_MASK;

	mmap_write_lock(mm);
	if (vma && start < vma->vm_start)
		expand_downwards(vma, start);
	mmap_write_unlock(mm);
}

/* Where the program headers are in memory (AT_PHDR): PT_PHDR if given,
 * else inside the PT_LOAD segment that maps e_phoff. */
static unsigned long phdr_address(const struct elf64_hdr *h,
				  const struct elf64_phdr *ph, unsigned long bias)
{
	for (unsigned i = 0; i < h->e_phnum; i++)
		if (ph[i].p_type == PT_PHDR)
			return ph[i].p_vaddr + bias;
	for (unsigned i = 0; i < h->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && h->e_phoff >= ph[i].p_offset &&
		    h->e_phoff < ph[i].p_offset + ph[i].p_filesz)
			return ph[i].p_vaddr + bias + (h->e_phoff - ph[i].p_offset);
	return 0;
}

/* Record code/data/brk bounds in the new mm (for /proc and brk). */
static void set_mm_layout(struct mm_struct *mm, const struct elf64_hdr *h,
			  const struct elf64_phdr *ph, unsigned long bias)
{
	unsigned long brk = 0;

	mm->start_code = ~0UL;
	for (unsigned i = 0; i < h->e_phnum; i++) {
		const struct elf64_phdr *p = &ph[i];
		unsigned long s = p->p_vaddr + bias;

		if (p->p_type != PT_LOAD)
			continue;
		if (p->p_flags & PF_X) {
			mm->start_code = min(mm->start_code, s);
			mm->end_code = max(mm->end_code, s + p->p_filesz);
		} else {
			if (!mm->start_data)
				mm->start_data = s;
			mm->end_data = max(mm->end_data, s + p->p_filesz);
		}
		brk = max(brk, s + p->p_memsz);
	}
	if (mm->start_code == ~0UL)
		mm->start_code = mm->end_code = 0;
	mm->start_brk = mm->brk = PAGE_ALIGN(brk);
}

/*
 * load_elf_binary - check the ELF, then (point of no return) replace the
 * image and map it. -ENOEXEC before the point of no return leaves the
 * caller untouched; a failure after it kills the task (SIGSEGV), as in
 * Linux.
 */
int load_elf_binary(struct linux_binprm *bprm)
{
	const struct elf64_hdr *h = (const struct elf64_hdr *)bprm->buf;
	unsigned long bias, strings = bprm->p;
	struct elf64_phdr *ph;
	int err = 0;

	if (!elf_check_header(h, bprm->buf_len))
		return -ENOEXEC;
	bias = h->e_type == ET_DYN ? ELF_ET_DYN_BASE : 0;
	ph = load_phdrs(bprm, h, bias);
	if (IS_ERR(ph))
		return PTR_ERR(ph);
	err = begin_new_exec(bprm);
	if (err) {	/* killed meanwhile: it dies on the way out */
		kfree(ph);
		return err;
	}
	for (unsigned i = 0; i < h->e_phnum && !err; i++)
		if (ph[i].p_type == PT_LOAD)
			err = elf_map_segment(bprm, &ph[i], bias);
	set_mm_layout(current->mm, h, ph, bias);
	if (!err)
		err = create_elf_tables(bprm, h, bias, phdr_address(h, ph, bias), strings);
	current->mm->start_stack = bprm->p;
	if (!err)
		setup_arg_pages(bprm);
	kfree(ph);
	if (err) {
		force_sig(SIGSEGV);
		return 0;	/* past the point of no return: the task dies */
	}
	start_thread(current_pt_regs(), h->e_entry + bias, bprm->p);
	return 0;
}
