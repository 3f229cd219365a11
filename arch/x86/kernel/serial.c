// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's console: an 8250/16550 UART at COM1 (I/O port 0x3f8),
 * polled, so that printk works from anywhere, with interrupts off and
 * in panic(). console=ttyS0 on the command line names it; it is the
 * only console. The same UART is also ttyS0, the tty that programs
 * read and write, driven by its interrupt
 * (drivers/tty/serial/8250/8250_port.c).
 */
#include <linux/kernel.h>
#include <linux/arch.h>
#include <linux/console.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/setup.h>

#define COM1	0x3f8
#define UART_THR	0	/* transmit holding register */
#define UART_IER	1
#define UART_FCR	2
#define UART_LCR	3
#define UART_MCR	4
#define UART_LSR	5
#define UART_LSR_THRE	0x20

static bool serial_up;

void early_serial_init(void)
{
	outb(0x00, COM1 + UART_IER);	/* no interrupts until ttyS0 is set up */
	outb(0x80, COM1 + UART_LCR);	/* DLAB: set divisor */
	outb(0x01, COM1 + 0);		/* 115200 baud */
	outb(0x00, COM1 + 1);
	outb(0x03, COM1 + UART_LCR);	/* 8N1 */
	outb(0xc7, COM1 + UART_FCR);	/* FIFO on, cleared */
	outb(0x03, COM1 + UART_MCR);	/* DTR, RTS */
	serial_up = true;
}

/* serial_putc - one byte, once the transmitter is empty. Interrupts are
 * off from the test to the write, so that ttyS0's transmit interrupt
 * cannot fill the FIFO in between. */
static void serial_putc(char c)
{
	unsigned long flags = arch_local_irq_save();

	for (int spins = 0; spins < 100000; spins++)
		if (inb(COM1 + UART_LSR) & UART_LSR_THRE)
			break;
	outb(c, COM1 + UART_THR);
	arch_local_irq_restore(flags);
}

/* console_write - emit @len bytes, turning "\n" into "\r\n". */
void console_write(const char *s, size_t len)
{
	if (!serial_up)
		return;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			serial_putc('\r');
		serial_putc(s[i]);
	}
}
