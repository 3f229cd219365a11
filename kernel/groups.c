// SPDX-License-Identifier: GPL-2.0
/*
 * Supplementary groups, as Linux's kernel/groups.c: a sorted array in
 * each cred (struct group_info), getgroups/setgroups, in_group_p().
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/syscalls.h>

/* groups_alloc - room for @gidsetsize groups, unsorted; NULL if memory
 * is out. */
struct group_info *groups_alloc(int gidsetsize)
{
	struct group_info *gi = kmalloc(sizeof(*gi) + gidsetsize * sizeof(kgid_t),
					GFP_KERNEL);

	if (!gi)
		return NULL;
	atomic_set(&gi->usage, 1);
	gi->ngroups = gidsetsize;
	return gi;
}

/* groups_free - the last put_group_info(). */
void groups_free(struct group_info *gi)
{
	BUG_ON(gi == &init_groups);
	kfree(gi);
}

/* groups_sort - sort @gi for groups_search() (a shell sort: no
 * recursion, no allocation). */
void groups_sort(struct group_info *gi)
{
	int n = gi->ngroups;

	for (int gap = n / 2; gap > 0; gap /= 2)
		for (int i = gap; i < n; i++) {
			kgid_t v = gi->gid[i];
			int j = i;

			for (; j >= gap && gi->gid[j - gap] > v; j -= gap)
				gi->gid[j] = gi->gid[j - gap];
			gi->gid[j] = v;
		}
}

/* groups_search - is @grp in the sorted @gi? */
bool groups_search(const struct group_info *gi, kgid_t grp)
{
	int left = 0, right = gi ? gi->ngroups : 0;

	while (left < right) {
		int mid = (left + right) / 2;

		if (grp > gi->gid[mid])
			left = mid + 1;
		else if (grp < gi->gid[mid])
			right = mid;
		else
			return true;
	}
	return false;
}

/* set_groups - @new (uncommitted) takes @gi, sorted, with a reference. */
void set_groups(struct cred *new, struct group_info *gi)
{
	put_group_info(new->group_info);
	get_group_info(gi);
	new->group_info = gi;
}

/* in_group_p - is current's fsgid, or a supplementary group, @grp?
 * (the check the VFS makes for an inode's group) */
bool in_group_p(kgid_t grp)
{
	const struct cred *cred = current_cred();

	return gid_eq(grp, cred->fsgid) || groups_search(cred->group_info, grp);
}

/* in_egroup_p - the same with the effective gid. */
bool in_egroup_p(kgid_t grp)
{
	const struct cred *cred = current_cred();

	return gid_eq(grp, cred->egid) || groups_search(cred->group_info, grp);
}

/*
 * getgroups - copy up to @gidsetsize groups to @grouplist. Returns the
 * number of groups; with @gidsetsize 0 only that; -EINVAL if
 * @gidsetsize is negative or too small, -EFAULT for a bad pointer.
 */
SYSCALL_DEFINE2(getgroups, int, gidsetsize, gid_t __user *, grouplist)
{
	const struct group_info *gi = current_cred()->group_info;
	int i = gi->ngroups;

	if (gidsetsize < 0)
		return -EINVAL;
	if (gidsetsize) {
		if (i > gidsetsize)
			return -EINVAL;
		if (copy_to_user(grouplist, gi->gid, i * sizeof(gid_t)))
			return -EFAULT;
	}
	return i;
}

/*
 * setgroups - replace current's supplementary groups with @gidsetsize
 * from @grouplist. Linux's order: CAP_SETGID (-EPERM), then the size
 * (-EINVAL above NGROUPS_MAX or negative), then the copy (-EFAULT).
 */
SYSCALL_DEFINE2(setgroups, int, gidsetsize, const gid_t __user *, grouplist)
{
	struct group_info *gi;
	struct cred *new;

	if (!capable(CAP_SETGID))
		return -EPERM;
	if ((unsigned int)gidsetsize > NGROUPS_MAX)
		return -EINVAL;
	gi = groups_alloc(gidsetsize);
	if (!gi)
		return -ENOMEM;
	/* one by one, as Linux's groups_from_user(): the first bad entry
	 * decides between -EFAULT and -EINVAL */
	for (int i = 0; i < gidsetsize; i++) {
		if (get_user(gi->gid[i], grouplist + i))
			goto put_groups_efault;
		if (!gid_valid(gi->gid[i]))
			goto put_groups_einval;
	}
	groups_sort(gi);
	new = prepare_creds();
	if (!new) {
		put_group_info(gi);
		return -ENOMEM;
	}
	set_groups(new, gi);
	put_group_info(gi);
	return commit_creds(new);

put_groups_einval:
	put_group_info(gi);
	return -EINVAL;
put_groups_efault:
	put_group_info(gi);
	return -EFAULT;
}
