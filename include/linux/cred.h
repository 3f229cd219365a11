/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Credentials (kernel/cred.c, kernel/groups.c), as Linux's: a struct
 * cred is never changed once a task uses it. To change its identity a
 * task makes a copy (prepare_creds()), edits it, and installs it
 * (commit_creds()); threads made with CLONE_THREAD start out sharing
 * their creator's, a forked process gets a copy, exactly as in Linux.
 * There are no user namespaces: a kuid_t is the uid_t itself.
 * Capabilities are not kept as sets: see capable() below.
 */
#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H

#include <linux/types.h>
#include <linux/atomic.h>

typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef uid_t kuid_t;
typedef gid_t kgid_t;

#define GLOBAL_ROOT_UID	0
#define GLOBAL_ROOT_GID	0
#define INVALID_UID	((kuid_t)-1)
#define INVALID_GID	((kgid_t)-1)
#define NGROUPS_MAX	65536

/* struct group_info - the supplementary groups, sorted (in_group_p()
 * searches them); shared by reference like the cred holding it. */
struct group_info {
	atomic_t usage;
	int ngroups;
	kgid_t gid[];
};

struct cred {
	atomic_t usage;
	kuid_t uid, suid, euid, fsuid;	/* real, saved, effective, file system */
	kgid_t gid, sgid, egid, fsgid;
	struct group_info *group_info;
};

struct task_struct;

extern struct cred init_cred;
extern struct group_info init_groups;

/* kernel/cred.c */
void cred_init(void);
struct cred *prepare_creds(void);
int commit_creds(struct cred *new);
void abort_creds(struct cred *new);
int copy_creds(struct task_struct *p, unsigned long clone_flags);
void exit_creds(struct task_struct *p);
void __put_cred(struct cred *cred);
const struct cred *get_task_cred(struct task_struct *p);
const struct cred *override_creds(const struct cred *new);
void revert_creds(const struct cred *old);

static inline const struct cred *get_cred(const struct cred *cred)
{
	atomic_inc(&((struct cred *)cred)->usage);
	return cred;
}

static inline void put_cred(const struct cred *cred)
{
	if (cred && atomic_dec_and_test(&((struct cred *)cred)->usage))
		__put_cred((struct cred *)cred);
}

/* kernel/groups.c */
struct group_info *groups_alloc(int gidsetsize);
void groups_free(struct group_info *gi);
void groups_sort(struct group_info *gi);
void set_groups(struct cred *new, struct group_info *gi);
bool groups_search(const struct group_info *gi, kgid_t grp);
bool in_group_p(kgid_t grp);
bool in_egroup_p(kgid_t grp);

static inline struct group_info *get_group_info(struct group_info *gi)
{
	atomic_inc(&gi->usage);
	return gi;
}

static inline void put_group_info(struct group_info *gi)
{
	if (atomic_dec_and_test(&gi->usage))
		groups_free(gi);
}

/* The running task's own credentials: nobody else changes them, so no
 * lock or reference is needed to read them (Linux's current_cred()). */
#define current_cred()		((const struct cred *)current->cred)
#define current_uid()		(current_cred()->uid)
#define current_gid()		(current_cred()->gid)
#define current_euid()		(current_cred()->euid)
#define current_egid()		(current_cred()->egid)
#define current_suid()		(current_cred()->suid)
#define current_sgid()		(current_cred()->sgid)
#define current_fsuid()		(current_cred()->fsuid)
#define current_fsgid()		(current_cred()->fsgid)

static inline bool uid_eq(kuid_t a, kuid_t b) { return a == b; }
static inline bool gid_eq(kgid_t a, kgid_t b) { return a == b; }
static inline bool uid_valid(kuid_t u) { return u != INVALID_UID; }
static inline bool gid_valid(kgid_t g) { return g != INVALID_GID; }

#endif
