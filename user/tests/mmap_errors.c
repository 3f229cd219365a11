/* SPDX-License-Identifier: GPL-2.0 */
/* mmap(2)'s complaints in Linux's order: the offset, then the fd
 * (EBADF even with a zero length: LTP's mmap08), then the length, then
 * the mapping type against the file: MAP_SHARED_VALIDATE with an unknown
 * flag is EOPNOTSUPP (LTP's mmap20) where MAP_SHARED ignores it, a
 * shared writable mapping of a read-only fd EACCES, an unknown type or a
 * growing file mapping EINVAL. Unknown PROT_ bits are not refused. */
#include "t.h"
#include <fcntl.h>
#include <sys/mman.h>

#ifndef MAP_SHARED_VALIDATE
#define MAP_SHARED_VALIDATE 0x03
#endif
#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif
#define UNKNOWN_FLAG 0x400
#ifndef PROT_SEM
#define PROT_SEM 0x8
#endif

/* mm - mmap's result as 0 (mapped, and unmapped again) or -errno. */
static long mm(size_t len, int prot, int flags, int fd, off_t off)
{
	void *p = mmap(NULL, len, prot, flags, fd, off);

	if (p == MAP_FAILED)
		return -errno;
	munmap(p, len);
	return 0;
}

int main(void)
{
	char name[64];
	int fd, ro, bad = t_closed_fd(200);
	void *hole;

	snprintf(name, sizeof(name), "mmap_errors.%d", getpid());
	fd = open(name, O_RDWR | O_CREAT, 0644);
	ro = open(name, O_RDONLY);
	CHECK(fd >= 0 && ro >= 0 && ftruncate(fd, 8192) == 0, "file");

	CHECK(mm(0, PROT_WRITE, MAP_SHARED, bad, 0) == -EBADF, "bad fd before length");
	CHECK(mm(4096, PROT_READ, MAP_PRIVATE, bad, 1) == -EINVAL, "offset before fd");
	CHECK(mm(0, PROT_WRITE, MAP_SHARED, fd, 0) == -EINVAL, "zero length");
	CHECK(mm(4096, PROT_WRITE, MAP_SHARED, fd, 1) == -EINVAL, "unaligned offset");
	CHECK(mm((size_t)-4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == -ENOMEM,
	      "huge length");
	CHECK(mm(4096, PROT_READ | 0x10, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == 0,
	      "unknown PROT_ bit accepted");
	CHECK(mm(4096, PROT_READ | PROT_SEM, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == 0, "PROT_SEM");

	CHECK(mm(4096, PROT_READ, MAP_SHARED_VALIDATE | UNKNOWN_FLAG, fd, 0) == -EOPNOTSUPP,
	      "validate: unknown flag");
	CHECK(mm(4096, PROT_READ, MAP_SHARED | UNKNOWN_FLAG, fd, 0) == 0,
	      "MAP_SHARED ignores it");
	hole = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(hole, 4096);	/* a free address for a fixed mapping */
	CHECK(mmap(hole, 4096, PROT_READ, MAP_SHARED_VALIDATE | MAP_FIXED_NOREPLACE, fd, 0) ==
	      MAP_FAILED && errno == EOPNOTSUPP, "validate: MAP_FIXED_NOREPLACE is not a legacy flag");
	CHECK(mm(4096, PROT_READ, MAP_SHARED_VALIDATE, fd, 0) == 0, "validate, known flags");
	CHECK(mm(4096, PROT_READ, MAP_SHARED_VALIDATE | UNKNOWN_FLAG, bad, 0) == -EBADF,
	      "validate: fd first");
	CHECK(mm(4096, PROT_READ, MAP_SHARED_VALIDATE | MAP_ANONYMOUS, -1, 0) == -EINVAL,
	      "validate: anonymous");
	CHECK(mm(4096, PROT_WRITE, MAP_SHARED_VALIDATE | UNKNOWN_FLAG, ro, 0) == -EOPNOTSUPP,
	      "validate before access");
	CHECK(mm(4096, PROT_WRITE, MAP_SHARED, ro, 0) == -EACCES, "shared write of read-only fd");
	CHECK(mm(4096, PROT_WRITE, MAP_PRIVATE, ro, 0) == 0, "private write of read-only fd");
	CHECK(mm(4096, PROT_READ, 0, fd, 0) == -EINVAL, "type 0");
	CHECK(mm(4096, PROT_READ, MAP_ANONYMOUS, -1, 0) == -EINVAL, "anonymous type 0");
	CHECK(mm(4096, PROT_READ, 4, fd, 0) == -EINVAL, "type 4");
	CHECK(mm(0, PROT_READ, 4, fd, 0) == -EINVAL, "type 4, zero length");
	CHECK(mm(4096, PROT_READ, MAP_PRIVATE | MAP_GROWSDOWN, fd, 0) == -EINVAL,
	      "growing file mapping");
	CHECK(mm(4096, PROT_READ, MAP_PRIVATE | MAP_GROWSDOWN | MAP_ANONYMOUS, -1, 0) == 0,
	      "growing anonymous mapping");
	close(ro);
	close(fd);
	CHECK(unlink(name) == 0, "unlink");
	return t_done("mmap_errors");
}
