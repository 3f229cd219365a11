/* SPDX-License-Identifier: GPL-2.0 */
/* A file grown by ftruncate and then mapped (what shm_open users and
 * LTP's own library do): the hole reads as zeros through MAP_SHARED and
 * MAP_PRIVATE, a store through MAP_SHARED is seen by read(), a private
 * store is not, st_blocks grows as the hole is filled, and past the end
 * of the file is still SIGBUS. */
#include "t.h"
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>

static sigjmp_buf env;
static volatile int bus_code, faulted;

static void on_bus(int sig, siginfo_t *si, void *uc)
{
	bus_code = si->si_code;
	siglongjmp(env, 1);
}

int main(void)
{
	char name[64], buf[16];
	struct sigaction sa = { .sa_sigaction = on_bus, .sa_flags = SA_SIGINFO };
	struct stat st;
	char *s, *p;
	long pg = sysconf(_SC_PAGESIZE);
	int fd, zero = 1;

	snprintf(name, sizeof(name), "mmap_hole.%d", getpid());
	fd = open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
	CHECK(fd >= 0, "create");
	CHECK(ftruncate(fd, 3 * pg) == 0, "ftruncate grows");
	CHECK(fstat(fd, &st) == 0 && st.st_size == 3 * pg && st.st_blocks == 0,
	      "a hole has no blocks: %ld", (long)st.st_blocks);
	s = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	p = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(s != MAP_FAILED && p != MAP_FAILED, "map shared and private");
	for (long i = 0; i < 3 * pg; i++)
		zero &= !s[i] && !p[i];
	CHECK(zero, "the hole reads as zeros through both mappings");
	strcpy(s + pg, "shared");
	CHECK(pread(fd, buf, 7, pg) == 7 && !strcmp(buf, "shared"), "read() sees the shared store");
	CHECK(!strcmp(p + pg, "shared"), "the private mapping sees it too (not yet written)");
	strcpy(p + 2 * pg, "private");
	CHECK(pread(fd, buf, 8, 2 * pg) == 8 && buf[0] == 0, "a private store stays private");
	CHECK(fstat(fd, &st) == 0 && st.st_blocks > 0, "blocks once the hole is filled: %ld",
	      (long)st.st_blocks);
	sigaction(SIGBUS, &sa, NULL);
	/* only volatile stores between the jump points: the compiler may
	 * not move a CHECK's counting across the faulting load */
	if (!sigsetjmp(env, 1)) {
		(void)*(volatile char *)(s + 3 * pg);
		faulted = 0;
	} else {
		faulted = 1;
	}
	CHECK(faulted && bus_code == BUS_ADRERR, "past the end: SIGBUS BUS_ADRERR (%d, %d)",
	      faulted, bus_code);
	CHECK(munmap(s, 4 * pg) == 0 && munmap(p, 3 * pg) == 0, "unmap");
	close(fd);
	CHECK(unlink(name) == 0, "unlink");
	return t_done("mmap_hole");
}
