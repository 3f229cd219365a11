/* SPDX-License-Identifier: GPL-2.0 */
/* System V shared memory, as Linux's: shmget (IPC_PRIVATE, keys,
 * IPC_CREAT/IPC_EXCL, the size checks), shmat (twice: one object; the
 * address rules: SHM_RND, misaligned EINVAL, SHM_REMAP, SHM_RDONLY's
 * SIGSEGV), shm_nattch counting VMAs through fork, exec, exit, a split
 * and mremap; shmdt; shmctl's IPC_STAT/IPC_SET/IPC_RMID (a removed
 * segment lives until its last detach, without its key; then its id
 * is EINVAL), SHM_STAT, SHM_STAT_ANY, IPC_INFO, SHM_INFO, SHM_LOCK and
 * SHM_UNLOCK; ids not
 * reused at once; /proc/self/maps and /proc/sysvipc/shm; and the
 * permission checks as a non-root user (when run as root). Every
 * segment is removed before the end. */
#include "t.h"
#include <signal.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>

#define P 4096L

#ifndef SHM_STAT_ANY
#define SHM_STAT_ANY 15
#endif
#ifndef SHM_DEST
#define SHM_DEST 01000
#endif
#ifndef SHM_LOCKED
#define SHM_LOCKED 02000
#endif
#ifndef SHM_REMAP
#define SHM_REMAP 040000
#endif

static key_t key;

/* nattch - the segment's shm_nattch, or -errno. */
static long nattch(int id)
{
	struct shmid_ds ds;

	if (shmctl(id, IPC_STAT, &ds))
		return -errno;
	return ds.shm_nattch;
}

/* maps_line - our maps line for address @p, or NULL (static buffer). */
static const char *maps_line(void *p)
{
	static char line[512];
	char start[32];
	const char *m = t_read_file("/proc/self/maps"), *l;
	size_t n;

	snprintf(start, sizeof(start), "%lx-", (unsigned long)p);
	l = m ? strstr(m, start) : NULL;
	if (!l)
		return NULL;
	n = strcspn(l, "\n");
	if (n >= sizeof(line))
		n = sizeof(line) - 1;
	memcpy(line, l, n);
	line[n] = 0;
	return line;
}

/* child_status - fork, run @fn(@arg) in the child as its exit status,
 * wait; returns the wait status. */
static int child_status(int (*fn)(long), long arg)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn(arg));
	waitpid(pid, &status, 0);
	return status;
}

static volatile int *shared;
static int the_id;

/* in_child_counts - a forked child: both attaches inherited, so 4; it
 * stores and exits. */
static int in_child_counts(long unused)
{
	if (nattch(the_id) != 4)
		return 2;
	shared[1] = 7;
	return 0;
}

/* in_child_execs - a forked child execs us with "nattch ID 2": at exec
 * its two attaches go. */
static int in_child_execs(long unused)
{
	char ids[16];

	snprintf(ids, sizeof(ids), "%d", the_id);
	if (nattch(the_id) != 4)
		return 2;
	execl("/proc/self/exe", "sysv_shm", "nattch", ids, "2", (char *)NULL);
	return 3;
}

/* write_ro - store to a read-only attach: SIGSEGV. */
static int write_ro(long addr)
{
	*(volatile int *)addr = 1;
	return 0;
}

/* as_nobody - as uid/gid 65534, a segment of root's with mode 0640:
 * by key EACCES (asking for write), shmat EACCES, IPC_STAT EACCES,
 * IPC_RMID, IPC_SET, SHM_LOCK and SHM_UNLOCK EPERM, SHM_STAT_ANY
 * allowed. Then one with mode
 * 0604: shmat read-only works, read-write EACCES. */
static int as_nobody(long id2)
{
	struct shmid_ds ds;
	int id = (int)(id2 & 0xffffffff), id_ro = (int)(id2 >> 32), bad = 0;
	void *p;

	if (setgid(65534) || setuid(65534))
		return 10;
	bad |= (shmget(key, 0, 0600) != -1 || errno != EACCES) << 0;
	bad |= (shmget(key, 0, 0) != id) << 1;	/* asking for nothing */
	bad |= (shmat(id, NULL, 0) != (void *)-1 || errno != EACCES) << 2;
	bad |= (shmctl(id, IPC_STAT, &ds) != -1 || errno != EACCES) << 3;
	bad |= (shmctl(id, IPC_RMID, NULL) != -1 || errno != EPERM) << 4;
	memset(&ds, 0, sizeof(ds));
	bad |= (shmctl(id, IPC_SET, &ds) != -1 || errno != EPERM) << 5;
	bad |= (shmctl(id, SHM_STAT_ANY, &ds) < 0) << 6;
	p = shmat(id_ro, NULL, SHM_RDONLY);
	bad |= (p == (void *)-1) << 7;
	if (p != (void *)-1)
		shmdt(p);
	bad |= (shmat(id_ro, NULL, 0) != (void *)-1 || errno != EACCES) << 8;
	bad |= (shmctl(id, SHM_LOCK, NULL) != -1 || errno != EPERM) << 9;
	bad |= (shmctl(id, SHM_UNLOCK, NULL) != -1 || errno != EPERM) << 10;
	return bad ? 20 + __builtin_ctz(bad) : 0;
}

/* test_counts - attach twice, fork, exec, exit, split, mremap: the
 * count follows the VMAs; stores are seen across all of them. */
static void test_counts(void)
{
	struct shmid_ds ds;
	int id = shmget(IPC_PRIVATE, 3 * P - 100, IPC_CREAT | 0600), status;
	volatile int *a, *b;
	const char *l;
	char name[32];
	void *m;

	CHECK(id >= 0, "shmget IPC_PRIVATE: %s", strerror(errno));
	CHECK(shmctl(id, IPC_STAT, &ds) == 0, "IPC_STAT: %s", strerror(errno));
	CHECK(ds.shm_segsz == 3 * P - 100 && ds.shm_nattch == 0 &&
	      ds.shm_cpid == getpid() && ds.shm_lpid == 0 && ds.shm_atime == 0 &&
	      ds.shm_dtime == 0 && labs(ds.shm_ctime - time(NULL)) < 5,
	      "new: segsz %zu nattch %lu cpid %d lpid %d atime %ld", ds.shm_segsz,
	      (unsigned long)ds.shm_nattch, ds.shm_cpid, ds.shm_lpid, (long)ds.shm_atime);
	CHECK((ds.shm_perm.mode & 0777) == 0600 && ds.shm_perm.uid == geteuid() &&
	      ds.shm_perm.cuid == geteuid() && ds.shm_perm.gid == getegid() &&
	      ds.shm_perm.__key == IPC_PRIVATE, "perm: mode %o", ds.shm_perm.mode);
	a = shmat(id, NULL, 0);
	b = shmat(id, NULL, 0);
	CHECK(a != (void *)-1 && b != (void *)-1 && a != b, "two attaches");
	a[0] = 42;
	CHECK(b[0] == 42 && b[P / 4 * 2] == 0, "one object, zeroed");
	CHECK(nattch(id) == 2, "nattch 2: %ld", nattch(id));
	CHECK(shmctl(id, IPC_STAT, &ds) == 0 && ds.shm_lpid == getpid() &&
	      ds.shm_atime > 0, "atime and lpid set by shmat");
	l = maps_line((void *)a);
	snprintf(name, sizeof(name), " %d ", id);
	CHECK(l && strstr(l, "rw-s") && strstr(l, "/SYSV00000000 (deleted)") && strstr(l, name),
	      "maps: %s", l ? l : "(none)");
	CHECK(l && strchr(l, ' ') && (unsigned long)a + 3 * P ==
	      strtoul(strchr(l, '-') + 1, NULL, 16), "maps: the size rounded up");

	shared = a;
	the_id = id;
	status = child_status(in_child_counts, 0);
	CHECK(status == 0 && a[1] == 7, "fork: inherited (status %x)", status);
	CHECK(nattch(id) == 2, "after the child's exit: %ld", nattch(id));
	status = child_status(in_child_execs, 0);
	CHECK(status == 0, "exec detaches (status %x)", status);
	CHECK(nattch(id) == 2, "after the exec'd child's exit: %ld", nattch(id));

	/* a split is one more VMA, counted */
	CHECK(mprotect((void *)a + P, P, PROT_READ) == 0, "mprotect: %s", strerror(errno));
	CHECK(nattch(id) == 4, "split into three: %ld", nattch(id));
	CHECK(mprotect((void *)a + P, P, PROT_READ | PROT_WRITE) == 0 && nattch(id) == 4,
	      "not merged back (Linux's is_mergeable_vma): %ld", nattch(id));
	CHECK(shmdt((void *)a) == 0 && nattch(id) == 1, "shmdt takes every piece: %ld",
	      nattch(id));
	CHECK(shmdt((void *)a) == -1 && errno == EINVAL, "shmdt again: EINVAL");
	CHECK(shmdt((void *)b + 1) == -1 && errno == EINVAL, "shmdt misaligned: EINVAL");
	CHECK(shmdt((void *)b + P) == -1 && errno == EINVAL, "shmdt inside: EINVAL");
	CHECK(shmctl(id, IPC_STAT, &ds) == 0 && ds.shm_dtime > 0, "dtime");

	/* mremap moves the attach; the count stays */
	m = mmap(NULL, 3 * P, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	m = mremap((void *)b, 3 * P, 3 * P, MREMAP_MAYMOVE | MREMAP_FIXED, m);
	CHECK(m != MAP_FAILED && ((int *)m)[0] == 42 && nattch(id) == 1,
	      "mremap: %ld", nattch(id));
	CHECK(shmdt(m) == 0 && nattch(id) == 0, "shmdt after mremap: %ld", nattch(id));
	CHECK(shmctl(id, IPC_RMID, NULL) == 0, "IPC_RMID");
	CHECK(nattch(id) == -EINVAL, "removed: EINVAL (%ld)", nattch(id));
}

/* test_rmid - IPC_RMID of an attached segment: still usable, SHM_DEST,
 * key gone, attachable still; destroyed at the last detach. */
static void test_rmid(void)
{
	struct shmid_ds ds;
	int id = shmget(key, P, IPC_CREAT | IPC_EXCL | 0600), id2;
	volatile int *a, *c;

	CHECK(id >= 0, "shmget key: %s", strerror(errno));
	CHECK(shmget(key, P, IPC_CREAT | IPC_EXCL | 0600) == -1 && errno == EEXIST, "EEXIST");
	CHECK(shmget(key, P, IPC_CREAT | 0600) == id, "IPC_CREAT finds it");
	CHECK(shmget(key, 0, 0) == id, "size 0 finds it");
	CHECK(shmget(key, P + 1, 0) == -1 && errno == EINVAL, "larger: EINVAL");
	CHECK(shmget(key + 1, P, 0) == -1 && errno == ENOENT, "no key: ENOENT");
	CHECK(shmctl(id, IPC_STAT, &ds) == 0 && ds.shm_perm.__key == key, "IPC_STAT key");
	a = shmat(id, NULL, 0);
	CHECK(a != (void *)-1, "shmat");
	a[5] = 5;
	CHECK(shmctl(id, IPC_RMID, NULL) == 0, "IPC_RMID attached: %s", strerror(errno));
	CHECK(shmctl(id, IPC_STAT, &ds) == 0 && (ds.shm_perm.mode & SHM_DEST) &&
	      ds.shm_perm.__key == IPC_PRIVATE && ds.shm_nattch == 1,
	      "SHM_DEST, key IPC_PRIVATE: mode %o key %x", ds.shm_perm.mode, ds.shm_perm.__key);
	CHECK(shmget(key, P, 0) == -1 && errno == ENOENT, "the key is gone");
	a[6] = 6;
	CHECK(a[5] == 5 && a[6] == 6, "still usable");
	c = shmat(id, NULL, 0);	/* Linux lets a removed segment be attached */
	CHECK(c != (void *)-1 && c[5] == 5 && nattch(id) == 2, "attachable after IPC_RMID");
	id2 = shmget(key, P, IPC_CREAT | IPC_EXCL | 0600);
	CHECK(id2 >= 0 && id2 != id, "the key is free again: %d", id2);
	CHECK(shmctl(id2, IPC_RMID, NULL) == 0, "IPC_RMID of the new one");
	CHECK(shmdt((void *)c) == 0 && shmdt((void *)a) == 0, "shmdt both");
	CHECK(nattch(id) == -EINVAL, "gone at the last detach: %ld", nattch(id));
	CHECK(shmctl(id, IPC_RMID, NULL) == -1 && errno == EINVAL, "IPC_RMID again: EINVAL");
	CHECK(shmat(id, NULL, 0) == (void *)-1 && errno == EINVAL, "shmat: EINVAL");
}

/* test_errors - size, flags, address and command errors. */
static void test_errors(void)
{
	unsigned long shmmax = strtoul(t_read_file("/proc/sys/kernel/shmmax"), NULL, 10);
	int id = shmget(IPC_PRIVATE, 2 * P, 0600), id2, status;
	struct shmid_ds ds;
	char *hole, *p;

	CHECK(shmget(IPC_PRIVATE, 0, 0600) == -1 && errno == EINVAL, "size 0: EINVAL");
	CHECK(shmmax == ~0UL || (shmget(IPC_PRIVATE, shmmax + 1, 0600) == -1 && errno == EINVAL),
	      "above shmmax: EINVAL");
	CHECK(shmget(IPC_PRIVATE, 1UL << 60, 0600) == -1 && errno == ENOMEM,
	      "more than memory: ENOMEM (%s)", strerror(errno));
	CHECK(id >= 0, "shmget: %s", strerror(errno));
	CHECK(shmat(-1, NULL, 0) == (void *)-1 && errno == EINVAL, "shmat -1: EINVAL");
	CHECK(shmat(id + 32768, NULL, 0) == (void *)-1 && errno == EINVAL, "stale seq: EINVAL");
	CHECK(shmat(id, NULL, SHM_REMAP) == (void *)-1 && errno == EINVAL,
	      "SHM_REMAP without an address: EINVAL");

	/* addresses: a hole made for the purpose */
	hole = mmap(NULL, 4 * P, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(hole, 4 * P);
	CHECK(shmat(id, hole + 123, 0) == (void *)-1 && errno == EINVAL, "misaligned: EINVAL");
	p = shmat(id, hole + 123, SHM_RND);
	CHECK(p == hole, "SHM_RND rounds down: %p %p", p, hole);
	CHECK(shmat(id, hole + P, 0) == (void *)-1 && errno == EINVAL, "over an attach: EINVAL");
	p = shmat(id, hole + P, SHM_REMAP);
	CHECK(p == hole + P, "SHM_REMAP over it: %p", p);
	CHECK(nattch(id) == 2, "the remap replaced part of the first: %ld", nattch(id));
	CHECK(shmdt(hole + P) == 0 && shmdt(hole) == 0 && nattch(id) == 0, "both detached: %ld",
	      nattch(id));

	/* SHM_RDONLY: reads work, a store is SIGSEGV, mprotect PROT_WRITE EACCES */
	p = shmat(id, NULL, SHM_RDONLY);
	CHECK(p != (void *)-1 && p[0] == 0, "SHM_RDONLY attach");
	CHECK(maps_line(p) && strstr(maps_line(p), "r--s"), "maps r--s: %s", maps_line(p));
	status = child_status(write_ro, (long)p);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, "store: SIGSEGV (%x)", status);
	CHECK(mprotect(p, P, PROT_READ | PROT_WRITE) == -1 && errno == EACCES,
	      "mprotect PROT_WRITE: EACCES");
	CHECK(shmdt(p) == 0, "shmdt");
	p = shmat(id, NULL, SHM_EXEC);
	CHECK(p != (void *)-1 && maps_line(p) && strstr(maps_line(p), "rwxs"), "SHM_EXEC: rwxs");
	shmdt(p);

	/* shmctl */
	CHECK(RAW(SYS_shmctl, -1, IPC_STAT, &ds) == -EINVAL, "negative id: EINVAL");
	CHECK(RAW(SYS_shmctl, id, -1, &ds) == -EINVAL, "negative cmd: EINVAL");
	CHECK(RAW(SYS_shmctl, id, 99, &ds) == -EINVAL, "unknown cmd: EINVAL");
	CHECK(RAW(SYS_shmctl, id, IPC_STAT | 0x100, &ds) == -EINVAL, "IPC_64 on x86-64: EINVAL");
	CHECK(RAW(SYS_shmctl, id, IPC_STAT, 8) == -EFAULT, "IPC_STAT bad buffer: EFAULT");
	CHECK(RAW(SYS_shmctl, id, IPC_SET, 8) == -EFAULT, "IPC_SET bad buffer: EFAULT");
	CHECK(RAW(SYS_shmctl, id + 32768, IPC_STAT, &ds) == -EINVAL, "stale id: EINVAL");
	CHECK(shmctl(id, IPC_STAT, &ds) == 0, "IPC_STAT");
	ds.shm_perm.mode = 0640 | 0777000;
	CHECK(shmctl(id, IPC_SET, &ds) == 0, "IPC_SET: %s", strerror(errno));
	CHECK(shmctl(id, IPC_STAT, &ds) == 0 && ds.shm_perm.mode == 0640,
	      "IPC_SET takes the permission bits only: %o", ds.shm_perm.mode);
	ds.shm_perm.uid = -1;
	CHECK(shmctl(id, IPC_SET, &ds) == -1 && errno == EINVAL, "IPC_SET uid -1: EINVAL");
	CHECK(shmctl(id % 32768, SHM_STAT, &ds) == id, "SHM_STAT by index: the id");
	CHECK(shmctl(id % 32768, SHM_STAT_ANY, &ds) == id, "SHM_STAT_ANY");
	{
		struct shminfo si;
		struct shm_info sinfo;

		CHECK(shmctl(0, IPC_INFO, (void *)&si) >= id % 32768 && si.shmmin == 1 &&
		      si.shmmax == shmmax, "IPC_INFO: shmmax %lu", (unsigned long)si.shmmax);
		CHECK(shmctl(0, SHM_INFO, (void *)&sinfo) >= id % 32768 && sinfo.used_ids >= 1,
		      "SHM_INFO: used %d", sinfo.used_ids);
		CHECK(RAW(SYS_shmctl, 0, IPC_INFO, 8) == -EFAULT, "IPC_INFO bad buffer: EFAULT");
	}

	/* SHM_LOCK marks the segment locked, SHM_UNLOCK clears it */
	CHECK(shmctl(id, SHM_LOCK, NULL) == 0 && shmctl(id, IPC_STAT, &ds) == 0 &&
	      (ds.shm_perm.mode & SHM_LOCKED), "SHM_LOCK: mode %o", ds.shm_perm.mode);
	CHECK(shmctl(id, SHM_UNLOCK, NULL) == 0 && shmctl(id, IPC_STAT, &ds) == 0 &&
	      !(ds.shm_perm.mode & SHM_LOCKED), "SHM_UNLOCK: mode %o", ds.shm_perm.mode);
	CHECK(shmctl(id + 32768, SHM_LOCK, NULL) == -1 && errno == EINVAL, "SHM_LOCK stale: EINVAL");

	/* ids: the next one is not the one just removed */
	CHECK(shmctl(id, IPC_RMID, NULL) == 0, "IPC_RMID");
	id2 = shmget(IPC_PRIVATE, P, 0600);
	CHECK(id2 >= 0 && id2 != id, "a new id: %d after %d", id2, id);
	CHECK(shmctl(id2, IPC_RMID, NULL) == 0, "IPC_RMID");
}

/* test_proc - /proc/sysvipc/shm: Linux's header, and our segment's line. */
static void test_proc(void)
{
	int id = shmget(IPC_PRIVATE, 5000, 0640);
	const char *s = t_read_file("/proc/sysvipc/shm");
	char want[128];

	CHECK(s && !strncmp(s, "       key      shmid perms                  size  cpid  lpid "
			    "nattch   uid   gid  cuid  cgid      atime      dtime      ctime"
			    "                   rss                  swap\n", 164),
	      "header: %.170s", s ? s : "(none)");
	snprintf(want, sizeof(want), "%10d %10d   640                  5000 %5d     0      0 ",
		 0, id, getpid());
	CHECK(s && strstr(s, want), "line: [%s]", want);
	shmctl(id, IPC_RMID, NULL);
}

/* test_perms - as a non-root user in a child (when root). */
static void test_perms(void)
{
	int id, id_ro, status;

	if (geteuid() != 0) {
		printf("sysv_shm: not root: the permission checks are skipped\n");
		return;
	}
	id = shmget(key, P, IPC_CREAT | IPC_EXCL | 0640);
	id_ro = shmget(IPC_PRIVATE, P, 0604);
	status = child_status(as_nobody, (long)id | (long)id_ro << 32);
	CHECK(status == 0, "as nobody: exit %d", WEXITSTATUS(status));
	shmctl(id, IPC_RMID, NULL);
	shmctl(id_ro, IPC_RMID, NULL);
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "nattch"))	/* the exec'd child */
		return nattch(atoi(argv[2])) == atol(argv[3]) ? 0 : 1;
	key = 0x6d6d0000 | (getpid() & 0xffff);
	test_counts();
	test_rmid();
	test_errors();
	test_proc();
	test_perms();
	return t_done("sysv_shm");
}
