// SPDX-License-Identifier: GPL-2.0
/*
 * The hosted target's MMU: a software walker of the x86-64 4-level
 * tables (the same bits the hardware reads) behind a simulated TLB, and
 * user accesses that go through both and take page faults into the
 * kernel's own fault path.
 *
 * The TLB caches a translation (and its permissions) when a walk
 * succeeds and keeps it until the kernel flushes it: invlpg
 * (__flush_tlb_one_kernel), a CR3 load (non-global entries), or a full
 * flush. It is tagged with the PCID the x86 hardware would use, always 0
 * until mmos uses PCIDs. So a missing flush shows: the stale entry keeps
 * serving the old page.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <asm/hosted.h>
#include <asm/tlbflush.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define TLB_ENTRIES	64

struct tlb_entry {
	bool valid, global;
	unsigned int pcid;
	unsigned long vpn;
	phys_addr_t pa;		/* page frame */
	pteval_t flags;		/* effective RW, USER, NX */
};

static struct tlb_entry tlb[TLB_ENTRIES];
unsigned long hosted_cr3;
unsigned long hosted_tlb_hits, hosted_tlb_misses;
int hosted_last_signal;		/* the signal the last bad access raised */

/* hosted_tlb_flush_one - invlpg: drop the entry for @addr, if cached. */
void hosted_tlb_flush_one(unsigned long addr)
{
	struct tlb_entry *e = &tlb[(addr >> PAGE_SHIFT) % TLB_ENTRIES];

	if (e->valid && e->vpn == addr >> PAGE_SHIFT)
		e->valid = false;
}

/* hosted_tlb_flush_all - drop every non-global entry, or every entry
 * when @global (a CR4.PGE toggle). */
void hosted_tlb_flush_all(bool global)
{
	for (int i = 0; i < TLB_ENTRIES; i++)
		if (global || !tlb[i].global)
			tlb[i].valid = false;
}

/* mmu_entry - one level of mmu_walk(): whether entry *@e is present;
 * if so mark it accessed, and gather the RW/USER bits every level must
 * grant and the NX bit any level may set, as the CPU does. */
static bool mmu_entry(pteval_t *e, pteval_t *acc, pteval_t *nx)
{
	if (!(*e & _PAGE_PRESENT))
		return false;
	*e |= _PAGE_ACCESSED;
	*acc &= *e;
	*nx |= *e & _PAGE_NX;
	return true;
}

/* mmu_leaf - the end of mmu_walk() at leaf *@e mapping @size bytes: set
 * dirty for an allowed write, and report the page frame of @va, the
 * effective permissions and the global bit. */
static void mmu_leaf(pteval_t *e, unsigned long size, unsigned long va,
		     bool write, pteval_t acc, pteval_t nx, phys_addr_t *pa,
		     pteval_t *flags, bool *global)
{
	if (write && (acc & _PAGE_RW))
		*e |= _PAGE_DIRTY;
	*pa = (*e & PTE_PFN_MASK & ~(size - 1)) | (va & (size - 1) & PAGE_MASK);
	*flags = acc | nx;
	*global = *e & _PAGE_GLOBAL;
}

/* mmu_walk - walk the tables at hosted_cr3 for @va as the CPU does, with
 * the accessors every walker uses, setting the accessed (and, for a
 * write, dirty) bits. false if not mapped. */
static bool mmu_walk(unsigned long va, bool write, phys_addr_t *pa, pteval_t *flags,
		     bool *global)
{
	pgd_t *pgd = pgd_offset_pgd(__va(hosted_cr3 & PTE_PFN_MASK), va);
	p4d_t *p4d = p4d_offset(pgd, va);
	pteval_t acc = _PAGE_RW | _PAGE_USER, nx = 0;
	pud_t *pud;
	pmd_t *pmd;
	pte_t *pte;

	if (!mmu_entry(&p4d->pgd.pgd, &acc, &nx))
		return false;
	pud = pud_offset(p4d, va);
	if (!mmu_entry(&pud->pud, &acc, &nx))
		return false;
	if (pud_leaf(*pud)) {
		mmu_leaf(&pud->pud, PUD_SIZE, va, write, acc, nx, pa, flags, global);
		return true;
	}
	pmd = pmd_offset(pud, va);
	if (!mmu_entry(&pmd->pmd, &acc, &nx))
		return false;
	if (pmd_leaf(*pmd)) {
		mmu_leaf(&pmd->pmd, PMD_SIZE, va, write, acc, nx, pa, flags, global);
		return true;
	}
	pte = pte_offset_kernel(pmd, va);
	if (!mmu_entry(&pte->pte, &acc, &nx))
		return false;
	mmu_leaf(&pte->pte, PAGE_SIZE, va, write, acc, nx, pa, flags, global);
	return true;
}

/* The error-code bits of the simulated MMU (x86's #PF bits). */
#define HOSTED_PF_PROT	0x01	/* the page was present */
#define HOSTED_PF_WRITE	0x02
#define HOSTED_PF_USER	0x04
#define HOSTED_PF_INSTR	0x10

/* allowed - whether effective permissions @flags admit the access. */
static bool allowed(pteval_t flags, bool write, bool exec, bool user)
{
	return (!write || (flags & _PAGE_RW)) && (!user || (flags & _PAGE_USER)) &&
	       (!exec || !(flags & _PAGE_NX));
}

/* Translate @va for an access; false with the x86 error code if it
 * faults. A TLB hit is used as it is, stale or not. */
static bool mmu_translate(unsigned long va, bool write, bool exec, bool user,
			  phys_addr_t *pa, unsigned long *err)
{
	struct tlb_entry *e = &tlb[(va >> PAGE_SHIFT) % TLB_ENTRIES];
	pteval_t flags;
	bool global;

	if (e->valid && e->vpn == va >> PAGE_SHIFT && allowed(e->flags, write, exec, user)) {
		hosted_tlb_hits++;
		*pa = e->pa | (va & ~PAGE_MASK);
		return true;
	}
	hosted_tlb_misses++;
	*err = (write ? HOSTED_PF_WRITE : 0) | (user ? HOSTED_PF_USER : 0) |
	       (exec ? HOSTED_PF_INSTR : 0);
	if (!mmu_walk(va, write, pa, &flags, &global))
		return false;
	if (!allowed(flags, write, exec, user)) {
		*err |= HOSTED_PF_PROT;	/* present: a protection fault */
		return false;
	}
	*e = (struct tlb_entry){ .valid = true, .global = global, .pcid = 0,
				 .vpn = va >> PAGE_SHIFT, .pa = *pa, .flags = flags };
	*pa |= va & ~PAGE_MASK;
	return true;
}

/*
 * hosted_fault - the page-fault handler of the hosted target, as
 * arch/x86/mm/fault.c's for a user access: decode the error code and
 * let handle_user_fault() (mm/memory.c) do the rest. Returns 0, or the
 * signal a user would get (SIGSEGV, SIGBUS, SIGKILL for out of memory).
 */
static int hosted_fault(unsigned long addr, unsigned long err)
{
	unsigned int flags = FAULT_FLAG_USER;
	int code;

	if (!current->mm)
		return SIGSEGV;
	if (err & HOSTED_PF_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (err & HOSTED_PF_INSTR)
		flags |= FAULT_FLAG_INSTRUCTION;
	if ((err & HOSTED_PF_PROT) && !(err & (HOSTED_PF_WRITE | HOSTED_PF_INSTR)))
		return SIGSEGV;	/* as on x86: no VMA can fix it */
	return handle_user_fault(current->mm, addr, flags, &code);
}

/* One byte of user access at @va: through the TLB, faulting as needed.
 * Returns the host pointer, or NULL (hosted_last_signal says why). */
static u8 *user_byte(unsigned long va, bool write)
{
	unsigned long err = 0;
	phys_addr_t pa;

	for (int tries = 0; tries < 3; tries++) {
		if (va >= TASK_SIZE) {
			hosted_last_signal = SIGSEGV;
			return NULL;
		}
		if (mmu_translate(va, write, false, true, &pa, &err))
			return (u8 *)__va(pa);
		hosted_last_signal = hosted_fault(va, err);
		if (hosted_last_signal)
			return NULL;
	}
	hosted_last_signal = SIGSEGV;	/* the fault did not resolve */
	return NULL;
}

/* hosted_user_access - what a user program's loads and stores do:
 * copy @n bytes between @buf and user address @va of current's mm.
 * Returns 0, or the signal the access raised. */
int hosted_user_access(unsigned long va, void *buf, unsigned long n, bool write)
{
	u8 *b = buf;

	for (unsigned long i = 0; i < n; i++) {
		u8 *p = user_byte(va + i, write);

		if (!p)
			return hosted_last_signal;
		if (write)
			*p = b[i];
		else
			b[i] = *p;
	}
	return 0;
}

/* The kernel's uaccess on this target: the same walk, and -EFAULT where
 * a user would get a signal. They return the bytes not copied. */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++) {
		u8 *p = access_ok((char *)from + i, 1) ?
			user_byte((unsigned long)from + i, false) : NULL;

		if (!p) {
			memset((char *)to + i, 0, n - i);
			return n - i;
		}
		((u8 *)to)[i] = *p;
	}
	return 0;
}

/* copy_to_user - as on x86: the bytes not copied, 0 on success. */
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++) {
		u8 *p = access_ok((char *)to + i, 1) ?
			user_byte((unsigned long)to + i, true) : NULL;

		if (!p)
			return n - i;
		*p = ((const u8 *)from)[i];
	}
	return 0;
}

/* clear_user - zero @n user bytes; the bytes not cleared. */
unsigned long clear_user(void __user *to, unsigned long n)
{
	static const u8 zero;

	for (unsigned long i = 0; i < n; i++)
		if (copy_to_user((char *)to + i, &zero, 1))
			return n - i;
	return 0;
}

/* strncpy_from_user - <linux/uaccess.h>'s contract, byte by byte. */
long strncpy_from_user(char *dst, const char __user *src, long count)
{
	for (long i = 0; i < count; i++) {
		if (copy_from_user(dst + i, src + i, 1))
			return -EFAULT;
		if (!dst[i])
			return i;
	}
	return count;
}

/* strnlen_user - <linux/uaccess.h>'s contract, byte by byte. */
long strnlen_user(const char __user *s, long n)
{
	char c;

	for (long i = 0; i < n; i++) {
		if (copy_from_user(&c, s + i, 1))
			return 0;
		if (!c)
			return i + 1;
	}
	return n + 1;
}
