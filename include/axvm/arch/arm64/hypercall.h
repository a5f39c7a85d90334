/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * The hypercall conduit on arm64: `hvc #0` with the function ID in x0 and
 * up to four arguments in x1..x4; the result comes back in x0. The IDs
 * follow the Arm SMC Calling Convention (DEN 0028): fast calls, SMC64, in
 * the "vendor specific hypervisor service" range, so that they can never
 * be mistaken for PSCI or another standard service, nor for the Linux hyp
 * stub's small function numbers. A function ID is the 32 bits of W0.
 */
#ifndef _AXVM_ARCH_ARM64_HYPERCALL_H
#define _AXVM_ARCH_ARM64_HYPERCALL_H

#include <axvm/hypercall.h>

/* The SMCCC function ID of axvm's function number @n (<axvm/hypercall.h>). */
#define AXVM_ARM64_HC_BASE		0xc6000000u
#define AXVM_ARM64_HC_ID(n)		(AXVM_ARM64_HC_BASE + (n))
/* Function IDs in [base, base + AXVM_ARM64_HC_RANGE) are axvm's. */
#define AXVM_ARM64_HC_RANGE		0x10000u

/*
 * Entering: with the firmware's bootstrap vectors installed through the
 * hyp stub, `hvc #0` with x0 = AXVM_ARM64_HC_ENTER, x1 = CPU number, x2 =
 * physical address of the stub's vectors, x3 = size of the system config
 * at header.config_offset. Only answered by the bootstrap vectors.
 */
#define AXVM_ARM64_HC_ENTER		AXVM_ARM64_HC_ID(0x20)

/* arm64's exit reasons (<axvm/hypercall.h>: AXVM_EXIT_*). */
#define AXVM_EXIT_ARM64_PSCI		(AXVM_EXIT_ARCH_FIRST + 0)	/* trapped SMC */
#define AXVM_EXIT_ARM64_SYSREG		(AXVM_EXIT_ARCH_FIRST + 1)	/* GIC register */

#endif /* _AXVM_ARCH_ARM64_HYPERCALL_H */
