/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmap_may_bits: what a mapping may become later is fixed when it is
 * made, from the file's open mode and mount, as Linux's do_mmap sets
 * the VM_MAY* bits, and mprotect refuses (EACCES) an access whose
 * VM_MAY bit is missing:
 *   - a MAP_SHARED mapping of a file open read-only can never be made
 *     writable (LTP's mprotect01: /dev/zero open O_RDONLY), though
 *     /proc/PID/maps still says 's'; one of a read-write fd can;
 *   - a MAP_PRIVATE mapping of a read-only fd can (copy-on-write);
 *   - on a noexec mount, PROT_EXEC is EPERM at mmap and EACCES at
 *     mprotect.
 */
#include "t.h"
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>

#define P 4096

/* maps_perms - the permission field of /proc/self/maps for @addr. */
static const char *maps_perms(void *addr)
{
	static char perms[5];
	const char *s = t_read_file("/proc/self/maps");
	char want[32];
	const char *p;

	snprintf(want, sizeof(want), "%lx-", (unsigned long)addr);
	p = s ? strstr(s, want) : NULL;
	if (!p || !(p = strchr(p, ' ')))
		return "";
	memcpy(perms, p + 1, 4);
	return perms;
}

/* check_fd - map @fd (open with @mode) @type PROT_READ, then ask
 * mprotect for PROT_WRITE: @want_write is its expected result. */
static void check_fd(int fd, const char *what, int type, int want_write)
{
	char *p = mmap(NULL, P, PROT_READ, type, fd, 0);

	CHECK(p != MAP_FAILED, "%s: mapped read-only", what);
	if (p == MAP_FAILED)
		return;
	CHECK(mprotect(p, P, PROT_READ | PROT_WRITE) == want_write &&
	      (want_write == 0 || errno == EACCES), "%s: mprotect to writable: %s", what,
	      want_write ? "EACCES" : "allowed");
	CHECK(mprotect(p, P, PROT_READ | PROT_EXEC) == 0, "%s: PROT_EXEC allowed", what);
	munmap(p, P);
}

static void test_open_modes(const char *file)
{
	int ro = open(file, O_RDONLY), rw = open(file, O_RDWR);
	int zero = open("/dev/zero", O_RDONLY);
	char *p;

	check_fd(zero, "/dev/zero O_RDONLY shared", MAP_SHARED, -1);
	p = mmap(NULL, P, PROT_READ, MAP_SHARED, zero, 0);
	CHECK(p != MAP_FAILED && maps_perms(p)[3] == 's', "still 's' in maps: %s",
	      p != MAP_FAILED ? maps_perms(p) : "-");
	if (p != MAP_FAILED)
		munmap(p, P);
	check_fd(ro, "file O_RDONLY shared", MAP_SHARED, -1);
	check_fd(rw, "file O_RDWR shared", MAP_SHARED, 0);
	check_fd(ro, "file O_RDONLY private", MAP_PRIVATE, 0);
	check_fd(zero, "/dev/zero O_RDONLY private", MAP_PRIVATE, 0);
	close(ro);
	close(rw);
	close(zero);
}

/* test_noexec - a file on a noexec tmpfs: PROT_EXEC refused at mmap
 * (EPERM) and at mprotect (EACCES); reading and writing are not. */
static void test_noexec(const char *dir)
{
	char file[128];
	char *p;
	int fd;

	if (mkdir(dir, 0700) || mount("none", dir, "tmpfs", MS_NOEXEC, NULL)) {
		CHECK(0, "noexec tmpfs mounted");
		return;
	}
	snprintf(file, sizeof(file), "%s/f", dir);
	fd = open(file, O_RDWR | O_CREAT, 0755);
	CHECK(fd >= 0 && ftruncate(fd, P) == 0, "file on the noexec mount");
	p = mmap(NULL, P, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0);
	CHECK(p == MAP_FAILED && errno == EPERM, "noexec: mmap PROT_EXEC: EPERM");
	p = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(p != MAP_FAILED, "noexec: mmap read-write");
	if (p != MAP_FAILED) {
		CHECK(mprotect(p, P, PROT_READ | PROT_EXEC) == -1 && errno == EACCES,
		      "noexec: mprotect PROT_EXEC: EACCES");
		munmap(p, P);
	}
	close(fd);
	unlink(file);
	CHECK(umount(dir) == 0, "umount");
	rmdir(dir);
}

int main(void)
{
	char file[64], dir[64];
	int fd;

	snprintf(file, sizeof(file), "mmap_may_bits.%d", getpid());
	snprintf(dir, sizeof(dir), "mmap_may_bits.%d.d", getpid());
	fd = open(file, O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0 && ftruncate(fd, P) == 0, "scratch file");
	close(fd);
	test_open_modes(file);
	unlink(file);
	if (t_has_cap(21))	/* CAP_SYS_ADMIN, for mount */
		test_noexec(dir);
	else
		printf("mmap_may_bits: no CAP_SYS_ADMIN natively: noexec part skipped\n");
	return t_done("mmap_may_bits");
}
