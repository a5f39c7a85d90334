/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The local APIC (xAPIC, the register page): the firmware's own use of
 * it (kicks as NMIs) and its emulation for the root, whose accesses to the
 * page trap, so that the IPIs it sends are the firmware's to deliver
 * (INIT and SIPI are emulated: they would reset a CPU out of the
 * hypervisor).
 */
#ifndef _ASM_APIC_H
#define _ASM_APIC_H

#include <hv/types.h>

#define APIC_ID			0x020
#define APIC_LVR		0x030
#define APIC_LVR_MAX_LVT(v)	(((v) >> 16) & 0xff)
#define APIC_LVT_CMCI_INDEX	6	/* the CMCI entry exists from this count on */
#define APIC_TPR		0x080
#define APIC_APR		0x090
#define APIC_PPR		0x0a0
#define APIC_EOI		0x0b0
#define APIC_LDR		0x0d0
#define APIC_DFR		0x0e0
#define APIC_DFR_FLAT		0xffffffffu
#define APIC_SVR		0x0f0
#define APIC_SVR_ENABLE		(1u << 8)
#define APIC_SVR_RESET_VECTOR	0xffu	/* SVR after INIT: disabled, vector 0xff */
#define APIC_ISR		0x100
#define APIC_ESR		0x280
#define APIC_LVT_CMCI		0x2f0
#define APIC_ICR_LOW		0x300
#define APIC_ICR_HIGH		0x310
#define APIC_LVT_TIMER		0x320
#define APIC_LVT_THERMAL	0x330
#define APIC_LVT_PERF		0x340
#define APIC_LVT_LINT0		0x350
#define APIC_LVT_LINT1		0x360
#define APIC_LVT_ERROR		0x370
#define APIC_TIMER_INITIAL	0x380
#define APIC_TIMER_CURRENT	0x390
#define APIC_TIMER_DIVIDE	0x3e0
#define APIC_REG_LIMIT		0x400

#define APIC_ICR_VECTOR		0xffu
#define APIC_MIN_VECTOR		0x10	/* below: the exceptions' */
#define APIC_ICR_MODE(icr)	(((icr) >> 8) & 7)
#define APIC_DM_FIXED		0
#define APIC_DM_LOWEST		1
#define APIC_DM_NMI		4
#define APIC_DM_INIT		5
#define APIC_DM_STARTUP		6
#define APIC_ICR_LOGICAL	(1u << 11)
#define APIC_ICR_BUSY		(1u << 12)
#define APIC_ICR_ASSERT		(1u << 14)
#define APIC_ICR_SHORTHAND(icr)	(((icr) >> 18) & 3)
#define APIC_ICR_SHORTHAND_MASK	(3u << 18)
#define APIC_SH_SELF		1
#define APIC_SH_ALL		2
#define APIC_SH_OTHERS		3
#define APIC_BROADCAST		0xffu	/* physical destination: every CPU */
#define APIC_LVT_MASKED		(1u << 16)
#define APIC_LVT_DELIVERY_MASK	(7u << 8)

struct per_cpu;
struct guest_regs;

/* The real local APIC of the calling CPU. */
u32 apic_read(unsigned int reg);
void apic_write(unsigned int reg, u32 value);
/* An NMI to the CPU with APIC ID @apic_id (the firmware's kick). */
void apic_send_nmi(u32 apic_id);
/* Where the firmware ends an interrupt (set once, before any CPU enters). */
void apic_global_init(void);
/*
 * The calling CPU's APIC to a quiet state: LVTs masked, timer stopped,
 * TPR 0, no logical destination, no error, nothing in service or
 * requested, software-disabled as after INIT.
 */
void apic_quiesce(void);

/*
 * A guest touched its local APIC's page at @offset: emulate the access
 * the instruction at the guest's rip makes. False if it cannot be
 * emulated (the caller injects a fault or fails the cell).
 */
bool apic_emulate_access(struct per_cpu *cpu, struct guest_regs *regs, u64 offset);

#endif /* _ASM_APIC_H */
