/* SPDX-License-Identifier: GPL-2.0 */
/* Files: the test's own binary (in the initramfs in mmos) and /proc. */
#include "t.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>

static int read_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY), n;

	if (fd < 0)
		return -errno;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n >= 0)
		buf[n] = 0;
	return n;
}

int main(int argc, char **argv)
{
	char buf[8192], head[64];
	struct stat st, st2;
	int fd = open(argv[0], O_RDONLY);
	off_t end;

	CHECK(fd >= 0, "open(%s): %d", argv[0], errno);
	CHECK(read(fd, head, 4) == 4 && !memcmp(head, "\177ELF", 4), "ELF magic");
	CHECK(fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 4096, "fstat");
	CHECK(stat(argv[0], &st2) == 0 && st2.st_size == st.st_size && st2.st_ino == st.st_ino,
	      "stat");
	CHECK(fstatat(AT_FDCWD, argv[0], &st2, 0) == 0 && st2.st_size == st.st_size, "fstatat");
	end = lseek(fd, 0, SEEK_END);
	CHECK(end == st.st_size, "SEEK_END %ld vs %ld", (long)end, (long)st.st_size);
	CHECK(lseek(fd, 1, SEEK_SET) == 1 && read(fd, head, 3) == 3 && !memcmp(head, "ELF", 3),
	      "SEEK_SET");
	CHECK(lseek(fd, -1, SEEK_SET) == -1 && errno == EINVAL, "lseek negative");
	CHECK(lseek(fd, 0, 7) == -1 && errno == EINVAL, "lseek bad whence");
	CHECK(lseek(fd, st.st_size, SEEK_SET) == st.st_size && read(fd, head, 8) == 0, "EOF read");
	CHECK(pread(fd, head, 4, 0) == 4 && !memcmp(head, "\177ELF", 4), "pread");
	lseek(fd, 0, SEEK_SET);
	CHECK(RAW(SYS_read, fd, (void *)8, 4) == -EFAULT, "read(bad)");
	CHECK(write(fd, "x", 1) == -1 && errno == EBADF, "write to O_RDONLY");
	int fd2 = dup(fd);
	CHECK(fd2 > fd, "dup");
	CHECK(fcntl(fd, F_GETFD) == 0 && fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 &&
	      fcntl(fd, F_GETFD) == FD_CLOEXEC, "FD_CLOEXEC");
	CHECK(close(fd) == 0 && close(fd) == -1 && errno == EBADF, "close twice");
	CHECK(close(fd2) == 0, "close dup");
	CHECK(open("/no/such/file", O_RDONLY) == -1 && errno == ENOENT, "ENOENT");
	CHECK(RAW(SYS_open, (char *)8, O_RDONLY) == -EFAULT, "open(bad)");
	CHECK(stat("/no/such", &st) == -1 && errno == ENOENT, "stat ENOENT");
	CHECK(fstat(99, &st) == -1 && errno == EBADF, "fstat EBADF");
	CHECK(RAW(SYS_fstat, 0, (void *)8) == -EFAULT, "fstat(bad)");

	struct iovec iov[2] = { { "writev ", 7 }, { "works\n", 6 } };
	CHECK(writev(1, iov, 2) == 13, "writev");
	CHECK(writev(1, iov, -1) == -1 && errno == EINVAL, "writev(bad count)");

	CHECK(read_file("/proc/self/status", buf, sizeof(buf)) > 0 && strstr(buf, "Name:\t") &&
	      strstr(buf, "VmRSS:") && strstr(buf, "VmPTE:"), "/proc/self/status");
	{
		const char *fields[] = { "VmPeak:", "VmSize:", "VmRSS:", "VmData:", "VmStk:",
					 "VmExe:", "VmPTE:" };
		char *st = (read_file("/proc/self/status", buf, sizeof(buf)) > 0) ? buf : NULL;
		unsigned long kb, size = 0, peak = 0;

		for (unsigned i = 0; st && i < sizeof(fields) / sizeof(fields[0]); i++) {
			char *f = strstr(st, fields[i]);

			CHECK(f && sscanf(f + strlen(fields[i]), "%lu kB", &kb) == 1 &&
			      f[strlen(fields[i])] == '\t', "status %s", fields[i]);
			if (f && i == 0)
				peak = kb;
			if (f && i == 1)
				size = kb;
		}
		CHECK(size > 0 && peak >= size, "VmPeak %lu < VmSize %lu", peak, size);
		CHECK(st && strstr(st, "\nPid:\t") && strstr(st, "\nPPid:\t"), "Pid/PPid lines");
	}
	CHECK(read_file("/proc/meminfo", buf, sizeof(buf)) > 0 && !strncmp(buf, "MemTotal:", 9) &&
	      strstr(buf, "MemFree:"), "/proc/meminfo");
	CHECK(read_file("/proc/cmdline", buf, sizeof(buf)) > 0, "/proc/cmdline");
	CHECK(read_file("/proc/self/maps", buf, sizeof(buf)) > 0 && strstr(buf, "[stack]"),
	      "/proc/self/maps");
	/* Linux's exact layout: "start-end perms offset maj:min inode", then
	 * the name from column 73 (0-based) on */
	for (char *line = buf; *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : "") {
		unsigned long s, e, off, ino;
		char perms[5], dev[8];
		int n = 0, name;

		CHECK(sscanf(line, "%lx-%lx %4s %lx %7s %lu %n", &s, &e, perms, &off, dev, &ino, &n) == 6,
		      "maps line: %.80s", line);
		name = strcspn(line, "/[\n");
		if (line[name] && line[name] != '\n')
			CHECK(name == 73, "name at column %d: %.80s", name, line);
		CHECK(s < e && !(s & 4095) && !(e & 4095), "range");
		(void)n;
	}
	return t_done("files");
}
