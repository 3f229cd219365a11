// SPDX-License-Identifier: GPL-2.0
/* /proc/<pid>/maps and /proc/<pid>/status, in Linux's exact formats. */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <asm/irqflags.h>

/* get_task_mm - @task's mm with an mm_users reference, or NULL. */
struct mm_struct *get_task_mm(struct task_struct *task)
{
	unsigned long flags = arch_local_irq_save();
	struct mm_struct *mm = task->mm;

	if (mm && !(task->flags & PF_KTHREAD))
		mmget(mm);
	else
		mm = NULL;
	arch_local_irq_restore(flags);
	return mm;
}


static void show_vma_name(struct seq_buf *s, struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;
	char path[256];

	if (vma->vm_file && vma->vm_file->f_path.dentry &&
	    d_path(&vma->vm_file->f_path, path, sizeof(path)) >= 0) {
		seq_pad(s, 73);
		seq_printf(s, "%s", path);
	} else if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk &&
		   !vma->vm_file && mm->start_brk) {
		seq_pad(s, 73);
		seq_printf(s, "[heap]");
	} else if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack) {
		seq_pad(s, 73);
		seq_printf(s, "[stack]");
	}
	seq_printf(s, "\n");
}

/* One line a VMA: "start-end perms offset major:minor inode   path". */
void proc_pid_maps(struct seq_buf *s, struct task_struct *task)
{
	struct mm_struct *mm = get_task_mm(task);
	struct vm_area_struct *vma;

	if (!mm)
		return;
	mmap_read_lock(mm);
	mm_for_each_vma(mm, vma) {
		struct inode *inode = vma->vm_file ? vma->vm_file->f_inode : NULL;
		unsigned long f = vma->vm_flags;

		seq_printf(s, "%08lx-%08lx %c%c%c%c %08lx %02x:%02x %lu ",
			   vma->vm_start, vma->vm_end, f & VM_READ ? 'r' : '-',
			   f & VM_WRITE ? 'w' : '-', f & VM_EXEC ? 'x' : '-',
			   f & VM_MAYSHARE ? 's' : 'p',
			   inode ? vma->vm_pgoff << PAGE_SHIFT : 0,
			   0, inode ? 1 : 0, inode ? inode->i_ino : 0);
		show_vma_name(s, vma);
	}
	mmap_read_unlock(mm);
	mmput(mm);
}

static const char *task_state(const struct task_struct *t)
{
	if (t->exit_state == EXIT_ZOMBIE)
		return "Z (zombie)";
	switch (t->__state & ~TASK_WAKEKILL) {	/* killable is still D */
	case TASK_RUNNING: return "R (running)";
	case TASK_INTERRUPTIBLE: return "S (sleeping)";
	case TASK_UNINTERRUPTIBLE: return "D (disk sleep)";
	case __TASK_STOPPED: return "T (stopped)";
	default: return "X (dead)";
	}
}

#define KB(pages)	((pages) << (PAGE_SHIFT - 10))

void proc_pid_status(struct seq_buf *s, struct task_struct *t)
{
	struct mm_struct *mm = get_task_mm(t);

	seq_printf(s, "Name:\t%s\nState:\t%s\nTgid:\t%d\nPid:\t%d\nPPid:\t%d\n",
		   t->comm, task_state(t), t->tgid, t->pid,
		   t->real_parent ? t->real_parent->tgid : 0);
	if (mm) {
		unsigned long text = PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK);
		unsigned long anon = get_mm_counter(mm, MM_ANONPAGES);
		unsigned long file = get_mm_counter(mm, MM_FILEPAGES);

		text = min(text >> PAGE_SHIFT, mm->exec_vm);
		seq_printf(s, "VmPeak:\t%8lu kB\nVmSize:\t%8lu kB\nVmRSS:\t%8lu kB\n"
			   "RssAnon:\t%8lu kB\nRssFile:\t%8lu kB\n"
			   "VmData:\t%8lu kB\nVmStk:\t%8lu kB\nVmExe:\t%8lu kB\n"
			   "VmLib:\t%8lu kB\nVmPTE:\t%8lu kB\n",
			   KB(mm->hiwater_vm), KB(mm->total_vm), KB(anon + file),
			   KB(anon), KB(file), KB(mm->data_vm), KB(mm->stack_vm),
			   KB(text), KB(mm->exec_vm - text),
			   (unsigned long)atomic_long_read(&mm->pgtables_bytes) >> 10);
		mmput(mm);
	}
	seq_printf(s, "Threads:\t%d\n", READ_ONCE(t->signal->nr_threads));
	/* mmos keeps no shared pending set: a process-wide signal is made
	 * pending on one thread (kernel/signal.c) */
	seq_printf(s, "SigPnd:\t%016llx\nShdPnd:\t%016llx\nSigBlk:\t%016llx\n",
		   (unsigned long long)t->pending, 0ULL, (unsigned long long)t->blocked);
}
