/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Firmware console output: every line starts with "[axvm] ".
 */
#ifndef _HV_PRINTK_H
#define _HV_PRINTK_H

#include <hv/types.h>

/** printk() - format and write to the debug console. */
void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** Set once a CPU panicked: every CPU stops at its next entry. */
extern bool panic_in_progress;

/**
 * panic_stop() - print the cause and stop every CPU
 *
 * NOTE: never returns.
 */
void __attribute__((noreturn)) panic_stop(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

#endif /* _HV_PRINTK_H */
