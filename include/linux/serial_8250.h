/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SERIAL_8250_H
#define _LINUX_SERIAL_8250_H

/* serial8250_init - COM1 as ttyS0, the console's tty (8250_port.c). */
int serial8250_init(void);

#endif
