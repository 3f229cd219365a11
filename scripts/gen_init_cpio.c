// SPDX-License-Identifier: GPL-2.0
/*
 * gen_init_cpio: write a cpio "newc" archive to stdout from a list of
 * lines on stdin, like Linux's usr/gen_init_cpio:
 *   dir  NAME MODE
 *   file NAME HOSTPATH MODE
 *   slink NAME TARGET MODE
 *   nod  NAME MODE UID GID c MAJOR MINOR   (a character device)
 * MODE is octal permissions. Owners are 0, times are 0, so the archive
 * is the same for the same inputs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static unsigned long offset, ino = 721;

static void pad4(void)
{
	while (offset & 3) {
		putchar(0);
		offset++;
	}
}

static void header_dev(const char *name, unsigned mode, unsigned long size,
		       unsigned uid, unsigned gid, unsigned rmaj, unsigned rmin)
{
	unsigned long namesize = strlen(name) + 1;

	offset += printf("070701%08lX%08X%08X%08X%08X%08X%08lX%08X%08X%08X%08X%08lX%08X",
			 ino++, mode, uid, gid, 1, 0, size, 0, 0, rmaj, rmin, namesize, 0);
	fwrite(name, 1, namesize, stdout);
	offset += namesize;
	pad4();
}

static void header(const char *name, unsigned mode, unsigned long size)
{
	header_dev(name, mode, size, 0, 0, 0, 0);
}

static void body(const void *data, unsigned long size)
{
	fwrite(data, 1, size, stdout);
	offset += size;
	pad4();
}

static int add_file(const char *name, const char *path, unsigned mode)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long size;

	if (!f) {
		perror(path);
		return -1;
	}
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	buf = malloc(size ? size : 1);
	if (!buf || fread(buf, 1, size, f) != (size_t)size) {
		fprintf(stderr, "%s: read failed\n", path);
		return -1;
	}
	fclose(f);
	header(name, S_IFREG | mode, size);
	body(buf, size);
	free(buf);
	return 0;
}

int main(void)
{
	char line[4096], kind[16], a[1024], b[1024], type;
	unsigned mode, uid, gid, rmaj, rmin;

	while (fgets(line, sizeof(line), stdin)) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (sscanf(line, "dir %1023s %o", a, &mode) == 2) {
			header(a, S_IFDIR | mode, 0);
		} else if (sscanf(line, "file %1023s %1023s %o", a, b, &mode) == 3) {
			if (add_file(a, b, mode))
				return 1;
		} else if (sscanf(line, "nod %1023s %o %u %u %c %u %u", a, &mode, &uid, &gid,
				  &type, &rmaj, &rmin) == 7 && type == 'c') {
			header_dev(a, S_IFCHR | mode, 0, uid, gid, rmaj, rmin);
		} else if (sscanf(line, "slink %1023s %1023s %o", a, b, &mode) == 3) {
			header(a, S_IFLNK | mode, strlen(b));
			body(b, strlen(b));
		} else {
			sscanf(line, "%15s", kind);
			fprintf(stderr, "gen_init_cpio: bad line: %s", line);
			return 1;
		}
	}
	header("TRAILER!!!", 0, 0);
	while (offset % 512) {
		putchar(0);
		offset++;
	}
	return 0;
}
