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
#include <linux/coredump.h>
#include <linux/cred.h>
#include <linux/elf.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/pgtable.h>
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
	/* kept for /proc/PID/auxv and core dumps (Linux's saved_auxv) */
	BUILD_BUG_ON(2 * 19 > AT_VECTOR_SIZE);
	memcpy(current->mm->saved_auxv, vec + 1 + bprm->argc + 1 + bprm->envc + 1,
	       (n - (1 + bprm->argc + 1 + bprm->envc + 1)) * sizeof(*vec));
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

/* ---- core dumps (fs/coredump.c decides when and where) ------------- */

/*
 * struct core_vma - what a dump keeps of one VMA: copied under
 * mmap_lock, then written without it (the pages are looked up one at a
 * time), as Linux's dump_vma_snapshot.
 */
struct core_vma {
	unsigned long start, end, flags, pgoff;
	unsigned long dump_size;	/* bytes from start that go in the file */
	struct file *file;		/* a reference, or NULL */
};

#define FILTER(type)	(mm_flags & (1UL << MMF_DUMP_##type))


/* vma_has_anon_pages - has @vma, a private VMA, copies of its own (what
 * Linux tells by vma->anon_vma: it was written)? Looks at the tables
 * that exist; mmap_lock held. */
static bool vma_has_anon_pages(struct vm_area_struct *vma)
{
	for (unsigned long addr = vma->vm_start; addr < vma->vm_end; ) {
		pte_t *pte = follow_pte_slot(vma->vm_mm, addr);
		pte_t e;

		if (!pte) {	/* no table here: on to the next one */
			addr = (addr + PMD_SIZE) & PMD_MASK;
			continue;
		}
		e = READ_ONCE(*pte);
		if (pte_present(e) && pte_pfn(e) != zero_pfn && PageAnon(pfn_to_page(pte_pfn(e))))
			return true;
		addr += PAGE_SIZE;
	}
	return false;
}

/* file_starts_elf - does the file of @vma begin with the ELF magic (in
 * its page cache)? */
static bool file_starts_elf(struct vm_area_struct *vma)
{
	struct page *page = find_get_page(vma->vm_file->f_inode->i_mapping, 0);
	bool elf = page && !memcmp(page_address(page), "\177ELF", 4);

	if (page)
		put_page(page);
	return elf;
}

/*
 * vma_dump_size - how much of @vma a dump with filter @mm_flags holds,
 * Linux's rule: nothing of a VM_DONTDUMP one; a shared one whole if
 * its filter bit says (anonymous shared memory is a file with no name);
 * a private one whole if it has copies of its own and anonymous memory
 * is dumped, or if it maps a file and mapped private memory is; else
 * the first page of an executable or ELF file (the headers), or
 * nothing. mmap_lock held.
 */
static unsigned long vma_dump_size(struct vm_area_struct *vma, unsigned long mm_flags)
{
	if (vma->vm_flags & VM_DONTDUMP)
		return 0;
	if (vma->vm_flags & VM_SHARED) {
		if (vma->vm_file->f_inode->i_nlink == 0 ? FILTER(ANON_SHARED) : FILTER(MAPPED_SHARED))
			return vma->vm_end - vma->vm_start;
		return 0;
	}
	if (FILTER(ANON_PRIVATE) && vma_has_anon_pages(vma))
		return vma->vm_end - vma->vm_start;
	if (!vma->vm_file)
		return 0;
	if (FILTER(MAPPED_PRIVATE))
		return vma->vm_end - vma->vm_start;
	if (FILTER(ELF_HEADERS) && vma->vm_pgoff == 0 && (vma->vm_flags & VM_READ) &&
	    ((vma->vm_file->f_inode->i_mode & 0111) || file_starts_elf(vma)))
		return PAGE_SIZE;
	return 0;
}

/* dump_vma_snapshot - the VMAs of current's mm into a new array (*@nr
 * of them), or NULL when memory is out. */
static struct core_vma *dump_vma_snapshot(unsigned long mm_flags, int *nr)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	struct core_vma *cv;
	int i = 0;

	mmap_read_lock(mm);
	cv = kzalloc((mm_map_count(mm) + 1) * sizeof(*cv), GFP_KERNEL);
	if (cv) {
		mm_for_each_vma(mm, vma) {
			cv[i] = (struct core_vma){ vma->vm_start, vma->vm_end, vma->vm_flags,
						   vma->vm_pgoff, vma_dump_size(vma, mm_flags),
						   vma->vm_file ? get_file(vma->vm_file) : NULL };
			i++;
		}
	}
	mmap_read_unlock(mm);
	*nr = i;
	return cv;
}

/* free_vma_snapshot - drop what dump_vma_snapshot() took. */
static void free_vma_snapshot(struct core_vma *cv, int nr)
{
	for (int i = 0; i < nr; i++)
		if (cv[i].file)
			fput(cv[i].file);
	kfree(cv);
}

/* get_dump_page - the page at @addr of current's mm, referenced, for
 * the dump: the one mapped there, else the file's page (what a read
 * would see), else NULL (a hole: zeros). Faults nothing in. */
static struct page *get_dump_page(unsigned long addr)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	struct page *page = NULL;
	pte_t *pte;

	mmap_read_lock(mm);
	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start > addr)
		goto out;
	spin_lock(&mm->page_table_lock);
	pte = follow_pte_slot(mm, addr);
	if (pte && pte_present(*pte) && pte_pfn(*pte) != zero_pfn) {
		page = pfn_to_page(pte_pfn(*pte));
		get_page(page);
	}
	spin_unlock(&mm->page_table_lock);
	if (!page && pte && pte_present(*pte))
		goto out;		/* the zero page: a hole */
	if (!page && vma->vm_file)
		page = find_get_page(vma->vm_file->f_inode->i_mapping,
				     vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT));
out:
	mmap_read_unlock(mm);
	return page;
}

/* note_size - the bytes of a "CORE" note with @descsz of description. */
static size_t note_size(size_t descsz)
{
	return sizeof(struct elf64_note) + 8 + ALIGN(descsz, 4);
}

/* add_note - append a "CORE" note of @type to @buf at *@off. */
static void add_note(char *buf, size_t *off, u32 type, const void *desc, size_t descsz)
{
	struct elf64_note n = { .n_namesz = 5, .n_descsz = descsz, .n_type = type };

	memcpy(buf + *off, &n, sizeof(n));
	memcpy(buf + *off + sizeof(n), "CORE\0\0\0", 8);
	memcpy(buf + *off + sizeof(n) + 8, desc, descsz);
	*off += note_size(descsz);
}

/* fill_prstatus - NT_PRSTATUS of current: the signal, the pending and
 * blocked sets, the ids, the times and the user registers (Linux's
 * user_regs_struct order). */
static void fill_prstatus(struct elf_prstatus *st, const struct kernel_siginfo *info)
{
	struct pt_regs *r = current_pt_regs();
	struct task_struct *t = current;
	unsigned long regs[ELF_NGREG] = {
		r->r15, r->r14, r->r13, r->r12, r->bp, r->bx, r->r11, r->r10, r->r9, r->r8,
		r->ax, r->cx, r->dx, r->si, r->di, r->orig_ax, r->ip, r->cs, r->flags,
		r->sp, r->ss, t->thread.fsbase, 0, 0, 0, 0, 0,
	};

	memset(st, 0, sizeof(*st));
	st->pr_info.si_signo = st->pr_cursig = info->si_signo;
	st->pr_info.si_code = info->si_code;
	st->pr_info.si_errno = info->si_errno;
	st->pr_sigpend = t->pending.signal;
	st->pr_sighold = t->blocked;
	st->pr_pid = t->pid;
	st->pr_ppid = t->real_parent ? t->real_parent->tgid : 0;
	st->pr_pgrp = pid_nr(task_pgrp(t));
	st->pr_sid = pid_nr(task_session(t));
	st->pr_utime = (struct elf_timeval){ t->utime / NSEC_PER_SEC,
					     t->utime % NSEC_PER_SEC / 1000 };
	st->pr_stime = (struct elf_timeval){ t->stime / NSEC_PER_SEC,
					     t->stime % NSEC_PER_SEC / 1000 };
	memcpy(st->pr_reg, regs, sizeof(regs));
}

/* fill_prpsinfo - NT_PRPSINFO: the state, ids, name and arguments. */
static void fill_prpsinfo(struct elf_prpsinfo *ps)
{
	struct task_struct *t = current;
	struct mm_struct *mm = t->mm;
	unsigned long len;

	memset(ps, 0, sizeof(*ps));
	ps->pr_sname = 'R';
	ps->pr_uid = current_cred()->uid;
	ps->pr_gid = current_cred()->gid;
	ps->pr_pid = t->tgid;
	ps->pr_ppid = t->real_parent ? t->real_parent->tgid : 0;
	ps->pr_pgrp = pid_nr(task_pgrp(t));
	ps->pr_sid = pid_nr(task_session(t));
	get_task_comm(ps->pr_fname, t);
	spin_lock(&mm->arg_lock);
	len = min(mm->arg_end - mm->arg_start, sizeof(ps->pr_psargs) - 1);
	spin_unlock(&mm->arg_lock);
	if (len && copy_from_user(ps->pr_psargs, (void __user *)mm->arg_start, len) == 0) {
		for (unsigned long i = 0; i + 1 < len; i++)	/* arguments, space-separated */
			if (!ps->pr_psargs[i])
				ps->pr_psargs[i] = ' ';
	}
}

/*
 * fill_files_note - NT_FILE: how many file mappings, the page size,
 * then start, end and page offset of each, then their paths. Returns
 * a kmalloc'd description and its size in *@size, or NULL.
 */
static void *fill_files_note(const struct core_vma *cv, int nr, size_t *size)
{
	char *path = kmalloc(PAGE_SIZE, GFP_KERNEL), *desc;
	unsigned long nfiles = 0, *words;
	size_t names = 0, at;

	if (!path)
		return NULL;
	for (int i = 0; i < nr; i++) {
		if (!cv[i].file)
			continue;
		nfiles++;
		names += max(d_path(&cv[i].file->f_path, path, PAGE_SIZE), 0) + 1;
	}
	*size = (2 + 3 * nfiles) * sizeof(long) + names;
	desc = kzalloc(*size, GFP_KERNEL);
	if (!desc) {
		kfree(path);
		return NULL;
	}
	words = (unsigned long *)desc;
	words[0] = nfiles;
	words[1] = PAGE_SIZE;
	at = (2 + 3 * nfiles) * sizeof(long);
	for (int i = 0, k = 0; i < nr; i++) {
		int len;

		if (!cv[i].file)
			continue;
		words[2 + 3 * k] = cv[i].start;
		words[3 + 3 * k] = cv[i].end;
		words[4 + 3 * k] = cv[i].pgoff;
		k++;
		len = d_path(&cv[i].file->f_path, path, PAGE_SIZE);
		if (len > 0 && at + len + 1 <= *size) {
			memcpy(desc + at, path, len);
			at += len;
		}
		desc[at++] = 0;
	}
	kfree(path);
	return desc;
}

/* write_core_headers - the ELF header and program headers: PT_NOTE
 * first, then a PT_LOAD for each VMA, its data from @dataoff on. */
static bool write_core_headers(struct coredump_params *cprm, const struct core_vma *cv,
			       int nr, size_t notes_size, unsigned long dataoff)
{
	struct elf64_hdr h = {
		.e_ident = { 0x7f, 'E', 'L', 'F', ELFCLASS64, ELFDATA2LSB, EV_CURRENT },
		.e_type = ET_CORE, .e_machine = EM_X86_64, .e_version = EV_CURRENT,
		.e_phoff = sizeof(h), .e_ehsize = sizeof(h),
		.e_phentsize = sizeof(struct elf64_phdr), .e_phnum = nr + 1,
	};
	struct elf64_phdr ph = { .p_type = PT_NOTE, .p_offset = sizeof(h) + (nr + 1) * sizeof(ph),
				 .p_filesz = notes_size, .p_align = 4 };

	if (!dump_emit(cprm, &h, sizeof(h)) || !dump_emit(cprm, &ph, sizeof(ph)))
		return false;
	for (int i = 0; i < nr; i++) {
		ph = (struct elf64_phdr){
			.p_type = PT_LOAD, .p_offset = dataoff, .p_vaddr = cv[i].start,
			.p_filesz = cv[i].dump_size, .p_memsz = cv[i].end - cv[i].start,
			.p_flags = (cv[i].flags & VM_READ ? PF_R : 0) |
				   (cv[i].flags & VM_WRITE ? PF_W : 0) |
				   (cv[i].flags & VM_EXEC ? PF_X : 0),
			.p_align = PAGE_SIZE,
		};
		dataoff += cv[i].dump_size;
		if (!dump_emit(cprm, &ph, sizeof(ph)))
			return false;
	}
	return true;
}

/* write_core_notes - the notes of the dumping thread and the process:
 * NT_PRSTATUS, NT_PRPSINFO, NT_SIGINFO, NT_AUXV, NT_FILE, in Linux's
 * order. */
static bool write_core_notes(struct coredump_params *cprm, const void *files,
			     size_t files_size)
{
	size_t auxv = mm_auxv_words(current->mm) * sizeof(long);
	size_t size = note_size(sizeof(struct elf_prstatus)) +
		      note_size(sizeof(struct elf_prpsinfo)) + note_size(128) +
		      note_size(auxv) + note_size(files_size), off = 0;
	char *buf = kzalloc(size, GFP_KERNEL), siginfo[128] = { 0 };
	struct elf_prstatus st;
	struct elf_prpsinfo ps;
	bool ok;

	if (!buf)
		return false;
	fill_prstatus(&st, cprm->siginfo);
	fill_prpsinfo(&ps);
	memcpy(siginfo, cprm->siginfo, sizeof(*cprm->siginfo));
	add_note(buf, &off, NT_PRSTATUS, &st, sizeof(st));
	add_note(buf, &off, NT_PRPSINFO, &ps, sizeof(ps));
	add_note(buf, &off, NT_SIGINFO, siginfo, sizeof(siginfo));
	add_note(buf, &off, NT_AUXV, current->mm->saved_auxv, auxv);
	add_note(buf, &off, NT_FILE, files, files_size);
	ok = dump_emit(cprm, buf, off);
	kfree(buf);
	return ok;
}

/* dump_user_range - the pages of [start, start + len) of current's mm
 * into the file: each one's contents, or a hole where none is. */
static bool dump_user_range(struct coredump_params *cprm, unsigned long start,
			    unsigned long len)
{
	for (unsigned long addr = start; addr < start + len; addr += PAGE_SIZE) {
		struct page *page = get_dump_page(addr);
		bool ok;

		if (!page) {
			ok = dump_skip(cprm, PAGE_SIZE);
		} else {
			ok = dump_emit(cprm, page_address(page), PAGE_SIZE);
			put_page(page);
		}
		if (!ok)
			return false;
	}
	return true;
}

/* dump_vmas - each VMA's dumped part, in order. false when cut short. */
static bool dump_vmas(struct coredump_params *cprm, const struct core_vma *cv, int nr)
{
	for (int i = 0; i < nr; i++)
		if (!dump_user_range(cprm, cv[i].start, cv[i].dump_size))
			return false;
	return true;
}

/* dump_end_hole - a hole at the end of the file still counts in its
 * size: write its last byte (Linux's dump_skip_to at the end). */
static void dump_end_hole(struct coredump_params *cprm)
{
	char zero = 0;

	if (cprm->pos <= cprm->emitted_end)
		return;
	cprm->pos--;
	cprm->written--;
	dump_emit(cprm, &zero, 1);
}

/*
 * elf_core_dump - current's ELF core file into @cprm's file, as Linux's
 * binfmt_elf: the ELF header, a PT_NOTE and a PT_LOAD per VMA, the
 * notes, then from the next page each VMA's dumped part
 * (vma_dump_size()) in order. Only the dumping thread's registers are
 * there (Linux stops the other threads and adds theirs), and there is
 * no FPU note. Returns true once the dump has begun, as Linux's: the
 * wait status then says "core dumped" even if RLIMIT_CORE cut the file
 * short.
 */
bool elf_core_dump(struct coredump_params *cprm)
{
	size_t files_size = 0, notes_size;
	unsigned long dataoff;
	struct core_vma *cv;
	bool dumped = false;
	void *files;
	int nr;

	BUILD_BUG_ON(sizeof(struct elf_prstatus) != 336 || sizeof(struct elf_prpsinfo) != 136);
	cv = dump_vma_snapshot(cprm->mm_flags, &nr);
	if (!cv)
		return false;
	files = fill_files_note(cv, nr, &files_size);
	if (!files)
		goto free_snapshot;
	notes_size = note_size(sizeof(struct elf_prstatus)) +
		     note_size(sizeof(struct elf_prpsinfo)) + note_size(128) +
		     note_size(mm_auxv_words(current->mm) * sizeof(long)) + note_size(files_size);
	dataoff = ALIGN(sizeof(struct elf64_hdr) + (nr + 1) * sizeof(struct elf64_phdr) +
			notes_size, PAGE_SIZE);
	dumped = true;	/* Linux's has_dumped: from here RLIMIT_CORE only cuts it short */
	if (write_core_headers(cprm, cv, nr, notes_size, dataoff) &&
	    write_core_notes(cprm, files, files_size) && dump_align(cprm, PAGE_SIZE) &&
	    dump_vmas(cprm, cv, nr))
		dump_end_hole(cprm);
	kfree(files);
free_snapshot:
	free_vma_snapshot(cv, nr);
	return dumped;
}
