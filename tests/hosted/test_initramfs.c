// SPDX-License-Identifier: GPL-2.0
/* The cpio parser and ramfs: good archives unpack, bad ones are rejected
 * whole, and random damage never crashes or leaks. */
#include "harness.h"
#include <linux/cpio.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/ramfs.h>
#include <linux/mm.h>
#include <stdlib.h>
#include <string.h>

static unsigned char ar[1 << 16];
static size_t ar_len;

static void put(const void *p, size_t n)
{
	memcpy(ar + ar_len, p, n);
	ar_len += n;
	while (ar_len & 3)
		ar[ar_len++] = 0;
}

/* Append one newc entry (header, name, padded data), a device node's
 * number in @rmaj:@rmin. */
static void entry_dev(const char *name, unsigned mode, const void *data, size_t size,
		      unsigned rmaj, unsigned rmin)
{
	char h[160];
	size_t start = ar_len;

	snprintf(h, sizeof(h), "070701%08X%08X%08X%08X%08X%08X%08zX%08X%08X%08X%08X%08zX%08X",
		 1u, mode, 0u, 0u, 1u, 0u, size, 0u, 0u, rmaj, rmin, strlen(name) + 1, 0u);
	memcpy(ar + ar_len, h, 110);
	memcpy(ar + ar_len + 110, name, strlen(name) + 1);
	ar_len += 110 + strlen(name) + 1;
	while ((ar_len - start) & 3)
		ar[ar_len++] = 0;
	if (size)
		put(data, size);
}

static void entry(const char *name, unsigned mode, const void *data, size_t size)
{
	entry_dev(name, mode, data, size, 0, 0);
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
	entry_dev("dev/console", S_IFCHR | 0600, NULL, 0, 5, 1);
	entry_dev("dev/huge", S_IFCHR | 0600, NULL, 0, 300, 1);	/* no such number */
	entry_dev("dev/sda", S_IFBLK | 0600, NULL, 0, 8, 0);	/* no block devices */
	entry("loop", S_IFLNK | 0777, "loop", 4);
	entry("TRAILER!!!", 0, NULL, 0);
}

static int unpack(void)
{
	unsigned long n;

	ramfs_clear();
	return unpack_to_rootfs(ar, ar_len, &n);
}

static int test_good_archive(void)
{
	char buf[sizeof(big)];
	struct dentry *d;
	int err;

	build_good();
	EXPECT(unpack() == 0);
	d = path_lookup("/bin/big", true, &err);
	EXPECT(d && S_ISREG(d->d_inode->i_mode) && d->d_inode->i_size == sizeof(big));
	EXPECT(ramfs_read(d->d_inode, 0, buf, sizeof(buf)) == sizeof(big));
	EXPECT(!memcmp(buf, big, sizeof(big)));
	EXPECT(ramfs_read(d->d_inode, 4090, buf, 100) == 100 && !memcmp(buf, big + 4090, 100));
	d = path_lookup("/bin/sh", true, &err);
	EXPECT(d && d->d_inode->i_size == 7, "symlink not followed");
	EXPECT(ramfs_read(d->d_inode, 0, buf, 10) == 7 && !memcmp(buf, "#!hello", 7));
	d = path_lookup("/bin/sh", false, &err);
	EXPECT(d && S_ISLNK(d->d_inode->i_mode));
	d = path_lookup("/dev/console", true, &err);
	EXPECT(d && S_ISCHR(d->d_inode->i_mode) && d->d_inode->i_rdev == MKDEV(5, 1),
	       "a character device keeps its number");
	EXPECT(!path_lookup("/dev/huge", true, &err) && err == -ENOENT);
	EXPECT(!path_lookup("/dev/sda", true, &err) && err == -ENOENT);
	EXPECT(!path_lookup("/loop", true, &err) && err == -ELOOP);
	EXPECT(!path_lookup("/init/x", true, &err) && err == -ENOTDIR);
	EXPECT(path_lookup("/bin/../bin/./big", true, &err));
	ramfs_clear();
	EXPECT(ramfs_nr_inodes() == 1);
	return 0;
}

/* Damage @at with @bytes; the archive must be rejected, nothing made. */
static int expect_rejected(size_t at, const char *bytes, size_t n, size_t len)
{
	build_good();
	if (bytes)
		memcpy(ar + at, bytes, n);
	ar_len = len ? len : ar_len;
	if (unpack() != -EINVAL || ramfs_nr_inodes() != 1)
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
	size_t one;

	build_good();
	one = ar_len;
	memset(ar + ar_len, 0, 512);
	ar_len += 512;
	memcpy(ar + ar_len, ar, one);
	ar_len += one;
	/* the second archive repeats the names: dirs are fine, files are not */
	EXPECT(unpack() == -EEXIST);
	EXPECT(ramfs_nr_inodes() == 1, "partial tree left behind");
	ar_len = one + 512;
	EXPECT(unpack() == 0, "trailing zero padding rejected");
	ramfs_clear();
	return 0;
}

/* Random damage: never a crash (ASan watches), never a leak. */
static int test_random_damage(void)
{
	unsigned long before = nr_free_pages();

	srand(7);
	for (int round = 0; round < 3000; round++) {
		build_good();
		for (int k = rand() % 4 + 1; k; k--)
			ar[rand() % ar_len] = (unsigned char)rand();
		if (rand() % 4 == 0)
			ar_len = rand() % ar_len;
		unpack();
		ramfs_clear();
	}
	EXPECT(nr_free_pages() == before, "%lu pages lost", before - nr_free_pages());
	return 0;
}

static const struct htest tests[] = {
	HTEST(test_good_archive), HTEST(test_malformed_archives),
	HTEST(test_concatenated_and_padded), HTEST(test_random_damage),
};

int main(void)
{
	return hosted_main_setup(tests, sizeof(tests) / sizeof(tests[0]),
				 32UL << 20, ramfs_init);
}
