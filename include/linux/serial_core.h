/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Serial ports (drivers/tty/serial/serial_core.c): a uart_port's
 * transmit ring, which the tty layer's writes and echoes fill and the
 * UART driver's transmit interrupt drains, and the tty_operations over
 * it. The UART itself is behind struct uart_ops (the 16550:
 * drivers/tty/serial/8250/8250_port.c).
 */
#ifndef _LINUX_SERIAL_CORE_H
#define _LINUX_SERIAL_CORE_H

#include <linux/types.h>
#include <linux/spinlock.h>

struct uart_port;
struct tty_driver;
struct tty_struct;

#define UART_XMIT_SIZE	4096
#define WAKEUP_CHARS	256

/* struct uart_ops - called with port->lock held, interrupts off. */
struct uart_ops {
	void (*start_tx)(struct uart_port *port);	/* the ring has bytes */
	void (*stop_tx)(struct uart_port *port);	/* ^S: stop draining */
};

struct uart_port {
	unsigned long iobase;
	unsigned int irq;
	const struct uart_ops *ops;
	struct tty_struct *tty;		/* set once, by uart_add_one_port */

	/* lock (irqsave) must be held when using these: */
	spinlock_t lock;
	unsigned int xmit_head, xmit_tail;	/* free-running */
	bool tx_stopped;
	u8 xmit[UART_XMIT_SIZE];
};

static inline unsigned int uart_circ_chars_pending(struct uart_port *port)
{
	return port->xmit_head - port->xmit_tail;
}

int uart_add_one_port(struct tty_driver *drv, struct uart_port *port);
void uart_write_wakeup(struct uart_port *port);

#endif
