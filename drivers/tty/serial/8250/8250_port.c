// SPDX-License-Identifier: GPL-2.0
/*
 * The 16550 UART of COM1 as a tty, ttyS0 (Linux's 8250 driver, reduced
 * to one port): its interrupt (IRQ 4) takes received bytes to the tty
 * layer (tty_receive_buf(), which runs the line discipline there) and
 * refills the transmitter from the port's ring. printk does not come
 * here: console_write() (arch/x86/kernel/serial.c) polls the same UART,
 * so that it works with interrupts off and in panic().
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/serial_8250.h>
#include <linux/serial_core.h>
#include <linux/tty.h>
#include <asm/io.h>
#include <asm/traps.h>

#define UART_RX		0	/* receive buffer */
#define UART_TX		0	/* transmit holding register */
#define UART_IER	1
#define  UART_IER_RDI	0x01	/* receiver data interrupt */
#define  UART_IER_THRI	0x02	/* transmitter holding register empty */
#define UART_IIR	2
#define  UART_IIR_NO_INT 0x01
#define UART_FCR	2
#define UART_MCR	4
#define  UART_MCR_OUT2	0x08	/* gates the interrupt line on a PC */
#define UART_LSR	5
#define  UART_LSR_DR	0x01	/* a received byte is waiting */
#define  UART_LSR_THRE	0x20	/* the transmitter can take bytes */
#define UART_FIFO_SIZE	16
#define PASS_LIMIT	512	/* Linux's: a UART that never quietens is not
				 * allowed to hold the CPU for ever */

#define COM1_BASE	0x3f8
#define COM1_IRQ	4

struct uart_8250_port {
	struct uart_port port;
	u8 ier;			/* what IER is set to: port.lock */
};

static struct uart_8250_port serial8250_port = {
	.port = { .iobase = COM1_BASE, .irq = COM1_IRQ },
};

static struct tty_driver serial8250_driver = {
	.name = "ttyS",
	.major = 4,
	.minor_start = 64,
};

static u8 serial_in(struct uart_8250_port *up, int off)
{
	return inb(up->port.iobase + off);
}

static void serial_out(struct uart_8250_port *up, int off, u8 v)
{
	outb(v, up->port.iobase + off);
}

/* serial8250_tx_chars - move ring bytes into the FIFO; once the ring is
 * empty, stop the THRE interrupt. port.lock held. */
static void serial8250_tx_chars(struct uart_8250_port *up)
{
	struct uart_port *port = &up->port;
	int count = UART_FIFO_SIZE;

	if (!(serial_in(up, UART_LSR) & UART_LSR_THRE))
		return;
	while (count-- && uart_circ_chars_pending(port) && !port->tx_stopped)
		serial_out(up, UART_TX, port->xmit[port->xmit_tail++ % UART_XMIT_SIZE]);
	if (!uart_circ_chars_pending(port) || port->tx_stopped) {
		up->ier &= ~UART_IER_THRI;
		serial_out(up, UART_IER, up->ier);
	}
}

/* serial8250_start_tx - the ring has bytes: fill the FIFO now and let
 * the THRE interrupt do the rest. port.lock held. */
static void serial8250_start_tx(struct uart_port *port)
{
	struct uart_8250_port *up = container_of(port, struct uart_8250_port, port);

	if (!(up->ier & UART_IER_THRI)) {
		up->ier |= UART_IER_THRI;
		serial_out(up, UART_IER, up->ier);
	}
	serial8250_tx_chars(up);
}

static void serial8250_stop_tx(struct uart_port *port)
{
	struct uart_8250_port *up = container_of(port, struct uart_8250_port, port);

	up->ier &= ~UART_IER_THRI;
	serial_out(up, UART_IER, up->ier);
}

static const struct uart_ops serial8250_pops = {
	.start_tx = serial8250_start_tx,
	.stop_tx = serial8250_stop_tx,
};

/*
 * serial8250_interrupt - IRQ 4: until the UART has nothing pending (the
 * PIC's line is edge-triggered, so a condition left set would never
 * interrupt again), at most PASS_LIMIT rounds, receive what is waiting
 * and hand it to the tty layer, then refill the transmitter and wake
 * writers.
 */
static void serial8250_interrupt(struct pt_regs *regs)
{
	struct uart_8250_port *up = &serial8250_port;
	struct uart_port *port = &up->port;
	unsigned long flags;
	int pass = 0;

	while (!(serial_in(up, UART_IIR) & UART_IIR_NO_INT) && pass++ < PASS_LIMIT) {
		u8 buf[UART_FIFO_SIZE];
		int n = 0;
		bool wake;

		while (n < UART_FIFO_SIZE && (serial_in(up, UART_LSR) & UART_LSR_DR))
			buf[n++] = serial_in(up, UART_RX);
		if (n)
			tty_receive_buf(port->tty, buf, n);
		spin_lock_irqsave(&port->lock, flags);
		serial8250_tx_chars(up);
		wake = uart_circ_chars_pending(port) < WAKEUP_CHARS;
		spin_unlock_irqrestore(&port->lock, flags);
		if (wake)
			uart_write_wakeup(port);
	}
}

/*
 * serial8250_init - ttyS0 on COM1, set up by early_serial_init() for
 * printk: register it as the tty, then turn on its receive interrupt.
 * Returns 0 or -ENOMEM.
 */
int serial8250_init(void)
{
	struct uart_8250_port *up = &serial8250_port;
	unsigned long flags;
	int err;

	serial8250_driver.init_termios = tty_std_termios;
	/* a serial console's settings, at the speed early_serial_init()
	 * set (Linux's default for console=ttyS0 would be 9600) */
	serial8250_driver.init_termios.c_cflag = B115200 | CS8 | CREAD | HUPCL | CLOCAL;
	serial8250_driver.init_termios.c_ispeed = 115200;
	serial8250_driver.init_termios.c_ospeed = 115200;
	up->port.ops = &serial8250_pops;
	err = uart_add_one_port(&serial8250_driver, &up->port);
	if (err)
		return err;
	request_irq(up->port.irq, serial8250_interrupt);
	spin_lock_irqsave(&up->port.lock, flags);
	serial_out(up, UART_FCR, 0x07);		/* FIFOs on and cleared, 1-byte trigger */
	serial_out(up, UART_MCR, 0x03 | UART_MCR_OUT2);	/* DTR, RTS, OUT2 */
	while (serial_in(up, UART_LSR) & UART_LSR_DR)
		serial_in(up, UART_RX);		/* what came before is not for us */
	up->ier = UART_IER_RDI;
	serial_out(up, UART_IER, up->ier);
	(void)serial_in(up, UART_IIR);
	spin_unlock_irqrestore(&up->port.lock, flags);
	i8259_unmask(up->port.irq);
	return 0;
}
