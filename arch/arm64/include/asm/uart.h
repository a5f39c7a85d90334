/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_UART_H
#define _ASM_UART_H

/** pl011_init() - point the debug console at a PL011 mapped at @base. */
void pl011_init(unsigned long base);

#endif /* _ASM_UART_H */
