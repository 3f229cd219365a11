// SPDX-License-Identifier: GPL-2.0
/*
 * memfd_create(2) and file seals, as Linux's mm/memfd.c: a memfd is an
 * unlinked tmpfs file on the kernel's own mount (shm_mnt) named
 * "memfd:NAME", so /proc/PID/fd and maps show "/memfd:NAME (deleted)".
 * Seals (fcntl F_ADD_SEALS, F_GET_SEALS) belong to every regular tmpfs
 * file; one that is not a memfd made with MFD_ALLOW_SEALING starts, and
 * stays, sealed with F_SEAL_SEAL. Where each seal is enforced:
 *
 *   F_SEAL_SHRINK, F_SEAL_GROW   truncate (ramfs_setattr), fallocate
 *                                (vfs_fallocate), writes past the end
 *                                (generic_perform_write)
 *   F_SEAL_WRITE                 writes; no shared writable mapping may
 *                                exist to add it (i_mmap_writable) or be
 *                                made after (memfd_check_seals_mmap)
 *   F_SEAL_FUTURE_WRITE          writes and new shared writable mappings;
 *                                those made before it stay writable
 *
 * Linux also waits, when F_SEAL_WRITE is added, for pages pinned by
 * get_user_pages (memfd_wait_for_pins); mmos pins no pages, so there is
 * nothing to wait for.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/memfd.h>
#include <linux/mm.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define MFD_NAME_PREFIX		"memfd:"
#define MFD_NAME_PREFIX_LEN	(sizeof(MFD_NAME_PREFIX) - 1)
#define MFD_NAME_MAX_LEN	(NAME_MAX - MFD_NAME_PREFIX_LEN)
#define MFD_ALL_FLAGS		(MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_HUGETLB)
#define F_ALL_SEALS		(F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | \
				 F_SEAL_WRITE | F_SEAL_FUTURE_WRITE)

/* memfd_file_seals_ptr - @file's seals, or NULL for a file that cannot
 * have any (anything but a regular tmpfs file; mmos has no hugetlbfs).
 * The inode's i_rwsem guards what it points to. */
unsigned int *memfd_file_seals_ptr(struct file *file)
{
	if (!shmem_file(file))
		return NULL;
	return &SHMEM_I(file->f_inode)->seals;
}

/*
 * memfd_add_seals - F_ADD_SEALS: Linux's order of checks: -EPERM for a
 * file not open for writing, -EINVAL for an unknown seal or a file
 * without seals, -EPERM once F_SEAL_SEAL is there, -EBUSY for
 * F_SEAL_WRITE while a shared writable mapping exists. Adding a seal
 * already there is not an error. Returns 0 or -errno.
 */
static int memfd_add_seals(struct file *file, unsigned int seals)
{
	struct inode *inode = file->f_inode;
	unsigned int *file_seals;
	int err;

	if (!(file->f_mode & FMODE_WRITE))
		return -EPERM;
	if (seals & ~(unsigned int)F_ALL_SEALS)
		return -EINVAL;
	file_seals = memfd_file_seals_ptr(file);
	if (!file_seals)
		return -EINVAL;
	inode_lock(inode);
	err = -EPERM;
	if (*file_seals & F_SEAL_SEAL)
		goto unlock;
	if ((seals & F_SEAL_WRITE) && !(*file_seals & F_SEAL_WRITE)) {
		/* no shared writable mapping now, and none from now on */
		err = mapping_deny_writable(inode->i_mapping);
		if (err)
			goto unlock;
	}
	*file_seals |= seals;
	err = 0;
unlock:
	inode_unlock(inode);
	return err;
}

/* memfd_get_seals - F_GET_SEALS: the seals, or -EINVAL for a file that
 * has none. */
static int memfd_get_seals(struct file *file)
{
	unsigned int *seals = memfd_file_seals_ptr(file);
	int ret;

	if (!seals)
		return -EINVAL;
	inode_lock_shared(file->f_inode);
	ret = *seals;
	inode_unlock_shared(file->f_inode);
	return ret;
}

/* memfd_fcntl - fcntl(2)'s F_ADD_SEALS and F_GET_SEALS. @arg is the
 * argument as an unsigned int: bits above 32 are dropped, as Linux's
 * do_fcntl() does since its argi (6.1 refused them with -EINVAL). */
long memfd_fcntl(struct file *file, unsigned int cmd, unsigned int arg)
{
	switch (cmd) {
	case F_ADD_SEALS:
		return memfd_add_seals(file, arg);
	case F_GET_SEALS:
		return memfd_get_seals(file);
	default:
		return -EINVAL;
	}
}

/*
 * memfd_check_seals_mmap - may @file be mapped with *@vm_flags_ptr?
 * Under F_SEAL_WRITE or F_SEAL_FUTURE_WRITE a shared writable mapping
 * is -EPERM, and a shared read-only one loses VM_MAYWRITE so that
 * mprotect cannot make it writable later (-EACCES there), as Linux's.
 * Private mappings are not the file's business. Returns 0 or -EPERM.
 */
int memfd_check_seals_mmap(struct file *file, unsigned long *vm_flags_ptr)
{
	unsigned int *seals = memfd_file_seals_ptr(file);

	if (!seals || !(*seals & (F_SEAL_WRITE | F_SEAL_FUTURE_WRITE)))
		return 0;
	if (!(*vm_flags_ptr & VM_SHARED))
		return 0;
	if (*vm_flags_ptr & VM_WRITE)
		return -EPERM;
	*vm_flags_ptr &= ~VM_MAYWRITE;
	return 0;
}

/*
 * memfd_name - "memfd:" and the user's @uname in a new buffer (kfree
 * it), in Linux's order of checks: -EFAULT for a bad pointer, -EINVAL
 * for a name of more than MFD_NAME_MAX_LEN bytes, -ENOMEM. Returns the
 * buffer or ERR_PTR.
 */
static char *memfd_name(const char __user *uname)
{
	long len = strnlen_user(uname, MFD_NAME_MAX_LEN + 1);	/* with the NUL */
	char *name;

	if (len <= 0)
		return ERR_PTR(-EFAULT);
	if (len > (long)MFD_NAME_MAX_LEN + 1)
		return ERR_PTR(-EINVAL);
	name = kmalloc(MFD_NAME_PREFIX_LEN + len, GFP_KERNEL);
	if (!name)
		return ERR_PTR(-ENOMEM);
	memcpy(name, MFD_NAME_PREFIX, MFD_NAME_PREFIX_LEN);
	/* the string may change under us: what is copied must still end
	 * where strnlen_user() found its end */
	if (copy_from_user(name + MFD_NAME_PREFIX_LEN, uname, len) ||
	    name[MFD_NAME_PREFIX_LEN + len - 1]) {
		kfree(name);
		return ERR_PTR(-EFAULT);
	}
	return name;
}

/*
 * memfd_create - a new memfd, open for reading and writing (O_LARGEFILE
 * as Linux's), mode 0777 (no umask), empty. Linux's order: unknown
 * @flags -EINVAL (with MFD_HUGETLB, the huge page size bits are known),
 * then the name (memfd_name()), then the file. MFD_HUGETLB is what a
 * Linux without CONFIG_HUGETLBFS answers, -ENOSYS (hugetlb_file_setup).
 * -EMFILE with no free fd: Linux reserves the fd before making the
 * file, mmos installs it after (fd_install_new()), so with no fd free
 * and MFD_HUGETLB mmos says -ENOSYS where Linux says -EMFILE. Returns
 * the fd.
 */
SYSCALL_DEFINE2(memfd_create, const char __user *, uname, unsigned int, flags)
{
	unsigned int known = MFD_ALL_FLAGS;
	struct file *file;
	char *name;
	int fd;

	if (flags & MFD_HUGETLB)
		known |= MFD_HUGE_MASK << MFD_HUGE_SHIFT;
	if (flags & ~known)
		return -EINVAL;
	name = memfd_name(uname);
	if (IS_ERR(name))
		return PTR_ERR(name);
	if (flags & MFD_HUGETLB)
		file = ERR_PTR(-ENOSYS);	/* no hugetlbfs */
	else
		file = shmem_kernel_file_setup(name, 0, VM_NORESERVE);	/* pages committed as they come */
	kfree(name);
	if (IS_ERR(file))
		return PTR_ERR(file);
	if (flags & MFD_ALLOW_SEALING)	/* no one else has the file yet */
		SHMEM_I(file->f_inode)->seals &= ~F_SEAL_SEAL;
	fd = fd_install_new(file, (flags & MFD_CLOEXEC) ? O_CLOEXEC : 0, 0);
	if (fd < 0)
		fput(file);
	return fd;
}
