// SPDX-License-Identifier: GPL-2.0
/*
 * The debug console on a 16550-compatible UART at an I/O port, polled.
 * Linux's own serial driver keeps the UART (its ttyS0): we only wait for
 * the transmitter to be empty and write a byte, never change its setup,
 * so both may print; lines may interleave.
 */
#include <axvm/config.h>
#include <hv/arch.h>
#include <hv/control.h>

#include <asm/processor.h>

#define UART_THR	0	/* transmit holding register */
#define UART_LSR	5	/* line status */
#define UART_LSR_THRE	0x20	/* transmit holding register empty */
/* Give up on a UART that never drains, rather than hang the firmware. */
#define UART_POLLS	100000

void arch_console_putc(char c)
{
	u16 port;
	unsigned int i;

	if (!system_config ||
	    system_config->system.debug_console.type != AXVM_CONSOLE_8250_PIO)
		return;
	port = (u16)system_config->system.debug_console.address;
	for (i = 0; i < UART_POLLS && !(inb(port + UART_LSR) & UART_LSR_THRE); i++)
		cpu_relax();
	outb(port + UART_THR, (u8)c);
}
