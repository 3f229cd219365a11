// SPDX-License-Identifier: GPL-2.0
/*
 * tmpfs: a ramfs with limits (Linux's is its own file system here in
 * mm/shmem.c, with swap behind it; mmos has no swap, so a ramfs whose
 * blocks and inodes are counted is the same to a program). Options, as
 * Linux's: size= (bytes, with k/m/g/t/p/e, or N% of RAM), nr_blocks=,
 * nr_inodes=, mode=, uid=, gid=; 0 for size or nr_inodes is no limit.
 * A full tmpfs refuses with -ENOSPC and keeps what was written.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/ramfs.h>
#include <linux/sched.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/mount.h>
#include <linux/dcache.h>
#include <linux/file.h>
#include <linux/fdtable.h>
#include <linux/memfd.h>

/* shmem_size_opt - size= in pages: bytes with an optional suffix, or a
 * percentage of RAM; rounded up to whole pages. -EINVAL if malformed. */
static int shmem_size_opt(const char *v, unsigned long *pages)
{
	char *rest;
	unsigned long long size = memparse(v, &rest);

	if (rest == v)
		return -EINVAL;
	if (*rest == '%') {
		size = (unsigned long long)totalram_pages() * PAGE_SIZE * size / 100;
		rest++;
	}
	if (*rest)
		return -EINVAL;
	*pages = (size + PAGE_SIZE - 1) / PAGE_SIZE;
	return 0;
}

/* shmem_count_opt - nr_blocks= or nr_inodes=: a number with an
 * optional suffix. */
static int shmem_count_opt(const char *v, unsigned long *n)
{
	char *rest;
	unsigned long long x = memparse(v, &rest);

	if (rest == v || *rest)
		return -EINVAL;
	*n = x;
	return 0;
}

/*
 * shmem_parse_options - tmpfs's options in @data (changed by the parse)
 * into @fsi; -EINVAL for an unknown option or a bad value. @remount
 * refuses what cannot change then (mode=, uid=, gid= stay Linux's:
 * they are accepted and change the root).
 */
static int shmem_parse_options(char *data, struct ramfs_fs_info *fsi)
{
	char *opt;

	while (data && (opt = strsep(&data, ","))) {
		char *v = strchr(opt, '=');
		unsigned int u;
		int err = -EINVAL;

		if (!*opt)
			continue;
		if (!v)
			return -EINVAL;
		*v++ = 0;
		if (!strcmp(opt, "size"))
			err = shmem_size_opt(v, &fsi->max_blocks);
		else if (!strcmp(opt, "nr_blocks"))
			err = shmem_count_opt(v, &fsi->max_blocks);
		else if (!strcmp(opt, "nr_inodes"))
			err = shmem_count_opt(v, &fsi->max_inodes);
		else if (!strcmp(opt, "mode") && !(err = kstrtouint(v, 8, &u)))
			fsi->mode = u & S_IALLUGO;
		else if (!strcmp(opt, "uid") && !(err = kstrtouint(v, 0, &u)))
			fsi->uid = u;
		else if (!strcmp(opt, "gid") && !(err = kstrtouint(v, 0, &u)))
			fsi->gid = u;
		if (err)
			return -EINVAL;
	}
	return 0;
}

/* shmem_default_limits - half of RAM, and as many inodes as pages
 * in it, as Linux's defaults. */
static void shmem_default_limits(struct ramfs_fs_info *fsi)
{
	fsi->max_blocks = totalram_pages() / 2;
	fsi->max_inodes = totalram_pages() / 2;
	fsi->mode = 01777;
	fsi->dir_sizes = true;
}

static int shmem_remount(struct super_block *sb, int *flags, char *data);

/*
 * shmem_show_options - tmpfs's options as Linux's shmem_show_options
 * prints them: size (in k) and nr_inodes when not the defaults, mode
 * when not 1777, uid and gid when not root. Returns 0.
 */
static int shmem_show_options(struct seq_buf *s, struct dentry *root)
{
	struct ramfs_fs_info *fsi = root->d_sb->s_fs_info, def, now;

	shmem_default_limits(&def);
	spin_lock(&fsi->stat_lock);
	now = *fsi;
	spin_unlock(&fsi->stat_lock);
	if (now.max_blocks != def.max_blocks)
		seq_printf(s, ",size=%luk", now.max_blocks << (PAGE_SHIFT - 10));
	if (now.max_inodes != def.max_inodes)
		seq_printf(s, ",nr_inodes=%lu", now.max_inodes);
	if (now.mode != def.mode)
		seq_printf(s, ",mode=%03o", now.mode);
	if (now.uid)
		seq_printf(s, ",uid=%u", now.uid);
	if (now.gid)
		seq_printf(s, ",gid=%u", now.gid);
	return 0;
}

/* shmem_alloc_inode - a zeroed tmpfs inode, sealed against seals
 * (Linux's: only memfd_create() with MFD_ALLOW_SEALING takes that
 * seal away). NULL without memory. */
static struct inode *shmem_alloc_inode(struct super_block *sb)
{
	struct shmem_inode_info *info = kzalloc(sizeof(*info), GFP_KERNEL);

	if (!info)
		return NULL;
	info->seals = F_SEAL_SEAL;
	return &info->vfs_inode;
}

/* shmem_free_inode - free what shmem_alloc_inode() made. */
static void shmem_free_inode(struct inode *inode)
{
	kfree(SHMEM_I(inode));
}

static const struct super_operations shmem_ops = {
	.alloc_inode = shmem_alloc_inode,
	.free_inode = shmem_free_inode,
	.evict_inode = ramfs_evict_inode,
	.statfs = ramfs_statfs,
	.remount_fs = shmem_remount,
	.put_super = ramfs_put_super,
	.show_options = shmem_show_options,
};

/* shmem_mapping - whether @mapping is a tmpfs file's, whose pages are
 * NR_SHMEM as well as NR_FILE_PAGES (Linux's test is the same question
 * asked of the address_space_operations, which tmpfs shares with ramfs
 * here). */
bool shmem_mapping(const struct address_space *mapping)
{
	return mapping->host && mapping->host->i_sb &&
	       mapping->host->i_sb->s_op == &shmem_ops;
}

/* shmem_file - whether @file is a regular tmpfs file, the kind that
 * has seals (Linux's test: its mapping has shmem_aops, which only
 * regular files get). */
bool shmem_file(struct file *file)
{
	struct inode *inode = file->f_inode;

	return inode && S_ISREG(inode->i_mode) && shmem_mapping(inode->i_mapping);
}

/*
 * shmem_write_seals_check - may @len bytes at @pos of @inode be written
 * (write(2) and the like: generic_perform_write(), page by page)? Linux's
 * shmem_write_begin: -EPERM under F_SEAL_WRITE or F_SEAL_FUTURE_WRITE,
 * or under F_SEAL_GROW past i_size; 0 otherwise, and for any file that
 * is not a regular tmpfs one. i_rwsem held for writing.
 */
int shmem_write_seals_check(struct inode *inode, loff_t pos, unsigned int len)
{
	unsigned int seals;

	if (!S_ISREG(inode->i_mode) || !shmem_mapping(inode->i_mapping))
		return 0;
	seals = SHMEM_I(inode)->seals;
	if (seals & (F_SEAL_WRITE | F_SEAL_FUTURE_WRITE))
		return -EPERM;
	if ((seals & F_SEAL_GROW) && (u64)pos + len > inode->i_size)
		return -EPERM;
	return 0;
}

/*
 * shmem_size_seals_check - may @inode's size become @newsize (truncate,
 * or fallocate growing it)? -EPERM under F_SEAL_SHRINK for less, under
 * F_SEAL_GROW for more, as Linux's shmem_setattr and shmem_fallocate;
 * 0 otherwise, and for a file that is not a regular tmpfs one. i_rwsem
 * held for writing.
 */
int shmem_size_seals_check(struct inode *inode, loff_t newsize)
{
	unsigned int seals;

	if (!S_ISREG(inode->i_mode) || !shmem_mapping(inode->i_mapping))
		return 0;
	seals = SHMEM_I(inode)->seals;
	if ((u64)newsize < inode->i_size && (seals & F_SEAL_SHRINK))
		return -EPERM;
	if ((u64)newsize > inode->i_size && (seals & F_SEAL_GROW))
		return -EPERM;
	return 0;
}

/* shmem_fill_super - a tmpfs instance: the default limits, then the
 * options (tmpfs, and rootfs: fs/ramfs.c). */
int shmem_fill_super(struct super_block *sb, void *data)
{
	struct ramfs_fs_info *fsi = kzalloc(sizeof(*fsi), GFP_KERNEL);
	int err;

	if (!fsi)
		return -ENOMEM;
	shmem_default_limits(fsi);
	fsi->vm_acct = true;
	err = shmem_parse_options(data, fsi);
	if (err) {
		kfree(fsi);
		return err;
	}
	return ramfs_fill_super_info(sb, fsi, TMPFS_MAGIC, &shmem_ops);
}

/*
 * shmem_remount - new limits for a mounted tmpfs: -EINVAL if they are
 * below what is in use now (Linux's "Too small size for current use").
 */
static int shmem_remount(struct super_block *sb, int *flags, char *data)
{
	struct ramfs_fs_info *fsi = sb->s_fs_info, new;
	int err = 0;

	spin_lock(&fsi->stat_lock);
	new = *fsi;
	spin_unlock(&fsi->stat_lock);
	if (shmem_parse_options(data, &new))
		return -EINVAL;
	spin_lock(&fsi->stat_lock);
	if ((new.max_blocks && new.max_blocks < fsi->used_blocks) ||
	    (new.max_inodes && new.max_inodes < fsi->used_inodes)) {
		err = -EINVAL;
	} else {
		fsi->max_blocks = new.max_blocks;
		fsi->max_inodes = new.max_inodes;
	}
	spin_unlock(&fsi->stat_lock);
	return err;
}

/* shmem_mount - a new tmpfs each time. */
static struct super_block *shmem_mount(struct file_system_type *fs_type, int flags,
				       const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, shmem_fill_super);
}

/* shmem_kill_sb - kill_litter_super, unless fill_super failed before
 * the operations were set (then there is nothing to drop). */
static void shmem_kill_sb(struct super_block *sb)
{
	if (sb->s_op)
		kill_litter_super(sb);
}

static struct file_system_type shmem_fs_type = {
	.name = "tmpfs",
	.mount = shmem_mount,
	.kill_sb = shmem_kill_sb,
};

/* The kernel's own tmpfs instance, with no limits and no mount point:
 * the objects behind shared anonymous memory live here (Linux's shm_mnt). */
static struct vfsmount *shm_mnt;

/* init_tmpfs - register tmpfs (from init_rootfs) and make shm_mnt.
 * Panics without memory: nothing works without it. */
void init_tmpfs(void)
{
	char opts[] = "size=0,nr_inodes=0";	/* 0: no limit */

	register_filesystem(&shmem_fs_type);
	shm_mnt = vfs_kern_mount(&shmem_fs_type, 0, "tmpfs", opts);
	if (IS_ERR(shm_mnt))
		panic("tmpfs: cannot make the kernel's mount (%ld)", PTR_ERR(shm_mnt));
}

/*
 * shmem_acct_blocks - commit @nr pages of @inode as they are allocated:
 * on tmpfs, for an object not committed by size, as Linux's
 * shmem_acct_blocks (on ramfs, or for a size-committed object, nothing
 * to do). false when the overcommit policy refuses them.
 */
bool shmem_acct_blocks(struct inode *inode, long nr)
{
	struct ramfs_fs_info *fsi = inode->i_sb->s_fs_info;

	if (!fsi->vm_acct || SHMEM_I(inode)->acct_pages)
		return true;
	if (!vm_enough_memory(current->mm, nr))
		return false;
	vm_acct_memory(nr);
	return true;
}

/* shmem_unacct_blocks - give back what shmem_acct_blocks() committed. */
void shmem_unacct_blocks(struct inode *inode, long nr)
{
	struct ramfs_fs_info *fsi = inode->i_sb->s_fs_info;

	if (fsi->vm_acct && !SHMEM_I(inode)->acct_pages)
		vm_unacct_memory(nr);
}

/* shmem_unacct_size - @inode goes: what it committed by size is given
 * back (Linux's shmem_unacct_size at evict). */
void shmem_unacct_size(struct inode *inode)
{
	struct ramfs_fs_info *fsi = inode->i_sb->s_fs_info;

	if (fsi->vm_acct)	/* a tmpfs inode: a shmem_inode_info */
		vm_unacct_memory(SHMEM_I(inode)->acct_pages);
}

/*
 * shmem_kernel_file_setup - an unlinked tmpfs file of @size bytes named
 * @name on shm_mnt, open for reading and writing: its pages are the
 * page cache of an inode that goes with the last reference to the file
 * (Linux's). Unless @flags has VM_NORESERVE, its size is committed now
 * (shmem_acct_size), and -ENOMEM if the overcommit policy refuses it;
 * with VM_NORESERVE, its pages are committed as they come. Returns the
 * file or ERR_PTR (-ENOMEM, -ENOSPC).
 */
struct file *shmem_kernel_file_setup(const char *name, loff_t size, unsigned long flags)
{
	struct super_block *sb = shm_mnt->mnt_sb;
	struct qstr qname = { name, strlen(name) };
	unsigned long pages = PFN_UP(size);
	struct inode *inode;
	struct path path;
	struct file *f;

	if (!(flags & VM_NORESERVE) && !vm_enough_memory(current->mm, pages))
		return ERR_PTR(-ENOMEM);
	inode = ramfs_get_inode(sb, sb->s_root->d_inode, S_IFREG | 0777, 0);
	if (IS_ERR(inode))
		return ERR_CAST(inode);
	if (!(flags & VM_NORESERVE) && pages) {
		SHMEM_I(inode)->acct_pages = pages;	/* shmem_unacct_size() at evict */
		vm_acct_memory(pages);
	}
	clear_nlink(inode);	/* in no directory: it goes with its last user */
	inode->i_size = size;
	path.dentry = d_alloc(sb->s_root, &qname);	/* never hashed: "(deleted)" */
	if (!path.dentry) {
		iput(inode);
		return ERR_PTR(-ENOMEM);
	}
	d_instantiate(path.dentry, inode);
	path.mnt = mntget(shm_mnt);
	f = dentry_open(&path, O_RDWR | O_LARGEFILE);
	path_put(&path);
	return f;
}

/*
 * shmem_zero_setup - make @vma (shared anonymous memory, or a shared
 * mapping of /dev/zero) a shared mapping of a new tmpfs object of its
 * size, named "dev/zero" as Linux's (maps shows "/dev/zero (deleted)"):
 * fork shares its pages instead of copying them. Its size is committed
 * unless the mapping is VM_NORESERVE. 0, or the error of
 * shmem_kernel_file_setup().
 */
int shmem_zero_setup(struct vm_area_struct *vma)
{
	struct file *f = shmem_kernel_file_setup("dev/zero", vma->vm_end - vma->vm_start,
						 vma->vm_flags);

	if (IS_ERR(f))
		return PTR_ERR(f);
	if (vma->vm_file)
		fput(vma->vm_file);
	vma->vm_file = f;
	vma->vm_pgoff = 0;
	return generic_file_mmap(f, vma);
}

/*
 * shmem_punch_hole - FALLOC_FL_PUNCH_HOLE of [@offset, @offset + @len)
 * of the tmpfs file @inode, as Linux's shmem_fallocate(): the whole
 * pages inside leave every shared mapping (a private mapping's own
 * copies stay: even_cows 0) and the cache, giving their blocks back;
 * the parts of the pages at the edges are zeroed. The unmap is made
 * again after the pages left, for a fault that found one before (Linux
 * makes such faults wait instead: shmem_falloc). The size stays. mtime
 * and ctime are now. Precondition: i_rwsem held for writing. Returns 0.
 */
long shmem_punch_hole(struct inode *inode, loff_t offset, loff_t len)
{
	struct address_space *mapping = inode->i_mapping;
	loff_t unmap_start = (offset + PAGE_SIZE - 1) & PAGE_MASK;
	loff_t unmap_end = ((offset + len) & PAGE_MASK) - 1;
	u64 before = inode->i_blocks;

	if (SHMEM_I(inode)->seals & (F_SEAL_WRITE | F_SEAL_FUTURE_WRITE))
		return -EPERM;	/* a hole changes the contents (Linux's check) */
	if (unmap_end > unmap_start)
		unmap_mapping_range(mapping, unmap_start, 1 + unmap_end - unmap_start, 0);
	truncate_inode_pages_range(mapping, offset, offset + len - 1);
	if (unmap_end > unmap_start)
		unmap_mapping_range(mapping, unmap_start, 1 + unmap_end - unmap_start, 0);
	ramfs_blocks_freed(inode, before);
	inode->i_mtime = inode->i_ctime = current_time(inode);
	return 0;
}
