/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The inmate library: what a bare-metal program running in an axvm cell
 * (or directly on the platform, for comparison) gets to start with.
 */
#ifndef _INMATE_H
#define _INMATE_H

#include <hv/types.h>

/** inmate_main() - the program; called once on the boot CPU. */
void inmate_main(void);

/** printk() - formatted output on the inmate's console. */
void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** console_putc() - one character on the inmate's console. */
void console_putc(char c);

/** inmate_exit() - switch the machine (or the cell) off. */
void __attribute__((noreturn)) inmate_exit(void);

/** hypercall() - call the axvm firmware (AXVM_HC_*). */
long hypercall(unsigned long code, unsigned long arg1, unsigned long arg2);

/** in_cell() - the inmate runs in an axvm cell (not alone on the machine). */
bool in_cell(void);

/** timer_frequency() - ticks per second of the generic timer. */
u64 timer_frequency(void);

/** timer_ticks() - the virtual counter now. */
u64 timer_ticks(void);

#endif /* _INMATE_H */
