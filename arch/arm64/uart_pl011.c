// SPDX-License-Identifier: GPL-2.0
/*
 * The debug console on an Arm PL011 UART, polled: the firmware never takes
 * the UART's interrupt, which stays with the root cell.
 */
#include <hv/arch.h>

#include <asm/uart.h>

#define PL011_DR	0x00
#define PL011_FR	0x18
#define PL011_FR_TXFF	(1u << 5)
/* Bounded wait: a stuck UART must not hang the hypervisor. */
#define PL011_SPIN_MAX	100000

/* Set up from the system config's debug console; 0 until then. */
static volatile u8 *pl011_base;

void pl011_init(unsigned long base)
{
	pl011_base = (volatile u8 *)base;
}

void arch_console_putc(char c)
{
	unsigned int spin = PL011_SPIN_MAX;

	if (!pl011_base)
		return;
	while ((*(volatile u32 *)(pl011_base + PL011_FR) & PL011_FR_TXFF) &&
	       --spin)
		;
	*(volatile u32 *)(pl011_base + PL011_DR) = (u8)c;
}
