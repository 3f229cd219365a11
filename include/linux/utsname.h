/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The system's names, as uname(2) reports them (init/version.c). One
 * UTS namespace, init_uts_ns: mmos has no others (unshare() and
 * clone(CLONE_NEWUTS) are not there).
 */
#ifndef _LINUX_UTSNAME_H
#define _LINUX_UTSNAME_H

#include <linux/spinlock.h>

#define __NEW_UTS_LEN	64

struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

struct uts_namespace {
	/* uts_lock must be held when using this (sethostname and
	 * setdomainname write it; readers copy it out under the lock): */
	struct new_utsname name;
};

extern struct uts_namespace init_uts_ns;
extern spinlock_t uts_lock;

static inline struct new_utsname *utsname(void)
{
	return &init_uts_ns.name;
}

#endif
