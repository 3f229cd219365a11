/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sysfs mounted in a scratch directory: its magic, kernel/mm a
 * directory, devices/system/cpu/online a list that starts with CPU 0,
 * and nothing can be made in it.
 */
#include "t.h"
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/vfs.h>

int main(void)
{
	char dir[64], path[128];
	struct statfs sfs;
	struct stat st;
	const char *s;

	snprintf(dir, sizeof(dir), "sysfs.%d", (int)getpid());
	CHECK(mkdir(dir, 0755) == 0, "mkdir %s: %s", dir, strerror(errno));
	CHECK(mount("sysfs", dir, "sysfs", 0, NULL) == 0, "mount: %s", strerror(errno));
	CHECK(statfs(dir, &sfs) == 0 && sfs.f_type == 0x62656572, "magic %lx", (long)sfs.f_type);
	snprintf(path, sizeof(path), "%s/kernel/mm", dir);
	CHECK(stat(path, &st) == 0 && S_ISDIR(st.st_mode), "kernel/mm: %s", strerror(errno));
	snprintf(path, sizeof(path), "%s/devices/system/cpu/online", dir);
	s = t_read_file(path);
	CHECK(s && s[0] == '0' && s[strlen(s) - 1] == '\n', "online: %s", s ? s : "-");
	snprintf(path, sizeof(path), "%s/nosuch", dir);
	CHECK(mkdir(path, 0755) < 0 && errno == EPERM, "mkdir in sysfs: %s", strerror(errno));
	CHECK(umount(dir) == 0, "umount: %s", strerror(errno));
	CHECK(rmdir(dir) == 0, "rmdir: %s", strerror(errno));
	return t_done("sysfs");
}
