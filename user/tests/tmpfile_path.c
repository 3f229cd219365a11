/* SPDX-License-Identifier: GPL-2.0 */
/* The path of an O_TMPFILE file, as /proc/self/fd and /proc/self/maps
 * show it: "#INO (deleted)" (Linux prefixes the directory it was made
 * in; mmos does not keep it, so only the end is checked); before, mmos
 * walked the nameless dentry until the buffer filled and the link read
 * as ENOENT. */
#include "t.h"
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>

int main(void)
{
	char link[64], want[64], got[4096];
	const char *maps;
	struct stat st;
	ssize_t n;
	void *m;
	int fd;

	fd = open(".", O_TMPFILE | O_RDWR, 0600);
	CHECK(fd >= 0 && fstat(fd, &st) == 0, "O_TMPFILE: %s", strerror(errno));
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	snprintf(want, sizeof(want), "/#%lu (deleted)", (unsigned long)st.st_ino);
	n = readlink(link, got, sizeof(got) - 1);
	got[n > 0 ? n : 0] = 0;
	CHECK(n >= (ssize_t)strlen(want) && !strcmp(got + n - strlen(want), want),
	      "fd link: '%s', want it to end in '%s'", got, want);
	CHECK(ftruncate(fd, 4096) == 0, "ftruncate");
	m = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(m != MAP_FAILED, "mmap");
	maps = t_read_file("/proc/self/maps");
	CHECK(maps && strstr(maps, want), "maps shows it");
	munmap(m, 4096);
	close(fd);
	return t_done("tmpfile_path");
}
