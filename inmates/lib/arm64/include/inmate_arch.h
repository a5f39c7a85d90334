/* SPDX-License-Identifier: GPL-2.0 */
/* The arm64 part of the inmate library (included by <inmate.h>). */
#ifndef _INMATE_ARCH_H
#define _INMATE_ARCH_H

/* The virtual timer's PPI: what timer_arm() raises. */
#define TIMER_IRQ	27

/**
 * hvc_call() / smc_call() - an HVC or SMC with x0-x3 as given (PSCI, or
 * any function ID; hypercall() is the way to axvm's functions).
 */
long hvc_call(u64 fn, u64 a1, u64 a2, u64 a3);
long smc_call(u64 fn, u64 a1, u64 a2, u64 a3);

#endif /* _INMATE_ARCH_H */
