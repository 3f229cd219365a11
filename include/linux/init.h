/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Boot parameters, Linux's way: each handler registers itself with
 * __setup("name=", fn) or early_param("name", fn) into the .init.setup
 * table. parse_early_param() runs the early ones inside setup_arch()
 * (mem= must be known before memory is set up), parse_args() the rest.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

struct obs_kernel_param {
	const char *str;
	int (*setup_func)(char *);
	int early;
};

#define __setup_param(str, id, fn, early)				\
	static const struct obs_kernel_param __setup_##id		\
	__used __section(".init.setup") __aligned(8) = { str, fn, early }

#define __setup(str, fn)	__setup_param(str, fn, fn, 0)
#define early_param(str, fn)	__setup_param(str, fn, fn, 1)

#define MAX_INIT_ARGS	32
#define MAX_INIT_ENVS	32

extern char boot_command_line[];
extern const char *argv_init[MAX_INIT_ARGS + 2];
extern const char *envp_init[MAX_INIT_ENVS + 2];

void parse_early_param(void);
void parse_args(void);

#endif
