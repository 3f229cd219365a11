/* SPDX-License-Identifier: GPL-2.0 */
/* /proc/PID/fdinfo/N: "pos:", "flags:" (F_GETFL's flags plus O_CLOEXEC,
 * octal with a leading 0), "mnt_id:" and "ino:", as Linux prints them;
 * a 0555 directory listing the open fds, 0444 files; ENOENT for an fd
 * not open. */
#include "t.h"
#include <fcntl.h>
#include <dirent.h>
#include <sys/stat.h>

/* fdinfo - the fdinfo text of our @fd, or NULL. */
static const char *fdinfo(int fd)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	return t_read_file(path);
}

/* field - the number after "@name:\t" in @text (base 0: octal for a
 * leading 0), or -1. */
static long long field(const char *text, const char *name)
{
	char key[32];
	const char *p;

	snprintf(key, sizeof(key), "%s:\t", name);
	p = text ? strstr(text, key) : NULL;
	return p ? strtoll(p + strlen(key), NULL, 0) : -1;
}

int main(void)
{
	char name[64], path[64], text[512];
	int fd, dfd, p[2], found = 0;
	struct stat st;
	long long mnt;
	DIR *d;
	struct dirent *e;

	snprintf(name, sizeof(name), "proc_fdinfo.%d", getpid());
	fd = open(name, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	CHECK(fd >= 0 && write(fd, "hello", 5) == 5 && lseek(fd, 3, SEEK_SET) == 3, "file");
	CHECK(fdinfo(fd) != NULL, "read: %s", strerror(errno));
	snprintf(text, sizeof(text), "%s", fdinfo(fd) ? fdinfo(fd) : "");
	CHECK(!strncmp(text, "pos:\t3\nflags:\t02102002\nmnt_id:\t", 31), "head: %s", text);
	CHECK(fstat(fd, &st) == 0 && field(text, "ino") == (long long)st.st_ino, "ino: %s", text);
	mnt = field(text, "mnt_id");
	dfd = open(".", O_RDONLY | O_DIRECTORY);
	CHECK(mnt > 0 && field(fdinfo(dfd), "mnt_id") == mnt, "same mount as the directory");
	CHECK(field(fdinfo(dfd), "flags") == (O_RDONLY | O_DIRECTORY | 0100000),
	      "directory flags: %s", fdinfo(dfd));
	CHECK(fcntl(fd, F_SETFD, 0) == 0 && field(fdinfo(fd), "flags") == 0102002,
	      "no cloexec now: %s", fdinfo(fd));
	CHECK(pipe2(p, O_NONBLOCK) == 0, "pipe");
	CHECK(strstr(fdinfo(p[0]) ? fdinfo(p[0]) : "", "flags:\t04000\n") != NULL,
	      "pipe read end: %s", fdinfo(p[0]));
	CHECK(field(fdinfo(p[1]), "flags") == 04001, "pipe write end: %s", fdinfo(p[1]));

	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	CHECK(stat(path, &st) == 0 && st.st_mode == (S_IFREG | 0444), "mode %o", st.st_mode);
	CHECK(stat("/proc/self/fdinfo", &st) == 0 && st.st_mode == (S_IFDIR | 0555),
	      "dir mode %o", st.st_mode);
	d = opendir("/proc/self/fdinfo");
	while (d && (e = readdir(d)))
		found += atoi(e->d_name) == fd && e->d_type == DT_REG;
	CHECK(d && found == 1, "listed once as a file");
	if (d)
		closedir(d);
	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", t_closed_fd(200));
	CHECK(open(path, O_RDONLY) < 0 && errno == ENOENT, "not open: %s", strerror(errno));
	close(p[0]);
	close(p[1]);
	close(dfd);
	close(fd);
	CHECK(unlink(name) == 0, "unlink");
	return t_done("proc_fdinfo");
}
