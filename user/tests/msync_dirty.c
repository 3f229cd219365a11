/* SPDX-License-Identifier: GPL-2.0 */
/* Dirty pages of a tmpfs file written through a shared mapping, as
 * Linux shows them: tmpfs has no writeback (noop_dirty_folio), so
 * /proc/meminfo's Dirty does not grow with its stores, and msync()
 * (MS_SYNC, MS_ASYNC, MS_INVALIDATE) has nothing to write or clean: it
 * succeeds and leaves the PTEs writable, so the next store to a page
 * takes no fault. The data is the file's throughout: read(2) sees each
 * store, also after the mapping's dirty PTEs are zapped by munmap and
 * MADV_DONTNEED, and a truncate of dirty mapped pages leaves nothing. */
#include "t.h"
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>

#define NPAGES 256

/* meminfo_kb - a /proc/meminfo field in kB, -1 if missing. */
static long meminfo_kb(const char *field)
{
	const char *s = t_read_file("/proc/meminfo");
	size_t n = strlen(field);

	for (; s && *s; s = strchr(s, '\n') ? strchr(s, '\n') + 1 : "")
		if (!strncmp(s, field, n) && s[n] == ':')
			return atol(s + n + 1);
	return -1;
}

static long minflt(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_minflt;
}

/* dirty_stays - NPAGES stores through the mapping do not show in Dirty:
 * exactly so in mmos, alone on its machine; natively, where others
 * write to disks, the rise stays below what we dirtied in one of a few
 * tries. */
static void dirty_stays(char *s, long pg)
{
	int ok = 0;

	for (int tries = 0; tries < 5 && !ok; tries++) {
		long before = meminfo_kb("Dirty"), after;

		for (long i = 0; i < NPAGES; i++)
			s[i * pg] = 'a' + tries;
		after = meminfo_kb("Dirty");
		if (t_free_pages() >= 0)
			ok = before >= 0 && after == before;
		else
			ok = before >= 0 && after - before < NPAGES * pg / 1024 / 2;
	}
	CHECK(ok, "tmpfs stores do not count as Dirty");
}

/* msync_keeps_writable - after each msync, storing again to every page
 * takes no fault (tmpfs pages are not cleaned nor write-protected). A
 * fault can come from elsewhere natively (NUMA hinting), so one clean
 * try of a few is enough. */
static void msync_keeps_writable(char *s, long pg)
{
	static const int flags[] = { MS_SYNC, MS_ASYNC, MS_INVALIDATE, MS_SYNC | MS_INVALIDATE };

	for (unsigned int f = 0; f < sizeof(flags) / sizeof(flags[0]); f++) {
		int ok = 0;

		for (int tries = 0; tries < 5 && !ok; tries++) {
			long before;

			CHECK(msync(s, NPAGES * pg, flags[f]) == 0, "msync %#x: %s", flags[f],
			      strerror(errno));
			before = minflt();
			for (long i = 0; i < NPAGES; i++)
				s[i * pg + 1] = 'm';
			ok = minflt() == before;
		}
		CHECK(ok, "no fault after msync %#x", flags[f]);
	}
}

int main(void)
{
	char dir[64], name[96], buf[8];
	long pg = sysconf(_SC_PAGESIZE);
	struct stat st;
	char *s;
	int fd, same = 1;

	snprintf(dir, sizeof(dir), "msync_dirty.%d", getpid());
	snprintf(name, sizeof(name), "%s/f", dir);
	CHECK(mkdir(dir, 0700) == 0, "mkdir");
	CHECK(mount("tmpfs", dir, "tmpfs", 0, NULL) == 0, "mount tmpfs: %s", strerror(errno));
	fd = open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
	CHECK(fd >= 0 && ftruncate(fd, NPAGES * pg) == 0, "create");
	s = mmap(NULL, NPAGES * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(s != MAP_FAILED, "map");
	memset(s, 0, NPAGES * pg);	/* every page faulted in, writable */

	dirty_stays(s, pg);
	msync_keeps_writable(s, pg);
	for (long i = 0; i < NPAGES; i++)
		same &= pread(fd, buf, 2, i * pg) == 2 && buf[1] == 'm';
	CHECK(same, "read(2) sees every store");

	/* the dirty PTEs are zapped; the data stays the file's */
	s[7] = 'z';
	CHECK(madvise(s, NPAGES * pg, MADV_DONTNEED) == 0 && s[7] == 'z',
	      "MADV_DONTNEED keeps a shared store");
	s[8] = 'y';
	CHECK(munmap(s, NPAGES * pg) == 0, "unmap");
	CHECK(pread(fd, buf, 2, 7) == 2 && buf[0] == 'z' && buf[1] == 'y',
	      "munmap keeps it too");

	/* dirty mapped pages truncated away: nothing left */
	s = mmap(NULL, NPAGES * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(s != MAP_FAILED, "map again");
	for (long i = 0; i < NPAGES; i++)
		s[i * pg] = 'd';
	CHECK(ftruncate(fd, 0) == 0 && fstat(fd, &st) == 0 && st.st_blocks == 0,
	      "truncate the dirty pages: %ld blocks", (long)st.st_blocks);
	CHECK(msync(s, NPAGES * pg, MS_SYNC) == 0, "msync of a range past the end is fine");
	CHECK(msync(s, NPAGES * pg, MS_SYNC | MS_ASYNC) == -1 && errno == EINVAL,
	      "MS_SYNC|MS_ASYNC: %d", errno);
	CHECK(munmap(s, NPAGES * pg) == 0, "unmap");
	CHECK(msync(s, pg, MS_SYNC) == -1 && errno == ENOMEM, "unmapped: %d", errno);
	close(fd);
	CHECK(unlink(name) == 0, "unlink");
	CHECK(umount(dir) == 0, "umount: %s", strerror(errno));
	CHECK(rmdir(dir) == 0, "rmdir");
	return t_done("msync_dirty");
}
