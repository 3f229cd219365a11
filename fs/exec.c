// SPDX-License-Identifier: GPL-2.0
/*
 * exec (Documentation/mm/process-address-space.md, "exec"):
 * run_init_process -> kernel_execve -> do_execve -> bprm_mm_init ->
 * mm_alloc. The new image is built in a new mm: its stack with argv and
 * envp first, then (binfmt_elf) its segments, after the point of no
 * return where exec_mmap() makes it current's mm.
 */
#include <linux/kernel.h>
#include <linux/coredump.h>
#include <linux/binfmts.h>
#include <linux/cred.h>
#include <linux/fs_struct.h>
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/futex.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/mm.h>
#include <linux/mmu_context.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/irqflags.h>


/*
 * exec_mmap - make @mm (fresh from mm_alloc) current's mm and active_mm
 * and load it. What the task had goes: an old mm of its own is
 * mmput(); the mm a kernel thread borrowed (kernel_init's first exec)
 * is mmdrop()ed. The task is no longer a kernel thread (Linux clears
 * PF_KTHREAD in begin_new_exec(), right after this).
 */
int exec_mmap(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *old_mm = tsk->mm, *active_mm;
	unsigned long flags;

	if (old_mm) {	/* the old image's RSS still counts for ru_maxrss */
		spin_lock_irqsave(&tasklist_lock, flags);
		setmax_mm_hiwater_rss(&tsk->signal->maxrss, old_mm);
		spin_unlock_irqrestore(&tasklist_lock, flags);
	}
	flags = arch_local_irq_save();
	active_mm = tsk->active_mm;
	tsk->active_mm = mm;
	tsk->mm = mm;
	activate_mm(active_mm, mm);
	tsk->flags &= ~PF_KTHREAD;
	arch_local_irq_restore(flags);
	if (old_mm) {
		mmput(old_mm);
		return 0;
	}
	mmdrop(active_mm);
	return 0;
}

/* open_exec - the file to run: opened as open(2) would, and then it
 * must be a regular, executable file. */
static struct file *open_exec(const char *name)
{
	struct file *f = do_filp_open(AT_FDCWD, name, O_RDONLY, 0);

	if (IS_ERR(f))
		return f;
	if (!f->f_inode || !S_ISREG(f->f_inode->i_mode) ||
	    inode_permission(f->f_inode, MAY_EXEC) ||
	    (f->f_path.mnt && (f->f_path.mnt->mnt_flags & MNT_NOEXEC))) {
		fput(f);
		return ERR_PTR(-EACCES);
	}
	return f;
}

/*
 * bprm_mm_init - the new mm and a one-page stack VMA at the top of its
 * user half; the strings go there first and the VMA grows as needed.
 */
static int bprm_mm_init(struct linux_binprm *bprm)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;

	if (!mm)
		return -ENOMEM;
	bprm->mm = mm;
	vma = vm_area_alloc(mm);
	if (!vma)
		return -ENOMEM;
	vma->vm_end = STACK_TOP;
	vma->vm_start = STACK_TOP - PAGE_SIZE;
	vma->vm_flags = VM_SOFTDIRTY | VM_STACK_FLAGS;	/* new: soft-dirty */
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	mmap_write_lock(mm);
	if (insert_vm_struct(mm, vma)) {
		mmap_write_unlock(mm);
		vm_area_free(vma);
		return -ENOMEM;
	}
	mmap_write_unlock(mm);
	bprm->vma = vma;
	bprm->p = STACK_TOP - sizeof(void *);
	mm->start_stack = bprm->p;
	return 0;
}

/*
 * copy_to_new_stack - push @n bytes onto the new image's stack (below
 * bprm->p), growing its VMA, and write them through the new mm's pages.
 * Returns 0 or -E2BIG (past the stack limit) / -ENOMEM / -EFAULT.
 */
int copy_to_new_stack(struct linux_binprm *bprm, const void *src, unsigned long n)
{
	struct mm_struct *mm = bprm->mm;
	unsigned long p = bprm->p - n;

	if (n > bprm->p || STACK_TOP - p > rlimit(RLIMIT_STACK) / 4 * 3)
		return -E2BIG;
	mmap_write_lock(mm);
	if (p < bprm->vma->vm_start)
		expand_downwards(bprm->vma, p & PAGE_MASK);
	mmap_write_unlock(mm);
	if (access_remote_vm(mm, p, (void *)src, n, FOLL_WRITE) != (long)n)
		return -ENOMEM;
	bprm->p = p;
	return 0;
}

/* Fetch argument @i of @argv (a kernel or user vector) or NULL at its end. */
static int get_arg(struct user_arg_ptr argv, int i, const char **kptr,
		   const char __user **uptr)
{
	*kptr = NULL;
	*uptr = NULL;
	if (argv.is_kernel) {
		*kptr = argv.ptr.native ? argv.ptr.native[i] : NULL;
		return 0;
	}
	if (!argv.ptr.user)
		return 0;
	return get_user(*uptr, argv.ptr.user + i) ? -EFAULT : 0;
}

/* count - the strings in @argv before its NULL, or -errno. */
static int count_args(struct user_arg_ptr argv)
{
	int i = 0;

	for (;; i++) {
		const char *k;
		const char __user *u;

		if (get_arg(argv, i, &k, &u))
			return -EFAULT;
		if (!k && !u)
			return i;
		if (i >= 1024 * 1024)
			return -E2BIG;
	}
}

/* copy_strings - push argv[n-1] .. argv[0] (so argv[0] ends lowest). */
static int copy_strings(int n, struct user_arg_ptr argv, struct linux_binprm *bprm)
{
	char *buf = kmalloc(MAX_ARG_STRLEN, GFP_KERNEL);
	int err = 0;

	if (!buf)
		return -ENOMEM;
	while (n-- > 0 && !err) {
		const char *k;
		const char __user *u;
		long len;

		err = get_arg(argv, n, &k, &u);
		if (err)
			break;
		if (k) {
			len = strnlen(k, MAX_ARG_STRLEN);
			memcpy(buf, k, len);
		} else {
			len = strncpy_from_user(buf, u, MAX_ARG_STRLEN);
		}
		if (len < 0 || len >= MAX_ARG_STRLEN) {
			err = len < 0 ? -EFAULT : -E2BIG;
			break;
		}
		buf[len] = 0;
		err = copy_to_new_stack(bprm, buf, len + 1);
	}
	kfree(buf);
	return err;
}

static void free_bprm(struct linux_binprm *bprm)
{
	if (bprm->cred)
		abort_creds(bprm->cred);
	if (bprm->mm)
		mmput(bprm->mm);
	if (bprm->file)
		fput(bprm->file);
	kfree(bprm);
}

/* Are all the other threads of current's group gone (the leader, if it
 * is not current, at least a zombie)? tasklist_lock held. */
static bool thread_group_gone(struct task_struct *tsk)
{
	lockdep_assert_held(&tasklist_lock);
	return tsk->signal->nr_threads == 1 &&
	       (tsk == tsk->group_leader || tsk->group_leader->exit_state);
}

/*
 * take_over_leader - exec in a thread that is not the group leader: the
 * thread becomes the leader, with the leader's PID (which is the
 * process's), and the old leader, a zombie by now, goes silently with
 * the thread's old PID, as Linux's de_thread() does. tasklist_lock held.
 * Returns the old leader, for release_task() once the lock is dropped.
 */
static struct task_struct *take_over_leader(struct task_struct *tsk)
{
	struct task_struct *leader = tsk->group_leader, *t;
	pid_t pid = tsk->pid;

	lockdep_assert_held(&tasklist_lock);
	BUG_ON(leader->exit_state != EXIT_ZOMBIE);
	tsk->pid = leader->pid;
	leader->pid = pid;
	exchange_tids(tsk, leader);
	transfer_pid(leader, tsk, PIDTYPE_TGID);
	transfer_pid(leader, tsk, PIDTYPE_PGID);
	transfer_pid(leader, tsk, PIDTYPE_SID);
	list_for_each_entry(t, &tsk->signal->thread_head, thread_node)
		t->group_leader = tsk;
	/* orphans that came to the zombie since it exited stay ours */
	list_for_each_entry(t, &leader->children, sibling)
		t->real_parent = t->parent = tsk;
	list_splice_init(&leader->children, &tsk->children);
	if (child_reaper == leader)
		child_reaper = tsk;
	leader->exit_signal = -1;
	leader->exit_state = EXIT_DEAD;
	return leader;
}

/*
 * de_thread - exec leaves one thread: every other thread of the group
 * gets SIGKILL and is waited for (killably) before the old mm goes, so
 * that nothing runs on in the old image. Returns 0, or -EAGAIN if the
 * group is exiting (or current is killed) meanwhile: current dies then.
 */
static int de_thread(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	struct task_struct *old_leader = NULL;
	unsigned long flags;
	int err = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (sig->nr_threads == 1 && tsk == tsk->group_leader) {
		tsk->exit_signal = SIGCHLD;
		goto out_unlock;
	}
	if (sig->group_exit || sig->group_exec_task) {
		err = -EAGAIN;
		goto out_unlock;
	}
	sig->group_exec_task = tsk;
	zap_other_threads();
	while (!thread_group_gone(tsk)) {
		set_current_state(TASK_KILLABLE);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (!fatal_signal_pending(tsk))
			schedule();
		__set_current_state(TASK_RUNNING);
		spin_lock_irqsave(&tasklist_lock, flags);
		if (fatal_signal_pending(tsk)) {
			err = -EAGAIN;
			goto out_clear;
		}
	}
	if (tsk != tsk->group_leader)
		old_leader = take_over_leader(tsk);
	tsk->exit_signal = SIGCHLD;	/* a new image: the parent hears SIGCHLD */
out_clear:
	sig->group_exec_task = NULL;
out_unlock:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (old_leader)
		release_task(old_leader);
	return err;
}

/*
 * bprm_fill_uid - a set-user-ID file runs with its owner as the
 * effective uid, a set-group-ID one with its group as the effective gid
 * (only with group-exec: without it the bit marks mandatory locking),
 * unless its mount is nosuid or the task has no_new_privs, as Linux's
 * bprm_fill_uid(). The mode and
 * ids are read under the inode's lock, so a racing chmod or chown is
 * seen whole.
 */
static void bprm_fill_uid(struct linux_binprm *bprm)
{
	struct inode *inode = bprm->file->f_inode;
	umode_t mode;
	kuid_t uid;
	kgid_t gid;

	if (bprm->file->f_path.mnt && (bprm->file->f_path.mnt->mnt_flags & MNT_NOSUID))
		return;
	if (task_no_new_privs(current))
		return;
	inode_lock(inode);
	mode = inode->i_mode;
	uid = inode->i_uid;
	gid = inode->i_gid;
	inode_unlock(inode);
	if (mode & S_ISUID)
		bprm->cred->euid = uid;
	if ((mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP))
		bprm->cred->egid = gid;
}

/*
 * fs_shared_outside - is current's fs_struct (root, cwd, umask) also
 * another process's (clone(CLONE_FS) without CLONE_THREAD)? Then that
 * process could move the set-id program's root or working directory
 * under it, and Linux's check_unsafe_exec() marks the exec unsafe
 * (LSM_UNSAFE_SHARE). Counts the threads of current's group that use
 * it, under tasklist_lock.
 */
static bool fs_shared_outside(void)
{
	struct fs_struct *fs = current->fs;
	struct task_struct *t;
	unsigned long flags;
	int n_fs = 0;

	if (!fs)
		return false;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(t, &current->signal->thread_head, thread_node)
		if (t->fs == fs)
			n_fs++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return atomic_read(&fs->users) > n_fs;
}

/*
 * bprm_creds_from_file - the credentials of the new program, as Linux's
 * bprm_creds_from_file() with commoncap's cap_bprm_creds_from_file():
 * the file's set-id bits, then the saved and file-system ids become the
 * effective ones (downgraded to the real ones under no_new_privs, or
 * with the fs_struct shared with another process). An effective id
 * other than the real one makes the exec "secure" (AT_SECURE: libc
 * then distrusts the environment). With
 * capabilities following the ids (kernel/capability.c), this is also
 * Linux's answer for root: euid 0 keeps every capability, a real uid 0
 * alone none of them.
 */
static void bprm_creds_from_file(struct linux_binprm *bprm)
{
	struct cred *new = bprm->cred;
	const struct cred *old = current_cred();
	bool is_setid;

	bprm_fill_uid(bprm);
	is_setid = !uid_eq(new->euid, old->uid) || !gid_eq(new->egid, old->gid);
	/* Linux's downgrade: an effective id other than the real one is not
	 * carried into the new program under no_new_privs, nor, without
	 * CAP_SETUID, when another process shares the fs_struct */
	if (is_setid && (task_no_new_privs(current) ||
			 (fs_shared_outside() && !capable(CAP_SETUID)))) {
		new->euid = new->uid;
		new->egid = new->gid;
	}
	new->suid = new->fsuid = new->euid;
	new->sgid = new->fsgid = new->egid;
	bprm->secureexec = is_setid;
}

/*
 * unshare_sighand - exec: the actions become @me's own if another task
 * still shares them (a CLONE_VM|CLONE_SIGHAND process, or a dead
 * thread not yet freed), so that resetting the handlers for the new
 * image does not reset theirs, as Linux's. The copy is allocated before
 * the old siglock is taken. Returns 0 or -ENOMEM.
 */
static int unshare_sighand(struct task_struct *me)
{
	struct sighand_struct *old = me->sighand, *new;
	unsigned long flags;

	if (atomic_read(&old->count) == 1)
		return 0;
	new = kmem_cache_alloc(sighand_cachep, GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	atomic_set(&new->count, 1);
	spin_lock_init(&new->siglock);
	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&old->siglock);
	memcpy(new->action, old->action, sizeof(new->action));
	me->sighand = new;
	spin_unlock(&old->siglock);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	__cleanup_sighand(old);
	return 0;
}

/*
 * begin_new_exec - the point of no return: the other threads go, the
 * new mm replaces the old one, close-on-exec files close, signal
 * handlers reset, the name changes, and the new credentials are
 * installed (a secure exec forgets the parent-death signal). From here
 * on, a failure can only kill the task. Returns 0, or -EAGAIN if the
 * task was killed first.
 */
int begin_new_exec(struct linux_binprm *bprm)
{
	const char *base = bprm->filename, *p;
	int err;

	bprm_creds_from_file(bprm);
	err = de_thread(current);
	if (!err)
		err = unshare_sighand(current);
	if (err)
		return err;
	if (current->mm) {
		futex_exec_release(current);	/* the old image's robust locks */
		mm_release(current, current->mm);	/* a vfork parent may go on */
	}
	bprm->mm->exe_file = get_file(bprm->file);	/* /proc/PID/exe */
	exec_mmap(bprm->mm);
	bprm->mm = NULL;
	if (current->files)
		do_close_on_exec(current->files);
	flush_signal_handlers(current, false);
	current->flags &= ~PF_FORKNOEXEC;
	current->sas_ss_sp = current->sas_ss_size = 0;	/* the old stack is gone */
	current->sas_ss_flags = SS_DISABLE;
	exit_itimers(current->signal);	/* POSIX timers do not survive exec */
	current->clear_child_tid = NULL;
	for (p = base; *p; p++)
		if (*p == '/' && p[1])
			base = p + 1;
	__set_task_comm(current, base);
	if (bprm->secureexec)
		current->pdeath_signal = 0;	/* the parent may not signal it so */
	/* a new program may dump again, unless its runner is set-id
	 * (Linux checks current's ids here; commit_creds() below takes
	 * it away again if this exec changes them) */
	set_dumpable(current->mm, uid_eq(current_euid(), current_uid()) &&
			 gid_eq(current_egid(), current_gid()) ? SUID_DUMP_USER :
			 SUID_DUMP_DISABLE);
	commit_creds(bprm->cred);
	bprm->cred = NULL;
	return 0;
}

/* __set_task_comm - @tsk's name becomes @buf, cut to TASK_COMM_LEN - 1
 * bytes and padded with NULs, under task_lock (as /proc reads it). */
void __set_task_comm(struct task_struct *tsk, const char *buf)
{
	task_lock(tsk);
	memset(tsk->comm, 0, sizeof(tsk->comm));
	strscpy(tsk->comm, buf, sizeof(tsk->comm));
	task_unlock(tsk);
}

/* __get_task_comm - a copy of @tsk's name in @buf (@buf_size bytes,
 * NUL-terminated), under task_lock against a rename. Returns @buf. */
char *__get_task_comm(char *buf, size_t buf_size, struct task_struct *tsk)
{
	task_lock(tsk);
	strscpy(buf, tsk->comm, buf_size);
	task_unlock(tsk);
	return buf;
}

static int do_execve(const char *filename, struct user_arg_ptr argv,
		     struct user_arg_ptr envp)
{
	struct linux_binprm *bprm = kzalloc(sizeof(*bprm), GFP_KERNEL);
	int err;
	loff_t pos;
	long n;

	if (!bprm)
		return -ENOMEM;
	bprm->filename = filename;
	bprm->cred = prepare_creds();
	if (!bprm->cred) {
		kfree(bprm);
		return -ENOMEM;
	}
	bprm->file = open_exec(filename);
	if (IS_ERR(bprm->file)) {
		err = PTR_ERR(bprm->file);
		bprm->file = NULL;
		goto out;
	}
	pos = 0;
	n = kernel_read(bprm->file, bprm->buf, BINPRM_BUF_SIZE, &pos);
	bprm->buf_len = n;
	err = bprm_mm_init(bprm);
	if (err)
		goto out;
	bprm->argc = err = count_args(argv);
	if (err < 0)
		goto out;
	bprm->envc = err = count_args(envp);
	if (err < 0)
		goto out;
	err = copy_to_new_stack(bprm, filename, strlen(filename) + 1);
	if (err)
		goto out;
	bprm->exec = bprm->p;
	err = copy_strings(bprm->envc, envp, bprm);
	if (!err)
		err = copy_strings(bprm->argc, argv, bprm);
	/* An empty argv gets "" as argv[0], as Linux since 5.18, so that a
	 * program that starts at argv[1] does not walk into envp. */
	if (!err && bprm->argc == 0) {
		pr_warn_once("process '%s' launched '%s' with NULL argv: empty string added\n",
			     current->comm, filename);
		err = copy_to_new_stack(bprm, "", 1);
		bprm->argc = 1;
	}
	if (!err)
		err = load_elf_binary(bprm);
out:
	free_bprm(bprm);
	return err;
}

/* kernel_execve - exec from the kernel (kernel_init): vectors are kernel
 * pointers. On success current runs the program once it returns to user
 * mode. */
int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp)
{
	struct user_arg_ptr a = { .is_kernel = true, .ptr.native = argv };
	struct user_arg_ptr e = { .is_kernel = true, .ptr.native = envp };

	return do_execve(filename, a, e);
}

SYSCALL_DEFINE3(execve, const char __user *, ufilename,
		const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	struct user_arg_ptr a = { .ptr.user = argv }, e = { .ptr.user = envp };
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	int err;

	if (!name)
		return -ENOMEM;
	err = getname(ufilename, name);
	if (!err)
		err = do_execve(name, a, e);
	kfree(name);
	return err;
}
