// SPDX-License-Identifier: GPL-2.0
/*
 * The serial core (Linux's drivers/tty/serial/serial_core.c, much
 * reduced): the tty_operations of a serial port. Output goes into the
 * port's transmit ring under port->lock (irqsave: the echo path writes
 * from the receive interrupt), and the UART driver's start_tx drains it
 * from its transmit interrupt.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/serial_core.h>
#include <linux/tty.h>

static struct uart_port *tty_port(struct tty_struct *tty)
{
	return tty->driver_data;
}

/* uart_write - queue up to @n bytes and start the transmitter. Returns
 * how many fitted. Never sleeps. */
static int uart_write(struct tty_struct *tty, const u8 *buf, int n)
{
	struct uart_port *port = tty_port(tty);
	unsigned long flags;
	int i;

	spin_lock_irqsave(&port->lock, flags);
	for (i = 0; i < n && uart_circ_chars_pending(port) < UART_XMIT_SIZE; i++)
		port->xmit[port->xmit_head++ % UART_XMIT_SIZE] = buf[i];
	if (i && !port->tx_stopped)
		port->ops->start_tx(port);
	spin_unlock_irqrestore(&port->lock, flags);
	return i;
}

static unsigned int uart_write_room(struct tty_struct *tty)
{
	struct uart_port *port = tty_port(tty);
	unsigned long flags;
	unsigned int room;

	spin_lock_irqsave(&port->lock, flags);
	room = UART_XMIT_SIZE - uart_circ_chars_pending(port);
	spin_unlock_irqrestore(&port->lock, flags);
	return room;
}

static unsigned int uart_chars_in_buffer(struct tty_struct *tty)
{
	struct uart_port *port = tty_port(tty);
	unsigned long flags;
	unsigned int n;

	spin_lock_irqsave(&port->lock, flags);
	n = uart_circ_chars_pending(port);
	spin_unlock_irqrestore(&port->lock, flags);
	return n;
}

/* uart_flush_buffer - drop what is queued and not yet sent. */
static void uart_flush_buffer(struct tty_struct *tty)
{
	struct uart_port *port = tty_port(tty);
	unsigned long flags;

	spin_lock_irqsave(&port->lock, flags);
	port->xmit_tail = port->xmit_head;
	spin_unlock_irqrestore(&port->lock, flags);
	tty_wakeup(tty);
}

static void uart_stop(struct tty_struct *tty)
{
	struct uart_port *port = tty_port(tty);
	unsigned long flags;

	spin_lock_irqsave(&port->lock, flags);
	port->tx_stopped = true;
	port->ops->stop_tx(port);
	spin_unlock_irqrestore(&port->lock, flags);
}

static void uart_start(struct tty_struct *tty)
{
	struct uart_port *port = tty_port(tty);
	unsigned long flags;

	spin_lock_irqsave(&port->lock, flags);
	port->tx_stopped = false;
	if (uart_circ_chars_pending(port))
		port->ops->start_tx(port);
	spin_unlock_irqrestore(&port->lock, flags);
}

/* uart_write_wakeup - the driver's transmit interrupt made room. */
void uart_write_wakeup(struct uart_port *port)
{
	if (port->tty)
		tty_wakeup(port->tty);
}

static const struct tty_operations uart_ops = {
	.write = uart_write,
	.write_room = uart_write_room,
	.chars_in_buffer = uart_chars_in_buffer,
	.flush_buffer = uart_flush_buffer,
	.stop = uart_stop,
	.start = uart_start,
};

/*
 * uart_add_one_port - make @port the tty of @drv (its one device):
 * registers the driver with the tty layer. 0 or -ENOMEM.
 */
int uart_add_one_port(struct tty_driver *drv, struct uart_port *port)
{
	int err;

	spin_lock_init(&port->lock);
	drv->ops = &uart_ops;
	err = tty_register_driver(drv);
	if (err)
		return err;
	drv->tty->driver_data = port;
	port->tty = drv->tty;
	return 0;
}
