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
 * Entering: not a hypercall. Linux runs in HS-mode already; the driver
 * calls a trampoline of its own (module text), interrupts off, with
 *	a0 = CPU number, a1 = hart id, a2 = physical address of hypervisor
 *	memory, a3 = size of the system config at header.config_offset,
 *	a4 = the boot satp, a5 = physical address of the entry code,
 *	a6 = Linux's address of the driver's landing code.
 * The entry area at header.entry_offset is a 4 KiB Sv39 page table that
 * maps the lower 256 GiB 1:1 (and nothing of the kernel's upper half),
 * followed by the entry code (entry_offset + AXVM_RISCV64_BOOT_TABLE_SIZE).
 * The trampoline reads satp, stvec and sstatus into t0, t1, t2, points
 * stvec at the entry code and satp at the boot table (Sv39): its next
 * instruction fetch takes an instruction page fault, which lands in the
 * entry code, running 1:1, with Linux's other registers as they were.
 * The firmware returns to the caller in VS-mode with a0 = 0, or in HS-mode
 * with a0 = a negative errno: then, like after a disable hypercall, it
 * switches back the same way, into the landing code with t0 = Linux's
 * stvec and t2 = the address to resume at; t0-t2 are clobbered.
 */
#define AXVM_RISCV64_BOOT_TABLE_SIZE	4096

/* riscv64's exit reasons (<axvm/hypercall.h>: AXVM_EXIT_*). */
#define AXVM_EXIT_RISCV64_SBI		(AXVM_EXIT_ARCH_FIRST + 0)	/* SBI call */
#define AXVM_EXIT_RISCV64_IRQ		(AXVM_EXIT_ARCH_FIRST + 1)	/* external irq */

#endif /* _AXVM_ARCH_RISCV64_HYPERCALL_H */
