// SPDX-License-Identifier: GPL-2.0
/* The cpio parser and ramfs: good archives unpack, bad ones are rejected
 * whole, and random damage never crashes or leaks. */
#include "harness.h"
#include <linux/cpio.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/ramfs.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs_struct.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <string.h>

static unsigned char ar[1 << 16];

/* A small generator of our own: <stdlib.h> does not mix with the
 * kernel's types. */
static unsigned int rnd_state;

static void srand_(unsigned int seed)
{
	rnd_state = seed;
}

static int rand_(void)
{
	rnd_state = rnd_state * 1103515245 + 12345;
	return (rnd_state >> 16) & 0x7fff;
}
static size_t ar_len;

static void put(const void *p, size_t n)
{
	memcpy(ar + ar_len, p, n);
	ar_len += n;
	while (ar_len & 3)
		ar[ar_len++] = 0;
}

/* Append one newc entry (header, name, padded data) with inode number
 * @ino and @nlink links. */
static void entry_ino(const char *name, unsigned mode, const void *data, size_t size,
		      unsigned ino, unsigned nlink)
{
	char h[160];
	size_t start = ar_len;

	snprintf(h, sizeof(h), "070701%08X%08X%08X%08X%08X%08X%08zX%08X%08X%08X%08X%08zX%08X",
		 ino, mode, 0u, 0u, nlink, 0u, size, 0u, 0u, 0u, 0u, strlen(name) + 1, 0u);
	memcpy(ar + ar_len, h, 110);
	memcpy(ar + ar_len + 110, name, strlen(name) + 1);
	ar_len += 110 + strlen(name) + 1;
	while ((ar_len - start) & 3)
		ar[ar_len++] = 0;
	if (size)
		put(data, size);
}

/* Append one newc entry of inode 1, one link. */
static void entry(const char *name, unsigned mode, const void *data, size_t size)
{
	entry_ino(name, mode, data, size, 1, 1);
}

static char big[5000];

static void build_good(void)
{
	ar_len = 0;
	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (char)(i * 7);
	entry(".", S_IFDIR | 0755, NULL, 0);
	entry("./bin", S_IFDIR | 0755, NULL, 0);
	entry("bin/big", S_IFREG | 0644, big, sizeof(big));
	entry("init", S_IFREG | 0755, "#!hello", 7);
	entry("bin/sh", S_IFLNK | 0777, "../init", 7);
	entry("dev", S_IFDIR | 0755, NULL, 0);
	entry("dev/console", S_IFCHR | 0600, NULL, 0);
	entry("loop", S_IFLNK | 0777, "loop", 4);
	entry("TRAILER!!!", 0, NULL, 0);
}

/* nr_inodes - the inodes rootfs holds (1: only its root). */
static unsigned long nr_inodes(void)
{
	struct path root;
	unsigned long n;

	get_fs_root(current->fs, &root);
	n = ((struct ramfs_fs_info *)root.mnt->mnt_sb->s_fs_info)->used_inodes;
	path_put(&root);
	return n;
}

static int unpack(void)
{
	unsigned long n;

	rootfs_clear();
	return unpack_to_rootfs(ar, ar_len, &n);
}

/* read_at - @len bytes of @name at @off, through open and kernel_read. */
static long read_at(const char *name, loff_t off, void *buf, size_t len)
{
	struct file *f = do_filp_open(AT_FDCWD, name, O_RDONLY, 0);
	long n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_read(f, buf, len, &off);
	fput(f);
	return n;
}

/* lookup - 0 and the mode of @name, or the walk's error. */
static int lookup(const char *name, unsigned int flags, umode_t *mode)
{
	struct path p;
	int err = kern_path(name, flags, &p);

	if (!err) {
		*mode = p.dentry->d_inode->i_mode;
		path_put(&p);
	}
	return err;
}

static int test_good_archive(void)
{
	char buf[sizeof(big)];
	umode_t mode;
	struct path p;

	build_good();
	EXPECT(unpack() == 0);
	EXPECT(kern_path("/bin/big", LOOKUP_FOLLOW, &p) == 0);
	EXPECT(S_ISREG(p.dentry->d_inode->i_mode) && p.dentry->d_inode->i_size == sizeof(big));
	EXPECT((p.dentry->d_inode->i_mode & 07777) == 0644, "mode %o", p.dentry->d_inode->i_mode);
	path_put(&p);
	EXPECT(read_at("/bin/big", 0, buf, sizeof(buf)) == sizeof(big));
	EXPECT(!memcmp(buf, big, sizeof(big)));
	EXPECT(read_at("/bin/big", 4090, buf, 100) == 100 && !memcmp(buf, big + 4090, 100));
	EXPECT(read_at("/bin/sh", 0, buf, 10) == 7 && !memcmp(buf, "#!hello", 7),
	       "symlink not followed");
	EXPECT(lookup("/bin/sh", 0, &mode) == 0 && S_ISLNK(mode));
	EXPECT(lookup("/dev/console", 0, &mode) == 0 && S_ISCHR(mode), "device node");
	EXPECT(lookup("/loop", LOOKUP_FOLLOW, &mode) == -ELOOP);
	EXPECT(lookup("/init/x", LOOKUP_FOLLOW, &mode) == -ENOTDIR);
	EXPECT(lookup("/bin/../bin/./big", LOOKUP_FOLLOW, &mode) == 0);
	EXPECT(lookup("/../..", LOOKUP_FOLLOW, &mode) == 0 && S_ISDIR(mode));
	EXPECT(lookup("/init/", LOOKUP_FOLLOW, &mode) == -ENOTDIR);
	rootfs_clear();
	EXPECT(nr_inodes() == 1);
	return 0;
}

/* Damage @at with @bytes; the archive must be rejected, nothing made. */
static int expect_rejected(size_t at, const char *bytes, size_t n, size_t len)
{
	build_good();
	if (bytes)
		memcpy(ar + at, bytes, n);
	ar_len = len ? len : ar_len;
	if (unpack() != -EINVAL || nr_inodes() != 1)
		return -1;
	return 0;
}

static int test_malformed_archives(void)
{
	build_good();
	size_t good = ar_len;

	EXPECT(expect_rejected(0, "\x1f\x8b", 2, 0) == 0, "gzip accepted");
	EXPECT(expect_rejected(0, "070707", 6, 0) == 0, "odc accepted");
	EXPECT(expect_rejected(10, "zz", 2, 0) == 0, "bad hex accepted");
	EXPECT(expect_rejected(0, NULL, 0, 50) == 0, "truncated header accepted");
	EXPECT(expect_rejected(0, NULL, 0, good - 200) == 0, "truncated data accepted");
	/* namesize 0 */
	EXPECT(expect_rejected(6 + 8 * 11, "00000000", 8, 0) == 0, "namesize 0");
	/* namesize huge */
	EXPECT(expect_rejected(6 + 8 * 11, "7FFFFFFF", 8, 0) == 0, "namesize huge");
	/* filesize beyond the end */
	EXPECT(expect_rejected(6 + 8 * 6, "00F00000", 8, 0) == 0, "filesize huge");
	/* no trailer: cut right before it */
	build_good();
	EXPECT(expect_rejected(0, NULL, 0, good - 124) == 0, "missing trailer");
	return 0;
}

static int test_concatenated_and_padded(void)
{
	char buf[16];
	size_t one;

	build_good();
	one = ar_len;
	memset(ar + ar_len, 0, 512);
	ar_len += 512;
	memcpy(ar + ar_len, ar, one);
	ar_len += one;
	/* the second archive repeats the names: as Linux's, a later file
	 * replaces an earlier one (how an appended archive overrides) */
	EXPECT(unpack() == 0);
	EXPECT(read_at("/bin/sh", 0, buf, 10) == 7 && !memcmp(buf, "#!hello", 7));
	ar_len = one + 512;
	EXPECT(unpack() == 0, "trailing zero padding rejected");
	rootfs_clear();
	return 0;
}

/* Random damage: never a crash (ASan watches), never a leak. */
static int test_random_damage(void)
{
	unsigned long before = nr_free_pages();

	srand_(7);
	for (int round = 0; round < 3000; round++) {
		build_good();
		for (int k = rand_() % 4 + 1; k; k--)
			ar[rand_() % ar_len] = (unsigned char)rand_();
		if (rand_() % 4 == 0)
			ar_len = rand_() % ar_len;
		unpack();
		rootfs_clear();
	}
	EXPECT(nr_free_pages() == before, "%lu pages lost", before - nr_free_pages());
	return 0;
}

/* Hard links: entries with the same inode number and nlink > 1 are
 * names of one file, whose data comes with the first, as Linux's. */
static int test_hard_links(void)
{
	struct path a, b;
	char buf[8];

	ar_len = 0;
	entry_ino("one", S_IFREG | 0644, "linked", 6, 77, 2);
	entry_ino("two", S_IFREG | 0644, NULL, 0, 77, 2);
	entry_ino("other", S_IFREG | 0644, "x", 1, 78, 1);
	entry("TRAILER!!!", 0, NULL, 0);
	EXPECT(unpack() == 0);
	EXPECT(kern_path("/one", 0, &a) == 0 && kern_path("/two", 0, &b) == 0);
	EXPECT(a.dentry->d_inode == b.dentry->d_inode && a.dentry->d_inode->i_nlink == 2);
	path_put(&a);
	path_put(&b);
	EXPECT(read_at("/two", 0, buf, sizeof(buf)) == 6 && !memcmp(buf, "linked", 6));
	EXPECT(nr_inodes() == 3, "root, one/two, other: %lu", nr_inodes());
	rootfs_clear();
	return 0;
}

static const struct htest tests[] = {
	HTEST(test_hard_links),
	HTEST(test_good_archive), HTEST(test_malformed_archives),
	HTEST(test_concatenated_and_padded), HTEST(test_random_damage),
};

int main(void)
{
	return hosted_main_setup(tests, sizeof(tests) / sizeof(tests[0]),
				 32UL << 20, mnt_init);
}
