// SPDX-License-Identifier: GPL-2.0
/* The VFS under AddressSanitizer: an open file outlives its name and its
 * whole tree, symlink walks stop at 40, and every page comes back. */
#include "harness.h"
#include <linux/cpio.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs_struct.h>
#include <linux/init_syscalls.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/vmstat.h>
#include <string.h>

static char data[10000];

/* create - a file @name with data[0..len). */
static struct file *create(const char *name, size_t len)
{
	struct file *f = do_filp_open(AT_FDCWD, name, O_CREAT | O_RDWR, 0644);
	loff_t pos = 0;

	if (!IS_ERR(f) && kernel_write(f, data, len, &pos) != (ssize_t)len) {
		fput(f);
		return ERR_PTR(-EIO);
	}
	return f;
}

static int test_unlinked_file_lives_while_open(void)
{
	char buf[sizeof(data)];
	struct file *f;
	loff_t pos = 0;

	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (char)(i * 13);
	f = create("/f", sizeof(data));
	EXPECT(!IS_ERR(f));
	EXPECT(do_remove(AT_FDCWD, "/f", false) == 0);
	EXPECT(do_filp_open(AT_FDCWD, "/f", O_RDONLY, 0) == ERR_PTR(-ENOENT));
	EXPECT(f->f_inode->i_nlink == 0);
	EXPECT(kernel_read(f, buf, sizeof(buf), &pos) == sizeof(buf) &&
	       !memcmp(buf, data, sizeof(buf)));
	fput(f);	/* the harness checks the pages came back */
	return 0;
}

static int test_tree_removed_under_open_files(void)
{
	struct file *f, *d;
	char buf[16];
	loff_t pos = 0;

	EXPECT(init_mkdir("/a", 0755) == 0 && init_mkdir("/a/b", 0755) == 0);
	f = create("/a/b/file", 100);
	EXPECT(!IS_ERR(f));
	d = do_filp_open(AT_FDCWD, "/a/b", O_RDONLY | O_DIRECTORY, 0);
	EXPECT(!IS_ERR(d));
	rootfs_clear();		/* every name goes; both stay open */
	EXPECT(kernel_read(f, buf, sizeof(buf), &pos) == sizeof(buf));
	EXPECT(d_unlinked(d->f_path.dentry) && d->f_inode->i_nlink == 0);
	fput(d);
	fput(f);
	return 0;
}

static int test_symlink_limits(void)
{
	char name[16], prev[16];
	struct path p;

	EXPECT(init_symlink("/target", "/l0") == 0);
	for (int i = 1; i <= 40; i++) {
		snprintf(name, sizeof(name), "/l%d", i);
		snprintf(prev, sizeof(prev), "l%d", i - 1);
		EXPECT(init_symlink(prev, name) == 0);
	}
	fput(create("/target", 1));
	EXPECT(kern_path("/l39", LOOKUP_FOLLOW, &p) == 0);
	path_put(&p);
	EXPECT(kern_path("/l40", LOOKUP_FOLLOW, &p) == -ELOOP);
	EXPECT(kern_path("/l40", 0, &p) == 0);
	path_put(&p);
	EXPECT(kern_path("/l40/", 0, &p) == -ELOOP, "a trailing slash follows");
	rootfs_clear();
	return 0;
}

/* A rootfs file's pages are page cache (Cached) and, rootfs being a
 * tmpfs as Linux's, Shmem too, from its writes until its last reference
 * goes with its name. */
static int test_file_pages_counted(void)
{
	unsigned long files = global_node_page_state(NR_FILE_PAGES);
	unsigned long shmem = global_node_page_state(NR_SHMEM);
	struct file *f = create("/counted", sizeof(data));
	unsigned long want = (sizeof(data) + PAGE_SIZE - 1) / PAGE_SIZE;

	EXPECT(!IS_ERR(f));
	EXPECT(global_node_page_state(NR_FILE_PAGES) == files + want, "%lu pages, want %lu",
	       global_node_page_state(NR_FILE_PAGES) - files, want);
	EXPECT(global_node_page_state(NR_SHMEM) == shmem + want, "rootfs's pages are shmem");
	EXPECT(do_remove(AT_FDCWD, "/counted", false) == 0);
	EXPECT(global_node_page_state(NR_FILE_PAGES) == files + want, "gone while open");
	fput(f);
	EXPECT(global_node_page_state(NR_FILE_PAGES) == files, "still counted after the last fput");
	EXPECT(global_node_page_state(NR_SHMEM) == shmem, "shmem still counted after the last fput");
	return 0;
}

static const struct htest tests[] = {
	HTEST(test_file_pages_counted),
	HTEST(test_unlinked_file_lives_while_open),
	HTEST(test_tree_removed_under_open_files),
	HTEST(test_symlink_limits),
};

int main(void)
{
	return hosted_main_setup(tests, sizeof(tests) / sizeof(tests[0]),
				 32UL << 20, mnt_init);
}
