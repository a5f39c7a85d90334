/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Hypercalls: how the root cell's driver and the inmates call the firmware.
 *
 * These are the function numbers, the same on every architecture. How a
 * number travels (the conduit: instruction, registers, the ID space it is
 * mapped into) is the architecture's: include/axvm/arch/<arch>/hypercall.h.
 * The result is a negative errno on failure.
 */
#ifndef _AXVM_HYPERCALL_H
#define _AXVM_HYPERCALL_H

#define AXVM_HC(n)			(n)

/* Any cell. */
#define AXVM_HC_VERSION			AXVM_HC(0x00)	/* -> ABI revision */
#define AXVM_HC_CONSOLE_PUTC		AXVM_HC(0x01)	/* x1 = character */
#define AXVM_HC_CELL_SHUTDOWN_SELF	AXVM_HC(0x02)
/* The cell reports its own crash: x1 = syndrome, x2 = address. */
#define AXVM_HC_CELL_FAIL_SELF		AXVM_HC(0x03)
/*
 * Where the architecture's firmware interface has no call for them
 * (x86-64; arm64 has PSCI, riscv64 the SBI's HSM): the calling CPU
 * switches itself off (its cell shuts down when it was the last one
 * running), and the state of CPU x1 (a hardware id: the APIC ID) of the
 * caller's cell: AXVM_CPU_STATE_*, or -EINVAL for a CPU it does not own.
 * The root's CPUs go off and on through Linux (AXVM_HC_CPU_PARK): both
 * are for cells.
 */
#define AXVM_HC_CPU_OFF			AXVM_HC(0x04)
#define AXVM_HC_CPU_GET_STATE		AXVM_HC(0x05)	/* x1 = hardware id */
#define AXVM_CPU_STATE_ON		0
#define AXVM_CPU_STATE_OFF		1
#define AXVM_CPU_STATE_ON_PENDING	2

/*
 * The root cell only; any other cell that calls one of them (AXVM_HC_DISABLE
 * to AXVM_HC_LAST) fails. Any other number nobody defined returns
 * AXVM_HC_NOT_SUPPORTED (the conduit's "not supported").
 */
#define AXVM_HC_NOT_SUPPORTED		(-1)
#define AXVM_HC_DISABLE			AXVM_HC(0x10)
#define AXVM_HC_CELL_CREATE		AXVM_HC(0x11)	/* x1 = config PA, x2 = size */
#define AXVM_HC_CELL_SET_LOADABLE	AXVM_HC(0x12)	/* x1 = cell id */
#define AXVM_HC_CELL_START		AXVM_HC(0x13)	/* x1 = cell id */
#define AXVM_HC_CELL_SHUTDOWN		AXVM_HC(0x14)	/* x1 = cell id */
#define AXVM_HC_CELL_DESTROY		AXVM_HC(0x15)	/* x1 = cell id */
#define AXVM_HC_CELL_GET_STATE		AXVM_HC(0x16)	/* x1 = cell id */
#define AXVM_HC_MEMORY_INFO		AXVM_HC(0x17)	/* x1 = 0 total, 1 used */
#define AXVM_HC_CPU_STATS		AXVM_HC(0x18)	/* x1 = cpu, x2 = AXVM_EXIT_* */
/* x1 = cell id or AXVM_CONSOLE_OF_HYPERVISOR -> PA of its console ring */
#define AXVM_HC_CONSOLE_RING		AXVM_HC(0x19)
/* x1 = cell id, x2 = AXVM_CELL_INFO_* -> value */
#define AXVM_HC_CELL_GET_INFO		AXVM_HC(0x1a)
/*
 * x1 = CPU: Linux took that root CPU offline and it waits in its dead
 * loop: park it in the hypervisor (where the firmware cannot see the CPU
 * switch itself off: x86-64), so that a start is the hypervisor's to do.
 */
#define AXVM_HC_CPU_PARK		AXVM_HC(0x1b)
#define AXVM_HC_LAST			AXVM_HC(0xff)	/* the management range */

#define AXVM_CELL_INFO_FAIL_SYNDROME	0	/* what stopped a failed cell */
#define AXVM_CELL_INFO_FAIL_ADDRESS	1

/*
 * Why a CPU left its cell for the hypervisor: counted per CPU. The reasons
 * every architecture has, then from AXVM_EXIT_ARCH_FIRST the architecture's
 * own (include/axvm/arch/<arch>/hypercall.h).
 */
#define AXVM_EXIT_HYPERCALL		0
#define AXVM_EXIT_MMIO			1	/* emulated device access */
#define AXVM_EXIT_ABORT			2	/* access outside the cell */
#define AXVM_EXIT_MANAGEMENT		3	/* the hypervisor's own interrupt */
#define AXVM_EXIT_OTHER			4
#define AXVM_EXIT_ARCH_FIRST		5
#define AXVM_NUM_EXIT_REASONS		8


#endif /* _AXVM_HYPERCALL_H */
