/* SPDX-License-Identifier: GPL-2.0 */
/*
 * proc_auxv: /proc/PID/auxv is the auxiliary vector exec gave the
 * program, as Linux keeps it (mm->saved_auxv): (type, value) pairs of
 * longs ending with AT_NULL's, the same values getauxval() reads from
 * the stack; read in pieces as well as whole; a child's after its own
 * exec is its own; mode 0400.
 */
#include "t.h"
#include <elf.h>
#include <fcntl.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/wait.h>

/* read_auxv - /proc/@pid/auxv into @buf, @step bytes a read; its size. */
static long read_auxv(const char *path, unsigned long *buf, size_t size, size_t step)
{
	int fd = open(path, O_RDONLY);
	long n, len = 0;

	if (fd < 0)
		return -errno;
	while ((n = read(fd, (char *)buf + len, step < size - len ? step : size - len)) > 0)
		len += n;
	close(fd);
	return len;
}

/* auxv_get - the value of @type in the pairs @v (@n longs), or -1. */
static long auxv_get(const unsigned long *v, long n, unsigned long type)
{
	for (long i = 0; i + 1 < n; i += 2)
		if (v[i] == type)
			return v[i + 1];
	return -1;
}

int main(int argc, char **argv)
{
	unsigned long v[128], w[128];
	long len = read_auxv("/proc/self/auxv", v, sizeof(v), sizeof(v)), n = len / 8;
	unsigned long types[] = { AT_PAGESZ, AT_PHDR, AT_PHNUM, AT_ENTRY, AT_UID, AT_EUID,
				  AT_RANDOM, AT_EXECFN, AT_SECURE };
	struct stat sb;
	int st;

	if (argc > 1)	/* the exec'd child: its auxv names itself */
		return auxv_get(v, n, AT_EXECFN) == (long)getauxval(AT_EXECFN) ? 0 : 1;
	CHECK(len > 0 && len % 16 == 0, "pairs of longs: %ld bytes", len);
	CHECK(n >= 2 && v[n - 2] == AT_NULL && v[n - 1] == 0, "ends with AT_NULL");
	for (unsigned i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		CHECK(auxv_get(v, n, types[i]) == (long)getauxval(types[i]),
		      "type %lu: %#lx, getauxval %#lx", types[i], auxv_get(v, n, types[i]),
		      getauxval(types[i]));
	CHECK(read_auxv("/proc/self/auxv", w, sizeof(w), 5) == len && !memcmp(v, w, len),
	      "read 5 bytes at a time: the same");
	CHECK(stat("/proc/self/auxv", &sb) == 0 && (sb.st_mode & 0777) == 0400, "mode 0400");
	if (!fork()) {
		execl("/proc/self/exe", argv[0], "child", (char *)0);
		_exit(2);
	}
	CHECK(wait(&st) > 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "a child's exec gets its own (%#x)", st);
	return t_done("proc_auxv");
}
