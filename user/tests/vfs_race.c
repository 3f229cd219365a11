/* SPDX-License-Identifier: GPL-2.0 */
/* Processes racing in one directory: creating, writing, renaming over
 * each other, linking, unlinking, making and removing directories,
 * while another reads the directory and another walks "..". Every call
 * must succeed or fail with the error the race allows, and at the end
 * the directory is empty again. */
#include "t.h"
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define ROUNDS	2000

/* worker - @id's loop of creates, renames and removes; exit 0 when no
 * call failed in a way the race cannot explain. */
static int worker(int id)
{
	char a[32], b[32], d[32], shared[] = "shared";

	for (int i = 0; i < ROUNDS; i++) {
		int fd;

		snprintf(a, sizeof(a), "f%d.%d", id, i);
		snprintf(b, sizeof(b), "g%d.%d", id, i);
		snprintf(d, sizeof(d), "d%d", id);
		fd = open(a, O_CREAT | O_EXCL | O_WRONLY, 0644);
		if (fd < 0 || write(fd, a, strlen(a)) != (long)strlen(a))
			return 1;
		close(fd);
		if (rename(a, b) || link(b, a))
			return 2;
		/* everyone renames over the same name: any one may win */
		if (rename(a, shared) && errno != ENOENT)
			return 3;
		if (unlink(b))
			return 4;
		if (mkdir(d, 0755) || (mkdir("common", 0755) && errno != EEXIST))
			return 5;
		if (rmdir(d) || (rmdir("common") && errno != ENOENT && errno != ENOTEMPTY))
			return 6;
	}
	return 0;
}

/* reader - list the directory and walk through ".." while the others
 * work: every getdents and stat succeeds. */
static int reader(void)
{
	struct stat st;

	for (int i = 0; i < ROUNDS; i++) {
		DIR *dir = opendir(".");
		struct dirent *e;

		if (!dir)
			return 1;
		while ((e = readdir(dir)))
			;
		closedir(dir);
		if (stat("../.", &st) || stat(".", &st))
			return 2;
	}
	return 0;
}

int main(void)
{
	char scratch[64];
	int status, bad = 0, n = 0;
	pid_t pids[4];
	DIR *dir;
	struct dirent *e;

	snprintf(scratch, sizeof(scratch), "vfs_race.%d", getpid());
	CHECK(mkdir(scratch, 0755) == 0 && chdir(scratch) == 0, "scratch");
	for (int i = 0; i < 4; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			_exit(i < 3 ? worker(i) : reader());
	}
	for (int i = 0; i < 4; i++) {
		waitpid(pids[i], &status, 0);
		if (!WIFEXITED(status) || WEXITSTATUS(status)) {
			printf("child %d: status %#x\n", i, status);
			bad++;
		}
	}
	CHECK(!bad, "every child's calls went as the race allows");
	unlink("shared");
	rmdir("common");
	dir = opendir(".");
	while (dir && (e = readdir(dir)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			printf("left: %s\n", e->d_name), n++;
	if (dir)
		closedir(dir);
	CHECK(n == 0, "%d names left", n);
	CHECK(chdir("..") == 0 && rmdir(scratch) == 0, "rmdir scratch: %d", errno);
	return t_done("vfs_race");
}
