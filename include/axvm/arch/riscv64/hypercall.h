/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * The hypercall conduit on riscv64: an SBI call. `ecall` from VS-mode with
 * a7 = AXVM_RISCV64_SBI_EXT, a6 = the function number of
 * <axvm/hypercall.h>, arguments in a0..a2; the result comes back in a0 (a
 * value, or a negative errno as on every architecture) and a1 is 0. The
 * extension ID is in the SBI specification's firmware-specific range
 * (0x0a000000-0x0affffff: for the SBI implementation the caller talks to,
 * which for a cell or the root is the hypervisor), so it is never a
 * standard extension nor one of the platform firmware's own.
 *
 * Any other SBI extension from the root goes to the platform's SBI, except
 * those the hypervisor must answer itself (HSM, IPI, RFENCE, SRST, TIME:
 * docs/architecture.md).
 */
#ifndef _AXVM_ARCH_RISCV64_HYPERCALL_H
#define _AXVM_ARCH_RISCV64_HYPERCALL_H

#include <axvm/hypercall.h>

/* "AXV" in the firmware-specific SBI extension range. */
#define AXVM_RISCV64_SBI_EXT		0x0a415856u

/*
 * Entering: not a hypercall. The driver maps hypervisor memory executable
 * at some kernel address V and calls V + header.entry_offset as a function
 * with interrupts off:
 *	a0 = CPU number, a1 = hart id, a2 = physical address of hypervisor
 *	memory, a3 = size of the system config at header.config_offset,
 *	a4 = V.
 * It returns 0 in VS-mode (the CPU is now under the hypervisor, Linux's
 * S-mode state moved into the VS registers), or a negative errno still in
 * HS-mode with everything as it was. V must stay mapped until every CPU
 * has left: leaving returns through it.
 */

/* riscv64's exit reasons (<axvm/hypercall.h>: AXVM_EXIT_*). */
#define AXVM_EXIT_RISCV64_SBI		(AXVM_EXIT_ARCH_FIRST + 0)	/* SBI call */
#define AXVM_EXIT_RISCV64_IRQ		(AXVM_EXIT_ARCH_FIRST + 1)	/* external irq */

#endif /* _AXVM_ARCH_RISCV64_HYPERCALL_H */
