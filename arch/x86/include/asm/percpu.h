/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86-64 part of struct per_cpu: the CPU's VMCB and host save area,
 * and where Linux's state was handed over (given back on disable).
 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

#include <hv/types.h>

struct vmcb;
struct axvm_x86_64_linux_state;

struct arch_per_cpu {
	u32 apic_id;
	struct vmcb *vmcb;
	u64 vmcb_pa;
	void *host_save;
	struct axvm_x86_64_linux_state *linux_state;
	u32 flush_generation;	/* of its cell's nested tables, last flushed */
	u32 icr_high;		/* the guest's ICR destination, as it wrote it */
	u32 kicked;		/* an NMI on its way is the firmware's (apic.c) */
	u64 linux_xcr0;		/* XCR0 as Linux had it at entry (handover.c) */
	u32 ioapic_index;	/* the IOAPIC register its guest selected (ioapic.c) */
};

#endif /* _ASM_PERCPU_H */
