/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one interface between the firmware core (hypervisor/) and an
 * architecture (arch/<arch>/). The core calls an architecture only through
 * the hooks declared here; each architecture implements all of them.
 * A NOTE on each hook gives the context it is called in.
 */
#ifndef _HV_ARCH_H
#define _HV_ARCH_H

#include <hv/types.h>

/**
 * arch_console_putc() - write one character to the debug console
 * @c: the character; '\n' is sent as-is (the caller adds '\r').
 *
 * NOTE: any context, interrupts masked; polls, never blocks forever.
 */
void arch_console_putc(char c);

/**
 * arch_cpu_stop() - stop the calling CPU for good
 *
 * NOTE: panic path; never returns.
 */
void __attribute__((noreturn)) arch_cpu_stop(void);

#endif /* _HV_ARCH_H */
