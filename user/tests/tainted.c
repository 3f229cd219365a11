/* SPDX-License-Identifier: GPL-2.0 */
/* /proc/sys/kernel/tainted: a number, its bits only ever added (writing
 * 0 changes nothing), a write needs CAP_SYS_ADMIN (EPERM) and a number
 * (EINVAL). As PID 1 (in mmos) the test also adds TAINT_USER and sees
 * it; natively it leaves the machine's kernel untainted. LTP's
 * tst_taint_init reads this file before every test. */
#include "t.h"
#include <fcntl.h>
#include <sys/wait.h>

#define TAINTED "/proc/sys/kernel/tainted"

/* taint - the number in the file, or -1. */
static long long taint(void)
{
	const char *s = t_read_file(TAINTED);

	return s ? strtoll(s, NULL, 10) : -1;
}

/* put - write @text to the file: 0 or -errno. */
static int put(const char *text)
{
	int fd = open(TAINTED, O_WRONLY), r;

	if (fd < 0)
		return -errno;
	r = write(fd, text, strlen(text)) == (ssize_t)strlen(text) ? 0 : -errno;
	close(fd);
	return r;
}

int main(void)
{
	long long t0 = taint();
	int status;
	pid_t pid;

	CHECK(t0 >= 0, "a number: %lld", t0);
	CHECK(put("0\n") == 0 && taint() == t0, "writing 0 clears nothing");
	CHECK(put("abc") == -EINVAL, "not a number");
	pid = fork();
	if (pid == 0) {
		if (setresuid(65534, 65534, 65534))
			_exit(2);
		_exit(put("0") == -EACCES ? 0 : 3);	/* 0644: refused at open */
	}
	CHECK(waitpid(pid, &status, 0) == pid && status == 0, "unprivileged: EACCES (%#x)", status);
	if (getpid() == 1) {
		CHECK(t0 == 0, "mmos starts untainted: %lld", t0);
		CHECK(put("64") == 0 && taint() == 64, "TAINT_USER added: %lld", taint());
		CHECK(put("0") == 0 && taint() == 64, "and kept");
	}
	return t_done("tainted");
}
