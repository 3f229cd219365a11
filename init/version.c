// SPDX-License-Identifier: GPL-2.0
/*
 * The names uname(2) reports, as Linux's init/version.c. mmos speaks
 * Linux's ABI, so its sysname is "Linux" (programs test for it); the
 * release says which kernel it really is. The nodename is the build's
 * default host name until sethostname() (Linux's CONFIG_DEFAULT_HOSTNAME).
 */
#include <linux/utsname.h>

DEFINE_SPINLOCK(uts_lock);

struct uts_namespace init_uts_ns = {
	.name = {
		.sysname	= "Linux",
		.nodename	= "(none)",	/* Linux's CONFIG_DEFAULT_HOSTNAME; init sets it */
		.release	= "6.1.0-mmos",
		.version	= "#1 mmos",
		.machine	= "x86_64",
		.domainname	= "(none)",
	},
};
