/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The riscv64 part of struct per_cpu: the hart, what Linux had in HS-mode
 * (given back on disable; its satp, stvec and the like are in the CPU's
 * frame, asm/traps.h), and what other harts ask of this one.
 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

#include <hv/types.h>
#include <asm/irq.h>

struct arch_per_cpu {
	u64 hartid;
	u64 linux_hedeleg;
	u64 linux_hideleg;
	u64 linux_hcounteren;
	u64 linux_henvcfg;
	u64 linux_hstatus;
	/* VSSIP to raise on this hart: an IPI its cell sent it. */
	u32 guest_ipi;
	/* PLIC sources the guest claimed on this hart, not yet completed */
	u64 claimed[ARCH_NUM_IRQS / 64];
	/* an expected fault in HS-mode happened (traps.c) */
	u32 fault_taken;
};

#endif /* _ASM_PERCPU_H */
