/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Robust futexes: set_robust_list's EINVAL for a wrong length,
 * get_robust_list for self and another process (ESRCH, EPERM without
 * ptrace rights, EFAULT), and the kernel's walk of the list when a
 * thread exits or execs: each lock it owns gets FUTEX_OWNER_DIED (with
 * FUTEX_WAITERS kept), locks it does not own are left, the pending one
 * is handled too, a circular list ends. And what libc builds on it: a
 * robust mutex whose owner thread exits without unlocking gives the
 * next locker (also one already waiting) EOWNERDEAD.
 */
#include "t.h"
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define FUTEX_WAITERS		0x80000000u
#define FUTEX_OWNER_DIED	0x40000000u

struct robust_list {
	struct robust_list *next;
};

struct robust_list_head {
	struct robust_list list;
	long futex_offset;
	struct robust_list *list_op_pending;
};

/* A robust lock as the kernel sees it: the list entry, then the word. */
struct lock {
	struct robust_list link;
	unsigned int word;
};

#define NLOCKS	7

/* The shared page: the locks a child registers, seen by the parent. */
struct shared {
	struct robust_list_head head;
	struct lock l[NLOCKS];
};

static struct shared *sh;

/* build_list - the child's list: l0 owned, l1 owned with waiters, l2
 * owned by someone else, l3 owned and PI; l4 pending, no owner; l5
 * owned and pending and also on the list (handled once). */
static void build_list(unsigned int tid, struct robust_list_head *head)
{
	struct robust_list *order[] = { &sh->l[0].link, &sh->l[1].link, &sh->l[2].link,
					(void *)((unsigned long)&sh->l[3].link | 1),
					&sh->l[5].link };

	sh->l[0].word = tid;
	sh->l[1].word = tid | FUTEX_WAITERS;
	sh->l[2].word = tid + 1;
	sh->l[3].word = tid;
	sh->l[4].word = 0;
	sh->l[5].word = tid;
	head->futex_offset = offsetof(struct lock, word);
	head->list.next = order[0];
	for (int i = 0; i < 4; i++)
		((struct robust_list *)((unsigned long)order[i] & ~1UL))->next = order[i + 1];
	sh->l[5].link.next = &head->list;
	head->list_op_pending = &sh->l[4].link;
}

/* check_marks - after the child @tid died: what each word became. */
static void check_marks(unsigned int tid, const char *how)
{
	CHECK(sh->l[0].word == FUTEX_OWNER_DIED, "%s: owned %#x", how, sh->l[0].word);
	CHECK(sh->l[1].word == (FUTEX_OWNER_DIED | FUTEX_WAITERS), "%s: with waiters %#x", how,
	      sh->l[1].word);
	CHECK(sh->l[2].word == tid + 1, "%s: someone else's %#x", how, sh->l[2].word);
	CHECK(sh->l[3].word == FUTEX_OWNER_DIED, "%s: PI %#x", how, sh->l[3].word);
	CHECK(sh->l[4].word == 0, "%s: pending unowned %#x", how, sh->l[4].word);
	CHECK(sh->l[5].word == FUTEX_OWNER_DIED, "%s: on the list %#x", how, sh->l[5].word);
}

/* run_child - fork a child that registers the list in the shared page
 * and then ends by @how: "exit", "exec" (of this program, "exit0") or
 * "kill" (SIGKILL while it waits). Returns the child's tid. */
static unsigned int run_child(const char *self, const char *how)
{
	int p[2], st;
	unsigned int tid = 0;
	pid_t pid;

	memset(sh, 0, sizeof(*sh));
	pipe(p);
	pid = fork();
	if (pid == 0) {
		tid = syscall(SYS_gettid);
		build_list(tid, &sh->head);
		if (RAW(SYS_set_robust_list, &sh->head, sizeof(sh->head)))
			_exit(2);
		write(p[1], &tid, sizeof(tid));
		if (!strcmp(how, "exec")) {
			char *argv[] = { (char *)self, "exit0", NULL };

			execv(self, argv);
			_exit(3);
		}
		if (!strcmp(how, "kill"))
			pause();
		_exit(0);
	}
	close(p[1]);
	read(p[0], &tid, sizeof(tid));
	close(p[0]);
	if (!strcmp(how, "kill"))
		kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	CHECK(!strcmp(how, "kill") ? WIFSIGNALED(st) : WIFEXITED(st) && !WEXITSTATUS(st),
	      "%s: child status %#x", how, st);
	return tid;
}

/* check_walk - the kernel marks the dead owner's locks, on exit, on
 * exec and when killed; a circular list ends. */
static void check_walk(const char *self)
{
	const char *hows[] = { "exit", "exec", "kill" };
	int st;
	pid_t pid;

	for (int i = 0; i < 3; i++)
		check_marks(run_child(self, hows[i]), hows[i]);

	/* a list that loops on itself without coming back to the head */
	memset(sh, 0, sizeof(*sh));
	pid = fork();
	if (pid == 0) {
		sh->l[6].link.next = &sh->l[6].link;
		sh->l[6].word = syscall(SYS_gettid);
		sh->head.list.next = &sh->l[6].link;
		sh->head.futex_offset = offsetof(struct lock, word);
		RAW(SYS_set_robust_list, &sh->head, sizeof(sh->head));
		_exit(0);
	}
	waitpid(pid, &st, 0);
	CHECK(WIFEXITED(st) && sh->l[6].word == FUTEX_OWNER_DIED, "circular list: %#x",
	      sh->l[6].word);
}

/* check_syscalls - the calls' own errors and results. */
static void check_syscalls(void)
{
	struct robust_list_head *h = (void *)1, mine = { { &mine.list }, 0, NULL };
	size_t len = 0;
	int p[2], st;
	long r;
	pid_t pid;

	CHECK(RAW(SYS_set_robust_list, &mine, 0) == -EINVAL, "len 0");
	CHECK(RAW(SYS_set_robust_list, &mine, sizeof(mine) + 1) == -EINVAL, "len + 1");
	CHECK(RAW(SYS_get_robust_list, 0, &h, &len) == 0 && len == sizeof(mine),
	      "get self: len %zu", len);
	CHECK(RAW(SYS_get_robust_list, 0, &h, (void *)8) == -EFAULT, "bad len pointer");
	CHECK(RAW(SYS_get_robust_list, 0, (void *)8, &len) == -EFAULT, "bad head pointer");
	CHECK(RAW(SYS_get_robust_list, 0x3ffffff0, &h, &len) == -ESRCH, "no such pid");

	pipe(p);
	pid = fork();
	if (pid == 0) {
		RAW(SYS_set_robust_list, &mine, sizeof(mine));
		write(p[1], "x", 1);
		pause();
		_exit(0);
	}
	read(p[0], &st, 1);
	CHECK(RAW(SYS_get_robust_list, pid, &h, &len) == 0 && h == &mine,
	      "another process's head %p, want %p", (void *)h, (void *)&mine);
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);

	pid = fork();
	if (pid == 0) {		/* no longer root: the parent is out of reach */
		if (setuid(65534))
			_exit(2);
		r = RAW(SYS_get_robust_list, getppid(), &h, &len);
		_exit(r == -EPERM ? 0 : 1);
	}
	waitpid(pid, &st, 0);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "EPERM for a root process: %#x", st);
}

static pthread_mutex_t m;
static volatile int holder_ready;

/* A thread that takes the robust mutex and exits without unlocking (a
 * raw exit: no libc clean-up, so only the kernel can tell). */
static void *holder(void *arg)
{
	pthread_mutex_lock(&m);
	holder_ready = 1;
	if (arg)
		t_sleep_ms(100);	/* let the main thread block on it */
	syscall(SYS_exit, 0);
	return NULL;
}

/* check_mutex - EOWNERDEAD for a later locker and for a waiting one. */
static void check_mutex(void)
{
	pthread_mutexattr_t a;
	pthread_t t;
	int r;

	pthread_mutexattr_init(&a);
	CHECK(pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST) == 0, "setrobust");
	/* process-shared: musl gives only those to the kernel's list (its
	 * private robust mutexes are cleaned up by pthread_exit alone) */
	CHECK(pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED) == 0, "setpshared");
	CHECK(pthread_mutex_init(&m, &a) == 0, "mutex init");
	for (int wait = 0; wait < 2; wait++) {
		holder_ready = 0;
		pthread_create(&t, NULL, holder, wait ? (void *)1 : NULL);
		while (!holder_ready)
			sched_yield();
		if (!wait)
			t_sleep_ms(100);	/* it has exited */
		r = pthread_mutex_lock(&m);
		CHECK(r == EOWNERDEAD, "%s locker: %d", wait ? "waiting" : "later", r);
		CHECK(pthread_mutex_consistent(&m) == 0, "consistent");
		CHECK(pthread_mutex_unlock(&m) == 0, "unlock");
		CHECK(pthread_mutex_lock(&m) == 0 && pthread_mutex_unlock(&m) == 0,
		      "lock after recovery");
		pthread_detach(t);
	}
}

int main(int argc, char **argv)
{
	char path[64];
	int fd;

	if (argc > 1 && !strcmp(argv[1], "exit0"))
		return 0;
	snprintf(path, sizeof(path), "robust_futex.%d", getpid());
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0 && ftruncate(fd, 4096) == 0, "shared file");
	sh = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(sh != MAP_FAILED, "mmap shared: %s", strerror(errno));
	close(fd);
	unlink(path);
	check_syscalls();
	check_walk(argv[0]);
	check_mutex();
	return t_done("robust_futex");
}
