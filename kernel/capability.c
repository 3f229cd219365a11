// SPDX-License-Identifier: GPL-2.0
/*
 * capable(): does current have a capability? mmos keeps no capability
 * sets. Its rule is the one Linux's setuid emulation (commoncap's
 * cap_emulate_setxuid()) produces for a task without file capabilities
 * and without prctl(PR_SET_KEEPCAPS): every capability is effective
 * while the effective uid is 0, except the file-system ones, which
 * follow the fsuid instead (setfsuid() raises or drops exactly those).
 * See Documentation/design-differences.md, "Capabilities".
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/sched.h>

/* cap_is_fs_cap - one of Linux's CAP_FS_MASK capabilities. */
static bool cap_is_fs_cap(int cap)
{
	switch (cap) {
	case CAP_CHOWN: case CAP_DAC_OVERRIDE: case CAP_DAC_READ_SEARCH:
	case CAP_FOWNER: case CAP_FSETID: case CAP_LINUX_IMMUTABLE:
	case CAP_MKNOD: case CAP_MAC_OVERRIDE:
		return true;
	default:
		return false;
	}
}

/*
 * capable - whether current may use capability @cap (Linux's numbers):
 * a file-system capability iff its fsuid is 0, any other iff its euid
 * is 0. An invalid @cap is a kernel bug, as in Linux.
 */
bool capable(int cap)
{
	const struct cred *cred = current_cred();

	BUG_ON(!cap_valid(cap));
	if (cap_is_fs_cap(cap))
		return uid_eq(cred->fsuid, GLOBAL_ROOT_UID);
	return uid_eq(cred->euid, GLOBAL_ROOT_UID);
}
