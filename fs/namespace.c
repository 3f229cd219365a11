// SPDX-License-Identifier: GPL-2.0
/*
 * The mount tree: mount(2), umount2(2), and the walk's crossings of
 * mount points (fs/mount.h has the objects and their references). There
 * is one mount namespace. The root is rootfs, a ramfs mounted by
 * mnt_init() at boot, which the initramfs is unpacked into.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/dcache.h>
#include <linux/devtmpfs.h>
#include <linux/proc_fs.h>
#include <linux/sysfs.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/mm.h>
#include <linux/namei.h>
#include <linux/ramfs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include "mount.h"

DEFINE_SPINLOCK(mount_lock);
DECLARE_RWSEM(namespace_sem);

static struct mount *root_mount;	/* rootfs: never unmounted */
LIST_HEAD(mnt_ns_list);		/* Linux's mnt_namespace->list */

/* mntget - one more reference on @mnt (NULL is allowed). */
struct vfsmount *mntget(struct vfsmount *mnt)
{
	if (mnt)
		atomic_inc(&real_mount(mnt)->mnt_count);
	return mnt;
}

/* mntput - drop a reference on @mnt (NULL is allowed); the last one
 * (only ever of a detached mount) frees it and its super block's
 * active reference. */
void mntput(struct vfsmount *mnt)
{
	struct mount *m;

	if (!mnt || !atomic_dec_and_test(&real_mount(mnt)->mnt_count))
		return;
	m = real_mount(mnt);
	dput(mnt->mnt_root);
	deactivate_super(mnt->mnt_sb);
	kfree(m->mnt_devname);
	kfree(m);
}

/* the last mnt_id given: mount_lock */
static int last_mnt_id;

/* alloc_vfsmnt - a detached mount of @sb's root (one reference; it
 * takes a reference on the root dentry), from source @devname (NULL:
 * "none"). NULL if out of memory. */
static struct mount *alloc_vfsmnt(struct super_block *sb, struct dentry *root,
				  const char *devname)
{
	struct mount *m = kzalloc(sizeof(*m), GFP_KERNEL);
	size_t len;

	if (!m)
		return NULL;
	devname = devname ? devname : "none";
	len = strlen(devname) + 1;
	m->mnt_devname = kmalloc(len, GFP_KERNEL);
	if (!m->mnt_devname) {
		kfree(m);
		return NULL;
	}
	memcpy(m->mnt_devname, devname, len);
	spin_lock(&mount_lock);
	m->mnt_id = ++last_mnt_id;
	spin_unlock(&mount_lock);
	atomic_set(&m->mnt_count, 1);
	m->mnt.mnt_root = dget(root);
	m->mnt.mnt_sb = sb;
	m->mnt_parent = m;
	INIT_LIST_HEAD(&m->mnt_mounts);
	INIT_LIST_HEAD(&m->mnt_child);
	INIT_LIST_HEAD(&m->mnt_list);
	return m;
}

/*
 * vfs_kern_mount - mount a new instance of @type (not yet attached
 * anywhere): the file system's ->mount makes the super block, whose
 * active reference the mount takes over. Returns the mount or ERR_PTR.
 */
struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags,
				const char *name, void *data)
{
	struct super_block *sb = type->mount(type, flags, name, data);
	struct mount *m;

	if (IS_ERR(sb))
		return ERR_CAST(sb);
	m = alloc_vfsmnt(sb, sb->s_root, name);
	if (!m) {
		deactivate_super(sb);
		return ERR_PTR(-ENOMEM);
	}
	return &m->mnt;
}

/* root_mnt - the root of the mount tree (rootfs), never unmounted. */
struct mount *root_mnt(void)
{
	return root_mount;
}

/* __mnt_is_readonly - is @mnt read-only, by its own flag or its super
 * block's? */
bool __mnt_is_readonly(const struct vfsmount *mnt)
{
	return (READ_ONCE(mnt->mnt_flags) & MNT_READONLY) ||
	       (READ_ONCE(mnt->mnt_sb->s_flags) & SB_RDONLY);
}

/* mnt_want_write - may @mnt be written? 0 or -EROFS. */
int mnt_want_write(struct vfsmount *mnt)
{
	return __mnt_is_readonly(mnt) ? -EROFS : 0;
}

/* __lookup_mnt - the mount on (@mnt, @dentry), or NULL. Precondition:
 * mount_lock held. */
static struct mount *__lookup_mnt(struct vfsmount *mnt, struct dentry *dentry)
{
	struct mount *c;

	list_for_each_entry(c, &real_mount(mnt)->mnt_mounts, mnt_child)
		if (c->mnt_mountpoint == dentry)
			return c;
	return NULL;
}

/* lookup_mnt - the mount on @path, with a reference, or NULL. */
struct vfsmount *lookup_mnt(const struct path *path)
{
	struct mount *m;

	spin_lock(&mount_lock);
	m = __lookup_mnt(path->mnt, path->dentry);
	if (m)
		mntget(&m->mnt);
	spin_unlock(&mount_lock);
	return m ? &m->mnt : NULL;
}

/* follow_mount - while something is mounted on @path (held), move to
 * that mount's root: the walk going down across mount points. */
void follow_mount(struct path *path)
{
	while (d_mountpoint(path->dentry)) {
		struct vfsmount *m = lookup_mnt(path);

		if (!m)
			break;
		path_put(path);
		path->mnt = m;
		path->dentry = dget(m->mnt_root);
	}
}

/* follow_up - from the root of a mount to the point it is mounted on in
 * its parent (@path held, and still held after): the walk going up
 * across a mount point. False at the root of the tree. */
bool follow_up(struct path *path)
{
	struct mount *m = real_mount(path->mnt), *parent;
	struct dentry *mp;

	spin_lock(&mount_lock);
	parent = m->mnt_parent;
	if (parent == m) {
		spin_unlock(&mount_lock);
		return false;
	}
	mntget(&parent->mnt);
	mp = dget(m->mnt_mountpoint);
	spin_unlock(&mount_lock);
	path_put(path);
	path->mnt = &parent->mnt;
	path->dentry = mp;
	return true;
}

/* path_is_mountpoint - is something mounted on @path? */
bool path_is_mountpoint(const struct path *path)
{
	bool ret;

	spin_lock(&mount_lock);
	ret = __lookup_mnt(path->mnt, path->dentry) != NULL;
	spin_unlock(&mount_lock);
	return ret;
}

/*
 * attach_mnt - put detached @m on @mp (held); the tree takes over @m's
 * reference and takes its own on the parent and the mount point.
 * Precondition: namespace_sem held for writing.
 */
static void attach_mnt(struct mount *m, const struct path *mp)
{
	struct mount *parent = real_mount(mntget(mp->mnt));

	dget(mp->dentry);
	spin_lock(&mount_lock);
	m->mnt_parent = parent;
	m->mnt_mountpoint = mp->dentry;
	list_add_tail(&m->mnt_child, &parent->mnt_mounts);
	mp->dentry->d_mounted++;
	spin_unlock(&mount_lock);
	list_add_tail(&m->mnt_list, &mnt_ns_list);
}

/*
 * umount_tree - detach @m and every mount below it; each loses the
 * tree's reference, so it goes when its last user lets go. Precondition:
 * namespace_sem held for writing.
 */
static void umount_tree(struct mount *m)
{
	struct mount *parent, *c, *n;
	struct dentry *mp;

	list_for_each_entry_safe(c, n, &m->mnt_mounts, mnt_child)
		umount_tree(c);
	spin_lock(&mount_lock);
	parent = m->mnt_parent;
	mp = m->mnt_mountpoint;
	list_del(&m->mnt_child);
	INIT_LIST_HEAD(&m->mnt_child);
	m->mnt_parent = m;
	m->mnt_mountpoint = NULL;
	mp->d_mounted--;
	spin_unlock(&mount_lock);
	list_del_init(&m->mnt_list);
	dput(mp);
	mntput(&parent->mnt);
	mntput(&m->mnt);
}

/* The mount(2) flags (Linux's values) */
#define MS_RDONLY	1
#define MS_NOSUID	2
#define MS_NODEV	4
#define MS_NOEXEC	8
#define MS_SYNCHRONOUS	16
#define MS_REMOUNT	32
#define MS_MANDLOCK	64
#define MS_DIRSYNC	128
#define MS_NOSYMFOLLOW	256
#define MS_NOATIME	1024
#define MS_NODIRATIME	2048
#define MS_BIND		4096
#define MS_MOVE		8192
#define MS_REC		16384
#define MS_SILENT	32768
#define MS_UNBINDABLE	(1 << 17)
#define MS_PRIVATE	(1 << 18)
#define MS_SLAVE	(1 << 19)
#define MS_SHARED	(1 << 20)
#define MS_RELATIME	(1 << 21)
#define MS_STRICTATIME	(1 << 24)
#define MS_LAZYTIME	(1 << 25)
#define MS_NOUSER	(1 << 31)
#define MS_MGC_VAL	0xC0ED0000
#define MS_MGC_MSK	0xffff0000

/* mnt_flags_of - the per-mount flags mount(2)'s @flags ask for, as
 * Linux's path_mount: relatime unless noatime, strictatime clears both. */
static int mnt_flags_of(unsigned long flags)
{
	int f = 0;

	if (!(flags & MS_NOATIME))
		f |= MNT_RELATIME;
	if (flags & MS_NOSUID)
		f |= MNT_NOSUID;
	if (flags & MS_NODEV)
		f |= MNT_NODEV;
	if (flags & MS_NOEXEC)
		f |= MNT_NOEXEC;
	if (flags & MS_NOATIME)
		f |= MNT_NOATIME;
	if (flags & MS_NODIRATIME)
		f |= MNT_NODIRATIME;
	if (flags & MS_STRICTATIME)
		f &= ~(MNT_RELATIME | MNT_NOATIME);
	if (flags & MS_RDONLY)
		f |= MNT_READONLY;
	return f;
}

/* graft_ok - may a mount whose root is @root go on @mp? A directory only
 * on a directory, a file on a non-directory, never on a removed name.
 * Returns 0, -ENOTDIR or -ENOENT. */
static int graft_ok(const struct path *mp, struct dentry *root)
{
	if (d_unlinked(mp->dentry))
		return -ENOENT;
	if (S_ISDIR(mp->dentry->d_inode->i_mode) != S_ISDIR(root->d_inode->i_mode))
		return -ENOTDIR;
	return 0;
}

/*
 * graft_tree - attach detached @m on @mp if graft_ok(). The mount
 * point's inode is locked meanwhile (as Linux's lock_mount), so an
 * rmdir or unlink of it, which checks d_mountpoint() under that lock,
 * cannot pass in between. Returns 0 or graft_ok()'s error.
 */
static int graft_tree(struct mount *m, const struct path *mp)
{
	struct inode *inode = mp->dentry->d_inode;
	int err;

	down_write(&namespace_sem);
	inode_lock(inode);
	err = graft_ok(mp, m->mnt.mnt_root);
	if (!err)
		attach_mnt(m, mp);
	inode_unlock(inode);
	up_write(&namespace_sem);
	return err;
}

/* do_new_mount - mount(2) of a new @fstype instance on @mp. */
static int do_new_mount(const struct path *mp, const char *fstype,
			unsigned long flags, int mnt_flags, const char *dev,
			void *data)
{
	struct file_system_type *type;
	struct vfsmount *mnt;
	int err;

	if (!fstype)
		return -EINVAL;
	type = get_fs_type(fstype);
	if (!type)
		return -ENODEV;
	if (type->fs_flags & FS_REQUIRES_DEV)
		return -ENOTBLK;	/* no block devices */
	mnt = vfs_kern_mount(type, flags & MS_RDONLY ? SB_RDONLY : 0, dev, data);
	if (IS_ERR(mnt))
		return PTR_ERR(mnt);
	mnt->mnt_flags = mnt_flags & ~MNT_READONLY;
	err = graft_tree(real_mount(mnt), mp);
	if (err)
		mntput(mnt);
	return err;
}

/* do_loopback - MS_BIND: the tree (@old's dentry and below, of its
 * super block) mounted again on @mp, with @old's mount flags (the
 * call's are ignored, as Linux's: MS_REMOUNT|MS_BIND changes them).
 * MS_REC is refused: mounts below @old are not copied. */
static int do_loopback(const struct path *mp, const char *old_name,
		       unsigned long flags)
{
	struct path old;
	struct mount *m;
	int err;

	if (!old_name || !*old_name)
		return -ENOENT;
	err = kern_path(old_name, LOOKUP_FOLLOW, &old);
	if (err)
		return err;
	if (flags & MS_REC) {
		err = -EINVAL;
		goto put_old;
	}
	m = alloc_vfsmnt(old.mnt->mnt_sb, old.dentry, real_mount(old.mnt)->mnt_devname);
	err = -ENOMEM;
	if (!m)
		goto put_old;
	atomic_inc(&old.mnt->mnt_sb->s_active);
	m->mnt.mnt_flags = old.mnt->mnt_flags;	/* as Linux's clone_mnt */
	err = graft_tree(m, mp);
	if (err)
		mntput(&m->mnt);
put_old:
	path_put(&old);
	return err;
}

/* do_remount - MS_REMOUNT of the mount at @mp (which must be a mount's
 * root: -EINVAL otherwise): new flags for the super block (through its
 * ->remount_fs) and, with MS_BIND, for this mount only. */
static int do_remount(const struct path *mp, unsigned long flags,
		      int mnt_flags, void *data)
{
	struct super_block *sb = mp->mnt->mnt_sb;
	int sb_flags = flags & MS_RDONLY ? SB_RDONLY : 0, err = 0;

	if (mp->dentry != mp->mnt->mnt_root)
		return -EINVAL;
	down_write(&namespace_sem);
	if (flags & MS_BIND) {
		mp->mnt->mnt_flags = mnt_flags;
	} else {
		/* read-only while a file is open for writing: -EBUSY, as Linux */
		if ((sb_flags & SB_RDONLY) && !(sb->s_flags & SB_RDONLY) &&
		    atomic_read(&sb->s_writers))
			err = -EBUSY;
		if (!err && sb->s_op->remount_fs)
			err = sb->s_op->remount_fs(sb, &sb_flags, data);
		if (!err) {
			sb->s_flags = (sb->s_flags & ~SB_RDONLY) | sb_flags;
			mp->mnt->mnt_flags = mnt_flags & ~MNT_READONLY;
		}
	}
	up_write(&namespace_sem);
	return err;
}

/* copy_mount_string - a user string of mount(2) (NULL stays NULL) into
 * a kmalloc'ed page; ERR_PTR(-EFAULT / -ENOMEM / -ENAMETOOLONG). */
static char *copy_mount_string(const char __user *s)
{
	char *k;
	long n;

	if (!s)
		return NULL;
	k = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!k)
		return ERR_PTR(-ENOMEM);
	n = strncpy_from_user(k, s, PAGE_SIZE);
	if (n < 0 || n == PAGE_SIZE) {
		kfree(k);
		return ERR_PTR(n < 0 ? n : -ENAMETOOLONG);
	}
	return k;
}

/* may_mount - may current mount and unmount? CAP_SYS_ADMIN (there are
 * no user namespaces to have it in). */
static bool may_mount(void)
{
	return capable(CAP_SYS_ADMIN);
}

/* path_mount - mount(2) on the looked-up @mp: Linux's order of cases
 * (-EINVAL for MS_NOUSER, then -EPERM without CAP_SYS_ADMIN). */
int path_mount(const char *dev, const struct path *mp, const char *type,
		      unsigned long flags, void *data)
{
	int mnt_flags;

	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	if (flags & MS_NOUSER)
		return -EINVAL;
	if (!may_mount())
		return -EPERM;
	mnt_flags = mnt_flags_of(flags);
	/* a remount that names no atime flag keeps the mount's (Linux's) */
	if ((flags & MS_REMOUNT) &&
	    !(flags & (MS_NOATIME | MS_NODIRATIME | MS_RELATIME | MS_STRICTATIME)))
		mnt_flags = (mnt_flags & ~MNT_ATIME_MASK) |
			    (READ_ONCE(mp->mnt->mnt_flags) & MNT_ATIME_MASK);
	if (flags & MS_REMOUNT)
		return do_remount(mp, flags, mnt_flags, data);
	if (flags & MS_BIND)
		return do_loopback(mp, dev, flags);
	if (flags & (MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE | MS_MOVE))
		return -EINVAL;	/* no propagation types, no moving */
	return do_new_mount(mp, type, flags, mnt_flags, dev, data);
}

SYSCALL_DEFINE5(mount, char __user *, dev_name, char __user *, dir_name,
		char __user *, type, unsigned long, flags, void __user *, data)
{
	char *ktype, *kdev, *kdata = NULL;
	struct path mp;
	long ret;

	ktype = copy_mount_string(type);
	ret = PTR_ERR(ktype);
	if (IS_ERR(ktype))
		goto out;
	kdev = copy_mount_string(dev_name);
	ret = PTR_ERR(kdev);
	if (IS_ERR(kdev))
		goto free_type;
	if (data) {
		kdata = kzalloc(PAGE_SIZE, GFP_KERNEL);
		ret = -ENOMEM;
		if (!kdata)
			goto free_dev;
		/* as Linux: up to a page, stopping quietly at a fault,
		 * -EFAULT only if not even one byte could be read */
		long i;

		for (i = 0; i < PAGE_SIZE - 1; i++)
			if (get_user(kdata[i], (char __user *)data + i))
				break;
		ret = -EFAULT;
		if (!i)
			goto free_data;
	}
	ret = user_path_at(AT_FDCWD, dir_name, LOOKUP_FOLLOW, &mp);
	if (!ret) {
		ret = path_mount(kdev, &mp, ktype, flags, kdata);
		path_put(&mp);
	}
free_data:
	kfree(kdata);
free_dev:
	kfree(kdev);
free_type:
	kfree(ktype);
out:
	return ret;
}

#define MNT_FORCE	0x00000001
#define MNT_DETACH	0x00000002
#define MNT_EXPIRE	0x00000004
#define UMOUNT_NOFOLLOW	0x00000008

/*
 * do_umount - unmount the mount @path is the root of. Busy (-EBUSY)
 * while anything but the tree and this caller holds it (open files,
 * working directories, mounts on it), unless MNT_DETACH, which takes it
 * out of the tree now and frees it when the last holder lets go.
 */
static int do_umount(const struct path *path, int flags)
{
	struct mount *m = real_mount(path->mnt);
	int err = 0;

	if (m == root_mount)
		return -EBUSY;
	down_write(&namespace_sem);
	if (!mnt_has_parent(m))
		err = -EINVAL;		/* detached meanwhile */
	else if (!(flags & MNT_DETACH) &&
		 (atomic_read(&m->mnt_count) > 2 || !list_empty(&m->mnt_mounts)))
		err = -EBUSY;
	else
		umount_tree(m);
	up_write(&namespace_sem);
	return err;
}

SYSCALL_DEFINE2(umount, char __user *, name, int, flags)
{
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	struct path path;
	long ret;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	if (flags & UMOUNT_NOFOLLOW)
		lookup_flags = 0;
	ret = user_path_at(AT_FDCWD, name, lookup_flags, &path);
	if (ret)
		return ret;
	if (!may_mount())
		ret = -EPERM;	/* Linux's can_umount(): before the other checks */
	else if (path.dentry != path.mnt->mnt_root)
		ret = -EINVAL;
	else if ((flags & MNT_EXPIRE) && (flags & (MNT_FORCE | MNT_DETACH)))
		ret = -EINVAL;
	else if (flags & MNT_EXPIRE)
		ret = -EAGAIN;	/* first call only marks; nothing expires here */
	else
		ret = do_umount(&path, flags);
	path_put(&path);
	return ret;
}

/*
 * mnt_init - the root of the tree: rootfs (a ramfs) mounted, and
 * init_task's root and working directory on it, which every task
 * inherits; then devtmpfs and its devices (mounted on /dev later, once
 * the initramfs is there: devtmpfs_mount_dev()). Panics without memory: nothing works without a root.
 */
void mnt_init(void)
{
	struct file_system_type *type;
	struct vfsmount *mnt;
	struct path root;

	init_rootfs();
	type = get_fs_type("rootfs");
	mnt = type ? vfs_kern_mount(type, 0, "rootfs", NULL) : ERR_PTR(-ENODEV);
	if (IS_ERR(mnt))
		panic("VFS: cannot mount rootfs (%ld)", PTR_ERR(mnt));
	root_mount = real_mount(mnt);
	list_add_tail(&root_mount->mnt_list, &mnt_ns_list);
	root.mnt = mnt;
	root.dentry = mnt->mnt_root;
	init_task.fs = init_fs_struct();
	if (!init_task.fs)
		panic("VFS: no memory for init's fs_struct");
	set_fs_root(init_task.fs, &root);
	set_fs_pwd(init_task.fs, &root);
	devtmpfs_init();
	proc_root_init();
	sysfs_init();
}
