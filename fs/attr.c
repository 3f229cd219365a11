// SPDX-License-Identifier: GPL-2.0
/*
 * Changing a file's attributes, as Linux's fs/attr.c: who may change
 * the owner, the group, the mode and the times (setattr_prepare()), the
 * setgid rule of a mode change (setattr_copy()), the set-id bits a
 * chown or a write takes away (ATTR_KILL_SUID/SGID, should_remove_suid())
 * and notify_change(), the one way in.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/sched.h>

/*
 * capable_wrt_inode_uidgid - Linux's test of @cap for @inode: with no
 * user namespaces every uid and gid is mapped, so it is capable(@cap).
 */
static bool capable_wrt_inode_uidgid(const struct inode *inode, int cap)
{
	(void)inode;
	return capable(cap);
}

/*
 * inode_owner_or_capable - may current act as @inode's owner: its
 * fsuid owns it, or it has CAP_FOWNER. What chmod, explicit times and
 * the sticky bit ask.
 */
bool inode_owner_or_capable(const struct inode *inode)
{
	if (uid_eq(current_fsuid(), inode->i_uid))
		return true;
	return capable_wrt_inode_uidgid(inode, CAP_FOWNER);
}

/* in_group_or_capable - @gid is one of current's groups (fsgid or a
 * supplementary one), or current has CAP_FSETID: may it keep S_ISGID
 * on a file of group @gid? */
static bool in_group_or_capable(const struct inode *inode, kgid_t gid)
{
	if (in_group_p(gid))
		return true;
	return capable_wrt_inode_uidgid(inode, CAP_FSETID);
}

/*
 * chown_ok - may current make @uid @inode's owner? With CAP_CHOWN, or
 * as its owner "changing" it to itself (Linux's chown_ok).
 */
static bool chown_ok(const struct inode *inode, kuid_t uid)
{
	if (uid_eq(current_fsuid(), inode->i_uid) && uid_eq(uid, inode->i_uid))
		return true;
	return capable_wrt_inode_uidgid(inode, CAP_CHOWN);
}

/*
 * chgrp_ok - may current make @gid @inode's group? Its owner may give
 * it the group it has or one of the owner's own groups; CAP_CHOWN any
 * (Linux's chgrp_ok).
 */
static bool chgrp_ok(const struct inode *inode, kgid_t gid)
{
	if (uid_eq(current_fsuid(), inode->i_uid)) {
		if (gid_eq(gid, inode->i_gid))
			return true;
		if (in_group_p(gid))
			return true;
	}
	return capable_wrt_inode_uidgid(inode, CAP_CHOWN);
}

/*
 * setattr_prepare - may current make the change @attr to @dentry's
 * inode? Linux's checks in Linux's order: chown (-EPERM), chgrp
 * (-EPERM), chmod by the owner or CAP_FOWNER only (-EPERM, and S_ISGID
 * dropped from the new mode for a caller neither in the file's group
 * nor with CAP_FSETID), explicit times by the owner or CAP_FOWNER only
 * (-EPERM). ATTR_FORCE (the kernel's own clearing of set-id bits)
 * skips them. File systems call it from ->setattr. 0 or -EPERM.
 */
int setattr_prepare(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	unsigned int ia_valid = attr->ia_valid;

	if (ia_valid & ATTR_FORCE)
		return 0;
	if ((ia_valid & ATTR_UID) && !chown_ok(inode, attr->ia_uid))
		return -EPERM;
	if ((ia_valid & ATTR_GID) && !chgrp_ok(inode, attr->ia_gid))
		return -EPERM;
	if (ia_valid & ATTR_MODE) {
		kgid_t gid = (ia_valid & ATTR_GID) ? attr->ia_gid : inode->i_gid;

		if (!inode_owner_or_capable(inode))
			return -EPERM;
		if (!in_group_or_capable(inode, gid))
			attr->ia_mode &= ~S_ISGID;
	}
	if ((ia_valid & (ATTR_MTIME_SET | ATTR_ATIME_SET | ATTR_TIMES_SET)) &&
	    !inode_owner_or_capable(inode))
		return -EPERM;
	return 0;
}

/*
 * setattr_copy - write @attr's owner, group, times and mode into
 * @inode (the size is the file system's business). A mode keeps
 * S_ISGID only if current is in the (new) group or has CAP_FSETID, as
 * Linux's setattr_copy. Precondition: setattr_prepare() said yes and
 * the inode's i_rwsem is held for writing.
 */
void setattr_copy(struct inode *inode, const struct iattr *attr)
{
	unsigned int ia_valid = attr->ia_valid;

	if (ia_valid & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (ia_valid & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (ia_valid & ATTR_ATIME)
		inode->i_atime = attr->ia_atime;
	if (ia_valid & ATTR_MTIME)
		inode->i_mtime = attr->ia_mtime;
	if (ia_valid & ATTR_CTIME)
		inode->i_ctime = attr->ia_ctime;
	if (ia_valid & ATTR_MODE) {
		umode_t mode = attr->ia_mode & S_IALLUGO;

		if (!in_group_or_capable(inode, inode->i_gid))
			mode &= ~S_ISGID;
		inode->i_mode = (inode->i_mode & S_IFMT) | mode;
	}
}

/*
 * should_remove_suid - what a write or truncate by current must take
 * away from @dentry's regular file: ATTR_KILL_SUID for S_ISUID,
 * ATTR_KILL_SGID for S_ISGID with group-exec (without it S_ISGID is
 * the old mandatory-locking mark and stays); nothing with CAP_FSETID.
 * Linux 6.1's rule.
 */
int should_remove_suid(struct dentry *dentry)
{
	umode_t mode = dentry->d_inode->i_mode;
	int kill = 0;

	if (mode & S_ISUID)
		kill = ATTR_KILL_SUID;
	if ((mode & S_ISGID) && (mode & S_IXGRP))
		kill |= ATTR_KILL_SGID;
	if (kill && !capable(CAP_FSETID) && S_ISREG(mode))
		return kill;
	return 0;
}

/*
 * may_setattr - notify_change()'s own check before the file system's:
 * touching both times to now (ATTR_TOUCH: utimes with no times) needs
 * the owner, CAP_FOWNER or write permission (-EACCES, -EROFS).
 */
static int may_setattr(struct inode *inode, unsigned int ia_valid)
{
	if ((ia_valid & ATTR_TOUCH) && !inode_owner_or_capable(inode))
		return inode_permission(inode, MAY_WRITE);
	return 0;
}

/*
 * kill_suid_sgid - turn ATTR_KILL_SUID/SGID into the mode without
 * those bits, as Linux's notify_change: S_ISUID goes if set, S_ISGID
 * if set together with group-exec. The caller may not ask for
 * ATTR_MODE as well (a kernel bug).
 */
static void kill_suid_sgid(struct inode *inode, struct iattr *attr)
{
	umode_t mode = inode->i_mode;

	BUG_ON((attr->ia_valid & (ATTR_KILL_SUID | ATTR_KILL_SGID)) &&
	       (attr->ia_valid & ATTR_MODE));
	if ((attr->ia_valid & ATTR_KILL_SUID) && (mode & S_ISUID)) {
		attr->ia_valid |= ATTR_MODE;
		attr->ia_mode = mode & ~S_ISUID;
	}
	if ((attr->ia_valid & ATTR_KILL_SGID) &&
	    (mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP)) {
		if (!(attr->ia_valid & ATTR_MODE)) {
			attr->ia_valid |= ATTR_MODE;
			attr->ia_mode = mode;
		}
		attr->ia_mode &= ~S_ISGID;
	}
}

/*
 * notify_change - change @dentry's inode as @attr says, through its
 * ->setattr (simple_setattr if none), which calls setattr_prepare().
 * Times not given explicitly (ATTR_ATIME_SET/MTIME_SET) are now, and
 * ctime is always set to now, as Linux's callers all ask. Nothing to
 * do (only set-id bits to kill, and none set) is 0. Precondition:
 * the inode's i_rwsem held for writing. 0 or -errno.
 */
int notify_change(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	struct timespec64 now = current_time(inode);
	int err = may_setattr(inode, attr->ia_valid);

	if (err)
		return err;
	attr->ia_ctime = now;
	if (!(attr->ia_valid & ATTR_ATIME_SET))
		attr->ia_atime = now;
	if (!(attr->ia_valid & ATTR_MTIME_SET))
		attr->ia_mtime = now;
	kill_suid_sgid(inode, attr);
	if (!(attr->ia_valid & ~(ATTR_KILL_SUID | ATTR_KILL_SGID | ATTR_FORCE)))
		return 0;
	attr->ia_valid |= ATTR_CTIME;
	if (inode->i_op && inode->i_op->setattr)
		return inode->i_op->setattr(dentry, attr);
	return simple_setattr(dentry, attr);
}
