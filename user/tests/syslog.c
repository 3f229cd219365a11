/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel log through syslog(2) (klogctl) as dmesg reads it: the
 * buffer's size, READ_ALL's "<N>[time] text" lines, whole and the
 * newest when the buffer is short, SIZE_UNREAD, CLEAR, the console
 * level's limits; EINVAL, EFAULT; EPERM for an unprivileged child (and
 * READ_ALL allowed to it unless kernel.dmesg_restrict). In mmos, the
 * boot's own messages are there, and (where the host's log would be
 * changed natively) CLEAR, READ and SIZE_UNREAD agree.
 */
#include "t.h"
#include <fcntl.h>
#include <sys/klog.h>
#include <sys/wait.h>

static char buf[1 << 18];

static int dmesg_restricted(void)
{
	const char *s = t_read_file("/proc/sys/kernel/dmesg_restrict");

	return s && s[0] == '1';
}

static void test_read_all(void)
{
	int size = klogctl(10, NULL, 0), n, n2;

	CHECK(size >= 4096, "SIZE_BUFFER %d", size);
	n = klogctl(3, buf, sizeof(buf));
	CHECK(n >= 0 && n <= size + 4096, "READ_ALL %d", n);
	buf[n > 0 ? n : 0] = 0;
	if (n > 0)
		CHECK(buf[0] == '<' && strchr(buf, '>') && buf[n - 1] == '\n', "format: %.40s", buf);
	if (t_free_pages() >= 0) {	/* mmos: the boot's messages */
		CHECK(strstr(buf, "Kernel command line:") != NULL, "no boot messages");
		CHECK(strstr(buf, "<5>[    0.") || strstr(buf, "<6>[    0."), "no level/time prefix");
		CHECK(strstr(buf, "random: crng init done") != NULL, "no crng line");
	}
	/* a short buffer gets the newest whole lines */
	n2 = klogctl(3, buf, 200);
	CHECK(n2 >= 0 && n2 <= 200, "READ_ALL(200) %d", n2);
	if (t_free_pages() >= 0)
		CHECK(n2 > 0, "no line fits in 200 bytes");
	if (n2 > 0)
		CHECK(buf[0] == '<' && buf[n2 - 1] == '\n', "not whole lines");
	CHECK(klogctl(3, buf, 0) == 0, "len 0");
	CHECK(klogctl(3, NULL, 10) == -1 && errno == EINVAL, "NULL");
	CHECK(klogctl(3, buf, -1) == -1 && errno == EINVAL, "len -1");
	CHECK(klogctl(3, (void *)8, 4096) == -1 && errno == EFAULT, "bad");
	CHECK(klogctl(42, buf, 10) == -1 && errno == EINVAL, "unknown action");
	CHECK(klogctl(-1, buf, 10) == -1 && errno == EINVAL, "negative action");
	CHECK(klogctl(0, NULL, 0) == 0 && klogctl(1, NULL, 0) == 0, "open, close");
}

static void test_console_level(void)
{
	CHECK(klogctl(8, NULL, 0) == -1 && errno == EINVAL, "level 0");
	CHECK(klogctl(8, NULL, 9) == -1 && errno == EINVAL, "level 9");
	if (t_free_pages() >= 0) {	/* natively it would change the host's */
		CHECK(klogctl(8, NULL, 7) == 0, "level 7");
		CHECK(klogctl(6, NULL, 0) == 0 && klogctl(7, NULL, 0) == 0, "off, on");
	}
}

/* mmos: CLEAR empties READ_ALL but not SIZE_UNREAD; READ consumes. */
static void test_clear_and_read(void)
{
	int unread, n;

	if (t_free_pages() < 0)
		return;	/* natively these would change the host's log */
	unread = klogctl(9, NULL, 0);
	CHECK(unread > 0, "SIZE_UNREAD %d", unread);
	CHECK(klogctl(5, NULL, 0) == 0, "CLEAR");
	CHECK(klogctl(3, buf, sizeof(buf)) == 0, "READ_ALL after CLEAR");
	CHECK(klogctl(9, NULL, 0) == unread, "CLEAR changed SIZE_UNREAD");
	n = klogctl(2, buf, sizeof(buf));
	CHECK(n == unread, "READ %d of %d", n, unread);
	CHECK(klogctl(9, NULL, 0) == 0, "READ did not consume");
}

static void unprivileged(void)
{
	CHECK(RAW(SYS_setresuid, 1000, 1000, 1000) == 0, "drop");
	CHECK(klogctl(10, NULL, 0) > 0 || (dmesg_restricted() && errno == EPERM), "SIZE_BUFFER");
	if (!dmesg_restricted())
		CHECK(klogctl(3, buf, sizeof(buf)) >= 0, "READ_ALL unprivileged: %d", errno);
	CHECK(klogctl(5, NULL, 0) == -1 && errno == EPERM, "CLEAR");
	CHECK(klogctl(2, buf, 10) == -1 && errno == EPERM, "READ");
	CHECK(klogctl(8, NULL, 3) == -1 && errno == EPERM, "CONSOLE_LEVEL");
	CHECK(klogctl(9, NULL, 0) == -1 && errno == EPERM, "SIZE_UNREAD");
	CHECK(klogctl(2, NULL, -1) == -1 && errno == EPERM, "EPERM before EINVAL");
}

/* /dev/kmsg: one record a read in "prio,seq,usec,flag;text\n", EINVAL
 * for a buffer too short, EAGAIN at the end with O_NONBLOCK. */
static void test_kmsg_read(void)
{
	int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK), n, prio, got = 0;
	unsigned long long seq, usec, last = 0;
	char flag, small[4];

	CHECK(fd >= 0, "open /dev/kmsg: %d", errno);
	if (fd < 0)
		return;
	CHECK(read(fd, small, sizeof(small)) == -1 && errno == EINVAL, "short buffer: %d", errno);
	while ((n = read(fd, buf, 8192)) > 0 || (n < 0 && errno == EPIPE)) {
		if (n < 0)
			continue;	/* records lost meanwhile: go on */
		buf[n] = 0;
		CHECK(sscanf(buf, "%d,%llu,%llu,%c;", &prio, &seq, &usec, &flag) == 4 &&
		      buf[n - 1] == '\n', "format: %.60s", buf);
		CHECK(!got || seq > last, "seq %llu after %llu", seq, last);
		last = seq;
		got++;
	}
	CHECK(n == -1 && errno == EAGAIN, "end: %d errno %d", n, errno);
	CHECK(got > 0, "no records");
	close(fd);
}

/* mmos: a write is a record, with its <N>; a reader left behind while
 * the ring goes round gets EPIPE once, then the oldest record kept. */
static void test_kmsg_write(void)
{
	int w = open("/dev/kmsg", O_WRONLY), r = open("/dev/kmsg", O_RDONLY | O_NONBLOCK), n, found = 0;
	static char line[1000];

	if (t_free_pages() < 0)
		return;	/* natively it would write to the host's log */
	CHECK(w >= 0 && r >= 0, "open");
	CHECK(write(w, "<14>kmsg test line\n", 19) == 19, "write");
	while ((n = read(r, buf, 8192)) > 0) {
		buf[n] = 0;
		found |= strstr(buf, "14,") == buf && strstr(buf, ",-;kmsg test line\n") != NULL;
	}
	CHECK(found, "the record written is not there");
	n = klogctl(3, buf, sizeof(buf));
	buf[n > 0 ? n : 0] = 0;
	CHECK(strstr(buf, "<14>[") && strstr(buf, "kmsg test line"), "not in syslog's READ_ALL");
	close(r);
	r = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	CHECK(read(r, buf, 8192) > 0, "first record");
	memset(line, 'x', sizeof(line));
	memcpy(line, "<7>", 3);
	klogctl(8, NULL, 1);	/* keep the flood off the console */
	for (int i = 0; i < 300; i++)
		CHECK(write(w, line, sizeof(line)) == sizeof(line), "flood %d", i);
	klogctl(8, NULL, 7);
	CHECK(read(r, buf, 8192) == -1 && errno == EPIPE, "no EPIPE after the ring went round");
	n = read(r, buf, 8192);
	CHECK(n > 0 && strstr(buf, "15,") == buf, "after EPIPE: %d %.20s", n, buf);
	CHECK(RAW(SYS_write, w, line, 1025) == -EINVAL, "a record longer than 1024");
	close(r);
	close(w);
}

int main(void)
{
	pid_t pid;
	int st;

	test_read_all();
	test_console_level();
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		t_failed = 0;
		unprivileged();
		fflush(stdout);
		_exit(t_failed ? 1 : 0);
	}
	CHECK(waitpid(pid, &st, 0) == pid && st == 0, "unprivileged: status %#x", st);
	test_clear_and_read();
	test_kmsg_read();
	test_kmsg_write();
	return t_done("syslog");
}
