/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H

#include <linux/types.h>

/* console_write - the architecture's console output (x86: COM1). */
void console_write(const char *s, size_t len);

#endif
