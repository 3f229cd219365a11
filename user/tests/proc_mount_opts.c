/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The options /proc/self/mounts and mountinfo print, as Linux prints
 * them: rw/ro, the mount's nosuid, nodev, noexec, noatime, nodiratime
 * and relatime (the default, unless noatime or strictatime; a remount
 * naming no atime flag keeps it), then the file system's own: tmpfs's
 * size=...k, nr_inodes=, mode=, uid=, gid= when not the defaults,
 * ramfs's mode= when not 0755. mountinfo has the mount's options before
 * " - " and the super block's (rw/ro and the file system's) after the
 * source. Needs root (it is, natively as the runner runs it, and in
 * mmos).
 */
#include "t.h"
#include <sys/mount.h>
#include <sys/stat.h>

#ifndef MS_STRICTATIME
#define MS_STRICTATIME	(1 << 24)
#endif

static char dir[4096];

/* field_after - the text of @line's line in @text from the mount point
 * @mp on: NULL if no line has " @mp ". The last such line wins (the
 * newest mount on top). */
static const char *line_with(const char *text, const char *mp, char *out, size_t size)
{
	char key[4200];
	const char *p = text, *found = NULL;

	snprintf(key, sizeof(key), " %s ", mp);
	while (p && (p = strstr(p, key))) {
		found = p;
		p++;
	}
	if (!found)
		return NULL;
	while (found > text && found[-1] != '\n')
		found--;
	snprintf(out, size, "%.*s", (int)strcspn(found, "\n"), found);
	return out;
}

/* check_mounts_line - /proc/self/mounts has "@src @dir @type @opts 0 0". */
static void check_mounts_line(const char *src, const char *type, const char *opts)
{
	char want[8192], got[8192];

	snprintf(want, sizeof(want), "%s %s %s %s 0 0", src, dir, type, opts);
	CHECK(line_with(t_read_file("/proc/self/mounts"), dir, got, sizeof(got)) &&
	      !strcmp(got, want), "mounts:\n  got  %s\n  want %s", got, want);
}

/* check_mountinfo_line - mountinfo's line for dir has the mount's
 * options @mopts in field 6 and "- @type @src @sopts" at the end (the
 * optional propagation fields between are skipped). */
static void check_mountinfo_line(const char *src, const char *type, const char *mopts,
				 const char *sopts)
{
	char got[8192], tail[8192], field6[4096];
	const char *dash;
	int n = 0;

	if (!line_with(t_read_file("/proc/self/mountinfo"), dir, got, sizeof(got))) {
		CHECK(0, "no mountinfo line for %s", dir);
		return;
	}
	/* fields: id parent dev root mountpoint options [optional...] - ... */
	sscanf(got, "%*s %*s %*s %*s %*s %4095s%n", field6, &n);
	CHECK(!strcmp(field6, mopts), "mountinfo mount options '%s', want '%s'", field6, mopts);
	dash = strstr(got, " - ");
	snprintf(tail, sizeof(tail), " - %s %s %s", type, src, sopts);
	CHECK(dash && !strcmp(dash, tail), "mountinfo tail '%s', want '%s'", dash ? dash : "", tail);
}

/* one - mount @type from @src on dir with @flags and @data, check both
 * files, unmount. */
static void one(const char *src, const char *type, unsigned long flags, const char *data,
		const char *opts, const char *mopts, const char *sopts)
{
	int r = mount(src, dir, type, flags, data);

	CHECK(r == 0, "mount %s %s: %s", type, data ? data : "", strerror(errno));
	if (r)
		return;
	check_mounts_line(src, type, opts);
	check_mountinfo_line(src, type, mopts, sopts);
	CHECK(umount(dir) == 0, "umount: %s", strerror(errno));
}

int main(void)
{
	char cwd[2048];

	CHECK(getcwd(cwd, sizeof(cwd)) != NULL, "getcwd");
	snprintf(dir, sizeof(dir), "%s/mount_opts.%d", strcmp(cwd, "/") ? cwd : "", getpid());
	CHECK(mkdir(dir, 0755) == 0, "mkdir %s: %s", dir, strerror(errno));

	one("t1", "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,nr_inodes=100,mode=700",
	    "rw,nosuid,nodev,relatime,size=1024k,nr_inodes=100,mode=700",
	    "rw,nosuid,nodev,relatime", "rw,size=1024k,nr_inodes=100,mode=700");
	one("t2", "tmpfs", MS_RDONLY | MS_NOEXEC | MS_NOATIME, NULL,
	    "ro,noexec,noatime", "ro,noexec,noatime", "ro");
	one("t3", "tmpfs", MS_STRICTATIME, "uid=5,gid=6,mode=1777",
	    "rw,uid=5,gid=6", "rw", "rw,uid=5,gid=6");
	one("t4", "tmpfs", MS_NODIRATIME, "size=4096k,mode=01755",
	    "rw,nodiratime,relatime,size=4096k,mode=1755", "rw,nodiratime,relatime",
	    "rw,size=4096k,mode=1755");
	one("r1", "ramfs", 0, NULL, "rw,relatime", "rw,relatime", "rw");
	one("r2", "ramfs", MS_NOSUID, "mode=700", "rw,nosuid,relatime,mode=700",
	    "rw,nosuid,relatime", "rw,mode=700");

	/* a remount takes new flags and sizes; relatime stays unless asked */
	CHECK(mount("t5", dir, "tmpfs", MS_NOSUID | MS_NOATIME, "size=1m") == 0, "mount t5");
	CHECK(mount(NULL, dir, NULL, MS_REMOUNT | MS_NODEV, "size=2m") == 0,
	      "remount: %s", strerror(errno));
	check_mounts_line("t5", "tmpfs", "rw,nodev,noatime,size=2048k");
	CHECK(mount(NULL, dir, NULL, MS_REMOUNT | MS_RELATIME, NULL) == 0, "remount relatime");
	check_mounts_line("t5", "tmpfs", "rw,relatime,size=2048k");
	CHECK(umount(dir) == 0, "umount t5: %s", strerror(errno));

	CHECK(rmdir(dir) == 0, "rmdir: %s", strerror(errno));
	return t_done("proc_mount_opts");
}
