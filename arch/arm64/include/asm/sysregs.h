/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System register access and the bits the firmware uses. Values are from
 * the Arm ARM (DDI 0487); shared/ARM64-NOTES.md has the reasoning.
 */
#ifndef _ASM_SYSREGS_H
#define _ASM_SYSREGS_H

#define HCR_VM		(1ull << 0)
#define HCR_FMO		(1ull << 3)
#define HCR_IMO		(1ull << 4)
#define HCR_TSC		(1ull << 19)
#define HCR_RW		(1ull << 31)

#define CNTHCTL_EVNTEN	(1ull << 2)
#define CNTHCTL_EVNTI(bit)	((u64)(bit) << 4)	/* counter bit that triggers */

#define CPTR_EL2_TFP	(1ull << 10)	/* trap FP/SIMD (nVHE layout) */

#define SCTLR_EL2_RES1	0x30c50830ull
#define SCTLR_M		(1ull << 0)
#define SCTLR_C		(1ull << 2)
#define SCTLR_I		(1ull << 12)

/* The affinity fields of MPIDR_EL1 (Aff3, Aff2, Aff1, Aff0). */
#define MPIDR_AFF_MASK	0xff00ffffffull

#define SPSR_EL1H	0x5ull
#define SPSR_DAIF	(0xfull << 6)

#define ESR_EC_SHIFT	26
#define ESR_EC(esr)	(((esr) >> ESR_EC_SHIFT) & 0x3f)
#define ESR_IL		(1ull << 25)
#define EC_UNKNOWN	0x00
#define EC_WFX		0x01
#define EC_HVC64	0x16
#define EC_SMC64	0x17
#define EC_SYSREG	0x18
#define EC_IABT_LOW	0x20
#define EC_IABT_CUR	0x21
#define EC_DABT_LOW	0x24
#define EC_DABT_CUR	0x25

#ifndef __ASSEMBLY__

#include <hv/types.h>

#define read_sysreg(reg) ({						\
	u64 __v;							\
	asm volatile("mrs %0, " #reg : "=r"(__v));			\
	__v;								\
})

#define write_sysreg(val, reg)						\
	asm volatile("msr " #reg ", %0" : : "r"((u64)(val)) : "memory")

static inline void isb(void)
{
	asm volatile("isb" ::: "memory");
}

static inline void dsb_ish(void)
{
	asm volatile("dsb ish" ::: "memory");
}

#endif /* __ASSEMBLY__ */
#endif /* _ASM_SYSREGS_H */
