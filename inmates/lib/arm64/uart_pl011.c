// SPDX-License-Identifier: GPL-2.0
/*
 * Inmate console on the platform's PL011, polled. QEMU virt puts it at
 * 0x09000000; a cell that owns a UART maps it at the same address.
 */
#include <inmate.h>

#define PL011_BASE	0x09000000ul
#define PL011_DR	0x00
#define PL011_FR	0x18
#define PL011_FR_TXFF	(1u << 5)

void bare_console_putc(char c)
{
	volatile u32 *base = (volatile u32 *)PL011_BASE;

	while (base[PL011_FR / 4] & PL011_FR_TXFF)
		;
	base[PL011_DR / 4] = (u8)c;
}
