/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SYSCTL_H
#define _LINUX_SYSCTL_H

#include <linux/types.h>
#include <linux/file.h>	/* loff_t */

/*
 * struct ctl_table - one number under /proc/sys, as Linux's: where it
 * lives (@data), how it is read and written (@proc_handler) and the
 * bounds a write must keep (@extra1 minimum, @extra2 maximum, of the
 * handler's type; NULL: none). The handler reads or writes the text in
 * the kernel buffer @buffer of *@lenp bytes at *@ppos, and sets *@lenp
 * to the bytes it used; it returns 0 or -errno (Linux's signature).
 */
struct ctl_table {
	void *data;
	int (*proc_handler)(const struct ctl_table *table, int write, char *buffer,
			    size_t *lenp, loff_t *ppos);
	const void *extra1, *extra2;
};

int proc_dointvec(const struct ctl_table *table, int write, char *buffer,
		  size_t *lenp, loff_t *ppos);
int proc_dointvec_minmax(const struct ctl_table *table, int write, char *buffer,
			 size_t *lenp, loff_t *ppos);
int proc_doulongvec_minmax(const struct ctl_table *table, int write, char *buffer,
			   size_t *lenp, loff_t *ppos);

/* mm/util.c's: the overcommit numbers that clear each other */
int overcommit_ratio_handler(const struct ctl_table *table, int write, char *buffer,
			     size_t *lenp, loff_t *ppos);
int overcommit_kbytes_handler(const struct ctl_table *table, int write, char *buffer,
			      size_t *lenp, loff_t *ppos);

/* fs/coredump.c's: kernel.core_pattern, a string */
int proc_dostring_coredump(const struct ctl_table *table, int write, char *buffer,
			   size_t *lenp, loff_t *ppos);

extern const int sysctl_vals[];	/* SYSCTL_ZERO .. SYSCTL_TWO point here */
#define SYSCTL_ZERO	(&sysctl_vals[0])
#define SYSCTL_ONE	(&sysctl_vals[1])
#define SYSCTL_TWO	(&sysctl_vals[2])

#endif
