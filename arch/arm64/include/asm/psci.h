/* SPDX-License-Identifier: GPL-2.0 */
/* PSCI function IDs and results (Arm DEN 0022). */
#ifndef _ASM_PSCI_H
#define _ASM_PSCI_H

#include <hv/types.h>

#define PSCI_VERSION		0x84000000u
#define PSCI_CPU_SUSPEND_32	0x84000001u
#define PSCI_CPU_SUSPEND_64	0xc4000001u
#define PSCI_CPU_OFF		0x84000002u
#define PSCI_CPU_ON_32		0x84000003u
#define PSCI_CPU_ON_64		0xc4000003u
#define PSCI_AFFINITY_INFO_32	0x84000004u
#define PSCI_AFFINITY_INFO_64	0xc4000004u
#define PSCI_MIGRATE_INFO_TYPE	0x84000006u
#define PSCI_SYSTEM_OFF		0x84000008u
#define PSCI_SYSTEM_RESET	0x84000009u
#define PSCI_FEATURES		0x8400000au

#define PSCI_SUCCESS		0
#define PSCI_NOT_SUPPORTED	(-1)
#define PSCI_INVALID_PARAMETERS	(-2)
#define PSCI_DENIED		(-3)
#define PSCI_ALREADY_ON		(-4)

/* AFFINITY_INFO answers with the values of AXVM_CPU_STATE_* (cpu_power_state()). */

#define PSCI_VERSION_1_1	0x10001
#define PSCI_TOS_NOT_PRESENT	2

struct trap_frame;

/** psci_is_function() - @fn is a PSCI function ID (SMC32 or SMC64). */
static inline int psci_is_function(u64 fn)
{
	return (fn & 0xbfffff00u) == 0x84000000u;
}

/** psci_handle() - a cell's PSCI call (trapped SMC); sets x0. */
void psci_handle(struct trap_frame *frame);

/** psci_smc() - a real PSCI call to the platform firmware, from EL2. */
long psci_smc(u64 fn, u64 a1, u64 a2, u64 a3);

#endif /* _ASM_PSCI_H */
