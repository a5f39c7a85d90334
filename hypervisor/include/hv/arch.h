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

struct per_cpu;
struct axvm_system_config;

/**
 * arch_global_init() - set up what all CPUs share: the firmware's own page
 * tables (identity map of hypervisor memory and the devices it drives)
 * @sys: the validated system config.
 *
 * NOTE: first CPU's entry, MMU off. 0 or negative errno.
 */
int arch_global_init(const struct axvm_system_config *sys);

/**
 * arch_cpu_init() - take over the calling CPU: MMU on, vectors, traps
 * @cpu: its per-CPU data.
 *
 * NOTE: each CPU's entry, MMU off on arrival. 0, or negative errno with
 * the CPU's EL2 state as Linux left it.
 */
int arch_cpu_init(struct per_cpu *cpu);

/**
 * arch_cpu_leave() - give the calling CPU back to Linux for good
 *
 * NOTE: from the disable hypercall; restores the EL2 state Linux had and
 * resumes the root cell with the hypercall's result 0. Never returns.
 */
void __attribute__((noreturn)) arch_cpu_leave(struct per_cpu *cpu);

#endif /* _HV_ARCH_H */
