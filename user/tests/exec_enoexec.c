/* SPDX-License-Identifier: GPL-2.0 */
/* A broken ELF: execve fails with ENOEXEC and this image goes on. */
#include "t.h"
#include <fcntl.h>
#include <sys/stat.h>

static const char *broken_elf(void)
{
	static const char *path = "/tests/data/broken.elf";
	char hdr[64] = "\177ELF\2\1\1";	/* ELF64 LSB, then nonsense */
	int fd;

	if (access(path, X_OK) == 0)
		return path;		/* mmos: in the initramfs */
	path = "/tmp/mmos-broken.elf";	/* Linux: make one */
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	if (fd < 0 || write(fd, hdr, sizeof(hdr)) != sizeof(hdr))
		return NULL;
	close(fd);
	return path;
}

int main(int argc, char **argv)
{
	const char *path = broken_elf();
	char *args[] = { "broken", NULL }, *env[] = { NULL };
	static int survivor = 1234;

	CHECK(path, "no broken ELF to try");
	CHECK(execve(path, args, env) == -1 && errno == ENOEXEC, "execve: errno %d", errno);
	CHECK(execve("/no/such/program", args, env) == -1 && errno == ENOENT, "ENOENT");
	CHECK(RAW(SYS_execve, (char *)8, args, env) == -EFAULT, "EFAULT");
	CHECK(survivor == 1234, "the old image is intact");
	return t_done("exec_enoexec");
}
