// SPDX-License-Identifier: GPL-2.0
/*
 * Ending the machine. Under QEMU's -no-reboot a reset makes QEMU exit,
 * which is how reboot(2), panic=-1 and the end of a test run finish.
 * The test runner adds an isa-debug-exit device, whose port turns a
 * status into QEMU's exit code: (status << 1) | 1.
 */
#include <linux/kernel.h>
#include <linux/reboot.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/desc.h>

#define ISA_DEBUG_EXIT_PORT	0xf4

/* machine_restart - reset via the keyboard controller, else triple fault. */
void machine_restart(void)
{
	struct desc_ptr none = { 0, 0 };

	arch_local_irq_disable();
	for (int i = 0; i < 10; i++)
		outb(0xfe, 0x64);
	__asm__ volatile("lidt %0; int3" :: "m"(none));
	for (;;)
		__asm__ volatile("hlt");
}

/* machine_halt - stop here for good (panic=0, as on Linux). */
void machine_halt(void)
{
	arch_local_irq_disable();
	for (;;)
		__asm__ volatile("hlt");
}

/* machine_power_off - ACPI's S5 if acpi_boot_table_init() found it (QEMU
 * then exits), else, or if that did not take, halt. */
void machine_power_off(void)
{
	arch_local_irq_disable();
	if (pm_power_off)
		pm_power_off();
	machine_halt();
}

/* mmos_test_exit - end a test run with @status; without the debug-exit
 * device QEMU just resets (and exits under -no-reboot). */
void mmos_test_exit(unsigned int status)
{
	outl(status, ISA_DEBUG_EXIT_PORT);
	machine_restart();
}
