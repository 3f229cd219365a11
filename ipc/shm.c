// SPDX-License-Identifier: GPL-2.0
/*
 * System V shared memory, as Linux's ipc/shm.c: a segment is an
 * unlinked tmpfs file on the kernel's shm_mnt ("SYSV" and the key in
 * hex, its inode number the id); shmat() maps it through a file of its
 * own (shm_file_operations) whose VMAs carry shm_vm_ops, which wrap the
 * tmpfs file's and count the VMAs in shm_nattch: every VMA made (shmat,
 * fork, a split, mremap) opens, every one removed (shmdt, munmap, exec,
 * exit) closes. IPC_RMID marks a segment SHM_DEST and takes away its
 * key; it is destroyed, and its pages freed, at the last close.
 *
 * Locks: shm_ids(ns).rwsem (the ids, creation, removal, every shmctl,
 * and shm_close, which may destroy), then a segment's shm_perm.lock;
 * shm_open() takes only the latter, since the VMA it copies holds the
 * segment. mmap_lock is taken before the rwsem (shm_close runs under
 * it), so shmat() drops the rwsem before mapping.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/shm.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include "util.h"

/*
 * struct shmid_kernel - one segment. shm_file, shm_segsz, shm_cprid and
 * ns are fixed once it is in the ids; shm_ctim changes under the ids'
 * rwsem. shm_perm.lock must be held when using these (shm_open()
 * changes them without the rwsem):
 */
struct shmid_kernel {
	struct kern_ipc_perm shm_perm;
	struct file *shm_file;		/* the tmpfs file: its pages */
	unsigned long shm_segsz;	/* bytes, as asked for */
	s64 shm_ctim;
	pid_t shm_cprid;		/* the creator's tgid */
	struct ipc_namespace *ns;
	/* shm_perm.lock: */
	unsigned long shm_nattch;	/* VMAs, and shmat()s under way */
	s64 shm_atim, shm_dtim;
	pid_t shm_lprid;		/* the tgid that last attached or detached */
};

/*
 * struct shm_file_data - what a shmat() file (the vm_file of its VMAs)
 * knows: the segment (alive while its VMAs count in shm_nattch), the
 * tmpfs file (one reference, dropped by shm_release()), and that
 * file's vm_ops, which shm_vm_ops wrap.
 */
struct shm_file_data {
	int id;
	struct ipc_namespace *ns;
	struct shmid_kernel *shp;
	struct file *file;
	const struct vm_operations_struct *vm_ops;
};

struct ipc_namespace init_ipc_ns = {
	.ids = { {
		.rwsem = __RWSEM_INITIALIZER(init_ipc_ns.ids[0].rwsem),
		.max_idx = -1,
		.last_idx = -1,
	} },
	.shm_ctlmax = SHMMAX,
	.shm_ctlall = SHMALL,
	.shm_ctlmni = SHMMNI,
};

static const struct file_operations shm_file_operations;
static const struct vm_operations_struct shm_vm_ops;

#define shm_file_data(file)	((struct shm_file_data *)(file)->private_data)

static struct shmid_kernel *shm_of(struct kern_ipc_perm *ipcp)
{
	return container_of(ipcp, struct shmid_kernel, shm_perm);
}

/* shm_may_destroy - is @shp removed and no longer attached? Its lock
 * held. */
static bool shm_may_destroy(struct shmid_kernel *shp)
{
	return shp->shm_nattch == 0 && (shp->shm_perm.mode & SHM_DEST);
}

/*
 * shm_destroy - take @shp out of the ids and free it; its tmpfs file
 * goes with the last shmat() file that holds it (its pages with it).
 * The ids' rwsem held for writing and @shp's lock, which is dropped.
 */
static void shm_destroy(struct ipc_namespace *ns, struct shmid_kernel *shp)
{
	struct file *shm_file = shp->shm_file;

	shp->shm_file = NULL;
	ns->shm_tot -= (shp->shm_segsz + PAGE_SIZE - 1) >> PAGE_SHIFT;
	ipc_rmid(&shm_ids(ns), &shp->shm_perm);
	spin_unlock(&shp->shm_perm.lock);
	fput(shm_file);
	kfree(shp);
}

/* __shm_open - one more VMA of @vma's segment: attached now, by the
 * caller's process. */
static void __shm_open(struct vm_area_struct *vma)
{
	struct shmid_kernel *shp = shm_file_data(vma->vm_file)->shp;

	spin_lock(&shp->shm_perm.lock);
	shp->shm_atim = ktime_get_real_seconds();
	shp->shm_lprid = current->tgid;
	shp->shm_nattch++;
	spin_unlock(&shp->shm_perm.lock);
}

/* shm_open - the ->open of a segment's VMA (fork, split, mremap): the
 * tmpfs file's own ->open, then the count. */
static void shm_open(struct vm_area_struct *vma)
{
	struct shm_file_data *sfd = shm_file_data(vma->vm_file);

	if (sfd->vm_ops->open)
		sfd->vm_ops->open(vma);
	__shm_open(vma);
}

/*
 * __shm_close - one VMA of @sfd's segment fewer: detached now, by the
 * caller's process; a removed segment's last detach destroys it.
 * mmap_lock held; takes the ids' rwsem.
 */
static void __shm_close(struct shm_file_data *sfd)
{
	struct shmid_kernel *shp = sfd->shp;
	struct ipc_namespace *ns = sfd->ns;

	down_write(&shm_ids(ns).rwsem);
	spin_lock(&shp->shm_perm.lock);
	shp->shm_lprid = current->tgid;
	shp->shm_dtim = ktime_get_real_seconds();
	shp->shm_nattch--;
	if (shm_may_destroy(shp))
		shm_destroy(ns, shp);
	else
		spin_unlock(&shp->shm_perm.lock);
	up_write(&shm_ids(ns).rwsem);
}

/* shm_close - the ->close of a segment's VMA (munmap, shmdt, exec,
 * exit): the tmpfs file's own ->close, then the count. */
static void shm_close(struct vm_area_struct *vma)
{
	struct shm_file_data *sfd = shm_file_data(vma->vm_file);

	if (sfd->vm_ops->close)
		sfd->vm_ops->close(vma);
	__shm_close(sfd);
}

/* shm_fault - the tmpfs file's ->fault: the segment's page. */
static vm_fault_t shm_fault(struct vm_fault *vmf)
{
	return shm_file_data(vmf->vma->vm_file)->vm_ops->fault(vmf);
}

static const struct vm_operations_struct shm_vm_ops = {
	.open = shm_open,
	.close = shm_close,
	.fault = shm_fault,
};

/*
 * shm_mmap - the ->mmap of a shmat() file: counted as attached, then
 * the tmpfs file's ->mmap, whose vm_ops shm_vm_ops then wrap. Returns
 * 0 or that ->mmap's error (the count given back).
 */
static int shm_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct shm_file_data *sfd = shm_file_data(file);
	int ret;

	__shm_open(vma);
	ret = sfd->file->f_op->mmap(sfd->file, vma);
	if (ret) {
		__shm_close(sfd);
		return ret;
	}
	sfd->vm_ops = vma->vm_ops;
	vma->vm_ops = &shm_vm_ops;
	return 0;
}

/* shm_release - the last reference to a shmat() file: its reference to
 * the tmpfs file goes (fput() frees the shm_file_data). */
static void shm_release(struct file *file)
{
	fput(shm_file_data(file)->file);
}

static const struct file_operations shm_file_operations = {
	.mmap = shm_mmap,
	.release = shm_release,
};

/*
 * newseg - a new segment of @size bytes with @key and the mode bits of
 * @shmflg, owned and created by the caller. Linux's checks, in its
 * order: the size (-EINVAL below SHMMIN or above shmmax), SHMALL
 * (-ENOSPC), the commitment (-ENOMEM unless SHM_NORESERVE), memory
 * (-ENOMEM), shmmni (-ENOSPC). The ids' rwsem held for writing.
 * Returns the id or -errno.
 */
static int newseg(struct ipc_namespace *ns, key_t key, int shmflg, size_t size)
{
	size_t numpages = (size + PAGE_SIZE - 1) >> PAGE_SHIFT;
	struct shmid_kernel *shp;
	struct file *file;
	char name[13];
	int err;

	if (size < SHMMIN || size > READ_ONCE(ns->shm_ctlmax))
		return -EINVAL;
	if (numpages << PAGE_SHIFT < size)
		return -ENOSPC;
	if (ns->shm_tot + numpages < ns->shm_tot ||
	    ns->shm_tot + numpages > READ_ONCE(ns->shm_ctlall))
		return -ENOSPC;
	if (shmflg & SHM_HUGETLB)	/* Linux's can_do_hugetlb_shm(), and
					 * no huge pages are ever reserved */
		return capable(CAP_IPC_LOCK) || in_group_p(0) ? -ENOMEM : -EPERM;
	shp = kzalloc(sizeof(*shp), GFP_KERNEL);
	if (!shp)
		return -ENOMEM;
	shp->shm_perm.key = key;
	shp->shm_perm.mode = shmflg & S_IRWXUGO;
	snprintf(name, sizeof(name), "SYSV%08x", key);
	/* commits the size now unless SHM_NORESERVE (-ENOMEM if refused) */
	file = shmem_kernel_file_setup(name, size,
				       (shmflg & SHM_NORESERVE) ? VM_NORESERVE : 0);
	if (IS_ERR(file)) {
		err = PTR_ERR(file);
		goto free_shp;
	}
	shp->shm_cprid = current->tgid;
	shp->shm_ctim = ktime_get_real_seconds();
	shp->shm_segsz = size;
	shp->shm_file = file;
	shp->ns = ns;
	err = ipc_addid(&shm_ids(ns), &shp->shm_perm, READ_ONCE(ns->shm_ctlmni));
	if (err < 0)
		goto put_file;
	/* the id is the inode number in /proc/PID/maps, as ps tools expect */
	file->f_inode->i_ino = shp->shm_perm.id;
	ns->shm_tot += numpages;
	return shp->shm_perm.id;

put_file:
	fput(file);
free_shp:
	kfree(shp);
	return err;
}

/*
 * ksys_shmget - shmget(2), Linux's ipcget(): IPC_PRIVATE always makes a
 * segment; a key finds its segment, or makes one with IPC_CREAT
 * (-ENOENT without). For a segment found: IPC_CREAT|IPC_EXCL is
 * -EEXIST, a size above its own -EINVAL, mode bits it does not grant
 * -EACCES. Returns the id or -errno.
 */
static long ksys_shmget(key_t key, size_t size, int shmflg)
{
	struct ipc_namespace *ns = &init_ipc_ns;
	struct kern_ipc_perm *ipcp;
	long err;

	down_write(&shm_ids(ns).rwsem);
	if (key == IPC_PRIVATE) {
		err = newseg(ns, key, shmflg, size);
		goto out;
	}
	ipcp = ipc_findkey(&shm_ids(ns), key);
	if (!ipcp)
		err = (shmflg & IPC_CREAT) ? newseg(ns, key, shmflg, size) : -ENOENT;
	else if ((shmflg & IPC_CREAT) && (shmflg & IPC_EXCL))
		err = -EEXIST;
	else if (shm_of(ipcp)->shm_segsz < size)
		err = -EINVAL;
	else if (ipcperms(ns, ipcp, shmflg))
		err = -EACCES;
	else
		err = ipcp->id;
out:
	up_write(&shm_ids(ns).rwsem);
	return err;
}

SYSCALL_DEFINE3(shmget, key_t, key, size_t, size, int, shmflg)
{
	return ksys_shmget(key, size, shmflg);
}

/*
 * shmat_addr - where shmat() maps: @addr rounded down to SHMLBA with
 * SHM_RND (-EINVAL if that is 0 with SHM_REMAP), else it must be page
 * aligned (-EINVAL); 0 lets the kernel choose (-EINVAL with SHM_REMAP).
 * *@flags gets MAP_FIXED for a given address. Returns 0 or -EINVAL.
 */
static int shmat_addr(unsigned long *addr, int shmflg, unsigned long *flags)
{
	if (!*addr)
		return (shmflg & SHM_REMAP) ? -EINVAL : 0;
	if (*addr & (SHMLBA - 1)) {
		if (!(shmflg & SHM_RND))
			return -EINVAL;
		*addr &= ~(SHMLBA - 1);
		if (!*addr && (shmflg & SHM_REMAP))
			return -EINVAL;
	}
	*flags |= MAP_FIXED;
	return 0;
}

/*
 * shm_attach_get - look up @shmid for shmat() with access @acc_mode:
 * -EINVAL (no such id), -EACCES; else the segment, counted as attached
 * for the time of the shmat() (so that it lives), with a reference to
 * its tmpfs file in *@base and its size in *@size.
 */
static struct shmid_kernel *shm_attach_get(struct ipc_namespace *ns, int shmid,
					   int acc_mode, struct file **base,
					   unsigned long *size)
{
	struct kern_ipc_perm *ipcp;
	struct shmid_kernel *shp;

	down_read(&shm_ids(ns).rwsem);
	ipcp = ipc_obtain_object_check(&shm_ids(ns), shmid);
	if (IS_ERR(ipcp))
		goto out;
	if (ipcperms(ns, ipcp, acc_mode)) {
		ipcp = ERR_PTR(-EACCES);
		goto out;
	}
	shp = shm_of(ipcp);
	spin_lock(&shp->shm_perm.lock);
	if (!ipc_valid_object(&shp->shm_perm)) {
		spin_unlock(&shp->shm_perm.lock);
		ipcp = ERR_PTR(-EIDRM);
		goto out;
	}
	*base = get_file(shp->shm_file);
	*size = shp->shm_file->f_inode->i_size;
	shp->shm_nattch++;
	spin_unlock(&shp->shm_perm.lock);
out:
	up_read(&shm_ids(ns).rwsem);
	return IS_ERR(ipcp) ? ERR_CAST(ipcp) : shm_of(ipcp);
}

/* shm_attach_put - the end of a shmat(): its count goes; a segment
 * removed meanwhile and not mapped is destroyed. */
static void shm_attach_put(struct ipc_namespace *ns, struct shmid_kernel *shp)
{
	down_write(&shm_ids(ns).rwsem);
	spin_lock(&shp->shm_perm.lock);
	shp->shm_nattch--;
	if (shm_may_destroy(shp))
		shm_destroy(ns, shp);
	else
		spin_unlock(&shp->shm_perm.lock);
	up_write(&shm_ids(ns).rwsem);
}

/*
 * shm_file_setup - the file a shmat() maps @shp through: @base's path
 * and inode, opened with @f_flags, its shm_file_data holding @base (the
 * reference passes to it). ERR_PTR(-ENOMEM), @base dropped.
 */
static struct file *shm_file_setup(struct ipc_namespace *ns, struct shmid_kernel *shp,
				   struct file *base, unsigned int f_flags)
{
	struct shm_file_data *sfd = kzalloc(sizeof(*sfd), GFP_KERNEL);
	struct file *file;

	if (!sfd)
		goto put_base;
	file = alloc_file_clone(base, f_flags, &shm_file_operations);
	if (!file)
		goto free_sfd;
	sfd->id = shp->shm_perm.id;
	sfd->ns = ns;
	sfd->shp = shp;
	sfd->file = base;
	file->private_data = sfd;
	return file;

free_sfd:
	kfree(sfd);
put_base:
	fput(base);
	return ERR_PTR(-ENOMEM);
}

/* range_in_use - does a VMA of @mm meet [start, end)? mmap_lock held. */
static bool range_in_use(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	return vma && vma->vm_start < end;
}

/*
 * do_shmat - shmat(2): map segment @shmid at @shmaddr (or where the
 * kernel chooses), read-only with SHM_RDONLY, executable with
 * SHM_EXEC, over what is there only with SHM_REMAP (else -EINVAL if
 * the range is in use). Linux's order: a negative id and the address
 * (-EINVAL), the id (-EINVAL), the access (-EACCES), then the mapping's
 * own errors (-ENOMEM ...). The address in *@raddr; 0 or -errno.
 */
static long do_shmat(int shmid, char __user *shmaddr, int shmflg, unsigned long *raddr)
{
	struct ipc_namespace *ns = &init_ipc_ns;
	unsigned long addr = (unsigned long)shmaddr, flags = MAP_SHARED, prot, size;
	struct mm_struct *mm = current->mm;
	struct shmid_kernel *shp;
	struct file *file, *base;
	unsigned int f_flags;
	int acc_mode;
	long err;

	if (shmid < 0)
		return -EINVAL;
	err = shmat_addr(&addr, shmflg, &flags);
	if (err)
		return err;
	if (shmflg & SHM_RDONLY) {
		prot = PROT_READ;
		acc_mode = S_IRUGO;
		f_flags = O_RDONLY;
	} else {
		prot = PROT_READ | PROT_WRITE;
		acc_mode = S_IRUGO | S_IWUGO;
		f_flags = O_RDWR;
	}
	if (shmflg & SHM_EXEC) {
		prot |= PROT_EXEC;
		acc_mode |= S_IXUGO;
	}
	shp = shm_attach_get(ns, shmid, acc_mode, &base, &size);
	if (IS_ERR(shp))
		return PTR_ERR(shp);
	file = shm_file_setup(ns, shp, base, f_flags);
	if (IS_ERR(file)) {
		err = PTR_ERR(file);
		goto out_nattch;
	}
	mmap_write_lock(mm);
	if (addr && !(shmflg & SHM_REMAP) &&
	    (addr + size < addr || range_in_use(mm, addr, addr + size))) {
		err = -EINVAL;
	} else {
		addr = do_mmap(file, addr, size, prot, flags, 0);
		err = IS_ERR_VALUE(addr) ? (long)addr : 0;
	}
	/* a locked mapping (mlockall(MCL_FUTURE)) is faulted in, as mmap's */
	if (!err && (mm->def_flags & VM_LOCKED)) {
		mmap_write_unlock(mm);
		mm_populate(addr, size);
	} else {
		mmap_write_unlock(mm);
	}
	*raddr = addr;
	fput(file);
out_nattch:
	shm_attach_put(ns, shp);
	return err;
}

SYSCALL_DEFINE3(shmat, int, shmid, char __user *, shmaddr, int, shmflg)
{
	unsigned long ret = 0;
	long err = do_shmat(shmid, shmaddr, shmflg, &ret);

	return err ? err : (long)ret;
}

/*
 * ksys_shmdt - shmdt(2): unmap the segment attached at @shmaddr: the
 * first segment VMA at or above it whose offset says it was attached
 * there, then every other piece of that same segment (split by
 * mprotect or munmap) within its size, as Linux's. -EINVAL if the
 * address is not page aligned or no segment was attached there.
 */
static long ksys_shmdt(char __user *shmaddr)
{
	struct mm_struct *mm = current->mm;
	unsigned long addr = (unsigned long)shmaddr, size = 0;
	struct vm_area_struct *vma, *next;
	struct file *file = NULL;
	long retval = -EINVAL;

	if (addr & ~PAGE_MASK)
		return retval;
	mmap_write_lock(mm);
	for (vma = find_vma(mm, addr); vma; vma = vma_next(vma)) {
		if (vma->vm_ops == &shm_vm_ops &&
		    (vma->vm_start - addr) / PAGE_SIZE == vma->vm_pgoff) {
			/* the segment's own file: mremap may have put another
			 * segment's pages at a matching offset in the range */
			file = shm_file_data(vma->vm_file)->file;
			size = PAGE_ALIGN(file->f_inode->i_size);
			next = vma_next(vma);
			do_munmap(mm, vma->vm_start, vma->vm_end - vma->vm_start);
			retval = 0;
			vma = next;
			break;
		}
	}
	while (vma && vma->vm_end - addr <= size) {
		next = vma_next(vma);
		if (vma->vm_ops == &shm_vm_ops &&
		    (vma->vm_start - addr) / PAGE_SIZE == vma->vm_pgoff &&
		    shm_file_data(vma->vm_file)->file == file)
			do_munmap(mm, vma->vm_start, vma->vm_end - vma->vm_start);
		vma = next;
	}
	mmap_write_unlock(mm);
	return retval;
}

SYSCALL_DEFINE1(shmdt, char __user *, shmaddr)
{
	return ksys_shmdt(shmaddr);
}

/* shmctl_ipc_info - IPC_INFO: the limits; returns the highest index in
 * use (0 if none). */
static int shmctl_ipc_info(struct ipc_namespace *ns, struct shminfo64 *shminfo)
{
	int err;

	memset(shminfo, 0, sizeof(*shminfo));
	shminfo->shmmni = shminfo->shmseg = READ_ONCE(ns->shm_ctlmni);
	shminfo->shmmax = READ_ONCE(ns->shm_ctlmax);
	shminfo->shmall = READ_ONCE(ns->shm_ctlall);
	shminfo->shmmin = SHMMIN;
	down_read(&shm_ids(ns).rwsem);
	err = ipc_get_maxidx(&shm_ids(ns));
	up_read(&shm_ids(ns).rwsem);
	return err < 0 ? 0 : err;
}

/* shm_rss - the pages of @shp that exist (its tmpfs file's). The ids'
 * rwsem held. */
static unsigned long shm_rss(struct shmid_kernel *shp)
{
	return READ_ONCE(shp->shm_file->f_inode->i_mapping->nrpages);
}

/* shmctl_shm_info - SHM_INFO: the segments, their pages and those that
 * exist (none are ever swapped); returns the highest index in use. */
static int shmctl_shm_info(struct ipc_namespace *ns, struct shm_info *shm_info)
{
	struct ipc_ids *ids = &shm_ids(ns);
	int err;

	memset(shm_info, 0, sizeof(*shm_info));
	down_read(&ids->rwsem);
	shm_info->used_ids = ids->in_use;
	for (int i = 0; i <= ids->max_idx; i++)
		if (ids->entries[i])
			shm_info->shm_rss += shm_rss(shm_of(ids->entries[i]));
	shm_info->shm_tot = ns->shm_tot;
	err = ipc_get_maxidx(ids);
	up_read(&ids->rwsem);
	return err < 0 ? 0 : err;
}

/*
 * shmctl_stat - IPC_STAT of the id @shmid, or SHM_STAT/SHM_STAT_ANY of
 * the index @shmid: -EINVAL if there is none, -EACCES without read
 * permission (SHM_STAT_ANY needs none, as /proc/sysvipc/shm). Returns
 * 0 for IPC_STAT, the full id for the others, or -errno.
 */
static int shmctl_stat(struct ipc_namespace *ns, int shmid, int cmd,
		       struct shmid64_ds *tbuf)
{
	struct kern_ipc_perm *ipcp;
	struct shmid_kernel *shp;
	int err;

	memset(tbuf, 0, sizeof(*tbuf));
	down_read(&shm_ids(ns).rwsem);
	if (cmd == IPC_STAT)
		ipcp = ipc_obtain_object_check(&shm_ids(ns), shmid);
	else
		ipcp = ipc_obtain_object_idr(&shm_ids(ns), shmid);
	err = PTR_ERR(ipcp);
	if (IS_ERR(ipcp))
		goto out;
	err = -EACCES;
	if (cmd != SHM_STAT_ANY && ipcperms(ns, ipcp, S_IRUGO))
		goto out;
	shp = shm_of(ipcp);
	spin_lock(&shp->shm_perm.lock);
	kernel_to_ipc64_perm(&shp->shm_perm, &tbuf->shm_perm);
	tbuf->shm_segsz = shp->shm_segsz;
	tbuf->shm_atime = shp->shm_atim;
	tbuf->shm_dtime = shp->shm_dtim;
	tbuf->shm_ctime = shp->shm_ctim;
	tbuf->shm_cpid = shp->shm_cprid;
	tbuf->shm_lpid = shp->shm_lprid;
	tbuf->shm_nattch = shp->shm_nattch;
	spin_unlock(&shp->shm_perm.lock);
	err = cmd == IPC_STAT ? 0 : shp->shm_perm.id;
out:
	up_read(&shm_ids(ns).rwsem);
	return err;
}

/* do_shm_rmid - IPC_RMID: an attached segment is marked SHM_DEST and
 * loses its key; one not attached is destroyed now. The ids' rwsem
 * held for writing. */
static void do_shm_rmid(struct ipc_namespace *ns, struct shmid_kernel *shp)
{
	spin_lock(&shp->shm_perm.lock);
	if (shp->shm_nattch) {
		shp->shm_perm.mode |= SHM_DEST;
		ipc_set_key_private(&shm_ids(ns), &shp->shm_perm);
		spin_unlock(&shp->shm_perm.lock);
	} else {
		shm_destroy(ns, shp);
	}
}

/*
 * shmctl_down - IPC_SET (owner and mode from @shmid64) or IPC_RMID, for
 * the owner, the creator or CAP_SYS_ADMIN: -EINVAL (no such id, or
 * IPC_SET's uid or gid invalid), -EPERM. Returns 0 or -errno.
 */
static int shmctl_down(struct ipc_namespace *ns, int shmid, int cmd,
		       struct shmid64_ds *shmid64)
{
	struct kern_ipc_perm *ipcp;
	struct shmid_kernel *shp;
	int err = 0;

	down_write(&shm_ids(ns).rwsem);
	ipcp = ipcctl_obtain_check(ns, &shm_ids(ns), shmid);
	if (IS_ERR(ipcp)) {
		err = PTR_ERR(ipcp);
		goto out;
	}
	shp = shm_of(ipcp);
	if (cmd == IPC_RMID) {
		do_shm_rmid(ns, shp);
		goto out;
	}
	spin_lock(&shp->shm_perm.lock);
	err = ipc_update_perm(&shmid64->shm_perm, ipcp);
	if (!err)
		shp->shm_ctim = ktime_get_real_seconds();
	spin_unlock(&shp->shm_perm.lock);
out:
	up_write(&shm_ids(ns).rwsem);
	return err;
}

/*
 * shmctl_do_lock - SHM_LOCK/SHM_UNLOCK. mmos has no swap: a segment's
 * pages never leave memory, so locking one only marks it SHM_LOCKED,
 * after Linux's checks: -EINVAL (no such id), -EPERM for one who is
 * neither owner nor creator, or, for SHM_LOCK, with RLIMIT_MEMLOCK 0
 * (without CAP_IPC_LOCK). Linux also charges a lock to the user's
 * RLIMIT_MEMLOCK (-ENOMEM above it); mmos keeps no per-user count, so
 * a lock within a nonzero limit is charged nothing. Returns 0 or -errno.
 */
static int shmctl_do_lock(struct ipc_namespace *ns, int shmid, int cmd)
{
	struct kern_ipc_perm *ipcp;
	int err = 0;

	down_write(&shm_ids(ns).rwsem);
	ipcp = ipc_obtain_object_check(&shm_ids(ns), shmid);
	if (IS_ERR(ipcp)) {
		err = PTR_ERR(ipcp);
		goto out;
	}
	if (!capable(CAP_IPC_LOCK)) {
		kuid_t euid = current_euid();

		if (!uid_eq(euid, ipcp->uid) && !uid_eq(euid, ipcp->cuid))
			err = -EPERM;
		else if (cmd == SHM_LOCK && !rlimit(RLIMIT_MEMLOCK))
			err = -EPERM;
		if (err)
			goto out;
	}
	spin_lock(&ipcp->lock);
	if (cmd == SHM_LOCK)
		ipcp->mode |= SHM_LOCKED;
	else
		ipcp->mode &= ~SHM_LOCKED;
	spin_unlock(&ipcp->lock);
out:
	up_write(&shm_ids(ns).rwsem);
	return err;
}

/* shmctl_info_out - copy IPC_INFO's or SHM_INFO's @len bytes at @info
 * to @buf: @ret, or -EFAULT. */
static long shmctl_info_out(void __user *buf, const void *info, size_t len, long ret)
{
	if (ret < 0)
		return ret;
	return copy_to_user(buf, info, len) ? -EFAULT : ret;
}

/*
 * ksys_shmctl - shmctl(2) (x86-64: every command is IPC_64's, and one
 * with IPC_64 or any other unknown bit is -EINVAL, as Linux's): a
 * negative id or command is -EINVAL, then each command's own work.
 */
static long ksys_shmctl(int shmid, int cmd, void __user *buf)
{
	struct ipc_namespace *ns = &init_ipc_ns;
	struct shmid64_ds sem64;
	struct shminfo64 shminfo;
	struct shm_info shm_info;
	int err;

	if (cmd < 0 || shmid < 0)
		return -EINVAL;
	switch (cmd) {
	case IPC_INFO:
		err = shmctl_ipc_info(ns, &shminfo);
		return shmctl_info_out(buf, &shminfo, sizeof(shminfo), err);
	case SHM_INFO:
		err = shmctl_shm_info(ns, &shm_info);
		return shmctl_info_out(buf, &shm_info, sizeof(shm_info), err);
	case SHM_STAT:
	case SHM_STAT_ANY:
	case IPC_STAT:
		err = shmctl_stat(ns, shmid, cmd, &sem64);
		return shmctl_info_out(buf, &sem64, sizeof(sem64), err);
	case IPC_SET:
		if (copy_from_user(&sem64, buf, sizeof(sem64)))
			return -EFAULT;
		return shmctl_down(ns, shmid, cmd, &sem64);
	case IPC_RMID:
		return shmctl_down(ns, shmid, cmd, &sem64);
	case SHM_LOCK:
	case SHM_UNLOCK:
		return shmctl_do_lock(ns, shmid, cmd);
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE3(shmctl, int, shmid, int, cmd, void __user *, buf)
{
	return ksys_shmctl(shmid, cmd, buf);
}

/*
 * sysvipc_shm_proc_show - /proc/sysvipc/shm: Linux's header and a line
 * per segment in its format (the sizes in 21 columns on 64 bits; rss in
 * bytes, swap always 0 here).
 */
int sysvipc_shm_proc_show(struct seq_buf *s, struct task_struct *task)
{
	struct ipc_ids *ids = &shm_ids(&init_ipc_ns);

	seq_printf(s, "       key      shmid perms                  size  cpid  lpid nattch   uid   gid  cuid  cgid      atime      dtime      ctime                   rss                  swap\n");
	down_read(&ids->rwsem);
	for (int i = 0; i <= ids->max_idx; i++) {
		struct shmid_kernel *shp;

		if (!ids->entries[i])
			continue;
		shp = shm_of(ids->entries[i]);
		spin_lock(&shp->shm_perm.lock);
		seq_printf(s, "%10d %10d  %4o %21lu %5u %5u  %5lu %5u %5u %5u %5u %10llu %10llu %10llu %21lu %21lu\n",
			   shp->shm_perm.key, shp->shm_perm.id, shp->shm_perm.mode,
			   shp->shm_segsz, shp->shm_cprid, shp->shm_lprid,
			   shp->shm_nattch, shp->shm_perm.uid, shp->shm_perm.gid,
			   shp->shm_perm.cuid, shp->shm_perm.cgid,
			   (unsigned long long)shp->shm_atim,
			   (unsigned long long)shp->shm_dtim,
			   (unsigned long long)shp->shm_ctim,
			   shm_rss(shp) * PAGE_SIZE, 0UL);
		spin_unlock(&shp->shm_perm.lock);
	}
	up_read(&ids->rwsem);
	return 0;
}
