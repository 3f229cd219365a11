// SPDX-License-Identifier: GPL-2.0
/*
 * System V IPC on the software MMU: the ids (a cyclic search over the
 * slots, the sequence going up at each wrap, so a stale id names
 * nothing; the limit; the slots freed with the last object), and a
 * shared memory segment through shmat, fork, the child's exit, shmdt
 * and IPC_RMID: the count follows the VMAs and every page comes back.
 */
#include "harness.h"
#include "tasks.h"
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mount.h>
#include <linux/sched.h>
#include <linux/shm.h>
#include <linux/unistd.h>
#include "../../ipc/util.h"

#define P 4096UL
#define NOBJ 70

static struct task_struct *proc;

static int test_ids_cycle_and_wrap(void)
{
	static struct kern_ipc_perm objs[NOBJ];
	struct ipc_ids ids = {
		.rwsem = __RWSEM_INITIALIZER(ids.rwsem), .max_idx = -1, .last_idx = -1,
	};
	int i;

	down_write(&ids.rwsem);
	for (i = 0; i < 3; i++)
		CHECK(ipc_addid(&ids, &objs[i], 4096) == i && objs[i].id == i, "id %d", objs[i].id);
	ipc_rmid(&ids, &objs[1]);
	CHECK(ipc_obtain_object_check(&ids, 1) == ERR_PTR(-EINVAL), "removed: EINVAL");
	CHECK(ipc_addid(&ids, &objs[3], 4096) == 3, "the next index, not the freed one");
	for (i = 4; i < 42; i++)
		ipc_addid(&ids, &objs[i], 4096);
	for (i = 2; i < 42; i++)
		ipc_rmid(&ids, &objs[i]);
	/* one left (index 0): the cycle is 64 (Linux's minimum); 42 .. 63,
	 * then the search wraps to 1, with the next sequence */
	for (i = 42; i < 64; i++)
		CHECK(ipc_addid(&ids, &objs[i], 4096) == i, "index %d", i);
	CHECK(ipc_get_maxidx(&ids) == 63, "max idx %d", ipc_get_maxidx(&ids));
	CHECK(ipc_addid(&ids, &objs[64], 4096) == 1 && objs[64].id == SEQ_MULTIPLIER + 1,
	      "wrapped: id %d", objs[64].id);
	CHECK(ipc_obtain_object_check(&ids, 1) == ERR_PTR(-EINVAL), "the old id is stale");
	CHECK(ipc_obtain_object_check(&ids, SEQ_MULTIPLIER + 1) == &objs[64], "the new id");
	CHECK(ipc_obtain_object_idr(&ids, 1) == &objs[64], "by index");
	CHECK(ipc_addid(&ids, &objs[65], ids.in_use) == -ENOSPC, "at the limit: ENOSPC");
	ipc_rmid(&ids, &objs[0]);
	for (i = 42; i <= 64; i++)
		ipc_rmid(&ids, &objs[i]);
	CHECK(ids.in_use == 0 && !ids.entries && ipc_get_maxidx(&ids) == -1,
	      "empty: slots freed");
	up_write(&ids.rwsem);
	return check_result();
}

/* nattch - the segment's shm_nattch by IPC_STAT into user memory at @buf. */
static long nattch(long id, unsigned long buf)
{
	struct shmid64_ds ds;
	long err = sys(__NR_shmctl, id, IPC_STAT, buf, 0, 0, 0);

	if (err)
		return err;
	if (uread(buf, &ds, sizeof(ds)))
		return -EFAULT;
	return ds.shm_nattch;
}

static int test_shm_through_fork(void)
{
	unsigned long buf = sys(__NR_mmap, 0, P, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long id = sys(__NR_shmget, IPC_PRIVATE, 3 * P, 0600, 0, 0, 0), a;
	struct task_struct *child;
	char c = 0;

	EXPECT(id >= 0, "shmget: %ld", id);
	a = sys(__NR_shmat, id, 0, 0, 0, 0, 0);
	EXPECT(a > 0 && !(a & (P - 1)), "shmat: %lx", a);
	EXPECT(uwrite(a + P, "s", 1) == 0 && nattch(id, buf) == 1);
	child = fork_task();
	EXPECT(child && nattch(id, buf) == 2, "fork copies the attach");
	run(child);
	EXPECT(uread(a + P, &c, 1) == 0 && c == 's', "the child sees the segment");
	EXPECT(uwrite(a, "c", 1) == 0);
	task_exit(child, 0);
	run(proc);
	reap(proc, NULL);
	EXPECT(nattch(id, buf) == 1 && uread(a, &c, 1) == 0 && c == 'c', "the child's store");
	EXPECT(sys(__NR_shmctl, id, IPC_RMID, 0, 0, 0, 0) == 0);
	EXPECT(nattch(id, buf) == 1, "alive while attached");
	EXPECT(sys(__NR_shmdt, a, 0, 0, 0, 0, 0) == 0);
	EXPECT(nattch(id, buf) == -EINVAL, "destroyed at the last detach");
	sys(__NR_munmap, buf, P, 0, 0, 0, 0);
	return 0;
}

static void setup(void)
{
	mnt_init();	/* and shm_mnt, the segments' tmpfs */
	proc = spawn(false);
	run(proc);
	if (become_process())
		panic("cannot make the test process");
}

static const struct htest tests[] = {
	HTEST(test_ids_cycle_and_wrap),
	HTEST(test_shm_through_fork),
};

int main(void)
{
	return hosted_main_setup(tests, sizeof(tests) / sizeof(tests[0]), 32UL << 20, setup);
}
