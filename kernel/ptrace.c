// SPDX-License-Identifier: GPL-2.0
/*
 * The ptrace access check (Linux's __ptrace_may_access), which calls
 * that look into another process use: get_robust_list(2) today.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/ptrace.h>
#include <linux/sched.h>

/* ptrace_creds_match - every id of @tcred (real, effective, saved) is
 * the caller's real (REALCREDS) or file-system (FSCREDS) id. */
static bool ptrace_creds_match(const struct cred *cred, const struct cred *tcred,
			       unsigned int mode)
{
	kuid_t uid = (mode & PTRACE_MODE_FSCREDS) ? cred->fsuid : cred->uid;
	kgid_t gid = (mode & PTRACE_MODE_FSCREDS) ? cred->fsgid : cred->gid;

	return uid_eq(uid, tcred->euid) && uid_eq(uid, tcred->suid) &&
	       uid_eq(uid, tcred->uid) && gid_eq(gid, tcred->egid) &&
	       gid_eq(gid, tcred->sgid) && gid_eq(gid, tcred->gid);
}

/*
 * ptrace_may_access - may current look at @task in @mode (one of
 * READ/ATTACH with FSCREDS or REALCREDS)? Its own thread group always;
 * another process when all of its ids are the caller's, or with
 * CAP_SYS_PTRACE. Precondition: the caller holds a reference on @task.
 * mmos keeps no "dumpable" state (Linux's second check, for processes
 * that changed credentials) and has no LSM, so this is the whole rule.
 */
bool ptrace_may_access(struct task_struct *task, unsigned int mode)
{
	const struct cred *tcred;
	bool ok;

	if (same_thread_group(task, current))
		return true;
	tcred = get_task_cred(task);
	ok = ptrace_creds_match(current_cred(), tcred, mode);
	put_cred(tcred);
	return ok || capable(CAP_SYS_PTRACE);
}
