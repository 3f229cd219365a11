// SPDX-License-Identifier: GPL-2.0
/* /proc/<pid>/maps, in Linux's exact format. */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <asm/irqflags.h>
#include "internal.h"

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

/* proc_pid_maps - /proc/PID/maps: one line a VMA: "start-end perms offset major:minor inode   path". */
int proc_pid_maps(struct seq_buf *s, struct task_struct *task)
{
	struct mm_struct *mm = get_task_mm(task);
	struct vm_area_struct *vma;

	if (!mm)
		return 0;
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
	return 0;
}
